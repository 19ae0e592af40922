// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
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
	globalAdmin   = "62e90394-69f5-4237-9190-012177145e10"
	helpdeskAdmin = "729827e3-9c14-49f7-bb1b-9608f156bbb8"
	relAddress    = "partnercenter_delegated_admin_relationship.contoso"
	accessAddr    = `terraform_data.access[0]`
	invitationRE  = `^https://admin\.microsoft\.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/[0-9a-f-]{73}$`
)

// relationshipConfig is one relationship for Contoso and, for each relationship that gives access
// (access_relationship_id), a stand-in for its access assignments. The selection is a count over
// them, which Terraform needs known at plan exactly as it needs for_each's keys (the testing
// framework's state shim cannot read for_each instances).
func relationshipConfig(env *acctest.Env, name, autoExtend string, roles ...string) string {
	return env.Config(fmt.Sprintf(`
resource "partnercenter_delegated_admin_relationship" "contoso" {
  display_name         = %q
  customer_tenant_id   = %q
  duration             = "P730D"
  auto_extend_duration = %q
  roles                = %s
}

locals {
  relationships = { contoso = partnercenter_delegated_admin_relationship.contoso }
}

locals {
  active = [for k, r in local.relationships : r.access_relationship_id if r.access_relationship_id != null]
}

resource "terraform_data" "access" {
  count = length(local.active)
  input = local.active[count.index]
}
`, name, contoso, autoExtend, hclList(roles)))
}

func hclList(items []string) string {
	out := "["
	for i, s := range items {
		if i > 0 {
			out += ", "
		}
		out += fmt.Sprintf("%q", s)
	}
	return out + "]"
}

// onlyReads is an error naming the first write the emulator received since its requests were
// reset, sent by what.
func onlyReads(env *acctest.Env, what string) error {
	for _, r := range env.Emulator.Requests() {
		if r.Method != http.MethodGet {
			return fmt.Errorf("%s sent %s %s: it must write nothing", what, r.Method, r.Path)
		}
	}
	return nil
}

// named is the emulator's relationship called name.
func named(t *testing.T, env *acctest.Env, name string) graphemu.Relationship {
	t.Helper()
	for _, r := range env.Emulator.Graph().Relationships() {
		if r.DisplayName == name {
			return r
		}
	}
	t.Fatalf("the emulator holds no relationship named %q", name)
	return graphemu.Relationship{}
}

// approve approves the relationship called name as Contoso would.
func approve(t *testing.T, env *acctest.Env, name string) func() {
	return func() {
		t.Helper()
		if err := env.Emulator.Graph().Approve(named(t, env, name).ID, contoso, "Contoso"); err != nil {
			t.Fatal(err)
		}
	}
}

// expectStatus checks the emulator holds the relationship called name in status.
func expectStatus(t *testing.T, env *acctest.Env, name, status string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := named(t, env, name).Status; got != status {
			return fmt.Errorf("relationship %q is %s in the emulator, want %s", name, got, status)
		}
		return nil
	}
}

func stateIs(attr string, check knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(relAddress, tfjsonpath.New(attr), check)
}

