// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

func TestAccBillingProfile_raceKeepsConcurrentChangeToUnsetAttribute(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: env.Config(profileConfig("Contoso", "Redmond"))},
			{
				// Someone changes culture, which the configuration does not set, between
				// Terraform's refresh and its PUT.
				PreConfig: func() {
					env.Emulator.Inject(emulator.Fault{Method: "PUT", Mutate: func(p map[string]any) { p["culture"] = "fr-FR" }})
				},
				Config: env.Config(profileConfig("Contoso Raced", "Redmond")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{acctest.ExpectPlannedChanges(testProfile, "company_name", "etag")},
					// The refresh reads the other writer's culture; the configuration does not set
					// it, so there is nothing to do.
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				// The state keeps the planned culture until the next refresh; Partner Center
				// keeps the other writer's.
				ConfigStateChecks: []statecheck.StateCheck{
					expectString("company_name", "Contoso Raced"),
					expectString("culture", "en-US"),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					expectStored(env, "culture", "fr-FR"),
					expectStored(env, "companyName", "Contoso Raced"),
					expectOperations(env, []string{"PUT"}, []string{"PUT", "GET", "PUT"}),
					env.ExpectStatusCount(412, 1),
				),
			},
			{
				Config:            env.Config(profileConfig("Contoso Raced", "Redmond")),
				ConfigStateChecks: []statecheck.StateCheck{expectString("culture", "fr-FR")},
			},
		},
	})
}

// TestAccBillingProfile_raceIsReportedInAWarning checks what the user reads when another writer
// changes an attribute the configuration does not set while Terraform applies.
func TestAccBillingProfile_raceIsReportedInAWarning(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	cli := acctest.NewCLI(t)
	// Adopting the values the profile holds writes nothing and warns of nothing.
	if diags := cli.Apply(t, env.Config(profileConfig("Contoso Ltd", "Redmond"))); len(diags) != 0 {
		t.Fatalf("adopting: unexpected diagnostics %+v", diags)
	}
	env.Emulator.Inject(emulator.Fault{Method: "PUT", Mutate: func(p map[string]any) {
		p["culture"] = "fr-FR"
		p["defaultAddress"].(map[string]any)["phoneNumber"] = "4255550199"
	}})
	diags := cli.Apply(t, env.Config(profileConfig("Contoso Raced", "Redmond")))
	w, ok := acctest.FindDiagnostic(diags, "warning", "Billing profile changed in Partner Center during apply")
	if !ok {
		t.Fatalf("no warning about the other writer; diagnostics: %+v", diags)
	}
	for _, want := range []string{`culture: "fr-FR" in Partner Center, was "en-US"`,
		`default_address.phone_number: "4255550199" in Partner Center, was "4255550100"`, env.CustomerID} {
		if !strings.Contains(w.Detail, want) {
			t.Errorf("the warning does not say %q:\n%s", want, w.Detail)
		}
	}
	// The state still holds the planned values; an apply that does not refresh starts from the
	// profile as the last apply left it, so it finds nothing new to report.
	if diags := cli.Apply(t, env.Config(profileConfig("Contoso Raced Again", "Redmond")), "-refresh=false"); len(diags) != 0 {
		t.Errorf("an apply after the race warned again: %+v", diags)
	}
	if p, _ := env.Emulator.Profile(env.CustomerID); p["culture"] != "fr-FR" || p["companyName"] != "Contoso Raced Again" {
		t.Errorf("Partner Center holds culture %v and company name %v, want fr-FR and Contoso Raced Again", p["culture"], p["companyName"])
	}
	if cli.PlanHasChanges(t) {
		t.Error("the plan after the race proposes changes, want none")
	}
}

func TestAccBillingProfile_neverEndingConflictFailsClearly(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	n := 0
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: env.Config(profileConfig("Contoso", "Redmond"))},
			{
				PreConfig: func() {
					env.Emulator.Inject(emulator.Fault{Method: "PUT", Times: 100, Mutate: func(p map[string]any) {
						n++
						p["culture"] = fmt.Sprintf("en-%02d", n)
					}})
				},
				Config:      env.Config(profileConfig("Contoso Never", "Redmond")),
				ExpectError: acctest.DiagnosticPattern("Billing profile update conflicted", "Another writer kept changing", "HTTP 412", acctest.PartnerCenterRequestIDs),
			},
		},
	})
}

