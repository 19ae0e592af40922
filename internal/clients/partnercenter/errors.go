// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

// APIError is an error answer from Partner Center: the HTTP status, Partner Center's own code and
// description, and the request ids that a Microsoft support case asks for.
type APIError struct {
	// Method and Path name the call that failed.
	Method, Path string
	// StatusCode is the HTTP status.
	StatusCode int
	// Code is Partner Center's error code as text; the service sends a number (27002) or a string.
	Code string
	// Description is Partner Center's explanation, or the throttling message of a 429.
	Description string
	// Data holds details, e.g. "addressLine1: AddressLine1Invalid - ..." for a validation error.
	Data []string
	// RequestID and CorrelationID are MS-RequestId and MS-CorrelationId of the call.
	RequestID, CorrelationID string
	// CredentialKind names the kind of credential the call was made with.
	CredentialKind string
}

// Error describes the failure in one line with everything a support case needs.
func (e *APIError) Error() string {
	return fmt.Sprintf("%s %s: %s [%s: %s, %s: %s]", e.Method, e.Path, e.Answer(),
		HeaderRequestID, e.RequestID, HeaderCorrelationID, e.CorrelationID)
}

// Answer is what Partner Center answered, the same on every call that meets it: the HTTP status,
// Partner Center's code, description and details, without the call and its request ids.
func (e *APIError) Answer() string {
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP %d %s", e.StatusCode, http.StatusText(e.StatusCode))
	if e.Code != "" {
		fmt.Fprintf(&b, ", Partner Center code %s", e.Code)
	}
	if e.Description != "" {
		fmt.Fprintf(&b, ": %s", e.Description)
	}
	if len(e.Data) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(e.Data, "; "))
	}
	return b.String()
}

// errorBody covers both shapes Partner Center uses: {code, description, data, source} and the
// throttling answer {statusCode, message}. Every field is read raw: Partner Center's services
// disagree on types (code is a number or a string; data an array, a string or an object), and one
// field of an unexpected type must not cost the code and description of the others.
type errorBody struct {
	Code        json.RawMessage `json:"code"`
	Description json.RawMessage `json:"description"`
	Data        json.RawMessage `json:"data"`
	Message     json.RawMessage `json:"message"`
}

// newAPIError reads an error response. The ids the request sent stand in when the response
// does not echo them.
func newAPIError(req *http.Request, resp *http.Response, body []byte) *APIError {
	e := &APIError{Method: req.Method, Path: req.URL.Path, StatusCode: resp.StatusCode}
	e.RequestID, e.CorrelationID = callIDs(req, resp)
	body = transport.StripBOM(body)
	var eb errorBody
	if err := json.Unmarshal(body, &eb); err != nil {
		e.Description = describeNonJSON(resp, body)
		return e
	}
	e.Code = codeText(eb.Code)
	e.Description = firstNonEmpty(codeText(eb.Description), codeText(eb.Message))
	e.Data = dataTexts(eb.Data)
	return e
}

// dataTexts reads the details of an error body: each entry of an array, or a lone string or
// object as one entry.
func dataTexts(raw json.RawMessage) []string {
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		items = []json.RawMessage{raw}
	}
	var out []string
	for _, item := range items {
		if text := codeText(item); text != "" {
			out = append(out, text)
		}
	}
	return out
}

// codeText renders a JSON string without quotes and anything else (a number, an object) as
// compact JSON, shortened so that an odd body cannot flood a diagnostic.
func codeText(raw json.RawMessage) string {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, raw); err != nil {
		compact.Reset()
		compact.Write(bytes.TrimSpace(raw))
	}
	if t := compact.String(); t != "null" {
		return truncate(t, maxDetailRunes)
	}
	return ""
}

// maxDetailRunes bounds one detail taken from an error body that is not a plain string.
const maxDetailRunes = 300

// describeNonJSON summarises a body that is not Partner Center's JSON, such as a proxy's HTML
// error page, without flooding the diagnostic.
func describeNonJSON(resp *http.Response, body []byte) string {
	text := bodyText(body)
	if text == "" {
		return "empty response body"
	}
	return fmt.Sprintf("unexpected %s response body: %s", firstNonEmpty(contentType(resp), "non-JSON"), truncate(text, 200))
}

