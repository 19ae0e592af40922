// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graph

import (
	"context"
	"strings"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

// CustomerTenants makes clients of Microsoft Graph in customers' tenants, the third API the
// provider calls: the same Graph endpoint as the partner's client, each client with the tokens of
// its own tenant alone (its retries too), sharing the partner client's connections.
type CustomerTenants struct {
	cfg    Config
	tokens func(tenant string) transport.TokenSource
	// unavailable says why the credential cannot get tokens in customers' tenants; "" when it can.
	unavailable string
}

// NewCustomerTenants is the clients of customers' tenants with cfg's endpoint, connections and
// retries, and tokens(tenant) as each tenant's tokens; unavailable says why the credential cannot
// get any ("" when it can).
func NewCustomerTenants(cfg Config, tokens func(tenant string) transport.TokenSource, unavailable string) *CustomerTenants {
	cfg = withDefaults(cfg)
	return &CustomerTenants{cfg: cfg, tokens: tokens, unavailable: unavailable}
}

// Unavailable says why the provider's credential cannot read customers' tenants, "" when it can.
func (c *CustomerTenants) Unavailable() string { return c.unavailable }

// Client is the client of Microsoft Graph in the tenant of customer tenant.
func (c *CustomerTenants) Client(tenant string) (*Client, error) {
	cfg := c.cfg
	cfg.TokenSource = c.tokens(strings.ToLower(tenant))
	return New(cfg)
}

// ApplicationConsent reads application appID's consent in the tenant of customer tenant
// (Client.ApplicationConsent): nil when the tenant holds no service principal of it.
func (c *CustomerTenants) ApplicationConsent(ctx context.Context, tenant, appID string) (*TenantConsent, error) {
	client, err := c.Client(tenant)
	if err != nil {
		return nil, err
	}
	return client.ApplicationConsent(ctx, appID)
}
