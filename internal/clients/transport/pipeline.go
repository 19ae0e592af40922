// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package transport

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// API is what one API's client tells the pipeline about its API: its name, the header that names
// one logical call, its own headers, and how its answers fail. The pipeline does the rest alike
// for every API.
type API struct {
	// Name names the API in messages and log lines: "Partner Center", "Microsoft Graph".
	Name string
	// CallIDHeader names one logical call (MS-RequestId, client-request-id): a new id per call, kept
	// on every retry of it, named in every error about it.
	CallIDHeader string
	// LoggedHeaders are the request headers a retry's log line shows besides CallIDHeader (Partner
	// Center's MS-CorrelationId).
	LoggedHeaders []string
	// Headers sets the API's own headers on every request of a call (User-Agent, a contract
	// version, a correlation id from ctx); nil sets none.
	Headers func(ctx context.Context, h http.Header)
	// ErrorAnswer is the error of an answer with a failure status (not 2xx), in the API's error
	// shape. cut says the body was cut at MaxResponseBytes.
	ErrorAnswer func(req *http.Request, resp *http.Response, body []byte, cut bool) error
	// Unusable is the error of a success answer the client cannot use: problem says why, and err is
	// the decoding or checking error behind it, if any.
	Unusable func(req *http.Request, resp *http.Response, body []byte, problem string, err error) error
}

// PipelineConfig configures a Pipeline. Every field is required but the retry bounds, which
// default to none (no retry, no wait) when zero.
type PipelineConfig struct {
	API API
	// BaseURL is the API's endpoint, checked with ParseEndpoint; links the API gives are followed
	// only on its origin.
	BaseURL *url.URL
	// Tokens supplies the bearer token of every attempt.
	Tokens TokenSource
	// HTTPClient sends the requests (NewHTTPClient's, pooled and logging).
	HTTPClient *http.Client
	// RetryMax is how many times a throttled, failed (5xx) or unreachable call is retried.
	RetryMax int
	// RetryWaitMin and RetryWaitMax bound the jittered exponential backoff between retries.
	RetryWaitMin, RetryWaitMax time.Duration
	// MaxRetryAfter caps how long a Retry-After header can make a call wait.
	MaxRetryAfter time.Duration
}

// Pipeline sends the JSON calls of one API: it builds each request (token, call id, the API's
// headers, the body), sends it with retries (Retry-After honoured, a fresh token on each retry, a
// 401 renewal), reads at most MaxResponseBytes of the answer, turns failure answers into the API's
// errors, and decodes and checks success answers, refusing one it cannot use. It is safe for
// concurrent use and reuses connections.
type Pipeline struct {
	api    API
	base   *url.URL
	tokens TokenSource
	http   *retryablehttp.Client
}

// NewPipeline builds a Pipeline from cfg.
func NewPipeline(cfg PipelineConfig) (*Pipeline, error) {
	if cfg.API.Name == "" || cfg.API.CallIDHeader == "" || cfg.API.ErrorAnswer == nil || cfg.API.Unusable == nil {
		return nil, errors.New("transport pipeline: the API's name, call id header and error shapes are required")
	}
	if cfg.BaseURL == nil || cfg.Tokens == nil || cfg.HTTPClient == nil {
		return nil, fmt.Errorf("%s pipeline: a base URL, a token source and an HTTP client are required", cfg.API.Name)
	}
	return &Pipeline{api: cfg.API, base: cfg.BaseURL, tokens: cfg.Tokens, http: newRetryClient(cfg)}, nil
}

// BaseURL is a copy of the API's endpoint, for building a call's URL.
func (p *Pipeline) BaseURL() *url.URL {
	u := *p.base
	return &u
}
