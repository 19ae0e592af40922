// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

// Tenant ids are GUIDs: the same customer in any case.
func TestAccBillingProfile_importInAnyCaseIsTheSameCustomer(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	upper := strings.ToUpper(env.CustomerID)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: env.Config(profileConfig("Contoso", "Redmond"))},
			{
				ResourceName:      testProfile,
				ImportState:       true,
				ImportStateId:     upper,
				ImportStateVerify: true,
			},
			{
				// An import block in upper case against a configuration in lower case imports
				// with nothing to change, not a replacement.
				ResourceName:    testProfile,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   upper,
			},
		},
	})
}

func TestAccBillingProfile_customerIDCaseChangeIsNoReplacement(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	upper := strings.Replace(profileConfig("Contoso", "Redmond"), `"%[1]s"`, `"`+strings.ToUpper(env.CustomerID)+`"`, 1)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config: env.Config(upper),
				ConfigStateChecks: []statecheck.StateCheck{
					expectString("customer_id", strings.ToUpper(env.CustomerID)),
					expectString("id", env.CustomerID),
				},
			},
			{
				// The same customer in lower case: an in-place update of customer_id alone, which
				// writes nothing to Partner Center.
				Config: env.Config(profileConfig("Contoso", "Redmond")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testProfile, plancheck.ResourceActionUpdate),
					acctest.ExpectPlannedChanges(testProfile, "customer_id"),
					plancheck.ExpectKnownValue(testProfile, tfjsonpath.New("id"), knownvalue.StringExact(env.CustomerID)),
				}},
				Check: expectOperations(env, []string{"PUT"}),
			},
		},
	})
}
