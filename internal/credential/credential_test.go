// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package credential

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

func TestRefreshTokenIsExchangedWithScopeAndRotated(t *testing.T) {
	t.Parallel()
	emu, srv, ep := identityServer(t, emulator.App{ClientSecret: secret})
	src, err := New(Config{TenantID: tenant, ClientID: clientID, ClientSecret: secret, RefreshToken: refresh}, ep, srv.Client())
	if err != nil || src.Kind != KindRefreshToken {
		t.Fatalf("New = %v, %v", src, err)
	}
	first := token(t, src)
	if again := token(t, src); again != first {
		t.Error("a fresh token was not reused")
	}
	later := time.Now().Add(2 * time.Hour) // the hour-long first token has expired
	src.TokenSource.(*cachedSource).now = func() time.Time { return later }
	second := token(t, src)
	log := emu.TokenRequests()
	if len(log) != 2 {
		t.Fatalf("%d exchanges, want 2: %+v", len(log), log)
	}
	if first != log[0].Issued || second != log[1].Issued {
		t.Errorf("tokens %q then %q, want the issued %q then %q", first, second, log[0].Issued, log[1].Issued)
	}
	if log[0].Scope != "https://api.partnercenter.microsoft.com/user_impersonation" || log[0].GrantType != "refresh_token" {
		t.Errorf("first exchange %+v", log[0])
	}
	if log[0].RefreshToken != refresh || log[1].RefreshToken != log[0].IssuedRefreshToken {
		t.Errorf("the second exchange presented %q, want the rotated %q", log[1].RefreshToken, log[0].IssuedRefreshToken)
	}
}

