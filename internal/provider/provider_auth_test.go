// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider_test

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"math/big"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/settings"
)

// These tests configure the provider through environment variables only, so they do not run in
// parallel.

var credentialEnvVars = []string{
	settings.EnvCloud, settings.EnvBaseURL, settings.EnvAuthorityURL, settings.EnvAccessToken, settings.EnvTenantID, settings.EnvClientID, settings.EnvClientSecret, settings.EnvRefreshToken,
	settings.EnvCertificatePath, settings.EnvCertificatePassword, settings.EnvUseOIDC, settings.EnvOIDCToken, settings.EnvOIDCTokenFilePath, settings.EnvUseCLI,
	settings.EnvGraphBaseURL, settings.EnvGraphAccessToken,
}

// authEnv is an emulator with an app registration, and the environment that points the provider
// at it.
type authEnv struct {
	Emulator  *emulator.Server
	url       string
	customers []string
}

func newAuthEnv(t *testing.T, tls bool, customers int) *authEnv {
	t.Helper()
	if acctest.AgainstRealPartnerCenter() {
		t.Skip("credential tests run against the emulator's Entra ID")
	}
	emu := emulator.New(acctest.AuthCLIToken)
	emu.RegisterApp(emulator.App{TenantID: acctest.AuthTenant, ClientID: acctest.AuthClient, ClientSecret: acctest.AuthSecret,
		CertificateDER: testCertificateDER, FederatedSubject: acctest.AuthSubject})
	emu.AddRefreshToken(acctest.AuthClient, acctest.AuthRefresh)
	e := &authEnv{Emulator: emu}
	for range customers {
		id := uuid.NewString()
		if err := emu.SeedDefaultCustomer(id); err != nil {
			t.Fatal(err)
		}
		e.customers = append(e.customers, id)
	}
	srv := httptest.NewUnstartedServer(emu)
	if tls {
		srv.StartTLS()
	} else {
		srv.Start()
	}
	t.Cleanup(srv.Close)
	e.url = srv.URL
	return e
}

// setEnv clears every credential variable, then sets the endpoints and vars.
func (e *authEnv) setEnv(t *testing.T, vars map[string]string) {
	t.Helper()
	for _, v := range credentialEnvVars {
		t.Setenv(v, "")
	}
	t.Setenv(settings.EnvBaseURL, e.url)
	t.Setenv(settings.EnvAuthorityURL, e.url)
	for k, v := range vars {
		t.Setenv(k, v)
	}
}

func (e *authEnv) Config(companyName string) string {
	var b strings.Builder
	b.WriteString("provider \"partnercenter\" {}\n")
	for i, id := range e.customers {
		fmt.Fprintf(&b, "resource \"partnercenter_customer_billing_profile\" \"c%d\" {\n  customer_id  = %q\n  company_name = %q\n}\n", i, id, companyName)
	}
	return b.String()
}

func (e *authEnv) Run(t *testing.T, steps ...resource.TestStep) {
	t.Helper()
	resource.UnitTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories, Steps: steps})
}

func refreshTokenVars() map[string]string {
	return map[string]string{settings.EnvTenantID: acctest.AuthTenant, settings.EnvClientID: acctest.AuthClient, settings.EnvClientSecret: acctest.AuthSecret, settings.EnvRefreshToken: acctest.AuthRefresh}
}

// noUnauthorized checks no API call met a 401.
func (e *authEnv) noUnauthorized() error {
	for _, r := range e.Emulator.Requests() {
		if r.Status == 401 {
			return fmt.Errorf("%s %s was answered 401", r.Method, r.Path)
		}
	}
	return nil
}

func TestAccAuth_refreshTokenFromEnvironment(t *testing.T) {
	env := newAuthEnv(t, false, 1)
	env.setEnv(t, refreshTokenVars())
	env.Run(t, resource.TestStep{
		Config:            env.Config("Via refresh token"),
		ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue("partnercenter_customer_billing_profile.c0", tfjsonpath.New("company_name"), knownvalue.StringExact("Via refresh token"))},
		Check: func(*terraform.State) error {
			for _, r := range env.Emulator.TokenRequests() {
				if r.GrantType != "refresh_token" || r.Scope != "https://api.partnercenter.microsoft.com/user_impersonation" || r.Status != 200 {
					return fmt.Errorf("token request %+v", r)
				}
			}
			return env.noUnauthorized()
		},
	})
}

func TestAccAuth_tokenExpiringMidRunIsRenewedAndRotated(t *testing.T) {
	env := newAuthEnv(t, false, 1)
	env.setEnv(t, refreshTokenVars())
	env.Emulator.SetTokenLifetime(time.Second)
	// The retry of a throttled GET comes after the first token has expired.
	env.Emulator.Inject(emulator.Fault{Method: "GET", Status: 429, RetryAfter: 2 * time.Second})
	env.Run(t, resource.TestStep{
		Config: env.Config("Renewed"),
		Check: func(*terraform.State) error {
			if err := env.noUnauthorized(); err != nil {
				return err
			}
			issued := map[string]bool{acctest.AuthRefresh: true}
			rotated := 0
			for _, r := range env.Emulator.TokenRequests() {
				if !issued[r.RefreshToken] {
					return fmt.Errorf("an exchange presented a refresh token never issued: %+v", r)
				}
				if r.RefreshToken != acctest.AuthRefresh {
					rotated++
				}
				issued[r.IssuedRefreshToken] = true
			}
			if rotated == 0 {
				return fmt.Errorf("no exchange used a rotated refresh token: %+v", env.Emulator.TokenRequests())
			}
			return nil
		},
	})
}

