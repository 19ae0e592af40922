// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graph

import (
	"errors"
	"fmt"
	"net/http"
	"time"

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
	pipe      *transport.Pipeline
	userAgent string
	// changeShownWithin bounds waitShown: ChangeShownWithin, shorter only in tests.
	changeShownWithin time.Duration
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
	c := &Client{userAgent: cfg.UserAgent, changeShownWithin: ChangeShownWithin}
	c.pipe, err = transport.NewPipeline(transport.PipelineConfig{API: c.api(), BaseURL: base, Tokens: cfg.TokenSource,
		HTTPClient: cfg.HTTPClient, RetryMax: cfg.RetryMax, RetryWaitMin: cfg.RetryWaitMin, RetryWaitMax: cfg.RetryWaitMax,
		MaxRetryAfter: cfg.MaxRetryAfter})
	if err != nil {
		return nil, err
	}
	return c, nil
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
