// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// The API routes each resource, data source and list resource calls, which the emulator must
// serve for the acceptance tests, the demo and the benchmarks to exercise it. A new type fails
// TestTheEmulatorServesEveryTypesRoutes until it is listed here, with its routes served.
var apiRoutes = map[string][]string{
	"partnercenter_customer_billing_profile": {
		"GET /v1/customers/{id}/profiles/billing", "PUT /v1/customers/{id}/profiles/billing", "GET /v1/customers",
		"GET /v1/countryvalidationrules/{country}", "POST /v1/validations/address",
	},
	"partnercenter_customer_billing_profiles": {"GET /v1/customers", "GET /v1/customers/{id}/profiles/billing"},
	"partnercenter_country_validation_rules":  {"GET /v1/countryvalidationrules/{country}"},
	"partnercenter_customer":                  {"GET /v1/customers/{id}"},
	"partnercenter_customers":                 {"GET /v1/customers"},
	"partnercenter_delegated_admin_relationship": {
		"GET " + relationships, "POST " + relationships, "GET " + relationships + "/{id}", "PATCH " + relationships + "/{id}",
		"DELETE " + relationships + "/{id}", "POST " + relationships + "/{id}/requests",
		"GET " + relationships + "/{id}/requests/{request}", "GET " + relationships + "/{id}/operations/{operation}",
		"GET " + relationships + "/{id}/accessAssignments",
	},
	"partnercenter_delegated_admin_relationships": {"GET " + relationships},
	"partnercenter_delegated_admin_access_assignment": {
		"GET " + relationships + "/{id}", "GET " + assignments, "POST " + assignments, "GET " + assignments + "/{assignment}",
		"PATCH " + assignments + "/{assignment}", "DELETE " + assignments + "/{assignment}",
	},
	"partnercenter_entra_roles":               {}, // the built-in roles' table, in the provider: no call
	"partnercenter_customer_company_profile":  {"GET /v1/customers/{id}/profiles/company"},
	"partnercenter_delegated_admin_customers": {"GET " + gdapCustomers},
	"partnercenter_delegated_admin_customer":  {"GET " + gdapCustomers + "/{id}", "GET " + gdapCustomers + "/{id}/serviceManagementDetails"},
	"partnercenter_onboarding_coverage": {"GET /v1/customers", "GET " + relationships, "GET " + assignments,
		"GET /v1.0/servicePrincipals"}, // with application_ids, in each customer's tenant
	"partnercenter_customer_application_consent": {
		"POST /v1/customers/{id}/applicationconsents", "DELETE /v1/customers/{id}/applicationconsents/{app}",
		"GET " + relationships, // the plan's check of the customer's GDAP roles
		// in the customer's tenant
		"GET /v1.0/servicePrincipals", "GET /v1.0/servicePrincipals/{id}", "GET /v1.0/oauth2PermissionGrants",
	},
}

const (
	relationships = "/v1.0/tenantRelationships/delegatedAdminRelationships"
	assignments   = relationships + "/{id}/accessAssignments"
	gdapCustomers = "/v1.0/tenantRelationships/delegatedAdminCustomers"
)

func TestTheEmulatorServesEveryTypesRoutes(t *testing.T) {
	t.Parallel()
	for _, name := range allTypeNames() {
		if _, ok := apiRoutes[name]; !ok {
			t.Errorf("%s: list the API routes it calls in apiRoutes, and serve them in the emulator", name)
		}
	}
	emu := emulator.New("pc-token")
	emu.AddGraphToken("graph-token")
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	for name, routes := range apiRoutes {
		for _, route := range routes {
			if unrouted, answer := askRoute(t, srv.URL, route); unrouted {
				t.Errorf("%s calls %s, which the emulator does not serve: %s", name, route, answer)
			}
		}
	}
}

// allTypeNames are the type names of every resource, data source and list resource.
func allTypeNames() []string {
	var names []string
	for _, s := range services() {
		for _, newResource := range s.Resources {
			names = append(names, typeName(newResource()))
		}
		for _, newList := range s.ListResources {
			names = append(names, typeName(newList()))
		}
		for _, newDataSource := range s.DataSources {
			names = append(names, dataSourceTypeName(newDataSource()))
		}
	}
	return names
}

// askRoute sends route ("METHOD /path", placeholders filled with ids no object has) to the
// emulator, and reports whether the emulator has no such route: a 405, or the answer its
// catch-all gives (Partner Center's code 1000, Graph's Request_ResourceNotFound), which an
// unknown object on a served route does not give.
func askRoute(t *testing.T, base, route string) (unrouted bool, answer string) {
	t.Helper()
	method, path, _ := strings.Cut(route, " ")
	for _, p := range []string{"{id}", "{assignment}", "{request}", "{operation}"} {
		path = strings.ReplaceAll(path, p, "00000000-0000-4000-8000-000000000001")
	}
	path = strings.ReplaceAll(path, "{country}", "US")
	req, _ := http.NewRequestWithContext(t.Context(), method, base+path, bytes.NewReader([]byte("{}")))
	req.Header.Set("Content-Type", "application/json")
	token := "pc-token"
	if strings.HasPrefix(path, "/v1.0/") {
		token = "graph-token"
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	raw, _ := io.ReadAll(resp.Body)
	var body struct {
		Code  any `json:"code"`
		Error struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	_ = json.Unmarshal(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")), &body)
	// Each API's catch-all: Partner Center's code 1000, Graph's answer for a segment it has no route
	// for (its code, Request_ResourceNotFound, is also that of a directory object that does not exist).
	catchAll := body.Code == float64(1000) || strings.HasPrefix(body.Error.Message, "Resource not found for the segment")
	return resp.StatusCode == http.StatusMethodNotAllowed || catchAll, resp.Status + " " + string(raw)
}
