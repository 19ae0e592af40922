// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/credential"
)

// Subject is what a failed Partner Center call was about, so that its diagnostic names the object
// the caller handles and gives only the advice that fits it: a data source has no timeouts block,
// and only a resource in state can be removed from it.
type Subject struct {
	// Action is what was tried, as a verb for the object: "read", "create", "update".
	Action string
	// Object names it in a sentence: "the billing profile of customer <id>", "the customer list".
	Object string
	// Noun names the kind of object in a summary: "Billing profile" ("Billing profile update
	// conflicted"); empty for a kind that is only read.
	Noun string
	// CustomerID is the customer concerned, "" for none.
	CustomerID string
	// Resource: the caller is a resource, with a state entry.
	Resource bool
	// Timeouts: the caller has a timeouts block.
	Timeouts bool
	// Rejected maps the fields a 400 names to the caller's attributes; nil when it has none.
	Rejected func(*partnercenter.APIError) []RejectedAttribute
}

// noun is Noun, "Object" when it is empty.
func (s Subject) noun() string {
	if s.Noun == "" {
		return "Object"
	}
	return s.Noun
}

// rejected is what Rejected makes of e, nothing when s has no mapping.
func (s Subject) rejected(e *partnercenter.APIError) []RejectedAttribute {
	if s.Rejected == nil {
		return nil
	}
	return s.Rejected(e)
}

// ReadSubject is a data source reading object, about customerID ("" for none).
func ReadSubject(object, customerID string) Subject {
	return Subject{Action: "read", Object: object, CustomerID: customerID}
}

// AddAPIError turns a failed Partner Center call about s into a diagnostic a user can act on: a
// summary, what to do, and the error itself with its status, Partner Center code and request ids.
// A validation error is put on the attributes it names.
func AddAPIError(diags *diag.Diagnostics, s Subject, err error) {
	summary, hint := Explain(s, err)
	detail := hint + "\n\n" + err.Error()
	var apiErr *partnercenter.APIError
	if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusBadRequest {
		if rejected := s.rejected(apiErr); len(rejected) > 0 {
			for _, r := range rejected {
				diags.AddAttributeError(r.Path, summary, "Attribute "+r.Path.String()+": "+r.Problem+"\n\n"+detail)
			}
			return
		}
	}
	diags.AddError(summary, detail)
}

func credentialKind(err error) string {
	var apiErr *partnercenter.APIError
	if errors.As(err, &apiErr) && apiErr.CredentialKind != "" {
		return apiErr.CredentialKind
	}
	return "configured"
}

// RejectedAttribute is one field a 400 names, as an attribute path with Partner Center's words.
type RejectedAttribute struct {
	Path    path.Path
	Problem string
}

// Explain is the summary and the advice of the diagnostic of err about s.
func Explain(s Subject, err error) (summary, hint string) {
	if summary, hint, ok := explainOperation(s, err); ok {
		return summary, hint
	}
	if summary, hint, ok := explainCredential(err); ok {
		return summary, hint
	}
	return explainAnswer(s, err)
}

// explainOperation explains what ended the operation itself: its deadline, a cancellation, or
// the conflicts of an update.
func explainOperation(s Subject, err error) (summary, hint string, ok bool) {
	var conflict *partnercenter.ConflictError
	switch {
	case errors.Is(err, context.DeadlineExceeded) && s.Timeouts:
		return "Timed out", "Partner Center did not finish in the " + s.Action + " timeout. Raise timeouts." + s.Action +
			", or try again later.", true
	case errors.Is(err, context.DeadlineExceeded):
		return "Timed out", fmt.Sprintf("Partner Center did not finish giving %s within %s, the most a data source waits. "+
			"Try again later.", s.Object, ShortDuration(DefaultDataSourceTimeout)), true
	case errors.Is(err, context.Canceled):
		return "Cancelled", "The operation was cancelled before Partner Center answered.", true
	case errors.As(err, &conflict) && conflict.ChangedByAnotherWriter():
		return s.noun() + " update conflicted", "Another writer kept changing " + s.Object +
			" while Terraform updated it, so every update met a stale ETag (HTTP 412). Find the other " +
			"writer (a script, the Partner Center portal, another Terraform configuration managing this customer) " +
			"and apply again.", true
	case errors.As(err, &conflict):
		return s.noun() + " update refused", "Partner Center refused every update of " + s.Object +
			" as stale (HTTP 412), although reading it again showed nobody had changed it, so no other " +
			"writer is to blame. Something between Terraform and Partner Center may be changing the If-Match header. " +
			"Apply again; if it persists, open a support case with the request ids below.", true
	}
	return "", "", false
}