func TestAccBillingProfile_driftIsCorrected(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: env.Config(profileConfig("Contoso", "Redmond"))},
			{
				PreConfig: func() {
					_ = env.Emulator.ChangeProfile(env.CustomerID, func(p map[string]any) {
						p["companyName"] = "Changed in the portal"
						p["language"] = "de"
					})
				},
				Config: env.Config(profileConfig("Contoso", "Redmond")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testProfile, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{expectString("company_name", "Contoso"), expectString("language", "de")},
				Check:             expectStored(env, "language", "de"),
			},
		},
	})
}

func TestAccBillingProfile_unknownCustomer(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.ProviderConfig + `
resource "partnercenter_customer_billing_profile" "test" {
  customer_id = "00000000-0000-4000-8000-0000000000ff"
}`,
			ExpectError: acctest.DiagnosticPattern("Customer not found", "HTTP 404", "code 60003", acctest.PartnerCenterRequestIDs),
		}},
	})
}

// A customer Partner Center no longer has fails the plan with one error, whatever the
// configuration holds: the plan cannot adopt its profile again, and says what to do. Once the
// resource leaves the configuration, the plan is empty and the apply forgets it.
func TestAccBillingProfile_aCustomerThatIsGoneFailsThePlanWithOneError(t *testing.T) {
	t.Parallel()
	configs := map[string]string{
		"a company name":    companyOnlyConfig,
		"a partial address": profileConfig("Contoso", "Bellevue"),
		"no attribute":      "resource \"partnercenter_customer_billing_profile\" \"test\" {\n  customer_id = \"%[1]s\"\n}\n",
	}
	for name, config := range configs {
		t.Run("a configuration with "+name, func(t *testing.T) {
			t.Parallel()
			env := acctest.NewEnv(t)
			env.NeedsEmulator(t)
			env.Run(t, resource.TestCase{
				Steps: []resource.TestStep{
					{Config: env.Config(config)},
					{
						PreConfig: func() { env.Emulator.DeleteCustomer(env.CustomerID) },
						Config:    env.Config(config),
						ExpectError: acctest.DiagnosticPattern("Customer no longer exists", "customer "+env.CustomerID+" no longer exists",
							"Remove this resource from the configuration", "HTTP 404", "60003", acctest.PartnerCenterRequestIDs),
					},
					{
						Config: env.Config(""),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
						},
						Check: func(s *terraform.State) error {
							if len(s.RootModule().Resources) != 0 {
								return fmt.Errorf("the state still holds %v", s.RootModule().Resources)
							}
							return nil
						},
					},
				},
			})
		})
	}
}

