// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// relationshipChanges are the configured attributes whose planned value is known and differs from
// the state's, and whether any configured value is unknown at plan.
type relationshipChanges struct {
	paths []path.Path
	// onlyAllowedWhenActive: every known change is one an active relationship takes in place
	// (auto_extend_duration, dropping Global Administrator).
	onlyAllowedWhenActive bool
	// unknown: some configured value is known only at apply; Update checks what it resolves to.
	unknown bool
}

func changesOf(ctx context.Context, state, plan *relationshipResourceModel) relationshipChanges {
	var c relationshipChanges
	differs := func(name string, changed bool) {
		if changed {
			c.paths = append(c.paths, path.Root(name))
		}
	}
	strChanged := func(p, s types.String, same func(a, b string) bool) bool {
		c.unknown = c.unknown || p.IsUnknown()
		return !p.IsUnknown() && !p.IsNull() && !same(p.ValueString(), s.ValueString())
	}
	exact := func(a, b string) bool { return a == b }
	differs("display_name", strChanged(plan.DisplayName, state.DisplayName, exact))
	differs("customer_tenant_id", strChanged(plan.CustomerTenantID, state.CustomerTenantID, strings.EqualFold))
	differs("duration", strChanged(plan.Duration, state.Duration, daysEqual))
	c.unknown = c.unknown || plan.Roles.IsUnknown()
	rolesChanged := !plan.Roles.IsUnknown() && !rolesEqual(plan.roles(ctx), state.roles(ctx))
	differs("roles", rolesChanged)
	c.onlyAllowedWhenActive = len(c.paths) == 0 ||
		len(c.paths) == 1 && rolesChanged && withoutGlobalAdministrator(state.roles(ctx), plan.roles(ctx))
	differs("auto_extend_duration", strChanged(plan.AutoExtendDuration, state.AutoExtendDuration, daysEqual))
	return c
}

// planCreate plans a new relationship: apply creates it and locks it for approval, so its status
// will be approvalPending, and it will not be active or end before the customer approves it.
func planCreate(ctx context.Context, config, plan *relationshipResourceModel, diags *diag.Diagnostics) {
	checkAutoExtendWithRoles(ctx, plan, diags)
	plan.Status = types.StringValue(statusApprovalPending)
	plan.ActivatedAt, plan.EndsAt = types.StringNull(), types.StringNull()
	if config.CustomerTenantID.IsNull() {
		plan.CustomerTenantID = types.StringNull() // Graph fills it in only when a customer approves
	}
}

// planUpdate plans the change from state to plan as GDAP allows it in state's status: in place,
// a replacement (said why), or an error when the relationship can be neither changed nor ended.
func planUpdate(ctx context.Context, state, config, plan *relationshipResourceModel, resp *resource.ModifyPlanResponse) {
	checkAutoExtendWithRoles(ctx, plan, &resp.Diagnostics)
	status := state.Status.ValueString()
	name := state.DisplayName.ValueString()
	changes := changesOf(ctx, state, plan)
	switch {
	case ended(status):
		planEnded(ctx, state, config, plan, resp)
		return
	case len(changes.paths) == 0 && !changes.unknown:
		keepState(state, plan)
		if status == statusApprovalPending {
			resp.Diagnostics.AddWarning("GDAP relationship awaits the customer's approval", fmt.Sprintf("Relationship %q "+
				"(customer %s) awaits approval: send the customer its invitation link, %s. Its access assignments are "+
				"made on the first apply after the customer approves it.", name, orAny(state.CustomerTenantID),
				state.InvitationURL.ValueString()))
		}
		return
	case status == statusCreated:
		keepState(state, plan)
		plan.ETag = types.StringUnknown()
		plan.Status = types.StringValue(statusApprovalPending) // apply locks it for approval
		plan.InvitationURL = types.StringValue(rules.InvitationURL(state.ID.ValueString()))
		return
	case len(changes.paths) == 0 || granting(status) && changes.onlyAllowedWhenActive:
		// In place; a value known only at apply is checked then, before anything is written.
		keepState(state, plan)
		plan.ETag = types.StringUnknown()
		return
	case granting(status):
		replace(ctx, state, config, plan, resp, changes.paths, fmt.Sprintf("GDAP relationship %q is %s: after approval "+
			"only auto_extend_duration can change, and the Global Administrator role be dropped; any other change needs a "+
			"new relationship, which the customer approves again. The current one is terminated.", name, status))
		return
	}
	for _, p := range changes.paths {
		resp.Diagnostics.AddAttributeError(p, "GDAP relationship cannot change now", fmt.Sprintf("Relationship %q is %s: "+
			"Graph lets a relationship awaiting or taking in the customer's approval neither change nor end. Wait until "+
			"the customer approves it (then plan again), or until the invitation lapses, 90 days after it was sent. To "+
			"start over now, stop managing it (a removed block with destroy = false) and configure a new relationship "+
			"under another display_name.", name, status))
	}
}

