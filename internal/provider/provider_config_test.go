// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// These tests set environment variables, so they cannot run in parallel.

func TestAccProvider_missingCredentialIsAConfigurationError(t *testing.T) {
	env := newTestEnv(t)
	env.needsEmulator(t)
	t.Setenv(EnvAccessToken, "")
	env.run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: `
provider "partnercenter" {}
resource "partnercenter_customer_billing_profile" "test" {
  customer_id = "` + env.customerID + `"
}`,
			ExpectError: diagnosticPattern("No Partner Center credential", "access_token", EnvAccessToken),
		}},
	})
}

func TestAccProvider_configuredFromEnvironment(t *testing.T) {
	env := newTestEnv(t)
	env.needsEmulator(t)
	baseURL := regexp.MustCompile(`base_url\s*=\s*"([^"]+)"`).FindStringSubmatch(env.providerConfig)[1]
	t.Setenv(EnvBaseURL, baseURL)
	t.Setenv(EnvAccessToken, emulatorToken)
	env.run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: `
provider "partnercenter" {}
resource "partnercenter_customer_billing_profile" "test" {
  customer_id  = "` + env.customerID + `"
  company_name = "From the environment"
}`,
			ConfigStateChecks: []statecheck.StateCheck{expectString("company_name", "From the environment")},
		}},
	})
}

func TestAccProvider_invalidBaseURL(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: `
provider "partnercenter" {
  base_url     = "api.partnercenter.microsoft.com"
  access_token = "x"
}
data "partnercenter_customer_billing_profile" "test" {
  customer_id = "` + exampleGUID + `"
}`,
			ExpectError: diagnosticPattern("Invalid base_url", `base_url \(or PARTNERCENTER_BASE_URL\) "api.partnercenter.microsoft.com" has no scheme: write it as https://api.partnercenter.microsoft.com`),
		}},
	})
}
