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
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
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
// apply after the customer approves, and the old relationship ends on the apply after that; with
// allow_access_loss = true too, which lets a destroy end access and nothing else.
func TestAccRelationship_aTierChangeNeverCutsAccess(t *testing.T) {
	t.Parallel()
	for name, allowAccessLoss := range map[string]bool{"": false, "with allow_access_loss": true} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := acctest.NewGraphEnv(t)
			env.NeedsEmulator(t)
			tier1 := tierConfig(env, "Contoso tier 1", allowAccessLoss, readerRole, userAdmin)
			tier2 := tierConfig(env, "Contoso tier 2", allowAccessLoss, readerRole, userAdmin, helpdeskAdmin)
			steps := append(tierChangeSteps(t, env, tier1, tier2), resource.TestStep{
				Config: tier2, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}})
			if !allowAccessLoss {
				steps = append(steps, resource.TestStep{ // a destroy would end the helpdesk's access: refused, naming the group
					Config:      tier2,
					Destroy:     true,
					ExpectError: acctest.DiagnosticPattern("would end admin access", helpdeskGroup, "allow_access_loss = true"),
				}, resource.TestStep{ // allowed, it is a change of the state alone, and the destroy at the end goes through
					PreConfig: env.Emulator.ResetRequests,
					Config:    tierConfig(env, "Contoso tier 2", true, readerRole, userAdmin, helpdeskAdmin),
					Check: resource.ComposeTestCheckFunc(expectHelpdeskAccess(t, env, "Contoso tier 2"),
						env.EmulatorCheck(func() error { return onlyReads(env, "allowing access loss") })),
					ConfigStateChecks: []statecheck.StateCheck{stateIs("allow_access_loss", knownvalue.Bool(true))},
				})
			}
			env.Run(t, resource.TestCase{
				CheckDestroy: func(*terraform.State) error { return expectStatus(t, env, "Contoso tier 2", "terminated")(nil) },
				Steps:        steps,
			})
		})
	}
}

// tierChangeSteps roll the change from tier1 to tier2 over Contoso, run by run, checking after
// each that the helpdesk group has active access.
func tierChangeSteps(t *testing.T, env *acctest.Env, tier1, tier2 string) []resource.TestStep {
	relPlanned := func(attr string, check knownvalue.Check) plancheck.PlanCheck {
		return plancheck.ExpectKnownValue(relAddress, tfjsonpath.New(attr), check)
	}
	return []resource.TestStep{
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
	}
}

// A replacement (-replace, or a tainted relationship), which Terraform plans as a create under the
// same name, is refused at plan: it would end the access of the relationship holding the name.
func TestAccRelationship_aReplacementThatWouldEndAccessIsRefusedAtPlan(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	config := tierConfig(env, "Contoso tier 1", false, readerRole, userAdmin)
	cli := acctest.NewCLI(t)
	cli.Apply(t, config)
	approve(t, env, "Contoso tier 1")()
	cli.Apply(t, config)
	env.Emulator.ResetRequests()
	out, err := cli.Run(t, "apply", "-auto-approve", "-input=false", "-json", "-replace="+relAddress)
	if err == nil {
		t.Fatalf("the replacement was applied:\n%s", out)
	}
	refused, ok := acctest.FindDiagnostic(acctest.JSONDiagnostics(out), "error", "GDAP relationship name already taken")
	if !ok || !strings.Contains(refused.Detail, "without ending anyone's access") {
		t.Fatalf("the replacement was not refused at plan, saying why: %s", out)
	}
	if err := onlyReads(env, "a refused replacement"); err != nil {
		t.Error(err)
	}
	if err := expectHelpdeskAccess(t, env, "Contoso tier 1")(nil); err != nil {
		t.Error(err)
	}
	if cli.PlanHasChanges(t) {
		t.Error("the plan after the refused replacement has changes")
	}
}

// A successor Graph created but could not lock is saved, not lost: the next apply locks it in
// place, and there is one successor.
func TestAccRelationship_aSuccessorWhoseLockFailedIsKept(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	tier1 := relationshipConfig(env, "Contoso tier 1", "PT0S", readerRole)
	tier2 := relationshipConfig(env, "Contoso tier 2", "PT0S", readerRole, userAdmin)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: tier1},
		{PreConfig: approve(t, env, "Contoso tier 1"), Config: tier1},
		{
			PreConfig: func() { // Graph refuses the lock (a user without MFA, say)
				env.Emulator.Inject(emulator.Fault{Method: http.MethodPost, PathSuffix: "/requests", Times: 1000,
					Status: http.StatusForbidden, ContentType: "application/json",
					Body: `{"error": {"code": "forbidden", "message": "MFA is required"}}`})
			},
			Config:      tier2,
			ExpectError: regexp.MustCompile(`MFA is required`),
		},
		{
			PreConfig: env.Emulator.ClearFaults,
			Config:    tier2,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue(relAddress, tfjsonpath.New("id"), knownvalue.StringFunc(func(id string) error {
					if want := named(t, env, "Contoso tier 2").ID; id != want {
						return fmt.Errorf("the plan is for relationship %s, want the successor %s the failed apply created", id, want)
					}
					return nil
				})),
			}},
			Check: func(*terraform.State) error {
				if n := len(env.Emulator.Graph().Relationships()); n != 2 {
					return fmt.Errorf("the emulator holds %d relationships, want the two tiers", n)
				}
				return expectStatus(t, env, "Contoso tier 2", "approvalPending")(nil)
			},
		},
		{PreConfig: approve(t, env, "Contoso tier 2"), Config: tier2},
	}})
}

