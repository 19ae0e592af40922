// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package tenantglue

import (
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// Settings are what the provider knows of the partner's own tenant, handed over beside the
// clients.
type Settings struct {
	// PartnerTenantID is the partner's tenant id (lower case): tenant_id, or the tenant of a
	// token given as it is; "" when the configuration does not say.
	PartnerTenantID string
	// AppID is the client id of the provider's own app (client_id, lower case), "" without one:
	// the app whose consent in a customer's tenant lets the provider read that tenant.
	AppID string
}

// Tenants are the clients of Microsoft Graph in customers' tenants the provider's Configure
// handed over, nil before that.
func Tenants(d *framework.ProviderData) *graph.CustomerTenants {
	return framework.API[graph.CustomerTenants](d)
}

// PartnerTenantID is the partner's own tenant id, "" when unknown.
func PartnerTenantID(d *framework.ProviderData) string {
	if s := framework.API[Settings](d); s != nil {
		return s.PartnerTenantID
	}
	return ""
}

// AppID is the client id of the provider's own app, "" when it has none.
func AppID(d *framework.ProviderData) string {
	if s := framework.API[Settings](d); s != nil {
		return s.AppID
	}
	return ""
}
