// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"os"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/credential"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/settings"
)

// providerModel mirrors the provider schema.
type providerModel struct {
	Cloud               types.String `tfsdk:"cloud"`
	BaseURL             types.String `tfsdk:"base_url"`
	AuthorityURL        types.String `tfsdk:"authority_url"`
	GraphBaseURL        types.String `tfsdk:"graph_base_url"`
	AccessToken         types.String `tfsdk:"access_token"`
	GraphAccessToken    types.String `tfsdk:"graph_access_token"`
	TenantID            types.String `tfsdk:"tenant_id"`
	ClientID            types.String `tfsdk:"client_id"`
	ClientSecret        types.String `tfsdk:"client_secret"`
	RefreshToken        types.String `tfsdk:"refresh_token"`
	CertificatePath     types.String `tfsdk:"client_certificate_path"`
	CertificatePassword types.String `tfsdk:"client_certificate_password"`
	UseOIDC             types.Bool   `tfsdk:"use_oidc"`
	OIDCToken           types.String `tfsdk:"oidc_token"`
	OIDCTokenFilePath   types.String `tfsdk:"oidc_token_file_path"`
	UseCLI              types.Bool   `tfsdk:"use_cli"`
	ValidateAddress     types.Bool   `tfsdk:"validate_address"`
}

func providerSchema() schema.Schema {
	str := func(desc, env string, sensitive bool, v ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: desc + " Defaults to `$" + env + "`.", Optional: true, Sensitive: sensitive, Validators: v,
		}
	}
	flag := func(desc, env string) schema.BoolAttribute {
		return schema.BoolAttribute{MarkdownDescription: desc + " Defaults to `$" + env + "`.", Optional: true}
	}
	return schema.Schema{
		MarkdownDescription: "Manages Microsoft Partner Center resources of a CSP partner's customers. Credentials are tried " +
			"in this order, and the first that is fully configured is used: `access_token`; a refresh token " +
			"(`tenant_id`, `client_id`, `client_secret`, `refresh_token`); client credentials (`tenant_id`, `client_id`, " +
			"and `client_secret` or `client_certificate_path`); OIDC (`use_oidc`, `tenant_id`, `client_id`, and `oidc_token` " +
			"or `oidc_token_file_path`); the Azure CLI (`use_cli`).",
		Attributes: map[string]schema.Attribute{
			"cloud": str("Partner Center cloud: `public` (default), `usgovernment`, or `china` (operated by 21Vianet). "+
				"Picks the API endpoint and the Entra ID authority.", settings.EnvCloud, false, stringvalidator.OneOf(credential.CloudNames()...)),
			"base_url": str("Partner Center API endpoint, overriding the cloud's (`"+partnercenter.DefaultBaseURL+"` for public). "+
				"Point it at the Partner Center emulator to test configurations offline. An `https` URL; plain `http` "+
				"is refused except to a loopback address (`localhost`, `127.0.0.1`, `::1`), because it would send the access "+
				"token in clear text.", settings.EnvBaseURL, false),
			"authority_url": str("Entra ID authority, overriding the cloud's (`https://login.microsoftonline.com` for public). "+
				"An `https` URL; plain `http` is refused except to a loopback address, because it would send the client "+
				"secret or refresh token in clear text.", settings.EnvAuthorityURL, false),
			"graph_base_url": str("Microsoft Graph endpoint, overriding the cloud's (`https://graph.microsoft.com` for public), "+
				"for what Microsoft Graph holds: GDAP relationships and access assignments. "+
				"An `https` URL; plain `http` is refused except to a loopback address, because it would send the Graph token in "+
				"clear text.", settings.EnvGraphBaseURL, false),
			"access_token": str("A bearer token for the Partner Center API, used as is (for example from "+
				"`az account get-access-token --resource https://api.partnercenter.microsoft.com`). A token is for one API: "+
				"give `graph_access_token` for Microsoft Graph.", settings.EnvAccessToken, true),
			"graph_access_token": str("A bearer token for Microsoft Graph, used as is (for example from "+
				"`az account get-access-token --resource https://graph.microsoft.com`), for what Microsoft Graph holds: GDAP "+
				"relationships and access assignments. Needed beside `access_token`, which serves Partner Center only; every "+
				"other credential kind gets Graph tokens itself, and this token, when set, is used for Graph instead. It is no "+
				"Partner Center credential, and alone it is enough for a configuration that manages GDAP only.",
				settings.EnvGraphAccessToken, true),
			"tenant_id": str("The partner's Entra ID tenant id (for the refresh token, client credentials and OIDC).", settings.EnvTenantID, false),
			"client_id": str("The app registration's application (client) id.", settings.EnvClientID, false),
			"client_secret": str("The app registration's client secret (for the refresh token, or App-only client credentials).",
				settings.EnvClientSecret, true),
			"refresh_token": str("The refresh token of the secure application model (App+User), obtained once through consent with MFA. "+
				"Entra ID rotates it on every exchange; the newest is used for the rest of the run.", settings.EnvRefreshToken, true),
			"client_certificate_path": str("Path to a PEM or PKCS#12 file with the app's certificate and private key (App-only).",
				settings.EnvCertificatePath, false),
			"client_certificate_password": str("Password of the PKCS#12 file in `client_certificate_path`.", settings.EnvCertificatePassword, true),
			"use_oidc":                    flag("Authenticate the app with an OIDC token from the pipeline (workload identity federation).", settings.EnvUseOIDC),
			"oidc_token":                  str("The pipeline's OIDC token (a JWT), with `use_oidc`.", settings.EnvOIDCToken, true),
			"oidc_token_file_path": str("A file holding the pipeline's OIDC token, read again at every exchange, with `use_oidc`.",
				settings.EnvOIDCTokenFilePath, false),
			"use_cli": flag("Use the signed-in Azure CLI's token (`az account get-access-token`).", settings.EnvUseCLI),
			"validate_address": flag("Check changed billing addresses at plan time against Partner Center's country rules "+
				"and address validation service (default `true`); a resource's `validate_address` overrides it.", settings.EnvValidateAddress),
		},
	}
}

