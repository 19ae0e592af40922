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

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/client"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/credential"
)

// phoneMissingCode is Partner Center's code for "Customer phone number is missing".
const phoneMissingCode = "600051"

// addAPIError turns a failed Partner Center call into a diagnostic a user can act on: a summary,
// what to do, and the error itself with its status, Partner Center code and request ids. A
// validation error is put on the attributes it names.
func addAPIError(diags *diag.Diagnostics, action, customerID string, err error) {
	summary, hint := explain(action, customerID, err)
	detail := hint + "\n\n" + err.Error()
	var apiErr *client.APIError
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
	var apiErr *client.APIError
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

func explain(action, customerID string, err error) (summary, hint string) {
	var conflict *client.ConflictError
	var unusable *client.AnswerError
	var tokenErr *credential.TokenError
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return "Timed out", "Partner Center did not finish in the " + action + " timeout. Raise timeouts." + action +
			" in the resource, or try again later."
	case errors.Is(err, context.Canceled):
		return "Cancelled", "The operation was cancelled before Partner Center answered."
	case errors.As(err, &conflict) && conflict.ChangedByAnotherWriter():
		return "Billing profile update conflicted", "Another writer kept changing the billing profile of customer " +
			customerID + " while Terraform updated it, so every update met a stale ETag (HTTP 412). Find the other " +
			"writer (a script, the Partner Center portal, another Terraform configuration managing this customer) " +
			"and apply again."
	case errors.As(err, &conflict):
		return "Billing profile update refused", "Partner Center refused every update of the billing profile of customer " +
			customerID + " as stale (HTTP 412), although reading it again showed nobody had changed it, so no other " +
			"writer is to blame. Something between Terraform and Partner Center may be changing the If-Match header. " +
			"Apply again; if it persists, open a support case with the request ids below."
	case errors.As(err, &unusable):
		return "Unusable answer from Partner Center", "Partner Center answered with success but with a body that is " +
			"not a whole billing profile, so Terraform wrote nothing from it. Apply again; if it persists, open a " +
			"support case with the request ids below."
	case client.IsCustomerNotFound(err):
		return "Customer not found", "Partner Center has no customer with tenant id " + customerID +
			" that this partner can reach. Check customer_id."
	case client.IsNotFound(err):
		return "Partner Center endpoint not found", "The answer was HTTP 404 without Partner Center's answer for an " +
			"unknown customer (code 60003), so it may not have come from the billing profile API. Check base_url (the API " +
			"root, such as " + client.DefaultBaseURL + ", without a path) and any proxy between Terraform and Partner Center. " +
			"If customer " + customerID + " really is gone, remove its profile from the state with a removed block or " +
			"terraform state rm."
	case errors.As(err, &tokenErr) && tokenErr.CredentialRefused():
		return "Could not get a Partner Center token", "Entra ID refused the " + string(tokenErr.Kind) +
			" credential. Check the provider's credential settings."
	case errors.As(err, &tokenErr):
		return "Could not get a Partner Center token", "Entra ID did not issue a token for the " + string(tokenErr.Kind) +
			" credential after retrying: it was unavailable or did not answer in time, which is usually brief. Apply again."
	case client.IsUnauthorized(err):
		return "Partner Center rejected the credential", "Partner Center refused the token of the " + credentialKind(err) +
			" credential: it is invalid, expired, for another cloud or resource, or lacks MFA. For access_token (" +
			EnvAccessToken + "), get a new token for https://api.partnercenter.microsoft.com."
	case client.IsForbidden(err):
		return "Access to the customer denied", "Partner Center refused access to customer " + customerID +
			": the partner may have no relationship with this customer, or the signed-in user may lack a GDAP role " +
			"that allows billing changes for it."
	case client.IsThrottled(err):
		return "Partner Center kept throttling requests", "Partner Center answered 429 Too Many Requests after every " +
			"retry. Run terraform with a lower -parallelism, or try again later."
	case client.IsPreconditionFailed(err):
		return "Billing profile update conflicted", "The billing profile changed while Terraform updated it. Apply again."
	}
	var apiErr *client.APIError
	if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusBadRequest {
		return "Partner Center rejected the billing profile", "Correct the attribute Partner Center names and apply again."
	}
	return "Partner Center request failed", "Could not " + action + " the billing profile of customer " + customerID + "."
}

// rejectedAttributes maps the fields a 400 names ("addressLine1: AddressLine1Invalid - ...") to
// attribute paths.
func rejectedAttributes(e *client.APIError) []rejectedAttribute {
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
			"write (left out of the configuration, or in lifecycle ignore_changes) changed in Partner Center: someone "+
			"else changed them between Terraform's read and its update, or Partner Center adjusted them. They were "+
			"kept, not overwritten:"+b.String()+"\n\n"+
			"This apply recorded the planned values in the state, and anything in this apply that refers to them "+
			"received those; the next refresh reads Partner Center's. To manage these attributes, set them in the configuration.")
}
