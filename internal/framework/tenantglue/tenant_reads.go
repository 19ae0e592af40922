// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package tenantglue

import (
	"context"
	"slices"
	"sync"

	"golang.org/x/sync/errgroup"
)

// TenantReads is what reading many customers' tenants found.
type TenantReads[T any] struct {
	// Read holds each tenant read, by tenant id.
	Read map[string]T
	// NotConsented are the tenants where Entra ID refused the provider's own app a token as not
	// consented (AADSTS65001), when that app was among those asked about: they lack its consent.
	NotConsented []string
	// Unreadable are the tenants whose token or read was refused otherwise: what they hold is not
	// known, which is never taken for holding nothing.
	Unreadable []string
}

// ReadTenants reads each of tenants with read, at most parallel at a time. ownAppAsked says whether
// the provider's own app is among the applications asked about, so that Entra ID's refusal of its
// token as not consented says a tenant lacks it (NotConsented) rather than that it cannot be read
// (Unreadable). Any other failure ends the reads; it is returned with its tenant, for AddError.
func ReadTenants[T any](ctx context.Context, tenants []string, parallel int, ownAppAsked bool,
	read func(ctx context.Context, tenant string) (T, error)) (reads TenantReads[T], failed string, err error) {
	reads.Read = map[string]T{}
	var mu sync.Mutex
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(parallel)
	for _, tenant := range tenants {
		g.Go(func() error {
			got, err := read(gctx, tenant)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err != nil && ownAppAsked && NotConsented(err):
				reads.NotConsented = append(reads.NotConsented, tenant)
			case err != nil && Refused(err):
				reads.Unreadable = append(reads.Unreadable, tenant)
			case err != nil:
				if failed == "" {
					failed = tenant
				}
				return err
			default:
				reads.Read[tenant] = got
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return TenantReads[T]{}, failed, err
	}
	slices.Sort(reads.NotConsented)
	slices.Sort(reads.Unreadable)
	return reads, "", nil
}
