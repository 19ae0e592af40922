// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// One customer whose profile Partner Center refuses, or holds without a culture, does not block
// the onboarding of the others: they are imported in one plan, and the output says who was left
// out and why. This is the onboarding guide's configuration for an estate with such customers.
const onboardingLeavingOutConfig = `
data "partnercenter_customers" "estate" {}

data "partnercenter_customer_billing_profiles" "estate" {
  customer_ids = data.partnercenter_customers.estate.ids
}

locals {
  customers = { for c in data.partnercenter_customers.estate.customers : lower(c.id) => c }
  onboard   = { for id in data.partnercenter_customer_billing_profiles.estate.readable_ids : id => local.customers[id] }
}

import {
  for_each = local.onboard
  to       = partnercenter_customer_billing_profile.this[each.key]
  id       = each.key
}

resource "partnercenter_customer_billing_profile" "this" {
  for_each    = local.onboard
  customer_id = each.key
}

output "left_out" {
  value = data.partnercenter_customer_billing_profiles.estate.unreadable
}

output "onboarded" {
  value = length(partnercenter_customer_billing_profile.this)
}
`

// estateWithTwoUnreadable is an emulator estate of five customers of which Partner Center refuses
// one's profile (403) and holds another's without its culture; it returns those two.
func estateWithTwoUnreadable(t *testing.T) (env *acctest.Env, refused, cultureless string) {
	t.Helper()
	env = acctest.NewSmallEstateEnv(t, 4)
	ids, err := env.Emulator.SeedCustomers(2)
	if err != nil {
		t.Fatal(err)
	}
	refused, cultureless = ids[0], ids[1]
	env.Emulator.Inject(emulator.Fault{Method: http.MethodGet, CustomerID: refused, Times: 1000, Status: http.StatusForbidden})
	if err := env.Emulator.ChangeProfile(cultureless, func(p map[string]any) { delete(p, "culture") }); err != nil {
		t.Fatal(err)
	}
	return env, refused, cultureless
}

func TestAccOnboarding_oneUnreadableCustomerDoesNotBlockTheOthers(t *testing.T) {
	t.Parallel()
	env, refused, cultureless := estateWithTwoUnreadable(t)
	workDir := t.TempDir()
	env.Run(t, resource.TestCase{
		WorkingDir: workDir,
		Steps: []resource.TestStep{
			{
				Config: env.Config(onboardingLeavingOutConfig),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{expectImportsOnly{5}},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("onboarded", knownvalue.Int64Exact(5)),
					statecheck.ExpectKnownOutputValue("left_out", knownvalue.MapExact(map[string]knownvalue.Check{
						refused:     knownvalue.StringExact("HTTP 403 Forbidden, Partner Center code 403: Forbidden (injected fault)"),
						cultureless: knownvalue.StringExact("Partner Center holds the billing profile without culture, which every billing profile has"),
					})),
					expectNoWrites(env),
				},
			},
			{PreConfig: forgetOnboarded(t, workDir), Config: env.Config(onboardingData(""))},
		},
	})
}

// A failure that may meet every customer alike (here Partner Center failing for one of them
// through every retry) fails the read: no customer is ever left out for it.
func TestAccOnboarding_anOutageLeavesNobodyOut(t *testing.T) {
	t.Parallel()
	env := acctest.NewSmallEstateEnv(t, 3)
	ids, err := env.Emulator.SeedCustomers(1)
	if err != nil {
		t.Fatal(err)
	}
	env.Emulator.Inject(emulator.Fault{Method: http.MethodGet, CustomerID: ids[0], Times: 1000, Status: http.StatusServiceUnavailable})
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config:      env.Config(onboardingLeavingOutConfig),
		ExpectError: acctest.DiagnosticPattern("Partner Center request failed", "Could not read the billing profiles of the customers asked for", "HTTP 503", acctest.PartnerCenterRequestIDs),
	}}})
}

// The onboarding reads each readable profile once: the import takes the data source's read.
func TestOnboardingReadsEachProfileOnce(t *testing.T) {
	t.Parallel()
	env, refused, cultureless := estateWithTwoUnreadable(t)
	cli := acctest.NewCLI(t)
	diags := cli.Apply(t, env.Config(onboardingLeavingOutConfig))
	warning, ok := acctest.FindDiagnostic(diags, "warning", "2 billing profiles left out")
	if !ok || !acctest.DiagnosticPattern(refused+": GET /v1/customers/"+refused+"/profiles/billing: HTTP 403", acctest.PartnerCenterRequestIDs).MatchString(warning.Detail) ||
		!strings.Contains(warning.Detail, cultureless+": GET") {
		t.Errorf("the warning about the customers left out: %+v; want each with Partner Center's answer and request ids", warning)
	}
	gets := map[string]int{}
	for _, r := range env.Emulator.Requests() {
		if r.Method == http.MethodGet && strings.HasSuffix(r.Path, "/profiles/billing") {
			gets[r.CustomerID]++
		}
	}
	if len(gets) != 7 {
		t.Errorf("%d customers' profiles were read, want all 7", len(gets))
	}
	for id, n := range gets {
		if n != 1 {
			t.Errorf("customer %s's profile was read %d times, want once", id, n)
		}
	}
	out, err := cli.Run(t, "output", "-json", "left_out")
	if err != nil {
		t.Fatal(err)
	}
	var leftOut map[string]string
	if err := json.Unmarshal(out, &leftOut); err != nil || len(leftOut) != 2 || leftOut[refused] == "" || leftOut[cultureless] == "" {
		t.Errorf("left_out = %s (%v), want the refused and the cultureless customer", out, err)
	}
	if cli.PlanHasChanges(t) {
		t.Error("the plan after onboarding has changes")
	}
}

// A refusal of every customer points at the credential, not at each customer: the read fails
// rather than onboard nobody without saying why.
func TestAccOnboarding_aRefusalOfEveryCustomerFailsTheRead(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	ids, err := env.Emulator.SeedCustomers(2)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range append(ids, env.CustomerID) {
		env.Emulator.Inject(emulator.Fault{Method: http.MethodGet, CustomerID: id, Times: 1000, Status: http.StatusForbidden})
	}
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: env.Config(onboardingLeavingOutConfig),
		ExpectError: acctest.DiagnosticPattern("Access denied", "refused the billing profile of every one of the 3 customers asked for",
			"points at the credential", "HTTP 403"),
	}}})
}

// With nobody to read, readable_ids and unreadable are empty, never null, so that for_each over
// them plans nothing instead of failing.
func TestAccBillingProfilesDataSource_nobodyToReadIsAnEmptySet(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: env.Config(`
data "partnercenter_customer_billing_profiles" "none" {
  customer_ids = []
}
resource "terraform_data" "each" {
  for_each = data.partnercenter_customer_billing_profiles.none.readable_ids
}
output "unreadable" {
  value = data.partnercenter_customer_billing_profiles.none.unreadable
}`),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("unreadable", knownvalue.MapExact(map[string]knownvalue.Check{})),
		},
	}}})
}
