// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package settings names the environment variables the provider reads when its configuration
// leaves an attribute unset. The provider reads them; diagnostics, wherever they are written, name
// them beside the attribute. It imports nothing, so that any package may name a setting.
package settings

// Environment variables read when the provider's configuration leaves an attribute unset: the
// provider reads them, and diagnostics name them beside the attribute.
const (
	EnvCloud               = "PARTNERCENTER_CLOUD"
	EnvBaseURL             = "PARTNERCENTER_BASE_URL"
	EnvAuthorityURL        = "PARTNERCENTER_AUTHORITY_URL"
	EnvAccessToken         = "PARTNERCENTER_ACCESS_TOKEN"
	EnvTenantID            = "PARTNERCENTER_TENANT_ID"
	EnvClientID            = "PARTNERCENTER_CLIENT_ID"
	EnvClientSecret        = "PARTNERCENTER_CLIENT_SECRET"
	EnvRefreshToken        = "PARTNERCENTER_REFRESH_TOKEN"
	EnvCertificatePath     = "PARTNERCENTER_CLIENT_CERTIFICATE_PATH"
	EnvCertificatePassword = "PARTNERCENTER_CLIENT_CERTIFICATE_PASSWORD"
	EnvUseOIDC             = "PARTNERCENTER_USE_OIDC"
	EnvOIDCToken           = "PARTNERCENTER_OIDC_TOKEN"
	EnvOIDCTokenFilePath   = "PARTNERCENTER_OIDC_TOKEN_FILE_PATH"
	EnvUseCLI              = "PARTNERCENTER_USE_CLI"
	EnvValidateAddress     = "PARTNERCENTER_VALIDATE_ADDRESS"
	EnvGraphBaseURL        = "PARTNERCENTER_GRAPH_BASE_URL"
	EnvGraphAccessToken    = "PARTNERCENTER_GRAPH_ACCESS_TOKEN"
)
