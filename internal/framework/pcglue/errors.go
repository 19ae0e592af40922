// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package pcglue

import (
	"errors"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/credential"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/settings"
)

// apiName is Partner Center in a sentence.
const apiName = "Partner Center"

// AddError turns a failed Partner Center call about s into a diagnostic a user can act on: a
// summary, what to do, and the error itself with its status, Partner Center code and request ids.
// A validation error is put on the attributes it names.
func AddError(diags *diag.Diagnostics, s framework.Subject, err error) {
	summary, hint := Explain(s, err)
	detail := hint + "\n\n" + err.Error()
	var apiErr *partnercenter.APIError
	if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusBadRequest {
		if rejected := s.RejectedAttributes(err); len(rejected) > 0 {
			for _, r := range rejected {
				diags.AddAttributeError(r.Path, summary, "Attribute "+r.Path.String()+": "+r.Problem+"\n\n"+detail)
			}
			return
		}
	}
	diags.AddError(summary, detail)
}

// Explain is the summary and the advice of the diagnostic of err about s.
func Explain(s framework.Subject, err error) (summary, hint string) {
	if summary, hint, ok := framework.ExplainEnded(apiName, s, err); ok {
		return summary, hint
	}
	if summary, hint, ok := explainConflict(s, err); ok {
		return summary, hint
	}
	if summary, hint, ok := credential.Explain(err); ok {
		return summary, hint
	}
	if summary, hint, ok := explainUnreachable(err); ok {
		return summary, hint
	}
	return explainAnswer(s, err)
}

// explainConflict explains the conflicts of an update: every retry met a stale ETag.
func explainConflict(s framework.Subject, err error) (summary, hint string, ok bool) {
	var conflict *partnercenter.ConflictError
	switch {
	case errors.As(err, &conflict) && conflict.ChangedByAnotherWriter():
		return s.NounOrObject() + " update conflicted", "Another writer kept changing " + s.Object +
			" while Terraform updated it, so every update met a stale ETag (HTTP 412). Find the other " +
			"writer (a script, the Partner Center portal, another Terraform configuration managing this customer) " +
			"and apply again.", true
	case errors.As(err, &conflict):
		return s.NounOrObject() + " update refused", "Partner Center refused every update of " + s.Object +
			" as stale (HTTP 412), although reading it again showed nobody had changed it, so no other " +
			"writer is to blame. Something between Terraform and Partner Center may be changing the If-Match header. " +
			"Apply again; if it persists, open a support case with the request ids below.", true
	}
	return "", "", false
}

// explainUnreachable explains an API that could not be reached at all, and a token it refused.
func explainUnreachable(err error) (summary, hint string, ok bool) {
	switch {
	case credential.UnreachableAPIHost(err) != "":
		return "Could not reach Partner Center", "Partner Center's API at " + credential.UnreachableAPIHost(err) + " could not be " +
			"reached at all (its name did not resolve, or it refused or dropped the connection). Check base_url (or " +
			settings.EnvBaseURL + ") and cloud (or " + settings.EnvCloud + "), and the network or proxy between Terraform and Partner Center.", true
	case partnercenter.IsUnauthorized(err):
		return "Partner Center rejected the credential", "Partner Center refused the token of the " + credentialKind(err) +
			" credential: it is invalid, expired, for another cloud or resource, or lacks MFA. For access_token (" +
			settings.EnvAccessToken + "), get a new token for https://api.partnercenter.microsoft.com.", true
	}
	return "", "", false
}

// credentialKind is the kind of credential whose token Partner Center refused, as the error says.
func credentialKind(err error) string {
	var apiErr *partnercenter.APIError
	if errors.As(err, &apiErr) && apiErr.CredentialKind != "" {
		return apiErr.CredentialKind
	}
	return "configured"
}

// explainAnswer explains what Partner Center answered about s.
func explainAnswer(s framework.Subject, err error) (summary, hint string) {
	var unusable *partnercenter.AnswerError
	switch {
	case errors.As(err, &unusable):
		done := "used nothing of it"
		if s.Resource {
			done = "wrote nothing from it"
		}
		return "Unusable answer from Partner Center", "Partner Center answered with success but with a body that is " +
			"not usable as " + s.Object + ", so Terraform " + done + ". Try again; if it persists, open a support case " +
			"with the request ids below."
	case partnercenter.IsCustomerNotFound(err):
		return "Customer not found", "Partner Center has no customer with tenant id " + s.CustomerID +
			" that this partner can reach. Check customer_id."
	case partnercenter.IsNotFound(err):
		return "Partner Center endpoint not found", "The answer was HTTP 404 without Partner Center's answer for an " +
			"unknown customer (code 60003), so it may not have come from Partner Center's API for " + s.Object + ". Check base_url (the API " +
			"root, such as " + partnercenter.DefaultBaseURL + ", without a path) and any proxy between Terraform and Partner Center." +
			goneAdvice(s)
	case partnercenter.IsForbidden(err) && s.CustomerID != "":
		return "Access to the customer denied", "Partner Center refused access to customer " + s.CustomerID +
			": the partner may have no relationship with this customer, or the signed-in user may lack a GDAP role " +
			"that allows this for it."
	case partnercenter.IsForbidden(err):
		return "Access denied", "Partner Center refused to let this partner " + s.Action + " " + s.Object +
			": the signed-in user or the application lacks a Partner Center role that allows it."
	case partnercenter.IsThrottled(err):
		return framework.ExplainThrottled(apiName)
	case partnercenter.IsPreconditionFailed(err):
		return s.NounOrObject() + " update conflicted", "Partner Center answered that " + s.Object + " changed while Terraform " +
			"updated it. Apply again."
	}
	var apiErr *partnercenter.APIError
	if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusBadRequest && s.Resource {
		return "Partner Center rejected the " + strings.ToLower(s.NounOrObject()), "Correct the attribute Partner Center names and apply again."
	}
	return "Partner Center request failed", "Could not " + s.Action + " " + s.Object + "."
}

// goneAdvice says how to stop managing a customer that is really gone, to a resource's caller.
func goneAdvice(s framework.Subject) string {
	if !s.Resource || s.CustomerID == "" {
		return ""
	}
	return " If customer " + s.CustomerID + " really is gone, remove its profile from the state with a removed block or " +
		"terraform state rm."
}

// FailsApplyToo reports whether a plan-time call's failure would fail the apply the same way, so
// that the plan says so now: a refused credential or a missing permission, or an endpoint that
// cannot be reached at all (a wrong base_url or authority_url).
func FailsApplyToo(err error) bool {
	var tokenErr *credential.TokenError
	return partnercenter.IsCredentialRefused(err) || credential.UnreachableAPIHost(err) != "" ||
		(errors.As(err, &tokenErr) && tokenErr.UnreachableHost() != "")
}
