// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
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

func (r *relationshipResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_delegated_admin_relationship"
}

func (r *relationshipResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = relationshipResourceSchema(ctx)
}

func (r *relationshipResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = framework.Configured(req.ProviderData, &resp.Diagnostics)
	r.graph = framework.GraphClient(r.data)
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
		planDestroy(&state, &resp.Diagnostics)
		return
	}
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.Append(req.Config.Get(ctx, &config)...); resp.Diagnostics.HasError() {
		return
	}
	if req.State.Raw.IsNull() {
		planCreate(ctx, &config, &plan, &resp.Diagnostics)
	} else {
		planUpdate(ctx, &state, &config, &plan, resp)
	}
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
	}
}

// Create creates the relationship, locks it for approval and saves it awaiting approval. Should
// the lock fail, the relationship is saved as Graph holds it (created), and Terraform taints it.
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
	rel, err := r.create(ctx, &plan)
	if err != nil {
		framework.AddGraphError(&resp.Diagnostics, subject("create", &plan), err)
		return
	}
	locked, err := r.lock(ctx, rel.ID)
	if err != nil {
		// Saved as Graph holds it. Still created, it is tainted, and the next plan replaces it (a
		// created relationship is deleted); locked after all (the wait was what failed), it is
		// saved without an error, as the plan showed it.
		reread, cancelReread := context.WithTimeout(context.WithoutCancel(ctx), rereadAfterFailure)
		if now, getErr := r.graph.GetRelationship(reread, rel.ID); getErr == nil {
			rel = now
		}
		cancelReread()
		resp.Diagnostics.Append(save(ctx, &resp.State, rel, &plan)...)
		if rel.Status == statusCreated {
			framework.AddGraphError(&resp.Diagnostics, subject("create", &plan), fmt.Errorf("locking it for approval: %w", err))
		}
		return
	}
	resp.Diagnostics.Append(save(ctx, &resp.State, locked, &plan)...)
}

// create creates the relationship plan describes. When Graph's answer is lost (a failure answer
// or a dropped connection), the relationship may exist all the same: it is looked for by its
// display name, unique among the partner's, and taken when it is the one asked for.
func (r *relationshipResource) create(ctx context.Context, plan *relationshipResourceModel) (*graph.Relationship, error) {
	in := graph.NewRelationship{DisplayName: plan.DisplayName.ValueString(), Duration: plan.Duration.ValueString(),
		AutoExtendDuration: plan.AutoExtendDuration.ValueString(), CustomerTenantID: plan.CustomerTenantID.ValueString(),
		Roles: plan.roles(ctx)}
	rel, err := r.graph.CreateRelationship(ctx, in)
	if err == nil || !mayHaveTakenEffect(err) {
		return rel, err
	}
	found, findErr := r.graph.FindRelationshipByName(ctx, in.DisplayName)
	if findErr != nil || found == nil || !sameAsAsked(found, in) {
		return nil, err
	}
	return found, nil
}

// sameAsAsked reports whether rel, found by name after a create whose answer was lost, is the one
// asked for: still created, with every field the create sent.
func sameAsAsked(rel *graph.Relationship, in graph.NewRelationship) bool {
	return rel.Status == statusCreated && rolesEqual(rel.Roles, in.Roles) && daysEqual(rel.Duration, in.Duration) &&
		daysEqual(orOff(rel.AutoExtendDuration), orOff(in.AutoExtendDuration)) &&
		strings.EqualFold(rel.CustomerTenantID, in.CustomerTenantID)
}

// mayHaveTakenEffect reports whether a failed call may have been carried out all the same: Graph
// failed (5xx), its answer never arrived, or it answered success with a body the client could not
// use; not when Graph refused it (4xx).
func mayHaveTakenEffect(err error) bool {
	var apiErr *graph.APIError
	if errors.As(err, &apiErr) {
		return apiErr.StatusCode >= 500
	}
	return true
}

