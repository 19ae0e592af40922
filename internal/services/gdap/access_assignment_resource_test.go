// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap_test

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator/graphemu"
)

const (
	helpdeskGroup = "6b7d8a10-0f1e-4c2b-9a3d-5e6f7a8b9c0d"
	assignAddr    = "partnercenter_delegated_admin_access_assignment.helpdesk[0]"
)

// assignmentConfig is a relationship for Contoso granting reader, user and helpdesk
// administration, and the helpdesk group's access with roles once the relationship is active.
// The tests end by destroying what they made, which ends the group's access: the configuration
// allows it.
func assignmentConfig(env *acctest.Env, roles ...string) string {
	return env.Config(fmt.Sprintf(`
resource "partnercenter_delegated_admin_relationship" "contoso" {
  display_name       = "Contoso admins"
  customer_tenant_id = %q
  duration           = "P730D"
  roles              = [%q, %q, %q]
  allow_access_loss  = true
}

locals {
  active = [for r in [partnercenter_delegated_admin_relationship.contoso] : r.access_relationship_id if r.access_relationship_id != null]
}

resource "partnercenter_delegated_admin_access_assignment" "helpdesk" {
  count             = length(local.active)
  relationship_id   = local.active[count.index]
  security_group_id = %q
  roles             = %s
}
`, contoso, readerRole, userAdmin, helpdeskAdmin, helpdeskGroup, hclList(roles)))
}

// assignments are the emulator's assignments under the relationship called name.
func assignments(t *testing.T, env *acctest.Env, name string) []graphemu.Assignment {
	return env.Emulator.Graph().Assignments(named(t, env, name).ID)
}

// expectAssignment checks the emulator holds exactly one assignment, active, for the helpdesk
// group, with roles.
func expectAssignment(t *testing.T, env *acctest.Env, roles ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got := assignments(t, env, "Contoso admins")
		if len(got) != 1 || got[0].GroupID != helpdeskGroup || got[0].Status != "active" {
			return fmt.Errorf("the emulator holds %+v, want one active assignment for the helpdesk group", got)
		}
		held := slices.Sorted(slices.Values(got[0].Roles))
		if want := slices.Sorted(slices.Values(roles)); !slices.Equal(held, want) {
			return fmt.Errorf("the assignment gives %v, want %v", held, want)
		}
		return nil
	}
}

func TestAccAccessAssignment_assignedAfterApprovalAndKeptAsConfigured(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	env.Emulator.Graph().SetAssignmentDelay(time.Second) // pending for a second: apply waits for active
	env.Run(t, resource.TestCase{
		CheckDestroy: func(*terraform.State) error {
			if got := assignments(t, env, "Contoso admins"); len(got) != 0 {
				return fmt.Errorf("assignments left after destroy: %+v", got)
			}
			return expectStatus(t, env, "Contoso admins", "terminated")(nil)
		},
		Steps: []resource.TestStep{
			{Config: assignmentConfig(env, helpdeskAdmin)},
			{ // the run after approval assigns the access and waits until it is active
				PreConfig: approve(t, env, "Contoso admins"),
				Config:    assignmentConfig(env, helpdeskAdmin),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(assignAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectKnownValue(assignAddr, tfjsonpath.New("status"), knownvalue.StringExact("active")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(assignAddr, tfjsonpath.New("status"), knownvalue.StringExact("active")),
					statecheck.ExpectKnownValue(assignAddr, tfjsonpath.New("etag"), knownvalue.NotNull()),
				},
				Check: expectAssignment(t, env, helpdeskAdmin),
			},
			{ // another role is changed in place
				Config: assignmentConfig(env, helpdeskAdmin, userAdmin),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(assignAddr, plancheck.ResourceActionUpdate),
				}},
				Check: expectAssignment(t, env, helpdeskAdmin, userAdmin),
			},
			{ // a change in the portal is planned back
				PreConfig: func() {
					if err := env.Emulator.Graph().ChangeAssignment(assignments(t, env, "Contoso admins")[0].ID, readerRole); err != nil {
						t.Fatal(err)
					}
				},
				Config: assignmentConfig(env, helpdeskAdmin, userAdmin),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(assignAddr, plancheck.ResourceActionUpdate),
				}},
				Check: expectAssignment(t, env, helpdeskAdmin, userAdmin),
			},
			{ // and one removed in the portal is assigned again
				PreConfig: func() { env.Emulator.Graph().RemoveAssignment(assignments(t, env, "Contoso admins")[0].ID) },
				Config:    assignmentConfig(env, helpdeskAdmin, userAdmin),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(assignAddr, plancheck.ResourceActionCreate),
				}},
				Check: expectAssignment(t, env, helpdeskAdmin, userAdmin),
			},
		},
	})
}

func TestAccAccessAssignment_refusedAtPlanWhenGraphWouldRefuseIt(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	pending := seedRelationship(t, env, "Contoso pending", contoso, true, readerRole)
	active := seedRelationship(t, env, "Contoso readers", fabrikam, true, readerRole)
	if err := env.Emulator.Graph().Approve(active, fabrikam, "Fabrikam"); err != nil {
		t.Fatal(err)
	}
	env.Emulator.ResetRequests()
	config := func(relationship string, roles ...string) string {
		return env.Config(fmt.Sprintf(`
resource "partnercenter_delegated_admin_access_assignment" "helpdesk" {
  relationship_id   = %q
  security_group_id = %q
  roles             = %s
}`, relationship, helpdeskGroup, hclList(roles)))
	}
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{PlanOnly: true, Config: config(pending, readerRole),
			ExpectError: regexp.MustCompile(`(?s)GDAP relationship is not active.*approvalPending.*for_each`)},
		{PlanOnly: true, Config: config(active, readerRole, helpdeskAdmin),
			ExpectError: regexp.MustCompile(`(?s)Role not granted.*Helpdesk Administrator\s+\(` + helpdeskAdmin + `\).*Global Reader`)},
	}})
	if err := onlyReads(env, "a refused plan"); err != nil {
		t.Error(err)
	}
}

