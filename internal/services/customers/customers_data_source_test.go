// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package customers_test

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

const testCustomers = "data.partnercenter_customers.all"

// The checks in outputs hold against any estate, the real Partner Center's too; the emulator's
// estate is known, so it is also checked customer by customer.
func TestAccCustomersDataSource_listsEveryCustomerOnce(t *testing.T) {
	t.Parallel()
	env, ids := acctest.NewEstateEnv(t)
	checks := []statecheck.StateCheck{
		env.ExpectListings(acctest.EstatePages),
		statecheck.ExpectKnownOutputValue("no_duplicates", knownvalue.Bool(true)),
		statecheck.ExpectKnownOutputValue("ids_are_the_customers", knownvalue.Bool(true)),
		statecheck.ExpectKnownOutputValue("listed_as_read_alone", knownvalue.Bool(true)),
	}
	if env.Emulator != nil {
		known, _ := env.Emulator.Company(env.CustomerID)
		checks = append(checks,
			statecheck.ExpectKnownValue(testCustomers, tfjsonpath.New("ids"), acctest.IDChecks(ids)),
			statecheck.ExpectKnownValue(testCustomers, tfjsonpath.New("customers"), knownvalue.ListSizeExact(len(ids))),
			statecheck.ExpectKnownOutputValue("known", knownvalue.ObjectExact(map[string]knownvalue.Check{
				"id": knownvalue.StringExact(env.CustomerID), "company_name": knownvalue.StringExact(known.Name),
				"domain": knownvalue.StringExact(known.Domain), "relationship_to_partner": knownvalue.StringExact("reseller"),
			})))
	}
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.Config(`
data "partnercenter_customers" "all" {}

data "partnercenter_customer" "known" {
  customer_id = "%[1]s"
}

locals {
  listed = data.partnercenter_customers.all.customers
  known  = data.partnercenter_customer.known
}

output "no_duplicates" {
  value = length(distinct([for c in local.listed : c.id])) == length(local.listed)
}

output "ids_are_the_customers" {
  value = toset([for c in local.listed : c.id]) == data.partnercenter_customers.all.ids
}

output "known" {
  value = one([for c in local.listed : c if c.id == "%[1]s"])
}

output "listed_as_read_alone" {
  value = one([for c in local.listed : c if c.id == "%[1]s"]) == {
    id = local.known.id, company_name = local.known.company_name, domain = local.known.domain,
    relationship_to_partner = local.known.relationship_to_partner
  }
}
`),
			ConfigStateChecks: checks,
		}},
	})
}

// The prefixes come from a customer the test knows, so that each filter matches it against any
// estate; the emulator's estate also gives the exact number each filter must match.
func TestAccCustomersDataSource_filters(t *testing.T) {
	t.Parallel()
	env, ids := acctest.NewEstateEnv(t)
	checks := []statecheck.StateCheck{}
	for _, out := range []string{"by_name", "by_domain", "by_both"} {
		checks = append(checks,
			statecheck.ExpectKnownOutputValue(out+"_all_match", knownvalue.Bool(true)),
			statecheck.ExpectKnownOutputValue(out+"_has_known", knownvalue.Bool(true)))
	}
	if env.Emulator != nil {
		known, _ := env.Emulator.Company(env.CustomerID)
		namePrefix := strings.ToLower(known.Name[:4])
		count := func(match func(emulator.Company) bool) knownvalue.Check {
			n := 0
			for _, id := range ids {
				if c, _ := env.Emulator.Company(id); match(c) {
					n++
				}
			}
			return knownvalue.SetSizeExact(n)
		}
		byName := func(c emulator.Company) bool { return strings.HasPrefix(strings.ToLower(c.Name), namePrefix) }
		byDomain := func(c emulator.Company) bool { return strings.EqualFold(c.Domain, known.Domain) }
		// The name prefix matches a hundred customers and the domain one: both must give that one.
		checks = append(checks,
			statecheck.ExpectKnownValue("data.partnercenter_customers.by_name", tfjsonpath.New("ids"), count(byName)),
			statecheck.ExpectKnownValue("data.partnercenter_customers.by_domain", tfjsonpath.New("ids"), count(byDomain)),
			statecheck.ExpectKnownValue("data.partnercenter_customers.by_both", tfjsonpath.New("ids"),
				count(func(c emulator.Company) bool { return byName(c) && byDomain(c) })))
	}
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.Config(`
data "partnercenter_customer" "known" {
  customer_id = "%[1]s"
}

locals {
  name_prefix = lower(substr(data.partnercenter_customer.known.company_name, 0, 4))
  domain      = upper(data.partnercenter_customer.known.domain)
}

data "partnercenter_customers" "by_name" {
  company_name_prefix = local.name_prefix
}

data "partnercenter_customers" "by_domain" {
  domain_prefix = local.domain
}

data "partnercenter_customers" "by_both" {
  company_name_prefix = local.name_prefix
  domain_prefix       = local.domain
}

output "by_name_all_match" {
  value = alltrue([for c in data.partnercenter_customers.by_name.customers : startswith(lower(c.company_name), local.name_prefix)])
}
output "by_domain_all_match" {
  value = alltrue([for c in data.partnercenter_customers.by_domain.customers : startswith(upper(c.domain), local.domain)])
}
output "by_both_all_match" {
  value = alltrue([for c in data.partnercenter_customers.by_both.customers :
  startswith(lower(c.company_name), local.name_prefix) && startswith(upper(c.domain), local.domain)])
}
output "by_name_has_known" {
  value = contains(data.partnercenter_customers.by_name.ids, "%[1]s")
}
output "by_domain_has_known" {
  value = contains(data.partnercenter_customers.by_domain.ids, "%[1]s")
}
output "by_both_has_known" {
  value = contains(data.partnercenter_customers.by_both.ids, "%[1]s")
}
`),
			ConfigStateChecks: checks,
		}},
	})
}

func TestAccCustomersDataSource_throttledPageIsRetried(t *testing.T) {
	t.Parallel()
	env, ids := acctest.NewEstateEnv(t)
	env.NeedsEmulator(t)
	env.Emulator.Inject(emulator.Fault{Method: "GET", Status: 429})
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config:            env.Config(`data "partnercenter_customers" "all" {}`),
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(testCustomers, tfjsonpath.New("ids"), knownvalue.SetSizeExact(len(ids)))},
			Check:             env.ExpectStatusCount(429, 1),
		}},
	})
}

func TestAccCustomersDataSource_expiredContinuationTokensFailClearly(t *testing.T) {
	t.Parallel()
	env, _ := acctest.NewEstateEnv(t)
	env.NeedsEmulator(t)
	env.Emulator.SetContinuationTokenLifetime(1) // every token has expired by the time it comes back
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config:      env.Config(`data "partnercenter_customers" "all" {}`),
			ExpectError: acctest.DiagnosticPattern("Could not page through the customer list", "page 2", "HTTP 400", "continuation token has expired", acctest.PartnerCenterRequestIDs),
		}},
	})
}