func TestAccRelationship_convergesAsTheCustomerApproves(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{
		CheckDestroy: expectStatus(t, env, "Contoso admins 2", "terminated"),
		Steps: []resource.TestStep{
			{ // first run: created and locked; the plan knows its status, so for_each selects nothing
				Config: relationshipConfig(env, "Contoso admins", "PT0S", readerRole, userAdmin),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue(relAddress, tfjsonpath.New("status"), knownvalue.StringExact("approvalPending")),
					plancheck.ExpectUnknownValue(relAddress, tfjsonpath.New("id")),
					plancheck.ExpectResourceAction(relAddress, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					stateIs("status", knownvalue.StringExact("approvalPending")),
					stateIs("invitation_url", knownvalue.StringRegexp(regexp.MustCompile(invitationRE))),
					stateIs("activated_at", knownvalue.Null()),
					stateIs("etag", knownvalue.NotNull()),
				},
				Check: expectStatus(t, env, "Contoso admins", "approvalPending"),
			},
			{ // runs before approval change nothing and say what awaits approval
				Config:           relationshipConfig(env, "Contoso admins", "PT0S", readerRole, userAdmin),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{ // the run after approval: the access, in the same run
				PreConfig: approve(t, env, "Contoso admins"),
				Config:    relationshipConfig(env, "Contoso admins", "PT0S", readerRole, userAdmin),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(relAddress, plancheck.ResourceActionNoop),
					plancheck.ExpectResourceAction(accessAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					stateIs("status", knownvalue.StringExact("active")),
					stateIs("invitation_url", knownvalue.Null()),
					stateIs("activated_at", knownvalue.NotNull()),
					stateIs("ends_at", knownvalue.NotNull()),
				},
			},
			{ // auto-extension changes in place
				Config: relationshipConfig(env, "Contoso admins", "P180D", readerRole, userAdmin),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(relAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(relAddress, tfjsonpath.New("status"), knownvalue.StringExact("active")),
				}},
				Check: func(*terraform.State) error {
					if got := named(t, env, "Contoso admins").AutoExtend; got != "P180D" {
						return fmt.Errorf("auto-extension is %s in the emulator", got)
					}
					return nil
				},
			},
			{ // another role after approval needs a new relationship, and so a new name
				Config:      relationshipConfig(env, "Contoso admins", "P180D", readerRole, userAdmin, helpdeskAdmin),
				ExpectError: acctest.DiagnosticPattern("needs a new display name", "Graph cannot change roles"),
			},
			{ // with one, a successor is invited, and the current relationship keeps giving access
				Config: relationshipConfig(env, "Contoso admins 2", "P180D", readerRole, userAdmin, helpdeskAdmin),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(relAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(accessAddr, plancheck.ResourceActionNoop),
					plancheck.ExpectKnownValue(relAddress, tfjsonpath.New("status"), knownvalue.StringExact("approvalPending")),
					plancheck.ExpectKnownValue(relAddress, tfjsonpath.New("access_relationship_id"), knownvalue.NotNull()),
					plancheck.ExpectKnownValue(relAddress, tfjsonpath.New("predecessors").AtSliceIndex(0).AtMapKey("display_name"),
						knownvalue.StringExact("Contoso admins")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					stateIs("status", knownvalue.StringExact("approvalPending")),
					stateIs("predecessors", knownvalue.ListSizeExact(1)),
					expectAccessUnder(t, env, "Contoso admins"),
				},
				Check: resource.ComposeTestCheckFunc(expectStatus(t, env, "Contoso admins", "active"),
					expectStatus(t, env, "Contoso admins 2", "approvalPending")),
			},
			{ // approved: the access moves to it, and the predecessor, under which no one has access, ends
				PreConfig: approve(t, env, "Contoso admins 2"),
				Config:    relationshipConfig(env, "Contoso admins 2", "P180D", readerRole, userAdmin, helpdeskAdmin),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(relAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(accessAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(relAddress, tfjsonpath.New("predecessors"), knownvalue.ListSizeExact(0)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{expectAccessUnder(t, env, "Contoso admins 2")},
				Check:             expectStatus(t, env, "Contoso admins", "terminated"),
			},
		},
	})
}

// expectAccessUnder checks the access stand-in is under the relationship called name.
func expectAccessUnder(t *testing.T, env *acctest.Env, name string) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(accessAddr, tfjsonpath.New("output"), knownvalue.StringFunc(func(v string) error {
		if want := named(t, env, name).ID; v != want {
			return fmt.Errorf("the access is under %s, want %s (%q)", v, want, name)
		}
		return nil
	}))
}

func TestAccRelationship_refusesAtPlanWhatGraphRefuses(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	before := len(env.Emulator.Requests())
	step := func(duration, autoExtend string, roles []string, want string) resource.TestStep {
		return resource.TestStep{PlanOnly: true, ExpectError: regexp.MustCompile(want), Config: env.Config(fmt.Sprintf(`
resource "partnercenter_delegated_admin_relationship" "contoso" {
  display_name         = "Contoso admins"
  duration             = %q
  auto_extend_duration = %q
  roles                = %s
}`, duration, autoExtend, hclList(roles)))}
	}
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		step("P730D", "P180D", []string{readerRole, globalAdmin}, `(?s)Global Administrator cannot auto-extend.*PT0S`),
		step("P3Y", "PT0S", []string{readerRole}, `(?s)Invalid GDAP relationship duration.*1095 days`),
		step("two years", "PT0S", []string{readerRole}, `(?s)Invalid GDAP relationship duration.*not an ISO 8601`),
		step("P730D", "P90D", []string{readerRole}, `(?s)Invalid GDAP auto-extension.*P180D`),
		step("P730D", "PT0S", []string{"Global Reader"}, `(?s)roles.*Entra role template id`),
	}})
	if after := len(env.Emulator.Requests()); after != before {
		t.Errorf("refused plans sent %d requests to Graph, want none", after-before)
	}
}

