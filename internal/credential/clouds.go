// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package credential turns the provider's authentication settings into a token source for the
// Partner Center client: a static token, the App+User refresh token of the secure application
// model, App-only client credentials (secret or certificate), OIDC workload identity federation,
// or the Azure CLI. It knows nothing of Terraform.
package credential

import (
	"fmt"
	"sort"
	"strings"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
)

// Cloud is a Partner Center cloud: its API and its Entra ID (Azure AD) authority.
type Cloud struct {
	// APIURL is the Partner Center endpoint, also the resource tokens are asked for.
	APIURL string
	// AuthorityURL is the Entra ID login endpoint.
	AuthorityURL string
}

// DefaultCloud is the cloud used when none is named.
const DefaultCloud = "public"

// Clouds are the clouds Partner Center runs in (CONTRIBUTING.md, "Endpoints and credentials").
var Clouds = map[string]Cloud{
	"public":       {APIURL: "https://api.partnercenter.microsoft.com", AuthorityURL: "https://login.microsoftonline.com"},
	"usgovernment": {APIURL: "https://api.partnercenter.microsoft.com", AuthorityURL: "https://login.microsoftonline.us"},
	"china":        {APIURL: "https://partner.partnercenterapi.microsoftonline.cn", AuthorityURL: "https://login.chinacloudapi.cn"},
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
	// APIURL is where API calls go (the cloud's, or base_url).
	APIURL string
	// Resource is the cloud's API URL, which scopes name whatever base_url says.
	Resource string
	// AuthorityURL is where token requests go (the cloud's, or authority_url).
	AuthorityURL string
}

// ResolveEndpoints picks the cloud's endpoints, with baseURL and authorityURL overriding them.
func ResolveEndpoints(cloud, baseURL, authorityURL string) (Endpoints, error) {
	if cloud == "" {
		cloud = DefaultCloud
	}
	c, ok := Clouds[strings.ToLower(cloud)]
	if !ok {
		return Endpoints{}, fmt.Errorf("unknown cloud %q: use one of %s", cloud, strings.Join(CloudNames(), ", "))
	}
	e := Endpoints{APIURL: c.APIURL, Resource: c.APIURL, AuthorityURL: c.AuthorityURL}
	if baseURL != "" {
		e.APIURL = baseURL
	}
	if authorityURL != "" {
		if _, err := partnercenter.ParseEndpoint(authorityURL, partnercenter.TokenEndpoint); err != nil {
			return Endpoints{}, fmt.Errorf("authority URL %w", err)
		}
		e.AuthorityURL = strings.TrimRight(authorityURL, "/")
	}
	return e, nil
}
