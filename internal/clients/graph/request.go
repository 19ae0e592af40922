// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/google/uuid"
	"github.com/hashicorp/go-retryablehttp"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

// call is one logical Graph call: it gets one client-request-id, kept on every retry.
type call struct {
	method string
	// target is the URL called: under the client's base URL, or a link Graph gave on it.
	target *url.URL
	header http.Header
	in     any
	out    any
	// check refuses a decoded answer that is not whole, or is about another object than the one
	// the call asked for.
	check func() error
}

// path is a call to path (from /v1.0/) with query on the client's base URL, which has no path.
func (c *Client) path(path string, query url.Values) *url.URL {
	u := *c.baseURL
	u.Path, u.RawQuery = path, query.Encode()
	return &u
}

// link is a link Graph gave (a next page, an operation), refused when it leaves the client's base
// URL: the token travels only to the endpoint the user configured.
func (c *Client) link(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("the link %q that Microsoft Graph gave is not a URL: %w", raw, err)
	}
	u = c.baseURL.ResolveReference(u)
	if !sameOrigin(u, c.baseURL) {
		return nil, fmt.Errorf("the link %s that Microsoft Graph gave leaves %s: it is not followed, so that the token "+
			"travels only to the Graph endpoint configured (graph_base_url)", u.Redacted(), c.baseURL.Host)
	}
	return u, nil
}

// sameOrigin reports whether a and b name the same scheme, host (in any case) and port (the
// scheme's default when none is written).
func sameOrigin(a, b *url.URL) bool {
	port := func(u *url.URL) string {
		if p := u.Port(); p != "" {
			return p
		}
		return map[string]string{"https": "443", "http": "80"}[strings.ToLower(u.Scheme)]
	}
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Hostname(), b.Hostname()) && port(a) == port(b)
}

// do sends cl, retrying as the retry policy allows, decodes the JSON answer into cl.out and
// returns the answer's headers (a 202's Location). Error answers become *APIError; a success
// answer that cannot be used becomes *AnswerError.
func (c *Client) do(ctx context.Context, cl call) (http.Header, error) {
	header, _, err := c.doStatus(ctx, cl)
	return header, err
}

// doStatus is do, giving the success status too (200, or 202 for a long-running change).
func (c *Client) doStatus(ctx context.Context, cl call) (http.Header, int, error) {
	req, err := c.newRequest(ctx, cl)
	if err != nil {
		return nil, 0, err
	}
	resp, err := transport.Send(ctx, c.http, c.tokens, APIName, req)
	if err != nil {
		return nil, 0, transportError(req.Request, err)
	}
	defer func() { _ = resp.Body.Close() }()
	body, err := io.ReadAll(io.LimitReader(resp.Body, transport.MaxResponseBytes+1))
	if err != nil {
		return nil, resp.StatusCode, fmt.Errorf("%s %s: reading the answer (HTTP %d, client-request-id: %s): %w",
			cl.method, cl.target.Path, resp.StatusCode, req.Header.Get(headerClientRequestID), err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, resp.StatusCode, newAPIError(req.Request, resp, body)
	}
	// A long-running change (202) says only where to follow it; a 204 has nothing to say.
	if cl.out == nil || resp.StatusCode == http.StatusAccepted || resp.StatusCode == http.StatusNoContent {
		return resp.Header, resp.StatusCode, nil
	}
	unusable := func(problem string) error {
		return &AnswerError{Method: cl.method, Path: cl.target.Path, StatusCode: resp.StatusCode, Problem: problem,
			RequestID: resp.Header.Get(headerRequestID), ClientRequestID: req.Header.Get(headerClientRequestID)}
	}
	if len(body) > transport.MaxResponseBytes {
		return nil, resp.StatusCode, unusable(fmt.Sprintf("it is larger than %d bytes, the most the client reads", transport.MaxResponseBytes))
	}
	if err := json.Unmarshal(body, cl.out); err != nil {
		return nil, resp.StatusCode, unusable("it is not the JSON expected: " + err.Error())
	}
	if cl.check != nil {
		if err := cl.check(); err != nil {
			return nil, resp.StatusCode, unusable(err.Error())
		}
	}
	return resp.Header, resp.StatusCode, nil
}

func (c *Client) newRequest(ctx context.Context, cl call) (*retryablehttp.Request, error) {
	var body any // an untyped nil keeps a GET without a body
	if cl.in != nil {
		b, err := json.Marshal(cl.in)
		if err != nil {
			return nil, fmt.Errorf("%s %s: encoding the request: %w", cl.method, cl.target.Path, err)
		}
		body = b
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, cl.method, cl.target.String(), body)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", cl.method, cl.target.Path, err)
	}
	token, err := c.tokens.Token(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s %s: getting a Microsoft Graph token: %w", cl.method, cl.target.Path, err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.userAgent != "" {
		req.Header.Set("User-Agent", c.userAgent)
	}
	req.Header.Set(headerClientRequestID, uuid.NewString())
	for k, v := range cl.header {
		req.Header[k] = v
	}
	return req, nil
}

// transportError wraps a failure that left no answer: the connection failed on every attempt, the
// context ended, or no token could be had for a retry.
func transportError(req *http.Request, err error) error {
	id := req.Header.Get(headerClientRequestID)
	if ctxErr := req.Context().Err(); ctxErr != nil {
		return fmt.Errorf("%s %s (client-request-id: %s): %w", req.Method, req.URL.Path, id, ctxErr)
	}
	var urlErr *url.Error
	if !errors.As(err, &urlErr) {
		return fmt.Errorf("%s %s (client-request-id: %s): %w", req.Method, req.URL.Path, id, err)
	}
	return fmt.Errorf("%s %s: could not reach Microsoft Graph at %s (client-request-id: %s): %w",
		req.Method, req.URL.Path, req.URL.Host, id, err)
}