// A predecessor under which a team still has access that the successor does not give (assigned
// in the portal, here: a group the configuration does not manage, given fewer roles under the
// successor) is kept, and says so, until that access is removed; a destroy allowed to end access
// names whose access it ends.
func TestAccRelationship_aPredecessorWithAccessOfItsOwnIsKept(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	cli := acctest.NewCLI(t)
	tier1 := tierConfig(env, "Contoso tier 1", false, readerRole, userAdmin)
	cli.Apply(t, tier1)
	approve(t, env, "Contoso tier 1")()
	cli.Apply(t, tier1)
	admins := "0d9c8b7a-6f5e-4d3c-2b1a-0f1e2d3c4b5a"
	portal := seedAssignment(t, env, named(t, env, "Contoso tier 1").ID, admins, readerRole, userAdmin)
	tier2 := tierConfig(env, "Contoso tier 2", false, readerRole, userAdmin, helpdeskAdmin)
	cli.Apply(t, tier2)
	approve(t, env, "Contoso tier 2")()
	seedAssignment(t, env, named(t, env, "Contoso tier 2").ID, admins, readerRole) // fewer roles than under tier 1
	cli.Apply(t, tier2)                                                            // the helpdesk's access moves
	diags := cli.Apply(t, tier2)
	kept, ok := acctest.FindDiagnostic(diags, "warning", "GDAP relationship's predecessor is kept until access has moved")
	if !ok || !regexp.MustCompile(`(?s)`+admins+`.*User Administrator`).MatchString(kept.Detail) {
		t.Fatalf("the apply did not say the predecessor is kept for the admins' access: %+v", diags)
	}
	if err := expectStatus(t, env, "Contoso tier 1", "active")(nil); err != nil {
		t.Fatal(err)
	}
	env.Emulator.Graph().RemoveAssignment(portal)
	cli.Apply(t, tier2)
	if err := expectStatus(t, env, "Contoso tier 1", "terminated")(nil); err != nil {
		t.Fatal(err)
	}

	cli.Apply(t, tierConfig(env, "Contoso tier 2", true, readerRole, userAdmin, helpdeskAdmin))
	out, err := cli.Run(t, "destroy", "-auto-approve", "-input=false", "-json")
	if err != nil {
		t.Fatal(err)
	}
	ends, ok := acctest.FindDiagnostic(acctest.JSONDiagnostics(out), "warning", "Admin access to customer "+contoso+" ends")
	if !ok || !strings.Contains(ends.Detail, helpdeskGroup) || !strings.Contains(ends.Detail, admins) {
		t.Fatalf("the destroy did not name whose access it ends: %s", out)
	}
}

// When ending one of several predecessors fails, none of those not yet ended leaves the state: the
// next apply ends them all.
func TestAccRelationship_predecessorsNotEndedStayInTheState(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	tier := func(n int) string {
		return relationshipConfig(env, fmt.Sprintf("Contoso tier %d", n), "PT0S", append([]string{readerRole}, []string{userAdmin, helpdeskAdmin}[:n-1]...)...)
	}
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: tier(1)},
		{PreConfig: approve(t, env, "Contoso tier 1"), Config: tier(1)},
		{Config: tier(2)},
		{Config: tier(3), ConfigStateChecks: []statecheck.StateCheck{stateIs("predecessors", knownvalue.ListSizeExact(2))}},
		{ // both predecessors grant nothing anyone has: the plan ends both, and ending the first fails
			PreConfig: func() {
				approve(t, env, "Contoso tier 2")()
				approve(t, env, "Contoso tier 3")()
				env.Emulator.Inject(emulator.Fault{Method: http.MethodPost, Times: 1000, Status: http.StatusBadGateway,
					Path: "/v1.0/tenantRelationships/delegatedAdminRelationships/" + named(t, env, "Contoso tier 2").ID + "/requests"})
			},
			Config:      tier(3),
			ExpectError: acctest.DiagnosticPattern("Could not terminate GDAP relationship", "Contoso tier 2", acctest.GraphRequestIDs),
		},
		{
			PreConfig:          env.Emulator.ClearFaults,
			RefreshState:       true,
			Check:              resource.TestCheckResourceAttr(relAddress, "predecessors.#", "2"),
			ExpectNonEmptyPlan: true, // both are still to end
		},
		{
			Config: tier(3),
			Check: resource.ComposeTestCheckFunc(expectStatus(t, env, "Contoso tier 1", "terminated"),
				expectStatus(t, env, "Contoso tier 2", "terminated")),
		},
	}})
}

// A relationship still in status created (imported so) is locked for approval by the next apply,
// with nothing else to change.
func TestAccRelationship_aCreatedRelationshipIsLocked(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	id := seedRelationship(t, env, "Contoso admins", contoso, false, readerRole)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{
			Config: importConfig(env, id, "Contoso admins", "PT0S", readerRole),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue(relAddress, tfjsonpath.New("status"), knownvalue.StringExact("approvalPending")),
			}},
			Check: expectStatus(t, env, "Contoso admins", "approvalPending"),
		},
		{PreConfig: approve(t, env, "Contoso admins"), Config: relationshipConfig(env, "Contoso admins", "PT0S", readerRole)},
	}})
}