func TestAccBillingProfile_injectedFaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		fault emulator.Fault
		// Either the apply succeeds after the emulator answered status count times...
		status, count int
		// ...or it fails with this diagnostic.
		expectError *regexp.Regexp
	}{
		{name: "throttling is waited out", fault: emulator.Fault{Times: 2, Status: 429, RetryAfter: time.Second}, status: 429, count: 2},
		{name: "server errors are retried", fault: emulator.Fault{Method: "PUT", Times: 2, Status: 503}, status: 503, count: 2},
		{
			name: "a persistent server error fails with the request ids", fault: emulator.Fault{Method: "PUT", Times: 100, Status: 500},
			expectError: acctest.DiagnosticPattern("Partner Center request failed", "HTTP 500", acctest.PartnerCenterRequestIDs),
		},
		{
			name: "a server-side validation error names the attribute",
			fault: emulator.Fault{Method: "PUT", Status: 400, ContentType: "application/json",
				Body: `{"code":27002,"description":"A property has invalid data.","data":["postalCode: PostalCodeInvalid - The postal code is not valid for WA."]}`},
			expectError: acctest.DiagnosticPattern("Partner Center rejected the billing profile",
				"Attribute default_address.postal_code: PostalCodeInvalid", "code 27002", acctest.PartnerCenterRequestIDs),
		},
		{
			name: "a proxy's HTML page is summarised", fault: emulator.Fault{Times: 100, Status: 502, ContentType: "text/html", Body: "<html><title>502 Bad Gateway</title></html>"},
			expectError: acctest.DiagnosticPattern("Partner Center request failed", "HTTP 502", "unexpected text/html response body", "502 Bad Gateway", acctest.PartnerCenterRequestIDs),
		},
		{
			name: "malformed JSON is reported with the request id", fault: emulator.Fault{Times: 100, Status: 200, ContentType: "application/json", Body: `{"id": tru`},
			expectError: acctest.DiagnosticPattern("Unusable answer from Partner Center", "wrote nothing from it", "HTTP 200", "MS-RequestId"),
		},
		{
			name: "a connection reset mid-body is reported", fault: emulator.Fault{Times: 100, Reset: true},
			expectError: acctest.DiagnosticPattern("Partner Center request failed", "reading response", "unexpected EOF"),
		},
		{
			name: "403 points at the relationship and GDAP roles", fault: emulator.Fault{Times: 100, Status: 403},
			expectError: acctest.DiagnosticPattern("Access to the customer denied", "GDAP role", "HTTP 403", acctest.PartnerCenterRequestIDs),
		},
		{
			name: "412s without another writer are not blamed on one", fault: emulator.Fault{Method: "PUT", Times: 100, Status: 412},
			expectError: acctest.DiagnosticPattern("Billing profile update refused", "no other writer is to blame", "412", acctest.PartnerCenterRequestIDs),
		},
		{
			name: "409 is reported, not retried", fault: emulator.Fault{Method: "PUT", Times: 100, Status: 409},
			expectError: acctest.DiagnosticPattern("Partner Center request failed", "HTTP 409", acctest.PartnerCenterRequestIDs),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			env := acctest.NewEnv(t)
			env.NeedsEmulator(t)
			env.Emulator.Inject(tt.fault)
			config := env.Config(profileConfig("Contoso Faulted", "Redmond"))
			steps := []resource.TestStep{{Config: config, ExpectError: tt.expectError}}
			if tt.expectError == nil {
				steps[0].ConfigStateChecks = []statecheck.StateCheck{expectString("company_name", "Contoso Faulted")}
				steps[0].Check = env.ExpectStatusCount(tt.status, tt.count)
			} else {
				// Once the fault is gone, the next plan and apply work from the state it left.
				steps = append(steps, resource.TestStep{
					PreConfig:         env.Emulator.ClearFaults,
					Config:            config,
					ConfigStateChecks: []statecheck.StateCheck{expectString("company_name", "Contoso Faulted")},
				})
			}
			env.Run(t, resource.TestCase{Steps: steps})
		})
	}
}

func TestAccBillingProfile_unreachablePartnerCenter(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close() // nothing listens there any more: connection refused
	refused := regexp.MustCompile(`(?m)^(\s*)base_url\s*=\s*"[^"]+"`).ReplaceAllString(env.Config(profileConfig("Contoso", "Redmond")), `${1}base_url = "`+closed.URL+`"`)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: refused, ExpectError: acctest.DiagnosticPattern("Could not reach Partner Center", "Check base_url", "connection refused")},
			{Config: env.Config(profileConfig("Contoso", "Redmond")), ConfigStateChecks: []statecheck.StateCheck{expectString("company_name", "Contoso")}},
		},
	})
}

func TestAccBillingProfile_rejectedTokenSaysWhichCredential(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config:      regexp.MustCompile(`(?m)^(\s*)access_token\s*=\s*"[^"]*"`).ReplaceAllString(env.Config(profileConfig("Contoso", "Redmond")), `${1}access_token = "expired"`),
			ExpectError: acctest.DiagnosticPattern("Partner Center rejected the credential", "access_token", "HTTP 401", acctest.PartnerCenterRequestIDs),
		}},
	})
}

func TestAccBillingProfile_hungServiceHitsTheConfiguredTimeout(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Emulator.Inject(emulator.Fault{Method: "GET", Delay: time.Minute})
	// Without the timeout the hung GET would answer after a minute and the apply would succeed.
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.Config(`
resource "partnercenter_customer_billing_profile" "test" {
  customer_id = "%[1]s"
  timeouts = {
    create = "2s"
  }
}`),
			ExpectError: acctest.DiagnosticPattern("Timed out", "Raise timeouts.create", "context deadline exceeded"),
		}},
	})
}

