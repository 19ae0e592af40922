// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

// onboardingConfig brings every customer that scope selects under management with import blocks,
// as examples/onboarding does: the import blocks iterate over the listed ids, the resources over a
// map of the listed customers, and no attribute is configured, so that nothing is written.
func onboardingConfig(scope string) string {
	return onboardingData(scope) + `
import {
  for_each = data.partnercenter_customers.estate.ids
  to       = partnercenter_customer_billing_profile.this[each.key]
  id       = each.key
}

resource "partnercenter_customer_billing_profile" "this" {
  for_each    = local.customers
  customer_id = each.key
}

output "every_listed_customer_imported" {
  value = length(partnercenter_customer_billing_profile.this) == length(data.partnercenter_customers.estate.ids)
}
`
}

// onboardingData lists the customers scope selects, and a customer the test knows.
func onboardingData(scope string) string {
	return `
data "partnercenter_customer" "known" {
  customer_id = "%[1]s"
}

data "partnercenter_customers" "estate" {
` + scope + `
}

locals {
  customers = { for c in data.partnercenter_customers.estate.customers : c.id => c }
}
`
}

// forgetOnboarded removes the onboarded profiles from the state of the test's working directory,
// which lies in dir, and leaves Partner Center as it is. The test library cannot read a state that
// holds for_each instances when a test ends, and a removed block would make terraform rewrite its
// local state file once per resource (a minute for 1,000); terraform state rm writes it once.
func forgetOnboarded(t *testing.T, dir string) func() {
	return func() {
		work, err := filepath.Glob(filepath.Join(dir, "work*"))
		if err != nil || len(work) != 1 {
			t.Fatalf("the test's working directory in %s: found %v (%v)", dir, work, err)
		}
		rm := exec.CommandContext(t.Context(), acctest.TerraformBinary(t), "state", "rm", "partnercenter_customer_billing_profile.this")
		rm.Dir = work[0]
		if out, err := rm.CombinedOutput(); err != nil {
			t.Fatalf("terraform state rm: %v\n%s", err, out)
		}
	}
}

// expectImportsOnly checks that the plan imports want resources (any number when want < 0) and
// changes nothing.
type expectImportsOnly struct{ want int }

func (e expectImportsOnly) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	var errs []error
	imports := 0
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Mode != "managed" {
			continue
		}
		if rc.Change.Importing == nil || !rc.Change.Actions.NoOp() {
			errs = append(errs, fmt.Errorf("%s: planned %v, importing %v; want an import that changes nothing", rc.Address, rc.Change.Actions, rc.Change.Importing != nil))
			continue
		}
		imports++
	}
	if imports == 0 || (e.want >= 0 && imports != e.want) {
		errs = append(errs, fmt.Errorf("the plan imports %d billing profiles, want %d", imports, e.want))
	}
	resp.Error = errors.Join(errs...)
}

// Against the real Partner Center the test onboards only the customers whose company name begins
// with the test customer's: it reads every profile it imports, but writes none.
func TestAccOnboarding_importsEveryCustomerWithoutWriting(t *testing.T) {
	t.Parallel()
	env, ids := acctest.NewEstateEnv(t)
	scope, want := "  company_name_prefix = data.partnercenter_customer.known.company_name", -1
	stateChecks := []statecheck.StateCheck{
		statecheck.ExpectKnownOutputValue("every_listed_customer_imported", knownvalue.Bool(true)),
		env.ExpectListings(acctest.EstatePages),
		expectNoWrites(env),
	}
	if env.Emulator != nil {
		scope, want = "", len(ids)
		for _, id := range []string{ids[0], ids[len(ids)/2], env.CustomerID} {
			known, _ := env.Emulator.Company(id)
			stateChecks = append(stateChecks, statecheck.ExpectKnownValue(
				fmt.Sprintf("partnercenter_customer_billing_profile.this[%q]", id), tfjsonpath.New("company_name"), knownvalue.StringExact(known.Name)))
		}
	}
	workDir := t.TempDir()
	start := time.Now()
	env.Run(t, resource.TestCase{
		WorkingDir: workDir,
		Steps: []resource.TestStep{
			{
				Config: env.Config(onboardingConfig(scope)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{expectImportsOnly{want}},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: stateChecks,
			},
			{
				PreConfig:         forgetOnboarded(t, workDir),
				Config:            env.Config(onboardingData(scope)),
				ConfigStateChecks: []statecheck.StateCheck{expectNoWrites(env)},
			},
		},
	})
	t.Logf("onboarding %d customers took %s", len(ids), time.Since(start).Round(time.Second))
}
