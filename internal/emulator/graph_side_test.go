// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// exchange asks the token endpoint for a token of scope with refresh token rt.
func exchange(ctx context.Context, base, scope, rt string) tokenAnswer {
	return exchangeIn(ctx, base, appTenant, scope, rt)
}

// exchangeIn is exchange at tenant's authority.
func exchangeIn(ctx context.Context, base, tenant, scope, rt string) tokenAnswer {
	form := url.Values{"grant_type": {"refresh_token"}, "client_id": {appClient}, "client_secret": {appSecret},
		"refresh_token": {rt}, "scope": {scope}}
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/"+tenant+"/oauth2/v2.0/token", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return tokenAnswer{err: err}
	}
	defer func() { _ = resp.Body.Close() }()
	b, _ := io.ReadAll(resp.Body)
	a := tokenAnswer{status: resp.StatusCode}
	_ = json.Unmarshal(b, &a.body)
	return a
}

// call sends GET path with token and returns the status and the decoded body.
func call(t *testing.T, base, path, token string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, base+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("client-request-id", "client-id-1")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	raw, _ := io.ReadAll(resp.Body)
	var body map[string]any
	_ = json.Unmarshal(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")), &body) // Partner Center's answers may begin with a BOM
	return resp.StatusCode, body
}

const (
	pcPath    = "/v1/customers?size=1"
	graphPath = "/v1.0/tenantRelationships/delegatedAdminRelationships"
)

func TestEachAPITakesOnlyItsOwnTokens(t *testing.T) {
	t.Parallel()
	_, base := identityServer(t)
	pc := exchange(t.Context(), base, "https://api.partnercenter.microsoft.com/user_impersonation", seedRT)
	graph := exchange(t.Context(), base, "https://graph.microsoft.com/.default", pc.body["refresh_token"].(string))
	if pc.status != 200 || graph.status != 200 {
		t.Fatalf("token requests answered %d and %d", pc.status, graph.status)
	}
	pcToken, graphToken := pc.body["access_token"].(string), graph.body["access_token"].(string)
	if status, body := call(t, base, graphPath, graphToken); status != 200 || body["value"] == nil {
		t.Errorf("Graph answered its own token with %d %v, want 200 and a collection", status, body)
	}
	if status, _ := call(t, base, pcPath, pcToken); status != 200 {
		t.Errorf("Partner Center answered its own token with %d", status)
	}
	status, body := call(t, base, graphPath, pcToken)
	graphErr, _ := body["error"].(map[string]any)
	inner, _ := graphErr["innerError"].(map[string]any)
	if status != 401 || graphErr["code"] != "InvalidAuthenticationToken" || inner["request-id"] == "" || inner["client-request-id"] != "client-id-1" {
		t.Errorf("Graph answered a Partner Center token with %d %v, want 401 in Graph's error shape with the request ids", status, body)
	}
	if status, body := call(t, base, pcPath, graphToken); status != 401 || body["code"] != float64(800001) {
		t.Errorf("Partner Center answered a Graph token with %d %v, want 401 with code 800001", status, body)
	}
}

func TestGraphAnswersAnUnknownPathInItsOwnShape(t *testing.T) {
	t.Parallel()
	s, base := identityServer(t)
	s.AddGraphToken("graph-static")
	status, body := call(t, base, "/v1.0/nothing/here", "graph-static")
	if graphErr, _ := body["error"].(map[string]any); status != 404 || graphErr["code"] != "Request_ResourceNotFound" {
		t.Errorf("%d %v, want 404 Request_ResourceNotFound", status, body)
	}
}

func TestASingleUseRefreshTokenIsRefusedTheSecondTime(t *testing.T) {
	t.Parallel()
	s, base := identityServer(t)
	s.SetRefreshTokensSingleUse(true)
	first := exchange(t.Context(), base, "https://api.partnercenter.microsoft.com/user_impersonation", seedRT)
	again := exchange(t.Context(), base, "https://graph.microsoft.com/.default", seedRT)
	rotated := exchange(t.Context(), base, "https://graph.microsoft.com/.default", first.body["refresh_token"].(string))
	if first.status != 200 || again.status != 400 || rotated.status != 200 {
		t.Errorf("statuses %d, %d, %d; want the first use and the rotated token taken, the second use refused",
			first.status, again.status, rotated.status)
	}
}

func TestTheGraphControlsNeedAToken(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(New("pc-token"))
	t.Cleanup(srv.Close)
	// With a token the control answers (404: there is no relationship x); without, 401.
	for token, want := range map[string]int{"pc-token": http.StatusNotFound, "wrong": http.StatusUnauthorized} {
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, srv.URL+"/emulator/graph/relationships/x/approve", strings.NewReader("{}"))
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("approve with token %q: %d, want %d", token, resp.StatusCode, want)
		}
	}
}
