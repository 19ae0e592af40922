// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

const testDataSource = "data.partnercenter_customer_billing_profile.test"

func TestAccBillingProfileDataSource_readsEveryAttribute(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	want := map[string]string{
		"id": env.CustomerID, "first_name": "Avery", "last_name": "Howard", "email": "avery.howard@contoso.example",
		"culture": "en-US", "language": "en", "company_name": "Contoso Ltd",
	}
	wantAddress := map[string]knownvalue.Check{
		"country": knownvalue.StringExact("US"), "city": knownvalue.StringExact("Redmond"), "state": knownvalue.StringExact("WA"),
		"address_line1": knownvalue.StringExact("One Microsoft Way"), "postal_code": knownvalue.StringExact("98052"),
		"first_name": knownvalue.StringExact("Avery"), "last_name": knownvalue.StringExact("Howard"),
		"phone_number": knownvalue.StringExact("4255550100"), "region": knownvalue.Null(),
		"address_line2": knownvalue.Null(), "address_line3": knownvalue.Null(),
	}
	checks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue(testDataSource, tfjsonpath.New("default_address"), knownvalue.ObjectExact(wantAddress)),
		statecheck.ExpectKnownValue(testDataSource, tfjsonpath.New("etag"), knownvalue.NotNull()),
	}
	for attr, v := range want {
		checks = append(checks, statecheck.ExpectKnownValue(testDataSource, tfjsonpath.New(attr), knownvalue.StringExact(v)))
	}
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.Config(`
data "partnercenter_customer_billing_profile" "test" {
  customer_id = "%[1]s"
}`),
			ConfigStateChecks: checks,
		}},
	})
}

func TestAccBillingProfileDataSource_unknownCustomer(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.ProviderConfig + `
data "partnercenter_customer_billing_profile" "test" {
  customer_id = "00000000-0000-4000-8000-0000000000ff"
}`,
			ExpectError: acctest.DiagnosticPattern("Customer not found", "HTTP 404", acctest.PartnerCenterRequestIDs),
		}},
	})
}
