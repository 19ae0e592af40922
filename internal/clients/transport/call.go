// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package transport

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

	"github.com/google/uuid"
	"github.com/hashicorp/go-retryablehttp"
)

// Call is one logical call of an API: one call id, kept on every retry.
type Call struct {
	Method string
	// URL is what is called: under the API's base URL, or a link it gave (Link).
	URL *url.URL
	// Header holds the call's own headers (If-Match), set over the pipeline's.
	Header http.Header
	// In is encoded as the JSON body; nil sends none.
	In any
	// Out receives the decoded JSON answer; nil decodes nothing.
	Out any
	// Check refuses a decoded answer that is not whole, or is about another object than the one
	// the call asked for; it runs after Out is decoded.
	Check func() error
	// Bodiless: a 202 (a change still running) or a 204 answers the call without a body; the caller
	// reads Answer.Status. Any other call decodes every success answer, so that an empty one is
	// refused rather than taken for a resource.
	Bodiless bool
}

// Answer is what a successful call got besides its decoded body.
type Answer struct {
	// Status is the success status (200, 201, or 202 and 204 for a Bodiless call).
	Status int
	// Header holds the answer's headers (a 202's Location).
	Header http.Header
}

// Do sends c, retrying as the retry policy allows, and decodes the JSON answer into c.Out. An
// answer with a failure status becomes the API's ErrorAnswer; a success answer the client cannot
// use (cut at the size limit, not JSON, refused by Check) becomes its Unusable error.
func (p *Pipeline) Do(ctx context.Context, c Call) (Answer, error) {
	tried := &attempts{api: p.api.Name, start: time.Now()}
	req, err := p.newRequest(withAttempts(ctx, tried), c)
	if err != nil {
		return Answer{}, err
	}
	resp, err := Send(ctx, p.http, p.tokens, p.api.Name, req)
	if err != nil {
		return Answer{}, p.transportError(req.Request, tried, err)
	}
	defer func() { _ = resp.Body.Close() }()
	body, cut, err := readBody(resp)
	if err != nil {
		return Answer{}, fmt.Errorf("%s %s: reading response (HTTP %d, %s: %s): %w", c.Method, c.URL.Path,
			resp.StatusCode, p.api.CallIDHeader, req.Header.Get(p.api.CallIDHeader), err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return Answer{}, p.api.ErrorAnswer(req.Request, resp, body, cut)
	}
	answer := Answer{Status: resp.StatusCode, Header: resp.Header}
	if c.Out == nil || (c.Bodiless && (resp.StatusCode == http.StatusAccepted || resp.StatusCode == http.StatusNoContent)) {
		return answer, nil
	}
	if err := p.decode(req.Request, resp, body, cut, c); err != nil {
		return Answer{}, err
	}
	return answer, nil
}

// readBody reads at most MaxResponseBytes of the body and reports whether there was more.
func readBody(resp *http.Response) (body []byte, cut bool, err error) {
	body, err = io.ReadAll(io.LimitReader(resp.Body, MaxResponseBytes+1))
	if len(body) > MaxResponseBytes {
		return body[:MaxResponseBytes], true, err
	}
	return body, false, err
}

// utf8BOM is the byte-order mark Partner Center puts before some JSON bodies, which
// encoding/json would otherwise reject.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// StripBOM drops a UTF-8 byte-order mark before a body.
func StripBOM(b []byte) []byte { return bytes.TrimPrefix(b, utf8BOM) }

// decode decodes a success answer into c.Out and checks it: an answer cut at the size limit, one
// that is not JSON and one Check refuses are the API's Unusable errors, never a value.
func (p *Pipeline) decode(req *http.Request, resp *http.Response, body []byte, cut bool, c Call) error {
	if cut {
		return p.api.Unusable(req, resp, body, fmt.Sprintf("it is larger than %d bytes, the most the client reads, and was "+
			"cut there (no %s answer is that large: something between the provider and %s, such as a proxy, answered "+
			"instead)", MaxResponseBytes, p.api.Name, p.api.Name), nil)
	}
	if err := json.Unmarshal(StripBOM(body), c.Out); err != nil {
		return p.api.Unusable(req, resp, body, "decoding the response failed: "+err.Error(), err)
	}
	if c.Check != nil {
		if err := c.Check(); err != nil {
			return p.api.Unusable(req, resp, body, err.Error(), err)
		}
	}
	return nil
}

// newRequest builds the request of c: its body, the token, a new call id, the API's headers and
// then the call's own.
func (p *Pipeline) newRequest(ctx context.Context, c Call) (*retryablehttp.Request, error) {
	var body any // an untyped nil keeps a GET without a body
	if c.In != nil {
		b, err := json.Marshal(c.In)
		if err != nil {
			return nil, fmt.Errorf("%s %s: encoding the request: %w", c.Method, c.URL.Path, err)
		}
		body = b
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, c.Method, c.URL.String(), body)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", c.Method, c.URL.Path, err)
	}
	token, err := p.tokens.Token(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s %s: getting a %s token: %w", c.Method, c.URL.Path, p.api.Name, err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set(p.api.CallIDHeader, uuid.NewString())
	if p.api.Headers != nil {
		p.api.Headers(ctx, req.Header)
	}
	for k, v := range c.Header {
		req.Header[k] = v
	}
	return req, nil
}

// transportError wraps a failure that left no answer: the connection failed on every attempt,
// the context ended (then the error says what the call was waiting for), or no token could be
// had for a retry.
func (p *Pipeline) transportError(req *http.Request, tried *attempts, err error) error {
	id := p.api.CallIDHeader + ": " + req.Header.Get(p.api.CallIDHeader)
	if ctxErr := req.Context().Err(); ctxErr != nil {
		return fmt.Errorf("%s %s (%s): %w", req.Method, req.URL.Path, id, tried.interrupted(ctxErr))
	}
	var urlErr *url.Error
	if !errors.As(err, &urlErr) {
		return fmt.Errorf("%s %s (%s): %w", req.Method, req.URL.Path, id, err)
	}
	return fmt.Errorf("%s %s: could not reach %s at %s (%s): %w", req.Method, req.URL.Path, p.api.Name, req.URL.Host, id, err)
}
