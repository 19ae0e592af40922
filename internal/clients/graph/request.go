// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graph

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

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
	// bodiless: a 202 (a long-running change, followed by its Location) or a 204 answers the call
	// without a body; any other call decodes every success answer, and refuses an empty one.
	bodiless bool
}

// wholeOrNone is v when err is nil, else nothing: a value a check refused (an answer about another
// object) is never handed out beside the error.
func wholeOrNone[T any](v *T, err error) (*T, error) {
	if err != nil {
		return nil, err
	}
	return v, nil
}

// path is a call to path (from /v1.0/) with query on the client's base URL, which has no path.
func (c *Client) path(path string, query url.Values) *url.URL {
	u := c.pipe.BaseURL()
	u.Path, u.RawQuery = path, query.Encode()
	return u
}

// link is a link Graph gave (a next page, an operation), refused when it leaves the client's base
// URL: the token travels only to the endpoint the user configured.
func (c *Client) link(raw string) (*url.URL, error) {
	return c.pipe.Link(raw, "graph_base_url")
}

// do sends cl through the pipeline (transport.Pipeline: retries, size limit, decoding, check) and
// returns the answer's headers (a 202's Location). Error answers become *APIError; a success
// answer that cannot be used becomes *AnswerError.
func (c *Client) do(ctx context.Context, cl call) (http.Header, error) {
	header, _, err := c.doStatus(ctx, cl)
	return header, err
}

// doStatus is do, giving the success status too (200, or 202 for a long-running change).
func (c *Client) doStatus(ctx context.Context, cl call) (http.Header, int, error) {
	answer, err := c.pipe.Do(ctx, transport.Call{Method: cl.method, URL: cl.target, Header: cl.header, In: cl.in,
		Out: cl.out, Check: cl.check, Bodiless: cl.bodiless})
	return answer.Header, answer.Status, err
}

// api is what the pipeline knows of Microsoft Graph: its headers and its error shapes.
func (c *Client) api() transport.API {
	return transport.API{
		Name:         APIName,
		CallIDHeader: headerClientRequestID,
		Headers: func(_ context.Context, h http.Header) {
			if c.userAgent != "" {
				h.Set("User-Agent", c.userAgent)
			}
		},
		ErrorAnswer: func(req *http.Request, resp *http.Response, body []byte, _ bool) error {
			return newAPIError(req, resp, body)
		},
		Unusable: func(req *http.Request, resp *http.Response, _ []byte, problem string, _ error) error {
			return &AnswerError{Method: req.Method, Path: req.URL.Path, StatusCode: resp.StatusCode, Problem: problem,
				RequestID: resp.Header.Get(headerRequestID), ClientRequestID: req.Header.Get(headerClientRequestID)}
		},
	}
}

// getOne reads the object at target as a W, turns it into the client's T with convert, and
// refuses one whose id (idOf) is not asked, in any case: an answer about another object than the
// one asked for (noun names its kind) is never handed out.
func getOne[W, T any](ctx context.Context, c *Client, target *url.URL, convert func(*W) (*T, error), idOf func(*T) string,
	asked, noun string) (*T, error) {
	var w W
	var got *T
	_, err := c.do(ctx, call{method: http.MethodGet, target: target, out: &w, check: func() error {
		var err error
		if got, err = convert(&w); err != nil {
			return err
		}
		if !strings.EqualFold(idOf(got), asked) {
			return fmt.Errorf("it describes %s %s, not %s, the one asked for", noun, idOf(got), asked)
		}
		return nil
	}})
	return wholeOrNone(got, err)
}