// lock locks relationship id for the customer's approval and gives it once Graph shows it so.
// Graph may not show a relationship it has just created for a moment: the client sends the
// request again until it does, within the create's timeout.
func (r *relationshipResource) lock(ctx context.Context, id string) (*graph.Relationship, error) {
	request, err := r.graph.RequestActionOnNew(ctx, id, graph.ActionLockForApproval)
	if err != nil && !r.tookEffect(ctx, id, func(status string) bool { return status != statusCreated }) {
		return nil, err
	}
	return r.graph.WaitRelationship(ctx, id, request, true, func(rel *graph.Relationship) bool { return rel.Status != statusCreated })
}

// tookEffect reports whether a request that failed was carried out all the same, as when Graph
// did it but its answer was lost and the retry was refused for the status the first one made:
// relationship id now stands where done says.
func (r *relationshipResource) tookEffect(ctx context.Context, id string, done func(status string) bool) bool {
	rel, err := r.graph.GetRelationship(ctx, id)
	return err == nil && done(rel.Status)
}

// save sets state to rel as Graph holds it, in plan's spelling where the two agree.
func save(ctx context.Context, state *tfsdk.State, rel *graph.Relationship, plan *relationshipResourceModel) diag.Diagnostics {
	m := *plan
	d := m.fromGraph(ctx, rel, plan)
	return append(d, state.Set(ctx, &m)...)
}

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
	rel, err := r.graph.GetRelationship(ctx, state.ID.ValueString())
	var apiErr *graph.APIError
	if errors.As(err, &apiErr) && apiErr.IsNotFound() {
		resp.Diagnostics.AddWarning("GDAP relationship no longer exists", fmt.Sprintf("Microsoft Graph has no relationship "+
			"%s (%q) any more: it is removed from the state, and the plan creates it again.", state.ID.ValueString(),
			state.DisplayName.ValueString()))
		setRelationshipIdentity(ctx, resp.Identity, req.State, &resp.Diagnostics) // state from before 1.12 has none
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		framework.AddGraphError(&resp.Diagnostics, subject("read", &state), err)
		return
	}
	rememberRelationship(r.data, rel)
	resp.Diagnostics.Append(save(ctx, &resp.State, rel, &state)...)
}

// rereadAfterFailure bounds the read that finds out where a relationship stands after its lock
// failed, even when the create's own time is up: what is saved should be what Graph holds.
const rereadAfterFailure = 10 * time.Second

// maxStaleRetries is how many times an update or delete reads the relationship again after
// Graph refused its ETag as stale, before it gives up.
const maxStaleRetries = 3

