// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package credential

import (
	"errors"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/settings"
)

// Explain is the summary and the advice a diagnostic gives for err when a credential is what
// failed it: a token Entra ID would not issue or could not be reached for, or a call for which the
// configuration gives no credential. ok is false for any other failure, which the API's own
// explanation words. Every API's diagnostics use it, so that a credential fails alike whichever
// API it was for.
func Explain(err error) (summary, hint string, ok bool) {
	var tokenErr *TokenError
	var missing *MissingError
	switch {
	case errors.As(err, &tokenErr) && tokenErr.UnreachableHost() != "":
		return "Could not reach Entra ID", "The token endpoint at " + tokenErr.UnreachableHost() + " could not be reached " +
			"at all (its name did not resolve, or it refused or dropped the connection). Check authority_url (or " +
			settings.EnvAuthorityURL + ") and cloud (or " + settings.EnvCloud + "), and the network or proxy between Terraform and Entra ID.", true
	case errors.As(err, &missing):
		return "No Partner Center credential", "The provider needs a credential to call Partner Center, and the " +
			"configuration gives Microsoft Graph's token alone (enough for GDAP).", true
	case errors.As(err, &tokenErr) && tokenErr.NotGiven():
		return "No " + string(tokenErr.API()) + " token", "The configuration gives no token for " + string(tokenErr.API()) +
			", and a token given as it is serves one API.", true
	case errors.As(err, &tokenErr) && tokenErr.CredentialRefused():
		return "Could not get a " + string(tokenErr.API()) + " token", "Entra ID refused the " + string(tokenErr.Kind) +
			" credential. Check the provider's credential settings.", true
	case errors.As(err, &tokenErr):
		return "Could not get a " + string(tokenErr.API()) + " token", "Entra ID did not issue a token for the " + string(tokenErr.Kind) +
			" credential after retrying: it was unavailable or did not answer in time, which is usually brief. Apply again.", true
	}
	return "", "", false
}

// UnreachableAPIHost is the host of an API (Partner Center's, Graph's) that a call could not
// connect to at all, "" when err is another failure: a token endpoint that could not be reached is
// Entra ID's failure, which TokenError.UnreachableHost names.
func UnreachableAPIHost(err error) string {
	var tokenErr *TokenError
	if errors.As(err, &tokenErr) {
		return ""
	}
	return transport.UnreachableHost(err)
}