func TestAccRelationship_awaitingApprovalCannotBeDestroyedAndIsSucceededOnChange(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	config := relationshipConfig(env, "Contoso admins", "PT0S", readerRole)
	changed := relationshipConfig(env, "Contoso admins 2", "PT0S", readerRole, userAdmin)
	env.Run(t, resource.TestCase{
		CheckDestroy: expectStatus(t, env, "Contoso admins 2", "terminated"),
		Steps: []resource.TestStep{
			{Config: config},
			{Config: config, Destroy: true, ExpectError: regexp.MustCompile(`(?s)cannot be ended now.*removed block`)},
			{ // a change plans a successor, which needs a new name as the invitation cannot be withdrawn
				Config:      relationshipConfig(env, "Contoso admins", "PT0S", readerRole, userAdmin),
				ExpectError: acctest.DiagnosticPattern("needs a new display name", "approvalPending, and Graph cannot change roles"),
			},
			{ // with one, the plan succeeds it, keeping the invitation that cannot be withdrawn
				Config: changed,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(relAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(relAddress, tfjsonpath.New("predecessors").AtSliceIndex(0).AtMapKey("status"),
						knownvalue.StringExact("approvalPending")),
					plancheck.ExpectKnownValue(relAddress, tfjsonpath.New("access_relationship_id"), knownvalue.Null()),
				}},
				Check: resource.ComposeTestCheckFunc(expectStatus(t, env, "Contoso admins", "approvalPending"),
					expectStatus(t, env, "Contoso admins 2", "approvalPending")),
			},
			{Config: changed, Destroy: true, ExpectError: regexp.MustCompile(`(?s)cannot be ended now`)},
			{ // the customer approves the successor; the first invitation waits to lapse
				PreConfig: approve(t, env, "Contoso admins 2"),
				Config:    changed,
				ConfigStateChecks: []statecheck.StateCheck{stateIs("predecessors", knownvalue.ListSizeExact(1)),
					expectAccessUnder(t, env, "Contoso admins 2")},
			},
			{ // and once it has lapsed, it is gone from the state, with nothing to do
				PreConfig:         func() { env.Emulator.Graph().Advance(91 * 24 * time.Hour) },
				Config:            changed,
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{stateIs("predecessors", knownvalue.ListSizeExact(0))},
			},
		},
	})
}

func TestAccRelationship_anExpiredRelationshipIsSucceeded(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: relationshipConfig(env, "Contoso admins", "PT0S", readerRole)},
			{PreConfig: approve(t, env, "Contoso admins"), Config: relationshipConfig(env, "Contoso admins", "PT0S", readerRole)},
			{ // two years on, it has expired: under the same name, which Graph keeps taken, the plan
				// changes nothing (and warns what to do) rather than fail the run; nothing selects it
				PreConfig: func() { env.Emulator.Graph().Advance(731 * 24 * time.Hour) },
				Config:    relationshipConfig(env, "Contoso admins", "PT0S", readerRole),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(relAddress, plancheck.ResourceActionNoop),
					plancheck.ExpectResourceAction(accessAddr, plancheck.ResourceActionDestroy),
					plancheck.ExpectKnownValue(relAddress, tfjsonpath.New("status"), knownvalue.StringExact("expired")),
				}},
			},
			{ // a tier change meanwhile, under the same name, sends nothing, and then plans nothing
				PreConfig: env.Emulator.ResetRequests,
				Config:    relationshipConfig(env, "Contoso admins", "PT0S", readerRole, userAdmin),
				Check:     env.EmulatorCheck(func() error { return onlyReads(env, "an ended relationship") }),
			},
			{
				Config:           relationshipConfig(env, "Contoso admins", "PT0S", readerRole, userAdmin),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				Config: relationshipConfig(env, "Contoso admins 2", "PT0S", readerRole),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(relAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(relAddress, tfjsonpath.New("status"), knownvalue.StringExact("approvalPending")),
					plancheck.ExpectKnownValue(relAddress, tfjsonpath.New("predecessors"), knownvalue.ListSizeExact(0)),
				}},
				Check: resource.ComposeTestCheckFunc(expectStatus(t, env, "Contoso admins", "expired"),
					expectStatus(t, env, "Contoso admins 2", "approvalPending")),
			},
			{PreConfig: approve(t, env, "Contoso admins 2"), Config: relationshipConfig(env, "Contoso admins 2", "PT0S", readerRole)},
		},
	})
}

