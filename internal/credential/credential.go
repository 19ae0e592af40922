// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package credential

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"golang.org/x/oauth2"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

// Kind names a kind of credential, as users read it in errors.
type Kind string

// The credential kinds, in the order they are tried.
const (
	KindAccessToken       Kind = "access token"
	KindRefreshToken      Kind = "refresh token (App+User)"
	KindClientSecret      Kind = "client secret (App-only)"
	KindClientCertificate Kind = "client certificate (App-only)"
	KindOIDC              Kind = "OIDC workload identity federation"
	KindAzureCLI          Kind = "Azure CLI"
)

// Config holds the authentication settings. Field comments name the provider attributes.
type Config struct {
	AccessToken         string // access_token: a Partner Center token
	GraphAccessToken    string // graph_access_token: a Microsoft Graph token
	TenantID            string // tenant_id
	ClientID            string // client_id
	ClientSecret        string // client_secret
	RefreshToken        string // refresh_token
	CertificatePath     string // client_certificate_path
	CertificatePassword string // client_certificate_password
	UseOIDC             bool   // use_oidc
	OIDCToken           string // oidc_token
	OIDCTokenFilePath   string // oidc_token_file_path
	UseCLI              bool   // use_cli
}

// Source is a token source for the client and the kind of credential behind it.
type Source struct {
	transport.TokenSource
	Kind Kind
}

// RenewRefused renews a token Partner Center refused when the source behind it can tell that it
// may have expired on its way (transport.RenewingTokenSource); a static token stays refused.
func (s *Source) RenewRefused(ctx context.Context, refused string) (string, bool, error) {
	if r, ok := s.TokenSource.(transport.RenewingTokenSource); ok {
		return r.RenewRefused(ctx, refused)
	}
	return "", false, nil
}

// Sources are the token sources of one credential, one per audience, and its kind.
type Sources struct {
	Kind          Kind
	PartnerCenter *Source
	Graph         *Source
	// CustomerTenants gives Graph tokens in customers' tenants, where the kind can get them.
	CustomerTenants *CustomerTenants
}

// NewSources picks the first credential kind cfg configures fully, in the order of the Kind
// constants, and returns its token sources for Partner Center and for Microsoft Graph, which
// share the credential: one refresh token (rotated by each exchange, whichever audience asked),
// one masker of its secrets. hc carries the token requests. When no kind is fully configured, the
// error lists what was found and what each kind still needs.
func NewSources(cfg Config, ep Endpoints, hc *http.Client) (*Sources, error) {
	kind, ok := cfg.kind()
	switch {
	case !ok && cfg.GraphAccessToken != "":
		// A configuration that manages GDAP alone needs Graph's token alone: Partner Center's calls,
		// should it make any, fail then, saying what is missing.
		missing := &MissingError{Found: cfg.found(), Missing: cfg.missing()}
		return &Sources{Kind: KindAccessToken,
			PartnerCenter:   &Source{TokenSource: missingCredential{missing}, Kind: KindAccessToken},
			Graph:           &Source{TokenSource: transport.StaticToken(cfg.GraphAccessToken), Kind: KindAccessToken},
			CustomerTenants: staticCustomerTenants()}, nil
	case !ok:
		return nil, &MissingError{Found: cfg.found(), Missing: cfg.missing()}
	}
	out, err := cfg.sources(kind, ep, hc)
	if err != nil {
		return nil, err
	}
	if cfg.GraphAccessToken != "" {
		// A Graph token given as it is serves Graph, whichever kind serves Partner Center.
		out.Graph = &Source{TokenSource: transport.StaticToken(cfg.GraphAccessToken), Kind: KindAccessToken}
	}
	return out, nil
}

