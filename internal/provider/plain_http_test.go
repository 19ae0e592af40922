// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider_test

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// No credential travels over plain http, except to this machine: a base_url, authority_url or
// graph_base_url with http:// to another host fails the plan before anything is sent.

// nonLoopbackServer serves on every interface and returns an http:// URL of it by a non-loopback
// address of this machine, and the number of requests it got; it skips the test on a machine
// without one.
func nonLoopbackServer(t *testing.T) (string, *atomic.Int32) {
	t.Helper()
	var ip net.IP
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && n.IP.To4() != nil {
			ip = n.IP
			break
		}
	}
	if ip == nil {
		t.Skip("this machine has no non-loopback IPv4 address")
	}
	l, err := net.Listen("tcp", "0.0.0.0:0")
	if err != nil {
		t.Fatal(err)
	}
	var got atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.Add(1)
		http.Error(w, "a clear-text request reached the server", http.StatusTeapot)
	}))
	srv.Listener = l
	srv.Start()
	t.Cleanup(srv.Close)
	return fmt.Sprintf("http://%s:%d", ip, l.Addr().(*net.TCPAddr).Port), &got
}

func TestAccProvider_plainHTTPToAnotherHostIsRefused(t *testing.T) {
	t.Parallel()
	url, got := nonLoopbackServer(t)
	host := strings.TrimPrefix(url, "http://")
	host = host[:strings.LastIndex(host, ":")]
	tests := map[string]struct{ provider, want string }{
		"base_url": {
			provider: fmt.Sprintf("base_url = %q\n  access_token = \"secret-token\"", url),
			want:     `base_url \(or PARTNERCENTER_BASE_URL\) "` + url + `" uses plain http, which would send the access token and every request to ` + host + ` in clear text: use https`,
		},
		"authority_url": {
			provider: fmt.Sprintf("authority_url = %q\n  tenant_id = %q\n  client_id = %q\n  client_secret = %q\n  refresh_token = %q",
				url, acctest.AuthTenant, acctest.AuthClient, acctest.AuthSecret, acctest.AuthRefresh),
			want: `authority_url \(or PARTNERCENTER_AUTHORITY_URL\) "` + url + `" uses plain http, which would send the client secret, refresh token or federated token, and every token it issues to ` + host + ` in clear text`,
		},
		"graph_base_url": {
			provider: fmt.Sprintf("base_url = %q\n  graph_base_url = %q\n  access_token = \"secret-token\"\n  graph_access_token = \"graph-token\"",
				"https://api.partnercenter.microsoft.com", url),
			want: `graph_base_url \(or PARTNERCENTER_GRAPH_BASE_URL\) "` + url + `" uses plain http, which would send the Microsoft Graph token and every request to ` + host + ` in clear text: use https`,
		},
	}
	for name, tt := range tests {
		t.Run("an http "+name+" fails the plan and sends nothing", func(t *testing.T) {
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					Config: fmt.Sprintf("provider \"partnercenter\" {\n  %s\n}\ndata \"partnercenter_customer\" \"x\" {\n  customer_id = %q\n}\n",
						tt.provider, framework.ExampleGUID),
					ExpectError: acctest.DiagnosticPattern("Invalid "+name, tt.want, "Plain http is accepted only for a loopback address"),
				}},
			})
		})
	}
	if n := got.Load(); n != 0 {
		t.Errorf("%d requests reached the server over plain http, want none", n)
	}
}

func TestAccProvider_plainHTTPToThisMachineIsTheEmulator(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	localhost := strings.Replace(env.BaseURL, "127.0.0.1", "localhost", 1)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: fmt.Sprintf("provider \"partnercenter\" {\n  base_url = %q\n  access_token = %q\n}\n", localhost, acctest.EmulatorToken) +
			strings.ReplaceAll("data \"partnercenter_customer\" \"x\" {\n  customer_id = \"%[1]s\"\n}\n", "%[1]s", env.CustomerID),
	}}})
}
