// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"fmt"
	"net/http"
	"strings"
)

// companyProfileRoute is GET /v1/customers/{customer-tenant-id}/profiles/company.
const companyProfileRoute = "GET /v1/customers/{id}/profiles/company"

// companyAddressKeys are the keys of a company profile's address: the billing profile's default
// address stands for it, as customers seeded here have one address.
var companyAddressKeys = []string{"country", "region", "city", "state", "addressLine1", "addressLine2", "addressLine3",
	"postalCode", "firstName", "lastName", "phoneNumber"}

// handleCompanyProfile answers a customer's company profile: its name and domain, the billing
// profile's email and default address, and none of these three for a customer in which the
// partner holds no admin role (Company.WithoutAdminRoles), as Partner Center leaves them out.
func (s *Server) handleCompanyProfile(w http.ResponseWriter, r *http.Request) {
	id := strings.ToLower(r.PathValue("id"))
	s.mu.Lock()
	profile, ok := s.customers[id]
	var doc map[string]any
	if ok {
		doc = companyProfileDoc(id, s.companyLocked(id), profile)
	}
	s.mu.Unlock()
	if !ok {
		writeTenantNotFound(w)
		return
	}
	writeJSON(w, http.StatusOK, doc)
}

func companyProfileDoc(id string, c Company, billing map[string]any) map[string]any {
	doc := map[string]any{
		"tenantId":    id,
		"companyName": c.Name,
		"links":       selfLink(fmt.Sprintf("/v1/customers/%s/profiles/company", id)),
		"attributes":  map[string]any{"objectType": "CustomerCompanyProfile"},
	}
	if c.WithoutAdminRoles {
		return doc
	}
	doc["domain"] = c.Domain
	if email, _ := billing["email"].(string); email != "" {
		doc["email"] = email
	}
	if from, _ := billing["defaultAddress"].(map[string]any); from != nil {
		address := map[string]any{}
		for _, k := range companyAddressKeys {
			if v, ok := from[k]; ok {
				address[k] = v
			}
		}
		doc["address"] = address
	}
	return doc
}
