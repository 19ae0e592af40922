// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package graph is a Go client for the parts of Microsoft Graph the provider manages: the
// partner's GDAP relationships (tenantRelationships/delegatedAdminRelationships). Like the
// Partner Center client it knows nothing about Terraform: it speaks HTTP and JSON, retries what
// Graph says is worth retrying, pages through collections and turns Graph's error bodies into
// typed errors that carry the request ids a support case needs.
package graph

import "github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"

// DefaultBaseURL is Microsoft Graph's endpoint in the public cloud.
const DefaultBaseURL = "https://graph.microsoft.com"

// APIName names Microsoft Graph in log lines and errors.
const APIName = "Microsoft Graph"

// Endpoint is what travels to Graph's base URL, for the rule that credentials travel over https.
var Endpoint = transport.EndpointUse{Carries: "the Microsoft Graph token and every request", Example: DefaultBaseURL}
