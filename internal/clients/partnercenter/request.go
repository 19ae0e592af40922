// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/hashicorp/go-retryablehttp"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// stripBOM drops the UTF-8 byte-order mark Partner Center puts before some JSON bodies, which
// encoding/json would otherwise reject.
func stripBOM(b []byte) []byte { return bytes.TrimPrefix(b, utf8BOM) }

// call is one logical Partner Center call: it gets one MS-RequestId, kept on every retry.
type call struct {
	method string
	path   string
	// query is the raw query string, sent as is (a next-page link's query is not re-encoded).
	query  string
	header http.Header
	in     any
	out    any
	// about, when set, refuses a decoded answer that is about another object than the one the
	// call asked for (a misrouting proxy or cache can answer for another customer).
	about func() error
}

// do sends c, retrying as the retry policy allows, and decodes the JSON answer into c.out.
// Error answers become *APIError; a success answer the client cannot use (cut at the size limit,
// not JSON, not a whole resource) becomes *AnswerError.
func (c *Client) do(ctx context.Context, cl call) error {
	tried := &attempts{start: time.Now()}
	req, err := c.newRequest(withAttempts(ctx, tried), cl)
	if err != nil {
		return err
	}
	resp, err := transport.Send(ctx, c.http, c.tokens, APIName, req)
	if err != nil {
		return transportError(req.Request, tried, err)
	}
	defer func() { _ = resp.Body.Close() }()
	body, cut, err := readBody(resp)
	if err != nil {
		return fmt.Errorf("%s %s: reading response (HTTP %d, %s: %s): %w",
			cl.method, cl.path, resp.StatusCode, HeaderRequestID, req.Header.Get(HeaderRequestID), err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		e := newAPIError(req.Request, resp, body)
		if cut {
			e.Description += fmt.Sprintf(" (the answer was cut at %d bytes, the most the client reads)", maxResponseBytes)
		}
		e.CredentialKind = c.credentialKind
		return e
	}
	if cl.out == nil {
		return nil
	}
	return decodeAnswer(req.Request, resp, body, cut, cl)
}

// readBody reads at most maxResponseBytes of the body and reports whether there was more.
func readBody(resp *http.Response) (body []byte, cut bool, err error) {
	body, err = io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes+1))
	if len(body) > maxResponseBytes {
		return body[:maxResponseBytes], true, err
	}
	return body, false, err
}

// decodeAnswer decodes a success answer into cl.out and checks it is whole and about what cl asked
// for: an answer cut at the size limit, one that is not JSON, one that lacks what the resource
// always has and one about another object are *AnswerError, never a value.
func decodeAnswer(req *http.Request, resp *http.Response, body []byte, cut bool, cl call) error {
	out := cl.out
	if cut {
		return newAnswerError(req, resp, body, fmt.Sprintf("it is larger than %d bytes, the most the client reads, and was cut there "+
			"(a Partner Center answer is a few KiB: something between the provider and Partner Center, such as a proxy, answered instead)",
			maxResponseBytes), nil)
	}
	if err := json.Unmarshal(stripBOM(body), out); err != nil {
		return newAnswerError(req, resp, body, "decoding the response failed: "+err.Error(), err)
	}
	if c, ok := out.(answerChecker); ok {
		if err := c.checkAnswer(); err != nil {
			ae := newAnswerError(req, resp, body, err.Error(), nil)
			var incomplete *incompleteError
			if errors.As(err, &incomplete) {
				ae.Lacks = incomplete.missing
			}
			return ae
		}
	}
	if cl.about != nil {
		if err := cl.about(); err != nil {
			return newAnswerError(req, resp, body, err.Error(), nil)
		}
	}
	return nil
}

func (c *Client) newRequest(ctx context.Context, cl call) (*retryablehttp.Request, error) {
	var body any // an untyped nil keeps a GET without a body
	if cl.in != nil {
		b, err := json.Marshal(cl.in)
		if err != nil {
			return nil, fmt.Errorf("%s %s: encoding the request: %w", cl.method, cl.path, err)
		}
		body = b
	}
	u := c.baseURL.JoinPath(cl.path)
	u.RawQuery = cl.query
	req, err := retryablehttp.NewRequestWithContext(ctx, cl.method, u.String(), body)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", cl.method, cl.path, err)
	}
	token, err := c.tokens.Token(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s %s: getting an access token: %w", cl.method, cl.path, err)
	}
	c.setHeaders(ctx, req.Header, token, body != nil)
	for k, v := range cl.header {
		req.Header[k] = v
	}
	return req, nil
}

func (c *Client) setHeaders(ctx context.Context, h http.Header, token string, hasBody bool) {
	h.Set("Authorization", "Bearer "+token)
	h.Set("Accept", "application/json")
	if hasBody {
		h.Set("Content-Type", "application/json")
	}
	h.Set("User-Agent", c.userAgent)
	h.Set(HeaderRequestID, NewID())
	h.Set(HeaderCorrelationID, firstNonEmpty(CorrelationID(ctx), NewID()))
	h.Set(HeaderContractVersion, contractVersion)
	h.Set(HeaderApplication, ApplicationName)
}

// transportError wraps a failure that left no answer: the connection failed on every attempt,
// the context ended (then the error says what the call was waiting for), or no token could be
// had for a retry.
func transportError(req *http.Request, tried *attempts, err error) error {
	if ctxErr := req.Context().Err(); ctxErr != nil {
		return fmt.Errorf("%s %s (%s: %s): %w", req.Method, req.URL.Path, HeaderRequestID, req.Header.Get(HeaderRequestID),
			tried.interrupted(ctxErr))
	}
	var urlErr *url.Error
	if !errors.As(err, &urlErr) {
		return fmt.Errorf("%s %s: %w", req.Method, req.URL.Path, err)
	}
	return fmt.Errorf("%s %s: could not reach Partner Center at %s (%s: %s): %w",
		req.Method, req.URL.Path, req.URL.Host, HeaderRequestID, req.Header.Get(HeaderRequestID), err)
}
