// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package credential

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// Secrets with the characters that change when a form body or JSON carries them.
const (
	echoedSecret  = "Xy9~q+secret/with=chars&more"
	echoedRefresh = "0.AXoA-refresh+token/value=="
)

// secretForms lists s as given, URL-encoded and JSON-escaped: the forms an echo repeats it in.
func secretForms(s string) []string {
	quoted, _ := json.Marshal(s)
	return []string{s, url.QueryEscape(s), url.PathEscape(s), strings.Trim(string(quoted), `"`)}
}

func TestTokenErrorsNeverShowASecretEvenWhenTheEndpointEchoesTheRequest(t *testing.T) {
	t.Parallel()
	oidc := federatedJWT("repo:contoso/billing:ref:refs/heads/main")
	tests := []struct {
		name string
		cfg  Config
	}{
		{"a refresh token and its client secret", Config{ClientSecret: echoedSecret, RefreshToken: echoedRefresh}},
		{"an App-only client secret", Config{ClientSecret: echoedSecret}},
		{"an OIDC token", Config{UseOIDC: true, OIDCToken: oidc}},
	}
	for _, tt := range tests {
		t.Run("the error of "+tt.name+" masks it", func(t *testing.T) {
			t.Parallel()
			emu, srv, ep := identityServer(t, emulator.App{ClientSecret: echoedSecret, FederatedSubject: "repo:contoso/billing:ref:refs/heads/main"})
			emu.AddRefreshToken(clientID, echoedRefresh)
			emu.InjectTokenFault(emulator.TokenFault{Status: 401, AADSTS: 7000215, Echo: true, Times: 10})
			tt.cfg.TenantID, tt.cfg.ClientID = tenant, clientID
			src, err := New(tt.cfg, ep, srv.Client())
			if err != nil {
				t.Fatal(err)
			}
			_, err = quickRetries(src).Token(context.Background())
			var te *TokenError
			if !errors.As(err, &te) || te.Code != 7000215 {
				t.Fatalf("err = %v, want a TokenError with AADSTS7000215", err)
			}
			if n := len(emu.TokenRequests()); n != 1 {
				t.Errorf("%d token requests, want 1: a refused credential is not asked again", n)
			}
			if !strings.Contains(err.Error(), "The request was:") || !strings.Contains(err.Error(), "***") {
				t.Errorf("err = %v, want the echo kept with the secrets masked", err)
			}
			assertNoSecret(t, "the error", err.Error(), echoedSecret, echoedRefresh, oidc)
			assertNoSecret(t, "the unwrapped error", errors.Unwrap(err).Error(), echoedSecret, echoedRefresh, oidc)
		})
	}
}

func TestTokenRequestLogsNeverShowASecret(t *testing.T) {
	t.Setenv("TF_LOG", "TRACE") // bodies are logged only at TRACE
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	emu := emulator.New()
	emu.RegisterApp(emulator.App{TenantID: tenant, ClientID: clientID, ClientSecret: echoedSecret})
	emu.AddRefreshToken(clientID, echoedRefresh)
	srv := httptest.NewServer(emu) // the refresh-token exchange needs no TLS, and the logging client trusts none of its own
	t.Cleanup(srv.Close)
	ep := Endpoints{APIURL: srv.URL, Resource: "https://api.partnercenter.microsoft.com", AuthorityURL: srv.URL}
	src, err := New(Config{TenantID: tenant, ClientID: clientID, ClientSecret: echoedSecret, RefreshToken: echoedRefresh}, ep, transport.NewHTTPClient(partnercenter.APIName))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.Token(ctx); err != nil {
		t.Fatal(err)
	}
	emu.InjectTokenFault(emulator.TokenFault{Status: 503, Echo: true, Times: 10})
	cache := src.TokenSource.(*cachedSource)
	later := time.Now().Add(2 * time.Hour) // the first token has expired
	cache.now = func() time.Time { return later }
	cache.retry.waitMin, cache.retry.waitMax = time.Millisecond, 2*time.Millisecond // three attempts, echoed each time
	if _, err := src.Token(ctx); err == nil {
		t.Fatal("a renewal through an outage succeeded")
	}
	if !strings.Contains(logs.String(), "/oauth2/v2.0/token") || !strings.Contains(logs.String(), "The request was:") {
		t.Fatalf("the token requests and the echo were not logged:\n%s", logs.String())
	}
	issued := emu.TokenRequests()[0]
	assertNoSecret(t, "the log", logs.String(), echoedSecret, echoedRefresh, issued.Issued, issued.IssuedRefreshToken)
}

