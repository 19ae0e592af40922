package credential

import (
	"fmt"
	"regexp"
	"strconv"
)

// TokenError says a credential could not be exchanged for a Partner Center token.
type TokenError struct {
	Kind Kind
	// Code is Entra ID's AADSTS code, when the answer had one.
	Code int
	// Hint says what to do about Code.
	Hint string
	// Err is the failure, its text with every secret of the credential masked. errors.Is sees
	// through it; the token library's own error types, which hold the raw answer, do not show.
	Err error
}

// Error names the credential kind, Entra ID's answer and the hint.
func (e *TokenError) Error() string {
	msg := fmt.Sprintf("getting a Partner Center token with the %s credential: %v", e.Kind, e.Err)
	if e.Hint != "" {
		msg += "\nHint: " + e.Hint
	}
	return msg
}

// Unwrap returns the underlying failure.
func (e *TokenError) Unwrap() error { return e.Err }

var aadstsCode = regexp.MustCompile(`AADSTS(\d+)`)

// newTokenError explains err, then masks its secrets: the error a token endpoint answers with may
// repeat the request, client secret and refresh token included.
func newTokenError(kind Kind, err error, secrets *masker) *TokenError {
	e := &TokenError{Kind: kind, Err: secrets.err(err)}
	if m := aadstsCode.FindStringSubmatch(err.Error()); m != nil {
		e.Code, _ = strconv.Atoi(m[1])
		e.Hint = aadstsHints[e.Code]
	}
	return e
}

// aadstsHints explain the Entra ID errors Partner Center automation meets most.
var aadstsHints = map[int]string{
	70008: "The refresh token has expired or was revoked: refresh tokens expire after 90 days without use. " +
		"Consent again with MFA (secure application model) and set the new refresh_token.",
	700082: "The refresh token has expired after 90 days without use. Consent again with MFA and set the new refresh_token.",
	700084: "The refresh token was issued to a single-page app and has expired. Get a new one through the secure application model.",
	50076: "Multi-factor authentication is required. Partner Center rejects App+User tokens without MFA: " +
		"get the refresh token through an interactive sign-in with MFA.",
	50079:  "The user must register for multi-factor authentication before a refresh token can be used.",
	700016: "The app was not found in the tenant: check tenant_id and client_id, and that the app is consented in that tenant.",
	90002:  "The tenant was not found: check tenant_id, and that cloud matches the tenant's cloud.",
	900023: "tenant_id is not a valid tenant id or domain.",
	90038: "The tenant belongs to another national cloud than the authority asked: set cloud " +
		"(public, usgovernment or china) to the tenant's cloud.",
	7000215: "The client secret is wrong: set client_secret to the secret's value, not its id.",
	7000222: "The client secret has expired: create a new one in the app registration and set client_secret.",
	700027:  "The client assertion was rejected: check the certificate is the one uploaded to the app registration, or the federated credential's subject.",
	700024:  "The client assertion has expired or is not yet valid: check the clock, or give a fresh OIDC token.",
	700213:  "No federated identity credential of the app matches the OIDC token's issuer and subject.",
	1002012: "The scope was rejected: check cloud and base_url.",
}
