// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// What the billing profile's RPCs remember for later ones of the same provider process
// (framework.Memory), by canonical customer id:
//   - gone: Partner Center's answer that a customer no longer exists, met by a refresh, so that the
//     plan that follows in the same process tells the truth about it without asking again
//     (refusesGoneCustomer);
//   - offered: a profile partnercenter_customer_billing_profiles read, until an import of it in the
//     same plan takes it instead of reading it again (readForState).
var (
	goneAnswers = framework.NewMemory[error]("billing/gone")
	offered     = framework.NewMemory[offeredRead]("billing/offered")
)

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
func offerRead(d *framework.ProviderData, customerID string, p *partnercenter.BillingProfile) {
	offered.Remember(d, framework.CanonicalID(customerID), offeredRead{p, time.Now()})
}

// takeOfferedRead takes the read offered for customerID, once, if it is recent enough; else nil.
func takeOfferedRead(d *framework.ProviderData, customerID string) *partnercenter.BillingProfile {
	if o, ok := offered.Take(d, framework.CanonicalID(customerID)); ok && time.Since(o.at) <= maxOfferedReadAge {
		return o.profile
	}
	return nil
}

// noteGone remembers Partner Center's answer err that customerID no longer exists.
func noteGone(d *framework.ProviderData, customerID string, err error) {
	goneAnswers.Remember(d, framework.CanonicalID(customerID), err)
}

// goneAnswer is Partner Center's answer that customerID no longer exists, if a refresh met one,
// else nil.
func goneAnswer(d *framework.ProviderData, customerID string) error {
	err, _ := goneAnswers.Recall(d, framework.CanonicalID(customerID))
	return err
}
