// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// Apply writes what the plan shows, and `lifecycle { ignore_changes }` holds an attribute back
// from the plan: apply must not write it, whatever the configuration says.

// ignoringConfig sets first_name, email and default_address.city, and ignores the attributes in
// ignored (HCL references such as email or default_address.city).
func ignoringConfig(firstName, email, city, ignored string) string {
	return fmt.Sprintf(`
resource "partnercenter_customer_billing_profile" "test" {
  customer_id = "%%[1]s"
  first_name  = %q
  email       = %q
  default_address = {
    city = %q
  }
  lifecycle {
    ignore_changes = [%s]
  }
}
`, firstName, email, city, ignored)
}

func TestAccBillingProfile_ignoreChangesHoldsATopLevelAttributeBack(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: env.Config(ignoringConfig("Avery", "billing@contoso.example", "Redmond", "email"))},
		{
			// email changes in the configuration, but it is ignored: the plan changes first_name
			// only, and apply writes first_name only.
			Config: env.Config(ignoringConfig("Robin", "ignored@contoso.example", "Redmond", "email")),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{acctest.ExpectPlannedChanges(testProfile, "first_name", "etag")},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{expectString("first_name", "Robin"), expectString("email", "billing@contoso.example")},
			Check: resource.ComposeAggregateTestCheckFunc(
				expectStored(env, "firstName", "Robin"),
				expectStored(env, "email", "billing@contoso.example"),
			),
		},
		{
			// Someone changes the email in the portal; a later change to another attribute keeps it.
			PreConfig: func() { changeStored(env, "email", "portal@contoso.example") },
			Config:    env.Config(ignoringConfig("Sam", "ignored@contoso.example", "Redmond", "email")),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{acctest.ExpectPlannedChanges(testProfile, "first_name", "etag")},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{expectString("email", "portal@contoso.example")},
			Check: resource.ComposeAggregateTestCheckFunc(
				expectStored(env, "firstName", "Sam"),
				expectStored(env, "email", "portal@contoso.example"),
				storedKeepsUnmodelledFields(env),
			),
		},
	}})
}

func TestAccBillingProfile_ignoreChangesHoldsAnAddressAttributeBack(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: env.Config(ignoringConfig("Avery", "billing@contoso.example", "Redmond", "default_address.city"))},
		{
			Config: env.Config(ignoringConfig("Robin", "billing@contoso.example", "Bellevue", "default_address.city")),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{acctest.ExpectPlannedChanges(testProfile, "first_name", "etag")},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{expectString("first_name", "Robin"), expectAddress("city", "Redmond")},
			Check:             expectStored(env, "defaultAddress.city", "Redmond"),
		},
		{
			PreConfig: func() { changeStoredAddress(env, "city", "Kirkland") },
			Config:    env.Config(ignoringConfig("Sam", "billing@contoso.example", "Bellevue", "default_address.city")),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{acctest.ExpectPlannedChanges(testProfile, "first_name", "etag")},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{expectAddress("city", "Kirkland")},
			Check: resource.ComposeAggregateTestCheckFunc(
				expectStored(env, "firstName", "Sam"),
				expectStored(env, "defaultAddress.city", "Kirkland"),
				storedKeepsUnmodelledFields(env),
			),
		},
	}})
}

// An attribute ignored as a whole (default_address) is not written either, although every one
// of its configured attributes differs from what Partner Center holds.
func TestAccBillingProfile_ignoreChangesHoldsAWholeAddressBack(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: env.Config(ignoringConfig("Avery", "billing@contoso.example", "Redmond", "default_address"))},
		{
			PreConfig: func() { changeStoredAddress(env, "city", "Kirkland") },
			Config:    env.Config(ignoringConfig("Robin", "billing@contoso.example", "Bellevue", "default_address")),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{acctest.ExpectPlannedChanges(testProfile, "first_name", "etag")},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{expectAddress("city", "Kirkland")},
			Check:             expectStored(env, "defaultAddress.city", "Kirkland"),
		},
	}})
}

// A portal change to an ignored attribute made between Terraform's read and its write (met as a
// 412) is kept, even when the configuration's value is the one the state holds.
func TestAccBillingProfile_ignoreChangesKeepsAChangeMadeDuringTheApply(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: env.Config(ignoringConfig("Avery", "billing@contoso.example", "Redmond", "email"))},
		{
			PreConfig: func() {
				env.Emulator.Inject(emulator.Fault{Method: "PUT", CustomerID: env.CustomerID,
					Mutate: func(p map[string]any) { p["email"] = "portal@contoso.example" }})
			},
			Config: env.Config(ignoringConfig("Robin", "billing@contoso.example", "Redmond", "email")),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{acctest.ExpectPlannedChanges(testProfile, "first_name", "etag")},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				expectStored(env, "firstName", "Robin"),
				expectStored(env, "email", "portal@contoso.example"),
				env.ExpectStatusCount(412, 1),
			),
		},
	}})
}

// An address that sets no attribute (every name misspelled, or {}) writes nothing of the address,
// and the create records what Partner Center holds.
func TestAccBillingProfile_anAddressThatSetsNothingAdoptsCleanly(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: env.Config(`
resource "partnercenter_customer_billing_profile" "test" {
  customer_id     = "%[1]s"
  company_name    = "Contoso Holdings"
  default_address = {}
}`),
		ConfigPlanChecks:  resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		ConfigStateChecks: []statecheck.StateCheck{expectString("company_name", "Contoso Holdings"), expectAddress("city", "Redmond")},
		Check:             storedKeepsUnmodelledFields(env),
	}}})
}
