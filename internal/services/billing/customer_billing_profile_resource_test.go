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
				Config: env.Config(acctest.ProfileConfig("Contoso Adopted", "Bellevue")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(acctest.TestProfile, plancheck.ResourceActionCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectString("company_name", "Contoso Adopted"),
					acctest.ExpectAddress("city", "Bellevue"),
					acctest.ExpectString("id", env.CustomerID),
					statecheck.ExpectKnownValue(acctest.TestProfile, tfjsonpath.New("etag"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(acctest.TestProfile, tfjsonpath.New("email"), knownvalue.NotNull()),
				},
				// The create starts from the profile its plan read to check the address (in an
				// operation of its own): a PUT alone.
				Check: resource.ComposeAggregateTestCheckFunc(
					env.ExpectOperations([]string{"PUT"}),
					env.ExpectStored("middleName", "J"),
					env.ExpectStored("vatId", "US-4255550100"),
					env.ExpectStored("defaultAddress.district", "King County"),
					env.ExpectStored("defaultAddress.middleName", "J"),
					env.ExpectStored("email", "avery.howard@contoso.example"),
				),
			},
			{
				Config: env.Config(acctest.ProfileConfig("Contoso Renamed", "Bellevue")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(acctest.TestProfile, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(acctest.TestProfile, tfjsonpath.New("etag")),
						plancheck.ExpectKnownValue(acctest.TestProfile, tfjsonpath.New("company_name"), knownvalue.StringExact("Contoso Renamed")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectString("company_name", "Contoso Renamed")},
				// The update PUTs with the ETag and profile from the last read: no GET of its own.
				Check: resource.ComposeAggregateTestCheckFunc(
					env.ExpectOperations([]string{"PUT"}, []string{"PUT"}),
					env.ExpectStored("companyName", "Contoso Renamed"),
					env.ExpectStored("vatId", "US-4255550100"),
					env.ExpectStored("defaultAddress.district", "King County"),
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
			Config: env.Config(acctest.ProfileConfig("Contoso Ltd", "Redmond")),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectString("company_name", "Contoso Ltd"),
				acctest.ExpectString("culture", "en-US"),
				acctest.ExpectAddress("phone_number", "4255550100"),
				statecheck.ExpectKnownValue(acctest.TestProfile, tfjsonpath.New("default_address").AtMapKey("region"), knownvalue.Null()),
			},
			Check: env.ExpectOperations(),
		}},
	})
}
