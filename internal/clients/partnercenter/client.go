// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package partnercenter is a Go client for the parts of the Microsoft Partner Center REST API that the
// Terraform provider uses. It knows nothing about Terraform: it speaks HTTP and JSON, retries what
// Partner Center says is worth retrying, and turns error bodies into typed errors.
package partnercenter

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

// DefaultBaseURL is the Partner Center API endpoint of the public cloud.
const DefaultBaseURL = "https://api.partnercenter.microsoft.com"

// APIName names Partner Center in log lines and errors.
const APIName = "Partner Center"

// APIEndpoint is what travels to Partner Center's base URL, for the rule that credentials travel
// over https.
var APIEndpoint = transport.EndpointUse{Carries: "the access token and every request", Example: DefaultBaseURL}

// ApplicationName identifies this client to Partner Center in MS-PartnerCenter-Application and
// in the User-Agent.
const ApplicationName = "terraform-provider-partnercenter"

// Header names Partner Center defines (CONTRIBUTING.md, "Requests").
const (
	HeaderRequestID       = "MS-RequestId"
	HeaderCorrelationID   = "MS-CorrelationId"
	HeaderContractVersion = "MS-Contract-Version"
	HeaderApplication     = "MS-PartnerCenter-Application"
	contractVersion       = "v1"
)

// Defaults for Config fields left zero.
const (
	DefaultRetryMax      = 4
	DefaultRetryWaitMin  = 500 * time.Millisecond
	DefaultRetryWaitMax  = 30 * time.Second
	DefaultMaxRetryAfter = 2 * time.Minute
	// maxResponseBytes bounds how much of a response is read: a billing profile is a few KiB,
	// so anything near this is not a Partner Center answer.
	maxResponseBytes = transport.MaxResponseBytes
)

// Config configures a Client. Only TokenSource is required.
type Config struct {
	// BaseURL is the API endpoint, e.g. DefaultBaseURL or an emulator's address.
	BaseURL string
	// TokenSource supplies the bearer token for each logical call.
	TokenSource transport.TokenSource
	// Version is this software's version, sent in the User-Agent.
	Version string
	// UserAgentExtra is appended to the User-Agent (e.g. the Terraform version).
	UserAgentExtra string
	// RetryMax is how many times a throttled, failed (5xx) or unreachable call is retried.
	RetryMax int
	// RetryWaitMin and RetryWaitMax bound the jittered exponential backoff between retries.
	RetryWaitMin, RetryWaitMax time.Duration
	// MaxRetryAfter caps how long a Retry-After header can make the client wait.
	MaxRetryAfter time.Duration
	// HTTPClient replaces the pooled client built by New (transport.NewHTTPClient, which logs).
	HTTPClient *http.Client
	// CredentialKind names the kind of credential behind TokenSource, for 401 errors.
	CredentialKind string
	// ConflictAttempts bounds the PUTs of ApplyCustomerBillingProfile when every one meets a
	// stale ETag; ConflictWaitMin and ConflictWaitMax bound the jittered wait between them.
	ConflictAttempts                 int
	ConflictWaitMin, ConflictWaitMax time.Duration
}

// Client calls Partner Center. It is safe for concurrent use and reuses connections.
type Client struct {
	// cfg is the configuration New was given, with defaults filled in.
	cfg            Config
	pipe           *transport.Pipeline
	credentialKind string
	userAgent      string
	conflict       conflictPolicy
	rules          countryRulesCache
}

type conflictPolicy struct {
	attempts         int
	waitMin, waitMax time.Duration
}

// New builds a Client from cfg.
func New(cfg Config) (*Client, error) {
	if cfg.TokenSource == nil {
		return nil, errors.New("partner center client: a token source is required")
	}
	base, err := parseBaseURL(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	cfg = withDefaults(cfg)
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = transport.NewHTTPClient(APIName)
	}
	c := &Client{
		cfg:            cfg,
		credentialKind: cfg.CredentialKind,
		userAgent:      UserAgent(cfg.Version, cfg.UserAgentExtra),
		conflict:       conflictPolicy{cfg.ConflictAttempts, cfg.ConflictWaitMin, cfg.ConflictWaitMax},
	}
	c.pipe, err = transport.NewPipeline(transport.PipelineConfig{API: c.api(), BaseURL: base, Tokens: cfg.TokenSource,
		HTTPClient: cfg.HTTPClient, RetryMax: cfg.RetryMax, RetryWaitMin: cfg.RetryWaitMin, RetryWaitMax: cfg.RetryWaitMax,
		MaxRetryAfter: cfg.MaxRetryAfter})
	if err != nil {
		return nil, err
	}
	return c, nil
}

func parseBaseURL(raw string) (*url.URL, error) {
	if raw == "" {
		raw = DefaultBaseURL
	}
	u, err := transport.ParseEndpoint(raw, APIEndpoint)
	if err != nil {
		return nil, fmt.Errorf("partner center base URL %w", err)
	}
	return u, nil
}

func withDefaults(cfg Config) Config {
	if cfg.RetryMax == 0 {
		cfg.RetryMax = DefaultRetryMax
	}
	if cfg.RetryMax < 0 {
		cfg.RetryMax = 0
	}
	if cfg.RetryWaitMin == 0 {
		cfg.RetryWaitMin = DefaultRetryWaitMin
	}
	if cfg.RetryWaitMax == 0 {
		cfg.RetryWaitMax = DefaultRetryWaitMax
	}
	if cfg.MaxRetryAfter == 0 {
		cfg.MaxRetryAfter = DefaultMaxRetryAfter
	}
	if cfg.ConflictAttempts <= 0 {
		cfg.ConflictAttempts = DefaultConflictAttempts
	}
	if cfg.ConflictWaitMin == 0 {
		cfg.ConflictWaitMin = DefaultConflictWaitMin
	}
	if cfg.ConflictWaitMax == 0 {
		cfg.ConflictWaitMax = DefaultConflictWaitMax
	}
	return cfg
}

// UserAgent is what the provider sends as User-Agent to every API: its name and version, then extra
// (the Terraform version).
func UserAgent(version, extra string) string {
	if version == "" {
		version = "dev"
	}
	ua := ApplicationName + "/" + version
	if extra != "" {
		ua += " " + extra
	}
	return ua
}
