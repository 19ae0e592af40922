// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
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
		return &incompleteError{missing: missing}
	}
	return nil
}

// incompleteError is a billing profile answer that lacks fields every profile has.
type incompleteError struct {
	missing []string // in the order of requiredProfileFields
}

func (e *incompleteError) Error() string {
	return fmt.Sprintf("it is not a whole billing profile: it lacks %s, which every billing profile has",
		strings.Join(e.missing, ", "))
}

// IsIncompleteProfile reports whether err is an answer that is a billing profile Partner Center
// stores (it carries its ETag) but that lacks another field every profile has, such as its
// culture: a fault of that one customer's profile, unlike an answer that is no profile at all
// ({}, null, a gateway's stub), which may meet every customer alike.
func IsIncompleteProfile(err error) bool {
	var ae *AnswerError
	return errors.As(err, &ae) && len(ae.Lacks) > 0 && !slices.Contains(ae.Lacks, keyAttributes+"."+keyETag)
}

// of returns the check that p, once decoded, is the billing profile of customerID: a profile whose
// self link names another customer, or no customer, is an answer about another object. A profile
// without a self link cannot tell, and is taken.
func (p *BillingProfile) of(customerID string) func() error {
	return func() error {
		uri := p.selfURI()
		if uri == "" {
			return nil
		}
		named, ok := customerInPath(uri)
		if !ok {
			return fmt.Errorf("it is not the billing profile of customer %s that was asked for: its self link %q names no customer", customerID, uri)
		}
		if !strings.EqualFold(named, customerID) {
			return fmt.Errorf("it is the billing profile of customer %s, not of customer %s that was asked for (its self link is %q)",
				named, customerID, uri)
		}
		return nil
	}
}

// selfURI is links.self.uri of the profile as read, "" when it has none.
func (p *BillingProfile) selfURI() string {
	v, ok := lookup(p.raw, keyLinks)
	if !ok {
		return ""
	}
	var links struct {
		Self struct {
			URI string `json:"uri"`
		} `json:"self"`
	}
	_ = json.Unmarshal(v, &links) // keys match without regard to case, as Partner Center's do; a broken link names nothing
	return links.Self.URI
}

// customerInPath is the customer a Partner Center URI names: the segment after "customers", as
// in /v1/customers/{id}/profiles/billing.
func customerInPath(uri string) (string, bool) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", false
	}
	segments := strings.Split(strings.Trim(u.Path, "/"), "/")
	for i, s := range segments {
		if strings.EqualFold(s, "customers") && i+1 < len(segments) && segments[i+1] != "" {
			return segments[i+1], true
		}
	}
	return "", false
}
