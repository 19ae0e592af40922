// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// Tenant ids are GUIDs: the same customer in any case.
func TestAccBillingProfile_importInAnyCaseIsTheSameCustomer(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	upper := strings.ToUpper(env.customerID)
	env.run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: env.config(profileConfig("Contoso", "Redmond"))},
			{
				ResourceName:      testResource,
				ImportState:       true,
				ImportStateId:     upper,
				ImportStateVerify: true,
			},
			{
				// An import block in upper case against a configuration in lower case imports
				// with nothing to change, not a replacement.
				ResourceName:    testResource,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   upper,
			},
		},
	})
}

func TestAccBillingProfile_customerIDCaseChangeIsNoReplacement(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	env.needsEmulator(t)
	upper := strings.Replace(profileConfig("Contoso", "Redmond"), `"%[1]s"`, `"`+strings.ToUpper(env.customerID)+`"`, 1)
	env.run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config: env.config(upper),
				ConfigStateChecks: []statecheck.StateCheck{
					expectString("customer_id", strings.ToUpper(env.customerID)),
					expectString("id", env.customerID),
				},
			},
			{
				// The same customer in lower case: an in-place update of customer_id alone, which
				// writes nothing to Partner Center.
				Config: env.config(profileConfig("Contoso", "Redmond")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testResource, plancheck.ResourceActionUpdate),
					expectPlannedChanges(testResource, "customer_id"),
					plancheck.ExpectKnownValue(testResource, tfjsonpath.New("id"), knownvalue.StringExact(env.customerID)),
				}},
				Check: env.expectOperations([]string{"PUT"}),
			},
		},
	})
}
