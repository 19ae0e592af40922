// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

// AnswerError says Partner Center answered a call with success (2xx) but with a body the client
// cannot use: cut at the size limit, not JSON, or not the whole resource (a billing profile
// without its ETag or its address, an empty object, null). Such an answer is never handed on as a
// resource, so nothing is ever written back from it.
type AnswerError struct {
	// Method and Path name the call.
	Method, Path string
	// StatusCode is the HTTP status, a success one.
	StatusCode int
	// RequestID and CorrelationID are MS-RequestId and MS-CorrelationId of the call.
	RequestID, CorrelationID string
	// Problem says what is wrong with the answer.
	Problem string
	// Lacks are the fields every such resource has that the answer lacks, when that is the problem.
	Lacks []string
	// BodyStart is the beginning of the body, for a support case.
	BodyStart string
	// Err is the decoding error, when decoding failed.
	Err error
}

// Error names the call, what is wrong, and the status and request ids a support case needs.
func (e *AnswerError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: Partner Center's answer cannot be used: %s", e.Method, e.Path, e.Problem)
	if e.BodyStart != "" {
		fmt.Fprintf(&b, "; body begins: %s", e.BodyStart)
	}
	fmt.Fprintf(&b, " [HTTP %d %s, %s: %s, %s: %s]", e.StatusCode, http.StatusText(e.StatusCode),
		HeaderRequestID, e.RequestID, HeaderCorrelationID, e.CorrelationID)
	return b.String()
}

// Unwrap returns the decoding error, if any.
func (e *AnswerError) Unwrap() error { return e.Err }

// answerChecker is implemented by the types an answer is decoded into that can tell a whole
// resource from a partial one.
type answerChecker interface {
	checkAnswer() error
}

// newAnswerError describes an unusable answer to req.
func newAnswerError(req *http.Request, resp *http.Response, body []byte, problem string, err error) *AnswerError {
	requestID, correlationID := callIDs(req, resp)
	return &AnswerError{
		Method:        req.Method,
		Path:          req.URL.Path,
		StatusCode:    resp.StatusCode,
		RequestID:     requestID,
		CorrelationID: correlationID,
		Problem:       problem,
		BodyStart:     bodyStart(resp, body),
		Err:           err,
	}
}

func bodyStart(resp *http.Response, body []byte) string {
	text := bodyText(transport.StripBOM(body))
	if text == "" {
		return "(empty)"
	}
	if ct := resp.Header.Get("Content-Type"); ct != "" && !strings.Contains(ct, "json") {
		text = contentType(resp) + ": " + text
	}
	return truncate(text, 200)
}
