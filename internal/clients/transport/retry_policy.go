// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package transport

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/hashicorp/go-retryablehttp"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// newRetryClient builds the retrying HTTP layer of a pipeline. It retries only throttling (429),
// server failures (5xx but 501) and connection errors, waiting what Retry-After asks (capped) or a
// jittered backoff, with a fresh token on each retry; a 412 is never retried here, because the
// caller has to read again and decide before it can try again.
func newRetryClient(cfg PipelineConfig) *retryablehttp.Client {
	api, tokens := cfg.API, cfg.Tokens
	rc := retryablehttp.NewClient()
	rc.HTTPClient = cfg.HTTPClient
	rc.Logger = nil // logging goes through tflog in the logging transport, never to stderr
	rc.RetryMax = max(cfg.RetryMax, 0)
	rc.RetryWaitMin, rc.RetryWaitMax = cfg.RetryWaitMin, cfg.RetryWaitMax
	rc.CheckRetry = checkRetry
	rc.Backoff = Backoff(cfg.MaxRetryAfter)
	// Passthrough keeps the last response, so that its error body becomes the API's error.
	rc.ErrorHandler = retryablehttp.PassthroughErrorHandler
	rc.RequestLogHook = func(_ retryablehttp.Logger, req *http.Request, attempt int) {
		if attempt == 0 {
			return
		}
		fields := map[string]any{"method": req.Method, "path": req.URL.Path, "retry": attempt,
			api.CallIDHeader: req.Header.Get(api.CallIDHeader)}
		for _, h := range api.LoggedHeaders {
			fields[h] = req.Header.Get(h)
		}
		tflog.Info(req.Context(), "Retrying "+api.Name+" request", fields)
	}
	// A retry can come minutes later (Retry-After), after the token has expired: take the token
	// again for every attempt; the token source hands out its cached one while it is fresh.
	rc.PrepareRetry = func(req *http.Request) error {
		token, err := tokens.Token(req.Context())
		if err != nil {
			return fmt.Errorf("getting a %s token for a retry: %w", api.Name, err)
		}
		req.Header.Set("Authorization", "Bearer "+token)
		return nil
	}
	return rc
}

// checkRetry decides whether an attempt is retried: never once the context has ended or the
// context's RetryLimits are reached; only a 429 for a call that must not be sent twice
// (OnlyThrottlingRetried); otherwise what RetryableStatus says, and for a connection error what
// go-retryablehttp's default policy knows of permanent ones (a bad scheme, TLS trust).
func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	// An attempt the context cut short says nothing about the API, so only the others are
	// remembered for the message of a call that later times out.
	tried := attemptsFrom(ctx)
	tried.record(resp, err)
	if limits, ok := ctx.Value(retryLimitsKey{}).(RetryLimits); ok && limits.stop(tried, resp) {
		return false, nil
	}
	if ctx.Value(onlyThrottlingKey{}) != nil {
		return resp != nil && resp.StatusCode == http.StatusTooManyRequests, nil
	}
	if err != nil {
		return retryablehttp.DefaultRetryPolicy(ctx, resp, err)
	}
	return RetryableStatus(resp.StatusCode), nil
}

// RetryLimits narrows a pipeline's retry policy for the calls made with a context, for callers
// that must answer soon whatever the API does, such as plan-time checks: a throttled or failing
// service then costs them a bounded time, not the operation's whole timeout.
type RetryLimits struct {
	// MaxRetries caps the retries of each call; zero allows none.
	MaxRetries int
	// MaxRetryAfter is the longest Retry-After waited for: a call asked to wait longer ends at
	// once with the API's answer (its 429).
	MaxRetryAfter time.Duration
}

type retryLimitsKey struct{}

// WithRetryLimits returns a context whose calls retry within limits, never more than the
// pipeline's own policy allows.
func WithRetryLimits(ctx context.Context, limits RetryLimits) context.Context {
	return context.WithValue(ctx, retryLimitsKey{}, limits)
}

// stop reports whether a call that has made the attempts in tried, the last answered with resp,
// must end rather than retry.
func (l RetryLimits) stop(tried *attempts, resp *http.Response) bool {
	if tried != nil && tried.retries() >= l.MaxRetries {
		return true
	}
	d, ok := RetryAfter(resp, time.Now())
	return ok && d > l.MaxRetryAfter
}

type onlyThrottlingKey struct{}

// OnlyThrottlingRetried marks ctx's calls as ones not to send twice: a call that may have taken
// effect (a failure answer or a lost connection) is not retried; only a throttled one (429, which
// an API answers before doing anything) is.
func OnlyThrottlingRetried(ctx context.Context) context.Context {
	return context.WithValue(ctx, onlyThrottlingKey{}, true)
}
