// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// RelationshipReseller is the relationshipToPartner of a customer the partner resells to, the
// relationship a billing profile is managed under.
const RelationshipReseller = "reseller"

// Company is what the customers API shows of a customer besides its billing profile: the company
// profile's name and domain, and the partner's relationship to the customer.
type Company struct {
	Name string
	// Domain is the tenant's initial domain, such as contoso.onmicrosoft.com.
	Domain string
	// Relationship is relationshipToPartner, such as "reseller" (the default) or "advisor".
	Relationship string
	// WithoutAdminRoles stands for a customer in which the partner holds no delegated admin role:
	// Partner Center then leaves the domain, email and address out of its company profile.
	WithoutAdminRoles bool
}

// customerDirectory holds what the customers API needs beyond the stored billing profiles. It is
// guarded by Server.mu.
type customerDirectory struct {
	// companies holds the companies set by SetCompany. A customer without one is listed under its
	// billing profile's company name, so customers seeded by SeedCustomer are listed too.
	companies map[string]Company
	// tokenKey signs continuation tokens, so that a token the emulator did not issue is refused.
	tokenKey      []byte
	tokenLifetime time.Duration
}

// SetCompany sets the company profile and relationship the customers API shows for a seeded customer.
func (s *Server) SetCompany(customerID string, c Company) error {
	id := strings.ToLower(customerID)
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.customers[id]; !ok {
		return fmt.Errorf("emulator: no customer %s", customerID)
	}
	if c.Relationship == "" {
		c.Relationship = RelationshipReseller
	}
	if s.directory.companies == nil {
		s.directory.companies = map[string]Company{}
	}
	s.directory.companies[id] = c
	return nil
}

// Company returns the company the customers API shows for the customer.
func (s *Server) Company(customerID string) (Company, bool) {
	id := strings.ToLower(customerID)
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.customers[id]; !ok {
		return Company{}, false
	}
	return s.companyLocked(id), true
}

// companyLocked is the company of a stored customer; s.mu must be held.
func (s *Server) companyLocked(id string) Company {
	if c, ok := s.directory.companies[id]; ok {
		return c
	}
	name, _ := s.customers[id]["companyName"].(string)
	if name == "" {
		name = "Customer " + id[:8]
	}
	return Company{Name: name, Domain: domainOf(name, id[:8]), Relationship: RelationshipReseller}
}

// domainOf makes an initial domain from a company name: its letters and digits, then suffix.
func domainOf(name, suffix string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	return b.String() + suffix + ".onmicrosoft.com"
}

// sampleCompanies are the fictitious companies SeedCustomers names its customers after.
var sampleCompanies = []string{
	"Contoso", "Fabrikam", "Northwind Traders", "Tailspin Toys", "Woodgrove Bank",
	"Adventure Works", "Alpine Ski House", "Litware", "Proseware", "Wingtip Toys",
}

// SeedCustomers adds n customers with realistic billing profiles and distinct companies, for demos
// and benchmarks: customer i is named after sampleCompanies[i % 10] and numbered i/10 + 1, as in
// "Fabrikam 0001" with the domain fabrikam0001.onmicrosoft.com. It returns the new customer ids.
func (s *Server) SeedCustomers(n int) ([]string, error) {
	ids := make([]string, 0, n)
	for i := range n {
		base := sampleCompanies[i%len(sampleCompanies)]
		number := fmt.Sprintf("%04d", i/len(sampleCompanies)+1)
		c := Company{Name: base + " " + number, Domain: domainOf(base, number), Relationship: RelationshipReseller}
		profile := DefaultProfile()
		profile["companyName"] = c.Name
		profile["email"] = "billing@" + c.Domain
		id := newGUID()
		if err := s.SeedCustomer(id, profile); err != nil {
			return nil, err
		}
		if err := s.SetCompany(id, c); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// customerDocLocked is the customer as Partner Center answers it; s.mu must be held.
func (s *Server) customerDocLocked(id string) map[string]any {
	c := s.companyLocked(id)
	return map[string]any{
		"id":         id,
		"commerceId": commerceID(id),
		"companyProfile": map[string]any{
			"tenantId":    id,
			"domain":      c.Domain,
			"companyName": c.Name,
			"links":       selfLink(fmt.Sprintf("/v1/customers/%s/profiles/company", id)),
			"attributes":  map[string]any{"objectType": "CustomerCompanyProfile"},
		},
		"relationshipToPartner": c.Relationship,
		"allowDelegatedAccess":  true,
		"links":                 selfLink("/v1/customers/" + id),
		"attributes":            map[string]any{"objectType": "Customer"},
	}
}

// selfLink is a resource's links as Partner Center gives them: the GET of the resource itself.
func selfLink(uri string) map[string]any {
	return map[string]any{"self": map[string]any{"uri": uri, "method": "GET", "headers": []any{}}}
}

// commerceID gives every customer a stable commerce id of its own, derived from its tenant id.
func commerceID(id string) string {
	b := sha256.Sum256([]byte("commerce:" + id))
	return formatGUID(b[:16])
}
