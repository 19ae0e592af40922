// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package customers_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

const companyProfile = "data.partnercenter_customer_company_profile.test"

const companyProfileConfig = `
data "partnercenter_customer_company_profile" "test" {
  customer_id = "%[1]s"
}`

func TestAccCompanyProfileDataSource_readsTheWholeProfile(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	known, _ := env.Emulator.Company(env.CustomerID)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.Config(companyProfileConfig),
			ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectEveryAttribute(companyProfile, map[string]knownvalue.Check{
				"customer_id": knownvalue.StringExact(env.CustomerID), "company_name": knownvalue.StringExact("Contoso Ltd"),
				"domain": knownvalue.StringExact(known.Domain), "email": knownvalue.StringExact("avery.howard@contoso.example"),
				"organization_registration_number": knownvalue.Null(),
				"address": knownvalue.ObjectExact(map[string]knownvalue.Check{
					"country": knownvalue.StringExact("US"), "region": knownvalue.Null(), "city": knownvalue.StringExact("Redmond"),
					"state": knownvalue.StringExact("WA"), "address_line1": knownvalue.StringExact("One Microsoft Way"),
					"address_line2": knownvalue.Null(), "address_line3": knownvalue.Null(),
					"postal_code": knownvalue.StringExact("98052"), "first_name": knownvalue.StringExact("Avery"),
					"last_name": knownvalue.StringExact("Howard"), "phone_number": knownvalue.StringExact("4255550100"),
				}),
			})},
		}},
	})
}

// TestAccCompanyProfileDataSource_whatPartnerCenterLeavesOutIsNull holds that a profile read
// without delegated admin roles in the customer shows its domain, email and address as null, not
// as empty strings that would read as a customer without them.
func TestAccCompanyProfileDataSource_whatPartnerCenterLeavesOutIsNull(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	if err := env.Emulator.SetCompany(env.CustomerID, emulator.Company{Name: "Contoso Ltd", Domain: "contoso.onmicrosoft.com",
		WithoutAdminRoles: true}); err != nil {
		t.Fatal(err)
	}
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.Config(companyProfileConfig),
			ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectEveryAttribute(companyProfile, map[string]knownvalue.Check{
				"customer_id": knownvalue.StringExact(env.CustomerID), "company_name": knownvalue.StringExact("Contoso Ltd"),
				"domain": knownvalue.Null(), "email": knownvalue.Null(), "organization_registration_number": knownvalue.Null(),
				"address": knownvalue.Null(),
			})},
		}},
	})
}

func TestAccCompanyProfileDataSource_unknownCustomer(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.ProviderConfig + `
data "partnercenter_customer_company_profile" "test" {
  customer_id = "00000000-0000-4000-8000-0000000000ff"
}`,
			ExpectError: acctest.DiagnosticPattern("not found", "HTTP 404", "code 60003", acctest.PartnerCenterRequestIDs),
		}},
	})
}
