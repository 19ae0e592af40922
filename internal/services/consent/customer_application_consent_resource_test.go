// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package consent_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator/graphemu"
)

var guid = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// TestAccApplicationConsent_consentedReadBackAndDriftPlannedBack consents the provider's own app
// (the first consent of an onboarding, which lets it read the tenant), then a removed scope and a
// deleted service principal in the tenant are each planned back, and destroy removes the consent.
func TestAccApplicationConsent_consentedReadBackAndDriftPlannedBack(t *testing.T) {
	t.Parallel()
	env := acctest.NewAppUserEnv(t)
	withConsentRole(t, env)
	scopes := []string{"Directory.Read.All", "User.Read.All"}
	config := consentConfig(env, acctest.AuthClient, scopes, `display_name = "Partner automation"`)
	env.Run(t, resource.TestCase{
		CheckDestroy: func(*terraform.State) error { return expectNoConsent(env, acctest.AuthClient)(nil) },
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectEveryAttribute(consentAddr, map[string]knownvalue.Check{
					"id":                   knownvalue.StringExact(env.CustomerID + "/" + acctest.AuthClient),
					"customer_id":          knownvalue.StringExact(env.CustomerID),
					"application_id":       knownvalue.StringExact(acctest.AuthClient),
					"display_name":         knownvalue.StringExact("Partner automation"),
					"read_back":            knownvalue.StringExact("tenant"),
					"service_principal_id": knownvalue.StringRegexp(guid),
					"grants": knownvalue.SetExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
						"resource_application_id": knownvalue.StringExact(graphemu.GraphAppID),
						"scopes": knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("Directory.Read.All"),
							knownvalue.StringExact("User.Read.All")}),
					})}),
					"timeouts": knownvalue.Null(),
				})},
				Check: expectConsent(env, acctest.AuthClient, scopes...),
			},
			{ // nothing to do
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{ // a scope removed in the tenant is planned back: a replacement, as Partner Center cannot change a consent
				PreConfig: func() {
					if err := env.Emulator.Graph().RevokeScope(env.CustomerID, acctest.AuthClient, graphemu.GraphAppID, "User.Read.All"); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(consentAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: expectConsent(env, acctest.AuthClient, scopes...),
			},
			{ // a service principal deleted in the tenant is consented again: for the provider's own app,
				// Entra ID's refusal of a Graph token there (AADSTS65001) says its consent on Graph is gone,
				// so the plan replaces it (Partner Center's delete finds none, and the create makes it anew)
				PreConfig: func() {
					if err := env.Emulator.Graph().RemoveConsent(env.CustomerID, acctest.AuthClient); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(consentAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: expectConsent(env, acctest.AuthClient, scopes...),
			},
		},
	})
}
