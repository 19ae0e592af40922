// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider_test

import (
	"fmt"
	"net"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

// closedPort is a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close()
	return "http://" + addr
}

// An endpoint that cannot be reached at all fails the plan naming the setting to check, even when
// only new resources are planned: Partner Center's base_url for API calls, authority_url for
// tokens, which is no outage of Entra ID.
func TestAccProvider_anUnreachableEndpointNamesItsSetting(t *testing.T) {
	t.Parallel()
	emulatorEnv := acctest.NewEnv(t)
	emulatorEnv.NeedsEmulator(t)
	closed := closedPort(t)
	tests := map[string]struct{ provider, want string }{
		"an unreachable base_url": {
			provider: fmt.Sprintf("base_url = %q\n  access_token = \"x\"", closed),
			want:     "Could not reach Partner Center.*Check base_url \\(or PARTNERCENTER_BASE_URL\\)",
		},
		"an unreachable authority_url": {
			provider: fmt.Sprintf("base_url = %q\n  authority_url = %q\n  tenant_id = %q\n  client_id = %q\n  client_secret = %q\n  refresh_token = %q",
				emulatorEnv.BaseURL, closed, acctest.AuthTenant, acctest.AuthClient, acctest.AuthSecret, acctest.AuthRefresh),
			want: "Could not reach Entra ID.*Check authority_url \\(or PARTNERCENTER_AUTHORITY_URL\\)",
		},
	}
	for name, tt := range tests {
		t.Run(name+" fails a plan of new resources", func(t *testing.T) {
			t.Parallel()
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					Config: fmt.Sprintf("provider \"partnercenter\" {\n  %s\n}\n", tt.provider) + fmt.Sprintf(
						"resource \"partnercenter_customer_billing_profile\" \"test\" {\n  customer_id  = %q\n  company_name = \"Contoso\"\n}\n",
						emulatorEnv.CustomerID),
					PlanOnly:    true,
					ExpectError: acctest.DiagnosticPattern(tt.want),
				}},
			})
		})
	}
}
