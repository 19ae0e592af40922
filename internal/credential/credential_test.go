package credential

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"math/big"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

const (
	tenant   = "6f1c2b3a-0000-4000-8000-00000000aaaa"
	clientID = "11111111-0000-4000-8000-00000000bbbb"
	secret   = "s3cret-value-never-logged"
	refresh  = "seed-refresh-token"
)

// identityServer is an emulator over TLS, as MSAL-based clients insist on https authorities.
func identityServer(t *testing.T, app emulator.App) (*emulator.Server, *httptest.Server, Endpoints) {
	t.Helper()
	emu := emulator.New()
	app.TenantID, app.ClientID = tenant, clientID
	emu.RegisterApp(app)
	emu.AddRefreshToken(clientID, refresh)
	srv := httptest.NewTLSServer(emu)
	t.Cleanup(srv.Close)
	return emu, srv, Endpoints{APIURL: srv.URL, Resource: "https://api.partnercenter.microsoft.com", AuthorityURL: srv.URL}
}

func token(t *testing.T, src *Source) string {
	t.Helper()
	tok, err := src.Token(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func TestRefreshTokenIsExchangedWithScopeAndRotated(t *testing.T) {
	t.Parallel()
	emu, srv, ep := identityServer(t, emulator.App{ClientSecret: secret})
	emu.SetTokenLifetime(time.Second) // renewed when a tenth of its life is left: after ~0.9s
	src, err := New(Config{TenantID: tenant, ClientID: clientID, ClientSecret: secret, RefreshToken: refresh}, ep, srv.Client())
	if err != nil || src.Kind != KindRefreshToken {
		t.Fatalf("New = %v, %v", src, err)
	}
	first := token(t, src)
	if again := token(t, src); again != first {
		t.Error("a fresh token was not reused")
	}
	time.Sleep(time.Second)
	if second := token(t, src); second == first {
		t.Error("an expired token was not renewed")
	}
	log := emu.TokenRequests()
	if len(log) != 2 {
		t.Fatalf("%d exchanges, want 2: %+v", len(log), log)
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

func TestAppOnlyCredentialsGetATokenThroughAzidentity(t *testing.T) {
	t.Parallel()
	certPath, certDER := writeCertificate(t)
	oidcPath := filepath.Join(t.TempDir(), "oidc-token")
	if err := os.WriteFile(oidcPath, []byte(federatedJWT("repo:contoso/billing:ref:refs/heads/main")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		cfg  Config
		kind Kind
	}{
		{"a client secret", Config{ClientSecret: secret}, KindClientSecret},
		{"a certificate", Config{CertificatePath: certPath}, KindClientCertificate},
		{"an OIDC token file", Config{UseOIDC: true, OIDCTokenFilePath: oidcPath}, KindOIDC},
		{"an OIDC token", Config{UseOIDC: true, OIDCToken: federatedJWT("repo:contoso/billing:ref:refs/heads/main")}, KindOIDC},
	}
	for _, tt := range tests {
		t.Run("it authenticates with "+tt.name, func(t *testing.T) {
			t.Parallel()
			emu, srv, ep := identityServer(t, emulator.App{ClientSecret: secret, CertificateDER: certDER,
				FederatedSubject: "repo:contoso/billing:ref:refs/heads/main"})
			tt.cfg.TenantID, tt.cfg.ClientID = tenant, clientID
			src, err := New(tt.cfg, ep, srv.Client())
			if err != nil || src.Kind != tt.kind {
				t.Fatalf("New = %+v, %v; want kind %s", src, err, tt.kind)
			}
			token(t, src)
			log := emu.TokenRequests()
			if len(log) != 1 || log[0].GrantType != "client_credentials" || !strings.HasPrefix(log[0].Scope, "https://api.partnercenter.microsoft.com/.default") {
				t.Errorf("token requests %+v", log)
			}
		})
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
	if got := token(t, src); got != "cli-token" {
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
			_, err = src.Token(context.Background())
			var te *TokenError
			if !errors.As(err, &te) || te.Code != tt.wantCode || !strings.Contains(te.Error(), tt.wantHint) {
				t.Fatalf("err = %v, want AADSTS%d with a hint mentioning %q", err, tt.wantCode, tt.wantHint)
			}
			if strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), refresh) {
				t.Errorf("the error shows a secret: %v", err)
			}
		})
	}
}

func TestKindOrderAndMissingSettings(t *testing.T) {
	t.Parallel()
	app := Config{TenantID: tenant, ClientID: clientID}
	with := func(f func(*Config)) Config { c := app; f(&c); return c }
	tests := []struct {
		name string
		cfg  Config
		want Kind
	}{
		{"an access token wins over everything", with(func(c *Config) { c.AccessToken = "t"; c.ClientSecret = "s"; c.UseCLI = true }), KindAccessToken},
		{"a refresh token needs the secret too", with(func(c *Config) { c.ClientSecret = "s"; c.RefreshToken = "r" }), KindRefreshToken},
		{"a secret alone is App-only", with(func(c *Config) { c.ClientSecret = "s" }), KindClientSecret},
		{"a certificate is App-only", with(func(c *Config) { c.CertificatePath = "/x.pem" }), KindClientCertificate},
		{"OIDC needs use_oidc and a token", with(func(c *Config) { c.UseOIDC = true; c.OIDCTokenFilePath = "/t" }), KindOIDC},
		{"the CLI comes last", with(func(c *Config) { c.UseCLI = true; c.RefreshToken = "r" }), KindAzureCLI},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, ok := tt.cfg.kind(); !ok || got != tt.want {
				t.Errorf("kind = %q, %v; want %q", got, ok, tt.want)
			}
		})
	}
	_, err := New(with(func(c *Config) { c.RefreshToken = "r" }), Endpoints{}, nil)
	var missing *MissingError
	if !errors.As(err, &missing) {
		t.Fatalf("err = %v, want a MissingError", err)
	}
	msg := err.Error()
	for _, want := range []string{"Found: tenant_id, client_id, refresh_token", "refresh token (App+User): client_secret", "use_cli = true"} {
		if !strings.Contains(msg, want) {
			t.Errorf("%q does not say %q", msg, want)
		}
	}
	if strings.Contains(msg, `"r"`) {
		t.Errorf("the error shows a value: %s", msg)
	}
}

