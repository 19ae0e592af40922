// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

func TestGetDecodesProfileBehindByteOrderMark(t *testing.T) {
	t.Parallel()
	c, _ := newScripted(t)
	p, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
	if err != nil {
		t.Fatal(err)
	}
	if p.Email != "avery@contoso.example" || p.ETag != "-2279334701316321663" || p.DefaultAddress.PhoneNumber != "4255550100" {
		t.Errorf("decoded profile = %+v, address %+v", p, p.DefaultAddress)
	}
}

func TestRequestsCarryPartnerCenterHeaders(t *testing.T) {
	t.Parallel()
	c, rec := newScripted(t)
	ctx := WithCorrelationID(context.Background(), "c0ffee00-0000-4000-8000-000000000001")
	if _, err := c.GetCustomerBillingProfile(ctx, testCustomer); err != nil {
		t.Fatal(err)
	}
	h := rec.request(0).Header
	want := map[string]string{
		"Authorization":       "Bearer " + testToken,
		"Accept":              "application/json",
		HeaderCorrelationID:   "c0ffee00-0000-4000-8000-000000000001",
		HeaderContractVersion: "v1",
		HeaderApplication:     ApplicationName,
		"User-Agent":          "terraform-provider-partnercenter/1.2.3",
	}
	for k, v := range want {
		if got := h.Get(k); got != v {
			t.Errorf("header %s = %q, want %q", k, got, v)
		}
	}
	if !rules.GUID.MatchString(h.Get(HeaderRequestID)) {
		t.Errorf("MS-RequestId = %q, want a GUID", h.Get(HeaderRequestID))
	}
	if got := rec.request(0).URL.Path; got != "/v1/customers/"+testCustomer+"/profiles/billing" {
		t.Errorf("path = %s", got)
	}
}

// The calls of one operation (StartOperation, which the provider's framework.OperationContext
// calls) share one MS-CorrelationId; another operation's calls have another.
func TestAnOperationsCallsShareOneCorrelationID(t *testing.T) {
	t.Parallel()
	c, rec := newScripted(t)
	one := c.StartOperation(context.Background())
	other := c.StartOperation(context.Background())
	for _, ctx := range []context.Context{one, one, other} {
		if _, err := c.GetCustomerBillingProfile(ctx, testCustomer); err != nil {
			t.Fatal(err)
		}
	}
	first, second, third := rec.request(0).Header.Get(HeaderCorrelationID), rec.request(1).Header.Get(HeaderCorrelationID),
		rec.request(2).Header.Get(HeaderCorrelationID)
	if !rules.GUID.MatchString(first) || second != first || third == first {
		t.Errorf("correlation ids %q, %q, %q; want one GUID for the first operation's two calls, another for the next", first, second, third)
	}
}

func TestUpdateSendsETagQuotedInIfMatchAndInBody(t *testing.T) {
	t.Parallel()
	c, rec := newScripted(t, reply{status: 200, body: profileJSON}, reply{status: 200, body: profileJSON})
	p, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.UpdateCustomerBillingProfile(context.Background(), testCustomer, p); err != nil {
		t.Fatal(err)
	}
	put := rec.request(1)
	if got := put.Header.Get("If-Match"); got != `"-2279334701316321663"` {
		t.Errorf("If-Match = %s, want the ETag in double quotes", got)
	}
	var sent struct {
		Attributes struct{ ETag string } `json:"attributes"`
	}
	if err := json.Unmarshal(rec.bodies[1], &sent); err != nil {
		t.Fatal(err)
	}
	if sent.Attributes.ETag != "-2279334701316321663" {
		t.Errorf("attributes.etag in body = %q", sent.Attributes.ETag)
	}
}