func TestAccRelationship_aStaleETagIsReadAgainAndTheChangeSent(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: relationshipConfig(env, "Contoso admins", "PT0S", readerRole)},
		{PreConfig: approve(t, env, "Contoso admins"), Config: relationshipConfig(env, "Contoso admins", "PT0S", readerRole)},
		{ // someone changes the relationship between the plan's read and the PATCH
			PreConfig: func() {
				env.Emulator.ResetRequests()
				env.Emulator.Inject(emulator.Fault{Method: http.MethodPatch, Before: func() {
					_ = env.Emulator.Graph().Touch(named(t, env, "Contoso admins").ID)
				}})
			},
			Config: relationshipConfig(env, "Contoso admins", "P180D", readerRole),
			Check: resource.ComposeTestCheckFunc(env.ExpectStatusCount(http.StatusPreconditionFailed, 1),
				func(*terraform.State) error {
					if got := named(t, env, "Contoso admins").AutoExtend; got != "P180D" {
						return fmt.Errorf("auto-extension is %s in the emulator", got)
					}
					return nil
				}),
		},
	}})
}

func TestAccRelationship_droppingGlobalAdministratorIsFollowedToItsEnd(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	env.Emulator.Graph().SetOperationPolls(2)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: relationshipConfig(env, "Contoso admins", "PT0S", readerRole, globalAdmin)},
		{PreConfig: approve(t, env, "Contoso admins"), Config: relationshipConfig(env, "Contoso admins", "PT0S", readerRole, globalAdmin)},
		{
			Config: relationshipConfig(env, "Contoso admins", "PT0S", readerRole),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(relAddress, plancheck.ResourceActionUpdate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				stateIs("roles", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(readerRole)})),
				stateIs("status", knownvalue.StringExact("active")),
			},
			Check: env.EmulatorCheck(func() error {
				polls := 0
				for _, r := range env.Emulator.Requests() {
					if r.Method == http.MethodGet && regexp.MustCompile(`/operations/`).MatchString(r.Path) {
						polls++
					}
				}
				if polls != 3 {
					return fmt.Errorf("the operation was polled %d times, want 3 (running, running, succeeded)", polls)
				}
				return nil
			}),
		},
	}})
}

func TestAccRelationship_createWaitsUntilGraphShowsIt(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	env.Emulator.Graph().SetCreateLag(2 * time.Second)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{
			Config:            relationshipConfig(env, "Contoso admins", "PT0S", readerRole),
			ConfigStateChecks: []statecheck.StateCheck{stateIs("status", knownvalue.StringExact("approvalPending"))},
			Check: env.EmulatorCheck(func() error { // the lock met Graph not showing it yet, and tried again
				if n := acctest.CountStatus(env.Emulator, http.StatusNotFound); n == 0 {
					return fmt.Errorf("the emulator answered no 404: the create lag was not met")
				}
				return nil
			}),
		},
		{PreConfig: approve(t, env, "Contoso admins"), Config: relationshipConfig(env, "Contoso admins", "PT0S", readerRole)},
	}})
}

func TestAccRelationship_importByID(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	id := seedRelationship(t, env, "Contoso admins", contoso, true, readerRole, userAdmin)
	if err := env.Emulator.Graph().Approve(id, contoso, "Contoso"); err != nil {
		t.Fatal(err)
	}
	env.Emulator.ResetRequests()
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: fmt.Sprintf("import {\n  to = %s\n  id = %q\n}\n", relAddress, id) +
			relationshipConfig(env, "Contoso admins", "PT0S", userAdmin, readerRole),
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(relAddress, plancheck.ResourceActionNoop),
			plancheck.ExpectResourceAction(accessAddr, plancheck.ResourceActionCreate),
		}},
		ConfigStateChecks: []statecheck.StateCheck{
			stateIs("id", knownvalue.StringExact(id)),
			stateIs("status", knownvalue.StringExact("active")),
		},
		Check: env.EmulatorCheck(func() error { return onlyReads(env, "importing") }),
	}}})
}

