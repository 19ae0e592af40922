// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// Relationship statuses the resource decides by.
const (
	statusCreated         = "created"
	statusApprovalPending = "approvalPending"
	statusActive          = "active"
	statusExpiring        = "expiring"
	statusTerminated      = "terminated"
	statusExpired         = "expired"
)

// ended reports whether a relationship in status has ended or is ending: it cannot be revived.
func ended(status string) bool {
	return slices.Contains([]string{statusExpired, statusTerminated, "terminationRequested", "terminating"}, status)
}

// granting reports whether a relationship in status grants access: approved and not yet ended.
func granting(status string) bool { return status == statusActive || status == statusExpiring }

// relationshipResourceModel is partnercenter_delegated_admin_relationship's state.
type relationshipResourceModel struct {
	ID                 types.String `tfsdk:"id"`
	DisplayName        types.String `tfsdk:"display_name"`
	CustomerTenantID   types.String `tfsdk:"customer_tenant_id"`
	Duration           types.String `tfsdk:"duration"`
	AutoExtendDuration types.String `tfsdk:"auto_extend_duration"`
	Roles              types.Set    `tfsdk:"roles"`
	Status             types.String `tfsdk:"status"`
	InvitationURL      types.String `tfsdk:"invitation_url"`
	CreatedAt          types.String `tfsdk:"created_at"`
	ActivatedAt        types.String `tfsdk:"activated_at"`
	EndsAt             types.String `tfsdk:"ends_at"`
	ETag               types.String `tfsdk:"etag"`
	// AllowAccessLoss lets a plan end a relationship under which teams have access that no
	// successor holds: destroyed, or a predecessor terminated (see relationship_access.go).
	AllowAccessLoss types.Bool `tfsdk:"allow_access_loss"`
	// Predecessors are the relationships this one succeeds that have not ended yet, newest first
	// (relationship_succession.go); AccessRelationshipID and AccessRoles name the relationship the
	// teams' access belongs under now, and the roles it grants.
	Predecessors         types.List     `tfsdk:"predecessors"`
	AccessRelationshipID types.String   `tfsdk:"access_relationship_id"`
	AccessRoles          types.Set      `tfsdk:"access_roles"`
	Timeouts             timeouts.Value `tfsdk:"timeouts"`
}

// roles is m's roles, nil when unknown or null.
func (m *relationshipResourceModel) roles(ctx context.Context) []string { return roleIDs(ctx, m.Roles) }

// fromGraph fills m from what Graph holds, keeping prior's spelling of every value Graph holds
// in another: a duration in other units (P2Y for P730D), a GUID in other case. Timeouts stay.
func (m *relationshipResourceModel) fromGraph(ctx context.Context, r *graph.Relationship, prior *relationshipResourceModel) diag.Diagnostics {
	m.ID = types.StringValue(r.ID)
	m.DisplayName = types.StringValue(r.DisplayName)
	m.CustomerTenantID = sameFold(framework.StringOrNull(r.CustomerTenantID), prior.CustomerTenantID)
	m.Duration = sameDays(r.Duration, prior.Duration)
	m.AutoExtendDuration = sameDays(orOff(r.AutoExtendDuration), prior.AutoExtendDuration)
	var d diag.Diagnostics
	m.Roles, d = roleSet(ctx, r.Roles, prior.roles(ctx))
	m.Status = types.StringValue(r.Status)
	m.InvitationURL = invitationURL(*r)
	m.CreatedAt, m.ActivatedAt, m.EndsAt = framework.StringOrNull(r.Created), framework.StringOrNull(r.Activated), framework.StringOrNull(r.Ends)
	m.ETag = framework.StringOrNull(r.ETag)
	if m.AllowAccessLoss.IsNull() || m.AllowAccessLoss.IsUnknown() { // imported, or listed: the default
		m.AllowAccessLoss = types.BoolValue(false)
	}
	if m.Predecessors.IsNull() || m.Predecessors.IsUnknown() {
		m.Predecessors = predecessorsValue(ctx, nil)
	}
	return append(d, m.setAccess(ctx)...)
}

// fromRead fills m from what a refresh read, as fromGraph does, but keeps values prior saved that
// Graph lets nothing change: for a relationship that has ended, every configured value (it grants
// nothing, and a configuration changed meanwhile, such as a tier change, would otherwise plan, run
// after run, an update that can send nothing; under a new display name, the plan creates its
// successor); for one awaiting approval, the changes it takes in place once approved
// (warnDeferred), which the first refresh after the approval shows again as Graph holds them.
func (m *relationshipResourceModel) fromRead(ctx context.Context, r *graph.Relationship, prior *relationshipResourceModel) diag.Diagnostics {
	d := m.fromGraph(ctx, r, prior)
	kept := []struct{ got, saved *types.String }{{&m.AutoExtendDuration, &prior.AutoExtendDuration}}
	switch {
	case ended(r.Status):
		kept = append(kept, struct{ got, saved *types.String }{&m.Duration, &prior.Duration},
			struct{ got, saved *types.String }{&m.CustomerTenantID, &prior.CustomerTenantID})
		if !prior.Roles.IsNull() && !prior.Roles.IsUnknown() {
			m.Roles = prior.Roles
		}
	case awaitingApproval(r.Status):
		if withoutGlobalAdministrator(r.Roles, prior.roles(ctx)) {
			m.Roles = prior.Roles
		}
	default:
		return d
	}
	for _, v := range kept {
		if !v.saved.IsNull() && !v.saved.IsUnknown() {
			*v.got = *v.saved
		}
	}
	return append(d, m.setAccess(ctx)...)
}

// orOff is an auto-extension as Graph gives it, PT0S when it gives none.
func orOff(s string) string {
	if s == "" {
		return rules.AutoExtendOff
	}
	return s
}

// sameFold is prior when it names v in other case, else v.
func sameFold(v, prior types.String) types.String {
	if !v.IsNull() && !prior.IsNull() && !prior.IsUnknown() && strings.EqualFold(v.ValueString(), prior.ValueString()) {
		return prior
	}
	return v
}

// sameDays is prior when it is the duration s in other units, else s.
func sameDays(s string, prior types.String) types.String {
	if !prior.IsNull() && !prior.IsUnknown() && daysEqual(s, prior.ValueString()) {
		return prior
	}
	return types.StringValue(s)
}

// daysEqual reports whether a and b are the same number of days.
func daysEqual(a, b string) bool {
	da, errA := rules.DurationDays(a)
	db, errB := rules.DurationDays(b)
	if errA != nil || errB != nil {
		return a == b
	}
	return da == db
}

// rolesEqual reports whether a and b grant the same roles, in any case and order.
func rolesEqual(a, b []string) bool { return graph.SameRoles(a, b) }

// isGlobalAdministrator reports whether role is Global Administrator's template id.
func isGlobalAdministrator(role string) bool {
	return strings.EqualFold(role, rules.GlobalAdministratorRoleID)
}

// withoutGlobalAdministrator reports whether next is old without the Global Administrator role:
// the one role change an active relationship allows.
func withoutGlobalAdministrator(old, next []string) bool {
	return holdsGlobalAdministrator(old) && !holdsGlobalAdministrator(next) &&
		rolesEqual(slices.DeleteFunc(slices.Clone(old), isGlobalAdministrator), next)
}

// holdsGlobalAdministrator reports whether roles include Global Administrator.
func holdsGlobalAdministrator(roles []string) bool {
	return slices.ContainsFunc(roles, isGlobalAdministrator)
}
