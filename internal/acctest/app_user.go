// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/google/uuid"

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
	emu.AddGraphToken(EmulatorGraphToken) // for tests that seed GDAP through Graph's API
	id := uuid.NewString()
	if err := emu.SeedDefaultCustomer(id); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	return &Env{
		CustomerID: id,
		Emulator:   emu,
		BaseURL:    srv.URL,
		ProviderConfig: fmt.Sprintf("provider \"partnercenter\" {\n  base_url       = %[1]q\n  graph_base_url = %[1]q\n"+
			"  authority_url  = %[1]q\n  tenant_id      = %[2]q\n  client_id      = %[3]q\n  client_secret  = %[4]q\n"+
			"  refresh_token  = %[5]q\n}\n", srv.URL, AuthTenant, AuthClient, AuthSecret, AuthRefresh),
	}
}
