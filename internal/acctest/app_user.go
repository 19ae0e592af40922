// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"fmt"
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// NewAppUserEnv is an Env on its own emulator whose provider block signs in as the secure
// application model does (App+User: tenant_id, client_id, client_secret, refresh_token), the
// credential that gets tokens in customers' tenants too; it holds one seeded customer. Tests of
// what it is for (application consents) change customers' tenants, so it has no real-API form.
func NewAppUserEnv(t *testing.T) *Env {
	t.Helper()
	emu := emulator.New()
	emu.RegisterApp(emulator.App{TenantID: AuthTenant, ClientID: AuthClient, ClientSecret: AuthSecret})
	emu.AddRefreshToken(AuthClient, AuthRefresh)
	return servedEnv(t, emu, func(url string) string {
		return fmt.Sprintf("provider \"partnercenter\" {\n  base_url       = %[1]q\n  graph_base_url = %[1]q\n"+
			"  authority_url  = %[1]q\n  tenant_id      = %[2]q\n  client_id      = %[3]q\n  client_secret  = %[4]q\n"+
			"  refresh_token  = %[5]q\n}\n", url, AuthTenant, AuthClient, AuthSecret, AuthRefresh)
	})
}
