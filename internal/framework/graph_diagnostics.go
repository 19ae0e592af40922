// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"context"
	"errors"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/credential"
)

// AddGraphError turns a failed Microsoft Graph call about s into a diagnostic a user can act on:
// a summary, what to do, and the error itself with its status, Graph's code and request ids.
func AddGraphError(diags *diag.Diagnostics, s Subject, err error) {
	summary, hint := ExplainGraph(s, err)
	diags.AddError(summary, hint+"\n\n"+err.Error())
}

// ExplainGraph is the summary and the advice of the diagnostic of a Graph call's err about s.
func ExplainGraph(s Subject, err error) (summary, hint string) {
	var tokenErr *credential.TokenError
	switch {
	case errors.Is(err, context.DeadlineExceeded) && s.Timeouts:
		return "Timed out", "Microsoft Graph did not finish in the " + s.Action + " timeout. Raise timeouts." + s.Action +
			", or try again later."
	case errors.Is(err, context.DeadlineExceeded):
		return "Timed out", "Microsoft Graph did not finish giving " + s.Object + " within " +
			ShortDuration(DefaultDataSourceTimeout) + ", the most a data source waits. Try again later."
	case errors.Is(err, context.Canceled):
		return "Cancelled", "The operation was cancelled before Microsoft Graph answered."
	case errors.As(err, &tokenErr):
		summary, hint, _ := explainCredential(err)
		return summary, hint
	case UnreachableHost(err) != "":
		return "Could not reach Microsoft Graph", "Microsoft Graph at " + UnreachableHost(err) + " could not be reached at " +
			"all (its name did not resolve, or it refused or dropped the connection). Check graph_base_url (or " +
			EnvGraphBaseURL + ") and cloud (or " + EnvCloud + "), and the network or proxy between Terraform and Graph."
	}
	return explainGraphAnswer(s, err)
}

// explainGraphAnswer explains what Graph answered about s.
func explainGraphAnswer(s Subject, err error) (summary, hint string) {
	var unusable *graph.AnswerError
	if errors.As(err, &unusable) {
		return "Unusable answer from Microsoft Graph", "Microsoft Graph answered with success but with a body that is " +
			"not usable as " + s.Object + ", so Terraform used nothing of it. Try again; if it persists, open a support " +
			"case with the request ids below."
	}
	var apiErr *graph.APIError
	if !errors.As(err, &apiErr) {
		return "Microsoft Graph request failed", "Could not " + s.Action + " " + s.Object + "."
	}
	switch apiErr.StatusCode {
	case http.StatusUnauthorized:
		return "Microsoft Graph rejected the credential", "Microsoft Graph refused the token: it is invalid, expired, or " +
			"for another API or cloud than graph_base_url's. With graph_access_token (" + EnvGraphAccessToken + "), get a " +
			"token for the cloud's Graph endpoint (az account get-access-token --resource " + graph.DefaultBaseURL +
			" in the public cloud); with another credential kind, check its tenant and cloud."
	case http.StatusForbidden:
		return "Access denied", "Microsoft Graph refused to let this partner " + s.Action + " " + s.Object + ": the " +
			"application or signed-in user needs the " + graphPermission(s.Action) + " permission of Microsoft Graph, " +
			"consented in the partner tenant (see the authentication guide for each credential kind)."
	case http.StatusNotFound:
		return graphNotFound(s, apiErr)
	case http.StatusTooManyRequests:
		return "Microsoft Graph kept throttling requests", "Microsoft Graph answered 429 Too Many Requests after every " +
			"retry. Run terraform with a lower -parallelism, or try again later."
	}
	return "Microsoft Graph request failed", "Could not " + s.Action + " " + s.Object + "."
}

// graphNotFound explains a 404. Only Graph's own answer, its error object, says that an object
// does not exist; any other 404 (a proxy's page, a wrong graph_base_url) may not have come from
// Graph's API at all, and a collection always exists.
func graphNotFound(s Subject, apiErr *graph.APIError) (summary, hint string) {
	if s.Noun != "" && apiErr.IsNotFound() {
		return s.Noun + " not found", "Microsoft Graph has no " + s.Object + " for this partner. Check the id, and " +
			"graph_base_url (the Graph root, such as " + graph.DefaultBaseURL + ")."
	}
	if s.Noun == "" {
		return "Microsoft Graph endpoint not found", "Microsoft Graph answered 404 for " + s.Object + ", which always " +
			"exists: check graph_base_url (or " + EnvGraphBaseURL + "), the Graph root such as " + graph.DefaultBaseURL +
			", and any proxy between Terraform and Graph."
	}
	hint = "The answer was HTTP 404 without Microsoft Graph's error object, so it may not have come from Microsoft " +
		"Graph's API for " + s.Object + ", and Terraform took nothing from it. Check graph_base_url (or " + EnvGraphBaseURL +
		"), the Graph root such as " + graph.DefaultBaseURL + " without a path, and any proxy between Terraform and " +
		"Microsoft Graph."
	if s.Resource {
		hint += " If " + s.Object + " really is gone, remove it from the state with a removed block or terraform state rm."
	}
	return "Microsoft Graph endpoint not found", hint
}

// graphPermission is the Microsoft Graph permission GDAP's action needs: reading needs
// DelegatedAdminRelationship.Read.All, every change ReadWrite.All.
func graphPermission(action string) string {
	if action == "read" || action == "list" {
		return "DelegatedAdminRelationship.Read.All (or ReadWrite.All)"
	}
	return "DelegatedAdminRelationship.ReadWrite.All"
}
