// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// A relationship that Graph cannot change in place (after the customer's approval, anything but
// auto-extension and dropping Global Administrator; nothing while approval is awaited) is
// succeeded, not replaced: a new relationship is created and the customer invited, while the
// current one, now a predecessor, keeps granting what it grants. The teams' access belongs under
// the newest relationship that grants (access_relationship_id): the predecessor's until the
// customer approves the successor, the successor's from the refresh after. A predecessor is
// terminated once its successor grants and no team has access under it that the successor does
// not give (relationship_access.go); one awaiting approval, which Graph can neither change nor
// end, is kept until it lapses or, approved after all, can be terminated.

// predecessorModel is one entry of predecessors.
type predecessorModel struct {
	ID          types.String `tfsdk:"id"`
	DisplayName types.String `tfsdk:"display_name"`
	Status      types.String `tfsdk:"status"`
	Roles       types.Set    `tfsdk:"roles"`
	EndsAt      types.String `tfsdk:"ends_at"`
}

// predecessorType is predecessorModel's type, as the schema declares it.
var predecessorType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"id": types.StringType, "display_name": types.StringType, "status": types.StringType,
	"roles": types.SetType{ElemType: types.StringType}, "ends_at": types.StringType,
}}

// predecessorsValue is rels as the predecessors attribute holds them.
func predecessorsValue(ctx context.Context, rels []graph.Relationship) types.List {
	items := make([]predecessorModel, 0, len(rels))
	for _, r := range rels {
		roles, _ := types.SetValueFrom(ctx, types.StringType, r.Roles)
		items = append(items, predecessorModel{ID: types.StringValue(r.ID), DisplayName: types.StringValue(r.DisplayName),
			Status: types.StringValue(r.Status), Roles: roles, EndsAt: framework.StringOrNull(r.Ends)})
	}
	v, _ := types.ListValueFrom(ctx, predecessorType, items)
	return v
}

// predecessors are m's predecessors as the client's relationships (id, name, status, roles and
// end only), nil when unknown or null.
func (m *relationshipResourceModel) predecessors(ctx context.Context) []graph.Relationship {
	if m.Predecessors.IsNull() || m.Predecessors.IsUnknown() {
		return nil
	}
	var items []predecessorModel
	_ = m.Predecessors.ElementsAs(ctx, &items, false)
	out := make([]graph.Relationship, 0, len(items))
	for _, p := range items {
		out = append(out, graph.Relationship{ID: p.ID.ValueString(), DisplayName: p.DisplayName.ValueString(),
			Status: p.Status.ValueString(), Roles: roleIDs(ctx, p.Roles), Ends: p.EndsAt.ValueString()})
	}
	return out
}

// lineage is the relationship as the state holds it, then its predecessors, newest first.
func (m *relationshipResourceModel) lineage(ctx context.Context) []graph.Relationship {
	return append([]graph.Relationship{*heldIn(ctx, m)}, m.predecessors(ctx)...)
}

// accessHolder is the relationship the teams' access belongs under: current when it grants, else
// the newest predecessor that grants; nil when none grants.
func accessHolder(current *graph.Relationship, predecessors []graph.Relationship) *graph.Relationship {
	if current != nil && granting(current.Status) {
		return current
	}
	for i := range predecessors {
		if granting(predecessors[i].Status) {
			return &predecessors[i]
		}
	}
	return nil
}

// setAccess sets access_relationship_id and access_roles from m's status, id, roles and
// predecessors; both are unknown while what decides them is. A new relationship or a successor,
// planned approvalPending, decides them by its predecessors alone: they are known at plan.
func (m *relationshipResourceModel) setAccess(ctx context.Context) diag.Diagnostics {
	grants := !m.Status.IsUnknown() && granting(m.Status.ValueString())
	if m.Status.IsUnknown() || m.Predecessors.IsUnknown() || grants && m.ID.IsUnknown() {
		m.AccessRelationshipID, m.AccessRoles = types.StringUnknown(), types.SetUnknown(types.StringType)
		return nil
	}
	current := &graph.Relationship{ID: m.ID.ValueString(), Status: m.Status.ValueString()}
	holder := accessHolder(current, m.predecessors(ctx))
	if holder == nil {
		m.AccessRelationshipID, m.AccessRoles = types.StringNull(), types.SetValueMust(types.StringType, nil)
		return nil
	}
	m.AccessRelationshipID = types.StringValue(holder.ID)
	if holder == current { // its roles, known only at apply when the configuration's are
		m.AccessRoles = m.Roles
		return nil
	}
	var d diag.Diagnostics
	m.AccessRoles, d = types.SetValueFrom(ctx, types.StringType, holder.Roles)
	return d
}

