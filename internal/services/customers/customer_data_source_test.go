// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package customers_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

const testCustomer = "data.partnercenter_customer.test"

func TestAccCustomerDataSource_readsOneCustomer(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	want := map[string]knownvalue.Check{
		"id": knownvalue.StringExact(env.CustomerID), "customer_id": knownvalue.StringExact(env.CustomerID),
		"company_name": knownvalue.NotNull(), "domain": knownvalue.NotNull(), "relationship_to_partner": knownvalue.NotNull(),
	}
	if env.Emulator != nil {
		known, _ := env.Emulator.Company(env.CustomerID)
		want["company_name"] = knownvalue.StringExact(known.Name)
		want["domain"] = knownvalue.StringExact(known.Domain)
		want["relationship_to_partner"] = knownvalue.StringExact("reseller")
	}
	var checks []statecheck.StateCheck
	for attr, check := range want {
		checks = append(checks, statecheck.ExpectKnownValue(testCustomer, tfjsonpath.New(attr), check))
	}
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.Config(`
data "partnercenter_customer" "test" {
  customer_id = "%[1]s"
}`),
			ConfigStateChecks: checks,
		}},
	})
}

func TestAccCustomerDataSource_unknownCustomer(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.ProviderConfig + `
data "partnercenter_customer" "test" {
  customer_id = "00000000-0000-4000-8000-0000000000ff"
}`,
			ExpectError: acctest.DiagnosticPattern("Customer not found", "HTTP 404", "code 60003", acctest.PartnerCenterRequestIDs),
		}},
	})
}
