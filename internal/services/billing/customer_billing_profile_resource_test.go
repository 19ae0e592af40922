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

func TestAccBillingProfile_adoptsThenUpdatesOneAttribute(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config: env.Config(profileConfig("Contoso Adopted", "Bellevue")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testProfile, plancheck.ResourceActionCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					expectString("company_name", "Contoso Adopted"),
					expectAddress("city", "Bellevue"),
					expectString("id", env.CustomerID),
					statecheck.ExpectKnownValue(testProfile, tfjsonpath.New("etag"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(testProfile, tfjsonpath.New("email"), knownvalue.NotNull()),
				},
				// The create starts from the profile its plan read to check the address (in an
				// operation of its own): a PUT alone.
				Check: resource.ComposeAggregateTestCheckFunc(
					expectOperations(env, []string{"PUT"}),
					expectStored(env, "middleName", "J"),
					expectStored(env, "fieldAddedLater", "kept as Partner Center holds it"),
					expectStored(env, "defaultAddress.district", "King County"),
					expectStored(env, "defaultAddress.middleName", "J"),
					expectStored(env, "email", "avery.howard@contoso.example"),
				),
			},
			{
				Config: env.Config(profileConfig("Contoso Renamed", "Bellevue")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(testProfile, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(testProfile, tfjsonpath.New("etag")),
						plancheck.ExpectKnownValue(testProfile, tfjsonpath.New("company_name"), knownvalue.StringExact("Contoso Renamed")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{expectString("company_name", "Contoso Renamed")},
				// The update PUTs with the ETag and profile from the last read: no GET of its own.
				Check: resource.ComposeAggregateTestCheckFunc(
					expectOperations(env, []string{"PUT"}, []string{"PUT"}),
					expectStored(env, "companyName", "Contoso Renamed"),
					expectStored(env, "fieldAddedLater", "kept as Partner Center holds it"),
					expectStored(env, "defaultAddress.district", "King County"),
				),
			},
		},
	})
}

func TestAccBillingProfile_adoptingMatchingValuesSendsNoPut(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.Config(profileConfig("Contoso Ltd", "Redmond")),
			ConfigStateChecks: []statecheck.StateCheck{
				expectString("company_name", "Contoso Ltd"),
				expectString("culture", "en-US"),
				expectAddress("phone_number", "4255550100"),
				statecheck.ExpectKnownValue(testProfile, tfjsonpath.New("default_address").AtMapKey("region"), knownvalue.Null()),
			},
			Check: expectOperations(env),
		}},
	})
}