func TestAccAuth_resourcesShareOneTokenExchange(t *testing.T) {
	env := newAuthEnv(t, false, 5)
	env.setEnv(t, refreshTokenVars())
	env.Run(t, resource.TestStep{
		Config: env.Config("Shared token"),
		Check: func(*terraform.State) error {
			uses := map[string]int{}
			for _, r := range env.Emulator.Requests() {
				uses[r.TokenHash]++
			}
			exchanges := len(env.Emulator.TokenRequests())
			if len(uses) != exchanges {
				return fmt.Errorf("%d tokens used for %d exchanges", len(uses), exchanges)
			}
			for hash, n := range uses {
				// One provider process serves all five resources with one token.
				if n < len(env.customers) {
					return fmt.Errorf("token %s served %d calls; with one exchange per provider it serves all %d resources", hash, n, len(env.customers))
				}
			}
			return nil
		},
	})
}

func TestAccAuth_eachAppCredentialKindFromEnvironment(t *testing.T) {
	dir := t.TempDir()
	certPath := filepath.Join(dir, "app.pem")
	if err := os.WriteFile(certPath, testCertificatePEM, 0o600); err != nil {
		t.Fatal(err)
	}
	oidcPath := filepath.Join(dir, "oidc-token")
	if err := os.WriteFile(oidcPath, []byte(federatedToken(acctest.AuthSubject)), 0o600); err != nil {
		t.Fatal(err)
	}
	writeFakeAzureCLI(t, dir)
	app := map[string]string{settings.EnvTenantID: acctest.AuthTenant, settings.EnvClientID: acctest.AuthClient}
	tests := []struct {
		name       string
		vars       map[string]string
		wantGrants int
	}{
		{"client secret", merge(app, map[string]string{settings.EnvClientSecret: acctest.AuthSecret}), 1},
		{"client certificate", merge(app, map[string]string{settings.EnvCertificatePath: certPath}), 1},
		{"OIDC token file", merge(app, map[string]string{settings.EnvUseOIDC: "true", settings.EnvOIDCTokenFilePath: oidcPath}), 1},
		{"Azure CLI", map[string]string{settings.EnvUseCLI: "true", "PATH": dir + string(os.PathListSeparator) + os.Getenv("PATH")}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newAuthEnv(t, true, 1)
			env.setEnv(t, tt.vars)
			env.Run(t, resource.TestStep{
				Config: env.Config("Via " + tt.name),
				Check: func(*terraform.State) error {
					for _, r := range env.Emulator.TokenRequests() {
						if r.GrantType != "client_credentials" || r.Status != 200 {
							return fmt.Errorf("token request %+v", r)
						}
					}
					if tt.wantGrants == 0 && len(env.Emulator.TokenRequests()) != 0 {
						return fmt.Errorf("the Azure CLI kind asked the token endpoint: %+v", env.Emulator.TokenRequests())
					}
					if tt.wantGrants > 0 && len(env.Emulator.TokenRequests()) == 0 {
						return fmt.Errorf("no token was requested")
					}
					return env.noUnauthorized()
				},
			})
		})
	}
}

