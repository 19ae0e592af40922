// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// App is an app registration the emulated Entra ID (Azure AD) knows, with the ways it may
// authenticate.
type App struct {
	TenantID string
	ClientID string
	// ClientSecret, when set, authenticates the app (client credentials and refresh tokens).
	ClientSecret string
	// CertificateDER, when set, is the certificate whose key signs client assertions.
	CertificateDER []byte
	// FederatedSubject, when set, lets a workload identity token (OIDC) with this subject stand
	// in for the app's secret.
	FederatedSubject string
}

// TokenRequest is one entry of the token endpoint's log.
type TokenRequest struct {
	Time      time.Time
	TenantID  string
	ClientID  string
	GrantType string
	Scope     string
	// RefreshToken is the refresh token the request presented, if any.
	RefreshToken string
	// Status is the HTTP status answered; Issued and IssuedRefreshToken what it handed out.
	Status             int
	Issued             string
	IssuedRefreshToken string
}

// identity is the emulated Entra ID: apps, the refresh tokens it issued or was seeded with, and
// the access tokens it issued with their expiry.
type identity struct {
	apps          map[string]App // client id → app
	refreshTokens map[string]string
	revoked       map[string]bool
	accessTokens  map[string]issuedToken
	// singleUse: an exchange consumes the refresh token it presents (SetRefreshTokensSingleUse).
	singleUse     bool
	tokenLifetime time.Duration
	tokenLog      []TokenRequest
	faults        []*TokenFault
}

func newIdentity() identity {
	return identity{
		apps: map[string]App{}, refreshTokens: map[string]string{}, revoked: map[string]bool{},
		accessTokens: map[string]issuedToken{}, tokenLifetime: time.Hour,
	}
}

// RegisterApp adds an app registration to the emulated Entra ID.
func (s *Server) RegisterApp(a App) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.id.apps[a.ClientID] = a
}

// AddRefreshToken makes rt a valid refresh token of the app clientID, as if a user had consented
// to it with MFA.
func (s *Server) AddRefreshToken(clientID, rt string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.id.refreshTokens[rt] = clientID
}

// RevokeRefreshToken makes rt fail as an expired refresh token does (AADSTS70008).
func (s *Server) RevokeRefreshToken(rt string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.id.revoked[rt] = true
}

// SetTokenLifetime sets how long the access tokens issued from now on are valid (default 1h).
// Entra ID states lifetimes in whole seconds (expires_in), so d is rounded up to a whole second:
// a token can be made to expire every second or two, for soak tests of renewal.
func (s *Server) SetTokenLifetime(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.id.tokenLifetime = d
}

// TokenRequests returns a copy of the token endpoint's log, oldest first.
func (s *Server) TokenRequests() []TokenRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]TokenRequest(nil), s.id.tokenLog...)
}

// audience is the API an access token is for; each API refuses the other's tokens.
type audience string

const (
	partnerCenterAudience audience = "partnercenter"
	graphAudience         audience = "graph"
)

// The resources the token endpoint issues tokens for, as scopes name them ({resource}/{permission}):
// each cloud's URL of the API and the API's application id.
var resources = map[audience][]string{
	partnerCenterAudience: {"https://api.partnercenter.microsoft.com", "https://partner.partnercenterapi.microsoftonline.cn",
		"fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd"},
	graphAudience: {"https://graph.microsoft.com", "https://graph.microsoft.us", "https://dod-graph.microsoft.us",
		"https://microsoftgraph.chinacloudapi.cn", "00000003-0000-0000-c000-000000000000"},
}

// audienceOf is the API the scopes of a token request name; ok is false when no scope names one
// of resources' (openid, profile and offline_access, which MSAL adds, name none).
func audienceOf(scope string) (aud audience, ok bool) {
	for _, sc := range strings.Fields(scope) {
		for a, list := range resources {
			for _, r := range list {
				if strings.HasPrefix(strings.ToLower(sc), strings.ToLower(r)+"/") {
					return a, true
				}
			}
		}
	}
	return "", false
}

// issuedToken is an access token the token endpoint issued: until when, and for which API.
type issuedToken struct {
	expiry   time.Time
	audience audience
	// tenant is the customer tenant the token was issued in, graphemu.PartnerTenant for the
	// partner's own.
	tenant string
}

// SetRefreshTokensSingleUse makes every refresh-token exchange consume the refresh token it
// presents, so that a client which presents one twice (two exchanges racing with the same token,
// or one kept after its rotation) is refused, as Entra ID may refuse it.
func (s *Server) SetRefreshTokensSingleUse(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.id.singleUse = on
}

// issue hands out a new access token for aud (and, for refresh-token grants, a rotated refresh
// token). The caller holds s.mu.
func (s *Server) issue(clientID string, withRefresh bool, aud audience, tenant string) (access, refresh string, lifetime time.Duration) {
	access = "emu-at-" + randomToken()
	// expires_in is in whole seconds, and 0 would read as "no expiry" to OAuth2 clients.
	lifetime = max(s.id.tokenLifetime.Round(time.Second), time.Second)
	if lifetime < s.id.tokenLifetime {
		lifetime += time.Second
	}
	s.id.accessTokens[access] = issuedToken{s.nowLocked().Add(lifetime), aud, tenant}
	if withRefresh {
		refresh = "emu-rt-" + randomToken()
		s.id.refreshTokens[refresh] = clientID
	}
	return access, refresh, lifetime
}

// validAccessToken reports whether token is a static token for aud, or an issued one for aud not
// yet expired.
func (s *Server) validAccessToken(token string, aud audience) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if static, ok := s.tokens[token]; ok {
		return static == aud
	}
	t, ok := s.id.accessTokens[token]
	return ok && t.audience == aud && s.nowLocked().Before(t.expiry)
}

func randomToken() string {
	var b [24]byte
	_, _ = rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// aadError is Entra ID's error body.
type aadError struct {
	Error            string `json:"error"`
	ErrorDescription string `json:"error_description"`
	ErrorCodes       []int  `json:"error_codes"`
	Timestamp        string `json:"timestamp"`
	TraceID          string `json:"trace_id"`
	CorrelationID    string `json:"correlation_id"`
}

func writeAADError(w http.ResponseWriter, status int, kind string, code int, text string) {
	writeJSONPlain(w, status, aadError{
		Error:            kind,
		ErrorDescription: fmt.Sprintf("AADSTS%d: %s Trace ID: %s Correlation ID: %s Timestamp: %s", code, text, newGUID(), newGUID(), time.Now().UTC().Format("2006-01-02 15:04:05Z")),
		ErrorCodes:       []int{code},
		Timestamp:        time.Now().UTC().Format(time.RFC3339),
		TraceID:          newGUID(),
		CorrelationID:    newGUID(),
	})
}
