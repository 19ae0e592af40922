// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/graphglue"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// maxStaleRetries is how many times an update or delete reads the relationship again after
// Graph refused its ETag as stale, before it gives up.
const maxStaleRetries = 3

// asked is what creating the relationship plan describes sends: every writable field, durations
// in Graph's own spelling (P730D, P180D, PT0S) whatever units the configuration wrote them in.
func asked(ctx context.Context, plan *relationshipResourceModel) graph.NewRelationship {
	return graph.NewRelationship{DisplayName: plan.DisplayName.ValueString(),
		Duration:           rules.CanonicalDuration(plan.Duration.ValueString()),
		AutoExtendDuration: rules.CanonicalAutoExtend(plan.AutoExtendDuration.ValueString()),
		CustomerTenantID:   plan.CustomerTenantID.ValueString(), Roles: plan.roles(ctx)}
}

// establish creates the relationship plan describes and locks it for approval. A relationship
// that already holds the display name is taken over when it is what the plan asks for: one an
// interrupted apply created (or whose answer was lost), found by its name, which Graph keeps
// unique among the partner's relationships.
// When the lock fails, it gives the relationship as Graph created it, with the error.
func (r *relationshipResource) establish(ctx context.Context, plan *relationshipResourceModel) (*graph.Relationship, error) {
	in := asked(ctx, plan)
	rel, err := r.graph.CreateRelationship(ctx, in)
	if err != nil {
		if rel, err = r.takeOver(ctx, in, err); err != nil {
			return nil, err
		}
	}
	if rel.Status != statusCreated {
		return rel, nil
	}
	locked, err := r.lock(ctx, rel.ID)
	if err != nil {
		return rel, err
	}
	return locked, nil
}

// takeOver finds, after a create failed with createErr, the relationship holding the display name,
// and takes it when it is the one asked for: still created (it is then given the values asked
// for), or with every value asked for and not ended. One with other values is someone else's: the
// error names it and how to import it.
func (r *relationshipResource) takeOver(ctx context.Context, in graph.NewRelationship, createErr error) (*graph.Relationship, error) {
	var apiErr *graph.APIError
	if errors.As(createErr, &apiErr) && slices.Contains([]int{http.StatusUnauthorized, http.StatusForbidden,
		http.StatusTooManyRequests}, apiErr.StatusCode) {
		return nil, createErr // refused for the caller, not for the name: nothing was created
	}
	found, err := r.graph.FindRelationshipByName(ctx, in.DisplayName)
	if err != nil || found == nil {
		return nil, createErr
	}
	if !takeable(found, in) {
		return nil, fmt.Errorf("%s Creating it failed with: %w", nameTaken(found), createErr)
	}
	if found.Status == statusCreated && !sameAsAsked(found, in) {
		return r.graph.UpdateRelationship(ctx, found.ID, found.ETag, changeTo(found, in))
	}
	return found, nil
}

// takeable reports whether found, holding the display name a create asks for, is an interrupted
// create's to finish: still created (it is given the values asked for), or awaiting approval with
// every value asked for. One that grants already is no create's: a replacement would otherwise
// take over the very relationship it is about to end.
func takeable(found *graph.Relationship, in graph.NewRelationship) bool {
	return found.Status == statusCreated || awaitingApproval(found.Status) && sameAsAsked(found, in)
}

// nameTaken says that found holds a display name a create needs, and what to do.
func nameTaken(found *graph.Relationship) string {
	return fmt.Sprintf("A relationship named %q already exists (%s, %s, customer %s, roles %s), granting already, "+
		"ended, or with other values than the configuration's; Graph keeps display names unique, ended ones included. "+
		"To manage it, import it (an import block with to = this resource's address and id = %q); to replace it "+
		"without ending anyone's access, keep it in the configuration and change it there (a successor is invited while "+
		"it keeps granting); otherwise choose another display_name.", found.DisplayName, found.ID, found.Status,
		orAny(framework.StringOrNull(found.CustomerTenantID)), strings.Join(found.Roles, ", "), found.ID)
}

// sameAsAsked reports whether rel holds every value the create asked for.
func sameAsAsked(rel *graph.Relationship, in graph.NewRelationship) bool {
	return rolesEqual(rel.Roles, in.Roles) && daysEqual(rel.Duration, in.Duration) &&
		daysEqual(orOff(rel.AutoExtendDuration), orOff(in.AutoExtendDuration)) &&
		strings.EqualFold(rel.CustomerTenantID, in.CustomerTenantID)
}

