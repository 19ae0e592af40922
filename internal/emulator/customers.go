// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

const objectTypeBillingProfile = "CustomerBillingProfile"

// SeedCustomer adds a customer whose billing profile is profile (in the JSON shape Partner Center
// answers with; keys in any case). The emulator assigns the profile id if missing, links and a
// fresh ETag. A profile with extra fields keeps them, as the real service does.
func (s *Server) SeedCustomer(customerID string, profile map[string]any) error {
	doc, ok := normalize(deepCopy(profile)).(map[string]any)
	if !ok || doc == nil {
		doc = map[string]any{}
	}
	if !rules.GUID.MatchString(customerID) {
		return fmt.Errorf("emulator: customer id %q is not a GUID", customerID)
	}
	id := strings.ToLower(customerID)
	if _, has := doc["id"]; !has {
		doc["id"] = newGUID()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.customers[id] = stamp(doc, id, doc["id"])
	return nil
}

// SeedDefaultCustomer adds a customer with a realistic US profile that also holds fields the
// provider does not model, to prove nothing drops them: fields the public docs do not show
// (middleName at the top; district, middleName and emailAddress in the address), and
// fieldAddedLater, a name no release of the provider will ever model, standing for whatever
// Partner Center adds after this release (a real field would stop being an example of an unknown
// one the day the provider models it).
func (s *Server) SeedDefaultCustomer(customerID string) error {
	return s.SeedCustomer(customerID, DefaultProfile())
}

// DefaultProfile is a realistic billing profile, as Partner Center would return it.
func DefaultProfile() map[string]any {
	return map[string]any{
		"firstName":       "Avery",
		"lastName":        "Howard",
		"email":           "avery.howard@contoso.example",
		"culture":         "en-US",
		"language":        "en",
		"companyName":     "Contoso Ltd",
		"middleName":      "J",
		"fieldAddedLater": "kept as Partner Center holds it",
		"defaultAddress": map[string]any{
			"country":      "US",
			"city":         "Redmond",
			"state":        "WA",
			"addressLine1": "One Microsoft Way",
			"postalCode":   "98052",
			"firstName":    "Avery",
			"lastName":     "Howard",
			"middleName":   "J",
			"phoneNumber":  "4255550100",
			"district":     "King County",
			"emailAddress": "billing@contoso.example",
		},
	}
}

// Profile returns a copy of the customer's stored billing profile.
func (s *Server) Profile(customerID string) (map[string]any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.customers[strings.ToLower(customerID)]
	if !ok {
		return nil, false
	}
	return deepCopy(doc).(map[string]any), true
}

// ChangeProfile lets another writer change the customer's profile, as the Partner Center portal
// or a script would: change edits a copy, which is stored with a new ETag.
func (s *Server) ChangeProfile(customerID string, change func(profile map[string]any)) error {
	id := strings.ToLower(customerID)
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, ok := s.customers[id]
	if !ok {
		return fmt.Errorf("emulator: no customer %s", customerID)
	}
	next := deepCopy(doc).(map[string]any)
	change(next)
	next, _ = normalize(next).(map[string]any)
	s.customers[id] = stamp(next, id, doc["id"])
	return nil
}

// DeleteCustomer removes a customer, as when the relationship ends.
func (s *Server) DeleteCustomer(customerID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.customers, strings.ToLower(customerID))
}

// stamp sets what the service owns on a stored profile: its id, links, object type and a new
// ETag, whatever the writer sent for them.
func stamp(doc map[string]any, customerID string, profileID any) map[string]any {
	doc["id"] = profileID
	doc["links"] = selfLink(fmt.Sprintf("/v1/customers/%s/profiles/billing", customerID))
	doc["attributes"] = map[string]any{"etag": newETag(), "objectType": objectTypeBillingProfile}
	return doc
}

// deepCopy copies a decoded JSON value, so that callers never share the stored maps.
func deepCopy(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		return nil
	}
	return out
}
