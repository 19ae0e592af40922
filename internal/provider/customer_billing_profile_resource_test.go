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

func TestAccBillingProfile_adoptsThenUpdatesOneAttribute(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	env.run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config: env.config(profileConfig("Contoso Adopted", "Bellevue")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testResource, plancheck.ResourceActionCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					expectString("company_name", "Contoso Adopted"),
					expectAddress("city", "Bellevue"),
					expectString("id", env.customerID),
					statecheck.ExpectKnownValue(testResource, tfjsonpath.New("etag"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(testResource, tfjsonpath.New("email"), knownvalue.NotNull()),
				},
				// The create starts from the profile its plan read to check the address (in an
				// operation of its own): a PUT alone.
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectOperations([]string{"PUT"}),
					env.expectStored("middleName", "J"),
					env.expectStored("vatId", "US-4255550100"),
					env.expectStored("defaultAddress.district", "King County"),
					env.expectStored("defaultAddress.middleName", "J"),
					env.expectStored("email", "avery.howard@contoso.example"),
				),
			},
			{
				Config: env.config(profileConfig("Contoso Renamed", "Bellevue")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(testResource, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(testResource, tfjsonpath.New("etag")),
						plancheck.ExpectKnownValue(testResource, tfjsonpath.New("company_name"), knownvalue.StringExact("Contoso Renamed")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{expectString("company_name", "Contoso Renamed")},
				// The update PUTs with the ETag and profile from the last read: no GET of its own.
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectOperations([]string{"PUT"}, []string{"PUT"}),
					env.expectStored("companyName", "Contoso Renamed"),
					env.expectStored("vatId", "US-4255550100"),
					env.expectStored("defaultAddress.district", "King County"),
				),
			},
		},
	})
}

func TestAccBillingProfile_adoptingMatchingValuesSendsNoPut(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	env.needsEmulator(t)
	env.run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.config(profileConfig("Contoso Ltd", "Redmond")),
			ConfigStateChecks: []statecheck.StateCheck{
				expectString("company_name", "Contoso Ltd"),
				expectString("culture", "en-US"),
				expectAddress("phone_number", "4255550100"),
				statecheck.ExpectKnownValue(testResource, tfjsonpath.New("default_address").AtMapKey("region"), knownvalue.Null()),
			},
			Check: env.expectOperations(),
		}},
	})
}