func TestResolveEndpoints(t *testing.T) {
	t.Parallel()
	tests := []struct {
		cloud, base, authority string
		want                   Endpoints
	}{
		{"", "", "", Endpoints{"https://api.partnercenter.microsoft.com", "https://api.partnercenter.microsoft.com", "https://login.microsoftonline.com"}},
		{"usgovernment", "", "", Endpoints{"https://api.partnercenter.microsoft.com", "https://api.partnercenter.microsoft.com", "https://login.microsoftonline.us"}},
		{"China", "", "", Endpoints{"https://partner.partnercenterapi.microsoftonline.cn", "https://partner.partnercenterapi.microsoftonline.cn", "https://login.chinacloudapi.cn"}},
		{"public", "http://127.0.0.1:8080", "http://127.0.0.1:8080/", Endpoints{"http://127.0.0.1:8080", "https://api.partnercenter.microsoft.com", "http://127.0.0.1:8080"}},
	}
	for _, tt := range tests {
		if got, err := ResolveEndpoints(tt.cloud, tt.base, tt.authority); err != nil || got != tt.want {
			t.Errorf("ResolveEndpoints(%q, %q, %q) = %+v, %v; want %+v", tt.cloud, tt.base, tt.authority, got, err, tt.want)
		}
	}
	if _, err := ResolveEndpoints("germany", "", ""); err == nil || !strings.Contains(err.Error(), "china, public, usgovernment") {
		t.Errorf("unknown cloud: %v", err)
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

// federatedJWT is a pipeline's OIDC token with the given subject (the emulator trusts the
// subject it is told to; real Entra ID also checks the issuer's signature).
func federatedJWT(subject string) string {
	enc := base64.RawURLEncoding.EncodeToString
	return enc([]byte(`{"alg":"RS256","typ":"JWT"}`)) + "." +
		enc([]byte(`{"iss":"https://token.actions.githubusercontent.com","sub":"`+subject+`","aud":"api://AzureADTokenExchange","exp":4070908800}`)) +
		"." + enc([]byte("signature"))
}
