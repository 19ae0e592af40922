// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package consent_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

// noConsentWrites checks no consent was made or removed since the step began.
func noConsentWrites(env *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		for _, r := range env.Emulator.Requests() {
			if strings.Contains(r.Path, "/applicationconsents") {
				return fmt.Errorf("an in-place change sent %s %s", r.Method, r.Path)
			}
		}
		return nil
	}
}

// TestAccApplicationConsent_changesThatTouchNothingAreInPlace holds the changes that change nothing
// in the tenant: a display name (recorded only), the case of the ids, and read_back either way.
func TestAccApplicationConsent_changesThatTouchNothingAreInPlace(t *testing.T) {
	t.Parallel()
	env := acctest.NewAppUserEnv(t)
	withConsentRole(t, env)
	scopes := []string{"User.Read.All"}
	named := func(name string, extra ...string) string {
		return consentConfig(env, acctest.AuthClient, scopes, append([]string{fmt.Sprintf("display_name = %q", name)}, extra...)...)
	}
	// inPlace is a step whose plan updates the consent in place, changing exactly the attributes
	// changed, and whose apply sends nothing to Partner Center.
	inPlace := func(config string, changed []string, checks ...statecheck.StateCheck) resource.TestStep {
		return resource.TestStep{
			PreConfig: env.Emulator.ResetRequests,
			Config:    config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(consentAddr, plancheck.ResourceActionUpdate),
				acctest.ExpectPlannedChanges(consentAddr, changed...),
			}},
			ConfigStateChecks: checks,
			Check:             noConsentWrites(env),
		}
	}
	sp := tfjsonpath.New("service_principal_id")
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		Steps: []resource.TestStep{
			{Config: named("Partner automation")},
			inPlace(named("Automation"), []string{"display_name"}),
			// trusting Partner Center drops the service principal the tenant showed, and reading again finds it
			inPlace(named("Automation", `read_back = "partner_center"`), []string{"read_back", "service_principal_id"},
				statecheck.ExpectKnownValue(consentAddr, sp, knownvalue.Null())),
			inPlace(named("Automation"), []string{"read_back", "service_principal_id"},
				statecheck.ExpectKnownValue(consentAddr, sp, knownvalue.StringRegexp(guid))),
			inPlace(strings.Replace(named("Automation"), env.CustomerID, strings.ToUpper(env.CustomerID), 1), []string{"customer_id"},
				statecheck.ExpectIdentity(consentAddr, map[string]knownvalue.Check{ // the identity keeps Graph's lower case
					"customer_id": knownvalue.StringExact(env.CustomerID), "application_id": knownvalue.StringExact(acctest.AuthClient)}),
				statecheck.ExpectKnownValue(consentAddr, tfjsonpath.New("customer_id"), knownvalue.StringExact(strings.ToUpper(env.CustomerID)))),
		},
	})
}

// TestAccApplicationConsent_plansSayWhatAChangeDoesToTheApp holds the warnings a reviewer reads: a
// replacement stops the application in the tenant in between, and a display name is only recorded.
func TestAccApplicationConsent_plansSayWhatAChangeDoesToTheApp(t *testing.T) {
	t.Parallel()
	env := acctest.NewAppUserEnv(t)
	withConsentRole(t, env)
	cli := acctest.NewCLI(t)
	cli.Apply(t, consentConfig(env, acctest.AuthClient, []string{"User.Read.All"}, `display_name = "Partner automation"`))
	for name, tt := range map[string]struct{ config, summary, says string }{
		"other grants": {consentConfig(env, acctest.AuthClient, []string{"User.Read.All", "Directory.Read.All"},
			`display_name = "Partner automation"`), "Application consent replaced", "the application stops working there"},
		"another display name": {consentConfig(env, acctest.AuthClient, []string{"User.Read.All"}, `display_name = "Automation"`),
			"Display name recorded, not sent", "nothing is sent"},
	} {
		diags := cli.Plan(t, tt.config, 0)
		if d, ok := acctest.FindDiagnostic(diags, "warning", tt.summary); !ok || !strings.Contains(d.Detail, tt.says) {
			t.Errorf("%s: the plan does not warn %q saying %q: %+v", name, tt.summary, tt.says, diags)
		}
	}
	env.Emulator.ResetRequests()
	cli.Apply(t, env.ProviderConfig) // the consent left the configuration: destroyed
	for _, r := range env.Emulator.Requests() {
		if r.Method == http.MethodDelete && strings.Contains(r.Path, "/applicationconsents/") {
			return
		}
	}
	t.Error("destroy removed no consent")
}
