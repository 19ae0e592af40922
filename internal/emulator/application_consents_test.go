// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator/graphemu"
)

const (
	graphScope = "https://graph.microsoft.com/.default"
	appAdmin   = "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3"
)

// consentServer is an emulator with the partner's app, one customer and a Graph token of the
// partner's tenant; the customer approved a relationship granting roles.
func consentServer(t *testing.T, roles ...string) (*Server, string) {
	t.Helper()
	s, base := identityServer(t)
	s.AddToken(token)
	s.AddGraphToken("partner-graph")
	if err := s.SeedDefaultCustomer(customer); err != nil {
		t.Fatal(err)
	}
	unified := []map[string]string{}
	for _, r := range roles {
		unified = append(unified, map[string]string{"roleDefinitionId": r})
	}
	rel := postAs(t, base, "partner-graph", "/v1.0/tenantRelationships/delegatedAdminRelationships", map[string]any{
		"displayName": "Contoso", "duration": "P730D", "customer": map[string]string{"tenantId": customer},
		"accessDetails": map[string]any{"unifiedRoles": unified}})
	id, _ := rel.body["id"].(string)
	postAs(t, base, "partner-graph", "/v1.0/tenantRelationships/delegatedAdminRelationships/"+id+"/requests",
		map[string]string{"action": "lockForApproval"})
	if err := s.Graph().Approve(id, customer, "Contoso"); err != nil {
		t.Fatal(err)
	}
	return s, base
}

type posted struct {
	status int
	body   map[string]any
}

func postAs(t *testing.T, base, bearer, path string, body any) posted {
	t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, base+path, bytes.NewReader(b))
	req.Header.Set("Authorization", "Bearer "+bearer)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	out := posted{status: resp.StatusCode}
	raw, _ := io.ReadAll(resp.Body)
	_ = json.Unmarshal(bytes.TrimPrefix(raw, bom), &out.body) // Partner Center's answers may begin with a BOM
	return out
}

func consentOf(app string) map[string]any {
	return map[string]any{"applicationId": app, "displayName": "Partner automation",
		"applicationGrants": []map[string]string{{"enterpriseApplicationId": graphemu.GraphAppID, "scope": "Directory.Read.All,User.Read.All"}}}
}

func TestAConsentNeedsAnApplicationAdministratorRoleThroughGDAP(t *testing.T) {
	t.Parallel()
	_, base := consentServer(t, "f2ef992c-3afb-46b9-b7cf-a126ee74c451") // Global Reader only
	got := postAs(t, base, token, "/v1/customers/"+customer+"/applicationconsents", consentOf(appClient))
	if description, _ := got.body["description"].(string); got.status != http.StatusForbidden ||
		!strings.Contains(description, "Application Administrator") {
		t.Errorf("consent without the role: %d %v", got.status, got.body)
	}
}

func TestAConsentAppearsInTheCustomersTenantAfterItsDelayAndOnlyThere(t *testing.T) {
	t.Parallel()
	s, base := consentServer(t, appAdmin)
	s.Graph().SetConsentDelay(time.Minute)
	before := exchangeIn(t.Context(), base, customer, graphScope, seedRT)
	if codes, _ := before.body["error_codes"].([]any); before.status != http.StatusBadRequest || len(codes) != 1 || codes[0] != 65001.0 {
		t.Fatalf("a token in the customer's tenant before consent: %d %v", before.status, before.body)
	}
	if got := postAs(t, base, token, "/v1/customers/"+customer+"/applicationconsents", consentOf(appClient)); got.status != http.StatusCreated {
		t.Fatalf("consent: %d %v", got.status, got.body)
	}
	again := postAs(t, base, token, "/v1/customers/"+customer+"/applicationconsents", consentOf(appClient))
	if again.status != http.StatusConflict || again.body["description"] != "Permission entry already exists." {
		t.Errorf("a second consent: %d %v", again.status, again.body)
	}
	if early := exchangeIn(t.Context(), base, customer, graphScope, seedRT); early.status != http.StatusBadRequest {
		t.Errorf("a token before the consent appears: %d", early.status)
	}
	s.Advance(time.Minute)
	tok := exchangeIn(t.Context(), base, customer, graphScope, seedRT)
	customerToken, _ := tok.body["access_token"].(string)
	if tok.status != http.StatusOK || customerToken == "" {
		t.Fatalf("a token once consented: %d %v", tok.status, tok.body)
	}
	filter := "/v1.0/servicePrincipals?$filter=" + url.QueryEscape("appId eq '"+appClient+"'")
	status, sps := call(t, base, filter, customerToken)
	value, _ := sps["value"].([]any)
	if status != http.StatusOK || len(value) != 1 {
		t.Fatalf("the app's service principal in the customer's tenant: %d %v", status, sps)
	}
	spID := value[0].(map[string]any)["id"].(string)
	_, grants := call(t, base, "/v1.0/oauth2PermissionGrants?$filter="+url.QueryEscape("clientId eq '"+spID+"'"), customerToken)
	g, _ := grants["value"].([]any)
	if len(g) != 1 || g[0].(map[string]any)["scope"] != "Directory.Read.All User.Read.All" {
		t.Errorf("grants, scopes joined by spaces: %v", grants)
	}
	if _, partner := call(t, base, filter, "partner-graph"); len(partner["value"].([]any)) != 0 {
		t.Errorf("the partner's own tenant shows the customer's service principal: %v", partner)
	}
	if status, _ := call(t, base, "/v1.0/tenantRelationships/delegatedAdminRelationships", customerToken); status != http.StatusForbidden {
		t.Errorf("a customer tenant's token read the partner's GDAP: %d", status)
	}
}

func TestAConsentIsRemovedOnceAndRefusedWithoutMFA(t *testing.T) {
	t.Parallel()
	s, base := consentServer(t, appAdmin)
	postAs(t, base, token, "/v1/customers/"+customer+"/applicationconsents", consentOf(appClient))
	del := func() int {
		return send(t, s, http.MethodDelete, "/v1/customers/"+customer+"/applicationconsents/"+appClient, nil, nil).status
	}
	if first, second := del(), del(); first != http.StatusNoContent || second != http.StatusNotFound {
		t.Errorf("deletes: %d then %d, want 204 then 404", first, second)
	}
	s.SetConsentRequiresMFA(true)
	if got := postAs(t, base, token, "/v1/customers/"+customer+"/applicationconsents", consentOf(appClient)); got.status != http.StatusUnauthorized {
		t.Errorf("a consent without MFA: %d %v", got.status, got.body)
	}
}
