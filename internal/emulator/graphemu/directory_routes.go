// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graphemu

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
)

// Paths of the directory objects application consents leave in a tenant.
const (
	servicePrincipalsPath = Prefix + "servicePrincipals"
	grantsPath            = Prefix + "oauth2PermissionGrants"
)

// eqFilter is the one $filter the directory routes take: `<field> eq '<value>'`.
var eqFilter = regexp.MustCompile(`^(\w+) eq '((?:[^']|'')*)'$`)

func (s *Server) directoryRoutes() {
	s.mux.HandleFunc("GET "+servicePrincipalsPath, s.listServicePrincipals)
	s.mux.HandleFunc("GET "+servicePrincipalsPath+"/{id}", s.getServicePrincipal)
	s.mux.HandleFunc("GET "+grantsPath, s.listGrants)
}

// filterOn reads r's $filter as `field eq 'value'` and returns the value; it answers 400, as
// Graph does for a filter it cannot apply, for any other filter.
func filterOn(w http.ResponseWriter, r *http.Request, field string) (string, bool) {
	m := eqFilter.FindStringSubmatch(strings.TrimSpace(r.URL.Query().Get("$filter")))
	if m == nil || m[1] != field {
		WriteError(w, r, http.StatusBadRequest, "BadRequest", fmt.Sprintf("Invalid filter clause: the emulator filters %s "+
			"on %s eq '<value>' only", r.URL.Path, field))
		return "", false
	}
	return strings.ReplaceAll(m[2], "''", "'"), true
}

func (sp *servicePrincipal) toJSON() map[string]any {
	return map[string]any{"id": sp.ID, "appId": sp.AppID, "displayName": sp.DisplayName,
		"servicePrincipalType": "Application", "accountEnabled": true}
}

// listServicePrincipals is GET /servicePrincipals?$filter=appId eq '...': the service principal
// of that application in the token's tenant, or an empty value when it has none (yet).
func (s *Server) listServicePrincipals(w http.ResponseWriter, r *http.Request) {
	appID, ok := filterOn(w, r, "appId")
	if !ok {
		return
	}
	s.mu.Lock()
	d, now := s.directoryLocked(tenantOf(r.Context())), s.nowLocked()
	value := []any{}
	if sp := d.principalOfLocked(appID); sp != nil && !now.Before(sp.visibleAt) {
		value = append(value, sp.toJSON())
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals",
		"value": value})
}

func (s *Server) getServicePrincipal(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	s.mu.Lock()
	d, now := s.directoryLocked(tenantOf(r.Context())), s.nowLocked()
	sp := d.principals[strings.ToLower(id)]
	var body map[string]any
	if sp != nil && !now.Before(sp.visibleAt) {
		body = sp.toJSON()
	}
	s.mu.Unlock()
	if body == nil {
		WriteError(w, r, http.StatusNotFound, "Request_ResourceNotFound",
			fmt.Sprintf("Resource '%s' does not exist or one of its queried reference-property objects are not present.", id))
		return
	}
	body["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals/$entity"
	writeJSON(w, http.StatusOK, body)
}

// listGrants is GET /oauth2PermissionGrants?$filter=clientId eq '...': the delegated grants of
// that service principal in the token's tenant, scopes joined by spaces as Graph joins them.
func (s *Server) listGrants(w http.ResponseWriter, r *http.Request) {
	clientID, ok := filterOn(w, r, "clientId")
	if !ok {
		return
	}
	s.mu.Lock()
	d, now := s.directoryLocked(tenantOf(r.Context())), s.nowLocked()
	var grants []*permissionGrant
	for _, g := range d.grants {
		if strings.EqualFold(g.ClientID, clientID) && !now.Before(g.visibleAt) {
			grants = append(grants, g)
		}
	}
	slices.SortFunc(grants, func(a, b *permissionGrant) int { return strings.Compare(a.ID, b.ID) })
	value := []any{}
	for _, g := range grants {
		value = append(value, map[string]any{"id": g.ID, "clientId": g.ClientID, "consentType": "AllPrincipals",
			"principalId": nil, "resourceId": g.ResourceID, "scope": strings.Join(g.Scopes, " ")})
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#oauth2PermissionGrants",
		"value": value})
}
