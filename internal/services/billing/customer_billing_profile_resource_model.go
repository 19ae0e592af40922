// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"context"
	"fmt"
	"maps"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
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

// newResourceModel is the model of customerID's profile with its settings left out (null), as an
// import holds it; t is the resource's type.
func newResourceModel(customerID string, t tftypes.Type) billingProfileResourceModel {
	m := billingProfileResourceModel{billingProfileModel: billingProfileModel{CustomerID: types.StringValue(customerID)},
		settings: map[string]tftypes.Value{}}
	if obj, ok := t.(tftypes.Object); ok {
		for _, name := range resourceSettings {
			m.settings[name] = tftypes.NewValue(obj.AttributeTypes[name], nil)
		}
	}
	return m
}

// value is the model as a value of type t, the resource's.
func (m billingProfileResourceModel) value(ctx context.Context, t tftypes.Type) (tftypes.Value, diag.Diagnostics) {
	return m.valueWith(ctx, t, maps.Clone(m.settings))
}

// timeout is the timeouts block's setting for op (create, read or update), or the default.
func (m billingProfileResourceModel) timeout(op string) framework.TimeoutFunc {
	return blockTimeout(m.settings["timeouts"], op)
}

// timeoutsType is the type of the resource's timeouts block, as terraform-plugin-framework-timeouts
// reads it.
var timeoutsType = timeouts.Type{ObjectType: types.ObjectType{AttrTypes: map[string]attr.Type{
	"create": types.StringType, "read": types.StringType, "update": types.StringType,
}}}

// blockTimeout is the setting for op in a timeouts block as Terraform holds it (a null, unknown or
// absent block or setting gives def), read by terraform-plugin-framework-timeouts.
func blockTimeout(block tftypes.Value, op string) framework.TimeoutFunc {
	return func(ctx context.Context, def time.Duration) (time.Duration, diag.Diagnostics) {
		if block.Type() == nil {
			return def, nil
		}
		v, err := timeoutsType.ValueFromTerraform(ctx, block)
		if err != nil {
			var diags diag.Diagnostics
			diags.AddAttributeError(timeoutsPath, "Unexpected timeouts block", "This is a bug in the provider; please report it: "+err.Error())
			return def, diags
		}
		block := v.(timeouts.Value)
		var d time.Duration
		var diags diag.Diagnostics
		switch op {
		case "create":
			d, diags = block.Create(ctx, def)
		case "update":
			d, diags = block.Update(ctx, def)
		default:
			d, diags = block.Read(ctx, def)
		}
		if diags.HasError() {
			// The schema's validator refuses a known bad duration before any operation; this is one
			// known only at apply. Say so on the attribute, as the provider always has.
			given := block.Attributes()[op]
			diags = nil
			diags.AddAttributeError(timeoutsPath.AtName(op), "Invalid timeout", fmt.Sprintf(
				"timeouts.%s is %s, not a duration such as \"30s\" or \"10m\".", op, given))
		}
		return d, diags
	}
}