func TestIfMatchCarriesTheETagAsPartnerCenterGaveIt(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, etag, want string }{
		{"a bare ETag is quoted", `-2279334701316321663`, `"-2279334701316321663"`},
		{"a quoted ETag is sent as given", `"abc=="`, `"abc=="`},
		{"a weak ETag is sent as given", `W/"x"`, `W/"x"`},
		{"a lone quote is quoted", `"`, `"""`},
		{"a weak prefix without quotes is opaque and quoted", `W/x`, `"W/x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, rec := newScripted(t, reply{status: 200, body: profileJSON})
			p := &BillingProfile{ETag: tt.etag, CompanyName: "C", Culture: "en-US", Language: "en", DefaultAddress: &Address{Country: "US"}}
			if _, err := c.UpdateCustomerBillingProfile(context.Background(), testCustomer, p); err != nil {
				t.Fatal(err)
			}
			if got := rec.request(0).Header.Get("If-Match"); got != tt.want {
				t.Errorf("If-Match = %s, want %s", got, tt.want)
			}
			var sent struct {
				Attributes struct{ ETag string } `json:"attributes"`
			}
			if err := json.Unmarshal(rec.bodies[0], &sent); err != nil || sent.Attributes.ETag != tt.etag {
				t.Errorf("attributes.etag in body = %q (%v), want %q unchanged", sent.Attributes.ETag, err, tt.etag)
			}
		})
	}
}

func TestUpdateWithoutETagIsRefusedBeforeAnyCall(t *testing.T) {
	t.Parallel()
	c, rec := newScripted(t)
	_, err := c.UpdateCustomerBillingProfile(context.Background(), testCustomer, &BillingProfile{Email: "x@y.example"})
	if err == nil || !strings.Contains(err.Error(), "ETag") {
		t.Fatalf("err = %v, want one asking for the ETag", err)
	}
	if rec.count() != 0 {
		t.Errorf("%d requests sent, want none", rec.count())
	}
}

func TestCustomerIDMustBeAGUID(t *testing.T) {
	t.Parallel()
	c, rec := newScripted(t)
	for _, id := range []string{"", "contoso.onmicrosoft.com", "../../v1/partners", testCustomer + "/x"} {
		if _, err := c.GetCustomerBillingProfile(context.Background(), id); err == nil {
			t.Errorf("customer id %q accepted", id)
		}
	}
	if rec.count() != 0 {
		t.Errorf("%d requests sent, want none", rec.count())
	}
}

func TestMaskedLogsNeverShowTheToken(t *testing.T) {
	t.Setenv("TF_LOG", "TRACE") // bodies and headers are logged only at TRACE
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	c, _ := newScripted(t, reply{status: 401, body: `{"code":800001,"description":"Bearer ` + testToken + ` rejected"}`})
	_, err := c.GetCustomerBillingProfile(ctx, testCustomer)
	if !IsUnauthorized(err) {
		t.Fatalf("err = %v, want 401", err)
	}
	if logs.Len() == 0 {
		t.Fatal("nothing was logged")
	}
	if strings.Contains(logs.String(), testToken) {
		t.Errorf("the token appears in the logs:\n%s", logs.String())
	}
	for _, want := range []string{"Sending Partner Center request", "Partner Center response detail", "redacted", "*** rejected"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("%q not logged:\n%s", want, logs.String())
		}
	}
}

func TestContextCancelledDuringRetryWaitReturnsPromptly(t *testing.T) {
	t.Parallel()
	c, _ := newScripted(t, reply{status: 429, header: map[string]string{"Retry-After": "30"}, body: `{"statusCode":429,"message":"Rate limit is exceeded. Try again in 30 seconds."}`})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err := c.GetCustomerBillingProfile(ctx, testCustomer)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if waited := time.Since(start); waited > 5*time.Second {
		t.Errorf("returned after %s, want soon after the cancel at 100ms", waited)
	}
}

func TestUnreachableServiceIsRetriedThenNamed(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	c := newTestClient(t, url)
	_, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
	if err == nil || !strings.Contains(err.Error(), "could not reach Partner Center") {
		t.Fatalf("err = %v, want one saying Partner Center could not be reached", err)
	}
}

func TestNewRejectsBadConfiguration(t *testing.T) {
	t.Parallel()
	tests := map[string]Config{
		"no token source":                  {BaseURL: "https://example.test"},
		"a relative base URL":              {BaseURL: "api.partnercenter.microsoft.com", TokenSource: transport.StaticToken("x")},
		"an ftp base URL":                  {BaseURL: "ftp://example.test", TokenSource: transport.StaticToken("x")},
		"an http base URL to another host": {BaseURL: "http://example.test", TokenSource: transport.StaticToken("x")},
	}
	for name, cfg := range tests {
		t.Run("it rejects "+name, func(t *testing.T) {
			if _, err := New(cfg); err == nil {
				t.Error("accepted")
			}
		})
	}
}

func TestConfigDefaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   Config
		want Config
	}{
		{"zero fields get the documented defaults", Config{},
			Config{RetryMax: 4, RetryWaitMin: 500 * time.Millisecond, RetryWaitMax: 30 * time.Second, MaxRetryAfter: 2 * time.Minute,
				ConflictAttempts: 5, ConflictWaitMin: 200 * time.Millisecond, ConflictWaitMax: 3 * time.Second}},
		{"fields that are set are kept", Config{RetryMax: 7, RetryWaitMin: time.Second, RetryWaitMax: time.Minute, MaxRetryAfter: time.Hour,
			ConflictAttempts: 2, ConflictWaitMin: time.Millisecond, ConflictWaitMax: 2 * time.Millisecond},
			Config{RetryMax: 7, RetryWaitMin: time.Second, RetryWaitMax: time.Minute, MaxRetryAfter: time.Hour,
				ConflictAttempts: 2, ConflictWaitMin: time.Millisecond, ConflictWaitMax: 2 * time.Millisecond}},
		{"a negative RetryMax turns retries off and a negative ConflictAttempts is the default", Config{RetryMax: -1, ConflictAttempts: -3},
			Config{RetryMax: 0, RetryWaitMin: 500 * time.Millisecond, RetryWaitMax: 30 * time.Second, MaxRetryAfter: 2 * time.Minute,
				ConflictAttempts: 5, ConflictWaitMin: 200 * time.Millisecond, ConflictWaitMax: 3 * time.Second}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := withDefaults(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("withDefaults =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func TestUserAgent(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, version, extra, want string }{
		{"a build without a version says dev", "", "", "terraform-provider-partnercenter/dev"},
		{"the version is named", "1.2.3", "", "terraform-provider-partnercenter/1.2.3"},
		{"the terraform version follows", "1.2.3", "Terraform/1.11.4", "terraform-provider-partnercenter/1.2.3 Terraform/1.11.4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := UserAgent(tt.version, tt.extra); got != tt.want {
				t.Errorf("UserAgent(%q, %q) = %q, want %q", tt.version, tt.extra, got, tt.want)
			}
		})
	}
}

func TestOnlyARequestWithABodySaysItIsJSON(t *testing.T) {
	t.Parallel()
	c, rec := newScripted(t, reply{status: 200, body: profileJSON}, reply{status: 200, body: profileJSON})
	p, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.UpdateCustomerBillingProfile(context.Background(), testCustomer, p); err != nil {
		t.Fatal(err)
	}
	if got := rec.request(0).Header.Get("Content-Type"); got != "" {
		t.Errorf("the GET says Content-Type %q, want none", got)
	}
	if got := rec.request(1).Header.Get("Content-Type"); got != "application/json" {
		t.Errorf("the PUT says Content-Type %q, want application/json", got)
	}
}

func TestEverySuccessStatusIsSuccess(t *testing.T) {
	t.Parallel()
	for _, status := range []int{200, 201, 203, 299} {
		t.Run(fmt.Sprintf("a %d answer gives the profile", status), func(t *testing.T) {
			t.Parallel()
			c, _ := newScripted(t, reply{status: status, body: profileJSON})
			if p, err := c.GetCustomerBillingProfile(context.Background(), testCustomer); err != nil || p.CompanyName != "Contoso" {
				t.Errorf("got %+v, %v; want the profile", p, err)
			}
		})
	}
	for _, status := range []int{300, 304} {
		t.Run(fmt.Sprintf("a %d answer is an error", status), func(t *testing.T) {
			t.Parallel()
			c, _ := newScripted(t, reply{status: status, body: profileJSON})
			if _, err := c.GetCustomerBillingProfile(context.Background(), testCustomer); !hasStatus(err, status) {
				t.Errorf("err = %v, want an APIError with status %d", err, status)
			}
		})
	}
}