// callIDs are the MS-RequestId and MS-CorrelationId of a call: the answer's, or the ones the
// request sent when the answer does not echo them.
func callIDs(req *http.Request, resp *http.Response) (requestID, correlationID string) {
	return firstNonEmpty(resp.Header.Get(HeaderRequestID), req.Header.Get(HeaderRequestID)),
		firstNonEmpty(resp.Header.Get(HeaderCorrelationID), req.Header.Get(HeaderCorrelationID))
}

// bodyText is a body as one line of valid text, for a diagnostic.
func bodyText(body []byte) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(string(body), "?")), " ")
}

// contentType is the answer's Content-Type, short enough for a diagnostic.
func contentType(resp *http.Response) string {
	return truncate(strings.ToValidUTF8(resp.Header.Get("Content-Type"), "?"), 60)
}

// truncate shortens s to at most n runes, marking the cut.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "..."
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

// staleETagCode is the code some Partner Center APIs send with 400 instead of 412.
const staleETagCode = "2055"

func asAPIError(err error) (*APIError, bool) {
	var e *APIError
	ok := errors.As(err, &e)
	return e, ok
}

func hasStatus(err error, status int) bool {
	e, ok := asAPIError(err)
	return ok && e.StatusCode == status
}

// IsNotFound reports whether err is a 404: Partner Center's, or that of anything between the
// client and Partner Center (a proxy, a wrong base URL). Use IsCustomerNotFound to learn that a
// customer does not exist.
func IsNotFound(err error) bool { return hasStatus(err, http.StatusNotFound) }

// tenantNotFoundCode is Partner Center's code for "Tenant not found": the customer's tenant id
// names no customer of this partner.
const tenantNotFoundCode = "60003"

// customerNotFoundText matches a description in which Partner Center says a tenant or customer
// was not found, whatever code it comes with.
var customerNotFoundText = regexp.MustCompile(`(?i)\b(tenant|customer)\b.*\bnot\s+found\b`)

// IsCustomerNotFound reports whether err is Partner Center's own answer that the customer does not
// exist, or no longer has a relationship with this partner: a 404 whose error body has code 60003
// or says the tenant or customer was not found. Only this answer proves a customer is gone; a
// 404 from a proxy's page or a wrong path does not.
func IsCustomerNotFound(err error) bool {
	e, ok := asAPIError(err)
	if !ok || e.StatusCode != http.StatusNotFound || e.Code == "" {
		return false
	}
	return e.Code == tenantNotFoundCode || customerNotFoundText.MatchString(e.Description)
}

// IsPreconditionFailed reports whether err says the ETag is stale: 412, or 400 with code 2055.
func IsPreconditionFailed(err error) bool {
	e, ok := asAPIError(err)
	if !ok {
		return false
	}
	return e.StatusCode == http.StatusPreconditionFailed ||
		(e.StatusCode == http.StatusBadRequest && e.Code == staleETagCode)
}

// IsThrottled reports whether err is a 429 that outlasted the retries.
func IsThrottled(err error) bool { return hasStatus(err, http.StatusTooManyRequests) }

// IsUnauthorized reports whether err is a 401: the token is missing, invalid or expired.
func IsUnauthorized(err error) bool { return hasStatus(err, http.StatusUnauthorized) }

// IsForbidden reports whether err is a 403: no relationship with the customer, or a GDAP role missing.
func IsForbidden(err error) bool { return hasStatus(err, http.StatusForbidden) }

// credentialRefusal is implemented by token source errors that can tell a refused credential from
// an outage (credential.TokenError).
type credentialRefusal interface {
	CredentialRefused() bool
}

// IsCredentialRefused reports whether err says the credential or its rights were refused, so that
// trying again with the same credential cannot help and the user must act: Entra ID refused to
// issue a token (an AADSTS error or another 4xx answer, a credential setting that cannot be used),
// Partner Center refused the token (401), or refused the access it grants (403: no relationship
// with the customer, a GDAP role missing). It is false for outages, after which the same
// credential may work: 5xx and 429 answers, timeouts, cancellations, and connections that failed
// or were reset, whether they met Partner Center or Entra ID. A plan-time check can therefore fail
// on a refusal and only warn on an outage.
func IsCredentialRefused(err error) bool {
	var r credentialRefusal
	if errors.As(err, &r) {
		return r.CredentialRefused()
	}
	return IsUnauthorized(err) || IsForbidden(err)
}
