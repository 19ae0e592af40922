// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package credential

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sync"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// refreshTokens is the secure application model's refresh token, shared by the audiences it is
// exchanged for. Entra ID rotates it on every exchange, and the exchanges of both audiences take
// turns (a Partner Center and a Graph renewal may fall due together): each starts from the newest
// token, and a rotated one replaces it only once its exchange succeeded, so a token that still
// works is never dropped for one that failed.
type refreshTokens struct {
	turn chan struct{} // holds one value while an exchange runs
	// current is written by the holder of the turn, under mu: exchanges in customers' tenants read
	// it (latest) without taking the turn, as they never rotate it.
	mu      sync.Mutex
	current string
}

func newRefreshTokens(rt string) *refreshTokens {
	return &refreshTokens{turn: make(chan struct{}, 1), current: rt}
}

// take waits for the turn to exchange the token, or for ctx to end; release gives it back. A
// renewal waits with a context no caller cancels (cachedSource.renew), so its wait is bounded by
// the holder's attempt, which fetchTimeout bounds: the turn is held for one attempt at a time.
// The fetch refreshTokenFetcher returns must be run only while holding the turn.
func (r *refreshTokens) take(ctx context.Context) (release func(), err error) {
	select {
	case r.turn <- struct{}{}:
		return func() { <-r.turn }, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("waiting for the other API's exchange of the refresh token: %w", ctx.Err())
	}
}

// exchange runs do with the newest refresh token and keeps the token it rotated to. The caller
// holds the turn (take).
func (r *refreshTokens) exchange(do func(rt string) (*oauth2.Token, error)) (*oauth2.Token, error) {
	t, err := do(r.latest())
	if err != nil {
		return nil, err
	}
	if t.RefreshToken != "" {
		r.mu.Lock()
		r.current = t.RefreshToken
		r.mu.Unlock()
	}
	return t, nil
}

// latest is the newest refresh token.
func (r *refreshTokens) latest() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.current
}

// refreshTokenFetcher exchanges the secure application model's refresh token (App+User) at the
// v2.0 token endpoint for a token of audience a (ep.delegatedScope). x/oauth2's clientcredentials
// flow sends it: it lets grant_type be overridden and, unlike its refresh-token source, sends the
// scope. The audiences share rts; explained masks each rotated token, as it does every token issued.
func refreshTokenFetcher(cfg Config, ep Endpoints, a Audience, hc *http.Client, rts *refreshTokens) fetchFunc {
	conf := clientcredentials.Config{
		ClientID:     cfg.ClientID,
		ClientSecret: cfg.ClientSecret,
		TokenURL:     tokenURL(ep, cfg.TenantID),
		Scopes:       []string{ep.delegatedScope(a)},
		AuthStyle:    oauth2.AuthStyleInParams,
	}
	// The token source takes the turn around each attempt (cachedSource.turn).
	return func(ctx context.Context) (*oauth2.Token, error) {
		return rts.exchange(func(rt string) (*oauth2.Token, error) {
			c := conf
			c.EndpointParams = url.Values{"grant_type": {"refresh_token"}, "refresh_token": {rt}}
			return c.Token(context.WithValue(ctx, oauth2.HTTPClient, hc))
		})
	}
}

func tokenURL(ep Endpoints, tenant string) string {
	return ep.AuthorityURL + "/" + url.PathEscape(tenant) + "/oauth2/v2.0/token"
}
