// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package credential

import (
	"container/list"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

// MaxCustomerTenants is how many customer tenants' token sources are kept at once: an estate's
// worth. The one used longest ago goes first; a tenant asked for again gets a new token.
const MaxCustomerTenants = 1000

// CustomerTenants gives Microsoft Graph tokens in customers' tenants from the provider's one
// credential: a cached source per tenant, renewed like the partner's own, each token asked for at
// that tenant's authority and handed only to calls for that tenant.
type CustomerTenants struct {
	kind Kind
	// fetcher is the token request of one tenant; nil when the kind cannot get tokens in other
	// tenants (cannot says why).
	fetcher func(tenant string) fetchFunc
	cannot  string
	secrets *masker
	max     int

	mu      sync.Mutex
	sources map[string]*list.Element // of *tenantEntry, most recently used at the front
	order   *list.List
}

type tenantEntry struct {
	tenant string
	source *cachedSource
}

// CustomerAudience names Microsoft Graph in one customer's tenant in messages.
func CustomerAudience(tenant string) Audience {
	return Audience("Microsoft Graph in customer tenant " + strings.ToLower(tenant))
}

// newCustomerTenants are the customer tenants' sources of kind: a refresh token is exchanged at
// each tenant's authority (without rotating the partner's: the rotated token is the customer
// tenant's), App-only and Azure CLI credentials ask for each tenant's token through azidentity.
func (cfg Config) newCustomerTenants(kind Kind, ep Endpoints, hc *http.Client, secrets *masker, rts *refreshTokens) (*CustomerTenants, error) {
	c := &CustomerTenants{kind: kind, secrets: secrets, max: MaxCustomerTenants, sources: map[string]*list.Element{}, order: list.New()}
	switch kind {
	case KindRefreshToken:
		c.fetcher = func(tenant string) fetchFunc { return customerRefreshFetcher(cfg, ep, tenant, hc, rts) }
	case KindClientSecret, KindClientCertificate, KindOIDC, KindAzureCLI:
		f, err := azureTenantFetcher(kind, cfg, ep, hc, secrets)
		if err != nil {
			return nil, err
		}
		c.fetcher = f
	default:
		c.cannot = "an access token is issued in one tenant, and reads in customers' tenants need a token in each: " +
			"use a credential kind that gets tokens (a refresh token, client credentials, OIDC or the Azure CLI)"
	}
	return c, nil
}

// staticCustomerTenants is the CustomerTenants of a static access token: none.
func staticCustomerTenants() *CustomerTenants {
	c, _ := Config{}.newCustomerTenants(KindAccessToken, Endpoints{}, nil, nil, nil)
	return c
}

// Source is the token source of Microsoft Graph in the tenant of customer tenant: its tokens go
// only to calls made with it.
func (c *CustomerTenants) Source(tenant string) transport.TokenSource {
	return tenantSource{c, strings.ToLower(tenant)}
}

// Kind is the credential kind behind the tokens.
func (c *CustomerTenants) Kind() Kind { return c.kind }

// Available says whether the credential can get tokens in customers' tenants, and why not.
func (c *CustomerTenants) Available() (bool, string) { return c.fetcher != nil, c.cannot }

// Len is how many tenants' sources are kept.
func (c *CustomerTenants) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

// source is tenant's cached source, made on first use; the one used longest ago goes when more
// than max are kept.
func (c *CustomerTenants) source(tenant string) *cachedSource {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.sources[tenant]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*tenantEntry).source
	}
	a := CustomerAudience(tenant)
	src := newCachedSource(explainedRemembering(c.kind, a, c.fetcher(tenant), c.secrets, false))
	src.audience = a
	c.sources[tenant] = c.order.PushFront(&tenantEntry{tenant, src})
	for c.order.Len() > c.max {
		oldest := c.order.Back()
		c.order.Remove(oldest)
		delete(c.sources, oldest.Value.(*tenantEntry).tenant)
	}
	return src
}

// tenantSource is one customer tenant's token source.
type tenantSource struct {
	c      *CustomerTenants
	tenant string
}

// Token returns a token issued in the tenant, or says why the credential cannot get one.
func (t tenantSource) Token(ctx context.Context) (string, error) {
	if t.c.fetcher == nil {
		return "", &TokenError{Kind: t.c.kind, Audience: CustomerAudience(t.tenant), refused: true, notGiven: true,
			Err: fmt.Errorf("%s", t.c.cannot)}
	}
	return t.c.source(t.tenant).Token(ctx)
}

// RenewRefused renews a token the tenant's Graph refused when it may have expired on its way.
func (t tenantSource) RenewRefused(ctx context.Context, refused string) (string, bool, error) {
	if t.c.fetcher == nil {
		return "", false, nil
	}
	return t.c.source(t.tenant).RenewRefused(ctx, refused)
}

// customerRefreshFetcher exchanges the partner's refresh token at the customer tenant's authority
// for a Graph token there (the secure application model's way into a customer tenant, which works
// once the app is consented there and the partner user holds GDAP roles in it). It reads the
// newest refresh token without taking the partner's turn and never replaces it: what the exchange
// rotates to is a token of the customer's tenant.
func customerRefreshFetcher(cfg Config, ep Endpoints, tenant string, hc *http.Client, rts *refreshTokens) fetchFunc {
	conf := clientcredentials.Config{ClientID: cfg.ClientID, ClientSecret: cfg.ClientSecret, TokenURL: tokenURL(ep, tenant),
		Scopes: []string{ep.delegatedScope(Graph)}, AuthStyle: oauth2.AuthStyleInParams}
	return func(ctx context.Context) (*oauth2.Token, error) {
		c := conf
		c.EndpointParams = url.Values{"grant_type": {"refresh_token"}, "refresh_token": {rts.latest()}}
		t, err := c.Token(context.WithValue(ctx, oauth2.HTTPClient, hc))
		if t != nil {
			t.RefreshToken = "" // the customer tenant's: never used, never kept
		}
		return t, err
	}
}
