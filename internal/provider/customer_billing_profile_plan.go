package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// ModifyPlan completes the plan a reviewer reads: an update that changes nothing in Partner
// Center keeps its ETag, and an address the plan changes is checked against Partner Center's
// rules (checkPlannedAddress).
func (r *billingProfileResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.data == nil {
		return // destroy, or a provider configured only at apply
	}
	if !req.State.Raw.IsNull() && profileUnchanged(req.Plan.Raw, req.State.Raw) {
		var etag types.String
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("etag"), &etag)...)
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("etag"), etag)...)
	}
	r.checkPlannedAddress(ctx, req, resp)
}

// attributesOutsideProfile are the attributes an update can change without writing to Partner
// Center: a customer id that differs only in case, the settings of the resource itself, and the
// ETag, which the framework marks unknown whenever anything changes.
var attributesOutsideProfile = map[string]bool{"customer_id": true, "id": true, "etag": true, "validate_address": true, "timeouts": true}

// profileUnchanged reports whether the plan leaves every profile attribute as the prior state
// holds it, so that apply sends nothing and the ETag stays what it is.
func profileUnchanged(plan, state tftypes.Value) bool {
	diffs, err := plan.Diff(state)
	if err != nil {
		return false
	}
	for _, d := range diffs {
		steps := d.Path.Steps()
		if len(steps) == 0 {
			return false
		}
		name, ok := steps[0].(tftypes.AttributeName)
		if !ok || !attributesOutsideProfile[string(name)] {
			return false
		}
	}
	return true
}