// sources are the token sources kind gives for each API.
func (cfg Config) sources(kind Kind, ep Endpoints, hc *http.Client) (*Sources, error) {
	if kind == KindAccessToken {
		return staticSources(cfg, ep), nil
	}
	secrets := newMasker(cfg)
	var rts *refreshTokens
	if kind == KindRefreshToken {
		rts = newRefreshTokens(cfg.RefreshToken)
	}
	out := &Sources{Kind: kind}
	for _, a := range []Audience{PartnerCenter, Graph} {
		fetch, err := cfg.fetcher(kind, ep, a, hc, secrets, rts)
		if err != nil {
			return nil, secrets.err(fmt.Errorf("%s: %w", kind, err))
		}
		cache := newCachedSource(explained(kind, a, fetch, secrets))
		cache.audience = a
		if rts != nil {
			cache.turn = rts.take // the other API's exchange is waited for outside each attempt's timeout
		}
		src := &Source{TokenSource: cache, Kind: kind}
		if a == Graph {
			out.Graph = src
		} else {
			out.PartnerCenter = src
		}
	}
	customers, err := cfg.newCustomerTenants(kind, ep, hc, secrets, rts)
	if err != nil {
		return nil, secrets.err(fmt.Errorf("%s: %w", kind, err))
	}
	out.CustomerTenants = customers
	return out, nil
}

// New is NewSources' Partner Center source.
func New(cfg Config, ep Endpoints, hc *http.Client) (*Source, error) {
	s, err := NewSources(cfg, ep, hc)
	if err != nil {
		return nil, err
	}
	return s.PartnerCenter, nil
}

// staticSources are the sources of an access token used as it is. A token is for one API:
// access_token is Partner Center's, and Graph gets an error that says what to set and how to get
// a token for it, unless graph_access_token gives one (NewSources).
func staticSources(cfg Config, ep Endpoints) *Sources {
	graph := missingToken{Graph, "graph_access_token (PARTNERCENTER_GRAPH_ACCESS_TOKEN)", ep.resource(Graph)}
	return &Sources{Kind: KindAccessToken,
		PartnerCenter:   &Source{TokenSource: transport.StaticToken(cfg.AccessToken), Kind: KindAccessToken},
		Graph:           &Source{TokenSource: graph, Kind: KindAccessToken},
		CustomerTenants: staticCustomerTenants()}
}

// missingToken is the source of an API a static credential has no token for.
type missingToken struct {
	audience Audience
	setting  string // the provider setting that takes the API's token
	resource string // the cloud's resource the API's tokens name
}

// Token says what to set, and how to get a token for it.
func (m missingToken) Token(context.Context) (string, error) {
	return "", &TokenError{Kind: KindAccessToken, Audience: m.audience, refused: true, notGiven: true, Err: fmt.Errorf(
		"an access token is for one API, and none was given for %s: set %s to a token for it (for example from "+
			"az account get-access-token --resource %s), or use a credential kind that gets tokens for both "+
			"(a refresh token, client credentials, OIDC or the Azure CLI)", m.audience, m.setting, m.resource)}
}

// missingCredential is Partner Center's source when the configuration gives a Graph token alone.
type missingCredential struct{ missing *MissingError }

// Token says that no Partner Center credential is configured, and what each kind still needs.
func (m missingCredential) Token(context.Context) (string, error) {
	return "", &TokenError{Kind: KindAccessToken, Audience: PartnerCenter, refused: true, notGiven: true, Err: m.missing}
}

func (cfg Config) fetcher(kind Kind, ep Endpoints, a Audience, hc *http.Client, secrets *masker, rts *refreshTokens) (fetchFunc, error) {
	switch kind {
	case KindRefreshToken:
		return refreshTokenFetcher(cfg, ep, a, hc, rts), nil
	case KindClientSecret, KindClientCertificate, KindOIDC, KindAzureCLI:
		return azureFetcher(kind, cfg, ep, a, hc, secrets)
	}
	return nil, fmt.Errorf("unsupported credential kind %q", kind)
}

func (cfg Config) kind() (Kind, bool) {
	app := cfg.TenantID != "" && cfg.ClientID != ""
	if cfg.AccessToken != "" {
		return KindAccessToken, true
	}
	if app && cfg.ClientSecret != "" && cfg.RefreshToken != "" {
		return KindRefreshToken, true
	}
	if app && cfg.ClientSecret != "" {
		return KindClientSecret, true
	}
	if app && cfg.CertificatePath != "" {
		return KindClientCertificate, true
	}
	if app && cfg.UseOIDC && (cfg.OIDCToken != "" || cfg.OIDCTokenFilePath != "") {
		return KindOIDC, true
	}
	if cfg.UseCLI {
		return KindAzureCLI, true
	}
	return "", false
}

