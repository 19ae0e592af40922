// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package onboarding

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"golang.org/x/sync/errgroup"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/tenantglue"
)

// consentsRead is what the coverage view read of applications' consents: the applications each
// customer's tenant holds, by tenant; the tenants where Entra ID refuses the provider's own app a
// token as not consented (AADSTS65001: they lack that app's consent, the others are not known);
// and the tenants the provider could not read.
type consentsRead struct {
	consented  map[string][]string
	missingOwn []string
	unreadable []string
}

// readConsents reads, in the tenant of every customer with an active relationship, which of apps
// it holds a service principal of (one token and one read per application and tenant,
// assignmentReaders tenants at a time). A tenant whose token or read is refused is unreadable, not
// without consents; any other failure fails the read.
func (d *coverageDataSource) readConsents(ctx context.Context, rows map[string]*coverageRow, apps []string,
	diags *diag.Diagnostics) (consentsRead, bool) {
	out := consentsRead{consented: map[string][]string{}}
	if len(apps) == 0 {
		return out, true
	}
	var mu sync.Mutex
	var failed string // the tenant whose read failed first
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(assignmentReaders)
	for tenant, r := range rows {
		if r.Active == nil {
			continue
		}
		g.Go(func() error {
			held, err := d.consentedApps(gctx, tenant, apps)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err != nil && tenantglue.NotConsented(err) && slices.Contains(apps, d.appID):
				out.missingOwn = append(out.missingOwn, tenant)
				return nil
			case err != nil && tenantglue.Refused(err):
				out.unreadable = append(out.unreadable, tenant)
				return nil
			case err != nil:
				if failed == "" {
					failed = tenant
				}
				return err
			}
			out.consented[tenant] = held
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		tenantglue.AddError(diags, failed, framework.Subject{Action: "read",
			Object: "the applications consented in customer " + failed + "'s tenant"}, err)
		return out, false
	}
	slices.Sort(out.unreadable)
	if len(out.unreadable) > 0 {
		diags.AddWarning("Customers' tenants not read", fmt.Sprintf("The provider could not read %d customer tenants to see "+
			"which applications are consented there (its token was refused there, or its read): %s. Their "+
			"consented_applications are null, and unreadable_tenants lists them. "+tenantglue.TrustChoice,
			len(out.unreadable), strings.Join(out.unreadable, ", ")))
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