// changeTo is what gives rel, still created, the values asked for.
func changeTo(rel *graph.Relationship, in graph.NewRelationship) graph.RelationshipChange {
	c := graph.RelationshipChange{Duration: &in.Duration, AutoExtendDuration: &in.AutoExtendDuration, Roles: in.Roles}
	if in.CustomerTenantID != "" && !strings.EqualFold(in.CustomerTenantID, rel.CustomerTenantID) {
		c.CustomerTenantID = &in.CustomerTenantID
	}
	return c
}

// lock locks relationship id for the customer's approval and gives it once Graph shows it so.
// Graph may not show a relationship it has just created for a moment: the client sends the
// request again until it does, within the operation's timeout.
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

// change sends, in place, what the plan changes of the state (a stale ETag reads the relationship
// again and sends what still differs of that, and nothing else), then locks a relationship still
// in status created; it gives the relationship after it, or nil when nothing was sent.
func (r *relationshipResource) change(ctx context.Context, state, plan *relationshipResourceModel, diags *diag.Diagnostics) (*graph.Relationship, error) {
	prior := heldIn(ctx, state)
	if ended(prior.Status) || awaitingApproval(prior.Status) { // the plan sends nothing to these (planUpdate)
		return nil, nil
	}
	intent := changeFrom(ctx, prior, plan)
	lockAfter := prior.Status == statusCreated && plan.Status.ValueString() == statusApprovalPending
	if intent.IsEmpty() && !lockAfter {
		return nil, nil
	}
	current := prior
	for attempt := 0; ; attempt++ {
		send := only(changeFrom(ctx, current, plan), intent)
		if send.IsEmpty() {
			break
		}
		if refuseChange(prior, current, diags); diags.HasError() {
			return nil, nil
		}
		rel, err := r.sendChange(ctx, current, send)
		var apiErr *graph.APIError
		if !errors.As(err, &apiErr) || !apiErr.IsStale() || attempt >= maxStaleRetries {
			if err != nil {
				return nil, err
			}
			current = rel
			break
		}
		fresh, err := r.graph.GetRelationship(ctx, prior.ID)
		if err != nil {
			return nil, err
		}
		warnConcurrent(ctx, prior, fresh, intent, diags)
		current = fresh
	}
	if lockAfter && current.Status == statusCreated {
		return r.lock(ctx, current.ID)
	}
	return current, nil
}

// heldIn is the relationship as the state says Graph holds it.
func heldIn(ctx context.Context, m *relationshipResourceModel) *graph.Relationship {
	return &graph.Relationship{ID: m.ID.ValueString(), DisplayName: m.DisplayName.ValueString(),
		CustomerTenantID: m.CustomerTenantID.ValueString(), Duration: m.Duration.ValueString(),
		AutoExtendDuration: m.AutoExtendDuration.ValueString(), Roles: m.roles(ctx),
		Status: m.Status.ValueString(), ETag: m.ETag.ValueString()}
}

// changeFrom is what plan changes of current: only the fields that differ, durations in Graph's
// own spelling.
func changeFrom(ctx context.Context, current *graph.Relationship, plan *relationshipResourceModel) graph.RelationshipChange {
	var c graph.RelationshipChange
	set := func(target **string, planned, held string, same func(a, b string) bool, canonical func(string) string) {
		if planned != "" && !same(planned, held) {
			v := canonical(planned)
			*target = &v
		}
	}
	asIs := func(s string) string { return s }
	set(&c.DisplayName, plan.DisplayName.ValueString(), current.DisplayName, func(a, b string) bool { return a == b }, asIs)
	set(&c.CustomerTenantID, plan.CustomerTenantID.ValueString(), current.CustomerTenantID, strings.EqualFold, asIs)
	set(&c.Duration, plan.Duration.ValueString(), current.Duration, daysEqual, rules.CanonicalDuration)
	set(&c.AutoExtendDuration, plan.AutoExtendDuration.ValueString(), orOff(current.AutoExtendDuration), daysEqual,
		rules.CanonicalAutoExtend)
	if roles := plan.roles(ctx); roles != nil && !rolesEqual(roles, current.Roles) {
		c.Roles = roles
	}
	return c
}

