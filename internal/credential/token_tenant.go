// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package credential

import (
	"encoding/base64"
	"encoding/json"
	"strings"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// PartnerTenantID is the partner's own tenant, as cfg tells it: tenant_id when it is a tenant id,
// else the tid claim of a token given as it is (read, not verified: it only lets a plan refuse a
// consent into the partner's own tenant early, which Partner Center would refuse anyway); "" when
// neither says.
func (cfg Config) PartnerTenantID() string {
	if rules.GUID.MatchString(cfg.TenantID) {
		return strings.ToLower(cfg.TenantID)
	}
	for _, token := range []string{cfg.AccessToken, cfg.GraphAccessToken} {
		if tid := tokenTenant(token); tid != "" {
			return tid
		}
	}
	return ""
}

// tokenTenant is the tid claim of a JWT access token, "" when token is none or has no tenant id.
func tokenTenant(token string) string {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return ""
	}
	payload, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return ""
	}
	var claims struct {
		TID string `json:"tid"`
	}
	if json.Unmarshal(payload, &claims) != nil || !rules.GUID.MatchString(claims.TID) {
		return ""
	}
	return strings.ToLower(claims.TID)
}