// Update makes Graph hold what the plan shows: the fields that differ from what Graph holds, sent
// with If-Match; a stale ETag reads the relationship again and sends what still differs. A
// relationship still in status created is then locked for approval, as the plan showed. What
// Graph computes and the plan showed known (status, its times) is saved as planned; the next
// refresh reads it anew.
func (r *relationshipResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	defer func() { setRelationshipIdentity(ctx, resp.Identity, resp.State, &resp.Diagnostics) }()
	var plan, state, config relationshipResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.Append(req.State.Get(ctx, &state)...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := framework.OperationContext(ctx, r.graph, plan.Timeouts.Update, relationshipUpdateTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	if config.CustomerTenantID.IsNull() { // not the configuration's: whatever Graph holds stays
		plan.CustomerTenantID = types.StringNull()
	}
	rel, err := r.update(ctx, &state, &plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if err == nil && rel != nil && rel.Status == statusCreated && plan.Status.ValueString() == statusApprovalPending {
		rel, err = r.lock(ctx, rel.ID)
	}
	if err != nil {
		framework.AddGraphError(&resp.Diagnostics, subject("update", &plan), err)
		return
	}
	m := plan
	if rel == nil { // nothing to send: the state is the plan
		m.CustomerTenantID = state.CustomerTenantID
		if m.ETag.IsUnknown() {
			m.ETag = state.ETag
		}
		resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
		return
	}
	resp.Diagnostics.Append(m.fromGraph(ctx, rel, &plan)...)
	keepPlanned(&m, &plan)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// keepPlanned keeps in m the values plan showed known that Graph computes.
func keepPlanned(m, plan *relationshipResourceModel) {
	for _, v := range []struct{ got, planned *types.String }{{&m.Status, &plan.Status},
		{&m.InvitationURL, &plan.InvitationURL}, {&m.ActivatedAt, &plan.ActivatedAt}, {&m.EndsAt, &plan.EndsAt},
		{&m.CreatedAt, &plan.CreatedAt}} {
		if !v.planned.IsUnknown() {
			*v.got = *v.planned
		}
	}
}

// update sends what plan changes of what Graph holds (state first, then what a re-read gives),
// and gives the relationship after it, or nil when there is nothing to send. A change that
// status does not allow, known only now, is refused before anything is written.
func (r *relationshipResource) update(ctx context.Context, state, plan *relationshipResourceModel,
	diags *diag.Diagnostics) (*graph.Relationship, error) {
	id := state.ID.ValueString()
	current := &graph.Relationship{ID: id, DisplayName: state.DisplayName.ValueString(),
		CustomerTenantID: state.CustomerTenantID.ValueString(), Duration: state.Duration.ValueString(),
		AutoExtendDuration: state.AutoExtendDuration.ValueString(), Roles: state.roles(ctx),
		Status: state.Status.ValueString(), ETag: state.ETag.ValueString()}
	for attempt := 0; ; attempt++ {
		change := changeFrom(ctx, current, plan)
		if change.IsEmpty() {
			if attempt == 0 && current.Status != statusCreated {
				return nil, nil
			}
			return current, nil
		}
		if refuseChange(current, change, diags); diags.HasError() {
			return nil, nil
		}
		rel, err := r.sendChange(ctx, current, change)
		var apiErr *graph.APIError
		if !errors.As(err, &apiErr) || !apiErr.IsStale() || attempt >= maxStaleRetries {
			return rel, err
		}
		if current, err = r.graph.GetRelationship(ctx, id); err != nil {
			return nil, err
		}
	}
}

// refuseChange fails an update Graph does not allow in current's status: the plan allowed it
// because a value was known only at apply.
func refuseChange(current *graph.Relationship, c graph.RelationshipChange, diags *diag.Diagnostics) {
	if current.Status == statusCreated {
		return
	}
	refuse := func(attr string) {
		diags.AddAttributeError(path.Root(attr), "GDAP relationship cannot change in place", fmt.Sprintf("Relationship "+
			"%q is %s, and %s, known only at apply, differs from what Graph holds: after approval only "+
			"auto_extend_duration can change in place (and Global Administrator be dropped). Nothing was changed; plan "+
			"again, now that the value is known, to see the replacement it needs.", current.DisplayName, current.Status, attr))
	}
	if !granting(current.Status) && !c.IsEmpty() {
		refuse("roles")
		return
	}
	for attr, changed := range map[string]bool{"display_name": c.DisplayName != nil, "duration": c.Duration != nil,
		"customer_tenant_id": c.CustomerTenantID != nil,
		"roles":              c.Roles != nil && !withoutGlobalAdministrator(current.Roles, c.Roles)} {
		if changed {
			refuse(attr)
		}
	}
}

// sendChange sends c with current's ETag. Dropping Global Administrator goes first and alone when
// auto-extension changes too: Graph may judge the auto-extension by the roles it holds until the
// long-running drop has finished.
func (r *relationshipResource) sendChange(ctx context.Context, current *graph.Relationship, c graph.RelationshipChange) (*graph.Relationship, error) {
	if granting(current.Status) && c.Roles != nil && c.AutoExtendDuration != nil {
		dropped, err := r.graph.UpdateRelationship(ctx, current.ID, current.ETag, graph.RelationshipChange{Roles: c.Roles})
		if err != nil {
			return nil, err
		}
		current, c.Roles = dropped, nil
	}
	return r.graph.UpdateRelationship(ctx, current.ID, current.ETag, c)
}

// Delete ends the relationship as Graph allows in its status: a relationship in status created is
// deleted; an approved one is terminated, and the delete waits until Graph reports it terminated;
// one that has ended already needs nothing.
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
	if err := r.end(ctx, state.ID.ValueString()); err != nil {
		framework.AddGraphError(&resp.Diagnostics, subject("delete", &state), err)
	}
}

// end deletes or terminates relationship id, and waits until it has ended.
func (r *relationshipResource) end(ctx context.Context, id string) error {
	for attempt := 0; ; attempt++ {
		rel, err := r.graph.GetRelationship(ctx, id)
		var apiErr *graph.APIError
		var request string // the terminate request sent, to watch while waiting
		switch {
		case errors.As(err, &apiErr) && apiErr.IsNotFound():
			return nil
		case err != nil:
			return err
		case rel.Status == statusCreated:
			err = r.graph.DeleteRelationship(ctx, id, rel.ETag)
			if errors.As(err, &apiErr) && (apiErr.IsStale() && attempt < maxStaleRetries || apiErr.IsNotFound()) {
				continue // read again: changed meanwhile, or gone already
			}
			return err
		case rel.Status == statusTerminated || rel.Status == statusExpired:
			return nil
		case granting(rel.Status):
			if request, err = r.graph.RequestAction(ctx, id, graph.ActionTerminate); err != nil && !r.tookEffect(ctx, id, ended) {
				return err
			}
		case !ended(rel.Status): // awaiting or taking in approval: the plan refuses to destroy it
			return fmt.Errorf("relationship %s is %s: Graph can neither delete nor terminate it until the customer "+
				"approves it or the invitation lapses", id, rel.Status)
		}
		_, err = r.graph.WaitRelationship(ctx, id, request, false, func(rel *graph.Relationship) bool {
			return rel.Status == statusTerminated || rel.Status == statusExpired
		})
		return err
	}
}

// IdentitySchema declares the identity import blocks name a relationship by (Terraform 1.12 and
// later) and terraform query lists relationships by.
func (r *relationshipResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = framework.StringIdentity(map[string]string{
		"id": "The relationship's id: two GUIDs joined by a dash, as Microsoft Graph shows it."})
}

// relationshipIdentity is the attribute of a relationship's identity, as the state names it.
var relationshipIdentity = []string{"id"}

// setRelationshipIdentity stores the relationship's identity, its id, from the state being saved.
func setRelationshipIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, state tfsdk.State, diags *diag.Diagnostics) {
	diags.Append(framework.IdentityFromState(ctx, identity, state, relationshipIdentity...)...)
}

// ImportState takes the relationship's id, in any case, from the import id or the identity, and
// keeps it in lower case; Read fills in the rest.
func (r *relationshipResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	ids, diags := framework.ImportedIDs(ctx, req, relationshipIdentity, func(id string) []string { return []string{id} })
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	if !rules.RelationshipID.MatchString(ids[0]) {
		resp.Diagnostics.AddError("Invalid GDAP relationship id", fmt.Sprintf("%q is not a GDAP relationship id: two GUIDs "+
			"joined by a dash, as Microsoft Graph, the Partner Center portal and partnercenter_delegated_admin_relationships "+
			"show it.", ids[0]))
		return
	}
	framework.SaveImported(ctx, resp, relationshipIdentity, ids)
}

// changeFrom is what plan changes of current: only the fields that differ.
func changeFrom(ctx context.Context, current *graph.Relationship, plan *relationshipResourceModel) graph.RelationshipChange {
	var c graph.RelationshipChange
	set := func(target **string, planned, held string, same func(a, b string) bool) {
		if planned != "" && !same(planned, held) {
			*target = &planned
		}
	}
	set(&c.DisplayName, plan.DisplayName.ValueString(), current.DisplayName, func(a, b string) bool { return a == b })
	set(&c.CustomerTenantID, plan.CustomerTenantID.ValueString(), current.CustomerTenantID, strings.EqualFold)
	set(&c.Duration, plan.Duration.ValueString(), current.Duration, daysEqual)
	set(&c.AutoExtendDuration, plan.AutoExtendDuration.ValueString(), orOff(current.AutoExtendDuration), daysEqual)
	if roles := plan.roles(ctx); !rolesEqual(roles, current.Roles) {
		c.Roles = roles
	}
	return c
}
