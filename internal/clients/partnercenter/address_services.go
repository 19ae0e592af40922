// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// API paths of Partner Center's address services.
const (
	countryRulesPath      = "/v1/countryvalidationrules/%s"
	addressValidationPath = "/v1/validations/address"
)

// CountryRules are Partner Center's rules for addresses and profiles in one country, as
// GET /v1/countryvalidationrules/{iso2} answers them.
type CountryRules = rules.CountryRules

// Address validation statuses Partner Center answers with.
const (
	AddressVerified            = "Verified"
	AddressVerifiedShippable   = "VerifiedShippable"
	AddressInteractionRequired = "InteractionRequired"
	AddressStreetPartial       = "StreetPartial"
	AddressPremisesPartial     = "PremisesPartial"
	AddressMultiple            = "Multiple"
	AddressNone                = "None"
	AddressNotValidated        = "NotValidated"
)

// PostalAddress is the address the validation service checks.
type PostalAddress struct {
	AddressLine1 string `json:"addressLine1,omitempty"`
	AddressLine2 string `json:"addressLine2,omitempty"`
	AddressLine3 string `json:"addressLine3,omitempty"`
	City         string `json:"city,omitempty"`
	State        string `json:"state,omitempty"`
	PostalCode   string `json:"postalCode,omitempty"`
	Country      string `json:"country"`
}

// String renders the address on one line, as a suggestion is shown to users.
func (a PostalAddress) String() string {
	var parts []string
	for _, p := range []string{a.AddressLine1, a.AddressLine2, a.AddressLine3, a.City, strings.TrimSpace(a.State + " " + a.PostalCode), a.Country} {
		if strings.TrimSpace(p) != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

// AddressValidation is the validation service's verdict on an address.
type AddressValidation struct {
	Suggested         []PostalAddress `json:"suggestedAddresses"`
	Status            string          `json:"status"`
	ValidationMessage string          `json:"validationMessage"`
}

// countryRulesCache keeps each country's rules for the client's lifetime (one provider run):
// concurrent callers for one country share a single request.
type countryRulesCache struct {
	mu      sync.Mutex
	entries map[string]*rulesEntry
}

type rulesEntry struct {
	once  sync.Once
	rules *CountryRules
	err   error
}

// CountryValidationRules returns Partner Center's rules for country (ISO 3166-1 alpha-2), fetched
// once per client. A failed fetch is not cached, so a later call tries again.
func (c *Client) CountryValidationRules(ctx context.Context, country string) (*CountryRules, error) {
	country = strings.ToUpper(country)
	if !rules.Country.MatchString(country) {
		return nil, fmt.Errorf("country %q is not an ISO 3166-1 alpha-2 code", country)
	}
	c.rules.mu.Lock()
	if c.rules.entries == nil {
		c.rules.entries = map[string]*rulesEntry{}
	}
	e, ok := c.rules.entries[country]
	if !ok {
		e = &rulesEntry{}
		c.rules.entries[country] = e
	}
	c.rules.mu.Unlock()
	e.once.Do(func() {
		var r CountryRules
		e.err = c.do(ctx, call{method: http.MethodGet, path: fmt.Sprintf(countryRulesPath, country), out: &r})
		e.rules = &r
	})
	if e.err != nil {
		c.rules.mu.Lock()
		delete(c.rules.entries, country)
		c.rules.mu.Unlock()
		return nil, fmt.Errorf("reading the address rules of %s: %w", country, e.err)
	}
	return e.rules, nil
}

// ValidateAddress asks Partner Center's address validation service about a.
func (c *Client) ValidateAddress(ctx context.Context, a PostalAddress) (*AddressValidation, error) {
	var v AddressValidation
	if err := c.do(ctx, call{method: http.MethodPost, path: addressValidationPath, in: a, out: &v}); err != nil {
		return nil, fmt.Errorf("validating the address %s: %w", a, err)
	}
	return &v, nil
}
