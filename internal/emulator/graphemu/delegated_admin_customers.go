// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graphemu

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// delegatedAdminCustomersPath is the collection of the customers the partner has a GDAP
// relationship with.
const delegatedAdminCustomersPath = Prefix + "tenantRelationships/delegatedAdminCustomers"

func (s *Server) delegatedAdminCustomerRoutes() {
	s.mux.HandleFunc("GET "+delegatedAdminCustomersPath, s.listDelegatedAdminCustomers)
	s.mux.HandleFunc("GET "+delegatedAdminCustomersPath+"/{id}", s.getDelegatedAdminCustomer)
	s.mux.HandleFunc("GET "+delegatedAdminCustomersPath+"/{id}/serviceManagementDetails", s.listServiceManagementDetails)
}

// gdapCustomer is a customer as delegatedAdminCustomers lists it.
type gdapCustomer struct{ tenantID, displayName string }

func (c gdapCustomer) toJSON() map[string]any {
	return map[string]any{"id": c.tenantID, "tenantId": c.tenantID, "displayName": c.displayName}
}

// gdapCustomersLocked are the customers named by at least one relationship the lists show, in
// tenant id order, with the first customer name a relationship gives; s.mu must be held.
func (s *Server) gdapCustomersLocked() []gdapCustomer {
	now := s.nowLocked()
	byTenant := map[string]*gdapCustomer{}
	for _, id := range s.order {
		rel := s.relationships[id]
		if rel.CustomerTenantID == "" || now.Before(s.visibleAt[id]) {
			continue
		}
		tenant := strings.ToLower(rel.CustomerTenantID)
		c, ok := byTenant[tenant]
		if !ok {
			c = &gdapCustomer{tenantID: tenant}
			byTenant[tenant] = c
		}
		if c.displayName == "" {
			c.displayName = rel.CustomerName
		}
	}
	out := make([]gdapCustomer, 0, len(byTenant))
	for _, c := range byTenant {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b gdapCustomer) int { return strings.Compare(a.tenantID, b.tenantID) })
	return out
}

// listDelegatedAdminCustomers is GET .../delegatedAdminCustomers, in pages of $top (at most 300)
// linked by a $skiptoken that names the last tenant given.
func (s *Server) listDelegatedAdminCustomers(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	top, _, err := pageBounds(url.Values{"$top": q["$top"]})
	if err != nil {
		WriteError(w, r, http.StatusBadRequest, "BadRequest", err.Error())
		return
	}
	after := strings.ToLower(q.Get("$skiptoken"))
	s.mu.Lock()
	all := s.gdapCustomersLocked()
	size := s.pageSize
	s.mu.Unlock()
	start, _ := slices.BinarySearchFunc(all, after, func(c gdapCustomer, t string) int { return strings.Compare(c.tenantID, t) })
	if after != "" && start < len(all) && all[start].tenantID == after {
		start++
	}
	page := all[start:min(len(all), start+min(top, size))]
	value := []any{}
	for _, c := range page {
		value = append(value, c.toJSON())
	}
	body := map[string]any{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#tenantRelationships/delegatedAdminCustomers",
		"value": value}
	if start+len(page) < len(all) {
		next := url.Values{}
		for k, v := range q {
			next[k] = v
		}
		next.Set("$skiptoken", page[len(page)-1].tenantID)
		body["@odata.nextLink"] = selfURL(r) + delegatedAdminCustomersPath + "?" + next.Encode()
	}
	writeJSON(w, http.StatusOK, body)
}

// gdapCustomer finds the GDAP customer with tenant id tenant, or answers 404 as Graph does when
// the partner has no relationship with it.
func (s *Server) gdapCustomer(w http.ResponseWriter, r *http.Request, tenant string) (gdapCustomer, bool) {
	s.mu.Lock()
	all := s.gdapCustomersLocked()
	s.mu.Unlock()
	for _, c := range all {
		if strings.EqualFold(c.tenantID, tenant) {
			return c, true
		}
	}
	WriteError(w, r, http.StatusNotFound, "resourceNotFound", fmt.Sprintf("The delegated admin customer with id %s was not found.", tenant))
	return gdapCustomer{}, false
}

func (s *Server) getDelegatedAdminCustomer(w http.ResponseWriter, r *http.Request) {
	if c, ok := s.gdapCustomer(w, r, r.PathValue("id")); ok {
		body := c.toJSON()
		body["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#tenantRelationships/delegatedAdminCustomers/$entity"
		writeJSON(w, http.StatusOK, body)
	}
}

// listServiceManagementDetails is GET .../delegatedAdminCustomers/{id}/serviceManagementDetails:
// the admin portals of the customer's services, as Graph lists them for every customer.
func (s *Server) listServiceManagementDetails(w http.ResponseWriter, r *http.Request) {
	c, ok := s.gdapCustomer(w, r, r.PathValue("id"))
	if !ok {
		return
	}
	value := []any{
		map[string]any{"id": "Office365", "serviceName": "Microsoft 365 admin center",
			"serviceManagementUrl": "https://admin.microsoft.com/Partner/BeginClientSession.aspx?CTID=" + c.tenantID + "&CSDEST=o365admincenter"},
		map[string]any{"id": "AzurePortal", "serviceName": "Azure portal",
			"serviceManagementUrl": "https://portal.azure.com/" + c.tenantID},
		map[string]any{"id": "EntraAdminCenter", "serviceName": "Microsoft Entra admin center",
			"serviceManagementUrl": "https://entra.microsoft.com/" + c.tenantID},
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#tenantRelationships/delegatedAdminCustomers('" + c.tenantID +
			"')/serviceManagementDetails", "value": value})
}
