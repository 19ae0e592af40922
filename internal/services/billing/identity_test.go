// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

// Resource identity came with Terraform 1.12: these tests are skipped on older terraform and run
// in CI on the pinned 1.14 build (make test-terraform-1.14).
var identityVersions = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)}

func TestAccBillingProfile_identityIsTheCustomer(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	identity := map[string]knownvalue.Check{"customer_id": knownvalue.StringExact(strings.ToLower(env.CustomerID))}
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: identityVersions,
		Steps: []resource.TestStep{
			{
				// customer_id in upper case: the identity is the canonical id all the same.
				Config:            env.Config(strings.Replace(profileConfig("Contoso Identity", "Redmond"), "%[1]s", strings.ToUpper(env.CustomerID), 1)),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectIdentity(testProfile, identity)},
			},
			{
				// A refresh and an unchanged plan keep it (the unchanged-plan shortcut included).
				Config: env.Config(strings.Replace(profileConfig("Contoso Identity", "Redmond"), "%[1]s", strings.ToUpper(env.CustomerID), 1)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testProfile, plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectIdentity(testProfile, identity)},
			},
			{
				// An update keeps it too.
				Config:            env.Config(profileConfig("Contoso Identity Renamed", "Redmond")),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectIdentity(testProfile, identity)},
			},
			{
				ResourceName:    testProfile,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
			},
		},
	})
}

// importByIdentity declares the test's profile with only its customer, imported by identity.
const importByIdentity = `
import {
  to       = partnercenter_customer_billing_profile.test
  identity = { customer_id = "%s" }
}

resource "partnercenter_customer_billing_profile" "test" {
  customer_id = "%%[1]s"
}
`

func TestAccBillingProfile_importBlockByIdentity(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	id := strings.ToLower(env.CustomerID)
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: identityVersions,
		Steps: []resource.TestStep{{
			// The identity in upper case names the same customer.
			Config: env.Config(fmt.Sprintf(importByIdentity, strings.ToUpper(env.CustomerID))),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(testProfile, plancheck.ResourceActionNoop),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(testProfile, map[string]knownvalue.Check{"customer_id": knownvalue.StringExact(id)}),
				statecheck.ExpectKnownValue(testProfile, tfjsonpath.New("id"), knownvalue.StringExact(id)),
				statecheck.ExpectKnownValue(testProfile, tfjsonpath.New("etag"), knownvalue.NotNull()),
				expectNoWrites(env),
			},
		}},
	})
}

func TestAccBillingProfile_importByIdentityRejectsANonGUID(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: identityVersions,
		Steps: []resource.TestStep{{
			Config:      env.Config(fmt.Sprintf(importByIdentity, "contoso.onmicrosoft.com")),
			ExpectError: regexp.MustCompile(`Invalid import id[\s\S]*identity's customer_id is[\s\S]*"contoso.onmicrosoft.com"`),
		}},
	})
}
