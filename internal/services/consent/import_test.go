// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package consent_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator/graphemu"
)

// TestAccApplicationConsent_importedByIdentityWithoutAWrite imports a consent made in the portal by
// its identity, in upper case: the import reads it in the customer's tenant and writes nothing.
func TestAccApplicationConsent_importedByIdentityWithoutAWrite(t *testing.T) {
	t.Parallel()
	env := acctest.NewAppUserEnv(t)
	withConsentRole(t, env)
	for _, app := range []string{acctest.AuthClient, psaApp} {
		if err := env.Emulator.Graph().Consent(env.CustomerID, app, "", map[string][]string{
			graphemu.GraphAppID: {"User.Read.All", "Mail.Read"}}); err != nil {
			t.Fatal(err)
		}
	}
	env.Emulator.ResetRequests()
	config := consentConfig(env, psaApp, []string{"Mail.Read", "User.Read.All"}) + fmt.Sprintf(`
import {
  to       = %s
  identity = { customer_id = upper(%q), application_id = upper(%q) }
}
`, consentAddr, env.CustomerID, psaApp)
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		CheckDestroy:           func(*terraform.State) error { return expectNoConsent(env, psaApp)(nil) },
		Steps: []resource.TestStep{{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(consentAddr, plancheck.ResourceActionNoop),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(consentAddr, map[string]knownvalue.Check{
					"customer_id": knownvalue.StringExact(env.CustomerID), "application_id": knownvalue.StringExact(psaApp)}),
				statecheck.ExpectKnownValue(consentAddr, tfjsonpath.New("service_principal_id"), knownvalue.StringRegexp(guid)),
			},
			Check: env.EmulatorCheck(func() error {
				for _, r := range env.Emulator.Requests() {
					if r.Method != http.MethodGet {
						return fmt.Errorf("importing wrote: %s %s", r.Method, r.Path)
					}
				}
				return nil
			}),
		}},
	})
}

// TestAccApplicationConsent_createWaitsUntilTheConsentAppears holds that apply returns a consent
// as the tenant shows it, after the delay Partner Center's consents take to appear there.
func TestAccApplicationConsent_createWaitsUntilTheConsentAppears(t *testing.T) {
	t.Parallel()
	env := acctest.NewAppUserEnv(t)
	withConsentRole(t, env)
	env.Emulator.Graph().SetConsentDelay(2 * time.Second)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: consentConfig(env, acctest.AuthClient, []string{"User.Read.All"}),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(consentAddr, tfjsonpath.New("service_principal_id"), knownvalue.StringRegexp(guid)),
		},
		Check: env.EmulatorCheck(func() error {
			refused := 0
			for _, r := range env.Emulator.TokenRequests() {
				if strings.EqualFold(r.TenantID, env.CustomerID) && r.Status != http.StatusOK {
					refused++
				}
			}
			if refused == 0 {
				return fmt.Errorf("no read met the consent before it appeared: the delay was not waited through")
			}
			return nil
		}),
	}}})
}
