// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// Answers that cannot be trusted, injected through terraform: what a user sees when an answer is
// incomplete or empty, when a call times out, and when a token endpoint echoes the request.

func TestAccBillingProfile_anIncompleteProfileIsNeverWrittenBack(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Emulator.Inject(emulator.Fault{Method: "GET", Times: 100, Status: 200, ContentType: "application/json",
		Body: `{"attributes":{"etag":"-10"}}`})
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config:      env.Config(companyConfig("Contoso Adopted", "")),
			ExpectError: acctest.DiagnosticPattern("Unusable answer from Partner Center", "answer cannot be used", "lacks companyName, culture, language", "HTTP 200 OK", acctest.PartnerCenterRequestIDs),
		}},
		CheckDestroy: func(s *terraform.State) error {
			if n := env.Emulator.Count("PUT", ""); n != 0 {
				return fmt.Errorf("%d PUTs were sent from an incomplete profile, want none", n)
			}
			return storedKeepsSeededFields(env)(s)
		},
	})
}

func TestAccBillingProfile_aNullAnswerToAnUpdateLeavesAUsableState(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: env.Config(companyConfig("Contoso", ""))},
			{
				PreConfig: func() {
					env.Emulator.Inject(emulator.Fault{Method: "PUT", Status: 200, ContentType: "application/json", Body: "null"})
				},
				Config:      env.Config(companyConfig("Contoso Renamed", "")),
				ExpectError: acctest.DiagnosticPattern("may have been applied", "answer cannot be used", "lacks attributes.etag", "HTTP 200 OK", acctest.PartnerCenterRequestIDs),
			},
			{
				// The next apply reads the profile and finishes the change.
				Config: env.Config(companyConfig("Contoso Renamed", "")),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("partnercenter_customer_billing_profile.test", "company_name", "Contoso Renamed"),
					resource.TestCheckResourceAttr("partnercenter_customer_billing_profile.test", "culture", "en-US"),
					storedKeepsSeededFields(env),
				),
			},
		},
	})
}

func TestAccBillingProfileDataSource_refusesAnEmptyAnswer(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Emulator.Inject(emulator.Fault{Method: "GET", Times: 100, Status: 200, ContentType: "application/json", Body: "{}"})
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config:      env.Config("data \"partnercenter_customer_billing_profile\" \"x\" {\n  customer_id = \"%[1]s\"\n}\n"),
			ExpectError: acctest.DiagnosticPattern("answer cannot be used", "lacks attributes.etag", "HTTP 200 OK", acctest.PartnerCenterRequestIDs),
		}},
	})
}

func TestAccBillingProfile_aTimeoutSaysWhatItWaitedFor(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: env.Config(companyConfig("Contoso", ""))},
			{
				PreConfig: func() {
					env.Emulator.Inject(emulator.Fault{Method: "PUT", Times: 100, Status: 429, RetryAfter: 24 * time.Hour})
				},
				Config: env.Config(companyConfig("Contoso Throttled", "  timeouts = {\n    update = \"3s\"\n  }\n")),
				ExpectError: acctest.DiagnosticPattern("Timed out", "timed out after", "while Partner Center answered 429 Too Many Requests",
					`\(Retry-After 86400 s`, "context deadline exceeded"),
			},
		},
	})
}

// Secrets of the refresh-token credential, with characters a form body encodes.
const (
	faultsTenant  = "6f1c2b3a-0000-4000-8000-00000000aaaa"
	faultsClient  = "11111111-0000-4000-8000-00000000bbbb"
	faultsSecret  = "Xy9~q+faults14/secret=value"
	faultsRefresh = "0.AXoA-faults14+refresh/token=="
)

func TestAccAuth_aTokenEndpointThatEchoesTheRequestShowsNoSecret(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Emulator.RegisterApp(emulator.App{TenantID: faultsTenant, ClientID: faultsClient, ClientSecret: faultsSecret})
	env.Emulator.AddRefreshToken(faultsClient, faultsRefresh)
	env.Emulator.InjectTokenFault(emulator.TokenFault{Status: 401, AADSTS: 7000215, Echo: true, Times: 100})
	config := fmt.Sprintf(`provider "partnercenter" {
  base_url      = %q
  authority_url = %q
  tenant_id     = %q
  client_id     = %q
  client_secret = %q
  refresh_token = %q
}
resource "partnercenter_customer_billing_profile" "test" {
  customer_id  = %q
  company_name = "Contoso"
}
`, env.BaseURL, env.BaseURL, faultsTenant, faultsClient, faultsSecret, faultsRefresh, env.CustomerID)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: config,
			// The echo reaches the output with *** where each secret was; the secrets' own
			// characters (~, +, /, =) would not match \*\*\*.
			ExpectError: acctest.DiagnosticPattern("AADSTS7000215", "The request was:", `client_secret=\*\*\*&`, `refresh_token=\*\*\*&`),
		}},
	})
}
