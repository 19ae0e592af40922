// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

func TestParseEndpoint(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, raw, wantErr string
	}{
		{"https to any host is taken", "https://api.partnercenter.microsoft.com/", ""},
		{"http to 127.0.0.1 is taken: the emulator", "http://127.0.0.1:8080", ""},
		{"http to another loopback address is taken", "http://127.0.0.2:8080", ""},
		{"http to ::1 is taken", "http://[::1]:8080", ""},
		{"http to localhost is taken", "http://LocalHost:8080", ""},
		{"http to another host is refused", "http://pc.example.test", `"http://pc.example.test" uses plain http, which would send what travels to pc.example.test in clear text: use https`},
		{"http to a private address is refused", "http://10.0.0.5:8080", "uses plain http"},
		{"http to a name that only begins like localhost is refused", "http://localhost.example.test", "uses plain http"},
		{"a URL without a scheme says how to write it", "api.partnercenter.microsoft.com", `has no scheme: write it as https://api.partnercenter.microsoft.com`},
		{"a host and port without a scheme says how to write it", "127.0.0.1:8080", "has no scheme: write it as https://127.0.0.1:8080"},
		{"another scheme is refused", "ftp://example.test", "uses ftp: want an https URL such as https://example.test"},
		{"a URL without a host is refused", "https://", "names no host: want an https URL such as https://example.test"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := ParseEndpoint(tt.raw, EndpointUse{Carries: "what travels", Example: "https://example.test"})
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("err = %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want it to say %q", err, tt.wantErr)
			}
		})
	}
}

func TestUnreachableHostNamesAnEndpointThatCouldNotBeReachedAtAll(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := l.Addr().String()
	_ = l.Close()
	c := newTestClient(t, "http://"+closed)
	c.http.RetryMax = 0
	_, err = c.GetCustomerBillingProfile(context.Background(), testCustomer)
	if got := UnreachableHost(err); got != closed {
		t.Errorf("UnreachableHost(%v) = %q, want %q", err, got, closed)
	}
	dns := &url.Error{Op: "Get", URL: "https://nowhere.invalid/x", Err: &net.OpError{Op: "dial", Err: &net.DNSError{Name: "nowhere.invalid", IsNotFound: true}}}
	if got := UnreachableHost(dns); got != "nowhere.invalid" {
		t.Errorf("a name that does not resolve: %q, want nowhere.invalid", got)
	}
	for name, other := range map[string]error{
		"an answer":            &APIError{StatusCode: 503},
		"a reset mid-answer":   &url.Error{Op: "Get", URL: "https://x.test/", Err: &net.OpError{Op: "read", Err: errors.New("connection reset by peer")}},
		"a context that ended": context.DeadlineExceeded,
		"no error":             nil,
	} {
		if got := UnreachableHost(other); got != "" {
			t.Errorf("%s: UnreachableHost = %q, want none", name, got)
		}
	}
	addr := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 9}
	bare := &net.OpError{Op: "dial", Addr: addr, Err: errors.New("refused")}
	for name, err := range map[string]error{
		"a dial failure without a URL": bare,
		"a URL that does not parse":    &url.Error{Op: "Get", URL: "http://[::1", Err: bare},
		"a URL without a host":         &url.Error{Op: "Get", URL: "/relative", Err: bare},
	} {
		if got := UnreachableHost(err); got != "127.0.0.1:9" {
			t.Errorf("%s: %q, want the address dialled", name, got)
		}
	}
	if got := UnreachableHost(&net.OpError{Op: "dial", Err: errors.New("refused")}); got != "the endpoint" {
		t.Errorf("a dial failure naming nothing: %q", got)
	}
}

func TestARedirectIsNeverFollowed(t *testing.T) {
	t.Parallel()
	var followed atomic.Int32
	target := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { followed.Add(1) }))
	c, rec := clientWithTokens(t, StaticToken("secret-token"),
		reply{status: http.StatusFound, header: map[string]string{"Location": target.URL + "/v1/stolen"}})
	c.http.HTTPClient = NewHTTPClient()
	_, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusFound || rec.count() != 1 || followed.Load() != 0 {
		t.Errorf("err = %v after %d requests, %d followed; want the 302 as the answer and nothing followed", err, rec.count(), followed.Load())
	}
}
