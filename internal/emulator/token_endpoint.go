// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator/graphemu"
)

// Entra ID's error codes, as the real service sends them.
const (
	aadAppNotFound        = 700016
	aadInvalidSecret      = 7000215
	aadNoCredential       = 7000218
	aadBadAssertion       = 700027
	aadAssertionExpired   = 700024
	aadRefreshTokenExpiry = 70008
	aadBadRefreshToken    = 9002313
	aadBadScope           = 1002012
	aadUnknownScope       = 70011
	aadUnsupportedGrant   = 70003
	aadNotConsented       = 65001
)

// tokenFailure is an Entra ID error answer.
type tokenFailure struct {
	status int
	kind   string
	code   int
	text   string
}

func (s *Server) identityRoutes(mux *http.ServeMux) {
	mux.HandleFunc("POST /{tenant}/oauth2/v2.0/token", s.handleToken)
	mux.HandleFunc("GET /{tenant}/v2.0/.well-known/openid-configuration", handleOpenIDConfiguration)
}

// handleOpenIDConfiguration answers the tenant discovery that MSAL-based clients (azidentity)
// make before asking for a token.
func handleOpenIDConfiguration(w http.ResponseWriter, r *http.Request) {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	base := scheme + "://" + r.Host + "/" + r.PathValue("tenant")
	writeJSONPlain(w, http.StatusOK, map[string]any{
		"issuer":                                base + "/v2.0",
		"token_endpoint":                        base + "/oauth2/v2.0/token",
		"authorization_endpoint":                base + "/oauth2/v2.0/authorize",
		"token_endpoint_auth_methods_supported": []string{"client_secret_post", "private_key_jwt", "client_secret_basic"},
	})
}

// handleToken is POST /{tenant}/oauth2/v2.0/token for the client-credentials and refresh-token
// grants, with secrets, certificate-signed assertions or federated (OIDC) assertions.
func (s *Server) handleToken(w http.ResponseWriter, r *http.Request) {
	entry := TokenRequest{Time: time.Now(), TenantID: r.PathValue("tenant")}
	raw, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes))
	f, parseErr := url.ParseQuery(string(raw))
	if err != nil || parseErr != nil {
		writeAADError(w, http.StatusBadRequest, "invalid_request", aadMissingRequest, "The request body must be form-encoded.")
		return
	}
	entry.ClientID, entry.GrantType, entry.Scope, entry.RefreshToken = f.Get("client_id"), f.Get("grant_type"), f.Get("scope"), f.Get("refresh_token")
	if status, answered := s.applyTokenFault(w, r, string(raw)); answered {
		entry.Status = status
		s.logToken(entry)
		return
	}
	tokenURL := "https://" + r.Host + r.URL.Path
	if r.TLS == nil {
		tokenURL = "http://" + r.Host + r.URL.Path
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	body, fail := s.grant(entry, f.Get("client_secret"), f.Get("client_assertion"), tokenURL)
	if fail != nil {
		entry.Status = fail.status
		s.id.tokenLog = append(s.id.tokenLog, entry)
		writeAADError(w, fail.status, fail.kind, fail.code, fail.text)
		return
	}
	entry.Status, entry.Issued = http.StatusOK, body["access_token"].(string)
	entry.IssuedRefreshToken, _ = body["refresh_token"].(string)
	s.id.tokenLog = append(s.id.tokenLog, entry)
	writeJSONPlain(w, http.StatusOK, body)
}

// logToken adds entry to the token endpoint's log.
func (s *Server) logToken(entry TokenRequest) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.id.tokenLog = append(s.id.tokenLog, entry)
}

// grant checks a token request and issues the token. The caller holds s.mu.
func (s *Server) grant(req TokenRequest, secret, assertion, tokenURL string) (map[string]any, *tokenFailure) {
	app, ok := s.id.apps[req.ClientID]
	if !ok {
		return nil, appNotFound(req)
	}
	if !strings.EqualFold(app.TenantID, req.TenantID) {
		if fail := s.customerTenantLocked(req); fail != nil {
			return nil, fail
		}
	}
	if fail := authenticateApp(app, secret, assertion, tokenURL); fail != nil {
		return nil, fail
	}
	if _, ok := audienceOf(req.Scope); !ok {
		return nil, &tokenFailure{http.StatusBadRequest, "invalid_scope", aadUnknownScope,
			"The provided value for the input parameter 'scope' is not valid. The scope " + req.Scope + " names no resource this tenant knows."}
	}
	switch req.GrantType {
	case "client_credentials":
		if !hasDefaultScope(req.Scope) {
			return nil, &tokenFailure{http.StatusBadRequest, "invalid_scope", aadBadScope,
				"The provided value for scope " + req.Scope + " is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier."}
		}
		return s.tokenBody(req, false), nil
	case "refresh_token":
		if fail := s.checkRefreshToken(req, !strings.EqualFold(app.TenantID, req.TenantID)); fail != nil {
			return nil, fail
		}
		return s.tokenBody(req, true), nil
	}
	return nil, &tokenFailure{http.StatusBadRequest, "unsupported_grant_type", aadUnsupportedGrant,
		"The provided grant_type '" + req.GrantType + "' is not supported."}
}

// appNotFound is Entra ID's answer for an app unknown in the tenant asked.
func appNotFound(req TokenRequest) *tokenFailure {
	return &tokenFailure{http.StatusBadRequest, "unauthorized_client", aadAppNotFound,
		"Application with identifier '" + req.ClientID + "' was not found in the directory '" + req.TenantID + "'."}
}

