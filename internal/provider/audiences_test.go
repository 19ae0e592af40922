// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/settings"
)

// Each app credential kind, against an Entra ID served over TLS as MSAL requires, gets a token per
// API from the same credential and sends each only to its own API: Partner Center's token to
// Partner Center, Graph's to Graph, none to both.
func TestAccAuth_eachKindSendsEachAPIOnlyItsOwnToken(t *testing.T) {
	dir := t.TempDir()
	certPath := filepath.Join(dir, "app.pem")
	oidcPath := filepath.Join(dir, "oidc-token")
	acctest.WriteFile(t, certPath, string(testCertificatePEM))
	acctest.WriteFile(t, oidcPath, federatedToken(acctest.AuthSubject))
	app := map[string]string{settings.EnvTenantID: acctest.AuthTenant, settings.EnvClientID: acctest.AuthClient}
	for _, tt := range []struct {
		name string
		vars map[string]string
	}{
		{"client secret", merge(app, map[string]string{settings.EnvClientSecret: acctest.AuthSecret})},
		{"client certificate", merge(app, map[string]string{settings.EnvCertificatePath: certPath})},
		{"OIDC", merge(app, map[string]string{settings.EnvUseOIDC: "true", settings.EnvOIDCTokenFilePath: oidcPath})},
		{"refresh token", refreshTokenVars()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			env := newAuthEnv(t, true, 1)
			env.setEnv(t, tt.vars)
			t.Setenv(settings.EnvGraphBaseURL, env.url)
			env.Run(t, resource.TestStep{
				Config: env.Config("Both APIs") + "data \"partnercenter_delegated_admin_relationships\" \"all\" {}\n",
				Check: func(*terraform.State) error {
					if err := env.noUnauthorized(); err != nil {
						return err
					}
					return tokensKeptApart(env.Emulator)
				},
			})
		})
	}
}

// tokensKeptApart checks each API received tokens and none received a token the other did.
func tokensKeptApart(emu *emulator.Server) error {
	byAPI := map[string]map[string]bool{"Partner Center": {}, "Microsoft Graph": {}}
	for _, r := range emu.Requests() {
		switch {
		case strings.HasPrefix(r.Path, "/v1/"):
			byAPI["Partner Center"][r.TokenHash] = true
		case strings.HasPrefix(r.Path, "/v1.0/"):
			byAPI["Microsoft Graph"][r.TokenHash] = true
		}
	}
	for api, tokens := range byAPI {
		if len(tokens) == 0 {
			return fmt.Errorf("%s received no request", api)
		}
	}
	for token := range byAPI["Partner Center"] {
		if byAPI["Microsoft Graph"][token] {
			return fmt.Errorf("the token %s went to both Partner Center and Microsoft Graph", token)
		}
	}
	return nil
}
