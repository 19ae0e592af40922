// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/client"
)

// providerData is what the provider's Configure hands every resource and data source.
type providerData struct {
	client *client.Client
	// checkAddresses is the provider's validate_address setting.
	checkAddresses bool
	// gone holds, by canonical customer id, Partner Center's answer that a customer no longer
	// exists, met by a refresh of this provider process: the plan that follows in the same process
	// tells the truth about it (see customerGone) without asking again.
	gone sync.Map
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
func clientOf(d *providerData) *client.Client {
	if d == nil {
		return nil
	}
	return d.client
}
