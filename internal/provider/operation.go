package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/client"
)

// timeoutFunc is a timeouts.Value method such as Create: the configured timeout or the default.
type timeoutFunc func(ctx context.Context, def time.Duration) (time.Duration, diag.Diagnostics)

// noTimeout is the timeoutFunc of an operation without a timeouts block: the default applies.
func noTimeout(_ context.Context, def time.Duration) (time.Duration, diag.Diagnostics) {
	return def, nil
}

// operationContext starts one Terraform operation: it checks the provider is configured, bounds
// ctx by the operation's timeout, and gives all its Partner Center calls one correlation id.
// ok is false when diags holds an error; cancel must be called either way.
func operationContext(ctx context.Context, c *client.Client, timeout timeoutFunc, def time.Duration,
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
	return client.WithCorrelationID(ctx, client.NewID()), cancel, true
}

// providerData is what the provider's Configure hands every resource and data source.
type providerData struct {
	client *client.Client
	// validateAddresses is the provider's validate_address setting.
	validateAddresses bool
}

// validateAddress says whether to check addresses at plan time: the resource's validate_address
// when set, else the provider's.
func (d *providerData) validateAddress(override types.Bool) bool {
	if !override.IsNull() && !override.IsUnknown() {
		return override.ValueBool()
	}
	return d.validateAddresses
}

// configuredData takes what the provider's Configure handed over (nil before that).
func configuredData(data any, diags *diag.Diagnostics) *providerData {
	if data == nil {
		return nil
	}
	d, ok := data.(*providerData)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider; please report it.", data))
	}
	return d
}

// clientOf returns the configured client, or nil before Configure.
func clientOf(d *providerData) *client.Client {
	if d == nil {
		return nil
	}
	return d.client
}
