// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package credential

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator/graphemu"
)

const customerTenant = "0b6fd2a5-2c8b-4f3e-9b7a-3a1de2f0c001"

// consentedCustomer makes customerTenant a customer of the emulator in which the partner's app is
// consented, or not.
func consentedCustomer(t *testing.T, emu *emulator.Server, consented bool) {
	t.Helper()
	if err := emu.SeedDefaultCustomer(customerTenant); err != nil {
		t.Fatal(err)
	}
	if consented {
		if err := emu.Graph().Consent(customerTenant, clientID, "", map[string][]string{graphemu.GraphAppID: {"Directory.Read.All"}}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestATokenInACustomersTenantIsAskedAtItsAuthorityForEachKind(t *testing.T) {
	t.Parallel()
	for name, cfg := range map[string]Config{
		"refresh token":      {TenantID: tenant, ClientID: clientID, ClientSecret: secret, RefreshToken: refresh},
		"client credentials": {TenantID: tenant, ClientID: clientID, ClientSecret: secret},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			emu, srv, ep := identityServer(t, emulator.App{ClientSecret: secret})
			emu.SetRefreshTokensSingleUse(true)
			consentedCustomer(t, emu, true)
			s, err := NewSources(cfg, ep, srv.Client())
			if err != nil {
				t.Fatal(err)
			}
			if ok, why := s.CustomerTenants.Available(); !ok {
				t.Fatalf("not available: %s", why)
			}
			tok, err := s.CustomerTenants.Source(strings.ToUpper(customerTenant)).Token(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			asked := emu.TokenRequests()
			last := asked[len(asked)-1]
			if !strings.EqualFold(last.TenantID, customerTenant) || last.Issued != tok {
				t.Errorf("the token was asked in tenant %s, want %s", last.TenantID, customerTenant)
			}
			// A token the tenant's Graph refused is not renewed while well within its life.
			if _, renewed, err := s.CustomerTenants.Source(customerTenant).(transport.RenewingTokenSource).RenewRefused(
				context.Background(), tok); renewed || err != nil {
				t.Errorf("a fresh token was renewed on a refusal: %v, %v", renewed, err)
			}
			// The partner's own token still comes: an exchange in a customer's tenant rotates nothing of the partner's.
			if _, err := s.Graph.Token(context.Background()); err != nil {
				t.Errorf("the partner's Graph token after a customer tenant's: %v", err)
			}
		})
	}
}

func TestATenantWithoutConsentSaysWhatToDo(t *testing.T) {
	t.Parallel()
	emu, srv, ep := identityServer(t, emulator.App{ClientSecret: secret})
	consentedCustomer(t, emu, false)
	s, err := NewSources(Config{TenantID: tenant, ClientID: clientID, ClientSecret: secret, RefreshToken: refresh}, ep, srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	src := s.CustomerTenants.Source(customerTenant)
	src.(tenantSource).c.source(customerTenant).retry.attempts = 1
	_, err = src.Token(context.Background())
	var tokenErr *TokenError
	if !errors.As(err, &tokenErr) || tokenErr.Code != 65001 || !tokenErr.CredentialRefused() ||
		!strings.Contains(err.Error(), "Microsoft Graph in customer tenant "+customerTenant) ||
		!strings.Contains(err.Error(), "partnercenter_customer_application_consent") {
		t.Errorf("err = %v; want AADSTS65001 naming the tenant and what to do", err)
	}
	assertNoSecret(t, "the error", err.Error(), secret, refresh)
}

func TestAStaticTokenSaysItCannotReadCustomersTenants(t *testing.T) {
	t.Parallel()
	s, err := NewSources(Config{AccessToken: "pc-token"}, Endpoints{}, http.DefaultClient)
	if err != nil {
		t.Fatal(err)
	}
	ok, why := s.CustomerTenants.Available()
	if _, renewed, err := s.CustomerTenants.Source(customerTenant).(transport.RenewingTokenSource).RenewRefused(
		context.Background(), "refused"); renewed || err != nil {
		t.Errorf("a static credential renewed a refused token: %v, %v", renewed, err)
	}
	_, err = s.CustomerTenants.Source(customerTenant).Token(context.Background())
	var tokenErr *TokenError
	if ok || !errors.As(err, &tokenErr) || !tokenErr.NotGiven() || !strings.Contains(why, "a token in each") {
		t.Errorf("available %v (%s), err %v", ok, why, err)
	}
}

func TestCustomerTenantSourcesAreBounded(t *testing.T) {
	t.Parallel()
	emu, srv, ep := identityServer(t, emulator.App{ClientSecret: secret})
	s, err := NewSources(Config{TenantID: tenant, ClientID: clientID, ClientSecret: secret}, ep, srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	_ = emu
	c := s.CustomerTenants
	c.max = 3
	first := c.source("00000000-0000-4000-8000-000000000001")
	for i := 2; i <= 4; i++ {
		c.source(fmt.Sprintf("00000000-0000-4000-8000-00000000000%d", i))
	}
	if c.Len() != 3 {
		t.Errorf("%d sources kept, want 3", c.Len())
	}
	if again := c.source("00000000-0000-4000-8000-000000000001"); again == first {
		t.Error("the tenant used longest ago kept its source beyond the bound")
	}
	inUse := c.source("00000000-0000-4000-8000-000000000004")
	if c.source("00000000-0000-4000-8000-000000000004") != inUse {
		t.Error("a tenant in use gets a new source on every call")
	}
}

func TestCustomerTenantsTokensDoNotCrowdThePartnersSecretsOut(t *testing.T) {
	t.Parallel()
	emu, srv, ep := identityServer(t, emulator.App{ClientSecret: secret})
	emu.SetRefreshTokensSingleUse(true)
	s, err := NewSources(Config{TenantID: tenant, ClientID: clientID, ClientSecret: secret, RefreshToken: refresh}, ep, srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	token(t, s.Graph) // rotates the partner's refresh token, which is masked from then on
	secrets := s.CustomerTenants.secrets
	secrets.mu.RLock()
	before := slices.Clone(secrets.seen)
	secrets.mu.RUnlock()
	for i := range 2 * maxSeenSecrets {
		tenant := fmt.Sprintf("0b6fd2a5-2c8b-4f3e-9b7a-3a1de2f0c0%02d", i)
		if err := emu.SeedDefaultCustomer(tenant); err != nil {
			t.Fatal(err)
		}
		if err := emu.Graph().Consent(tenant, clientID, "", map[string][]string{graphemu.GraphAppID: {"User.Read.All"}}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CustomerTenants.Source(tenant).Token(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	secrets.mu.RLock()
	defer secrets.mu.RUnlock()
	if !slices.Equal(secrets.seen, before) {
		t.Errorf("customer tenants' tokens changed the partner's masked secrets: %d before, %d after", len(before), len(secrets.seen))
	}
}
