package credential

import (
	"context"
	"encoding/base64"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// Shared pieces of the credential tests: an emulated Entra ID, a clock to move, scripted token
// answers and the checks that no secret shows.

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
	return emu, srv, Endpoints{APIURL: srv.URL, Resource: "https://api.partnercenter.microsoft.com", AuthorityURL: srv.URL,
		GraphURL: srv.URL, GraphResource: "https://graph.microsoft.com"}
}

// quickRetries shortens the waits between a token source's attempts, so that a test in which a
// refusal is taken for an outage fails in milliseconds rather than after seconds of backoff.
func quickRetries(src *Source) *Source {
	cache := src.TokenSource.(*cachedSource)
	cache.retry.waitMin, cache.retry.waitMax = time.Millisecond, 2*time.Millisecond
	return src
}

// onOneClock puts the emulator and the sources' caches on one stopped clock, which the test moves
// to expire tokens instead of sleeping until they do.
func onOneClock(emu *emulator.Server, sources ...*Source) *clock {
	clk := &clock{now: time.Now()}
	emu.SetClock(clk.Now)
	for _, src := range sources {
		src.TokenSource.(*cachedSource).now = clk.Now
	}
	return clk
}

func token(t *testing.T, src *Source) string {
	t.Helper()
	tok, err := src.Token(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// federatedJWT is a pipeline's OIDC token with the given subject (the emulator trusts the
// subject it is told to; real Entra ID also checks the issuer's signature).
func federatedJWT(subject string) string {
	enc := base64.RawURLEncoding.EncodeToString
	return enc([]byte(`{"alg":"RS256","typ":"JWT"}`)) + "." +
		enc([]byte(`{"iss":"https://token.actions.githubusercontent.com","sub":"`+subject+`","aud":"api://AzureADTokenExchange","exp":4070908800}`)) +
		"." + enc([]byte("signature"))
}

func assertNoSecret(t *testing.T, where, text string, secrets ...string) {
	t.Helper()
	for _, s := range secrets {
		for _, form := range secretForms(s) {
			if s != "" && strings.Contains(text, form) {
				t.Errorf("%s shows the secret %q (as %q):\n%s", where, s, form, text)
			}
		}
	}
}

// clock is a settable time for renewal-timing tests.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// Advance moves the clock on by d, for callers that race each other.
func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func issued(name string) func(context.Context) (*oauth2.Token, error) {
	return func(context.Context) (*oauth2.Token, error) {
		return &oauth2.Token{AccessToken: name, Expiry: t0.Add(time.Hour)}, nil
	}
}

func issuedAt(name string, clk *clock) func(context.Context) (*oauth2.Token, error) {
	return func(context.Context) (*oauth2.Token, error) {
		return &oauth2.Token{AccessToken: name, Expiry: clk.Now().Add(time.Hour)}, nil
	}
}

const apiCustomer = "0b6fd2a5-2c8b-4f3e-9b7a-3a1de2f0c001"
