// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap_test

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

const tieredAccess = "partnercenter_delegated_admin_access_assignment.helpdesk[0]"

// tierConfig is Contoso's relationship under name with roles, and the helpdesk group's access
// under whichever relationship gives access (access_relationship_id), as the guide configures it.
func tierConfig(env *acctest.Env, name string, allowAccessLoss bool, roles ...string) string {
	return env.Config(fmt.Sprintf(`
resource "partnercenter_delegated_admin_relationship" "contoso" {
  display_name       = %q
  customer_tenant_id = %q
  duration           = "P730D"
  roles              = %s
  allow_access_loss  = %t
}

locals {
  access = [for r in [partnercenter_delegated_admin_relationship.contoso] : r.access_relationship_id if r.access_relationship_id != null]
}

resource "partnercenter_delegated_admin_access_assignment" "helpdesk" {
  count             = length(local.access)
  relationship_id   = local.access[count.index]
  security_group_id = %q
  roles             = [%q]
}
`, name, contoso, hclList(roles), allowAccessLoss, helpdeskGroup, readerRole))
}

// expectHelpdeskAccess checks the helpdesk group has one active assignment, under the relationship
// called name, and none under any other relationship that still grants.
func expectHelpdeskAccess(t *testing.T, env *acctest.Env, name string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		for _, r := range env.Emulator.Graph().Relationships() {
			got := env.Emulator.Graph().Assignments(r.ID)
			want := 0
			if r.DisplayName == name {
				want = 1
			}
			if len(got) != want || want == 1 && (got[0].Status != "active" || got[0].GroupID != helpdeskGroup) {
				return fmt.Errorf("relationship %q (%s) holds assignments %+v, want %d active one for the helpdesk", r.DisplayName,
					r.Status, got, want)
			}
		}
		return nil
	}
}

// expectMovedWithoutAGap checks the access moved by assigning it under the new relationship
// before removing it under the old one.
func expectMovedWithoutAGap(env *acctest.Env) resource.TestCheckFunc {
	return env.EmulatorCheck(func() error {
		var order []string
		for _, r := range env.Emulator.Requests() {
			if strings.Contains(r.Path, "/accessAssignments") && (r.Method == http.MethodPost || r.Method == http.MethodDelete) {
				order = append(order, r.Method)
			}
		}
		if !slices.Equal(order, []string{http.MethodPost, http.MethodDelete}) {
			return fmt.Errorf("the move sent %v, want the new assignment (POST) before the old one's removal (DELETE)", order)
		}
		return nil
	})
}

