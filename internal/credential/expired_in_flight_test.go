// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package credential

import (
	"context"
	"errors"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// A call whose token expires while the call is on its way (here Partner Center holds it past the
// token's two-second life) is refused with 401 and sent once more with a new token: it succeeds,
// however slow the machine, instead of failing the apply.
func TestACallWhoseTokenExpiresOnItsWayIsSentAgainWithANewToken(t *testing.T) {
	t.Parallel()
	emu, srv, ep := identityServer(t, emulator.App{ClientSecret: secret})
	emu.SetTokenLifetime(2 * time.Second)
	if err := emu.SeedDefaultCustomer(apiCustomer); err != nil {
		t.Fatal(err)
	}
	emu.Inject(emulator.Fault{Method: http.MethodGet, Delay: 2500 * time.Millisecond})
	src, err := New(Config{TenantID: tenant, ClientID: clientID, ClientSecret: secret, RefreshToken: refresh}, ep, srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	c, err := partnercenter.New(partnercenter.Config{BaseURL: srv.URL, TokenSource: src, HTTPClient: srv.Client(), RetryMax: -1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetCustomerBillingProfile(context.Background(), apiCustomer); err != nil {
		t.Fatalf("the call failed: %v", err)
	}
	var statuses []int
	for _, r := range emu.Requests() {
		statuses = append(statuses, r.Status)
	}
	if len(statuses) != 2 || statuses[0] != http.StatusUnauthorized || statuses[1] != http.StatusOK {
		t.Errorf("Partner Center answered %v, want 401 to the token that expired on its way, then 200", statuses)
	}
	if n := len(emu.TokenRequests()); n != 2 {
		t.Errorf("%d token requests, want 2", n)
	}
}

// A token endpoint that cannot be reached at all is named as such, not as an outage of Entra ID.
func TestATokenEndpointThatCannotBeReachedIsNamed(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := l.Addr().String()
	_ = l.Close()
	ep := Endpoints{APIURL: "http://" + closed, Resource: "https://api.partnercenter.microsoft.com", AuthorityURL: "http://" + closed}
	src, err := New(Config{TenantID: tenant, ClientID: clientID, ClientSecret: secret, RefreshToken: refresh}, ep, &http.Client{})
	if err != nil {
		t.Fatal(err)
	}
	quickRetries(src)
	_, err = src.Token(context.Background())
	var te *TokenError
	if !errors.As(err, &te) || te.UnreachableHost() != closed || te.CredentialRefused() {
		t.Errorf("err = %v; want a TokenError naming %s as unreachable, not a refusal", err, closed)
	}
}
