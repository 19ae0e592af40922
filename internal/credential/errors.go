// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package credential

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strconv"

	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"golang.org/x/oauth2"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

// TokenError says a credential could not be exchanged for a token of an API.
type TokenError struct {
	Kind Kind
	// Audience is the API the token was for; empty means Partner Center.
	Audience Audience
	// Code is Entra ID's AADSTS code, when the answer had one.
	Code int
	// Hint says what to do about Code.
	Hint string
	// StatusCode is the HTTP status the token endpoint answered with; 0 when no answer came
	// (a timeout, a reset connection) or the credential failed before asking (the Azure CLI).
	StatusCode int
	// Err is the failure, its text with every secret of the credential masked. errors.Is sees
	// through it; the token library's own error types, which hold the raw answer, do not show.
	Err error

	refused bool
	// notGiven is a token the configuration gave none for (an access token serves one API), asked
	// of no one.
	notGiven bool
	// unreachable is the host the token request could not connect to at all, if that happened.
	unreachable string
}

// NotGiven reports a token the configuration gave none for, which no token endpoint was asked for:
// an access token given as it is serves one API.
func (e *TokenError) NotGiven() bool { return e.notGiven }

// UnreachableHost is the host of the token endpoint that could not be reached at all (its name
// did not resolve, the connection was refused or timed out), "" when the failure was another:
// a wrong authority_url or cloud, or the network, rather than an outage of Entra ID.
func (e *TokenError) UnreachableHost() string { return e.unreachable }

// Error names the credential kind, Entra ID's answer and the hint.
func (e *TokenError) Error() string {
	msg := fmt.Sprintf("getting a %s token with the %s credential: %v", e.API(), e.Kind, e.Err)
	if e.Hint != "" {
		msg += "\nHint: " + e.Hint
	}
	return msg
}

// Unwrap returns the underlying failure.
func (e *TokenError) Unwrap() error { return e.Err }

// CredentialRefused reports whether Entra ID refused the credential, so that asking again with it
// cannot help: a 4xx answer other than 408 and 429, an AADSTS error, a setting that cannot be used
// (an unreadable OIDC token file), or an Azure CLI that cannot sign in. It is false for outages,
// after which the same credential may work: 5xx, 408 and 429 answers, timeouts, connections that
// failed or were reset, and a context that ended. partnercenter.IsCredentialRefused reads it.
func (e *TokenError) CredentialRefused() bool { return e.refused }

var aadstsCode = regexp.MustCompile(`AADSTS(\d+)`)

// API is the API the token was for: Partner Center when the error does not say.
func (e *TokenError) API() Audience {
	if e.Audience == "" {
		return PartnerCenter
	}
	return e.Audience
}

// newTokenError explains err, then masks its secrets: the error a token endpoint answers with may
// repeat the request, client secret and refresh token included. A failure the context caused is
// made to say so, as azidentity's errors do not wrap it.
func newTokenError(ctx context.Context, kind Kind, a Audience, err error, secrets *masker) *TokenError {
	if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
		err = fmt.Errorf("%w (%w)", err, ctxErr)
	}
	e := &TokenError{Kind: kind, Audience: a, StatusCode: answerStatus(err)}
	if m := aadstsCode.FindStringSubmatch(err.Error()); m != nil {
		e.Code, _ = strconv.Atoi(m[1])
		e.Hint = aadstsHints[e.Code]
	}
	e.refused = e.isRefusal(err)
	e.unreachable = transport.UnreachableHost(err)
	e.Err = secrets.err(err)
	return e
}

// isRefusal tells a refused credential from an outage; see CredentialRefused.
func (e *TokenError) isRefusal(err error) bool {
	var setting *settingError
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	if errors.As(err, &setting) {
		return true
	}
	if e.StatusCode != 0 {
		return e.StatusCode >= 400 && e.StatusCode < 500 &&
			e.StatusCode != http.StatusRequestTimeout && e.StatusCode != http.StatusTooManyRequests
	}
	if e.Code != 0 {
		return true
	}
	// The Azure CLI fails on its own only when it cannot sign in (not logged in, another tenant);
	// every other credential that got no answer met an outage.
	return e.Kind == KindAzureCLI
}

// answerStatus digs the token endpoint's HTTP status out of the token libraries' errors.
func answerStatus(err error) int {
	var retrieve *oauth2.RetrieveError
	if errors.As(err, &retrieve) && retrieve.Response != nil {
		return retrieve.Response.StatusCode
	}
	var azErr *azidentity.AuthenticationFailedError
	if errors.As(err, &azErr) && azErr.RawResponse != nil {
		return azErr.RawResponse.StatusCode
	}
	return 0
}

// settingError is a credential setting that cannot be used, such as an unreadable OIDC token file.
type settingError struct{ err error }

func (e *settingError) Error() string { return e.err.Error() }
func (e *settingError) Unwrap() error { return e.err }

// aadstsHints explain the Entra ID errors Partner Center automation meets most.
var aadstsHints = map[int]string{
	70008:   "The refresh token has expired or was revoked: refresh tokens expire after 90 days without use. Consent again with MFA (secure application model) and set the new refresh_token.",
	700082:  "The refresh token has expired after 90 days without use. Consent again with MFA and set the new refresh_token.",
	700084:  "The refresh token was issued to a single-page app and has expired. Get a new one through the secure application model.",
	50076:   "Multi-factor authentication is required. Partner Center rejects App+User tokens without MFA: get the refresh token through an interactive sign-in with MFA.",
	50079:   "The user must register for multi-factor authentication before a refresh token can be used.",
	700016:  "The app was not found in the tenant: check tenant_id and client_id, and that the app is consented in that tenant.",
	90002:   "The tenant was not found: check tenant_id, and that cloud matches the tenant's cloud.",
	900023:  "tenant_id is not a valid tenant id or domain.",
	90038:   "The tenant belongs to another national cloud than the authority asked: set cloud (public, usgovernment or china) to the tenant's cloud.",
	7000215: "The client secret is wrong: set client_secret to the secret's value, not its id.",
	7000222: "The client secret has expired: create a new one in the app registration and set client_secret.",
	700027:  "The client assertion was rejected: check the certificate is the one uploaded to the app registration, or the federated credential's subject.",
	700024:  "The client assertion has expired or is not yet valid: check the clock, or give a fresh OIDC token.",
	700213:  "No federated identity credential of the app matches the OIDC token's issuer and subject.",
	1002012: "The scope was rejected: check cloud and base_url.",
	65001: "The app (client_id) is not consented in the tenant the token was asked in. In a customer's tenant, consent " +
		"the provider's own app there first (partnercenter_customer_application_consent with application_id = client_id), " +
		"or let the consent trust Partner Center's answer (read_back = \"partner_center\"); in the partner's tenant, grant " +
		"the app's permissions admin consent.",
}
