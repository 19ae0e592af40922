// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package credential

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// One credential gives tokens for Partner Center and for Microsoft Graph, each refused by the
// other API, as the real services refuse them.

const federatedSubject = "repo:contoso/billing:ref:refs/heads/main"

// apiStatus is the status the emulator answers a call to api with token: a page of customers for
// Partner Center, the GDAP relationships for Graph.
func apiStatus(t *testing.T, srv *httptest.Server, api Audience, token string) int {
	t.Helper()
	path := "/v1/customers?size=1"
	if api == Graph {
		path = "/v1.0/tenantRelationships/delegatedAdminRelationships"
	}
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, srv.URL+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	return resp.StatusCode
}

// assertTokensForBothAPIs checks that sources give a token each API takes and the other refuses.
func assertTokensForBothAPIs(t *testing.T, srv *httptest.Server, sources *Sources) {
	t.Helper()
	pc, graph := token(t, sources.PartnerCenter), token(t, sources.Graph)
	if pc == graph {
		t.Fatalf("one token %q for both APIs", pc)
	}
	for _, c := range []struct {
		api   Audience
		token string
		want  int
	}{
		{PartnerCenter, pc, http.StatusOK}, {Graph, graph, http.StatusOK},
		{Graph, pc, http.StatusUnauthorized}, {PartnerCenter, graph, http.StatusUnauthorized},
	} {
		if got := apiStatus(t, srv, c.api, c.token); got != c.want {
			who := "its own"
			if c.want != http.StatusOK {
				who = "the other API's"
			}
			t.Errorf("%s answered %d to %s token, want %d", c.api, got, who, c.want)
		}
	}
}

func TestEveryCredentialKindGivesATokenForEachAPI(t *testing.T) {
	t.Parallel()
	certPath, certDER := writeCertificate(t)
	tests := []struct {
		name string
		cfg  Config
		kind Kind
		// scopes are the scopes of the token requests, Partner Center's first.
		scopes []string
	}{
		{"a refresh token", Config{ClientSecret: secret, RefreshToken: refresh}, KindRefreshToken,
			[]string{"https://api.partnercenter.microsoft.com/user_impersonation", "https://graph.microsoft.com/.default"}},
		{"a client secret", Config{ClientSecret: secret}, KindClientSecret,
			[]string{"https://api.partnercenter.microsoft.com/.default", "https://graph.microsoft.com/.default"}},
		{"a certificate", Config{CertificatePath: certPath}, KindClientCertificate,
			[]string{"https://api.partnercenter.microsoft.com/.default", "https://graph.microsoft.com/.default"}},
		{"an OIDC token", Config{UseOIDC: true, OIDCToken: federatedJWT(federatedSubject)}, KindOIDC,
			[]string{"https://api.partnercenter.microsoft.com/.default", "https://graph.microsoft.com/.default"}},
	}
	for _, tt := range tests {
		t.Run("a Partner Center and a Graph token from "+tt.name, func(t *testing.T) {
			t.Parallel()
			emu, srv, ep := identityServer(t, emulator.App{ClientSecret: secret, CertificateDER: certDER, FederatedSubject: federatedSubject})
			tt.cfg.TenantID, tt.cfg.ClientID = tenant, clientID
			sources, err := NewSources(tt.cfg, ep, srv.Client())
			if err != nil || sources.Kind != tt.kind {
				t.Fatalf("NewSources = %+v, %v; want kind %s", sources, err, tt.kind)
			}
			assertTokensForBothAPIs(t, srv, sources)
			log := emu.TokenRequests()
			if len(log) != 2 || !strings.HasPrefix(log[0].Scope, tt.scopes[0]) || !strings.HasPrefix(log[1].Scope, tt.scopes[1]) {
				t.Errorf("token requests %+v, want one with scope %s, then one with %s", log, tt.scopes[0], tt.scopes[1])
			}
		})
	}
}

