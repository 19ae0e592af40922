// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// relationshipChanges are the configured attributes whose planned value is known and differs from
// the state's, and whether any configured value is unknown at plan.
type relationshipChanges struct {
	paths []path.Path
	// inPlaceWhenActive: every known change is one an active relationship takes in place
	// (auto_extend_duration, dropping Global Administrator).
	inPlaceWhenActive bool
	// unknown: some configured value is known only at apply; Update checks what it resolves to.
	unknown bool
	// customer: customer_tenant_id changes, which no relationship can after it is locked.
	customer bool
}

func changesOf(ctx context.Context, state, plan *relationshipResourceModel) relationshipChanges {
	var c relationshipChanges
	differs := func(name string, changed bool) bool {
		if changed {
			c.paths = append(c.paths, path.Root(name))
		}
		return changed
	}
	strChanged := func(p, s types.String, same func(a, b string) bool) bool {
		c.unknown = c.unknown || p.IsUnknown()
		return !p.IsUnknown() && !p.IsNull() && !same(p.ValueString(), s.ValueString())
	}
	exact := func(a, b string) bool { return a == b }
	differs("display_name", strChanged(plan.DisplayName, state.DisplayName, exact))
	c.customer = differs("customer_tenant_id", strChanged(plan.CustomerTenantID, state.CustomerTenantID, strings.EqualFold))
	differs("duration", strChanged(plan.Duration, state.Duration, daysEqual))
	c.unknown = c.unknown || plan.Roles.IsUnknown()
	rolesChanged := differs("roles", !plan.Roles.IsUnknown() && !rolesEqual(plan.roles(ctx), state.roles(ctx)))
	c.inPlaceWhenActive = len(c.paths) == 0 ||
		len(c.paths) == 1 && rolesChanged && withoutGlobalAdministrator(state.roles(ctx), plan.roles(ctx))
	differs("auto_extend_duration", strChanged(plan.AutoExtendDuration, state.AutoExtendDuration, daysEqual))
	return c
}

// planCreate plans a new relationship: apply creates it and locks it for approval, so its status
// will be approvalPending, and it will not be active or end before the customer approves it.
func planCreate(ctx context.Context, config, plan *relationshipResourceModel, diags *diag.Diagnostics) {
	if config.CustomerTenantID.IsNull() {
		plan.CustomerTenantID = types.StringNull() // Graph fills it in only when a customer approves
	}
	planNew(ctx, plan, nil, diags)
}

// planNew plans a relationship apply creates (a new one, or a successor) with predecessors: locked
// for approval, so approvalPending, neither active nor ending before the customer approves it.
func planNew(ctx context.Context, plan *relationshipResourceModel, predecessors []graph.Relationship, diags *diag.Diagnostics) {
	plan.Predecessors = predecessorsValue(ctx, predecessors)
	plan.Status = types.StringValue(statusApprovalPending)
	plan.ActivatedAt, plan.EndsAt = types.StringNull(), types.StringNull()
	checkAutoExtendWithRoles(ctx, plan, diags)
	diags.Append(plan.setAccess(ctx)...)
}

// planUpdate plans the change from state to plan as GDAP allows it in state's status: in place,
// by a successor (relationship_succession.go), or an error when nothing can do it. Every plan also
// decides which predecessors end (planPredecessors).
func (r *relationshipResource) planUpdate(ctx context.Context, state, plan *relationshipResourceModel, diags *diag.Diagnostics) {
	status := state.Status.ValueString()
	changes := changesOf(ctx, state, plan)
	keepState(state, plan)
	if changes.customer && status != statusCreated && state.CustomerTenantID.ValueString() != "" {
		refuseOtherCustomer(state, plan, diags)
		return
	}
	successor := false
	switch {
	case status == statusCreated:
		plan.ETag = types.StringUnknown()
		plan.Status = types.StringValue(statusApprovalPending) // apply locks it for approval
		plan.InvitationURL = types.StringValue(rules.InvitationURL(state.ID.ValueString()))
	case ended(status) && !renamed(state, plan):
		warnEnded(state, diags)
	case changes.unknown:
		// Known only at apply, the values may ask for a change in place or for a successor: what
		// either would change is unknown until then.
		unknownUntilApply(plan)
	case len(changes.paths) == 0:
		warnAwaitingApproval(state, diags)
	case granting(status) && changes.inPlaceWhenActive:
		plan.ETag = types.StringUnknown()
	case awaitingApproval(status) && changes.inPlaceWhenActive:
		warnDeferred(state, changes.paths, diags)
	default:
		successor = true
	}
	if !changes.unknown || status == statusCreated {
		r.planPredecessors(ctx, state, plan, diags)
	}
	if successor {
		planSuccessor(ctx, state, plan, changes.paths, diags)
		return
	}
	checkAutoExtendWithRoles(ctx, plan, diags)
	diags.Append(plan.setAccess(ctx)...)
}