// found names the settings that are set, never their values.
func (cfg Config) found() []string {
	var out []string
	add := func(set bool, name string) {
		if set {
			out = append(out, name)
		}
	}
	add(cfg.TenantID != "", "tenant_id")
	add(cfg.ClientID != "", "client_id")
	add(cfg.ClientSecret != "", "client_secret")
	add(cfg.RefreshToken != "", "refresh_token")
	add(cfg.CertificatePath != "", "client_certificate_path")
	add(cfg.UseOIDC, "use_oidc")
	add(cfg.OIDCToken != "", "oidc_token")
	add(cfg.OIDCTokenFilePath != "", "oidc_token_file_path")
	add(cfg.GraphAccessToken != "", "graph_access_token (Microsoft Graph only)")
	return out
}

// missing says, for each kind, what it still needs.
func (cfg Config) missing() map[Kind][]string {
	need := func(pairs ...any) []string {
		var out []string
		for i := 0; i < len(pairs); i += 2 {
			if !pairs[i].(bool) {
				out = append(out, pairs[i+1].(string))
			}
		}
		return out
	}
	return map[Kind][]string{
		KindAccessToken: {"access_token"},
		KindRefreshToken: need(cfg.TenantID != "", "tenant_id", cfg.ClientID != "", "client_id",
			cfg.ClientSecret != "", "client_secret", cfg.RefreshToken != "", "refresh_token"),
		KindClientSecret: need(cfg.TenantID != "", "tenant_id", cfg.ClientID != "", "client_id",
			cfg.ClientSecret != "" || cfg.CertificatePath != "", "client_secret or client_certificate_path"),
		KindOIDC: need(cfg.TenantID != "", "tenant_id", cfg.ClientID != "", "client_id", cfg.UseOIDC, "use_oidc = true",
			cfg.OIDCToken != "" || cfg.OIDCTokenFilePath != "", "oidc_token or oidc_token_file_path"),
		KindAzureCLI: {"use_cli = true"},
	}
}

// MissingError says no credential kind is fully configured.
type MissingError struct {
	Found   []string
	Missing map[Kind][]string
}

// Error lists what was found and, kind by kind, what is missing.
func (e *MissingError) Error() string {
	var b strings.Builder
	found := "nothing"
	if len(e.Found) > 0 {
		found = strings.Join(e.Found, ", ")
	}
	fmt.Fprintf(&b, "no Partner Center credential is fully configured. Found: %s. Each kind still needs:", found)
	for _, k := range []Kind{KindAccessToken, KindRefreshToken, KindClientSecret, KindOIDC, KindAzureCLI} {
		name := string(k)
		if k == KindClientSecret {
			name = "client credentials (App-only)"
		}
		fmt.Fprintf(&b, "\n  - %s: %s", name, strings.Join(e.Missing[k], ", "))
	}
	return b.String()
}

// explained wraps fetch so that its errors name the credential kind and, for Entra ID's
// AADSTS codes, say what to do; they and the log lines of the token request have every secret
// masked, and the tokens it hands out are masked from then on too.
func explained(kind Kind, a Audience, fetch fetchFunc, secrets *masker) fetchFunc {
	return explainedRemembering(kind, a, fetch, secrets, true)
}

// explainedRemembering is explained; remember says whether the tokens fetch gets join the secrets
// masked from then on. A customer tenant's do not: they go only to that tenant's Graph, whose
// bearer tokens the transport's logs redact, and a thousand tenants' tokens would push the
// partner's own rotated refresh token out of the masker while it is still sent.
func explainedRemembering(kind Kind, a Audience, fetch fetchFunc, secrets *masker, remember bool) fetchFunc {
	return func(ctx context.Context) (*oauth2.Token, error) {
		t, err := fetch(secrets.logContext(ctx))
		if err != nil {
			return nil, newTokenError(ctx, kind, a, err, secrets)
		}
		if t.AccessToken == "" {
			return nil, newTokenError(ctx, kind, a, errors.New("the token endpoint answered without an access token"), secrets)
		}
		if remember {
			secrets.add(t.AccessToken)
			secrets.add(t.RefreshToken)
		}
		return t, nil
	}
}
