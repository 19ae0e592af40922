// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package onboarding

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/tenantglue"
)

// consentsRead is what the coverage view read of applications' consents: by tenant, the
// applications each readable tenant holds (tenantglue.TenantReads).
type consentsRead = tenantglue.TenantReads[[]string]

// readConsents reads, in the tenant of every customer with an active relationship, which of apps
// it holds a service principal of (one token and one read per application and tenant,
// assignmentReaders tenants at a time). A tenant whose token or read is refused is unreadable, not
// without consents; any other failure fails the read.
func (d *coverageDataSource) readConsents(ctx context.Context, rows map[string]*coverageRow, apps []string,
	diags *diag.Diagnostics) (consentsRead, bool) {
	if len(apps) == 0 {
		return consentsRead{}, true
	}
	var tenants []string
	for tenant, r := range rows {
		if r.Active != nil {
			tenants = append(tenants, tenant)
		}
	}
	out, failed, err := tenantglue.ReadTenants(ctx, tenants, assignmentReaders, slices.Contains(apps, d.appID),
		func(ctx context.Context, tenant string) ([]string, error) { return d.consentedApps(ctx, tenant, apps) })
	if err != nil {
		tenantglue.AddError(diags, failed, framework.Subject{Action: "read",
			Object: "the applications consented in customer " + failed + "'s tenant"}, err)
		return out, false
	}
	if len(out.Unreadable) > 0 {
		diags.AddWarning("Customers' tenants not read", fmt.Sprintf("The provider could not read %d customer tenants to see "+
			"which applications are consented there (its token was refused there, or its read): %s. Their "+
			"consented_applications are null, and unreadable_tenants lists them. "+tenantglue.TrustChoice,
			len(out.Unreadable), strings.Join(out.Unreadable, ", ")))
	}
	return out, true
}

// consentedApps are the applications of apps with a service principal in tenant.
func (d *coverageDataSource) consentedApps(ctx context.Context, tenant string, apps []string) ([]string, error) {
	client, err := d.tenants.Client(tenant)
	if err != nil {
		return nil, err
	}
	var held []string
	for _, app := range apps {
		sp, err := client.ServicePrincipalByAppID(ctx, app)
		if err != nil {
			return nil, err
		}
		if sp != nil {
			held = append(held, framework.CanonicalID(app))
		}
	}
	return held, nil
}

// tenantsUnavailable says why the provider cannot read customers' tenants, "" when it can.
func (d *coverageDataSource) tenantsUnavailable() string {
	if d.tenants == nil {
		return "the provider is not configured"
	}
	return d.tenants.Unavailable()
}