// only is c without the fields that intent leaves alone: after a stale ETag, what still differs
// of what the plan changes, never a field the plan did not change (ignore_changes included).
func only(c, intent graph.RelationshipChange) graph.RelationshipChange {
	keep := func(v, i *string) *string {
		if i == nil {
			return nil
		}
		return v
	}
	out := graph.RelationshipChange{DisplayName: keep(c.DisplayName, intent.DisplayName), Duration: keep(c.Duration, intent.Duration),
		AutoExtendDuration: keep(c.AutoExtendDuration, intent.AutoExtendDuration),
		CustomerTenantID:   keep(c.CustomerTenantID, intent.CustomerTenantID)}
	if intent.Roles != nil {
		out.Roles = c.Roles
	}
	return out
}

// warnConcurrent says what someone else changed while the plan was being applied: a value the
// plan also changes is written over (the plan's value wins, as the plan showed it), one it does
// not change is kept, and the next plan shows it.
func warnConcurrent(ctx context.Context, prior, fresh *graph.Relationship, intent graph.RelationshipChange, diags *diag.Diagnostics) {
	meanwhile := changeFrom(ctx, prior, &relationshipResourceModel{DisplayName: types.StringValue(fresh.DisplayName),
		CustomerTenantID: framework.StringOrNull(fresh.CustomerTenantID), Duration: types.StringValue(fresh.Duration),
		AutoExtendDuration: types.StringValue(orOff(fresh.AutoExtendDuration)), Roles: roleValues(ctx, fresh.Roles)})
	for _, f := range fieldsOf(meanwhile) {
		if f.in(intent) {
			diags.AddAttributeWarning(path.Root(f.attr), "GDAP relationship changed meanwhile", fmt.Sprintf("Someone "+
				"changed %s of relationship %q to %s while Terraform applied its plan; the plan changes it too, and "+
				"its value is written over theirs.", f.attr, prior.DisplayName, f.held(fresh)))
			continue
		}
		diags.AddAttributeWarning(path.Root(f.attr), "GDAP relationship changed meanwhile", fmt.Sprintf("Someone "+
			"changed %s of relationship %q to %s while Terraform applied its plan, which does not change it: their "+
			"value is kept, and the next plan shows it.", f.attr, prior.DisplayName, f.held(fresh)))
	}
}

// relationshipField is one writable field of a relationship, as the resource names it.
type relationshipField struct {
	attr string
	in   func(graph.RelationshipChange) bool
	held func(*graph.Relationship) string
}

// fieldsOf are the fields c changes.
func fieldsOf(c graph.RelationshipChange) []relationshipField {
	all := []relationshipField{
		{"display_name", func(c graph.RelationshipChange) bool { return c.DisplayName != nil }, func(r *graph.Relationship) string { return r.DisplayName }},
		{"customer_tenant_id", func(c graph.RelationshipChange) bool { return c.CustomerTenantID != nil }, func(r *graph.Relationship) string { return r.CustomerTenantID }},
		{"duration", func(c graph.RelationshipChange) bool { return c.Duration != nil }, func(r *graph.Relationship) string { return r.Duration }},
		{"auto_extend_duration", func(c graph.RelationshipChange) bool { return c.AutoExtendDuration != nil }, func(r *graph.Relationship) string { return orOff(r.AutoExtendDuration) }},
		{"roles", func(c graph.RelationshipChange) bool { return c.Roles != nil }, func(r *graph.Relationship) string { return strings.Join(r.Roles, ", ") }},
	}
	return slices.DeleteFunc(all, func(f relationshipField) bool { return !f.in(c) })
}

