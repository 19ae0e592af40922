// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const testCustomer = "data.partnercenter_customer.test"

func TestAccCustomerDataSource_readsOneCustomer(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	want := map[string]knownvalue.Check{
		"id": knownvalue.StringExact(env.customerID), "customer_id": knownvalue.StringExact(env.customerID),
		"company_name": knownvalue.NotNull(), "domain": knownvalue.NotNull(), "relationship_to_partner": knownvalue.NotNull(),
	}
	if env.emu != nil {
		known, _ := env.emu.Company(env.customerID)
		want["company_name"] = knownvalue.StringExact(known.Name)
		want["domain"] = knownvalue.StringExact(known.Domain)
		want["relationship_to_partner"] = knownvalue.StringExact("reseller")
	}
	var checks []statecheck.StateCheck
	for attr, check := range want {
		checks = append(checks, statecheck.ExpectKnownValue(testCustomer, tfjsonpath.New(attr), check))
	}
	env.run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.config(`
data "partnercenter_customer" "test" {
  customer_id = "%[1]s"
}`),
			ConfigStateChecks: checks,
		}},
	})
}

func TestAccCustomerDataSource_unknownCustomer(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	env.needsEmulator(t)
	env.run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.providerConfig + `
data "partnercenter_customer" "test" {
  customer_id = "00000000-0000-4000-8000-0000000000ff"
}`,
			ExpectError: diagnosticPattern("Customer not found", "HTTP 404", "code 60003", requestIDs),
		}},
	})
}
