// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package consent_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator/graphemu"
)

// TestAccApplicationConsent_refusedAtPlan holds the refusals a plan makes before anything is sent:
// the partner's own tenant, a customer without the GDAP role a consent needs, and a read in
// customers' tenants that a static token cannot make.
func TestAccApplicationConsent_refusedAtPlan(t *testing.T) {
	t.Parallel()
	for name, tt := range map[string]struct {
		env    func(t *testing.T) *acctest.Env
		config func(env *acctest.Env) string
		want   *regexp.Regexp
	}{
		"the partner's own tenant": {
			env: acctest.NewAppUserEnv,
			config: func(env *acctest.Env) string {
				return strings.Replace(consentConfig(env, psaApp, []string{"User.Read.All"}), env.CustomerID, acctest.AuthTenant, 1)
			},
			want: acctest.DiagnosticPattern("The partner's own tenant", "customer_id "+acctest.AuthTenant+" is the partner's own tenant"),
		},
		"a customer without an application administrator role": {
			env: func(t *testing.T) *acctest.Env {
				env := acctest.NewAppUserEnv(t)
				withConsentRole(t, env, globalRead)
				return env
			},
			config: func(env *acctest.Env) string { return consentConfig(env, psaApp, []string{"User.Read.All"}) },
			want: acctest.DiagnosticPattern("No GDAP role to consent with", "Application Administrator or Cloud",
				`relationships: "Contoso apps" \(active\)`),
		},
		"a read in customers' tenants with a static token": {
			env: func(t *testing.T) *acctest.Env {
				env := acctest.NewEnv(t)
				env.NeedsEmulator(t)
				withConsentRole(t, env)
				return env
			},
			config: func(env *acctest.Env) string { return consentConfig(env, psaApp, []string{"User.Read.All"}) },
			want: acctest.DiagnosticPattern("Cannot read customers' tenants", "an access token is issued in one tenant",
				`read_back = "partner_center"`),
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := tt.env(t)
			env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
				Config: tt.config(env), PlanOnly: true, ExpectError: tt.want,
			}}})
			if _, ok := env.Emulator.Graph().ConsentOf(env.CustomerID, psaApp); ok {
				t.Error("a refused plan consented the application")
			}
		})
	}
}

// TestAccApplicationConsent_trustedWithoutReading consents with a static token, read_back =
// "partner_center": every plan says the consent is trusted without being read.
func TestAccApplicationConsent_trustedWithoutReading(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	withConsentRole(t, env)
	config := consentConfig(env, psaApp, []string{"User.Read.All"}, `read_back = "partner_center"`)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(consentAddr, tfjsonpath.New("service_principal_id"), knownvalue.Null()),
				statecheck.ExpectKnownValue(consentAddr, tfjsonpath.New("read_back"), knownvalue.StringExact("partner_center")),
			},
			Check: expectConsent(env, psaApp, "User.Read.All"),
		},
		{ // a scope removed in the tenant is not seen: that is what trusting means, and the plan says so
			PreConfig: func() {
				if err := env.Emulator.Graph().RevokeScope(env.CustomerID, psaApp, graphemu.GraphAppID, "User.Read.All"); err != nil {
					t.Fatal(err)
				}
			},
			Config:   config,
			PlanOnly: true,
		},
	}})
	cli := acctest.NewCLI(t)
	cli.Init(t, config)
	diags := cli.Plan(t, config, 0)
	if _, ok := acctest.FindDiagnostic(diags, "warning", "Application consent trusted, not read"); !ok {
		t.Errorf("the plan does not say the consent is trusted without being read: %+v", diags)
	}
}

// TestAccApplicationConsent_refusedByPartnerCenter holds Partner Center's refusals at apply: MFA
// missing from the partner user's sign-in, and an application consented already with other grants.
func TestAccApplicationConsent_refusedByPartnerCenter(t *testing.T) {
	t.Parallel()
	t.Run("without MFA", func(t *testing.T) {
		t.Parallel()
		env := acctest.NewAppUserEnv(t)
		withConsentRole(t, env)
		env.Emulator.SetConsentRequiresMFA(true)
		env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
			Config: consentConfig(env, acctest.AuthClient, []string{"User.Read.All"}),
			ExpectError: acctest.DiagnosticPattern("HTTP 401", "Multi-factor authentication is required",
				acctest.PartnerCenterRequestIDs),
		}}})
	})
	t.Run("consented already with other grants", func(t *testing.T) {
		t.Parallel()
		env := acctest.NewAppUserEnv(t)
		withConsentRole(t, env)
		if err := env.Emulator.Graph().Consent(env.CustomerID, acctest.AuthClient, "", map[string][]string{
			graphemu.GraphAppID: {"Directory.Read.All"}}); err != nil {
			t.Fatal(err)
		}
		env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
			Config: consentConfig(env, acctest.AuthClient, []string{"User.Read.All"}),
			ExpectError: acctest.DiagnosticPattern("Application consented with other grants",
				"In the tenant: "+graphemu.GraphAppID+": Directory.Read.All", "Configured: "+graphemu.GraphAppID+": User.Read.All"),
		}}})
		if err := expectConsent(env, acctest.AuthClient, "Directory.Read.All")(nil); err != nil {
			t.Error(err) // the consent found stays as it was
		}
	})
	t.Run("consented already with the same grants", func(t *testing.T) {
		t.Parallel()
		env := acctest.NewAppUserEnv(t)
		withConsentRole(t, env)
		if err := env.Emulator.Graph().Consent(env.CustomerID, acctest.AuthClient, "", map[string][]string{
			graphemu.GraphAppID: {"User.Read.All"}}); err != nil {
			t.Fatal(err)
		}
		env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
			Config: consentConfig(env, acctest.AuthClient, []string{"user.read.all"}),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(consentAddr, plancheck.ResourceActionCreate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(consentAddr, tfjsonpath.New("service_principal_id"), knownvalue.StringRegexp(guid)),
			},
		}}})
	})
}

// TestAccApplicationConsent_aTenantTheProviderCannotReadSaysTheChoice consents a PSA where the
// provider's own app is not consented: the create does not wait out a refusal, and the next
// refresh fails naming what the tenant needs and the read_back choice, instead of reporting the
// consent gone.
func TestAccApplicationConsent_aTenantTheProviderCannotReadSaysTheChoice(t *testing.T) {
	t.Parallel()
	env := acctest.NewAppUserEnv(t)
	withConsentRole(t, env)
	started := time.Now()
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: consentConfig(env, psaApp, []string{"User.Read.All"}),
		ExpectError: acctest.DiagnosticPattern("Could not get a Microsoft Graph in customer tenant "+env.CustomerID+" token",
			"AADSTS65001", `read_back = "partner_center"`),
	}}})
	made := 0
	for _, r := range env.Emulator.Requests() {
		if r.Method == http.MethodPost && strings.HasSuffix(r.Path, "/applicationconsents") && r.Status == http.StatusCreated {
			made++
		}
	}
	if made != 1 {
		t.Errorf("%d consents made, want 1", made)
	}
	if waited := time.Since(started); waited > time.Minute {
		t.Errorf("the create waited %s on a refusal that waiting does not change", waited)
	}
}
