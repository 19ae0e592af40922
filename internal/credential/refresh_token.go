// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package credential

import (
	"context"
	"net/http"
	"net/url"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// refreshTokenFetcher exchanges the secure application model's refresh token (App+User) at the
// v2.0 token endpoint for a token with scope {api}/user_impersonation. x/oauth2's clientcredentials
// flow sends it: it lets grant_type be overridden and, unlike its refresh-token source, sends the
// scope. Entra ID rotates refresh tokens; the newest is kept for the next exchange of the run.
// cachedSource serialises calls, so rotating the token needs no lock of its own; explained masks
// each rotated token, as it does every token issued.
func refreshTokenFetcher(cfg Config, ep Endpoints, hc *http.Client) fetchFunc {
	conf := clientcredentials.Config{
		ClientID:     cfg.ClientID,
		ClientSecret: cfg.ClientSecret,
		TokenURL:     tokenURL(ep, cfg.TenantID),
		Scopes:       []string{ep.Resource + "/user_impersonation"},
		AuthStyle:    oauth2.AuthStyleInParams,
	}
	refreshToken := cfg.RefreshToken
	return func(ctx context.Context) (*oauth2.Token, error) {
		c := conf
		c.EndpointParams = url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refreshToken}}
		t, err := c.Token(context.WithValue(ctx, oauth2.HTTPClient, hc))
		if err != nil {
			return nil, err
		}
		if t.RefreshToken != "" {
			refreshToken = t.RefreshToken
		}
		return t, nil
	}
}

func tokenURL(ep Endpoints, tenant string) string {
	return ep.AuthorityURL + "/" + url.PathEscape(tenant) + "/oauth2/v2.0/token"
}