// Only Partner Center's own answer that the customer does not exist removes a profile from
// state: any other failure of a refresh (another 404, a refused credential, a server error, a
// timeout) fails the plan and leaves the state as it was.
func TestAccBillingProfile_failedRefreshKeepsTheResourceInState(t *testing.T) {
	t.Parallel()
	withReadTimeout := `
resource "partnercenter_customer_billing_profile" "test" {
  customer_id = "%[1]s"
  timeouts = {
    read = "2s"
  }
}`
	tests := []struct {
		name   string
		fault  *emulator.Fault
		body   string // the configuration, profileConfig when empty
		faulty func(config string) string
		want   *regexp.Regexp
	}{
		{
			name:  "a proxy's HTML 404 page",
			fault: &emulator.Fault{Method: "GET", Times: 100, Status: 404, ContentType: "text/html", Body: "<html><h1>404 Not Found</h1></html>"},
			want:  acctest.DiagnosticPattern("Partner Center endpoint not found", "Check base_url", "HTTP 404", "text/html", acctest.PartnerCenterRequestIDs),
		},
		{
			name: "a wrong base_url path",
			faulty: func(config string) string {
				return regexp.MustCompile(`(?m)^(\s*)base_url\s*=\s*"([^"]+)"`).ReplaceAllString(config, `${1}base_url = "$2/partnercenter"`)
			},
			want: acctest.DiagnosticPattern("Partner Center endpoint not found", "HTTP 404"),
		},
		{
			name:  "a refused token",
			fault: &emulator.Fault{Method: "GET", Times: 100, Status: 401},
			want:  acctest.DiagnosticPattern("Partner Center rejected the credential", "HTTP 401", acctest.PartnerCenterRequestIDs),
		},
		{
			name:  "a removed GDAP role",
			fault: &emulator.Fault{Method: "GET", Times: 100, Status: 403},
			want:  acctest.DiagnosticPattern("Access to the customer denied", "GDAP role", "HTTP 403", acctest.PartnerCenterRequestIDs),
		},
		{
			name:  "a server error that outlasts the retries",
			fault: &emulator.Fault{Method: "GET", Times: 100, Status: 503},
			want:  acctest.DiagnosticPattern("Partner Center request failed", "HTTP 503", acctest.PartnerCenterRequestIDs),
		},
		{
			name:  "a refresh that times out",
			fault: &emulator.Fault{Method: "GET", Delay: time.Minute},
			body:  withReadTimeout,
			want:  acctest.DiagnosticPattern("Timed out", "timeouts.read"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			env := acctest.NewEnv(t)
			env.NeedsEmulator(t)
			body := tt.body
			if body == "" {
				body = profileConfig("Contoso", "Redmond")
			}
			config := env.Config(body)
			faulty := config
			if tt.faulty != nil {
				faulty = tt.faulty(config)
			}
			env.Run(t, resource.TestCase{Steps: []resource.TestStep{
				{Config: config},
				{
					PreConfig: func() {
						if tt.fault != nil {
							env.Emulator.Inject(*tt.fault)
						}
					},
					Config:      faulty,
					PlanOnly:    true,
					ExpectError: tt.want,
				},
				{
					// Had the refresh forgotten the profile, this plan would adopt it again.
					PreConfig:        env.Emulator.ClearFaults,
					Config:           config,
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
			}})
		})
	}
}

// Every PUT names the version of the profile that the state holds, as If-Match: a PUT without it,
// or with another ETag, could overwrite a change Terraform never saw.
func TestAccBillingProfile_everyPutCarriesTheETagStateHolds(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	var etags []string
	captureETag := func(s *terraform.State) error {
		etags = append(etags, s.RootModule().Resources[testProfile].Primary.Attributes["etag"])
		return nil
	}
	lastPutIfMatch := func() string {
		var last string
		for _, r := range env.Emulator.Requests() {
			if r.Method == "PUT" {
				last = r.IfMatch
			}
		}
		return last
	}
	var checks []resource.TestStep
	for i, name := range []string{"Contoso One", "Contoso Two", "Contoso Three"} {
		step := resource.TestStep{Config: env.Config(profileConfig(name, "Redmond")), Check: captureETag}
		if i > 0 {
			step.Check = resource.ComposeTestCheckFunc(func(*terraform.State) error {
				if got, want := lastPutIfMatch(), `"`+etags[len(etags)-1]+`"`; got != want {
					return fmt.Errorf("the update sent If-Match %s, want the ETag state held, %s", got, want)
				}
				return nil
			}, captureETag)
		}
		checks = append(checks, step)
	}
	env.Run(t, resource.TestCase{Steps: checks})
	if len(etags) != 3 || etags[0] == etags[1] || etags[1] == etags[2] {
		t.Errorf("ETags in state after each apply: %q, want three different ones", etags)
	}
}
