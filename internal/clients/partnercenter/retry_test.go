// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

func TestThrottledCallWaitsWhatRetryAfterAsks(t *testing.T) {
	t.Parallel()
	c, rec := newScripted(t,
		reply{status: 429, header: map[string]string{"Retry-After": "1"}, body: `{"statusCode":429,"message":"Rate limit is exceeded. Try again in 1 seconds."}`},
		reply{status: 200, body: profileJSON})
	start := time.Now()
	if _, err := c.GetCustomerBillingProfile(context.Background(), testCustomer); err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(start); waited < time.Second {
		t.Errorf("retried after %s, want at least the 1s Retry-After asked for", waited)
	}
	if rec.count() != 2 {
		t.Errorf("%d requests, want 2", rec.count())
	}
}

func TestServerErrorsAreRetriedUntilSuccess(t *testing.T) {
	t.Parallel()
	c, rec := newScripted(t,
		reply{status: 500, body: `{"code":500,"description":"Internal error"}`},
		reply{status: 503, body: `<html>Service Unavailable</html>`},
		reply{status: 200, body: profileJSON})
	p, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
	if err != nil {
		t.Fatal(err)
	}
	if p.CompanyName != "Contoso" || rec.count() != 3 {
		t.Errorf("company %q after %d requests, want Contoso after 3", p.CompanyName, rec.count())
	}
}

func TestRetriesAreBoundedAndTheLastErrorIsReported(t *testing.T) {
	t.Parallel()
	fail := reply{status: 502, body: `{"code":"BadGateway","description":"upstream failed"}`}
	c, rec := newScripted(t, fail, fail, fail, fail, fail, fail)
	_, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
	e, ok := asAPIError(err)
	if !ok || e.StatusCode != 502 || e.Code != "BadGateway" {
		t.Fatalf("err = %v, want the 502 as an APIError", err)
	}
	if rec.count() != 4 {
		t.Errorf("%d requests, want 1 + RetryMax (3)", rec.count())
	}
}

func TestClientErrorsAreNotRetried(t *testing.T) {
	t.Parallel()
	for _, status := range []int{400, 401, 403, 404, 409, 412, 501} {
		t.Run(fmt.Sprintf("status %d is answered after one request", status), func(t *testing.T) {
			t.Parallel()
			c, rec := newScripted(t, reply{status: status, body: `{"code":1,"description":"no"}`})
			_, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
			if e, ok := asAPIError(err); !ok || e.StatusCode != status {
				t.Fatalf("err = %v, want an APIError with status %d", err, status)
			}
			if rec.count() != 1 {
				t.Errorf("%d requests, want 1", rec.count())
			}
		})
	}
}

func TestRequestIDIsStableAcrossRetriesAndNewPerCall(t *testing.T) {
	t.Parallel()
	c, rec := newScripted(t, reply{status: 503, body: "{}"}, reply{status: 200, body: profileJSON}, reply{status: 200, body: profileJSON})
	for range 2 {
		if _, err := c.GetCustomerBillingProfile(context.Background(), testCustomer); err != nil {
			t.Fatal(err)
		}
	}
	first, retry, next := rec.request(0), rec.request(1), rec.request(2)
	if first.Header.Get(HeaderRequestID) != retry.Header.Get(HeaderRequestID) {
		t.Errorf("retry sent MS-RequestId %s, want the first attempt's %s", retry.Header.Get(HeaderRequestID), first.Header.Get(HeaderRequestID))
	}
	if next.Header.Get(HeaderRequestID) == first.Header.Get(HeaderRequestID) {
		t.Error("the next call reused the previous call's MS-RequestId")
	}
}

