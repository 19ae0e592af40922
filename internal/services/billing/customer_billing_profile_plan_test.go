// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

func TestAccBillingProfile_oneAttributeChangePlansThatAttributeAndTheETag(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: env.Config(profileConfig("Contoso", "Redmond"))},
			{
				Config: env.Config(profileConfig("Contoso", "Bellevue")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(testProfile, plancheck.ResourceActionUpdate),
						acctest.ExpectPlannedChanges(testProfile, "default_address.city", "etag"),
						plancheck.ExpectUnknownValue(testProfile, tfjsonpath.New("etag")),
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
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: env.Config(profileConfig("Contoso", "Redmond"))},
			{
				Config: env.Config(profileConfig("Contoso Renamed", "Redmond")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					acctest.ExpectPlannedChanges(testProfile, "company_name", "etag"),
					// Downstream references see known values, not "(known after apply)".
					plancheck.ExpectKnownValue(testProfile, tfjsonpath.New("culture"), knownvalue.StringExact("en-US")),
					plancheck.ExpectKnownValue(testProfile, tfjsonpath.New("default_address").AtMapKey("phone_number"),
						knownvalue.StringExact("4255550100")),
					plancheck.ExpectKnownValue(testProfile, tfjsonpath.New("default_address").AtMapKey("region"), knownvalue.Null()),
				}},
			},
		},
	})
}

// An update that changes only the resource's own settings writes nothing to Partner Center, so
// the plan keeps the ETag and apply sends no PUT.
func TestAccBillingProfile_settingsOnlyChangeKeepsTheETag(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: env.Config(profileConfig("Contoso", "Redmond"))},
			{
				Config: env.Config(`
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
					plancheck.ExpectResourceAction(testProfile, plancheck.ResourceActionUpdate),
					acctest.ExpectPlannedChanges(testProfile, "timeouts.update", "validate_address"),
				}},
				Check: expectOperations(env, []string{"PUT"}),
			},
		},
	})
}
