// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/graphglue"
)

var (
	_ resource.ResourceWithConfigure   = (*relationshipResource)(nil)
	_ resource.ResourceWithImportState = (*relationshipResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*relationshipResource)(nil)
)

// NewRelationshipResource returns the partnercenter_delegated_admin_relationship resource.
func NewRelationshipResource() resource.Resource { return &relationshipResource{} }

type relationshipResource struct {
	data  *framework.ProviderData
	graph *graph.Client
}

// Metadata names the resource. Its identity, the relationship's id, moves to the successor when
// one is created (relationship_succession.go): the resource is the customer's relationship as
// configured, whichever of Graph's relationships that is now.
func (r *relationshipResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + typeNameDelegatedAdminRelationship
	resp.ResourceBehavior.MutableIdentity = true
}

func (r *relationshipResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = relationshipResourceSchema(ctx)
}

func (r *relationshipResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = framework.Configured(req.ProviderData, &resp.Diagnostics)
	r.graph = graphglue.Client(r.data)
}

// subject names the relationship in diagnostics.
func subject(action string, m *relationshipResourceModel) framework.Subject {
	object := fmt.Sprintf("GDAP relationship %q", m.DisplayName.ValueString())
	if id := m.ID.ValueString(); id != "" {
		object += " (" + id + ")"
	}
	return framework.Subject{Action: action, Object: object, Noun: "GDAP relationship", Resource: true, Timeouts: true}
}

func (r *relationshipResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var state, plan, config relationshipResourceModel
	if !req.State.Raw.IsNull() {
		if resp.Diagnostics.Append(req.State.Get(ctx, &state)...); resp.Diagnostics.HasError() {
			return
		}
	}
	if req.Plan.Raw.IsNull() {
		r.planDestroy(ctx, &state, &resp.Diagnostics)
		return
	}
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.Append(req.Config.Get(ctx, &config)...); resp.Diagnostics.HasError() {
		return
	}
	if req.State.Raw.IsNull() {
		planCreate(ctx, &config, &plan, &resp.Diagnostics)
		r.checkNameFree(ctx, &plan, &resp.Diagnostics)
	} else {
		if config.CustomerTenantID.IsNull() { // not the configuration's: whatever Graph holds stays
			plan.CustomerTenantID = state.CustomerTenantID
		}
		r.planUpdate(ctx, &state, &plan, &resp.Diagnostics)
	}
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
	}
}

// checkNameFree fails the plan of a create whose display name another relationship holds, unless
// the create can take that one over (an interrupted create's): Graph would refuse the create, and a
// replacement (-replace, taint), planned as a create, would end the access of a relationship that
// grants under that name before failing.
func (r *relationshipResource) checkNameFree(ctx context.Context, plan *relationshipResourceModel, diags *diag.Diagnostics) {
	if r.graph == nil || plan.DisplayName.IsUnknown() || plan.Roles.IsUnknown() || plan.Duration.IsUnknown() ||
		plan.AutoExtendDuration.IsUnknown() || plan.CustomerTenantID.IsUnknown() || diags.HasError() {
		return // checked at apply, when the create meets Graph
	}
	ctx, done, ok := r.planContext(ctx, diags)
	defer done()
	if !ok {
		return
	}
	found, err := r.graph.FindRelationshipByName(ctx, plan.DisplayName.ValueString())
	switch {
	case err != nil:
		graphglue.AddError(diags, framework.Subject{Action: "list", Object: fmt.Sprintf("the GDAP relationships named "+
			"%q, which the plan must know before it creates one", plan.DisplayName.ValueString())}, err)
	case found != nil && !takeable(found, asked(ctx, plan)):
		diags.AddAttributeError(path.Root("display_name"), "GDAP relationship name already taken", nameTaken(found))
	}
}

