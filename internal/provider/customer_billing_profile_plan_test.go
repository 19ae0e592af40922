// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestAccBillingProfile_oneAttributeChangePlansThatAttributeAndTheETag(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	env.run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: env.config(profileConfig("Contoso", "Redmond"))},
			{
				Config: env.config(profileConfig("Contoso", "Bellevue")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(testResource, plancheck.ResourceActionUpdate),
						expectPlannedChanges(testResource, "default_address.city", "etag"),
						plancheck.ExpectUnknownValue(testResource, tfjsonpath.New("etag")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{expectAddress("city", "Bellevue")},
			},
		},
	})
}

func TestAccBillingProfile_unsetAttributesKeepTheirValuesInThePlan(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	env.needsEmulator(t)
	env.run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: env.config(profileConfig("Contoso", "Redmond"))},
			{
				Config: env.config(profileConfig("Contoso Renamed", "Redmond")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					expectPlannedChanges(testResource, "company_name", "etag"),
					// Downstream references see known values, not "(known after apply)".
					plancheck.ExpectKnownValue(testResource, tfjsonpath.New("culture"), knownvalue.StringExact("en-US")),
					plancheck.ExpectKnownValue(testResource, tfjsonpath.New("default_address").AtMapKey("phone_number"),
						knownvalue.StringExact("4255550100")),
					plancheck.ExpectKnownValue(testResource, tfjsonpath.New("default_address").AtMapKey("region"), knownvalue.Null()),
				}},
			},
		},
	})
}

// An update that changes only the resource's own settings writes nothing to Partner Center, so
// the plan keeps the ETag and apply sends no PUT.
func TestAccBillingProfile_settingsOnlyChangeKeepsTheETag(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	env.needsEmulator(t)
	env.run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: env.config(profileConfig("Contoso", "Redmond"))},
			{
				Config: env.config(`
resource "partnercenter_customer_billing_profile" "test" {
  customer_id      = "%[1]s"
  company_name     = "Contoso"
  validate_address = false
  default_address = {
    city = "Redmond"
  }
  timeouts = {
    update = "3m"
  }
}`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testResource, plancheck.ResourceActionUpdate),
					expectPlannedChanges(testResource, "timeouts.update", "validate_address"),
				}},
				Check: env.expectOperations([]string{"PUT"}),
			},
		},
	})
}
