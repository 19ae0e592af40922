// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/hashicorp/go-retryablehttp"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

// newRetryClient builds the retrying HTTP layer. It retries only throttling (429), server
// failures (5xx but 501) and connection errors; a 412 is never retried here because the caller
// has to re-read and merge before it can try again.
func newRetryClient(cfg Config, hc *http.Client) *retryablehttp.Client {
	tokens := cfg.TokenSource
	rc := retryablehttp.NewClient()
	rc.HTTPClient = hc
	rc.Logger = nil // logging goes through tflog in loggingTransport, never to stderr
	rc.RetryMax = cfg.RetryMax
	rc.RetryWaitMin = cfg.RetryWaitMin
	rc.RetryWaitMax = cfg.RetryWaitMax
	rc.CheckRetry = checkRetry
	rc.Backoff = transport.Backoff(cfg.MaxRetryAfter)
	// Passthrough keeps the last response, so its Partner Center error body becomes an *APIError.
	rc.ErrorHandler = retryablehttp.PassthroughErrorHandler
	rc.RequestLogHook = logRetry
	// A retry can come minutes later (Retry-After), after the token has expired: take the token
	// again for every attempt; the token source hands out its cached one while it is fresh.
	rc.PrepareRetry = func(req *http.Request) error {
		token, err := tokens.Token(req.Context())
		if err != nil {
			return fmt.Errorf("getting an access token for a retry: %w", err)
		}
		req.Header.Set("Authorization", "Bearer "+token)
		return nil
	}
	return rc
}

func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	// An attempt the context cut short says nothing about Partner Center, so only the others
	// are remembered for the message of a call that later times out.
	tried := attemptsFrom(ctx)
	tried.record(resp, err)
	if limits, ok := ctx.Value(retryLimitsKey{}).(RetryLimits); ok && limits.stop(tried, resp) {
		return false, nil
	}
	if err != nil {
		// The default policy knows which transport errors are permanent (bad scheme, TLS trust).
		return retryablehttp.DefaultRetryPolicy(ctx, resp, err)
	}
	return transport.RetryableStatus(resp.StatusCode), nil
}

// RetryLimits narrows the client's retry policy for the calls made with a context, for callers
// that must answer soon whatever Partner Center does, such as plan-time checks: a throttled or
// failing service then costs them a bounded time, not the operation's whole timeout.
type RetryLimits struct {
	// MaxRetries caps the retries of each call; zero allows none.
	MaxRetries int
	// MaxRetryAfter is the longest Retry-After waited for: a call asked to wait longer ends at
	// once with Partner Center's answer (a 429 for which IsThrottled is true).
	MaxRetryAfter time.Duration
}

type retryLimitsKey struct{}

// WithRetryLimits returns a context whose Partner Center calls retry within limits, never more
// than the client's own policy allows.
func WithRetryLimits(ctx context.Context, limits RetryLimits) context.Context {
	return context.WithValue(ctx, retryLimitsKey{}, limits)
}

// stop reports whether a call that has made the attempts in tried, the last answered with resp,
// must end rather than retry.
func (l RetryLimits) stop(tried *attempts, resp *http.Response) bool {
	if tried != nil && tried.retries() >= l.MaxRetries {
		return true
	}
	d, ok := transport.RetryAfter(resp, time.Now())
	return ok && d > l.MaxRetryAfter
}

func logRetry(_ retryablehttp.Logger, req *http.Request, attempt int) {
	if attempt == 0 {
		return
	}
	tflog.Info(req.Context(), "Retrying Partner Center request", map[string]any{
		"method":            req.Method,
		"path":              req.URL.Path,
		"retry":             attempt,
		HeaderRequestID:     req.Header.Get(HeaderRequestID),
		HeaderCorrelationID: req.Header.Get(HeaderCorrelationID),
	})
}
