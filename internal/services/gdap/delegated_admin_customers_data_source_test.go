// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap_test

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

func TestAccDelegatedAdminCustomers_listsEveryPageAndReadsOnesPortals(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	seedRelationship(t, env, "Contoso 1", contoso, true, readerRole)
	seedRelationship(t, env, "Contoso 2", contoso, false, readerRole)
	seedRelationship(t, env, "Fabrikam", fabrikam, true, readerRole)
	env.Emulator.Graph().SetPageSize(1)

	customer := func(tenant string) knownvalue.Check {
		return knownvalue.ObjectExact(map[string]knownvalue.Check{"tenant_id": knownvalue.StringExact(tenant),
			"display_name": knownvalue.Null()})
	}
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.Config(`
data "partnercenter_delegated_admin_customers" "all" {}

data "partnercenter_delegated_admin_customer" "contoso" {
  tenant_id = "` + strings.ToUpper(contoso) + `"
}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.partnercenter_delegated_admin_customers.all", tfjsonpath.New("customers"),
					knownvalue.ListExact([]knownvalue.Check{customer(fabrikam), customer(contoso)})),
				statecheck.ExpectKnownValue("data.partnercenter_delegated_admin_customers.all", tfjsonpath.New("tenant_ids"),
					knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(contoso), knownvalue.StringExact(fabrikam)})),
				acctest.ExpectEveryAttribute("data.partnercenter_delegated_admin_customer.contoso", map[string]knownvalue.Check{
					"tenant_id": knownvalue.StringExact(strings.ToUpper(contoso)), "display_name": knownvalue.Null(),
					"service_management_details": knownvalue.ListExact([]knownvalue.Check{
						portal("AzurePortal", "Azure portal", "https://portal.azure.com/"+contoso),
						portal("Office365", "Microsoft 365 admin center",
							"https://admin.microsoft.com/Partner/BeginClientSession.aspx?CTID="+contoso+"&CSDEST=o365admincenter"),
						portal("EntraAdminCenter", "Microsoft Entra admin center", "https://entra.microsoft.com/"+contoso),
					}),
				}),
			},
		}},
	})
}

func portal(id, name, url string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.StringExact(id),
		"service_name": knownvalue.StringExact(name), "url": knownvalue.StringExact(url)})
}

func TestAccDelegatedAdminCustomer_aCustomerWithoutRelationshipIsNotFound(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.Config(`
data "partnercenter_delegated_admin_customer" "fabrikam" {
  tenant_id = "` + fabrikam + `"
}`),
			ExpectError: acctest.DiagnosticPattern("GDAP customer not found", "HTTP 404", acctest.GraphRequestIDs),
		}},
	})
}
