// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// ModifyPlan completes the plan a reviewer reads: a new resource shows its id and what adopting
// the profile overwrites (previewAdopt), an update that changes nothing in Partner Center keeps
// its ETag, and an address the plan changes is checked against Partner Center's rules
// (checkPlannedAddress).
func (r *billingProfileResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.data == nil {
		return // destroy, or a provider configured only at apply
	}
	var planned, prior types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("customer_id"), &planned)...)
	var read planRead
	if req.State.Raw.IsNull() {
		if r.refusesGoneCustomer(planned, &resp.Diagnostics) {
			return
		}
		planID(ctx, planned, resp)
		read = r.previewAdopt(ctx, req, planned, resp)
	} else {
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("customer_id"), &prior)...)
		if !planned.IsUnknown() && !strings.EqualFold(planned.ValueString(), prior.ValueString()) {
			// Another customer: Terraform replaces the resource and plans again without a prior
			// state, and that plan checks the new customer's address against what it holds.
			return
		}
		keepETagWhenUnchanged(ctx, req, resp)
	}
	if !resp.Diagnostics.HasError() {
		r.checkPlannedAddress(ctx, req, resp, planned, read)
	}
}

// refusesGoneCustomer fails the plan to manage the profile of a customer that this plan's refresh
// found gone: Terraform would propose to adopt it again, and the apply would fail. The plan says
// so instead, whatever else the configuration holds, and says what to do.
func (r *billingProfileResource) refusesGoneCustomer(customerID types.String, diags *diag.Diagnostics) bool {
	if !framework.Known(customerID) {
		return false
	}
	answer := goneAnswer(r.data, customerID.ValueString())
	if answer != nil {
		addGoneCustomerError(diags, framework.CanonicalID(customerID.ValueString()), answer)
	}
	return answer != nil
}

// planID shows a new resource's id, the canonical form of its customer id, in the plan.
func planID(ctx context.Context, customerID types.String, resp *resource.ModifyPlanResponse) {
	if framework.Known(customerID) {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("id"), framework.CanonicalID(customerID.ValueString()))...)
	}
}

// keepETagWhenUnchanged keeps the prior ETag in the plan of an update that changes no profile
// attribute: apply writes nothing then, so the ETag stays what it is.
func keepETagWhenUnchanged(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var etag types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("etag"), &etag)...)
	if !etag.IsUnknown() || !profileUnchanged(req.Plan.Raw, req.State.Raw) {
		return // no update planned (the framework marks the ETag unknown for one), or one that writes
	}
	var diags diag.Diagnostics
	diags.Append(req.State.GetAttribute(ctx, path.Root("etag"), &etag)...)
	diags.Append(resp.Plan.SetAttribute(ctx, path.Root("etag"), etag)...)
	resp.Diagnostics.Append(diags...)
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