func TestTheAzureCLIGivesATokenForEachAPI(t *testing.T) {
	dir := t.TempDir()
	// The fake az answers with a token for the resource it is asked for.
	script := `#!/bin/sh
token=cli-partner-center-token
case "$*" in *graph*) token=cli-graph-token ;; esac
echo "{\"accessToken\":\"$token\",\"expiresOn\":\"2099-01-01 00:00:00.000000\",\"expires_on\":4070908800,\"tokenType\":\"Bearer\"}"
`
	if err := os.WriteFile(filepath.Join(dir, "az"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	emu, srv, ep := identityServer(t, emulator.App{})
	emu.AddToken("cli-partner-center-token")
	emu.AddGraphToken("cli-graph-token")
	sources, err := NewSources(Config{UseCLI: true}, ep, srv.Client())
	if err != nil || sources.Kind != KindAzureCLI {
		t.Fatalf("NewSources = %+v, %v", sources, err)
	}
	assertTokensForBothAPIs(t, srv, sources)
}

// A static access token is for one API: each is given apart, and Graph without one says what to
// set and how to get a token for it. A Graph token alone serves Graph (GDAP needs no more), and is
// no Partner Center credential.
func TestAStaticAccessTokenIsForOneAPI(t *testing.T) {
	t.Parallel()
	emu, srv, ep := identityServer(t, emulator.App{})
	emu.AddToken("static-pc")
	emu.AddGraphToken("static-graph")
	both, err := NewSources(Config{AccessToken: "static-pc", GraphAccessToken: "static-graph"}, ep, srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	assertTokensForBothAPIs(t, srv, both)

	onlyPC, err := NewSources(Config{AccessToken: "static-pc"}, ep, srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	want := "set graph_access_token (PARTNERCENTER_GRAPH_ACCESS_TOKEN) to a token for it (for example from " +
		"az account get-access-token --resource https://graph.microsoft.com)"
	var te *TokenError
	if _, err := onlyPC.Graph.Token(context.Background()); !errors.As(err, &te) || !te.NotGiven() || !strings.Contains(err.Error(), want) {
		t.Errorf("the Graph token of a Partner Center access token alone: %v, want a token not given, saying %q", err, want)
	}

	onlyGraph, err := NewSources(Config{GraphAccessToken: "static-graph"}, ep, srv.Client())
	if err != nil {
		t.Fatalf("a Graph token alone, as GDAP alone needs: %v", err)
	}
	if token, err := onlyGraph.Graph.Token(context.Background()); token != "static-graph" || err != nil {
		t.Errorf("the Graph token of a Graph token alone: %q, %v", token, err)
	}
	var missing *MissingError
	if _, err := onlyGraph.PartnerCenter.Token(context.Background()); !errors.As(err, &missing) || !errors.As(err, &te) ||
		!te.NotGiven() || !strings.Contains(err.Error(), "Found: graph_access_token (Microsoft Graph only)") {
		t.Errorf("Partner Center's token with a Graph token alone: %v, want no Partner Center credential, naming the Graph token found", err)
	}
}

// A Graph token given as it is serves Graph whichever kind serves Partner Center: setting it
// beside a refresh token leaves Partner Center's tokens to the refresh token.
func TestAGivenGraphTokenServesGraphBesideAnyKind(t *testing.T) {
	t.Parallel()
	emu, srv, ep := identityServer(t, emulator.App{ClientSecret: secret})
	emu.AddGraphToken("static-graph")
	sources, err := NewSources(Config{TenantID: tenant, ClientID: clientID, ClientSecret: secret, RefreshToken: refresh,
		GraphAccessToken: "static-graph"}, ep, srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	if sources.Kind != KindRefreshToken || sources.PartnerCenter.Kind != KindRefreshToken {
		t.Errorf("kind %s, Partner Center's %s, want the refresh token for both", sources.Kind, sources.PartnerCenter.Kind)
	}
	if got := token(t, sources.Graph); got != "static-graph" {
		t.Errorf("Graph token %q, want the one given", got)
	}
	assertTokensForBothAPIs(t, srv, sources)
}

// Partner Center and Graph renewals share the refresh token, which Entra ID rotates on every
// exchange: they take turns, each starts from the newest token, and a failed exchange drops
// nothing that still works. The emulator consumes each refresh token it is shown, so a second
// exchange with the same token, or one kept after its rotation, would be refused.
func TestARefreshTokenRotatesAcrossBothAPIs(t *testing.T) {
	t.Parallel()
	emu, srv, ep := identityServer(t, emulator.App{ClientSecret: secret})
	emu.SetRefreshTokensSingleUse(true)
	sources, err := NewSources(Config{TenantID: tenant, ClientID: clientID, ClientSecret: secret, RefreshToken: refresh}, ep, srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	clk := onOneClock(emu, quickRetries(sources.PartnerCenter), quickRetries(sources.Graph))
	both := func() {
		var wg sync.WaitGroup
		for _, src := range []*Source{sources.PartnerCenter, sources.Graph} {
			wg.Go(func() { token(t, src) })
		}
		wg.Wait()
	}
	both() // the first tokens of both APIs, asked for at once
	emu.InjectTokenFault(emulator.TokenFault{Status: 503})
	clk.Set(clk.Now().Add(2 * time.Hour)) // both hour-long tokens expire
	both()                                // both renew, one of them through an outage first
	assertTokensForBothAPIs(t, srv, sources)

	var ok []emulator.TokenRequest
	for _, r := range emu.TokenRequests() {
		if r.Status == http.StatusOK {
			ok = append(ok, r)
		}
	}
	if len(ok) < 4 {
		t.Fatalf("%d tokens issued, want the four of two APIs' first tokens and renewals: %+v", len(ok), emu.TokenRequests())
	}
	presented := refresh
	for i, r := range ok {
		if r.RefreshToken != presented {
			t.Errorf("exchange %d presented %q, want the newest refresh token %q", i+1, r.RefreshToken, presented)
		}
		presented = r.IssuedRefreshToken
	}
	for _, r := range emu.TokenRequests() {
		if r.Status != http.StatusOK && r.Status != http.StatusServiceUnavailable {
			t.Errorf("a token request was refused (%d): an exchange presented a refresh token already used", r.Status)
		}
	}
}

func TestATokenErrorNamesTheAPIItsTokenWasFor(t *testing.T) {
	if got := (&TokenError{Audience: Graph}).API(); got != Graph {
		t.Errorf("a Graph token's error names %s", got)
	}
	if got := (&TokenError{}).API(); got != PartnerCenter {
		t.Errorf("an error that names no API names %q, want Partner Center", got)
	}
}
