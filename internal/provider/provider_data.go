// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
)

// providerData is what the provider's Configure hands every resource and data source.
type providerData struct {
	client *partnercenter.Client
	// checkAddresses is the provider's validate_address setting.
	checkAddresses bool
	// gone holds, by canonical customer id, Partner Center's answer that a customer no longer
	// exists, met by a refresh of this provider process: the plan that follows in the same process
	// tells the truth about it (see customerGone) without asking again.
	gone sync.Map
	// offered holds profiles partnercenter_customer_billing_profiles read (offeredRead), by canonical
	// customer id, until an import in the same plan takes them.
	offered sync.Map
}

// offeredRead is a profile partnercenter_customer_billing_profiles read, offered to an import.
type offeredRead struct {
	profile *partnercenter.BillingProfile
	at      time.Time
}

// maxOfferedReadAge is how old a read offered to an import may be: the import follows the data
// source in the same plan, seconds later, and a plan that took longer reads the profile again.
const maxOfferedReadAge = 5 * time.Minute

// offerRead offers p, customerID's profile just read, to the import of that profile in the same
// plan (takeOfferedRead), which would otherwise read it again.
func (d *providerData) offerRead(customerID string, p *partnercenter.BillingProfile) {
	d.offered.Store(canonicalID(customerID), offeredRead{p, time.Now()})
}

// takeOfferedRead takes the read offered for customerID, once, if it is recent enough; else nil.
func (d *providerData) takeOfferedRead(customerID string) *partnercenter.BillingProfile {
	v, ok := d.offered.LoadAndDelete(canonicalID(customerID))
	if !ok {
		return nil
	}
	if o := v.(offeredRead); time.Since(o.at) <= maxOfferedReadAge {
		return o.profile
	}
	return nil
}

// noteGone remembers Partner Center's answer err that customerID no longer exists.
func (d *providerData) noteGone(customerID string, err error) {
	d.gone.Store(canonicalID(customerID), err)
}

// goneAnswer is Partner Center's answer that customerID no longer exists, if a refresh met one,
// else nil.
func (d *providerData) goneAnswer(customerID string) error {
	if v, ok := d.gone.Load(canonicalID(customerID)); ok {
		return v.(error)
	}
	return nil
}

// addressChecksOn says whether to check addresses at plan time against Partner Center's address
// services: the resource's validate_address when set, else the provider's.
func (d *providerData) addressChecksOn(override types.Bool) bool {
	if !override.IsNull() && !override.IsUnknown() {
		return override.ValueBool()
	}
	return d.checkAddresses
}

// configuredData takes what the provider's Configure handed over (nil before that).
func configuredData(data any, diags *diag.Diagnostics) *providerData {
	if data == nil {
		return nil
	}
	d, ok := data.(*providerData)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider; please report it.", data))
	}
	return d
}

// clientOf returns the configured client, or nil before Configure.
func clientOf(d *providerData) *partnercenter.Client {
	if d == nil {
		return nil
	}
	return d.client
}
