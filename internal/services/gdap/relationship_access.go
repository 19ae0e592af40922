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

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/graphglue"
)

// Ending a relationship ends the access of every team assigned under it. A plan never does that as
// a side effect: a relationship that grants access to a team is ended only when its successor
// gives that team access too, or when the configuration says so (allow_access_loss), and then the
// plan names the customer and the groups whose access ends. The access is read from Graph at
// plan time, for the relationships a plan would end and only for those.

// liveAssignments are the access assignments under relationship id that give access: not being
// deleted.
func liveAssignments(ctx context.Context, client *graph.Client, id string) ([]graph.AccessAssignment, error) {
	all, err := client.ListAccessAssignments(ctx, id)
	return slices.DeleteFunc(all, func(a graph.AccessAssignment) bool {
		return a.Status == assignmentDeleting || a.Status == assignmentDeleted
	}), err
}

// uncovered are the assignments of old whose security group has no active assignment among
// successor's with every role it has under old: the access that ends with old.
func uncovered(old, successor []graph.AccessAssignment) []graph.AccessAssignment {
	return slices.DeleteFunc(slices.Clone(old), func(a graph.AccessAssignment) bool {
		return slices.ContainsFunc(successor, func(s graph.AccessAssignment) bool {
			return strings.EqualFold(s.SecurityGroupID, a.SecurityGroupID) && s.Status == assignmentActive &&
				rolesEqual(append(slices.Clone(s.Roles), a.Roles...), s.Roles)
		})
	})
}

// groupsText names the security groups of assignments and the roles each has, for a person.
func groupsText(assignments []graph.AccessAssignment) string {
	parts := make([]string, 0, len(assignments))
	for _, a := range assignments {
		parts = append(parts, fmt.Sprintf("security group %s (%s)", a.SecurityGroupID, rolesText(a.Roles)))
	}
	return strings.Join(parts, "; ")
}

// customerText names a relationship's customer in a sentence.
func customerText(tenant string) string {
	if tenant == "" {
		return "the customer (none named yet)"
	}
	return "customer " + tenant
}

// accessEnds warns, naming the customer in the summary so that Terraform does not fold one
// customer's warning into another's, that the staff in assignments lose their access to the
// customer when rel ends.
func accessEnds(diags *diag.Diagnostics, tenant string, rel *graph.Relationship, assignments []graph.AccessAssignment) {
	diags.AddAttributeWarning(path.Root("allow_access_loss"), "Admin access to "+customerText(tenant)+" ends",
		fmt.Sprintf("This apply ends GDAP relationship %q (%s), as allow_access_loss = true allows: the staff in %s "+
			"lose their admin access to %s now.", rel.DisplayName, rel.ID, groupsText(assignments), customerText(tenant)))
}

// refuseAccessLoss fails a plan that would end rel while the staff in assignments have access
// under it, and says how to end it deliberately.
func refuseAccessLoss(diags *diag.Diagnostics, tenant string, rel *graph.Relationship, assignments []graph.AccessAssignment, how string) {
	diags.AddAttributeError(path.Root("allow_access_loss"), "Ending this GDAP relationship would end admin access",
		fmt.Sprintf("GDAP relationship %q (%s) gives the staff in %s admin access to %s, and no successor gives it "+
			"to them: ending it now would end that access. %s", rel.DisplayName, rel.ID, groupsText(assignments),
			customerText(tenant), how))
}

// planContext bounds what a plan reads of the access (as a data source's read is bounded); ok is
// false when diags holds an error, and done must be called either way.
func (r *relationshipResource) planContext(ctx context.Context, diags *diag.Diagnostics) (_ context.Context, done func(), ok bool) {
	return framework.OperationContext(ctx, r.graph, framework.NoTimeout, framework.DefaultDataSourceTimeout, diags)
}

// readFailed fails the plan that needed to know the access under rel.
func readFailed(diags *diag.Diagnostics, rel *graph.Relationship, err error) {
	graphglue.AddError(diags, framework.Subject{Action: "list", Object: fmt.Sprintf("the access assignments of "+
		"GDAP relationship %q (%s), which the plan must know before it ends the relationship", rel.DisplayName, rel.ID)}, err)
}

// awaitingApproval reports whether a relationship in status awaits or takes in the customer's
// approval: Graph can neither change nor end it then.
func awaitingApproval(status string) bool {
	return status == statusApprovalPending || status == "approved" || status == "activating"
}

// planDestroy refuses to plan the end of a relationship Graph cannot end yet, or whose end would
// end a team's access without allow_access_loss = true; with it, it names whose access ends. The
// relationship's predecessors end with it, under the same rules.
func (r *relationshipResource) planDestroy(ctx context.Context, state *relationshipResourceModel, diags *diag.Diagnostics) {
	all := state.lineage(ctx)
	for _, rel := range all {
		if awaitingApproval(rel.Status) {
			diags.AddError("GDAP relationship cannot be ended now", fmt.Sprintf("Relationship %q (%s) is %s: Graph can "+
				"neither delete nor terminate a relationship awaiting or taking in the customer's approval. Destroy it "+
				"after the customer approves it or the invitation lapses (90 days after it was sent), or stop managing it "+
				"with a removed block (lifecycle { destroy = false }); the customer can then still approve it.",
				rel.DisplayName, rel.ID, rel.Status))
			return
		}
	}
	ctx, done, ok := r.planContext(ctx, diags)
	defer done()
	if ok {
		r.checkAccessEnding(ctx, state, all, diags)
	}
}

// checkAccessEnding says, before rels end, whose access ends with them: the customer and the
// groups with access under each that grants, in a warning when the state allows the loss, in an
// error otherwise. Delete checks again, as a replacement (taint, -replace) is planned without a
// destroy plan of its own.
func (r *relationshipResource) checkAccessEnding(ctx context.Context, state *relationshipResourceModel, rels []graph.Relationship, diags *diag.Diagnostics) {
	tenant := state.CustomerTenantID.ValueString()
	for i := range rels {
		rel := &rels[i]
		if !granting(rel.Status) {
			continue
		}
		live, err := liveAssignments(ctx, r.graph, rel.ID)
		switch {
		case err != nil:
			readFailed(diags, rel, err)
		case len(live) == 0:
		case boolValue(state.AllowAccessLoss):
			accessEnds(diags, tenant, rel, live)
		default:
			refuseAccessLoss(diags, tenant, rel, live, "To end it deliberately, set allow_access_loss = true on it and "+
				"apply, then remove it; the plan then names whose access ends. To keep the access, keep the relationship "+
				"in the configuration (a customer that left the configuration by accident, such as a changed filter, "+
				"keeps its access this way).")
		}
	}
}