// unknownUntilApply plans as unknown what a change in place or a successor would change.
func unknownUntilApply(plan *relationshipResourceModel) {
	for _, v := range []*types.String{&plan.ID, &plan.Status, &plan.ETag, &plan.InvitationURL, &plan.CreatedAt,
		&plan.ActivatedAt, &plan.EndsAt} {
		*v = types.StringUnknown()
	}
	plan.Predecessors = types.ListUnknown(predecessorType)
}

// refuseOtherCustomer fails the plan of a relationship whose customer differs from the one Graph
// holds: no relationship moves to another customer once locked, and the usual cause is an import
// of another customer's relationship, which the plan must never end.
func refuseOtherCustomer(state, plan *relationshipResourceModel, diags *diag.Diagnostics) {
	diags.AddAttributeError(path.Root("customer_tenant_id"), "GDAP relationship is with another customer",
		fmt.Sprintf("Relationship %q (%s) is with customer %s, but the configuration names customer %s. A relationship "+
			"cannot move to another customer, and nothing is changed or ended for it. If it was imported into the wrong "+
			"resource, stop managing it there (a removed block with destroy = false, or terraform state rm) and import "+
			"customer %s's own relationship; to invite customer %s, configure a new relationship for it.",
			state.DisplayName.ValueString(), state.ID.ValueString(), orAny(state.CustomerTenantID),
			plan.CustomerTenantID.ValueString(), plan.CustomerTenantID.ValueString(), plan.CustomerTenantID.ValueString()))
}

// warnAwaitingApproval says, in a plan that changes nothing, that the customer has still to approve.
func warnAwaitingApproval(state *relationshipResourceModel, diags *diag.Diagnostics) {
	if state.Status.ValueString() != statusApprovalPending {
		return
	}
	diags.AddWarning("GDAP relationship awaits the customer's approval", fmt.Sprintf("Relationship %q (customer %s) "+
		"awaits approval: send the customer its invitation link, %s. Access is assigned under it on the first apply "+
		"after the customer approves it.", state.DisplayName.ValueString(), orAny(state.CustomerTenantID),
		state.InvitationURL.ValueString()))
}

// warnDeferred says that changes an active relationship takes in place (auto-extension, dropping
// Global Administrator) wait, for one awaiting approval, until the customer approves it: Graph lets
// nothing change before, and one customer's pending approval must not fail an estate's plan. The
// apply saves them in the state and sends nothing; the first plan after the approval sends them.
func warnDeferred(state *relationshipResourceModel, paths []path.Path, diags *diag.Diagnostics) {
	diags.AddWarning("GDAP relationship changes once approved", fmt.Sprintf("Relationship %q (customer %s) is %s, "+
		"and Graph lets nothing change until the customer approves it: this apply sends nothing for %s, and the first "+
		"plan after the approval changes it in place.", state.DisplayName.ValueString(), orAny(state.CustomerTenantID),
		state.Status.ValueString(), pathsText(paths)))
}

// renamed reports whether plan may give the relationship another display name.
func renamed(state, plan *relationshipResourceModel) bool {
	return plan.DisplayName.IsUnknown() || plan.DisplayName.ValueString() != state.DisplayName.ValueString()
}

