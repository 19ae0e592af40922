// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestErrorAnswersBecomeAPIErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		reply    reply
		wantCode string
		wantDesc string
		wantData []string
		is       []string // the predicates that hold; every other one must not
	}{
		{
			name:     "a numeric code is kept as text",
			reply:    reply{status: 404, body: "\ufeff" + `{"code":60003,"description":"Tenant not found.","data":[],"source":"PartnerFD"}`},
			wantCode: "60003", wantDesc: "Tenant not found.", is: []string{"IsNotFound", "IsCustomerNotFound"},
		},
		{
			name:     "a string code is kept as is",
			reply:    reply{status: 403, body: `{"code":"Forbidden","description":"No relationship with the customer"}`},
			wantCode: "Forbidden", wantDesc: "No relationship with the customer", is: []string{"IsForbidden", "IsCredentialRefused"},
		},
		{
			name: "validation details are kept",
			reply: reply{status: 400, body: `{"code":27002,"description":"A property has invalid data.",` +
				`"data":["region: StateInvalid - Region must not be set for US addresses."]}`},
			wantCode: "27002", wantDesc: "A property has invalid data.",
			wantData: []string{"region: StateInvalid - Region must not be set for US addresses."},
		},
		{
			name:     "412 says the ETag is stale",
			reply:    reply{status: 412, body: `{"code":412,"description":"Precondition failed"}`},
			wantCode: "412", wantDesc: "Precondition failed", is: []string{"IsPreconditionFailed"},
		},
		{
			name:     "400 with code 2055 also says the ETag is stale",
			reply:    reply{status: 400, body: `{"code":2055,"description":"Etag is no longer valid"}`},
			wantCode: "2055", wantDesc: "Etag is no longer valid", is: []string{"IsPreconditionFailed"},
		},
		{
			name:     "the throttling shape gives its message",
			reply:    reply{status: 429, header: map[string]string{"Retry-After": "57"}, body: `{"statusCode":429,"message":"Rate limit is exceeded. Try again in 57 seconds."}`},
			wantDesc: "Rate limit is exceeded. Try again in 57 seconds.", is: []string{"IsThrottled"},
		},
		{
			name:     "details given as one string are kept with the code and description",
			reply:    reply{status: 400, body: `{"code":27002,"description":"A property has invalid data.","data":"city: CityInvalid - too long"}`},
			wantCode: "27002", wantDesc: "A property has invalid data.", wantData: []string{"city: CityInvalid - too long"},
		},
		{
			name:     "details given as an object are kept with the code and description",
			reply:    reply{status: 400, body: `{"code":"InvalidInput","description":"Bad address.","data":{"field": "postalCode", "reason": "PostalCodeInvalid"}}`},
			wantCode: "InvalidInput", wantDesc: "Bad address.", wantData: []string{`{"field":"postalCode","reason":"PostalCodeInvalid"}`},
		},
		{
			name:     "details mixing strings, numbers and objects are each kept",
			reply:    reply{status: 409, body: `{"code":3000,"description":"Conflict.","data":["a: b", 7, null, {"x":1}]}`},
			wantCode: "3000", wantDesc: "Conflict.", wantData: []string{"a: b", "7", `{"x":1}`},
		},
		{
			name:     "a description that is not a string is still shown",
			reply:    reply{status: 400, body: `{"code":400,"description":{"en":"Bad request."},"data":null}`},
			wantCode: "400", wantDesc: `{"en":"Bad request."}`,
		},
		{
			name:     "a proxy's HTML page is summarised",
			reply:    reply{status: 401, header: map[string]string{"Content-Type": "text/html"}, body: "<html><body><h1>401 Unauthorized</h1></body></html>"},
			wantDesc: "unexpected text/html response body: <html><body><h1>401 Unauthorized</h1></body></html>", is: []string{"IsUnauthorized", "IsCredentialRefused"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := newThrottleFreeClient(t, tt.reply)
			_, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
			e, ok := asAPIError(err)
			if !ok {
				t.Fatalf("err = %v, want an *APIError", err)
			}
			if e.Code != tt.wantCode || e.Description != tt.wantDesc || strings.Join(e.Data, "|") != strings.Join(tt.wantData, "|") {
				t.Errorf("got code %q, description %q, data %q", e.Code, e.Description, e.Data)
			}
			for name, is := range errorPredicates {
				if want := slices.Contains(tt.is, name); is(err) != want {
					t.Errorf("%s = %v, want %v for %v", name, !want, want, err)
				}
			}
			if e.RequestID == "" || e.CorrelationID == "" {
				t.Errorf("request ids missing: %+v", e)
			}
		})
	}
}

// errorPredicates are the helpers that tell callers what an error means.
var errorPredicates = map[string]func(error) bool{
	"IsNotFound": IsNotFound, "IsCustomerNotFound": IsCustomerNotFound, "IsForbidden": IsForbidden,
	"IsUnauthorized": IsUnauthorized, "IsPreconditionFailed": IsPreconditionFailed, "IsThrottled": IsThrottled,
	"IsCredentialRefused": IsCredentialRefused,
}