func TestAccAccessAssignment_opaqueFailuresAndStaleETagsAreOvercome(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: assignmentConfig(env, helpdeskAdmin)},
		{ // Graph's opaque 500 on the create is retried; one assignment results
			PreConfig: func() {
				approve(t, env, "Contoso admins")()
				env.Emulator.ResetRequests()
				env.Emulator.Inject(emulator.Fault{Method: http.MethodPost, Status: http.StatusInternalServerError})
			},
			Config: assignmentConfig(env, helpdeskAdmin),
			Check:  resource.ComposeTestCheckFunc(env.ExpectStatusCount(http.StatusInternalServerError, 1), expectAssignment(t, env, helpdeskAdmin)),
		},
		{ // someone changes the assignment between the plan's read and the PATCH
			PreConfig: func() {
				env.Emulator.ResetRequests()
				env.Emulator.Inject(emulator.Fault{Method: http.MethodPatch, Before: func() {
					a := assignments(t, env, "Contoso admins")[0]
					_ = env.Emulator.Graph().ChangeAssignment(a.ID, a.Roles...)
				}})
			},
			Config: assignmentConfig(env, helpdeskAdmin, readerRole),
			Check: resource.ComposeTestCheckFunc(env.ExpectStatusCount(http.StatusPreconditionFailed, 1),
				expectAssignment(t, env, helpdeskAdmin, readerRole)),
		},
	}})
}

func TestAccAccessAssignment_importByRelationshipAndAssignmentID(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	rel := seedRelationship(t, env, "Contoso readers", contoso, true, readerRole, helpdeskAdmin)
	if err := env.Emulator.Graph().Approve(rel, contoso, "Contoso"); err != nil {
		t.Fatal(err)
	}
	id := seedAssignment(t, env, rel, helpdeskGroup, helpdeskAdmin)
	env.Emulator.ResetRequests()
	address := "partnercenter_delegated_admin_access_assignment.helpdesk"
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: env.Config(fmt.Sprintf(`
import {
  to = %[1]s
  id = "%[2]s/%[3]s"
}

resource "partnercenter_delegated_admin_access_assignment" "helpdesk" {
  relationship_id   = %[2]q
  security_group_id = %[4]q
  roles             = [%[5]q]
}`, address, rel, id, helpdeskGroup, helpdeskAdmin)),
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(address, plancheck.ResourceActionNoop),
		}},
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(address, tfjsonpath.New("id"), knownvalue.StringExact(id)),
			statecheck.ExpectKnownValue(address, tfjsonpath.New("status"), knownvalue.StringExact("active")),
		},
		Check: env.EmulatorCheck(func() error { return onlyReads(env, "importing") }),
	}}})
}

// Under throttling (a quarter of Graph's answers 429 with Retry-After), the whole life of a
// relationship and its access converges: every call is retried after the wait Graph asks for.
// The quarter is drawn at random, so the creates of the relationship and of the assignment are
// also throttled for certain: a run whose draws spared every request proved nothing (CI met one).
func TestAccGDAP_throttledGraphIsWaitedFor(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	env.Emulator.SetThrottling(0.25, time.Second)
	const relationships = "/v1.0/tenantRelationships/delegatedAdminRelationships"
	env.Emulator.Inject(emulator.Fault{Method: http.MethodPost, Path: relationships, Status: http.StatusTooManyRequests})
	env.Run(t, resource.TestCase{
		CheckDestroy: func(*terraform.State) error {
			return expectStatus(t, env, "Contoso admins", "terminated")(nil)
		},
		Steps: []resource.TestStep{
			{Config: assignmentConfig(env, helpdeskAdmin)},
			{PreConfig: func() {
				approve(t, env, "Contoso admins")()
				env.Emulator.Inject(emulator.Fault{Method: http.MethodPost, Path: relationships + "/" +
					named(t, env, "Contoso admins").ID + "/accessAssignments", Status: http.StatusTooManyRequests})
			}, Config: assignmentConfig(env, helpdeskAdmin),
				Check: resource.ComposeTestCheckFunc(expectAssignment(t, env, helpdeskAdmin), env.EmulatorCheck(func() error {
					if n := acctest.CountStatus(env.Emulator, http.StatusTooManyRequests); n < 2 {
						return fmt.Errorf("%d requests throttled, want at least the two creates: the test proves less than it says", n)
					}
					return nil
				}))},
		},
	})
}

// An assignment Graph creates but whose answer is lost (a 500) is retried; the retry meets the
// assignment the first attempt made (409) and takes it, since it gives the planned roles.
func TestAccAccessAssignment_aCreateWhoseAnswerIsLostIsTaken(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: assignmentConfig(env, helpdeskAdmin)},
		{
			PreConfig: func() {
				approve(t, env, "Contoso admins")()
				env.Emulator.ResetRequests()
				env.Emulator.Inject(emulator.Fault{Method: http.MethodPost, Lost: true, Status: http.StatusInternalServerError})
			},
			Config: assignmentConfig(env, helpdeskAdmin),
			Check: resource.ComposeTestCheckFunc(env.ExpectStatusCount(http.StatusConflict, 1),
				expectAssignment(t, env, helpdeskAdmin)),
		},
	}})
}