// warnEnded plans nothing for a relationship that has ended (expired, terminated, or an invitation
// that lapsed) under the same display name, and says what to do: Graph keeps the name of an ended
// relationship taken, and one customer's lapsed invitation must not fail the plan of an estate.
// Under a new name, planUpdate plans a successor.
func warnEnded(state *relationshipResourceModel, diags *diag.Diagnostics) {
	diags.AddWarning("GDAP relationship has ended", fmt.Sprintf("Relationship %q (%s, customer %s) is %s and "+
		"cannot be revived: it grants nothing, and nothing is sent to Graph for it. To invite the customer again, give "+
		"it a new display_name (Graph keeps the names of ended relationships taken): the plan then creates a successor.",
		state.DisplayName.ValueString(), state.ID.ValueString(), orAny(state.CustomerTenantID), state.Status.ValueString()))
}

// planSuccessor plans a successor: a new relationship under the planned values, invited for the
// customer's approval, the current one kept as a predecessor unless it has ended. paths name what
// Graph cannot change in place.
func planSuccessor(ctx context.Context, state, plan *relationshipResourceModel, paths []path.Path, diags *diag.Diagnostics) {
	name, status := state.DisplayName.ValueString(), state.Status.ValueString()
	predecessors := plan.predecessors(ctx)
	if !plan.DisplayName.IsUnknown() && namesTaken(plan.DisplayName.ValueString(), name, predecessors) {
		diags.AddAttributeError(path.Root("display_name"), "GDAP relationship needs a new display name", fmt.Sprintf(
			"Relationship %q is %s, and Graph cannot change %s of it: a new relationship succeeds it, which the "+
				"customer approves. Graph keeps display names unique among the partner's relationships, ended ones "+
				"included, so the new one needs another display_name than %q (for example with a number that you raise).",
			name, status, pathsText(paths), plan.DisplayName.ValueString()))
		return
	}
	if !ended(status) {
		current := graph.Relationship{ID: state.ID.ValueString(), DisplayName: name, Status: status,
			Roles: state.roles(ctx), Ends: state.EndsAt.ValueString()}
		predecessors = append([]graph.Relationship{current}, predecessors...)
	}
	plan.ID, plan.CreatedAt, plan.ETag, plan.InvitationURL = types.StringUnknown(), types.StringUnknown(),
		types.StringUnknown(), types.StringUnknown()
	planNew(ctx, plan, predecessors, diags)
	diags.AddWarning("GDAP relationship will be succeeded", successionText(state, plan, paths))
}

// successionText tells what a succession does, and what the teams' access does meanwhile.
func successionText(state, plan *relationshipResourceModel, paths []path.Path) string {
	name, status := state.DisplayName.ValueString(), state.Status.ValueString()
	what := fmt.Sprintf("Graph cannot change %s of relationship %q (%s, customer %s), which is %s, so this apply "+
		"creates relationship %s with the configured values and invites the customer to approve it (see its "+
		"invitation_url).", pathsText(paths), name, state.ID.ValueString(), orAny(state.CustomerTenantID), status,
		plan.DisplayName.String())
	switch {
	case granting(status):
		return what + fmt.Sprintf(" %q keeps granting its roles meanwhile: access assigned under it "+
			"(access_relationship_id) stays until the customer approves the new one, moves to the new one on the first "+
			"apply after that, and %q is terminated on the apply after the move.", name, name)
	case ended(status):
		return what + " The ended relationship grants nothing and needs nothing more."
	}
	return what + fmt.Sprintf(" %q awaits the customer's approval, which Graph lets no one withdraw: it is kept until "+
		"its invitation lapses, 90 days after it was sent; should the customer approve it after all, access is assigned "+
		"under it until the new one is approved, and it is terminated once the new one gives the same access.", name)
}

func pathsText(paths []path.Path) string {
	names := make([]string, 0, len(paths))
	for _, p := range paths {
		names = append(names, p.String())
	}
	return strings.Join(names, ", ")
}

// keepState plans state's computed values: nothing Graph computes changes with no change.
func keepState(state, plan *relationshipResourceModel) {
	plan.Status, plan.InvitationURL, plan.ActivatedAt, plan.EndsAt, plan.ETag =
		state.Status, state.InvitationURL, state.ActivatedAt, state.EndsAt, state.ETag
	plan.Predecessors, plan.AccessRelationshipID, plan.AccessRoles = state.Predecessors, state.AccessRelationshipID, state.AccessRoles
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