// A create Graph carries out but whose answer is lost (a 500, here) is not sent again: the
// relationship is found by its name and taken, locked and saved; there is only one.
func TestAccRelationship_aCreateWhoseAnswerIsLostIsFoundByName(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	env.Emulator.Inject(emulator.Fault{Method: http.MethodPost, Path: "/v1.0/tenantRelationships/delegatedAdminRelationships",
		Lost: true, Status: http.StatusInternalServerError})
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{
			Config:            relationshipConfig(env, "Contoso admins", "PT0S", readerRole),
			ConfigStateChecks: []statecheck.StateCheck{stateIs("status", knownvalue.StringExact("approvalPending"))},
			Check: func(*terraform.State) error {
				if n := len(env.Emulator.Graph().Relationships()); n != 1 {
					return fmt.Errorf("the emulator holds %d relationships, want the one created", n)
				}
				return expectStatus(t, env, "Contoso admins", "approvalPending")(nil)
			},
		},
		{PreConfig: approve(t, env, "Contoso admins"), Config: relationshipConfig(env, "Contoso admins", "PT0S", readerRole)},
	}})
}

// Values known only at apply (roles from another resource being replaced) plan an update, not a
// failure or a replacement, with what it may change unknown; when they resolve to what Graph holds,
// nothing is written; to what needs a successor, the successor (under a new name) or, under the
// same name, an error before anything is written.
func TestAccRelationship_valuesUnknownAtPlanAreCheckedAtApply(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	config := func(name, generation string, roles ...string) string {
		return env.Config(fmt.Sprintf(`
resource "terraform_data" "roles" {
  input            = %s
  triggers_replace = [%q]
}

resource "partnercenter_delegated_admin_relationship" "contoso" {
  display_name       = %q
  customer_tenant_id = %q
  duration           = "P730D"
  roles              = terraform_data.roles.output
}`, hclList(roles), generation, name, contoso))
	}
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: config("Contoso admins", "1", readerRole, userAdmin)},
		{PreConfig: approve(t, env, "Contoso admins"), Config: config("Contoso admins", "1", readerRole, userAdmin)},
		{ // the roles are unknown at plan (their source is replaced) and resolve to the same roles
			PreConfig: env.Emulator.ResetRequests,
			Config:    config("Contoso admins", "2", readerRole, userAdmin),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(relAddress, plancheck.ResourceActionUpdate),
				plancheck.ExpectUnknownValue(relAddress, tfjsonpath.New("status")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{stateIs("status", knownvalue.StringExact("active"))},
			Check:             env.EmulatorCheck(func() error { return onlyReads(env, "roles that did not change") }),
		},
		{ // resolving to another role, which an active relationship cannot take in place, fails when
			// terraform plans the relationship again with the value known, before anything is written
			PreConfig:   env.Emulator.ResetRequests,
			Config:      config("Contoso admins", "3", readerRole, userAdmin, helpdeskAdmin),
			ExpectError: acctest.DiagnosticPattern("needs a new display name", "Graph cannot change roles"),
		},
		{ // and under a new name to a successor, which the plan at apply shows
			PreConfig: func() {
				if err := onlyReads(env, "the refused change"); err != nil {
					t.Error(err)
				}
			},
			Config:            config("Contoso admins 2", "4", readerRole, userAdmin, helpdeskAdmin),
			ConfigStateChecks: []statecheck.StateCheck{stateIs("predecessors", knownvalue.ListSizeExact(1))},
			Check: resource.ComposeTestCheckFunc(expectStatus(t, env, "Contoso admins", "active"),
				expectStatus(t, env, "Contoso admins 2", "approvalPending")),
		},
		{PreConfig: approve(t, env, "Contoso admins 2"), Config: config("Contoso admins 2", "4", readerRole, userAdmin, helpdeskAdmin)},
	}})
}

// A change of timeouts alone writes nothing and saves the plan as it is.
func TestAccRelationship_aTimeoutsChangeWritesNothing(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	withTimeouts := func(update string) string {
		return strings.Replace(relationshipConfig(env, "Contoso admins", "PT0S", readerRole),
			`roles                = ["`+readerRole+`"]`, `roles                = ["`+readerRole+`"]
  timeouts             = { update = "`+update+`" }`, 1)
	}
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: withTimeouts("20m")},
		{PreConfig: approve(t, env, "Contoso admins"), Config: withTimeouts("20m")},
		{
			PreConfig: env.Emulator.ResetRequests,
			Config:    withTimeouts("25m"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(relAddress, plancheck.ResourceActionUpdate),
			}},
			Check: env.EmulatorCheck(func() error { return onlyReads(env, "a timeouts change") }),
		},
	}})
}
