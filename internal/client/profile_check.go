// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package client

import (
	"fmt"
	"strings"
)

// requiredProfileFields are what every customer billing profile Partner Center answers with
// holds. An answer without one of them is not a profile but a fault (an empty or null body, a
// gateway's stub, a cut or rewritten answer), and a profile built from it would erase the missing
// fields with the next full-replacement PUT.
//
// The list is deliberately short, because a real profile must never be refused:
//   - attributes.etag: Partner Center stamps every profile with one, and no update is possible
//     without it.
//   - companyName, culture and language: Partner Center cannot create a customer without them
//     (culture and language set its invoices and mail), and every creation sample of Microsoft's
//     API and SDK docs sets them.
//   - defaultAddress.country, when the profile has an address: an address without its country is
//     not one Partner Center holds (the country sets its tax, currency and address rules).
//
// Left out on purpose: the address itself (the provider adopts profiles that have none and
// completes them), email and the profile's own firstName and lastName (Microsoft's own
// create-customer samples send email "" and no top-level names, so real profiles may lack them),
// and the address lines, city, state and postal code, whose rules differ by country.
var requiredProfileFields = []struct {
	name  string
	value func(*BillingProfile) (string, bool) // the value, and whether the profile must hold it
}{
	{keyAttributes + "." + keyETag, func(p *BillingProfile) (string, bool) { return p.ETag, true }},
	{KeyCompanyName, func(p *BillingProfile) (string, bool) { return p.CompanyName, true }},
	{KeyCulture, func(p *BillingProfile) (string, bool) { return p.Culture, true }},
	{KeyLanguage, func(p *BillingProfile) (string, bool) { return p.Language, true }},
	{keyDefaultAddress + "." + KeyCountry, func(p *BillingProfile) (string, bool) {
		if p.DefaultAddress == nil {
			return "", false
		}
		return p.DefaultAddress.Country, true
	}},
}

// missingFields lists the required fields p lacks, in the order of requiredProfileFields.
func (p *BillingProfile) missingFields() []string {
	var out []string
	for _, f := range requiredProfileFields {
		if v, required := f.value(p); required && strings.TrimSpace(v) == "" {
			out = append(out, f.name)
		}
	}
	return out
}

// checkAnswer refuses a decoded answer that lacks what every billing profile has.
func (p *BillingProfile) checkAnswer() error {
	if missing := p.missingFields(); len(missing) > 0 {
		return fmt.Errorf("it is not a whole billing profile: it lacks %s, which every billing profile has",
			strings.Join(missing, ", "))
	}
	return nil
}