func TestRetryAfterOverADayWaitsTheCap(t *testing.T) {
	t.Parallel()
	srv := serve(t, &recorder{replies: []reply{
		{status: 429, header: map[string]string{"Retry-After": "172800"}, body: `{"statusCode":429,"message":"Rate limit is exceeded. Try again in 172800 seconds."}`},
		{status: 200, body: profileJSON},
	}})
	c, err := New(Config{BaseURL: srv.URL, TokenSource: transport.StaticToken(testToken), RetryMax: 1,
		RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond, MaxRetryAfter: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second) // far more than the cap
	defer cancel()
	start := time.Now()
	if _, err := c.GetCustomerBillingProfile(ctx, testCustomer); err != nil {
		t.Fatalf("err = %v, want the profile after a wait of the 300ms cap", err)
	}
	if waited := time.Since(start); waited < 300*time.Millisecond {
		t.Errorf("retried after %s: a two-day Retry-After must wait the 300ms cap, not a short backoff", waited)
	}
}

func TestATimeoutSaysWhatTheCallWaitedFor(t *testing.T) {
	t.Parallel()
	throttled := reply{status: 429, header: map[string]string{"Retry-After": "86400"}, body: `{"statusCode":429,"message":"Rate limit is exceeded."}`}
	unavailable := reply{status: 503, header: map[string]string{"Retry-After": "60"}, body: `{"code":503,"description":"Service unavailable"}`}
	tests := []struct {
		name    string
		baseURL func(t *testing.T) string
		cfg     Config
		want    string
	}{
		{"a call throttled with a one-day Retry-After names the 429 and the wait", scripted(throttled, throttled), Config{},
			"timed out after .* while Partner Center answered 429 Too Many Requests \\(Retry-After 86400 s, 1 attempt\\)"},
		{"a call meeting 503 names it", scripted(unavailable, unavailable), Config{},
			"timed out after .* while Partner Center answered 503 Service Unavailable \\(Retry-After 60 s, 1 attempt\\)"},
		{"a call throttled again and again says it kept answering", scripted(reply{status: 429, body: "{}"}, reply{status: 429, body: "{}"}, throttled),
			Config{}, "while Partner Center kept answering 429 Too Many Requests \\(Retry-After 86400 s, 3 attempts\\)"},
		{"a call to a hung service says it waited for an answer", hung, Config{},
			"timed out after .* waiting for Partner Center's answer"},
		{"a call that cannot connect says so", closedPort, Config{RetryWaitMin: time.Minute, RetryWaitMax: time.Minute},
			"timed out after .* while Partner Center could not be reached \\(.*connection refused; 1 attempt\\)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cfg := tt.cfg
			cfg.BaseURL, cfg.TokenSource = tt.baseURL(t), transport.StaticToken(testToken)
			cfg.RetryWaitMin = max(cfg.RetryWaitMin, time.Millisecond)
			cfg.RetryWaitMax = max(cfg.RetryWaitMax, 5*time.Millisecond)
			c, err := New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
			defer cancel()
			start := time.Now()
			_, err = c.GetCustomerBillingProfile(ctx, testCustomer)
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("err = %v, want one that is context.DeadlineExceeded", err)
			}
			if !regexp.MustCompile(tt.want).MatchString(err.Error()) {
				t.Errorf("err = %v\nwant it to match %s", err, tt.want)
			}
			if !strings.Contains(err.Error(), HeaderRequestID+": ") {
				t.Errorf("err = %v, want the request id", err)
			}
			if took := time.Since(start); took > 5*time.Second {
				t.Errorf("returned after %s, want soon after the 500ms deadline", took)
			}
		})
	}
}

// scripted serves the replies in order and then 200 with a profile.
func scripted(replies ...reply) func(t *testing.T) string {
	return func(t *testing.T) string {
		srv := serve(t, &recorder{replies: replies})
		return srv.URL
	}
}

// hung accepts requests and never answers until the client goes away.
func hung(t *testing.T) string {
	srv := serve(t, http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
	return srv.URL
}

// closedPort is the address of a server that has stopped listening.
func closedPort(*testing.T) string {
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close()
	return srv.URL
}

func TestRetryLimitsBoundWhatOneCallWaitsFor(t *testing.T) {
	t.Parallel()
	throttled := reply{status: 429, header: map[string]string{"Retry-After": "300"}, body: `{"statusCode":429,"message":"Try again in 300 seconds."}`}
	failing := reply{status: 503, body: `{"code":503,"description":"unavailable"}`}
	tests := []struct {
		name      string
		replies   []reply
		limits    *transport.RetryLimits
		wantCalls int
		wantErr   func(error) bool
	}{
		{"a long Retry-After is not waited for", []reply{throttled}, &transport.RetryLimits{MaxRetries: 1, MaxRetryAfter: 5 * time.Second}, 1, IsThrottled},
		{"a short Retry-After is waited for", []reply{{status: 429, header: map[string]string{"Retry-After": "0"}, body: "{}"}},
			&transport.RetryLimits{MaxRetries: 1, MaxRetryAfter: 5 * time.Second}, 2, func(err error) bool { return err == nil }},
		{"one retry at most is made", []reply{failing, failing, failing}, &transport.RetryLimits{MaxRetries: 1, MaxRetryAfter: time.Second}, 2,
			func(err error) bool { e, ok := asAPIError(err); return ok && e.StatusCode == 503 }},
		{"no retry is made when none is allowed", []reply{failing, failing}, &transport.RetryLimits{}, 1,
			func(err error) bool { e, ok := asAPIError(err); return ok && e.StatusCode == 503 }},
		{"a Retry-After of exactly the longest wait is waited for", []reply{{status: 429, header: map[string]string{"Retry-After": "0"}, body: "{}"}},
			&transport.RetryLimits{MaxRetries: 1}, 2, func(err error) bool { return err == nil }},
		{"without limits the client's policy applies", []reply{failing, failing, failing}, nil, 4,
			func(err error) bool { return err == nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, rec := newScripted(t, tt.replies...)
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			defer cancel()
			if tt.limits != nil {
				ctx = transport.WithRetryLimits(ctx, *tt.limits)
			}
			start := time.Now()
			_, err := c.GetCustomerBillingProfile(ctx, testCustomer)
			if !tt.wantErr(err) || rec.count() != tt.wantCalls {
				t.Errorf("err = %v after %d requests, want %d requests", err, rec.count(), tt.wantCalls)
			}
			if took := time.Since(start); took > 3*time.Second {
				t.Errorf("took %s", took)
			}
		})
	}
}