// planEnded plans for a relationship that has ended (expired, terminated, or an invitation that
// lapsed): with a new display_name, a replacement, a new relationship and invitation; with the
// same one, nothing, and a warning that says what to do. Graph keeps the name of an ended
// relationship taken, and one customer's lapsed invitation must not fail the plan of an estate.
func planEnded(ctx context.Context, state, config, plan *relationshipResourceModel, resp *resource.ModifyPlanResponse) {
	name, status := state.DisplayName.ValueString(), state.Status.ValueString()
	if plan.DisplayName.IsUnknown() || plan.DisplayName.ValueString() != name {
		replace(ctx, state, config, plan, resp, []path.Path{path.Root("status")}, fmt.Sprintf(
			"GDAP relationship %q is %s: an ended relationship cannot be revived, so a new one replaces it, with a new "+
				"invitation for the customer to approve.", name, status))
		return
	}
	keepState(state, plan)
	resp.Diagnostics.AddWarning("GDAP relationship has ended", fmt.Sprintf("Relationship %q (%s, customer %s) is %s and "+
		"cannot be revived: it grants nothing, and nothing is planned for it. To invite the customer again, give it a new "+
		"display_name (Graph keeps the names of ended relationships taken): the plan then replaces it.", name,
		state.ID.ValueString(), orAny(state.CustomerTenantID), status))
}

// planDestroy refuses to plan the end of a relationship Graph cannot end yet.
func planDestroy(state *relationshipResourceModel, diags *diag.Diagnostics) {
	status := state.Status.ValueString()
	if status != statusApprovalPending && status != "approved" && status != "activating" {
		return
	}
	diags.AddError("GDAP relationship cannot be ended now", fmt.Sprintf("Relationship %q (%s) is %s: Graph can neither "+
		"delete nor terminate a relationship awaiting or taking in the customer's approval. Destroy it after the customer "+
		"approves it or the invitation lapses (90 days after it was sent), or stop managing it with a removed block "+
		"(lifecycle { destroy = false }); the customer can then still approve it.", state.DisplayName.ValueString(),
		state.ID.ValueString(), status))
}

// replace plans a new relationship in place of state's, marking paths as what forces it.
func replace(ctx context.Context, state, config, plan *relationshipResourceModel, resp *resource.ModifyPlanResponse, paths []path.Path, why string) {
	if status := state.Status.ValueString(); !ended(status) && !granting(status) {
		planDestroy(state, &resp.Diagnostics)
		return
	}
	if !plan.DisplayName.IsUnknown() && plan.DisplayName.ValueString() == state.DisplayName.ValueString() {
		resp.Diagnostics.AddAttributeError(path.Root("display_name"), "GDAP relationship needs a new display name", why+
			" Graph keeps display names unique among the partner's relationships, ended ones included, so the new "+
			"relationship needs another display_name than "+fmt.Sprintf("%q", state.DisplayName.ValueString())+
			" (for example with a suffix such as \" 2\").")
		return
	}
	resp.RequiresReplace = append(resp.RequiresReplace, paths...)
	resp.Diagnostics.AddWarning("GDAP relationship will be replaced", why)
	plan.ID, plan.CreatedAt, plan.ETag, plan.InvitationURL = types.StringUnknown(), types.StringUnknown(),
		types.StringUnknown(), types.StringUnknown()
	planCreate(ctx, config, plan, &resp.Diagnostics)
}

// keepState plans state's computed values: nothing Graph computes changes with no change.
func keepState(state, plan *relationshipResourceModel) {
	plan.Status, plan.InvitationURL, plan.ActivatedAt, plan.EndsAt, plan.ETag =
		state.Status, state.InvitationURL, state.ActivatedAt, state.EndsAt, state.ETag
}

// checkAutoExtendWithRoles fails the plan of a relationship that would hold Global Administrator
// and auto-extend, which Graph refuses.
func checkAutoExtendWithRoles(ctx context.Context, plan *relationshipResourceModel, diags *diag.Diagnostics) {
	if plan.AutoExtendDuration.IsUnknown() || plan.Roles.IsUnknown() {
		return
	}
	if rules.AutoExtends(plan.AutoExtendDuration.ValueString()) && holdsGlobalAdministrator(plan.roles(ctx)) {
		diags.AddAttributeError(path.Root("auto_extend_duration"), "Global Administrator cannot auto-extend",
			"A GDAP relationship holding the Global Administrator role ("+rules.GlobalAdministratorRoleID+") cannot "+
				"auto-extend: set auto_extend_duration = \"PT0S\", or leave Global Administrator out of roles.")
	}
}

func orAny(tenant types.String) string {
	if tenant.IsNull() || tenant.IsUnknown() {
		return "any, until one approves it"
	}
	return tenant.ValueString()
}
