// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graphglue

import (
	"errors"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/credential"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/settings"
)

// apiName is Microsoft Graph in a sentence.
const apiName = "Microsoft Graph"

// AddError turns a failed Microsoft Graph call about s into a diagnostic a user can act on: a
// summary, what to do, and the error itself with its status, Graph's code and request ids.
func AddError(diags *diag.Diagnostics, s framework.Subject, err error) {
	summary, hint := Explain(s, err)
	diags.AddError(summary, hint+"\n\n"+err.Error())
}

// Explain is the summary and the advice of the diagnostic of a Graph call's err about s.
func Explain(s framework.Subject, err error) (summary, hint string) {
	if summary, hint, ok := framework.ExplainEnded(apiName, s, err); ok {
		return summary, hint
	}
	if summary, hint, ok := credential.Explain(err); ok {
		return summary, hint
	}
	if host := credential.UnreachableAPIHost(err); host != "" {
		return "Could not reach Microsoft Graph", "Microsoft Graph at " + host + " could not be reached at " +
			"all (its name did not resolve, or it refused or dropped the connection). Check graph_base_url (or " +
			settings.EnvGraphBaseURL + ") and cloud (or " + settings.EnvCloud + "), and the network or proxy between Terraform and Graph."
	}
	return explainAnswer(s, err)
}

// explainAnswer explains what Graph answered about s.
func explainAnswer(s framework.Subject, err error) (summary, hint string) {
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
			"for another API or cloud than graph_base_url's. With graph_access_token (" + settings.EnvGraphAccessToken + "), get a " +
			"token for the cloud's Graph endpoint (az account get-access-token --resource " + graph.DefaultBaseURL +
			" in the public cloud); with another credential kind, check its tenant and cloud."
	case http.StatusForbidden:
		return "Access denied", "Microsoft Graph refused to let this partner " + s.Action + " " + s.Object + ": the " +
			"application or signed-in user needs the " + permission(s.Action) + " permission of Microsoft Graph, " +
			"consented in the partner tenant (see the authentication guide for each credential kind)."
	case http.StatusNotFound:
		return notFound(s, apiErr)
	case http.StatusTooManyRequests:
		return framework.ExplainThrottled(apiName)
	}
	return "Microsoft Graph request failed", "Could not " + s.Action + " " + s.Object + "."
}

// graphNotFound explains a 404. Only Graph's own answer, its error object, says that an object
// does not exist; any other 404 (a proxy's page, a wrong graph_base_url) may not have come from
// Graph's API at all, and a collection always exists.
func notFound(s framework.Subject, apiErr *graph.APIError) (summary, hint string) {
	if s.Noun != "" && apiErr.IsNotFound() {
		return s.Noun + " not found", "Microsoft Graph has no " + s.Object + " for this partner. Check the id, and " +
			"graph_base_url (the Graph root, such as " + graph.DefaultBaseURL + ")."
	}
	if s.Noun == "" {
		return "Microsoft Graph endpoint not found", "Microsoft Graph answered 404 for " + s.Object + ", which always " +
			"exists: check graph_base_url (or " + settings.EnvGraphBaseURL + "), the Graph root such as " + graph.DefaultBaseURL +
			", and any proxy between Terraform and Graph."
	}
	hint = "The answer was HTTP 404 without Microsoft Graph's error object, so it may not have come from Microsoft " +
		"Graph's API for " + s.Object + ", and Terraform took nothing from it. Check graph_base_url (or " + settings.EnvGraphBaseURL +
		"), the Graph root such as " + graph.DefaultBaseURL + " without a path, and any proxy between Terraform and " +
		"Microsoft Graph."
	if s.Resource {
		hint += " If " + s.Object + " really is gone, remove it from the state with a removed block or terraform state rm."
	}
	return "Microsoft Graph endpoint not found", hint
}

// graphPermission is the Microsoft Graph permission GDAP's action needs: reading needs
// DelegatedAdminRelationship.Read.All, every change ReadWrite.All.
func permission(action string) string {
	if action == "read" || action == "list" {
		return "DelegatedAdminRelationship.Read.All (or ReadWrite.All)"
	}
	return "DelegatedAdminRelationship.ReadWrite.All"
}