func TestConcurrentCallersShareOneExchange(t *testing.T) {
	t.Parallel()
	emu, srv, ep := identityServer(t, emulator.App{ClientSecret: secret})
	src, err := New(Config{TenantID: tenant, ClientID: clientID, ClientSecret: secret, RefreshToken: refresh}, ep, srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if _, err := src.Token(context.Background()); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := len(emu.TokenRequests()); n != 1 {
		t.Errorf("%d exchanges for 20 concurrent callers, want 1", n)
	}
}

// pkcs12Password protects testdata/app-password.p12.
const pkcs12Password = "p12-pass-word"

func TestAppOnlyCredentialsGetATokenThroughAzidentity(t *testing.T) {
	t.Parallel()
	certPath, certDER := writeCertificate(t)
	p12Path := filepath.Join("testdata", "app-password.p12")
	p12DER := certificateIn(t, p12Path, pkcs12Password)
	oidcPath := filepath.Join(t.TempDir(), "oidc-token")
	if err := os.WriteFile(oidcPath, []byte(federatedJWT("repo:contoso/billing:ref:refs/heads/main")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		cfg     Config
		certDER []byte // the certificate the app registration holds
		kind    Kind
	}{
		{"a client secret", Config{ClientSecret: secret}, certDER, KindClientSecret},
		{"a PEM certificate", Config{CertificatePath: certPath}, certDER, KindClientCertificate},
		{"a PKCS#12 certificate and its password", Config{CertificatePath: p12Path, CertificatePassword: pkcs12Password}, p12DER, KindClientCertificate},
		{"an OIDC token file", Config{UseOIDC: true, OIDCTokenFilePath: oidcPath}, certDER, KindOIDC},
		{"an OIDC token", Config{UseOIDC: true, OIDCToken: federatedJWT("repo:contoso/billing:ref:refs/heads/main")}, certDER, KindOIDC},
	}
	for _, tt := range tests {
		t.Run("it authenticates with "+tt.name, func(t *testing.T) {
			t.Parallel()
			emu, srv, ep := identityServer(t, emulator.App{ClientSecret: secret, CertificateDER: tt.certDER,
				FederatedSubject: "repo:contoso/billing:ref:refs/heads/main"})
			tt.cfg.TenantID, tt.cfg.ClientID = tenant, clientID
			src, err := New(tt.cfg, ep, srv.Client())
			if err != nil || src.Kind != tt.kind {
				t.Fatalf("New = %+v, %v; want kind %s", src, err, tt.kind)
			}
			got := token(t, src)
			log := emu.TokenRequests()
			if len(log) != 1 || log[0].GrantType != "client_credentials" || !strings.HasPrefix(log[0].Scope, "https://api.partnercenter.microsoft.com/.default") {
				t.Fatalf("token requests %+v", log)
			}
			if got != log[0].Issued {
				t.Errorf("got token %q, want the one Entra ID issued, %q", got, log[0].Issued)
			}
		})
	}
}

func TestUnusableAppOnlySettingsAreRefused(t *testing.T) {
	t.Parallel()
	notACertificate := filepath.Join(t.TempDir(), "app.pem")
	if err := os.WriteFile(notACertificate, []byte("-----BEGIN NOTHING-----\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	emptyToken := filepath.Join(t.TempDir(), "oidc-token")
	if err := os.WriteFile(emptyToken, []byte(" \n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name          string
		cfg           Config
		wantNewErr    string // the error New gives, or "" when the setting fails at the first token
		wantTokenErr  string
		wantNoRequest bool
	}{
		{"a certificate file that holds no certificate is refused when the provider is configured",
			Config{CertificatePath: notACertificate}, "want a PEM or PKCS#12 file with the certificate and its private key", "", true},
		{"a PKCS#12 file with a wrong password is refused when the provider is configured",
			Config{CertificatePath: filepath.Join("testdata", "app-password.p12"), CertificatePassword: "wrong"}, "check client_certificate_password", "", true},
		{"a missing certificate file is refused when the provider is configured",
			Config{CertificatePath: filepath.Join(t.TempDir(), "missing.pem")}, "reading client_certificate_path", "", true},
		{"an empty OIDC token file is a refused credential that names the file",
			Config{UseOIDC: true, OIDCTokenFilePath: emptyToken}, "", "oidc_token_file_path " + emptyToken + " is empty", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			emu, srv, ep := identityServer(t, emulator.App{FederatedSubject: "x"})
			tt.cfg.TenantID, tt.cfg.ClientID = tenant, clientID
			src, err := New(tt.cfg, ep, srv.Client())
			if tt.wantNewErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantNewErr) {
					t.Fatalf("New = %v, want an error saying %q", err, tt.wantNewErr)
				}
			} else {
				if err != nil {
					t.Fatal(err)
				}
				_, err = quickRetries(src).Token(context.Background())
				if !partnercenter.IsCredentialRefused(err) || !strings.Contains(err.Error(), tt.wantTokenErr) {
					t.Fatalf("err = %v, want a refusal saying %q", err, tt.wantTokenErr)
				}
			}
			if n := len(emu.TokenRequests()); n != 0 {
				t.Errorf("%d token requests, want none: the setting is at fault", n)
			}
		})
	}
}

func TestAzidentityLeavesRetriesToTheTokenCache(t *testing.T) {
	t.Parallel()
	emu, srv, ep := identityServer(t, emulator.App{ClientSecret: secret})
	emu.InjectTokenFault(emulator.TokenFault{Status: 503})
	src, err := New(Config{TenantID: tenant, ClientID: clientID, ClientSecret: secret}, ep, srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	// One attempt, with all the time azidentity's own retry (0.8 s later) would need.
	src.TokenSource.(*cachedSource).retry = renewPolicy{attempts: 1, fetchTimeout: 10 * time.Second}
	_, err = src.Token(context.Background())
	var te *TokenError
	if !errors.As(err, &te) || te.StatusCode != 503 {
		t.Fatalf("err = %v, want the 503 as a TokenError", err)
	}
	if n := len(emu.TokenRequests()); n != 1 {
		t.Errorf("%d token requests for one attempt, want 1: azidentity must not retry on its own", n)
	}
}

func TestAzureCLITokenIsUsed(t *testing.T) {
	dir := t.TempDir()
	script := "#!/bin/sh\necho '{\"accessToken\":\"cli-token\",\"expiresOn\":\"2099-01-01 00:00:00.000000\",\"expires_on\":4070908800,\"tokenType\":\"Bearer\"}'\n"
	if err := os.WriteFile(filepath.Join(dir, "az"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	src, err := New(Config{UseCLI: true}, Endpoints{Resource: "https://api.partnercenter.microsoft.com", AuthorityURL: "https://login.microsoftonline.com"}, nil)
	if err != nil || src.Kind != KindAzureCLI {
		t.Fatalf("New = %+v, %v", src, err)
	}
	if got := token(t, quickRetries(src)); got != "cli-token" {
		t.Errorf("token %q, want the CLI's", got)
	}
}

func TestTokenErrorsExplainEntraIDCodes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		cfg      Config
		prepare  func(*emulator.Server)
		wantCode int
		wantHint string
	}{
		{"an expired refresh token", Config{ClientSecret: secret, RefreshToken: refresh},
			func(e *emulator.Server) { e.RevokeRefreshToken(refresh) }, 70008, "90 days"},
		{"a wrong client secret", Config{ClientSecret: "wrong", RefreshToken: refresh}, nil, 7000215, "not its id"},
		{"an unknown app", Config{ClientSecret: secret, RefreshToken: refresh, ClientID: "22222222-0000-4000-8000-00000000cccc"}, nil, 700016, "check tenant_id and client_id"},
	}
	for _, tt := range tests {
		t.Run("it explains "+tt.name, func(t *testing.T) {
			t.Parallel()
			emu, srv, ep := identityServer(t, emulator.App{ClientSecret: secret})
			if tt.prepare != nil {
				tt.prepare(emu)
			}
			tt.cfg.TenantID = tenant
			if tt.cfg.ClientID == "" {
				tt.cfg.ClientID = clientID
			}
			src, err := New(tt.cfg, ep, srv.Client())
			if err != nil {
				t.Fatal(err)
			}
			_, err = quickRetries(src).Token(context.Background())
			var te *TokenError
			if !errors.As(err, &te) || te.Code != tt.wantCode || !strings.Contains(te.Error(), tt.wantHint) {
				t.Fatalf("err = %v, want AADSTS%d with a hint mentioning %q", err, tt.wantCode, tt.wantHint)
			}
			if n := len(emu.TokenRequests()); n != 1 {
				t.Errorf("%d token requests, want 1: a refused credential is not asked again", n)
			}
			if strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), refresh) {
				t.Errorf("the error shows a secret: %v", err)
			}
		})
	}
}

func TestKindOrder(t *testing.T) {
	t.Parallel()
	app := Config{TenantID: tenant, ClientID: clientID}
	with := func(f func(*Config)) Config { c := app; f(&c); return c }
	tests := []struct {
		name   string
		cfg    Config
		want   Kind
		wantOK bool
	}{
		{"an access token wins over everything", with(func(c *Config) { c.AccessToken = "t"; c.ClientSecret = "s"; c.UseCLI = true }), KindAccessToken, true},
		{"an access token needs nothing else", Config{AccessToken: "t"}, KindAccessToken, true},
		{"a refresh token needs the secret too", with(func(c *Config) { c.ClientSecret = "s"; c.RefreshToken = "r" }), KindRefreshToken, true},
		{"a secret alone is App-only", with(func(c *Config) { c.ClientSecret = "s" }), KindClientSecret, true},
		{"a secret with a certificate is App-only with the secret", with(func(c *Config) { c.ClientSecret = "s"; c.CertificatePath = "/x.pem" }), KindClientSecret, true},
		{"a certificate is App-only", with(func(c *Config) { c.CertificatePath = "/x.pem" }), KindClientCertificate, true},
		{"OIDC needs use_oidc and a token file", with(func(c *Config) { c.UseOIDC = true; c.OIDCTokenFilePath = "/t" }), KindOIDC, true},
		{"OIDC needs use_oidc and a token", with(func(c *Config) { c.UseOIDC = true; c.OIDCToken = "o" }), KindOIDC, true},
		{"the CLI comes last", with(func(c *Config) { c.UseCLI = true; c.RefreshToken = "r" }), KindAzureCLI, true},
		{"a refresh token without the secret is no credential", with(func(c *Config) { c.RefreshToken = "r" }), "", false},
		{"a secret without the tenant is no credential", Config{ClientID: clientID, ClientSecret: "s"}, "", false},
		{"a secret without the client id is no credential", Config{TenantID: tenant, ClientSecret: "s", RefreshToken: "r"}, "", false},
		{"a certificate without the client id is no credential", Config{TenantID: tenant, CertificatePath: "/x.pem"}, "", false},
		{"an OIDC token without use_oidc is no credential", with(func(c *Config) { c.OIDCToken = "o"; c.OIDCTokenFilePath = "/t" }), "", false},
		{"use_oidc without a token is no credential", with(func(c *Config) { c.UseOIDC = true }), "", false},
		{"OIDC without the tenant is no credential", Config{ClientID: clientID, UseOIDC: true, OIDCToken: "o"}, "", false},
		{"nothing is no credential", Config{}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got, ok := tt.cfg.kind(); ok != tt.wantOK || got != tt.want {
				t.Errorf("kind = %q, %v; want %q, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestMissingErrorSaysWhatWasFoundAndWhatEachKindStillNeeds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		cfg  Config
		want string
	}{
		{"with nothing set it lists everything", Config{},
			"no Partner Center credential is fully configured. Found: nothing. Each kind still needs:" +
				"\n  - access token: access_token" +
				"\n  - refresh token (App+User): tenant_id, client_id, client_secret, refresh_token" +
				"\n  - client credentials (App-only): tenant_id, client_id, client_secret or client_certificate_path" +
				"\n  - OIDC workload identity federation: tenant_id, client_id, use_oidc = true, oidc_token or oidc_token_file_path" +
				"\n  - Azure CLI: use_cli = true"},
		{"with a refresh token but no secret it asks for the secret", Config{TenantID: tenant, ClientID: clientID, RefreshToken: "r"},
			"no Partner Center credential is fully configured. Found: tenant_id, client_id, refresh_token. Each kind still needs:" +
				"\n  - access token: access_token" +
				"\n  - refresh token (App+User): client_secret" +
				"\n  - client credentials (App-only): client_secret or client_certificate_path" +
				"\n  - OIDC workload identity federation: use_oidc = true, oidc_token or oidc_token_file_path" +
				"\n  - Azure CLI: use_cli = true"},
		{"with a secret alone it asks for the app", Config{ClientSecret: "s"},
			"no Partner Center credential is fully configured. Found: client_secret. Each kind still needs:" +
				"\n  - access token: access_token" +
				"\n  - refresh token (App+User): tenant_id, client_id, refresh_token" +
				"\n  - client credentials (App-only): tenant_id, client_id" +
				"\n  - OIDC workload identity federation: tenant_id, client_id, use_oidc = true, oidc_token or oidc_token_file_path" +
				"\n  - Azure CLI: use_cli = true"},
		{"with a tenant, a certificate and a token file it asks for the client id", Config{TenantID: tenant, CertificatePath: "/app.pem", OIDCTokenFilePath: "/t"},
			"no Partner Center credential is fully configured. Found: tenant_id, client_certificate_path, oidc_token_file_path. Each kind still needs:" +
				"\n  - access token: access_token" +
				"\n  - refresh token (App+User): client_id, client_secret, refresh_token" +
				"\n  - client credentials (App-only): client_id" +
				"\n  - OIDC workload identity federation: client_id, use_oidc = true" +
				"\n  - Azure CLI: use_cli = true"},
		{"with a client id and an OIDC token it asks for the tenant", Config{ClientID: clientID, UseOIDC: true, OIDCToken: "o"},
			"no Partner Center credential is fully configured. Found: client_id, use_oidc, oidc_token. Each kind still needs:" +
				"\n  - access token: access_token" +
				"\n  - refresh token (App+User): tenant_id, client_secret, refresh_token" +
				"\n  - client credentials (App-only): tenant_id, client_secret or client_certificate_path" +
				"\n  - OIDC workload identity federation: tenant_id" +
				"\n  - Azure CLI: use_cli = true"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := New(tt.cfg, Endpoints{}, nil)
			var missing *MissingError
			if !errors.As(err, &missing) {
				t.Fatalf("err = %v, want a MissingError", err)
			}
			if err.Error() != tt.want {
				t.Errorf("err =\n%s\nwant\n%s", err, tt.want)
			}
		})
	}
}

func TestResolveEndpoints(t *testing.T) {
	t.Parallel()
	const pc, graph = "https://api.partnercenter.microsoft.com", "https://graph.microsoft.com"
	tests := []struct {
		settings EndpointSettings
		want     Endpoints
	}{
		{EndpointSettings{}, Endpoints{pc, pc, "https://login.microsoftonline.com", graph, graph}},
		{EndpointSettings{Cloud: "usgovernment"}, Endpoints{pc, pc, "https://login.microsoftonline.us", "https://graph.microsoft.us", "https://graph.microsoft.us"}},
		{EndpointSettings{Cloud: "China"}, Endpoints{"https://partner.partnercenterapi.microsoftonline.cn", "https://partner.partnercenterapi.microsoftonline.cn",
			"https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn"}},
		{EndpointSettings{Cloud: "public", BaseURL: "http://127.0.0.1:8080", AuthorityURL: "http://127.0.0.1:8080/", GraphBaseURL: "http://127.0.0.1:8080/"},
			Endpoints{"http://127.0.0.1:8080", pc, "http://127.0.0.1:8080", "http://127.0.0.1:8080", graph}},
	}
	for _, tt := range tests {
		if got, err := ResolveEndpoints(tt.settings); err != nil || got != tt.want {
			t.Errorf("ResolveEndpoints(%+v) = %+v, %v; want %+v", tt.settings, got, err, tt.want)
		}
	}
	refused := map[string]struct {
		settings EndpointSettings
		want     string
	}{
		"an unknown cloud":                  {EndpointSettings{Cloud: "germany"}, "china, public, usgovernment"},
		"an http authority to another host": {EndpointSettings{AuthorityURL: "http://login.example.test"}, "uses plain http"},
	}
	for name, tt := range refused {
		if _, err := ResolveEndpoints(tt.settings); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want an error saying %q", name, err, tt.want)
		}
	}
}

// writeCertificate makes a self-signed certificate and writes it with its key as PEM.
func writeCertificate(t *testing.T) (string, []byte) {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "partnercenter-test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	pemData := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	pemData = append(pemData, pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})...)
	path := filepath.Join(t.TempDir(), "app.pem")
	if err := os.WriteFile(path, pemData, 0o600); err != nil {
		t.Fatal(err)
	}
	return path, der
}

// certificateIn returns the DER of the certificate in a PEM or PKCS#12 file.
func certificateIn(t *testing.T, path, password string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	certs, _, err := azidentity.ParseCertificates(data, []byte(password))
	if err != nil || len(certs) != 1 {
		t.Fatalf("%s holds %d certificates: %v", path, len(certs), err)
	}
	return certs[0].Raw
}
