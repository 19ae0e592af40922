// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graph

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"
)

// Headers that identify a Graph call: the id the client sends, and the one Graph gives back.
const (
	headerClientRequestID = "client-request-id"
	headerRequestID       = "request-id"
)

// APIError is an error answer from Microsoft Graph: the HTTP status, Graph's code and message,
// and the ids a support case asks for.
type APIError struct {
	// Method and Path name the call that failed.
	Method, Path string
	// StatusCode is the HTTP status.
	StatusCode int
	// Code and Message are Graph's error.code and error.message.
	Code, Message string
	// RequestID is Graph's request-id; ClientRequestID the client-request-id the client sent.
	RequestID, ClientRequestID string
}

// Error describes the failure in one line with everything a support case needs.
func (e *APIError) Error() string {
	return fmt.Sprintf("%s %s: %s [request-id: %s, client-request-id: %s]", e.Method, e.Path, e.Answer(),
		e.RequestID, e.ClientRequestID)
}

// Answer is what Graph answered: the HTTP status, Graph's code and message.
func (e *APIError) Answer() string {
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP %d %s", e.StatusCode, http.StatusText(e.StatusCode))
	if e.Code != "" {
		fmt.Fprintf(&b, ", Microsoft Graph code %s", e.Code)
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	return b.String()
}

// IsNotFound reports whether Microsoft Graph itself said the object does not exist: a 404 whose
// body is Graph's error object, with its code. A 404 with any other body (a proxy's HTML page, an
// empty body, another API's shape, as a wrong graph_base_url gives) did not come from Graph's API
// for the object, and proves nothing about it: it is an answer that cannot be used, never "gone".
func (e *APIError) IsNotFound() bool { return e.StatusCode == http.StatusNotFound && e.Code != "" }

// IsUnusableNotFound reports whether the answer was a 404 that did not come from Graph's API: see
// IsNotFound.
func (e *APIError) IsUnusableNotFound() bool {
	return e.StatusCode == http.StatusNotFound && e.Code == ""
}

// IsStale reports whether Graph refused a change because the If-Match ETag was stale or missing:
// Graph does not document which status it answers, so both 412 and 428 count.
func (e *APIError) IsStale() bool {
	return e.StatusCode == http.StatusPreconditionFailed || e.StatusCode == http.StatusPreconditionRequired
}

// errorBody is Graph's error shape.
type errorBody struct {
	Error struct {
		Code       string `json:"code"`
		Message    string `json:"message"`
		InnerError struct {
			RequestID string `json:"request-id"`
		} `json:"innerError"`
	} `json:"error"`
}

// newAPIError reads an error answer; the request-id header stands in when the body has none, and
// a body that is not Graph's is summarised.
func newAPIError(req *http.Request, resp *http.Response, body []byte) *APIError {
	e := &APIError{Method: req.Method, Path: req.URL.Path, StatusCode: resp.StatusCode,
		RequestID: resp.Header.Get(headerRequestID), ClientRequestID: req.Header.Get(headerClientRequestID)}
	var eb errorBody
	if err := json.Unmarshal(body, &eb); err != nil || eb.Error.Code == "" {
		e.Message = summary(resp, body)
		return e
	}
	e.Code, e.Message = eb.Error.Code, truncate(eb.Error.Message, 1000)
	if id := eb.Error.InnerError.RequestID; id != "" {
		e.RequestID = id
	}
	return e
}

// summary describes a body that is not Graph's error, such as a proxy's HTML page.
func summary(resp *http.Response, body []byte) string {
	text := strings.Join(strings.Fields(string(body)), " ")
	if text == "" {
		return "empty response body"
	}
	ct := resp.Header.Get("Content-Type")
	if ct == "" {
		ct = "non-JSON"
	}
	return fmt.Sprintf("unexpected %s response body: %s", ct, truncate(text, 200))
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// AnswerError is a success answer the client cannot use: cut at the size limit, not JSON, not a
// whole object, or about another object than the one asked for. Nothing is taken from it.
type AnswerError struct {
	Method, Path string
	StatusCode   int
	// Problem says what is wrong with the answer.
	Problem string
	// RequestID and ClientRequestID identify the call.
	RequestID, ClientRequestID string
}

// Error describes the unusable answer with the ids a support case needs.
func (e *AnswerError) Error() string {
	return fmt.Sprintf("%s %s: HTTP %d, but the answer cannot be used: %s [request-id: %s, client-request-id: %s]",
		e.Method, e.Path, e.StatusCode, e.Problem, e.RequestID, e.ClientRequestID)
}