// namesTaken reports whether name is current's or a predecessor's display name: Graph keeps
// display names unique among the partner's relationships.
func namesTaken(name string, current string, predecessors []graph.Relationship) bool {
	if strings.EqualFold(name, current) {
		return true
	}
	return slices.ContainsFunc(predecessors, func(r graph.Relationship) bool { return strings.EqualFold(r.DisplayName, name) })
}

// planPredecessors plans which of state's predecessors end: one that grants is terminated once
// its successor (the relationship itself) grants too and gives every team with access under it
// the same access; until then it is kept, and the plan says whose access is still under it. One
// that awaits approval is kept as the refresh read it.
func (r *relationshipResource) planPredecessors(ctx context.Context, state, plan *relationshipResourceModel, diags *diag.Diagnostics) {
	predecessors := state.predecessors(ctx)
	plan.Predecessors = predecessorsValue(ctx, predecessors)
	successorGrants := !plan.Status.IsUnknown() && granting(plan.Status.ValueString())
	if !successorGrants || !slices.ContainsFunc(predecessors, func(p graph.Relationship) bool { return granting(p.Status) }) {
		return
	}
	ctx, done, ok := r.planContext(ctx, diags)
	defer done()
	if !ok {
		return
	}
	successor, err := liveAssignments(ctx, r.graph, state.ID.ValueString())
	if err != nil {
		readFailed(diags, heldIn(ctx, state), err)
		return
	}
	var kept []graph.Relationship
	for i := range predecessors {
		p := &predecessors[i]
		if !granting(p.Status) {
			kept = append(kept, *p)
			continue
		}
		old, err := liveAssignments(ctx, r.graph, p.ID)
		if err != nil {
			readFailed(diags, p, err)
			return
		}
		if moving := uncovered(old, successor); len(moving) > 0 {
			kept = append(kept, *p)
			warnAccessMoving(state, p, moving, diags)
			continue
		}
		diags.AddWarning("GDAP relationship's predecessor will be terminated", fmt.Sprintf("Relationship %q (%s) "+
			"succeeds %q (%s), and every team with access under the predecessor has the same access under the successor: "+
			"this apply terminates the predecessor, and no one's access ends.", state.DisplayName.ValueString(),
			state.ID.ValueString(), p.DisplayName, p.ID))
	}
	plan.Predecessors = predecessorsValue(ctx, kept)
}

// warnAccessMoving says that predecessor p is kept while access under it has not moved to its
// successor: on the first apply after the customer's approval, the configuration moves what it
// assigns under access_relationship_id, and the apply after ends p; access assigned elsewhere
// (in the portal) keeps p until it is given under the successor too, or removed.
func warnAccessMoving(state *relationshipResourceModel, p *graph.Relationship, moving []graph.AccessAssignment, diags *diag.Diagnostics) {
	diags.AddWarning("GDAP relationship's predecessor is kept until access has moved", fmt.Sprintf("Relationship %q "+
		"(%s) has succeeded %q (%s) for %s, and %s still have access under the predecessor that the successor does not "+
		"give them. Access the configuration assigns under access_relationship_id moves on this apply, and the "+
		"predecessor is terminated on the next; access assigned in the portal keeps it until the successor gives the "+
		"same, or that access is removed.", state.DisplayName.ValueString(), state.ID.ValueString(), p.DisplayName,
		p.ID, customerText(state.CustomerTenantID.ValueString()), groupsText(moving)))
}
