// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/credential"
)

// phoneMissingCode is Partner Center's code for "Customer phone number is missing".
const phoneMissingCode = "600051"

// subject is what a failed Partner Center call was about, so that its diagnostic names the object
// the caller handles and gives only the advice that fits it: a data source has no timeouts block,
// and only a resource in state can be removed from it.
type subject struct {
	// action is what was tried, as a verb for the object: "read", "create", "update".
	action string
	// object names it in a sentence: "the billing profile of customer <id>", "the customer list".
	object string
	// customerID is the customer concerned, "" for none.
	customerID string
	// resource: the caller is a resource, with a state entry.
	resource bool
	// timeouts: the caller has a timeouts block.
	timeouts bool
}

// profileSubject is a billing profile resource's operation on customerID's profile.
func profileSubject(action, customerID string) subject {
	return subject{action: action, object: "the billing profile of customer " + customerID, customerID: customerID,
		resource: true, timeouts: true}
}

// readSubject is a data source reading object, about customerID ("" for none).
func readSubject(object, customerID string) subject {
	return subject{action: "read", object: object, customerID: customerID}
}

// addAPIError turns a failed Partner Center call about s into a diagnostic a user can act on: a
// summary, what to do, and the error itself with its status, Partner Center code and request ids.
// A validation error is put on the attributes it names.
func addAPIError(diags *diag.Diagnostics, s subject, err error) {
	summary, hint := explain(s, err)
	detail := hint + "\n\n" + err.Error()
	var apiErr *partnercenter.APIError
	if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusBadRequest {
		if rejected := rejectedAttributes(apiErr); len(rejected) > 0 {
			for _, r := range rejected {
				diags.AddAttributeError(r.path, summary, "Attribute "+r.path.String()+": "+r.problem+"\n\n"+detail)
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

// rejectedAttribute is one field a 400 names, as an attribute path with Partner Center's words.
type rejectedAttribute struct {
	path    path.Path
	problem string
}

func explain(s subject, err error) (summary, hint string) {
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
func explainOperation(s subject, err error) (summary, hint string, ok bool) {
	var conflict *partnercenter.ConflictError
	switch {
	case errors.Is(err, context.DeadlineExceeded) && s.timeouts:
		return "Timed out", "Partner Center did not finish in the " + s.action + " timeout. Raise timeouts." + s.action +
			", or try again later.", true
	case errors.Is(err, context.DeadlineExceeded):
		return "Timed out", fmt.Sprintf("Partner Center did not finish giving %s within %s, the most a data source waits. "+
			"Try again later.", s.object, shortDuration(defaultReadTimeout)), true
	case errors.Is(err, context.Canceled):
		return "Cancelled", "The operation was cancelled before Partner Center answered.", true
	case errors.As(err, &conflict) && conflict.ChangedByAnotherWriter():
		return "Billing profile update conflicted", "Another writer kept changing " + s.object +
			" while Terraform updated it, so every update met a stale ETag (HTTP 412). Find the other " +
			"writer (a script, the Partner Center portal, another Terraform configuration managing this customer) " +
			"and apply again.", true
	case errors.As(err, &conflict):
		return "Billing profile update refused", "Partner Center refused every update of " + s.object +
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
	switch {
	case errors.As(err, &tokenErr) && tokenErr.UnreachableHost() != "":
		return "Could not reach Entra ID", "The token endpoint at " + tokenErr.UnreachableHost() + " could not be reached " +
			"at all (its name did not resolve, or it refused or dropped the connection). Check authority_url (or " +
			EnvAuthorityURL + ") and cloud (or " + EnvCloud + "), and the network or proxy between Terraform and Entra ID.", true
	case errors.As(err, &tokenErr) && tokenErr.CredentialRefused():
		return "Could not get a Partner Center token", "Entra ID refused the " + string(tokenErr.Kind) +
			" credential. Check the provider's credential settings.", true
	case errors.As(err, &tokenErr):
		return "Could not get a Partner Center token", "Entra ID did not issue a token for the " + string(tokenErr.Kind) +
			" credential after retrying: it was unavailable or did not answer in time, which is usually brief. Apply again.", true
	case unreachableHost(err) != "":
		return "Could not reach Partner Center", "Partner Center's API at " + unreachableHost(err) + " could not be " +
			"reached at all (its name did not resolve, or it refused or dropped the connection). Check base_url (or " +
			EnvBaseURL + ") and cloud (or " + EnvCloud + "), and the network or proxy between Terraform and Partner Center.", true
	case partnercenter.IsUnauthorized(err):
		return "Partner Center rejected the credential", "Partner Center refused the token of the " + credentialKind(err) +
			" credential: it is invalid, expired, for another cloud or resource, or lacks MFA. For access_token (" +
			EnvAccessToken + "), get a new token for https://api.partnercenter.microsoft.com.", true
	}
	return "", "", false
}

// unreachableHost is the host of Partner Center's API that a call could not connect to at all, ""
// when err is another failure (a token endpoint that could not be reached included, which
// TokenError.UnreachableHost names).
func unreachableHost(err error) string {
	var tokenErr *credential.TokenError
	if errors.As(err, &tokenErr) {
		return ""
	}
	return partnercenter.UnreachableHost(err)
}

// explainAnswer explains what Partner Center answered about s.
func explainAnswer(s subject, err error) (summary, hint string) {
	var unusable *partnercenter.AnswerError
	switch {
	case errors.As(err, &unusable):
		done := "used nothing of it"
		if s.resource {
			done = "wrote nothing from it"
		}
		return "Unusable answer from Partner Center", "Partner Center answered with success but with a body that is " +
			"not usable as " + s.object + ", so Terraform " + done + ". Try again; if it persists, open a support case " +
			"with the request ids below."
	case partnercenter.IsCustomerNotFound(err):
		return "Customer not found", "Partner Center has no customer with tenant id " + s.customerID +
			" that this partner can reach. Check customer_id."
	case partnercenter.IsNotFound(err):
		return "Partner Center endpoint not found", "The answer was HTTP 404 without Partner Center's answer for an " +
			"unknown customer (code 60003), so it may not have come from Partner Center's API for " + s.object + ". Check base_url (the API " +
			"root, such as " + partnercenter.DefaultBaseURL + ", without a path) and any proxy between Terraform and Partner Center." +
			goneAdvice(s)
	case partnercenter.IsForbidden(err) && s.customerID != "":
		return "Access to the customer denied", "Partner Center refused access to customer " + s.customerID +
			": the partner may have no relationship with this customer, or the signed-in user may lack a GDAP role " +
			"that allows this for it."
	case partnercenter.IsForbidden(err):
		return "Access denied", "Partner Center refused to let this partner " + s.action + " " + s.object +
			": the signed-in user or the application lacks a Partner Center role that allows it."
	case partnercenter.IsThrottled(err):
		return "Partner Center kept throttling requests", "Partner Center answered 429 Too Many Requests after every " +
			"retry. Run terraform with a lower -parallelism, or try again later."
	case partnercenter.IsPreconditionFailed(err):
		return "Billing profile update conflicted", "The billing profile changed while Terraform updated it. Apply again."
	}
	var apiErr *partnercenter.APIError
	if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusBadRequest && s.resource {
		return "Partner Center rejected the billing profile", "Correct the attribute Partner Center names and apply again."
	}
	return "Partner Center request failed", "Could not " + s.action + " " + s.object + "."
}

// goneAdvice says how to stop managing a customer that is really gone, to a resource's caller.
func goneAdvice(s subject) string {
	if !s.resource || s.customerID == "" {
		return ""
	}
	return " If customer " + s.customerID + " really is gone, remove its profile from the state with a removed block or " +
		"terraform state rm."
}

// rejectedAttributes maps the fields a 400 names ("addressLine1: AddressLine1Invalid - ...") to
// attribute paths.
func rejectedAttributes(e *partnercenter.APIError) []rejectedAttribute {
	if e.Code == phoneMissingCode {
		return []rejectedAttribute{{addressPath.AtName(attrPhoneNumber), e.Description}}
	}
	var out []rejectedAttribute
	for _, entry := range e.Data {
		name, problem, found := strings.Cut(entry, ":")
		if !found {
			continue
		}
		if p, ok := apiFieldPath(strings.TrimSpace(name)); ok {
			out = append(out, rejectedAttribute{p, strings.TrimSpace(problem)})
		}
	}
	return out
}

// fieldPaths maps the fields Partner Center names in a 400, by lower-case key, to attribute paths.
// A field of both the profile and its address (firstName, lastName) is the address's: Partner
// Center's validation errors come from its Address rules.
var fieldPaths = func() map[string]path.Path {
	out := map[string]path.Path{}
	for _, a := range profileAttributes {
		out[strings.ToLower(a.key)] = path.Root(a.name)
	}
	for _, a := range addressAttributes {
		out[strings.ToLower(a.key)] = addressPath.AtName(a.name)
	}
	return out
}()

func apiFieldPath(name string) (path.Path, bool) {
	key := strings.ToLower(name)
	if _, rest, ok := strings.Cut(key, "."); ok {
		key = rest // "defaultAddress.city"
	}
	p, ok := fieldPaths[key]
	return p, ok
}

// addGoneCustomerError says that Partner Center answered that customerID no longer exists (answer),
// so that its billing profile cannot be managed, and what to do.
func addGoneCustomerError(diags *diag.Diagnostics, customerID string, answer error) {
	diags.AddAttributeError(path.Root("customer_id"), "Customer no longer exists",
		"Partner Center answered that customer "+customerID+" no longer exists, or that this partner can no longer "+
			"reach it (HTTP 404, code 60003), so its billing profile cannot be managed: Terraform would propose to adopt "+
			"it again, and Partner Center would refuse. Remove this resource from the configuration; its state entry "+
			"goes with the next apply. A configuration that takes its customers from partnercenter_customers drops it "+
			"by itself.\n\n"+answer.Error())
}

// addCredentialError reports a credential that cannot be used.
func addCredentialError(diags *diag.Diagnostics, err error) {
	var missing *credential.MissingError
	if errors.As(err, &missing) {
		diags.AddError("No Partner Center credential",
			"The provider needs a credential to call Partner Center, and "+err.Error()+"\n\n"+
				"Each attribute can also be set through its environment variable, such as "+EnvAccessToken+", "+
				EnvTenantID+", "+EnvClientID+", "+EnvClientSecret+" and "+EnvRefreshToken+". See the provider documentation.")
		return
	}
	diags.AddError("Invalid Partner Center credential", err.Error())
}

// addUnconfiguredChangesWarning tells the user which attributes, left out of the configuration,
// changed in Partner Center while Terraform applied: they were kept, and the state catches up at
// the next refresh.
func addUnconfiguredChangesWarning(diags *diag.Diagnostics, customerID string, changes []unconfiguredChange) {
	if len(changes) == 0 {
		return
	}
	sort.Slice(changes, func(i, j int) bool { return changes[i].attr < changes[j].attr })
	var b strings.Builder
	for _, c := range changes {
		fmt.Fprintf(&b, "\n  - %s: %s in Partner Center, was %s", c.attr, c.after, c.before)
	}
	diags.AddWarning("Billing profile changed in Partner Center during apply",
		"While Terraform updated the billing profile of customer "+customerID+", attributes this apply does not "+
			"write (left out of the configuration, in lifecycle ignore_changes, or unchanged in the plan) changed in "+
			"Partner Center: someone else changed them between Terraform's read and its update, or Partner Center "+
			"adjusted them. They were kept, not overwritten:"+b.String()+"\n\n"+
			"This apply recorded the planned values in the state, and anything in this apply that refers to them "+
			"received those; the next refresh reads Partner Center's, and the next plan changes back those the configuration "+
			"sets. To manage the others, set them in the configuration.")
}
