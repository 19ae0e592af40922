// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graphemu

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// Relationship statuses, as Graph names them.
const (
	StatusCreated              = "created"
	StatusApprovalPending      = "approvalPending"
	StatusActivating           = "activating"
	StatusActive               = "active"
	StatusTerminationRequested = "terminationRequested"
	StatusTerminating          = "terminating"
	StatusTerminated           = "terminated"
	StatusExpired              = "expired"
)

// invitationLife is how long an invitation nobody answers stays open.
const invitationLife = 90 * 24 * time.Hour

// relationship is one GDAP relationship as the emulator holds it.
type relationship struct {
	ID, DisplayName, Duration, AutoExtend string
	CustomerTenantID, CustomerName        string
	Roles                                 []string
	Status                                string
	Created, Modified, Locked             time.Time
	Activated, Ends                       time.Time
	// changeAt is when the status moves on by itself (activating → active, terminating →
	// terminated); zero when it waits for someone.
	changeAt time.Time
	etag     string
	// seq is the relationship's place in the order created, from 1: what page links name.
	seq int
	// shownRoles, when not nil, are the roles reads still show until shownUntil, after a
	// long-running change of them (SetChangeLag).
	shownRoles []string
	shownUntil time.Time
}

// relationshipJSON is a relationship in Graph's shape.
type relationshipJSON struct {
	ETag          string         `json:"@odata.etag,omitempty"`
	ID            string         `json:"id,omitempty"`
	DisplayName   *string        `json:"displayName,omitempty"`
	Duration      *string        `json:"duration,omitempty"`
	AutoExtend    *string        `json:"autoExtendDuration,omitempty"`
	Status        string         `json:"status,omitempty"`
	Customer      *customerJSON  `json:"customer,omitempty"`
	AccessDetails *accessDetails `json:"accessDetails,omitempty"`
	Created       *string        `json:"createdDateTime,omitempty"`
	Modified      *string        `json:"lastModifiedDateTime,omitempty"`
	Activated     *string        `json:"activatedDateTime"`
	Ends          *string        `json:"endDateTime"`
}

type customerJSON struct {
	TenantID    string `json:"tenantId"`
	DisplayName string `json:"displayName"`
}

type accessDetails struct {
	UnifiedRoles []unifiedRole `json:"unifiedRoles"`
}

type unifiedRole struct {
	RoleDefinitionID string `json:"roleDefinitionId"`
}

func (r *relationship) toJSON() relationshipJSON {
	out := relationshipJSON{
		ETag: r.etag, ID: r.ID, DisplayName: &r.DisplayName, Duration: &r.Duration, AutoExtend: &r.AutoExtend,
		Status: r.Status, Created: timeText(r.Created), Modified: timeText(r.Modified),
		Activated: timeText(r.Activated), Ends: timeText(r.Ends),
		AccessDetails: &accessDetails{UnifiedRoles: []unifiedRole{}},
	}
	if r.CustomerTenantID != "" {
		out.Customer = &customerJSON{TenantID: r.CustomerTenantID, DisplayName: r.CustomerName}
	}
	roles := r.Roles
	if r.shownRoles != nil {
		roles = r.shownRoles
	}
	for _, id := range roles {
		out.AccessDetails.UnifiedRoles = append(out.AccessDetails.UnifiedRoles, unifiedRole{id})
	}
	return out
}

func timeText(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.RFC3339Nano)
	return &s
}

// roleIDs are the role template ids of details, nil when details are absent.
func roleIDs(d *accessDetails) []string {
	if d == nil {
		return nil
	}
	out := []string{}
	for _, r := range d.UnifiedRoles {
		out = append(out, strings.ToLower(r.RoleDefinitionID)) // GUIDs: the same in any case
	}
	return out
}

// checkRelationship says what Graph refuses in a relationship about to be created or changed in
// status created.
func checkRelationship(r *relationship) error {
	switch {
	case r.DisplayName == "":
		return fmt.Errorf("displayName is required")
	case len([]rune(r.DisplayName)) > rules.RelationshipNameMaxLength:
		return fmt.Errorf("displayName must be at most %d characters", rules.RelationshipNameMaxLength)
	case len(r.Roles) == 0:
		return fmt.Errorf("accessDetails.unifiedRoles must hold at least one role")
	case r.CustomerTenantID != "" && !rules.GUID.MatchString(r.CustomerTenantID):
		return fmt.Errorf("customer.tenantId %q is not a GUID", r.CustomerTenantID)
	}
	for _, id := range r.Roles {
		if !rules.GUID.MatchString(id) {
			return fmt.Errorf("roleDefinitionId %q is not a GUID", id)
		}
	}
	if err := rules.CheckRelationshipDuration(r.Duration); err != nil {
		return fmt.Errorf("duration: %w", err)
	}
	return checkAutoExtend(r.AutoExtend, r.Roles)
}

// checkAutoExtend refuses an auto-extension Graph refuses: one it cannot read, and any for a
// relationship holding Global Administrator (the exact answer for that is not documented).
func checkAutoExtend(autoExtend string, roles []string) error {
	if err := rules.CheckAutoExtend(autoExtend); err != nil {
		return fmt.Errorf("autoExtendDuration: %w", err)
	}
	if rules.AutoExtends(autoExtend) && slices.Contains(roles, rules.GlobalAdministratorRoleID) {
		return fmt.Errorf("a relationship with the Global Administrator role cannot be auto-extended")
	}
	return nil
}

// settle moves r's status on by itself as time passes: an activation or termination finishing,
// an unanswered invitation lapsing after 90 days, an active relationship ending or extending.
func (r *relationship) settle(now time.Time) {
	if r.shownRoles != nil && !now.Before(r.shownUntil) {
		r.shownRoles = nil
	}
	if at := r.changeAt; !at.IsZero() && !now.Before(at) {
		r.changeAt = time.Time{}
		switch r.Status {
		case StatusActivating:
			r.setStatus(StatusActive, at)
			days, _ := rules.DurationDays(r.Duration)
			r.Activated, r.Ends = at, at.Add(time.Duration(days)*24*time.Hour)
		case StatusTerminationRequested, StatusTerminating:
			r.setStatus(StatusTerminated, at)
			r.Ends = at
		}
	}
	switch {
	case r.Status == StatusApprovalPending && now.Sub(r.Locked) >= invitationLife:
		r.setStatus(StatusExpired, r.Locked.Add(invitationLife))
	case r.Status == StatusActive && !now.Before(r.Ends):
		for rules.AutoExtends(r.AutoExtend) && !now.Before(r.Ends) {
			r.Ends = r.Ends.Add(180 * 24 * time.Hour)
			r.etag = newETag()
		}
		if !now.Before(r.Ends) {
			r.setStatus(StatusExpired, r.Ends)
		}
	}
}

func (r *relationship) setStatus(status string, at time.Time) {
	r.Status, r.Modified, r.etag = status, at, newETag()
}

// newETag is a weak ETag in the shape Graph sends: W/"JyI…Jyc=", opaque to clients.
func newETag() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return `W/"JyI` + base64.StdEncoding.EncodeToString(b) + `Jyc="`
}

// newRelationshipID is an id in Graph's shape for relationships: two GUIDs joined by a dash.
func newRelationshipID() string { return uuid.NewString() + "-" + uuid.NewString() }