// TestAccAuth_traceLogsHoldNoSecret applies with each credential kind at TF_LOG=TRACE, and once
// with a rejected secret so that diagnostics are logged too, then looks for every secret and token
// in the captured log and the state.
func TestAccAuth_traceLogsHoldNoSecret(t *testing.T) {
	dir := t.TempDir()
	certPath := filepath.Join(dir, "app.pem")
	acctest.WriteFile(t, certPath, string(testCertificatePEM))
	oidc := federatedToken(acctest.AuthSubject)
	writeFakeAzureCLI(t, dir)
	app := map[string]string{settings.EnvTenantID: acctest.AuthTenant, settings.EnvClientID: acctest.AuthClient}
	tests := []struct {
		name string
		tls  bool
		vars map[string]string
		fail bool
	}{
		{"access token", false, map[string]string{settings.EnvAccessToken: acctest.AuthCLIToken}, false},
		{"refresh token", false, merge(app, refreshTokenVars()), false},
		{"client secret", true, merge(app, map[string]string{settings.EnvClientSecret: acctest.AuthSecret}), false},
		{"client certificate", true, merge(app, map[string]string{settings.EnvCertificatePath: certPath}), false},
		{"OIDC token", true, merge(app, map[string]string{settings.EnvUseOIDC: "true", settings.EnvOIDCToken: oidc}), false},
		{"Azure CLI", false, map[string]string{settings.EnvUseCLI: "true", "PATH": dir + string(os.PathListSeparator) + os.Getenv("PATH")}, false},
		{"rejected secret", false, merge(refreshTokenVars(), map[string]string{settings.EnvClientSecret: "wrong-" + acctest.AuthSecret}), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newAuthEnv(t, tt.tls, 1)
			env.setEnv(t, tt.vars)
			logPath := filepath.Join(t.TempDir(), "trace.log")
			t.Setenv("TF_LOG", "TRACE")
			t.Setenv("TF_ACC_LOG_PATH", logPath)
			var state string
			step := resource.TestStep{Config: env.Config("Traced"), Check: func(s *terraform.State) error {
				state = s.String()
				return nil
			}}
			if tt.fail {
				step = resource.TestStep{Config: env.Config("Traced"), ExpectError: acctest.DiagnosticPattern("Could not get a Partner Center token", "AADSTS7000215")}
			}
			env.Run(t, step)
			logs, err := os.ReadFile(logPath)
			if err != nil {
				t.Fatal(err)
			}
			wantLogged := "Sending Partner Center request"
			if tt.fail {
				wantLogged = "AADSTS7000215" // the diagnostic, as the provider logs it
			}
			if !strings.Contains(string(logs), wantLogged) {
				t.Fatalf("the trace log did not capture %q (%d bytes)", wantLogged, len(logs))
			}
			secrets := []string{acctest.AuthSecret, acctest.AuthRefresh, acctest.AuthCLIToken, oidc, "wrong-" + acctest.AuthSecret}
			for _, r := range env.Emulator.TokenRequests() {
				secrets = append(secrets, r.Issued, r.IssuedRefreshToken)
			}
			for _, s := range secrets {
				if s == "" {
					continue
				}
				if strings.Contains(string(logs), s) {
					t.Errorf("the trace log holds a secret beginning %q", s[:8])
				}
				if strings.Contains(state, s) {
					t.Errorf("the state holds a secret beginning %q", s[:8])
				}
			}
		})
	}
}

func merge(maps ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, m := range maps {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

func TestAccAuth_missingCredentialSaysWhatIsMissing(t *testing.T) {
	env := newAuthEnv(t, false, 1)
	env.setEnv(t, map[string]string{settings.EnvTenantID: acctest.AuthTenant, settings.EnvClientID: acctest.AuthClient, settings.EnvRefreshToken: acctest.AuthRefresh})
	env.Run(t, resource.TestStep{
		Config:      env.Config("Contoso"),
		ExpectError: acctest.DiagnosticPattern("No Partner Center credential", "Found: tenant_id, client_id, refresh_token", "refresh token \\(App\\+User\\): client_secret"),
	})
}

func TestAccAuth_expiredRefreshTokenIsExplained(t *testing.T) {
	env := newAuthEnv(t, false, 1)
	env.setEnv(t, refreshTokenVars())
	env.Emulator.RevokeRefreshToken(acctest.AuthRefresh)
	env.Run(t, resource.TestStep{
		Config:      env.Config("Contoso"),
		ExpectError: acctest.DiagnosticPattern("Could not get a Partner Center token", "refresh token \\(App\\+User\\)", "AADSTS70008", "90 days"),
	})
}

func TestAccAuth_unauthorizedNamesTheCredentialKind(t *testing.T) {
	env := newAuthEnv(t, false, 1)
	env.setEnv(t, refreshTokenVars())
	env.Emulator.Inject(emulator.Fault{Method: "GET", Status: 401})
	env.Run(t, resource.TestStep{
		Config:      env.Config("Contoso"),
		ExpectError: acctest.DiagnosticPattern("Partner Center rejected the credential", "refresh token \\(App\\+User\\) credential", "HTTP 401"),
	})
}

// writeFakeAzureCLI puts an `az` into dir that hands out acctest.AuthCLIToken, as `az account
// get-access-token` does.
func writeFakeAzureCLI(t *testing.T, dir string) {
	t.Helper()
	az := "#!/bin/sh\necho '{\"accessToken\":\"" + acctest.AuthCLIToken + "\",\"expiresOn\":\"2099-01-01 00:00:00.000000\",\"expires_on\":4070908800,\"tokenType\":\"Bearer\"}'\n"
	if err := os.WriteFile(filepath.Join(dir, "az"), []byte(az), 0o700); err != nil {
		t.Fatal(err)
	}
}

// testCertificatePEM and testCertificateDER are a self-signed certificate with its key, made once
// per test run.
var testCertificatePEM, testCertificateDER = func() ([]byte, []byte) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "partnercenter-acc"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		panic(err)
	}
	out := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	return append(out, pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})...), der
}()

// federatedToken is a pipeline's OIDC token for subject.
func federatedToken(subject string) string {
	enc := base64.RawURLEncoding.EncodeToString
	return enc([]byte(`{"alg":"RS256","typ":"JWT"}`)) + "." +
		enc([]byte(`{"iss":"https://token.actions.githubusercontent.com","sub":"`+subject+`","aud":"api://AzureADTokenExchange","exp":4070908800}`)) +
		"." + enc([]byte("signature"))
}
