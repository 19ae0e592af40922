// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// TimeoutFunc gives an operation's timeout: the one its timeouts block sets, or def.
type TimeoutFunc func(ctx context.Context, def time.Duration) (time.Duration, diag.Diagnostics)

// NoTimeout is the TimeoutFunc of an operation without a timeouts block: the default applies.
func NoTimeout(_ context.Context, def time.Duration) (time.Duration, diag.Diagnostics) {
	return def, nil
}

// OperationStarter is a client that marks the calls of one Terraform operation as one: Partner
// Center's gives them one correlation id (MS-CorrelationId), which a support case asks for.
type OperationStarter interface {
	StartOperation(ctx context.Context) context.Context
}

// OperationContext starts one Terraform operation with client c (any API's): it checks the
// provider is configured, bounds ctx by the operation's timeout, and lets c mark the operation's
// calls when it is an OperationStarter. ok is false when diags holds an error; cancel must be
// called either way.
func OperationContext[C any](ctx context.Context, c *C, timeout TimeoutFunc, def time.Duration,
	diags *diag.Diagnostics) (_ context.Context, cancel context.CancelFunc, ok bool) {
	if c == nil {
		diags.AddError("Provider not configured",
			"The partnercenter provider has no credential yet. This happens when its configuration depends on values "+
				"known only after apply; configure the provider from values known at plan time.")
		return ctx, func() {}, false
	}
	d, dd := timeout(ctx, def)
	if diags.Append(dd...); diags.HasError() {
		return ctx, func() {}, false
	}
	ctx, cancel = context.WithTimeout(ctx, d)
	if s, ok := any(c).(OperationStarter); ok {
		ctx = s.StartOperation(ctx)
	}
	return ctx, cancel, true
}
