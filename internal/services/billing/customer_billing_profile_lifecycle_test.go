// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

func addressLine2Config(companyName, line2 string) string {
	return fmt.Sprintf(`
resource "partnercenter_customer_billing_profile" "test" {
  customer_id  = "%%[1]s"
  company_name = %q
  default_address = {
    address_line2 = %q
  }
}
`, companyName, line2)
}

// Leaving an attribute out of the configuration stops managing it: nothing to plan, and the value
// stays as Partner Center holds it.
func TestAccBillingProfile_leavingAnAttributeOutStopsManagingIt(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: env.Config(addressLine2Config("Contoso Managed", "Floor 2"))},
		{
			Config: env.Config(`
resource "partnercenter_customer_billing_profile" "test" {
  customer_id = "%[1]s"
}`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			ConfigStateChecks: []statecheck.StateCheck{
				expectString("company_name", "Contoso Managed"),
				expectAddress("address_line2", "Floor 2"),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				expectStored(env, "companyName", "Contoso Managed"),
				expectStored(env, "defaultAddress.addressLine2", "Floor 2"),
			),
		},
	}})
}

// "" clears an attribute Partner Center lets be empty: the plan shows the change, Partner Center
// then holds no value, and the next plan is empty.
func TestAccBillingProfile_emptyStringClearsAnAttribute(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: env.Config(addressLine2Config("Contoso", "Floor 2"))},
		{
			Config: env.Config(addressLine2Config("Contoso", "")),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{acctest.ExpectPlannedChanges(testProfile, "default_address.address_line2", "etag")},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{expectAddress("address_line2", "")},
			Check: env.EmulatorCheck(func() error {
				p, _ := env.Emulator.Profile(env.CustomerID)
				if v, held := p["defaultAddress"].(map[string]any)["addressLine2"]; held {
					return fmt.Errorf("Partner Center still holds addressLine2 = %v", v)
				}
				return nil
			}),
		},
	}})
}

// Two resources that set the same attribute of one customer overwrite each other on every apply:
// after each apply, one of them plans to change it back.
func TestAccBillingProfile_twoResourcesForOneCustomerFight(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	config := env.Config(`
resource "partnercenter_customer_billing_profile" "alpha" {
  customer_id  = "%[1]s"
  company_name = "Alpha Holdings"
}

resource "partnercenter_customer_billing_profile" "beta" {
  customer_id  = "%[1]s"
  company_name = "Beta Holdings"
}`)
	oneOfThem := func(*terraform.State) error {
		p, _ := env.Emulator.Profile(env.CustomerID)
		if name := p["companyName"]; name != "Alpha Holdings" && name != "Beta Holdings" {
			return fmt.Errorf("Partner Center holds company name %v, want one of the two configured", name)
		}
		return nil
	}
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: config, Check: oneOfThem, ExpectNonEmptyPlan: true},
		{Config: config, Check: oneOfThem, ExpectNonEmptyPlan: true},
	}})
}
