// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package onboarding

import (
	"testing"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

const (
	tenantA = "0b6fd2a5-2c8b-4f3e-9b7a-00000000000a"
	tenantB = "0b6fd2a5-2c8b-4f3e-9b7a-00000000000b"
)

var now = time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)

func ends(d time.Duration) string { return now.Add(d).Format(time.RFC3339) }

func TestEachCustomersRowCountsWhatGrantsAccessNow(t *testing.T) {
	t.Parallel()
	e := estate{
		Customers: []partnercenter.Customer{{ID: "0B6FD2A5-2C8B-4F3E-9B7A-00000000000A", CompanyName: "Contoso"}},
		Relationships: []graph.Relationship{
			{ID: "expired", CustomerTenantID: tenantA, Status: "expired", Ends: ends(-time.Hour),
				Roles: []string{rules.GlobalAdministratorRoleID}},
			{ID: "soon", CustomerTenantID: tenantA, Status: "active", Ends: ends(10 * 24 * time.Hour), AutoExtendDuration: "PT0S"},
			{ID: "later", CustomerTenantID: tenantA, Status: "active", Ends: ends(400 * 24 * time.Hour), AutoExtendDuration: "P180D"},
			{ID: "pending", CustomerTenantID: tenantB, CustomerDisplayName: "Fabrikam", Status: "approvalPending"},
			{ID: "open invitation", Status: "approvalPending"},
		},
		Assignments: map[string][]graph.AccessAssignment{
			"soon":    {{SecurityGroupID: "G2", Status: "active"}, {SecurityGroupID: "g3", Status: "pending"}},
			"later":   {{SecurityGroupID: "g1", Status: "active"}, {SecurityGroupID: "g2", Status: "active"}},
			"expired": {{SecurityGroupID: "g9", Status: "active"}},
		},
	}
	rows := e.rows(now, 30*24*time.Hour)
	if len(rows) != 2 {
		t.Fatalf("%d rows, want one per customer: %v", len(rows), rows)
	}
	a := rows[tenantA]
	if !a.InPartnerCenter || a.Name != "Contoso" || a.Status != "active" || a.Active == nil || a.Active.ID != "later" {
		t.Errorf("contoso: %+v (the active relationship that ends last stands for it)", a)
	}
	if a.GlobalAdministrator || a.EndingWithoutExtension {
		t.Errorf("contoso: an expired relationship's Global Administrator and an active one that a later one outlasts count: %+v", a)
	}
	if got := a.Groups; len(got) != 2 || got[0] != "g1" || got[1] != "g2" {
		t.Errorf("contoso's groups %v, want g1 and g2: active assignments of active relationships, once each", got)
	}
	b := rows[tenantB]
	if b.InPartnerCenter || b.Name != "Fabrikam" || b.Status != "approvalPending" || b.Active != nil || len(b.Groups) != 0 {
		t.Errorf("fabrikam: %+v", b)
	}
}

func TestARelationshipEndsWithoutExtensionOnlyWithinTheWindow(t *testing.T) {
	t.Parallel()
	for name, tt := range map[string]struct {
		rel  graph.Relationship
		want bool
	}{
		"inside, not extending":        {graph.Relationship{Ends: ends(29 * 24 * time.Hour), AutoExtendDuration: "PT0S"}, true},
		"inside, extending":            {graph.Relationship{Ends: ends(29 * 24 * time.Hour), AutoExtendDuration: "P180D"}, false},
		"outside, not extending":       {graph.Relationship{Ends: ends(31 * 24 * time.Hour), AutoExtendDuration: "PT0S"}, false},
		"no auto-extension given":      {graph.Relationship{Ends: ends(time.Hour)}, true},
		"an end time that is not read": {graph.Relationship{Ends: "soon", AutoExtendDuration: "PT0S"}, false},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			tt.rel.ID, tt.rel.CustomerTenantID, tt.rel.Status = "r", tenantA, "active"
			row := estate{Relationships: []graph.Relationship{tt.rel}}.rows(now, 30*24*time.Hour)[tenantA]
			if row.EndingWithoutExtension != tt.want {
				t.Errorf("ending without extension = %v, want %v", row.EndingWithoutExtension, tt.want)
			}
		})
	}
}