// refuseChange fails an update, before anything is written, when the relationship no longer stands
// where the plan found it: it ended, or was locked, since. (A value known only at apply is planned
// again at apply, with what it resolved to: planUpdate.)
func refuseChange(prior, current *graph.Relationship, diags *diag.Diagnostics) {
	if current.Status == prior.Status || current.Status == statusCreated || granting(current.Status) {
		return
	}
	diags.AddError("GDAP relationship changed status meanwhile", fmt.Sprintf("Relationship %q (%s) is %s now; it "+
		"was %s when the plan was made. Nothing was changed: plan again to see what its status allows.",
		current.DisplayName, current.ID, current.Status, prior.Status))
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

// saveApplied saves what an apply left: the configured values and what the plan showed known as
// planned (a value someone changed meanwhile, which the plan does not change, shows in the next
// plan), what the plan left unknown as Graph gives it.
func saveApplied(ctx context.Context, state *tfsdk.State, rel *graph.Relationship, plan *relationshipResourceModel) diag.Diagnostics {
	m := *plan
	held := *plan
	d := held.fromGraph(ctx, rel, plan)
	for _, v := range []struct{ saved, graphs *types.String }{{&m.ID, &held.ID}, {&m.ETag, &held.ETag},
		{&m.CreatedAt, &held.CreatedAt}, {&m.InvitationURL, &held.InvitationURL}, {&m.Status, &held.Status},
		{&m.ActivatedAt, &held.ActivatedAt}, {&m.EndsAt, &held.EndsAt}, {&m.CustomerTenantID, &held.CustomerTenantID}} {
		if v.saved.IsUnknown() {
			*v.saved = *v.graphs
		}
	}
	if m.AccessRelationshipID.IsUnknown() || m.AccessRoles.IsUnknown() {
		d.Append(m.setAccess(ctx)...)
	}
	return append(d, state.Set(ctx, &m)...)
}

// readPredecessors reads each predecessor in state again: one that has ended, or that Graph's own
// answer says no longer exists, is left out.
func (r *relationshipResource) readPredecessors(ctx context.Context, state *relationshipResourceModel) ([]graph.Relationship, error) {
	var out []graph.Relationship
	for _, p := range state.predecessors(ctx) {
		rel, err := r.graph.GetRelationship(ctx, p.ID)
		switch {
		case gone(err):
			continue
		case err != nil:
			return nil, fmt.Errorf("reading its predecessor %q (%s): %w", p.DisplayName, p.ID, err)
		case !ended(rel.Status):
			rememberRelationship(r.data, rel)
			out = append(out, *rel)
		}
	}
	return out, nil
}

// endPredecessors terminates the predecessors state holds and plan does not, and waits until
// Graph reports each terminated. Those not ended when one fails stay in the state, with the error.
func (r *relationshipResource) endPredecessors(ctx context.Context, state, plan *relationshipResourceModel, resp *resource.UpdateResponse) {
	planned := plan.predecessors(ctx)
	dropped := slices.DeleteFunc(state.predecessors(ctx), func(p graph.Relationship) bool {
		return slices.ContainsFunc(planned, func(q graph.Relationship) bool { return q.ID == p.ID })
	})
	for i, p := range dropped {
		err := r.end(ctx, p.ID)
		if err == nil {
			continue
		}
		var m relationshipResourceModel
		resp.Diagnostics.Append(resp.State.Get(ctx, &m)...)
		m.Predecessors = predecessorsValue(ctx, append(m.predecessors(ctx), dropped[i:]...))
		resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
		graphglue.AddError(&resp.Diagnostics, framework.Subject{Action: "terminate", Object: fmt.Sprintf(
			"GDAP relationship %q (%s), the predecessor of %q", p.DisplayName, p.ID, plan.DisplayName.ValueString()),
			Noun: "GDAP relationship", Resource: true, Timeouts: true}, err)
		return
	}
}

// end deletes or terminates relationship id, and waits until it has ended. Only Graph's own
// answer that it does not exist counts as ended: any other failure is an error.
func (r *relationshipResource) end(ctx context.Context, id string) error {
	for attempt := 0; ; attempt++ {
		rel, err := r.graph.GetRelationship(ctx, id)
		var apiErr *graph.APIError
		var request string // the terminate request sent, to watch while waiting
		switch {
		case gone(err):
			return nil
		case err != nil:
			return err
		case rel.Status == statusCreated:
			err = r.graph.DeleteRelationship(ctx, id, rel.ETag)
			if errors.As(err, &apiErr) && apiErr.IsStale() && attempt < maxStaleRetries || gone(err) {
				continue // read again: changed meanwhile, or gone already
			}
			return err
		case rel.Status == statusTerminated || rel.Status == statusExpired:
			return nil
		case granting(rel.Status):
			if request, err = r.graph.RequestAction(ctx, id, graph.ActionTerminate); err != nil && !r.tookEffect(ctx, id, ended) {
				return err
			}
		case !ended(rel.Status): // awaiting or taking in approval: the plan refuses to end it
			return fmt.Errorf("relationship %s is %s: Graph can neither delete nor terminate it until the customer "+
				"approves it or the invitation lapses", id, rel.Status)
		}
		_, err = r.graph.WaitRelationship(ctx, id, request, false, func(rel *graph.Relationship) bool {
			return rel.Status == statusTerminated || rel.Status == statusExpired
		})
		return err
	}
}
