// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package credential

import (
	"encoding/base64"
	"testing"
)

func jwtWith(payload string) string {
	enc := base64.RawURLEncoding.EncodeToString
	return enc([]byte(`{"alg":"RS256"}`)) + "." + enc([]byte(payload)) + ".signature"
}

func TestThePartnersTenantIsTheConfiguredOneOrAGivenTokens(t *testing.T) {
	t.Parallel()
	const other = "0b6fd2a5-2c8b-4f3e-9b7a-3a1de2f0c0ff"
	for name, tt := range map[string]struct {
		cfg  Config
		want string
	}{
		"tenant_id, in any case":             {Config{TenantID: "6F1C2B3A-0000-4000-8000-00000000AAAA"}, tenant},
		"tenant_id over a token's":           {Config{TenantID: tenant, AccessToken: jwtWith(`{"tid":"` + other + `"}`)}, tenant},
		"a domain in tenant_id says nothing": {Config{TenantID: "contoso.onmicrosoft.com"}, ""},
		"an access token's tid":              {Config{AccessToken: jwtWith(`{"tid":"` + other + `"}`)}, other},
		"a Graph token's tid":                {Config{AccessToken: "opaque", GraphAccessToken: jwtWith(`{"tid":"` + other + `"}`)}, other},
		"a tid that is no tenant id":         {Config{AccessToken: jwtWith(`{"tid":"contoso"}`)}, ""},
		"a token that is no JWT":             {Config{AccessToken: "a.b"}, ""},
		"a payload that is not base64":       {Config{AccessToken: "a.!!!.c"}, ""},
		"a payload that is not JSON":         {Config{AccessToken: "a." + base64.RawURLEncoding.EncodeToString([]byte("{")) + ".c"}, ""},
		"nothing":                            {Config{}, ""},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := tt.cfg.PartnerTenantID(); got != tt.want {
				t.Errorf("PartnerTenantID() = %q, want %q", got, tt.want)
			}
		})
	}
}