// explainCredential explains a token Entra ID would not issue or Partner Center would not take,
// and an endpoint that could not be reached at all.
func explainCredential(err error) (summary, hint string, ok bool) {
	var tokenErr *credential.TokenError
	var missing *credential.MissingError
	switch {
	case errors.As(err, &tokenErr) && tokenErr.UnreachableHost() != "":
		return "Could not reach Entra ID", "The token endpoint at " + tokenErr.UnreachableHost() + " could not be reached " +
			"at all (its name did not resolve, or it refused or dropped the connection). Check authority_url (or " +
			EnvAuthorityURL + ") and cloud (or " + EnvCloud + "), and the network or proxy between Terraform and Entra ID.", true
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
	case UnreachableHost(err) != "":
		return "Could not reach Partner Center", "Partner Center's API at " + UnreachableHost(err) + " could not be " +
			"reached at all (its name did not resolve, or it refused or dropped the connection). Check base_url (or " +
			EnvBaseURL + ") and cloud (or " + EnvCloud + "), and the network or proxy between Terraform and Partner Center.", true
	case partnercenter.IsUnauthorized(err):
		return "Partner Center rejected the credential", "Partner Center refused the token of the " + credentialKind(err) +
			" credential: it is invalid, expired, for another cloud or resource, or lacks MFA. For access_token (" +
			EnvAccessToken + "), get a new token for https://api.partnercenter.microsoft.com.", true
	}
	return "", "", false
}

// UnreachableHost is the host of Partner Center's API that a call could not connect to at all, ""
// when err is another failure (a token endpoint that could not be reached included, which
// TokenError.UnreachableHost names).
func UnreachableHost(err error) string {
	var tokenErr *credential.TokenError
	if errors.As(err, &tokenErr) {
		return ""
	}
	return transport.UnreachableHost(err)
}

// explainAnswer explains what Partner Center answered about s.
func explainAnswer(s Subject, err error) (summary, hint string) {
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
		return "Partner Center kept throttling requests", "Partner Center answered 429 Too Many Requests after every " +
			"retry. Run terraform with a lower -parallelism, or try again later."
	case partnercenter.IsPreconditionFailed(err):
		return s.noun() + " update conflicted", "Partner Center answered that " + s.Object + " changed while Terraform " +
			"updated it. Apply again."
	}
	var apiErr *partnercenter.APIError
	if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusBadRequest && s.Resource {
		return "Partner Center rejected the " + strings.ToLower(s.noun()), "Correct the attribute Partner Center names and apply again."
	}
	return "Partner Center request failed", "Could not " + s.Action + " " + s.Object + "."
}

// goneAdvice says how to stop managing a customer that is really gone, to a resource's caller.
func goneAdvice(s Subject) string {
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
	return partnercenter.IsCredentialRefused(err) || UnreachableHost(err) != "" ||
		(errors.As(err, &tokenErr) && tokenErr.UnreachableHost() != "")
}

// ShortDuration writes d as Terraform users write durations: "10m", not "10m0s".
func ShortDuration(d time.Duration) string {
	switch {
	case d%time.Hour == 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	case d%time.Minute == 0:
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	return d.String()
}

// TimeoutDescription documents the timeout of an operation (what), its default and a note.
func TimeoutDescription(what string, def time.Duration, note string) string {
	return fmt.Sprintf("How long %s may take, such as `\"30s\"` or `\"15m\"`; default `\"%s\"`. %s", what, ShortDuration(def), note)
}