// newThrottleFreeClient answers every request with r, retries disabled, so that 429 and 5xx
// replies reach the caller at once.
func newThrottleFreeClient(t *testing.T, r reply) *Client {
	t.Helper()
	c, _ := newScripted(t, r)
	c = withoutRetries(t, c)
	return c
}

func TestAPIErrorNamesEverythingASupportCaseNeeds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		err  *APIError
		want string
	}{
		{"it names the code, the description and the details",
			&APIError{Method: "PUT", Path: "/v1/customers/x/profiles/billing", StatusCode: 400, Code: "27002",
				Description: "A property has invalid data.", Data: []string{"country: CountryInvalid - ...", "city: CityInvalid"},
				RequestID: "req-1", CorrelationID: "corr-1"},
			"PUT /v1/customers/x/profiles/billing: HTTP 400 Bad Request, Partner Center code 27002: " +
				"A property has invalid data. (country: CountryInvalid - ...; city: CityInvalid) [MS-RequestId: req-1, MS-CorrelationId: corr-1]"},
		{"it leaves out what the answer did not have",
			&APIError{Method: "GET", Path: "/v1/customers", StatusCode: 502, RequestID: "req-2", CorrelationID: "corr-2"},
			"GET /v1/customers: HTTP 502 Bad Gateway [MS-RequestId: req-2, MS-CorrelationId: corr-2]"},
		{"it names a description without a code",
			&APIError{Method: "GET", Path: "/v1/x", StatusCode: 429, Description: "Rate limit is exceeded.", Data: []string{}},
			"GET /v1/x: HTTP 429 Too Many Requests: Rate limit is exceeded. [MS-RequestId: , MS-CorrelationId: ]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestTruncateCutsAtACountOfCharacters(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		n        int
		want     string
	}{
		{"a shorter text is kept", "abc", 4, "abc"},
		{"a text of exactly the length is kept", "abc", 3, "abc"},
		{"a longer text is cut and marked", "abcd", 3, "abc..."},
		{"characters are counted, not bytes", "ééé", 3, "ééé"},
		{"a longer text of wide characters is cut between characters", "éééé", 2, "éé..."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := truncate(tt.in, tt.n); got != tt.want {
				t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
			}
		})
	}
}

func TestIsCustomerNotFound(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"Partner Center's tenant-not-found code", &APIError{StatusCode: 404, Code: "60003", Description: "Tenant not found."}, true},
		{"another code that says the customer was not found", &APIError{StatusCode: 404, Code: "600008", Description: "Customer 123 was not found"}, true},
		{"a wrapped answer", fmt.Errorf("reading: %w", &APIError{StatusCode: 404, Code: "60003"}), true},
		{"a 404 for an unknown path", &APIError{StatusCode: 404, Code: "1000", Description: "Not found"}, false},
		{"a proxy's page with no Partner Center code", &APIError{StatusCode: 404, Description: "unexpected text/html response body: tenant not found"}, false},
		{"tenant-not-found code with another status", &APIError{StatusCode: 400, Code: "60003"}, false},
		{"no answer at all", errors.New("connection refused"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsCustomerNotFound(tt.err); got != tt.want {
				t.Errorf("IsCustomerNotFound(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}

// refusal stands for a token source error that knows whether the credential was refused.
type refusal bool

func (r refusal) Error() string           { return "token refused: " + strconv.FormatBool(bool(r)) }
func (r refusal) CredentialRefused() bool { return bool(r) }

func TestIsCredentialRefusedTellsARefusalFromAnOutage(t *testing.T) {
	t.Parallel()
	api := func(status int) error { return fmt.Errorf("reading: %w", &APIError{StatusCode: status}) }
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"Partner Center's 401 is a refusal", api(http.StatusUnauthorized), true},
		{"Partner Center's 403 is a refusal", api(http.StatusForbidden), true},
		{"a token source's refusal is a refusal", fmt.Errorf("GET x: getting a Partner Center token: %w", refusal(true)), true},
		{"a token source's outage is not a refusal", fmt.Errorf("GET x: getting a Partner Center token: %w", refusal(false)), false},
		{"a 404 is not a refusal", api(http.StatusNotFound), false},
		{"a 429 is not a refusal", api(http.StatusTooManyRequests), false},
		{"a 503 is not a refusal", api(http.StatusServiceUnavailable), false},
		{"a timeout is not a refusal", fmt.Errorf("GET x: %w", context.DeadlineExceeded), false},
		{"a refused connection is not a refusal", &url.Error{Op: "Get", URL: "https://x", Err: errors.New("connection refused")}, false},
		{"no error is not a refusal", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := IsCredentialRefused(tt.err); got != tt.want {
				t.Errorf("IsCredentialRefused(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}
