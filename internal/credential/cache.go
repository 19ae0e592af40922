// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package credential

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"golang.org/x/oauth2"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

// Renewal timing. A token is renewed when a tenth of its life is left (at most maxRenewBefore
// before it expires), in the background while callers keep using it, and handed out until a
// twentieth of its life is left (at most expiryMargin before it expires), which leaves a request
// made with it time to reach Partner Center.
const (
	maxRenewBefore = 5 * time.Minute
	expiryMargin   = 30 * time.Second
	// failedRenewalPause is how long a failed renewal waits before the next one while the token
	// still serves, so that a long Entra ID outage is not met with a renewal per call.
	failedRenewalPause = 15 * time.Second
)

// Default retry policy of one renewal: Entra ID's outages (5xx, 408, 429, timeouts, reset
// connections) are tried again after a jittered, bounded wait; its refusals are not.
const (
	defaultRenewAttempts = 3
	defaultRenewWaitMin  = time.Second
	defaultRenewWaitMax  = 8 * time.Second
	defaultFetchTimeout  = 30 * time.Second
)

// fetchFunc gets a new token from the credential.
type fetchFunc func(ctx context.Context) (*oauth2.Token, error)

// cachedSource hands out one token for all the resources of a provider and renews it before it
// expires. One renewal runs at a time, apart from the callers: callers that still hold a usable
// token do not wait for it, the others wait for it only as long as their own context lets them
// (Ctrl-C works while Entra ID hangs), and a renewal that fails while the token is still usable
// keeps the token, with a warning, rather than failing the calls.
type cachedSource struct {
	fetch fetchFunc
	now   func() time.Time
	retry renewPolicy
	// audience is the API the tokens are for, named in messages.
	audience Audience
	// turn, when set, is waited for before each attempt and released after it, outside the
	// attempt's timeout: another API's exchange of the same refresh token (refreshTokens.take).
	turn func(ctx context.Context) (release func(), err error)

	mu       sync.Mutex
	token    *oauth2.Token
	dueAt    time.Time // when token's renewal fell due as issued: a refusal from then on may be its expiry
	renewAt  time.Time // from then on, a call starts a renewal (later than dueAt after a failed renewal)
	usableTo time.Time // from then on, callers wait for the renewal; zero: never
	renewal  *renewal  // the renewal in flight, if any
	failure  error     // a failed renewal callers have not been warned of yet
}

// renewPolicy bounds the attempts of one renewal.
type renewPolicy struct {
	attempts         int
	waitMin, waitMax time.Duration
	fetchTimeout     time.Duration // of each attempt
}

// renewal is one renewal in flight; done closes when token or err is set.
type renewal struct {
	done  chan struct{}
	token *oauth2.Token
	err   error
}

func newCachedSource(fetch fetchFunc) *cachedSource {
	return &cachedSource{fetch: fetch, now: time.Now, audience: PartnerCenter, retry: renewPolicy{
		attempts: defaultRenewAttempts, waitMin: defaultRenewWaitMin, waitMax: defaultRenewWaitMax, fetchTimeout: defaultFetchTimeout,
	}}
}

// Token returns the cached access token, starting a renewal when it is due, and waits for the
// renewal only when the cached token can no longer be used.
func (c *cachedSource) Token(ctx context.Context) (string, error) {
	c.mu.Lock()
	now := c.now()
	if c.token == nil || !now.Before(c.renewAt) {
		c.renewalLocked(ctx)
	}
	if c.usableLocked(now) {
		token, failure, left := c.token.AccessToken, c.failure, c.token.Expiry.Sub(now)
		c.failure = nil
		c.mu.Unlock()
		if failure != nil {
			tflog.Warn(ctx, "Renewing the "+string(c.audience)+" token failed; the current token is used while it lasts",
				map[string]any{"error": failure.Error(), "token_expires_in": left.Round(time.Second).String()})
		}
		return token, nil
	}
	r := c.renewalLocked(ctx)
	c.mu.Unlock()
	select {
	case <-r.done:
		if r.err != nil {
			return "", r.err
		}
		return r.token.AccessToken, nil
	case <-ctx.Done():
		return "", fmt.Errorf("waiting for a new %s token: %w", c.audience, ctx.Err())
	}
}

// RenewRefused answers Partner Center's refusal (401) of refused, a token this source handed out.
// Refused once its renewal fell due, it may have expired on its way (a slow network, a busy
// machine, a service clock a little ahead): the caller waits for the one renewal in flight (started
// if none is) and gets the new token, with ok true. The same when it was replaced meanwhile: the
// caller gets the current one. A token refused well within its life is refused for another reason
// (a wrong audience, revoked consent), and a new one would be refused too: ok is false. The
// refused token is not withdrawn: when the renewal fails, the other calls keep using it while it
// lasts, as after any failed renewal.
func (c *cachedSource) RenewRefused(ctx context.Context, refused string) (string, bool, error) {
	c.mu.Lock()
	current := c.token != nil && c.token.AccessToken == refused
	if current && c.now().Before(c.dueAt) {
		c.mu.Unlock()
		return "", false, nil
	}
	if !current {
		c.mu.Unlock()
		token, err := c.Token(ctx)
		return token, err == nil && token != refused, err
	}
	r := c.renewalLocked(ctx)
	c.mu.Unlock()
	select {
	case <-r.done:
		if r.err != nil {
			return "", false, r.err
		}
		return r.token.AccessToken, r.token.AccessToken != refused, nil
	case <-ctx.Done():
		return "", false, fmt.Errorf("waiting for a new %s token: %w", c.audience, ctx.Err())
	}
}

