// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

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

// do sends cl through the pipeline (transport.Pipeline: retries, size limit, decoding) and checks
// the answer: one whose type can tell a whole resource from a partial one (answerChecker) must be
// whole, and one about another object than cl asked for is refused (about). Error answers become
// *APIError; a success answer the client cannot use becomes *AnswerError.
func (c *Client) do(ctx context.Context, cl call) error {
	u := c.pipe.BaseURL().JoinPath(cl.path)
	u.RawQuery = cl.query
	_, err := c.pipe.Do(ctx, transport.Call{Method: cl.method, URL: u, Header: cl.header, In: cl.in, Out: cl.out,
		Check: func() error {
			if checker, ok := cl.out.(answerChecker); ok {
				if err := checker.checkAnswer(); err != nil {
					return err
				}
			}
			if cl.about != nil {
				return cl.about()
			}
			return nil
		}})
	return err
}

// api is what the pipeline knows of Partner Center: its headers and its error shapes.
func (c *Client) api() transport.API {
	return transport.API{
		Name:          APIName,
		CallIDHeader:  HeaderRequestID,
		LoggedHeaders: []string{HeaderCorrelationID},
		Headers: func(ctx context.Context, h http.Header) {
			h.Set("User-Agent", c.userAgent)
			h.Set(HeaderCorrelationID, firstNonEmpty(CorrelationID(ctx), NewID()))
			h.Set(HeaderContractVersion, contractVersion)
			h.Set(HeaderApplication, ApplicationName)
		},
		ErrorAnswer: func(req *http.Request, resp *http.Response, body []byte, cut bool) error {
			e := newAPIError(req, resp, body)
			if cut {
				e.Description += fmt.Sprintf(" (the answer was cut at %d bytes, the most the client reads)", maxResponseBytes)
			}
			e.CredentialKind = c.credentialKind
			return e
		},
		Unusable: func(req *http.Request, resp *http.Response, body []byte, problem string, err error) error {
			ae := newAnswerError(req, resp, body, problem, err)
			var incomplete *incompleteError
			if errors.As(err, &incomplete) {
				ae.Lacks = incomplete.missing
			}
			return ae
		},
	}
}
