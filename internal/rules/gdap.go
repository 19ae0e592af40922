// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Rules of Microsoft Graph's GDAP relationships (CONTRIBUTING.md, "GDAP relationships"): a display name of at most 50 characters, unique among the partner's
// relationships; a duration from one day to two years; auto-extension off (PT0S) or by 180 days,
// never for a relationship that holds the Global Administrator role.
const (
	RelationshipNameMaxLength = 50
	MinRelationshipDays       = 1
	MaxRelationshipDays       = 730
	AutoExtendOff             = "PT0S"
	AutoExtendOn              = "P180D"
	// GlobalAdministratorRoleID is the Entra role template id of Global Administrator.
	GlobalAdministratorRoleID = "62e90394-69f5-4237-9190-012177145e10"
	// GraphApplicationID is Microsoft Graph's application id (appId), the resource application of
	// the delegated scopes a consent grants most often, and the one the provider reads tenants with.
	GraphApplicationID = "00000003-0000-0000-c000-000000000000"
)

// ApplicationConsentRoles are the Entra role template ids (Application Administrator, Cloud
// Application Administrator) of which the partner must hold one in a customer's tenant, through an
// active GDAP relationship, for Partner Center to consent an application there.
var ApplicationConsentRoles = []string{"9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "158c047a-c907-4556-b7ef-446551a6b5f7"}

// IsApplicationConsentRole says whether role (a template id, in any case) is one of
// ApplicationConsentRoles.
func IsApplicationConsentRole(role string) bool {
	return slices.ContainsFunc(ApplicationConsentRoles, func(c string) bool { return strings.EqualFold(c, role) })
}

// RelationshipStatuses are the statuses Graph gives a GDAP relationship, from created to its end.
var RelationshipStatuses = []string{"created", "approvalPending", "approved", "activating", "active", "expiring",
	"expired", "terminationRequested", "terminating", "terminated"}

// RelationshipID is a GDAP relationship id: two GUIDs joined by a dash.
var RelationshipID = regexp.MustCompile(`^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}-` +
	`[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$`)

// InvitationURL is the link a customer follows to approve a relationship in the Microsoft 365 admin
// center (the public cloud's).
func InvitationURL(relationshipID string) string {
	return "https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/" + relationshipID
}

// isoDuration is an ISO 8601 duration as Graph writes GDAP durations: days and larger units, and
// an optional time part (PT0S).
var isoDuration = regexp.MustCompile(`^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$`)

// DurationDays reads an ISO 8601 duration (P730D, P2Y, P1Y6M, PT0S) as whole days, counting a year
// as 365 days and a month as 30, as Graph counts them for GDAP (P2Y is the longest, P730D), and
// says what is wrong with one it cannot read. A time part counts only when it makes whole days.
func DurationDays(s string) (int, error) {
	m := isoDuration.FindStringSubmatch(s)
	if m == nil || s == "P" || s == "PT" || (len(s) > 1 && s[len(s)-1] == 'T') {
		return 0, fmt.Errorf("%q is not an ISO 8601 duration such as P730D (730 days), P2Y or P90D", s)
	}
	unit := []int{365, 30, 7, 1}
	days := 0
	for i, mult := range unit {
		n, err := number(m[i+1])
		if err != nil {
			return 0, fmt.Errorf("%q: %w", s, err)
		}
		days += n * mult
	}
	seconds := 0
	for i, mult := range []int{3600, 60, 1} {
		n, err := number(m[i+5])
		if err != nil {
			return 0, fmt.Errorf("%q: %w", s, err)
		}
		seconds += n * mult
	}
	if seconds%86400 != 0 {
		return 0, fmt.Errorf("%q is not a whole number of days: GDAP durations are in days, such as P90D", s)
	}
	return days + seconds/86400, nil
}

func number(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n > 100000 {
		return 0, fmt.Errorf("%s is too large for a GDAP duration", s)
	}
	return n, nil
}

// CheckRelationshipDuration says what is wrong with a relationship's duration, or nil.
func CheckRelationshipDuration(s string) error {
	days, err := DurationDays(s)
	if err != nil {
		return err
	}
	if days < MinRelationshipDays || days > MaxRelationshipDays {
		return fmt.Errorf("%s is %d days: a GDAP relationship lasts from P1D (1 day) to P2Y (730 days)", s, days)
	}
	return nil
}

// CheckAutoExtend says what is wrong with an auto-extension duration, or nil: off (PT0S, or P0D
// as Graph also writes it) or P180D.
func CheckAutoExtend(s string) error {
	days, err := DurationDays(s)
	if err != nil {
		return err
	}
	if days != 0 && days != 180 {
		return fmt.Errorf("%s is %d days: a GDAP relationship auto-extends by P180D (180 days) or not at all (PT0S)", s, days)
	}
	return nil
}

// AutoExtends reports whether an auto-extension duration turns auto-extension on.
func AutoExtends(s string) bool {
	days, err := DurationDays(s)
	return err == nil && days > 0
}

// CanonicalDuration is a relationship's duration as Graph writes it, in days (P2Y is P730D), or s
// itself when it is no duration the provider reads (the plan refuses those).
func CanonicalDuration(s string) string {
	days, err := DurationDays(s)
	if err != nil {
		return s
	}
	return fmt.Sprintf("P%dD", days)
}

// CanonicalAutoExtend is an auto-extension as Graph's documentation writes it, whatever units it
// was given in: PT0S for none (P0D, P0Y), P180D for half a year (P6M, P25W5D).
func CanonicalAutoExtend(s string) string {
	days, err := DurationDays(s)
	switch {
	case err != nil:
		return s
	case days == 0:
		return AutoExtendOff
	}
	return fmt.Sprintf("P%dD", days)
}
