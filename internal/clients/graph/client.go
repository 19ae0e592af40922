// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graph

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/hashicorp/go-retryablehttp"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

// Defaults for Config fields left zero: Graph's opaque 500s are common enough on GDAP calls that a
// few more retries than Partner Center's are worth their wait.
const (
	DefaultRetryMax      = 5
	DefaultRetryWaitMin  = 500 * time.Millisecond
	DefaultRetryWaitMax  = 30 * time.Second
	DefaultMaxRetryAfter = 2 * time.Minute
)

// Config configures a Client. Only TokenSource is required.
type Config struct {
	// BaseURL is Graph's endpoint without the version, e.g. DefaultBaseURL or an emulator's address.
	BaseURL string
	// TokenSource supplies the Graph bearer token for each logical call.
	TokenSource transport.TokenSource
	// HTTPClient replaces the pooled client New builds (transport.NewHTTPClient).
	HTTPClient *http.Client
	// UserAgent is sent on every call.
	UserAgent string
	// RetryMax is how many times a throttled, failed (5xx) or unreachable call is retried.
	RetryMax int
	// RetryWaitMin and RetryWaitMax bound the jittered exponential backoff between retries.
	RetryWaitMin, RetryWaitMax time.Duration
	// MaxRetryAfter caps how long a Retry-After header can make the client wait.
	MaxRetryAfter time.Duration
}

// Client calls Microsoft Graph. It is safe for concurrent use and reuses connections.
type Client struct {
	baseURL   *url.URL
	tokens    transport.TokenSource
	http      *retryablehttp.Client
	userAgent string
}

// New builds a Client from cfg.
func New(cfg Config) (*Client, error) {
	if cfg.TokenSource == nil {
		return nil, errors.New("microsoft graph client: a token source is required")
	}
	raw := cfg.BaseURL
	if raw == "" {
		raw = DefaultBaseURL
	}
	base, err := transport.ParseEndpoint(raw, Endpoint)
	if err != nil {
		return nil, fmt.Errorf("microsoft graph base URL %w", err)
	}
	if base.Path != "" || base.RawQuery != "" || base.Fragment != "" {
		return nil, fmt.Errorf("microsoft graph base URL %q names a path: give Graph's root, such as %s, without "+
			"a version (the client adds /v1.0)", raw, DefaultBaseURL)
	}
	cfg = withDefaults(cfg)
	return &Client{baseURL: base, tokens: cfg.TokenSource, http: newRetryClient(cfg), userAgent: cfg.UserAgent}, nil
}

func withDefaults(cfg Config) Config {
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = transport.NewHTTPClient(APIName)
	}
	if cfg.RetryMax == 0 {
		cfg.RetryMax = DefaultRetryMax
	}
	cfg.RetryMax = max(cfg.RetryMax, 0)
	if cfg.RetryWaitMin == 0 {
		cfg.RetryWaitMin = DefaultRetryWaitMin
	}
	if cfg.RetryWaitMax == 0 {
		cfg.RetryWaitMax = DefaultRetryWaitMax
	}
	if cfg.MaxRetryAfter == 0 {
		cfg.MaxRetryAfter = DefaultMaxRetryAfter
	}
	return cfg
}

// newRetryClient retries throttling (429), server failures (5xx but 501) and connection errors,
// waiting what Retry-After asks (capped) or a jittered backoff, with a fresh token on each retry.
func newRetryClient(cfg Config) *retryablehttp.Client {
	rc := retryablehttp.NewClient()
	rc.HTTPClient = cfg.HTTPClient
	rc.Logger = nil // logging goes through tflog in the transport, never to stderr
	rc.RetryMax = cfg.RetryMax
	rc.RetryWaitMin, rc.RetryWaitMax = cfg.RetryWaitMin, cfg.RetryWaitMax
	rc.CheckRetry = func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		if ctx.Err() != nil {
			return false, ctx.Err()
		}
		if ctx.Value(onlyThrottlingKey{}) != nil {
			return resp != nil && resp.StatusCode == http.StatusTooManyRequests, nil
		}
		if err != nil {
			return retryablehttp.DefaultRetryPolicy(ctx, resp, err)
		}
		return transport.RetryableStatus(resp.StatusCode), nil
	}
	rc.Backoff = transport.Backoff(cfg.MaxRetryAfter)
	rc.ErrorHandler = retryablehttp.PassthroughErrorHandler // the last answer becomes an *APIError
	rc.RequestLogHook = func(_ retryablehttp.Logger, req *http.Request, attempt int) {
		if attempt > 0 {
			tflog.Info(req.Context(), "Retrying Microsoft Graph request", map[string]any{
				"method": req.Method, "path": req.URL.Path, "retry": attempt, headerClientRequestID: req.Header.Get(headerClientRequestID)})
		}
	}
	tokens := cfg.TokenSource
	rc.PrepareRetry = func(req *http.Request) error {
		token, err := tokens.Token(req.Context())
		if err != nil {
			return fmt.Errorf("getting a Microsoft Graph token for a retry: %w", err)
		}
		req.Header.Set("Authorization", "Bearer "+token)
		return nil
	}
	return rc
}

type onlyThrottlingKey struct{}

// onlyThrottlingRetried marks ctx's calls as ones not to send twice: a call that may have taken
// effect (a failure answer or a lost connection) is not retried; only a throttled one (429, which
// Graph answers before doing anything) is.
func onlyThrottlingRetried(ctx context.Context) context.Context {
	return context.WithValue(ctx, onlyThrottlingKey{}, true)
}