// A tier change (other roles, so a new relationship) never takes a team's access away: the new
// relationship is invited while the old one keeps giving access, the access moves on the first
// apply after the customer approves, and the old relationship ends on the apply after that.
func TestAccRelationship_aTierChangeNeverCutsAccess(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	tier1 := tierConfig(env, "Contoso tier 1", false, readerRole, userAdmin)
	tier2 := tierConfig(env, "Contoso tier 2", false, readerRole, userAdmin, helpdeskAdmin)
	relPlanned := func(attr string, check knownvalue.Check) plancheck.PlanCheck {
		return plancheck.ExpectKnownValue(relAddress, tfjsonpath.New(attr), check)
	}
	env.Run(t, resource.TestCase{
		CheckDestroy: func(*terraform.State) error {
			return expectStatus(t, env, "Contoso tier 2", "terminated")(nil)
		},
		Steps: []resource.TestStep{
			{Config: tier1},
			{PreConfig: approve(t, env, "Contoso tier 1"), Config: tier1, Check: expectHelpdeskAccess(t, env, "Contoso tier 1")},
			{ // the tier change: a successor is invited, and nothing happens to the access
				Config: tier2,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(relAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(tieredAccess, plancheck.ResourceActionNoop),
					relPlanned("status", knownvalue.StringExact("approvalPending")),
					relPlanned("access_relationship_id", knownvalue.NotNull()),
				}},
				Check: resource.ComposeTestCheckFunc(expectHelpdeskAccess(t, env, "Contoso tier 1"),
					expectStatus(t, env, "Contoso tier 2", "approvalPending")),
			},
			{ // before the customer approves, runs change nothing
				Config:           tier2,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{ // after the approval, the access moves: assigned under the new one, then removed under the old
				PreConfig: func() { approve(t, env, "Contoso tier 2")(); env.Emulator.ResetRequests() },
				Config:    tier2,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(tieredAccess, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(relAddress, plancheck.ResourceActionNoop),
				}},
				Check: resource.ComposeTestCheckFunc(expectHelpdeskAccess(t, env, "Contoso tier 2"),
					expectStatus(t, env, "Contoso tier 1", "active"), expectMovedWithoutAGap(env)),
				ExpectNonEmptyPlan: true, // the plan after the move ends the old relationship
			},
			{ // and the run after it ends the old relationship, under which no one has access any more
				Config: tier2,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(relAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(tieredAccess, plancheck.ResourceActionNoop),
					relPlanned("predecessors", knownvalue.ListSizeExact(0)),
				}},
				Check: resource.ComposeTestCheckFunc(expectHelpdeskAccess(t, env, "Contoso tier 2"),
					expectStatus(t, env, "Contoso tier 1", "terminated")),
			},
			{Config: tier2, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{ // a destroy would end the helpdesk's access: refused, naming the group
				Config:      tier2,
				Destroy:     true,
				ExpectError: acctest.DiagnosticPattern("would end admin access", helpdeskGroup, "allow_access_loss = true"),
			},
			{ // allowed, it is a change of the state alone, and the destroy at the end goes through
				PreConfig: env.Emulator.ResetRequests,
				Config:    tierConfig(env, "Contoso tier 2", true, readerRole, userAdmin, helpdeskAdmin),
				Check: resource.ComposeTestCheckFunc(expectHelpdeskAccess(t, env, "Contoso tier 2"),
					env.EmulatorCheck(func() error { return onlyReads(env, "allowing access loss") })),
				ConfigStateChecks: []statecheck.StateCheck{stateIs("allow_access_loss", knownvalue.Bool(true))},
			},
		},
	})
}

// A predecessor under which a team still has access that the successor does not give (assigned
// in the portal, here) is kept, and ended only when the configuration allows the loss, which the
// plan then names.
func TestAccRelationship_aPredecessorWithAccessOfItsOwnIsKept(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	cli := acctest.NewCLI(t)
	tier1 := tierConfig(env, "Contoso tier 1", false, readerRole, userAdmin)
	cli.Apply(t, tier1)
	approve(t, env, "Contoso tier 1")()
	cli.Apply(t, tier1)
	admins := "0d9c8b7a-6f5e-4d3c-2b1a-0f1e2d3c4b5a"
	env.SeedAssignment(t, named(t, env, "Contoso tier 1").ID, admins, userAdmin)
	tier2 := tierConfig(env, "Contoso tier 2", false, readerRole, userAdmin, helpdeskAdmin)
	cli.Apply(t, tier2)
	approve(t, env, "Contoso tier 2")()
	cli.Apply(t, tier2) // the helpdesk's access moves
	diags := cli.Apply(t, tier2)
	if _, ok := acctest.FindDiagnostic(diags, "warning", "GDAP relationship's predecessor is kept"); !ok {
		t.Fatalf("the apply did not say the predecessor is kept for the admins' access: %+v", diags)
	}
	if err := expectStatus(t, env, "Contoso tier 1", "active")(nil); err != nil {
		t.Fatal(err)
	}
	diags = cli.Apply(t, tierConfig(env, "Contoso tier 2", true, readerRole, userAdmin, helpdeskAdmin))
	ends, ok := acctest.FindDiagnostic(diags, "warning", "Admin access to customer "+contoso+" ends")
	if !ok || !regexp.MustCompile(`(?s)`+admins+`.*User Administrator`).MatchString(ends.Detail) {
		t.Fatalf("the apply that ends the admins' access did not say so: %+v", diags)
	}
	if err := expectStatus(t, env, "Contoso tier 1", "terminated")(nil); err != nil {
		t.Fatal(err)
	}
}