func TestMaskerHidesEveryConfiguredSecretInEveryForm(t *testing.T) {
	t.Parallel()
	cfg := Config{ClientSecret: "client-secret+/=value", RefreshToken: "refresh.token-value", OIDCToken: "eyJhbGciOi.oidc.token",
		CertificatePassword: "pfx pass,word", AccessToken: "static-access-token"}
	m := newMasker(cfg)
	m.add("rotated-refresh-token")
	secrets := []string{cfg.ClientSecret, cfg.RefreshToken, cfg.OIDCToken, cfg.CertificatePassword, cfg.AccessToken, "rotated-refresh-token"}
	for _, s := range secrets {
		for _, form := range secretForms(s) {
			t.Run("it hides "+form, func(t *testing.T) {
				t.Parallel()
				masked := m.mask("before " + form + " after")
				if masked != "before *** after" {
					t.Errorf("mask = %q, want %q", masked, "before *** after")
				}
			})
		}
	}
}

func TestMaskerHidesShortSecretsOnlyWhereTheyStandAlone(t *testing.T) {
	t.Parallel()
	m := newMasker(Config{CertificatePassword: "abc"})
	tests := []struct{ in, want string }{
		{"password=abc&x=1", "password=***&x=1"},
		{"abc", "***"},
		{"'abc' 'abc'", "'***' '***'"},
		{"the cabcade of abcdef", "the cabcade of abcdef"},
	}
	for _, tt := range tests {
		t.Run("it turns "+tt.in+" into "+tt.want, func(t *testing.T) {
			t.Parallel()
			if got := m.mask(tt.in); got != tt.want {
				t.Errorf("mask(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMaskerHidesSecretsOfEightCharactersAndMoreWhereverTheyStand(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, secret, in, want string
	}{
		{"a secret of eight characters is hidden inside a word", "8chars-x", "xx8chars-xyy", "xx***yy"},
		{"a secret of seven characters is hidden only where it stands alone", "7chars-", "xx7chars-yy 7chars-", "xx7chars-yy ***"},
		{"a secret that holds another is hidden whole", "abcdefgh", "token abcdefgh-and-more, then abcdefgh", "token ***, then ***"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			// The secret that holds the other comes after it, so that only sorting by length
			// masks the longer one whole.
			m := newMasker(Config{ClientSecret: tt.secret, RefreshToken: tt.secret + "-and-more"})
			if got := m.mask(tt.in); got != tt.want {
				t.Errorf("mask(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLogLinesOfATokenRequestHideEverySecret(t *testing.T) {
	t.Parallel()
	m := newMasker(Config{ClientSecret: "client-secret-value", CertificatePassword: "pw1"})
	m.add("8chars-x")
	var logs bytes.Buffer
	ctx := m.logContext(tflogtest.RootLogger(context.Background(), &logs))
	tflog.Debug(ctx, "the endpoint said: secret client-secret-value, password pw1, issued xx8chars-xyy",
		map[string]any{"detail": "client-secret-value pw1 8chars-x"})
	out := logs.String()
	// A short secret's pattern takes the characters around it along ("password*** issued").
	for _, want := range []string{"secret ***,", "password***", "issued xx***yy"} {
		if !strings.Contains(out, want) {
			t.Errorf("the log line does not say %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "pw1") {
		t.Errorf("the log shows the certificate password:\n%s", out)
	}
	assertNoSecret(t, "the log", out, "client-secret-value", "8chars-x")
}

func TestMaskerForgetsTheOldestSecretsMetWhileRunning(t *testing.T) {
	t.Parallel()
	m := newMasker(Config{ClientSecret: "configured-secret-value"})
	met := make([]string, 11)
	for i := range met {
		met[i] = strings.Repeat(string(rune('a'+i)), 12)
		m.add(met[i])
	}
	if got := m.mask("configured-secret-value"); got != "***" {
		t.Errorf("a configured secret was forgotten: %q", got)
	}
	for i, s := range met {
		t.Run(fmt.Sprintf("the secret met %d of 11 is kept only among the eight newest", i+1), func(t *testing.T) {
			t.Parallel()
			want := "***"
			if i < 3 {
				want = s
			}
			if got := m.mask(s); got != want {
				t.Errorf("mask(%q) = %q, want %q", s, got, want)
			}
		})
	}
}
