// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package tenantglue

import (
	"errors"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/credential"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/graphglue"
)

// TrustChoice is what a configuration that cannot read customers' tenants can set instead.
const TrustChoice = "If this partner cannot read customers' tenants, set read_back = \"partner_center\" on the " +
	"resource and apply that change with -refresh=false (the refresh would read the tenant again): Terraform then " +
	"trusts Partner Center's answer to the consent and does not read the tenant (a grant removed there is not seen)."

// aadNotConsented is Entra ID's AADSTS65001: the app is not consented in the tenant asked.
const aadNotConsented = 65001

// NotConsented reports whether err is Entra ID's refusal of a token in a tenant where the
// provider's app is not consented (AADSTS65001): Entra ID's own answer that this app has no
// consent there.
func NotConsented(err error) bool {
	var tokenErr *credential.TokenError
	return errors.As(err, &tokenErr) && tokenErr.Code == aadNotConsented
}

// Refused reports whether err is a refusal that asking again will not change: the credential
// refused a token in the tenant (AADSTS65001 among others), or the tenant's Graph refused the token
// or the access (401, 403). Waiting for a consent to appear ends on it.
func Refused(err error) bool {
	var tokenErr *credential.TokenError
	var apiErr *graph.APIError
	return NotConsented(err) || (errors.As(err, &tokenErr) && tokenErr.CredentialRefused()) ||
		(errors.As(err, &apiErr) && (apiErr.StatusCode == http.StatusUnauthorized || apiErr.StatusCode == http.StatusForbidden))
}

// AddError turns a failed read in customer tenant's Graph about s into a diagnostic: what failed,
// in which tenant, what to do, and the error with its status, code and request ids.
func AddError(diags *diag.Diagnostics, tenant string, s framework.Subject, err error) {
	summary, hint := Explain(tenant, s, err)
	diags.AddError(summary, hint+"\n\n"+err.Error())
}

// Explain is the summary and the advice of the diagnostic of a read in tenant's Graph.
func Explain(tenant string, s framework.Subject, err error) (summary, hint string) {
	var apiErr *graph.APIError
	var tokenErr *credential.TokenError
	switch {
	case errors.As(err, &tokenErr) && tokenErr.CredentialRefused():
		summary, hint, _ = credential.Explain(err)
		return summary, hint + " A token in customer tenant " + tenant + " needs the provider's app consented there " +
			"and, with a refresh token, a partner user holding GDAP roles in it. " + TrustChoice
	case errors.As(err, &apiErr) && (apiErr.StatusCode == http.StatusForbidden || apiErr.StatusCode == http.StatusUnauthorized):
		return "Cannot read customer tenant " + tenant, "Microsoft Graph in customer tenant " + tenant + " refused to let " +
			"the provider " + s.Action + " " + s.Object + ": the provider's app needs Application.Read.All (or " +
			"Directory.Read.All) there, granted to its consent, and with a refresh token the partner user needs a GDAP " +
			"role that reads applications (such as Cloud Application Administrator). " + TrustChoice
	}
	return graphglue.Explain(s, err)
}
