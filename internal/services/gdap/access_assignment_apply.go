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

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/graphglue"
)

// Create assigns the access and waits until Graph reports it active.
func (r *assignmentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	defer func() { setAssignmentIdentity(ctx, resp.Identity, resp.State, &resp.Diagnostics) }()
	var plan assignmentModel
	if resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := framework.OperationContext(ctx, r.graph, plan.Timeouts.Create, assignmentCreateTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	a, err := r.assign(ctx, &plan, &resp.Diagnostics)
	if a == nil {
		if err != nil {
			graphglue.AddError(&resp.Diagnostics, assignmentSubject("create", &plan), err)
		}
		return
	}
	resp.Diagnostics.Append(plan.fromGraph(ctx, a)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...) // with an error, saved and tainted: the next plan shows it again
	if err != nil {
		graphglue.AddError(&resp.Diagnostics, assignmentSubject("create", &plan), err)
	}
}

// assign gives the group the planned roles under the planned relationship and waits until Graph
// reports it active; it gives the assignment as Graph last showed it (nil when nothing was
// assigned), and the error that stopped it. An assignment the group already has there is taken
// only when it gives exactly the planned roles (a retry of this create meets the one its first
// attempt made); one with other roles is someone else's, and is refused.
func (r *assignmentResource) assign(ctx context.Context, plan *assignmentModel, diags *diag.Diagnostics) (*graph.AccessAssignment, error) {
	relID, group := plan.RelationshipID.ValueString(), plan.SecurityGroupID.ValueString()
	a, err := r.graph.CreateAccessAssignment(ctx, relID, group, plan.roles(ctx))
	var conflict *graph.ConflictError
	if errors.As(err, &conflict) && rolesEqual(conflict.Existing.Roles, plan.roles(ctx)) {
		a, err = conflict.Existing, nil
	} else if conflict != nil {
		diags.AddAttributeError(path.Root("security_group_id"), "Security group already has access",
			fmt.Sprintf("Group %s already has access assignment %s in relationship %s, with other roles (%s); Graph allows "+
				"one per group. Import it (id %s/%s) to manage it, or remove it in the portal.", group, conflict.Existing.ID,
				relID, rolesText(conflict.Existing.Roles), relID, conflict.Existing.ID))
		return nil, nil //nolint:nilerr // the conflict is reported above, naming the attribute at fault
	}
	if err != nil {
		return nil, err
	}
	active, err := r.waitActive(ctx, relID, a.ID, plan.roles(ctx))
	if active == nil {
		active = a
	}
	return active, err
}

// waitActive waits until Graph reports the assignment active with roles; one it reports failed
// is an error.
func (r *assignmentResource) waitActive(ctx context.Context, relID, id string, roles []string) (*graph.AccessAssignment, error) {
	a, err := r.graph.WaitAccessAssignment(ctx, relID, id, func(a *graph.AccessAssignment) bool {
		return a == nil || a.Status == assignmentActive && rolesEqual(a.Roles, roles) || a.Status == assignmentError
	})
	switch {
	case err != nil:
		return a, err
	case a == nil:
		return nil, fmt.Errorf("microsoft graph no longer shows access assignment %s, which it was applying", id)
	case a.Status == assignmentError:
		return a, fmt.Errorf("microsoft graph reports access assignment %s failed (status error): check that the security "+
			"group exists in the partner's tenant and try again", id)
	}
	return a, nil
}

func (r *assignmentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	defer func() { setAssignmentIdentity(ctx, resp.Identity, resp.State, &resp.Diagnostics) }()
	var state assignmentModel
	if resp.Diagnostics.Append(req.State.Get(ctx, &state)...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := framework.OperationContext(ctx, r.graph, state.Timeouts.Read, assignmentReadTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	a, err := r.graph.GetAccessAssignment(ctx, state.RelationshipID.ValueString(), state.ID.ValueString())
	if gone(err) || err == nil && (a.Status == assignmentDeleting || a.Status == assignmentDeleted) {
		resp.Diagnostics.AddWarning("Access assignment no longer exists", fmt.Sprintf("Microsoft Graph no longer has "+
			"access assignment %s of group %s (removed in the portal, or its relationship ended): it is removed from the "+
			"state, and the plan assigns the access again where the configuration still asks for it.",
			state.ID.ValueString(), state.SecurityGroupID.ValueString()))
		setAssignmentIdentity(ctx, resp.Identity, req.State, &resp.Diagnostics) // state from before 1.12 has none
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		graphglue.AddError(&resp.Diagnostics, assignmentSubject("read", &state), err)
		return
	}
	resp.Diagnostics.Append(state.fromGraph(ctx, a)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update gives the assignment the planned roles with If-Match; a stale ETag reads it again and
// sends the roles again unless they are there already. It waits until Graph reports it active.
func (r *assignmentResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	defer func() { setAssignmentIdentity(ctx, resp.Identity, resp.State, &resp.Diagnostics) }()
	var plan, state assignmentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.Append(req.State.Get(ctx, &state)...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := framework.OperationContext(ctx, r.graph, plan.Timeouts.Update, assignmentUpdateTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	if !sameRelationship(&state, &plan) {
		r.move(ctx, &state, &plan, resp)
		return
	}
	relID, id, roles := state.RelationshipID.ValueString(), state.ID.ValueString(), plan.roles(ctx)
	etag, held := state.ETag.ValueString(), state.roles(ctx)
	if rolesEqual(held, roles) { // nothing to send (timeouts changed): the state is the plan
		plan.Status, plan.ETag = state.Status, state.ETag
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		return
	}
	var err error
	for attempt := 0; !rolesEqual(held, roles); attempt++ {
		_, err = r.graph.UpdateAccessAssignment(ctx, relID, id, etag, roles)
		var apiErr *graph.APIError
		if !errors.As(err, &apiErr) || !apiErr.IsStale() || attempt >= maxStaleRetries {
			break
		}
		current, getErr := r.graph.GetAccessAssignment(ctx, relID, id)
		if getErr != nil {
			err = getErr
			break
		}
		etag, held, err = current.ETag, current.Roles, nil
	}
	var a *graph.AccessAssignment
	if err == nil {
		a, err = r.waitActive(ctx, relID, id, roles)
	}
	if err != nil {
		graphglue.AddError(&resp.Diagnostics, assignmentSubject("update", &plan), err)
		return
	}
	resp.Diagnostics.Append(plan.fromGraph(ctx, a)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// move moves the access to the planned relationship: assigned there and active first, and only
// then removed under the relationship state has it under, so that the group's access never
// lapses. Should the removal fail, the state holds the new assignment, and the error names the
// old one still in place.
func (r *assignmentResource) move(ctx context.Context, state, plan *assignmentModel, resp *resource.UpdateResponse) {
	a, err := r.assign(ctx, plan, &resp.Diagnostics)
	if a == nil || err != nil {
		if err != nil {
			graphglue.AddError(&resp.Diagnostics, assignmentSubject("move", plan), fmt.Errorf("assigning the access "+
				"under relationship %s, before removing it under %s: %w", plan.RelationshipID.ValueString(),
				state.RelationshipID.ValueString(), err))
		}
		return
	}
	resp.Diagnostics.Append(plan.fromGraph(ctx, a)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	if err := r.remove(ctx, state.RelationshipID.ValueString(), state.ID.ValueString()); err != nil {
		graphglue.AddError(&resp.Diagnostics, assignmentSubject("move", plan), fmt.Errorf("the access is assigned "+
			"under relationship %s (assignment %s), but its old assignment %s under relationship %s could not be removed, "+
			"and still gives the group access there: %w", plan.RelationshipID.ValueString(), a.ID, state.ID.ValueString(),
			state.RelationshipID.ValueString(), err))
	}
}

// Delete deletes the assignment with If-Match (a stale ETag reads it again) and waits until Graph
// no longer has it. One already gone, with its relationship or in the portal, needs nothing.
func (r *assignmentResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state assignmentModel
	if resp.Diagnostics.Append(req.State.Get(ctx, &state)...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := framework.OperationContext(ctx, r.graph, state.Timeouts.Delete, assignmentDeleteTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	if err := r.remove(ctx, state.RelationshipID.ValueString(), state.ID.ValueString()); err != nil {
		graphglue.AddError(&resp.Diagnostics, assignmentSubject("delete", &state), err)
	}
}

// remove deletes the assignment with If-Match (a stale ETag reads it again) and waits until Graph
// no longer has it; only Graph's own answer that it does not exist counts as gone.
func (r *assignmentResource) remove(ctx context.Context, relID, id string) error {
	for attempt := 0; ; attempt++ {
		a, err := r.graph.GetAccessAssignment(ctx, relID, id)
		if gone(err) {
			return nil
		}
		if err != nil {
			return err
		}
		if a.Status != assignmentDeleting && a.Status != assignmentDeleted {
			err = r.graph.DeleteAccessAssignment(ctx, relID, id, a.ETag)
			var apiErr *graph.APIError
			if errors.As(err, &apiErr) && apiErr.IsStale() && attempt < maxStaleRetries {
				continue
			}
			if err != nil && !gone(err) {
				return err
			}
		}
		_, err = r.graph.WaitAccessAssignment(ctx, relID, id, func(a *graph.AccessAssignment) bool {
			return a == nil || a.Status == assignmentDeleted
		})
		return err
	}
}
