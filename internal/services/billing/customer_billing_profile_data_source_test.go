// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

const testDataSource = "data.partnercenter_customer_billing_profile.test"

func TestAccBillingProfileDataSource_readsEveryAttribute(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	str := knownvalue.StringExact
	checks := []statecheck.StateCheck{acctest.ExpectEveryAttribute(testDataSource, map[string]knownvalue.Check{
		"id": str(env.CustomerID), "customer_id": str(env.CustomerID), "etag": knownvalue.StringRegexp(regexp.MustCompile(`.`)),
		"first_name": str("Avery"), "last_name": str("Howard"), "email": str("avery.howard@contoso.example"),
		"culture": str("en-US"), "language": str("en"), "company_name": str("Contoso Ltd"),
		"default_address": knownvalue.ObjectExact(map[string]knownvalue.Check{
			"country": str("US"), "city": str("Redmond"), "state": str("WA"), "address_line1": str("One Microsoft Way"),
			"postal_code": str("98052"), "first_name": str("Avery"), "last_name": str("Howard"), "phone_number": str("4255550100"),
			"region": knownvalue.Null(), "address_line2": knownvalue.Null(), "address_line3": knownvalue.Null(),
		}),
	})}
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
