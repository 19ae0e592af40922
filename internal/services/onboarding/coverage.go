// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package onboarding

import (
	"slices"
	"strings"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// statusActive is the status of a GDAP relationship that grants its roles.
const statusActive = "active"

// statusRank orders the statuses of a customer's relationships by how far onboarding got, for
// gdap_status: an active relationship counts over a pending one, a pending one over an ended one.
var statusRank = map[string]int{"active": 9, "expiring": 8, "activating": 7, "approved": 6, "approvalPending": 5,
	"created": 4, "terminationRequested": 3, "terminating": 2, "expired": 1, "terminated": 0}

// coverageRow is one customer's onboarding state, as the estate's facts give it.
type coverageRow struct {
	TenantID, Name  string
	InPartnerCenter bool
	// Status is the furthest status among the customer's relationships, "" for none.
	Status string
	// Active is the customer's active relationship that ends last, nil for none.
	Active *graph.Relationship
	// GlobalAdministrator: an active relationship of the customer grants Global Administrator.
	GlobalAdministrator bool
	// Groups are the security groups with an active access assignment in an active relationship.
	Groups []string
	// EndingWithoutExtension: the active relationship ends within the window and does not
	// extend itself.
	EndingWithoutExtension bool
	// Consented are the applications (of those asked about) consented in the customer's tenant;
	// ConsentsRead says whether its tenant was read.
	Consented    []string
	ConsentsRead bool
}

// estate is what the coverage view reads: Partner Center's customers, every GDAP relationship,
// and the access assignments of each active relationship, by relationship id.
type estate struct {
	Customers     []partnercenter.Customer
	Relationships []graph.Relationship
	Assignments   map[string][]graph.AccessAssignment
}

// rows is each customer's onboarding state, by tenant id: every customer of Partner Center and
// every customer a relationship names. A relationship ending before now+window without
// auto-extension is ending.
func (e estate) rows(now time.Time, window time.Duration) map[string]*coverageRow {
	out := map[string]*coverageRow{}
	row := func(tenant string) *coverageRow {
		tenant = strings.ToLower(tenant)
		if out[tenant] == nil {
			out[tenant] = &coverageRow{TenantID: tenant}
		}
		return out[tenant]
	}
	for _, c := range e.Customers {
		r := row(c.ID)
		r.InPartnerCenter, r.Name = true, c.CompanyName
	}
	for i := range e.Relationships {
		rel := &e.Relationships[i]
		if rel.CustomerTenantID == "" {
			continue // an invitation no customer has taken up names no customer yet
		}
		r := row(rel.CustomerTenantID)
		if r.Name == "" {
			r.Name = rel.CustomerDisplayName
		}
		r.add(rel, e.Assignments[rel.ID])
	}
	for _, r := range out {
		slices.Sort(r.Groups)
		r.Groups = slices.Compact(r.Groups)
		r.EndingWithoutExtension = r.Active != nil && !autoExtends(r.Active) && endsBefore(r.Active, now.Add(window))
	}
	return out
}

// add counts relationship rel, with its access assignments, toward r.
func (r *coverageRow) add(rel *graph.Relationship, assignments []graph.AccessAssignment) {
	if r.Status == "" || statusRank[rel.Status] > statusRank[r.Status] {
		r.Status = rel.Status
	}
	if rel.Status != statusActive {
		return
	}
	if r.Active == nil || endTime(rel).After(endTime(r.Active)) {
		r.Active = rel
	}
	r.GlobalAdministrator = r.GlobalAdministrator || slices.Contains(rel.Roles, rules.GlobalAdministratorRoleID)
	for _, a := range assignments {
		if a.Status == statusActive {
			r.Groups = append(r.Groups, strings.ToLower(a.SecurityGroupID))
		}
	}
}

// autoExtends says whether rel extends itself when it ends.
func autoExtends(rel *graph.Relationship) bool {
	return rel.AutoExtendDuration != "" && rel.AutoExtendDuration != rules.AutoExtendOff
}

// endsBefore says whether rel ends before t; a relationship without an end time Graph gave does not.
func endsBefore(rel *graph.Relationship, t time.Time) bool {
	ends := endTime(rel)
	return !ends.IsZero() && ends.Before(t)
}

// endTime is when rel ends, zero when Graph gave no end time it can read.
func endTime(rel *graph.Relationship) time.Time {
	ends, err := time.Parse(time.RFC3339, rel.Ends)
	if err != nil {
		return time.Time{}
	}
	return ends
}
