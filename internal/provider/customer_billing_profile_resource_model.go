// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"fmt"
	"maps"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// billingProfileResourceModel is the resource's state, plan or configuration: the profile, and
// the resource's own settings (validate_address, timeouts) as Terraform holds them, which the
// provider reads only where it needs them and hands back unchanged.
type billingProfileResourceModel struct {
	billingProfileModel
	settings map[string]tftypes.Value
}

// timeoutsPath is the resource's timeouts block.
var timeoutsPath = path.Root("timeouts")

// resourceSettings are the resource's attributes that are not the profile's.
var resourceSettings = []string{"validate_address", "timeouts"}

// readResourceModel reads the resource's state, plan or configuration value v.
func readResourceModel(v tftypes.Value) (billingProfileResourceModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		diags.AddError("Unexpected value of the billing profile", "This is a bug in the provider; please report it: "+err.Error())
		return billingProfileResourceModel{}, diags
	}
	m := billingProfileResourceModel{billingProfileModel: readProfileModel(attrs), settings: map[string]tftypes.Value{}}
	for _, name := range resourceSettings {
		m.settings[name] = attrs[name]
	}
	return m, diags
}

// value is the model as a value of type t, the resource's.
func (m billingProfileResourceModel) value(ctx context.Context, t tftypes.Type) (tftypes.Value, diag.Diagnostics) {
	return m.valueWith(ctx, t, maps.Clone(m.settings))
}

// timeout is the timeouts block's setting for op (create, read or update), or the default.
func (m billingProfileResourceModel) timeout(op string) timeoutFunc {
	return blockTimeout(m.settings["timeouts"], op)
}

// blockTimeout is the setting for op in a timeouts block as Terraform holds it, or the default.
func blockTimeout(block tftypes.Value, op string) timeoutFunc {
	return func(_ context.Context, def time.Duration) (time.Duration, diag.Diagnostics) {
		var diags diag.Diagnostics
		if block.Type() == nil || !block.IsKnown() || block.IsNull() {
			return def, diags
		}
		var ops map[string]tftypes.Value
		_ = block.As(&ops) // a known, non-null object always converts
		v, set := ops[op]
		if !set || !v.IsKnown() || v.IsNull() {
			return def, diags
		}
		var s string
		_ = v.As(&s)
		d, err := time.ParseDuration(s)
		if err != nil {
			diags.AddAttributeError(timeoutsPath.AtName(op), "Invalid timeout", fmt.Sprintf(
				"timeouts.%s is %q, not a duration such as \"30s\" or \"10m\": %v", op, s, err))
			return def, diags
		}
		return d, diags
	}
}
