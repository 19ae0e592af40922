// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/settings"
)

// These tests set environment variables, so they cannot run in parallel.

func TestAccProvider_missingCredentialIsAConfigurationError(t *testing.T) {
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	t.Setenv(settings.EnvAccessToken, "")
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: `
provider "partnercenter" {}
resource "partnercenter_customer_billing_profile" "test" {
  customer_id = "` + env.CustomerID + `"
}`,
			ExpectError: acctest.DiagnosticPattern("No Partner Center credential", "access_token", settings.EnvAccessToken),
		}},
	})
}

func TestAccProvider_configuredFromEnvironment(t *testing.T) {
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	baseURL := regexp.MustCompile(`base_url\s*=\s*"([^"]+)"`).FindStringSubmatch(env.ProviderConfig)[1]
	t.Setenv(settings.EnvBaseURL, baseURL)
	t.Setenv(settings.EnvAccessToken, acctest.EmulatorToken)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: `
provider "partnercenter" {}
resource "partnercenter_customer_billing_profile" "test" {
  customer_id  = "` + env.CustomerID + `"
  company_name = "From the environment"
}`,
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue("partnercenter_customer_billing_profile.test",
				tfjsonpath.New("company_name"), knownvalue.StringExact("From the environment"))},
		}},
	})
}

func TestAccProvider_invalidBaseURL(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "partnercenter" {
  base_url     = "api.partnercenter.microsoft.com"
  access_token = "x"
}
data "partnercenter_customer_billing_profile" "test" {
  customer_id = "` + framework.ExampleGUID + `"
}`,
			ExpectError: acctest.DiagnosticPattern("Invalid base_url", `base_url \(or PARTNERCENTER_BASE_URL\) "api.partnercenter.microsoft.com" has no scheme: write it as https://api.partnercenter.microsoft.com`),
		}},
	})
}

// clearCredentialEnv clears every setting's environment variable, so that a developer's own
// settings do not change a test's outcome.
func clearCredentialEnv(t *testing.T) {
	t.Helper()
	for _, v := range credentialEnvVars {
		t.Setenv(v, "")
	}
}

// A configuration that manages GDAP alone needs a Graph credential alone; a token is for one API,
// so a Graph token alone is no Partner Center credential, and a Partner Center call says so,
// naming the Graph token as found, for Microsoft Graph only.
func TestAccProvider_aGraphTokenAloneServesGDAPAndIsNoPartnerCenterCredential(t *testing.T) {
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	clearCredentialEnv(t)
	t.Setenv(settings.EnvGraphAccessToken, acctest.EmulatorGraphToken)
	provider := `
provider "partnercenter" {
  base_url       = "` + env.BaseURL + `"
  graph_base_url = "` + env.BaseURL + `"
}
`
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config: provider + `
data "partnercenter_delegated_admin_relationships" "all" {}`,
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue("data.partnercenter_delegated_admin_relationships.all",
					tfjsonpath.New("relationships"), knownvalue.ListSizeExact(0))},
			},
			{
				Config: provider + `
data "partnercenter_customer_billing_profile" "test" {
  customer_id = "` + env.CustomerID + `"
}`,
				ExpectError: acctest.DiagnosticPattern("No Partner Center credential", `Found: graph_access_token \(Microsoft Graph only\)`),
			},
		},
	})
}

// graph_base_url is read from PARTNERCENTER_GRAPH_BASE_URL and held to the same rule as base_url.
func TestAccProvider_graphBaseURLFromTheEnvironmentIsChecked(t *testing.T) {
	clearCredentialEnv(t)
	t.Setenv(settings.EnvGraphBaseURL, "graph.microsoft.com")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "partnercenter" {
  access_token = "x"
}
data "partnercenter_customer_billing_profile" "test" {
  customer_id = "` + framework.ExampleGUID + `"
}`,
			ExpectError: acctest.DiagnosticPattern("Invalid graph_base_url",
				`graph_base_url \(or PARTNERCENTER_GRAPH_BASE_URL\) "graph.microsoft.com" has no scheme: write it as https://graph.microsoft.com`),
		}},
	})
}
