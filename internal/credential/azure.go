// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package credential

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"golang.org/x/oauth2"
)

// azureFetcher gets App-only tokens (secret, certificate, OIDC) and Azure CLI tokens of audience a
// through Azure's own identity library, with scope {api}/.default.
func azureFetcher(kind Kind, cfg Config, ep Endpoints, a Audience, hc *http.Client, secrets *masker) (fetchFunc, error) {
	cred, err := azureCredential(kind, cfg, secrets, azureOptions(ep, hc), isCustomAuthority(ep.AuthorityURL), nil)
	if err != nil {
		return nil, err
	}
	return azureToken(kind, cfg, cred, policy.TokenRequestOptions{Scopes: []string{ep.appScope(a)}}), nil
}

// azureTenantFetcher is azureFetcher for Microsoft Graph in any customer's tenant: one credential
// allowed every tenant, each token asked for in the tenant named.
func azureTenantFetcher(kind Kind, cfg Config, ep Endpoints, hc *http.Client, secrets *masker) (func(tenant string) fetchFunc, error) {
	cred, err := azureCredential(kind, cfg, secrets, azureOptions(ep, hc), isCustomAuthority(ep.AuthorityURL), []string{"*"})
	if err != nil {
		return nil, err
	}
	return func(tenant string) fetchFunc {
		return azureToken(kind, cfg, cred, policy.TokenRequestOptions{Scopes: []string{ep.appScope(Graph)}, TenantID: tenant})
	}, nil
}

// azureOptions are the client options of every azidentity credential.
func azureOptions(ep Endpoints, hc *http.Client) azcore.ClientOptions {
	return azcore.ClientOptions{
		Cloud:     cloud.Configuration{ActiveDirectoryAuthorityHost: ep.AuthorityURL + "/"},
		Transport: hc,
		// The token cache retries outages with its own bounded backoff, for every credential
		// kind alike; azcore's retries would multiply with it.
		Retry: policy.RetryOptions{MaxRetries: -1},
	}
}

// azureToken asks cred for a token as opts say.
func azureToken(kind Kind, cfg Config, cred azcore.TokenCredential, opts policy.TokenRequestOptions) fetchFunc {
	return func(ctx context.Context) (*oauth2.Token, error) {
		if kind == KindOIDC {
			// Read the token first: azidentity would bury an unreadable file in an error that no
			// longer says it is a setting to fix rather than an outage.
			if _, err := cfg.oidcToken(ctx); err != nil {
				return nil, &settingError{err}
			}
		}
		t, err := cred.GetToken(ctx, opts)
		if err != nil {
			return nil, err
		}
		return &oauth2.Token{AccessToken: t.Token, TokenType: "Bearer", Expiry: t.ExpiresOn}, nil
	}
}

// azureCredential is kind's azidentity credential in cfg's tenant; otherTenants are the tenants
// besides it that a token request may name (["*"]: any).
func azureCredential(kind Kind, cfg Config, secrets *masker, opts azcore.ClientOptions, customAuthority bool,
	otherTenants []string) (azcore.TokenCredential, error) {
	switch kind {
	case KindClientSecret:
		return azidentity.NewClientSecretCredential(cfg.TenantID, cfg.ClientID, cfg.ClientSecret,
			&azidentity.ClientSecretCredentialOptions{ClientOptions: opts, DisableInstanceDiscovery: customAuthority,
				AdditionallyAllowedTenants: otherTenants})
	case KindClientCertificate:
		return certificateCredential(cfg, opts, customAuthority, otherTenants)
	case KindOIDC:
		return azidentity.NewClientAssertionCredential(cfg.TenantID, cfg.ClientID, cfg.oidcTokenSource(secrets),
			&azidentity.ClientAssertionCredentialOptions{ClientOptions: opts, DisableInstanceDiscovery: customAuthority,
				AdditionallyAllowedTenants: otherTenants})
	case KindAzureCLI:
		return azidentity.NewAzureCLICredential(&azidentity.AzureCLICredentialOptions{TenantID: cfg.TenantID,
			AdditionallyAllowedTenants: otherTenants})
	}
	return nil, fmt.Errorf("unsupported credential kind %q", kind)
}

func certificateCredential(cfg Config, opts azcore.ClientOptions, customAuthority bool, otherTenants []string) (azcore.TokenCredential, error) {
	data, err := os.ReadFile(cfg.CertificatePath)
	if err != nil {
		return nil, fmt.Errorf("reading client_certificate_path: %w", err)
	}
	var password []byte
	if cfg.CertificatePassword != "" {
		password = []byte(cfg.CertificatePassword)
	}
	certs, key, err := azidentity.ParseCertificates(data, password)
	if err != nil {
		return nil, fmt.Errorf("client_certificate_path %s: want a PEM or PKCS#12 file with the certificate and its "+
			"private key (check client_certificate_password): %w", cfg.CertificatePath, err)
	}
	return azidentity.NewClientCertificateCredential(cfg.TenantID, cfg.ClientID, certs, key,
		&azidentity.ClientCertificateCredentialOptions{ClientOptions: opts, DisableInstanceDiscovery: customAuthority,
			AdditionallyAllowedTenants: otherTenants})
}

// oidcTokenSource returns the workload identity token for each exchange, and masks a token read
// from the file as the secret it is.
func (cfg Config) oidcTokenSource(secrets *masker) func(context.Context) (string, error) {
	return func(ctx context.Context) (string, error) {
		token, err := cfg.oidcToken(ctx)
		secrets.add(token)
		return token, err
	}
}

// oidcToken returns the workload identity token: the one given, or the file's current content
// (pipelines rewrite it as it expires).
func (cfg Config) oidcToken(context.Context) (string, error) {
	if cfg.OIDCToken != "" {
		return cfg.OIDCToken, nil
	}
	b, err := os.ReadFile(cfg.OIDCTokenFilePath)
	if err != nil {
		return "", fmt.Errorf("reading oidc_token_file_path: %w", err)
	}
	token := strings.TrimSpace(string(b))
	if token == "" {
		return "", errors.New("oidc_token_file_path " + cfg.OIDCTokenFilePath + " is empty")
	}
	return token, nil
}

// isCustomAuthority reports whether the authority is none of the known clouds' (an emulator, a
// private endpoint): instance discovery, which only knows Microsoft's hosts, is skipped there.
func isCustomAuthority(authority string) bool {
	for _, c := range Clouds {
		if strings.EqualFold(c.AuthorityURL, authority) {
			return false
		}
	}
	return true
}