// usableLocked reports whether the cached token may still be handed out. The caller holds c.mu.
func (c *cachedSource) usableLocked(now time.Time) bool {
	return c.token != nil && (c.usableTo.IsZero() || now.Before(c.usableTo))
}

// renewalLocked returns the renewal in flight, starting one if there is none. It runs on a
// context that keeps ctx's values (the logger, its masks) but not its end: it serves every caller,
// not only the one that started it, and its own attempts are bounded. The caller holds c.mu.
func (c *cachedSource) renewalLocked(ctx context.Context) *renewal {
	if c.renewal == nil {
		c.renewal = &renewal{done: make(chan struct{})}
		go c.renew(context.WithoutCancel(ctx), c.renewal)
	}
	return c.renewal
}

// renew fetches a token and records the outcome for the cache and for the renewal's waiters.
func (c *cachedSource) renew(ctx context.Context, r *renewal) {
	t, err := c.fetchWithRetries(ctx)
	c.mu.Lock()
	now := c.now()
	if err == nil {
		t = onClock(t, now)
		c.token, c.failure = t, nil
		c.renewAt, c.usableTo = renewalTimes(t, now)
		c.dueAt = c.renewAt
	} else if c.usableLocked(now) {
		c.failure = err
		pause := failedRenewalPause
		if !c.usableTo.IsZero() { // a token without expiry has all the time it wants
			pause = min(pause, c.usableTo.Sub(now)/2)
		}
		c.renewAt = now.Add(pause)
	}
	r.token, r.err = t, err
	c.renewal = nil
	c.mu.Unlock()
	close(r.done)
}

// fetchWithRetries tries the credential up to retry.attempts times, each within fetchTimeout,
// again only after an outage: a refused credential stays refused.
func (c *cachedSource) fetchWithRetries(ctx context.Context) (*oauth2.Token, error) {
	for attempt := 1; ; attempt++ {
		t, err := c.attempt(ctx)
		if err == nil {
			return t, nil
		}
		if attempt >= c.retry.attempts || isRefused(err) {
			return nil, err
		}
		wait := c.retry.wait(attempt)
		tflog.Debug(ctx, string(c.audience)+" token request failed; trying again",
			map[string]any{"attempt": attempt, "wait": wait.String(), "error": err.Error()})
		time.Sleep(wait)
	}
}

// attempt is one fetch within fetchTimeout, after its turn when it shares the credential's state
// with another API (the wait for the turn does not count against the attempt).
func (c *cachedSource) attempt(ctx context.Context) (*oauth2.Token, error) {
	if c.turn != nil {
		release, err := c.turn(ctx)
		if err != nil {
			return nil, err
		}
		defer release()
	}
	attemptCtx, cancel := context.WithTimeout(ctx, c.retry.fetchTimeout)
	defer cancel()
	return c.fetch(attemptCtx)
}

func isRefused(err error) bool {
	var te *TokenError
	return errors.As(err, &te) && te.CredentialRefused()
}

// wait is how long to wait after failed attempt number attempt (from 1) before the next: doubling
// from waitMin up to waitMax, jittered so that renewals of many provider runs do not come back in step.
func (p renewPolicy) wait(attempt int) time.Duration {
	return transport.JitteredBackoff(p.waitMin, p.waitMax, attempt-1)
}

// onClock is t with its expiry on the cache's clock: expires_in counted from now. The OAuth2
// library counts it from the wall clock, which is the same time in a provider run but not in a
// test that moves the cache's clock (and the emulator's) instead of waiting for a token to expire.
// A token without expires_in (a static token, a managed identity's expires_on) keeps its expiry.
func onClock(t *oauth2.Token, now time.Time) *oauth2.Token {
	seconds := expiresIn(t)
	if seconds <= 0 {
		return t
	}
	stamped := *t
	stamped.Expiry = now.Add(time.Duration(seconds * float64(time.Second)))
	return &stamped
}

// expiresIn is the token answer's expires_in in seconds, 0 when it has none: the OAuth2 library
// keeps it in ExpiresIn, or (its client-credentials flow) only among the answer's fields.
func expiresIn(t *oauth2.Token) float64 {
	if t.ExpiresIn > 0 {
		return float64(t.ExpiresIn)
	}
	switch v := t.Extra("expires_in").(type) {
	case float64:
		return v
	case string: // some token endpoints quote it
		f, _ := strconv.ParseFloat(v, 64)
		return f
	}
	return 0
}

// renewalTimes says when to renew t and until when to hand it out.
func renewalTimes(t *oauth2.Token, now time.Time) (renewAt, usableTo time.Time) {
	if t.Expiry.IsZero() {
		return now.Add(time.Hour), time.Time{} // a token without expiry: kept, renewed hourly
	}
	life := t.Expiry.Sub(now)
	return t.Expiry.Add(-min(maxRenewBefore, life/10)), t.Expiry.Add(-min(expiryMargin, life/20))
}