// credentialConfig reads the credential settings from the configuration, then the environment.
func (m providerModel) credentialConfig() credential.Config {
	return credential.Config{
		AccessToken:         stringOrEnv(m.AccessToken, settings.EnvAccessToken),
		GraphAccessToken:    stringOrEnv(m.GraphAccessToken, settings.EnvGraphAccessToken),
		TenantID:            stringOrEnv(m.TenantID, settings.EnvTenantID),
		ClientID:            stringOrEnv(m.ClientID, settings.EnvClientID),
		ClientSecret:        stringOrEnv(m.ClientSecret, settings.EnvClientSecret),
		RefreshToken:        stringOrEnv(m.RefreshToken, settings.EnvRefreshToken),
		CertificatePath:     stringOrEnv(m.CertificatePath, settings.EnvCertificatePath),
		CertificatePassword: stringOrEnv(m.CertificatePassword, settings.EnvCertificatePassword),
		UseOIDC:             boolOrEnv(m.UseOIDC, settings.EnvUseOIDC),
		OIDCToken:           stringOrEnv(m.OIDCToken, settings.EnvOIDCToken),
		OIDCTokenFilePath:   stringOrEnv(m.OIDCTokenFilePath, settings.EnvOIDCTokenFilePath),
		UseCLI:              boolOrEnv(m.UseCLI, settings.EnvUseCLI),
	}
}

// stringOrEnv returns the configured value, or the environment variable when it is null.
func stringOrEnv(v types.String, env string) string {
	if !v.IsNull() && !v.IsUnknown() {
		return v.ValueString()
	}
	return os.Getenv(env)
}

func boolOrEnv(v types.Bool, env string) bool {
	return boolOrEnvDefault(v, env, false)
}

// boolOrEnvDefault is boolOrEnv with def when neither is set (or the variable is not a boolean).
func boolOrEnvDefault(v types.Bool, env string, def bool) bool {
	if !v.IsNull() && !v.IsUnknown() {
		return v.ValueBool()
	}
	b, err := strconv.ParseBool(os.Getenv(env))
	if err != nil {
		return def
	}
	return b
}
