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
	"github.com/hashicorp/terraform-plugin-framework/path"
	"golang.org/x/sync/errgroup"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/tenantglue"
)

// consentsRead is what the coverage view read of applications' consents: the applications each
// customer's tenant holds, by tenant, and the tenants the provider could not read.
type consentsRead struct {
	consented  map[string][]string
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
	if why := d.tenants.Unavailable(); why != "" {
		diags.AddAttributeError(path.Root("application_ids"), "Cannot read customers' tenants", "application_ids is read in "+
			"each customer's tenant, and the provider's credential cannot get a token there: "+why+".")
		return out, false
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
