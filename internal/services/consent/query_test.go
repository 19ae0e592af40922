// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package consent_test

import (
	"fmt"
	"testing"

	"github.com/google/uuid"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator/graphemu"
)

// TestAccApplicationConsent_queryListsTheCustomersHoldingIt reads every customer's tenant: four
// hold the PSA's consent, one holds the provider's app alone, and one cannot be read (the
// provider's app is not consented there): listed in a warning, not taken for one without it.
func TestAccApplicationConsent_queryListsTheCustomersHoldingIt(t *testing.T) {
	t.Parallel()
	env := acctest.NewAppUserEnv(t)
	grants := map[string][]string{graphemu.GraphAppID: {"User.Read.All"}}
	consent := func(tenant string, apps ...string) {
		for _, app := range apps {
			if err := env.Emulator.Graph().Consent(tenant, app, "", grants); err != nil {
				t.Fatal(err)
			}
		}
	}
	var holding []string
	for i := range 6 {
		tenant := uuid.NewString()
		if err := env.Emulator.SeedDefaultCustomer(tenant); err != nil {
			t.Fatal(err)
		}
		if err := env.Emulator.SetCompany(tenant, emulator.Company{Name: fmt.Sprintf("Customer %d", i),
			Domain: fmt.Sprintf("customer%d.onmicrosoft.com", i)}); err != nil {
			t.Fatal(err)
		}
		switch {
		case i < 4:
			consent(tenant, acctest.AuthClient, psaApp)
			holding = append(holding, tenant)
		case i == 4:
			consent(tenant, acctest.AuthClient)
		}
	}
	const all = "partnercenter_customer_application_consent.psa"
	query := func(limit int) string {
		return fmt.Sprintf(`
list "partnercenter_customer_application_consent" "psa" {
  provider         = partnercenter
  include_resource = true
  limit            = %d
  config {
    application_id = %q
  }
}
`, limit, psaApp)
	}
	byCustomer := queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
		"customer_id": knownvalue.StringExact(holding[0]), "application_id": knownvalue.StringExact(psaApp)})
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		Steps: []resource.TestStep{
			{Config: env.ProviderConfig},
			{
				Query:  true,
				Config: query(100),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength(all, 4),
					querycheck.ExpectResourceDisplayName(all, byCustomer, knownvalue.StringExact("Customer 0: "+psaApp)),
					querycheck.ExpectResourceKnownValues(all, byCustomer, []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("read_back"), KnownValue: knownvalue.StringExact("tenant")},
						{Path: tfjsonpath.New("service_principal_id"), KnownValue: knownvalue.StringRegexp(guid)},
						{Path: tfjsonpath.New("grants"), KnownValue: knownvalue.SetExact([]knownvalue.Check{
							knownvalue.ObjectExact(map[string]knownvalue.Check{
								"resource_application_id": knownvalue.StringExact(graphemu.GraphAppID),
								"scopes":                  knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("User.Read.All")}),
							})})},
					}),
				},
			},
			{
				Query:             true,
				Config:            query(2),
				QueryResultChecks: []querycheck.QueryResultCheck{querycheck.ExpectLength(all, 2)},
			},
		},
	})
}
