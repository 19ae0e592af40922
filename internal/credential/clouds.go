// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package credential turns the provider's authentication settings into token sources for the
// Partner Center and the Microsoft Graph clients, both from one credential: a static token, the
// App+User refresh token of the secure application model, App-only client credentials (secret or
// certificate), OIDC workload identity federation, or the Azure CLI. It knows nothing of Terraform.
package credential

import (
	"fmt"
	"sort"
	"strings"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

// Cloud is a Partner Center cloud: its APIs and its Entra ID (Azure AD) authority.
type Cloud struct {
	// APIURL is the Partner Center endpoint, also the resource Partner Center tokens are asked for.
	APIURL string
	// AuthorityURL is the Entra ID login endpoint.
	AuthorityURL string
	// GraphURL is the Microsoft Graph endpoint, also the resource Graph tokens are asked for.
	GraphURL string
}

// TokenEndpoint is what travels to Entra ID's authority, for the rule that credentials travel
// over https.
var TokenEndpoint = transport.EndpointUse{Carries: "the client secret, refresh token or federated token, and every token it issues",
	Example: "https://login.microsoftonline.com"}

// DefaultCloud is the cloud used when none is named.
const DefaultCloud = "public"

// Clouds are the clouds Partner Center runs in (CONTRIBUTING.md, "Endpoints and credentials").
var Clouds = map[string]Cloud{
	"public": {APIURL: "https://api.partnercenter.microsoft.com", AuthorityURL: "https://login.microsoftonline.com",
		GraphURL: "https://graph.microsoft.com"},
	"usgovernment": {APIURL: "https://api.partnercenter.microsoft.com", AuthorityURL: "https://login.microsoftonline.us",
		GraphURL: "https://graph.microsoft.us"},
	"china": {APIURL: "https://partner.partnercenterapi.microsoftonline.cn", AuthorityURL: "https://login.chinacloudapi.cn",
		GraphURL: "https://microsoftgraph.chinacloudapi.cn"},
}

// CloudNames lists the names Clouds knows, sorted.
func CloudNames() []string {
	names := make([]string, 0, len(Clouds))
	for n := range Clouds {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Endpoints are where the provider sends API calls and token requests.
type Endpoints struct {
	// APIURL is where Partner Center calls go (the cloud's, or base_url).
	APIURL string
	// Resource is the cloud's Partner Center URL, which scopes name whatever base_url says.
	Resource string
	// AuthorityURL is where token requests go (the cloud's, or authority_url).
	AuthorityURL string
	// GraphURL is where Microsoft Graph calls go (the cloud's, or graph_base_url).
	GraphURL string
	// GraphResource is the cloud's Graph URL, which Graph scopes name whatever graph_base_url says.
	GraphResource string
}

// EndpointSettings are the provider's settings that choose the endpoints; empty ones take the
// cloud's.
type EndpointSettings struct {
	Cloud, BaseURL, AuthorityURL, GraphBaseURL string
}

// ResolveEndpoints picks the cloud's endpoints, with the settings' URLs overriding them.
func ResolveEndpoints(s EndpointSettings) (Endpoints, error) {
	cloud := s.Cloud
	if cloud == "" {
		cloud = DefaultCloud
	}
	c, ok := Clouds[strings.ToLower(cloud)]
	if !ok {
		return Endpoints{}, fmt.Errorf("unknown cloud %q: use one of %s", cloud, strings.Join(CloudNames(), ", "))
	}
	e := Endpoints{APIURL: c.APIURL, Resource: c.APIURL, AuthorityURL: c.AuthorityURL, GraphURL: c.GraphURL, GraphResource: c.GraphURL}
	if s.BaseURL != "" {
		e.APIURL = s.BaseURL
	}
	if s.AuthorityURL != "" {
		if _, err := transport.ParseEndpoint(s.AuthorityURL, TokenEndpoint); err != nil {
			return Endpoints{}, fmt.Errorf("authority URL %w", err)
		}
		e.AuthorityURL = strings.TrimRight(s.AuthorityURL, "/")
	}
	if s.GraphBaseURL != "" {
		// The Graph client checks it (graph.New), as the Partner Center client checks BaseURL:
		// neither carries a credential of this package's making to Entra ID.
		e.GraphURL = strings.TrimRight(s.GraphBaseURL, "/")
	}
	return e, nil
}

// Audience is the API a token is for: Partner Center refuses a Graph token, and Graph a Partner
// Center one.
type Audience string

// The audiences one credential gives tokens for.
const (
	PartnerCenter Audience = "Partner Center"
	Graph         Audience = "Microsoft Graph"
)

// resource is the resource e names for audience a's tokens.
func (e Endpoints) resource(a Audience) string {
	if a == Graph {
		return e.GraphResource
	}
	return e.Resource
}

// delegatedScope is the scope an App+User token for a is asked with: Partner Center's one
// delegated permission, and for Graph every delegated permission the app was consented
// (DelegatedAdminRelationship.ReadWrite.All for GDAP).
func (e Endpoints) delegatedScope(a Audience) string {
	if a == Graph {
		return e.resource(a) + "/.default"
	}
	return e.resource(a) + "/user_impersonation"
}

// appScope is the scope an App-only (and Azure CLI) token for a is asked with.
func (e Endpoints) appScope(a Audience) string { return e.resource(a) + "/.default" }
