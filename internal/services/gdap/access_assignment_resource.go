// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/graphglue"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

var (
	_ resource.ResourceWithConfigure   = (*assignmentResource)(nil)
	_ resource.ResourceWithImportState = (*assignmentResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*assignmentResource)(nil)
)

// Access assignment statuses the resource decides by.
const (
	assignmentActive   = "active"
	assignmentDeleting = "deleting"
	assignmentDeleted  = "deleted"
	assignmentError    = "error"
)

// NewAccessAssignmentResource returns the partnercenter_delegated_admin_access_assignment resource.
func NewAccessAssignmentResource() resource.Resource { return &assignmentResource{} }

type assignmentResource struct {
	data  *framework.ProviderData
	graph *graph.Client
}

// Metadata names the resource. Its identity (relationship_id, id) changes when the access moves
// to another relationship, in place (Update).
func (r *assignmentResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + typeNameDelegatedAdminAccessAssignment
	resp.ResourceBehavior.MutableIdentity = true
}

func (r *assignmentResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = assignmentResourceSchema(ctx)
}

func (r *assignmentResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = framework.Configured(req.ProviderData, &resp.Diagnostics)
	r.graph = graphglue.Client(r.data)
}

func assignmentSubject(action string, m *assignmentModel) framework.Subject {
	object := fmt.Sprintf("the access assignment of group %s in GDAP relationship %s", m.SecurityGroupID.ValueString(),
		m.RelationshipID.ValueString())
	return framework.Subject{Action: action, Object: object, Noun: "Access assignment", Resource: true, Timeouts: true}
}

// ModifyPlan plans status active (apply waits for it) and checks a created or changed
// assignment against its relationship: active, and granting every role asked for.
func (r *assignmentResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan, state assignmentModel
	if resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...); resp.Diagnostics.HasError() {
		return
	}
	creating := req.State.Raw.IsNull()
	if !creating {
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	}
	moving := !creating && (plan.RelationshipID.IsUnknown() || !sameRelationship(&state, &plan))
	switch {
	case !creating && state.Status.ValueString() == assignmentError:
		// Graph failed to apply it: a new assignment replaces it.
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root("status"))
		plan.ID, plan.ETag = types.StringUnknown(), types.StringUnknown()
	case moving:
		plan.ID, plan.ETag = types.StringUnknown(), types.StringUnknown() // assigned anew under the other relationship
	case !creating && !plan.Roles.IsUnknown() && rolesEqual(plan.roles(ctx), state.roles(ctx)):
		plan.Status, plan.ETag = state.Status, state.ETag
		resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
		return
	}
	plan.Status = types.StringValue(assignmentActive)
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
	if plan.RelationshipID.IsUnknown() || plan.Roles.IsUnknown() || r.graph == nil {
		return // checked at apply, by Graph
	}
	r.checkAgainstRelationship(ctx, &plan, &resp.Diagnostics)
}

// sameRelationship reports whether plan keeps the assignment under the relationship state has it
// under, in any case: false when the access moves to another one.
func sameRelationship(state, plan *assignmentModel) bool {
	return strings.EqualFold(plan.RelationshipID.ValueString(), state.RelationshipID.ValueString())
}

// checkAgainstRelationship fails the plan of an assignment Graph would refuse: under a relationship
// that is not active, or with roles it does not grant.
func (r *assignmentResource) checkAgainstRelationship(ctx context.Context, plan *assignmentModel, diags *diag.Diagnostics) {
	ctx, cancel, ok := framework.OperationContext(ctx, r.graph, framework.NoTimeout, framework.DefaultDataSourceTimeout, diags)
	defer cancel()
	if !ok {
		return
	}
	id := plan.RelationshipID.ValueString()
	rel, err := relationshipForPlan(ctx, r.data, r.graph, id)
	if err != nil {
		graphglue.AddError(diags, framework.Subject{Action: "read", Object: "GDAP relationship " + id,
			Noun: "GDAP relationship"}, err)
		return
	}
	if !granting(rel.Status) {
		diags.AddAttributeError(path.Root("relationship_id"), "GDAP relationship is not active", fmt.Sprintf("Relationship "+
			"%q (%s) is %s: access can be assigned only under an active relationship. Select the relationships whose "+
			"status is \"active\" for the assignments' for_each, so that they are assigned on the first apply after the "+
			"customer approves.", rel.DisplayName, rel.ID, rel.Status))
		return
	}
	var outside []string
	for _, role := range plan.roles(ctx) {
		if !slices.ContainsFunc(rel.Roles, func(g string) bool { return strings.EqualFold(g, role) }) {
			outside = append(outside, roleText(role))
		}
	}
	if len(outside) > 0 {
		diags.AddAttributeError(path.Root("roles"), "Role not granted by the relationship", fmt.Sprintf("Relationship %q "+
			"does not grant %s, so no access assignment under it can. Its roles: %s. Assign only those, or add the role "+
			"to a new relationship.", rel.DisplayName, strings.Join(outside, ", "), rolesText(rel.Roles)))
	}
}

// roleText names a role template id as people know it, when the provider's table knows it.
func roleText(id string) string {
	if name, ok := rules.EntraRoleName(id); ok {
		return name + " (" + id + ")"
	}
	return id
}

func rolesText(ids []string) string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, roleText(id))
	}
	return strings.Join(out, ", ")
}