// Create creates the relationship (or takes over the one an interrupted apply created) and locks
// it for approval. When anything fails after Graph created it, nothing is saved: the next apply
// finds it by its display name and takes it over, so no run needs an import or an untaint.
func (r *relationshipResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	defer func() { setRelationshipIdentity(ctx, resp.Identity, resp.State, &resp.Diagnostics) }()
	var plan relationshipResourceModel
	if resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := framework.OperationContext(ctx, r.graph, plan.Timeouts.Create, relationshipCreateTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	rel, err := r.establish(ctx, &plan)
	if err != nil {
		graphglue.AddError(&resp.Diagnostics, subject("create", &plan), err)
		return
	}
	resp.Diagnostics.Append(saveApplied(ctx, &resp.State, rel, &plan)...)
}

// Read reads the relationship and its predecessors. Only Graph's own answer that the relationship
// does not exist removes it (or, while predecessors remain, hands the resource back to the newest
// of them); any other failure leaves the state as it was.
func (r *relationshipResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	defer func() { setRelationshipIdentity(ctx, resp.Identity, resp.State, &resp.Diagnostics) }()
	var state relationshipResourceModel
	if resp.Diagnostics.Append(req.State.Get(ctx, &state)...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := framework.OperationContext(ctx, r.graph, state.Timeouts.Read, relationshipReadTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	predecessors, err := r.readPredecessors(ctx, &state)
	if err != nil {
		graphglue.AddError(&resp.Diagnostics, subject("read", &state), err)
		return
	}
	rel, err := r.graph.GetRelationship(ctx, state.ID.ValueString())
	if gone(err) {
		if rel, predecessors = handBack(&state, predecessors, &resp.Diagnostics); rel == nil {
			setRelationshipIdentity(ctx, resp.Identity, req.State, &resp.Diagnostics) // state from before 1.12 has none
			resp.State.RemoveResource(ctx)
			return
		}
		err = nil
	}
	if err != nil {
		graphglue.AddError(&resp.Diagnostics, subject("read", &state), err)
		return
	}
	rememberRelationship(r.data, rel)
	m := state
	m.Predecessors = predecessorsValue(ctx, predecessors)
	resp.Diagnostics.Append(m.fromRead(ctx, rel, &state)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// gone reports whether err is Microsoft Graph's own answer that the object does not exist.
func gone(err error) bool {
	var apiErr *graph.APIError
	return errors.As(err, &apiErr) && apiErr.IsNotFound()
}

// handBack is what Read makes of a relationship Graph no longer has: the newest predecessor still
// there (read moments before) becomes the resource's relationship again, and the plan creates a
// successor anew; with none, nil: the resource is removed, and the plan creates it again.
func handBack(state *relationshipResourceModel, predecessors []graph.Relationship, diags *diag.Diagnostics) (*graph.Relationship, []graph.Relationship) {
	msg := fmt.Sprintf("Microsoft Graph has no relationship %s (%q) any more", state.ID.ValueString(), state.DisplayName.ValueString())
	if len(predecessors) == 0 {
		diags.AddWarning("GDAP relationship no longer exists", msg+": it is removed from the state, and the plan creates it again.")
		return nil, nil
	}
	rel := predecessors[0]
	diags.AddWarning("GDAP relationship no longer exists", msg+fmt.Sprintf(": the resource is %q (%s) again, the "+
		"relationship it succeeded, and the plan creates a successor anew.", rel.DisplayName, rel.ID))
	return &rel, predecessors[1:]
}

// Update makes Graph hold what the plan shows: in place, the changes the plan makes (relationship_apply.go);
// or a successor, created and locked. Predecessors the plan ends are then terminated.
func (r *relationshipResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	defer func() { setRelationshipIdentity(ctx, resp.Identity, resp.State, &resp.Diagnostics) }()
	var plan, state relationshipResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.Append(req.State.Get(ctx, &state)...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := framework.OperationContext(ctx, r.graph, plan.Timeouts.Update, relationshipUpdateTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	if plan.ID.IsUnknown() { // a successor
		r.createSuccessor(ctx, &plan, resp)
	} else {
		r.changeInPlace(ctx, &state, &plan, resp)
	}
	if !resp.Diagnostics.HasError() {
		r.endPredecessors(ctx, &state, &plan, resp)
	}
}

// createSuccessor creates and locks the successor the plan shows. A successor Graph created but whose lock
// failed is saved all the same (status created), with the error: an update is not tainted, and the
// next plan locks it.
func (r *relationshipResource) createSuccessor(ctx context.Context, plan *relationshipResourceModel, resp *resource.UpdateResponse) {
	rel, err := r.establish(ctx, plan)
	if rel != nil && err != nil {
		m := *plan
		resp.Diagnostics.Append(m.fromGraph(ctx, rel, plan)...)
		resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	}
	if err != nil {
		graphglue.AddError(&resp.Diagnostics, subject("update", plan), err)
		return
	}
	resp.Diagnostics.Append(saveApplied(ctx, &resp.State, rel, plan)...)
}

// changeInPlace sends what the plan changes of the relationship (relationship_apply.go).
func (r *relationshipResource) changeInPlace(ctx context.Context, state, plan *relationshipResourceModel, resp *resource.UpdateResponse) {
	rel, err := r.change(ctx, state, plan, &resp.Diagnostics)
	switch {
	case resp.Diagnostics.HasError():
	case err != nil:
		graphglue.AddError(&resp.Diagnostics, subject("update", plan), err)
	case rel == nil: // nothing sent: the state is the plan
		m := *plan
		m.ETag = state.ETag
		resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	default:
		resp.Diagnostics.Append(saveApplied(ctx, &resp.State, rel, plan)...)
	}
}

// Delete ends the relationship and the predecessors it still has, as Graph allows in their
// status: a relationship in status created is deleted; an approved one is terminated, and the
// delete waits until Graph reports it terminated; one that has ended already needs nothing.
func (r *relationshipResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state relationshipResourceModel
	if resp.Diagnostics.Append(req.State.Get(ctx, &state)...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := framework.OperationContext(ctx, r.graph, state.Timeouts.Delete, relationshipDeleteTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	lineage := state.lineage(ctx)
	if !boolValue(state.AllowAccessLoss) {
		if r.checkAccessEnding(ctx, &state, lineage, &resp.Diagnostics); resp.Diagnostics.HasError() {
			return
		}
	}
	for _, rel := range lineage {
		if err := r.end(ctx, rel.ID); err != nil {
			graphglue.AddError(&resp.Diagnostics, subject("delete", &state), err)
			return
		}
	}
}

// boolValue is v's value, false when it is null or unknown.
func boolValue(v types.Bool) bool { return !v.IsNull() && !v.IsUnknown() && v.ValueBool() }
