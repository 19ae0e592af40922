// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// billingProfileResourceModel is the resource's state, plan or configuration: the profile, and
// the resource's own settings, which the provider reads only where it needs them and hands back
// unchanged.
type billingProfileResourceModel struct {
	billingProfileModel
	settings resourceSettings
}

// resourceSettings are the resource's attributes that are not the profile's, in the framework's
// types, as GDAP's models hold them.
type resourceSettings struct {
	ValidateAddress types.Bool
	Timeouts        timeouts.Value
}

// timeoutsPath is the resource's timeouts block.
var timeoutsPath = path.Root("timeouts")

// timeoutsType is the type of the resource's timeouts block (create, read, update), as
// terraform-plugin-framework-timeouts declares it in the schema.
var timeoutsType = timeouts.Type{ObjectType: types.ObjectType{AttrTypes: map[string]attr.Type{
	"create": types.StringType, "read": types.StringType, "update": types.StringType,
}}}

// timeout is the timeouts block's setting for op (create, read or update), or the default.
func (m billingProfileResourceModel) timeout(op string) framework.TimeoutFunc {
	return blockTimeout(m.settings.Timeouts, op)
}

// blockTimeout is the setting for op in a timeouts block (a null or unknown block or setting
// gives def).
func blockTimeout(block timeouts.Value, op string) framework.TimeoutFunc {
	return func(ctx context.Context, def time.Duration) (time.Duration, diag.Diagnostics) {
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