// customerTenantLocked lets the partner's app get a token in a customer's tenant once the app is
// consented there, and answers AADSTS65001 before that, as Entra ID does; a tenant that is no
// customer's does not know the app. The caller holds s.mu.
func (s *Server) customerTenantLocked(req TokenRequest) *tokenFailure {
	if _, customer := s.customers[strings.ToLower(req.TenantID)]; !customer {
		return appNotFound(req)
	}
	if !s.graph.Consented(req.TenantID, req.ClientID) {
		return &tokenFailure{http.StatusBadRequest, "invalid_grant", aadNotConsented,
			"The user or administrator has not consented to use the application with ID '" + req.ClientID +
				"'. Send an interactive authorization request for this user and resource."}
	}
	return nil
}

// hasDefaultScope reports whether one of the scopes asks for a resource's /.default; MSAL adds
// openid, profile and offline_access, which Entra ID ignores for this grant.
func hasDefaultScope(scope string) bool {
	for _, sc := range strings.Fields(scope) {
		if strings.HasSuffix(sc, "/.default") {
			return true
		}
	}
	return false
}

// checkRefreshToken checks a refresh token and, in the single-use mode, consumes it; an exchange
// in a customer's tenant (inCustomer) leaves it as it is.
func (s *Server) checkRefreshToken(req TokenRequest, inCustomer bool) *tokenFailure {
	if s.id.revoked[req.RefreshToken] {
		return &tokenFailure{http.StatusBadRequest, "invalid_grant", aadRefreshTokenExpiry,
			"The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource."}
	}
	if s.id.refreshTokens[req.RefreshToken] != req.ClientID {
		return &tokenFailure{http.StatusBadRequest, "invalid_grant", aadBadRefreshToken, "Invalid request. Request is malformed or invalid."}
	}
	if s.id.singleUse && !inCustomer {
		delete(s.id.refreshTokens, req.RefreshToken)
	}
	return nil
}

func (s *Server) tokenBody(req TokenRequest, withRefresh bool) map[string]any {
	aud, _ := audienceOf(req.Scope) // grant refused a scope that names no resource
	tenant := graphemu.PartnerTenant
	if app := s.id.apps[req.ClientID]; !strings.EqualFold(app.TenantID, req.TenantID) {
		tenant = strings.ToLower(req.TenantID)
	}
	access, refresh, lifetime := s.issue(req.ClientID, withRefresh, aud, tenant)
	body := map[string]any{
		"token_type": "Bearer", "scope": req.Scope, "access_token": access,
		"expires_in": int(lifetime / time.Second), "ext_expires_in": int(lifetime / time.Second),
	}
	if refresh != "" {
		body["refresh_token"] = refresh
	}
	return body
}

// authenticateApp checks the app's secret or client assertion.
func authenticateApp(app App, secret, assertion, tokenURL string) *tokenFailure {
	switch {
	case secret != "":
		if app.ClientSecret == "" || secret != app.ClientSecret {
			return &tokenFailure{http.StatusUnauthorized, "invalid_client", aadInvalidSecret,
				"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '" + app.ClientID + "'."}
		}
		return nil
	case assertion != "":
		return checkAssertion(app, assertion, tokenURL)
	}
	return &tokenFailure{http.StatusUnauthorized, "invalid_client", aadNoCredential,
		"The request body must contain the following parameter: 'client_assertion' or 'client_secret'."}
}

type jwtHeader struct {
	Alg string `json:"alg"`
}

type jwtClaims struct {
	Iss string          `json:"iss"`
	Sub string          `json:"sub"`
	Aud json.RawMessage `json:"aud"`
	Exp int64           `json:"exp"`
}

// checkAssertion accepts a federated token whose subject the app trusts, or an assertion the
// app's certificate signed for this token endpoint.
func checkAssertion(app App, assertion, tokenURL string) *tokenFailure {
	bad := &tokenFailure{http.StatusUnauthorized, "invalid_client", aadBadAssertion, "Client assertion failed signature validation."}
	parts := strings.Split(assertion, ".")
	var h jwtHeader
	var c jwtClaims
	if len(parts) != 3 || decodeSegment(parts[0], &h) != nil || decodeSegment(parts[1], &c) != nil {
		return bad
	}
	// The wall clock, not the emulator's: the client stamps its assertion's expiry by its own
	// wall clock, and a test that moves the emulator's clock to expire access tokens must not
	// make every new assertion look expired.
	if c.Exp != 0 && time.Unix(c.Exp, 0).Before(time.Now()) {
		return &tokenFailure{http.StatusUnauthorized, "invalid_client", aadAssertionExpired, "Client assertion is not within its valid time range."}
	}
	if app.FederatedSubject != "" && c.Sub == app.FederatedSubject {
		return nil
	}
	if len(app.CertificateDER) == 0 || c.Iss != app.ClientID || c.Sub != app.ClientID || !strings.Contains(string(c.Aud), tokenURL) {
		return bad
	}
	if verifySignature(app.CertificateDER, h.Alg, parts) != nil {
		return bad
	}
	return nil
}

func decodeSegment(seg string, v any) error {
	b, err := base64.RawURLEncoding.DecodeString(seg)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

func verifySignature(certDER []byte, alg string, parts []string) error {
	cert, err := x509.ParseCertificate(certDER)
	if err != nil {
		return err
	}
	pub, ok := cert.PublicKey.(*rsa.PublicKey)
	if !ok {
		return errors.New("not an RSA key")
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return err
	}
	digest := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	switch alg {
	case "RS256":
		return rsa.VerifyPKCS1v15(pub, crypto.SHA256, digest[:], sig)
	case "PS256":
		return rsa.VerifyPSS(pub, crypto.SHA256, digest[:], sig, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthAuto})
	}
	return errors.New("unsupported alg " + alg)
}
