// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

// renewingTokens hands out "old" until Partner Center refuses it, then what renew says.
type renewingTokens struct {
	mu      sync.Mutex
	current string
	renew   func(refused string) (string, bool, error)
	asked   []string // the tokens RenewRefused was asked about
}

func (s *renewingTokens) Token(context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.current, nil
}

func (s *renewingTokens) RenewRefused(_ context.Context, refused string) (string, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.asked = append(s.asked, refused)
	token, ok, err := s.renew(refused)
	if ok {
		s.current = token
	}
	return token, ok, err
}

func clientWithTokens(t *testing.T, src transport.TokenSource, replies ...reply) (*Client, *recorder) {
	t.Helper()
	rec := &recorder{replies: replies}
	srv := serve(t, rec)
	c, err := New(Config{BaseURL: srv.URL, TokenSource: src, RetryMax: -1})
	if err != nil {
		t.Fatal(err)
	}
	return c, rec
}

var unauthorized = reply{status: http.StatusUnauthorized, body: `{"code":800001,"description":"Authorization token is missing or invalid."}`}

func TestATokenRefusedAfterItExpiredOnItsWayIsRenewedAndTheCallSentOnce(t *testing.T) {
	t.Parallel()
	src := &renewingTokens{current: "old", renew: func(string) (string, bool, error) { return "new", true, nil }}
	c, rec := clientWithTokens(t, src, unauthorized, reply{status: 200, body: profileJSON})
	if _, err := c.GetCustomerBillingProfile(context.Background(), testCustomer); err != nil {
		t.Fatal(err)
	}
	if rec.count() != 2 {
		t.Fatalf("%d requests, want the refused one and one more", rec.count())
	}
	first, second := rec.request(0), rec.request(1)
	if first.Header.Get("Authorization") != "Bearer old" || second.Header.Get("Authorization") != "Bearer new" {
		t.Errorf("tokens sent %q then %q, want old then new", first.Header.Get("Authorization"), second.Header.Get("Authorization"))
	}
	if first.Header.Get(HeaderRequestID) != second.Header.Get(HeaderRequestID) {
		t.Error("the call sent again has another MS-RequestId; it is the same logical call")
	}
	if len(src.asked) != 1 || src.asked[0] != "old" {
		t.Errorf("RenewRefused was asked about %v, want [old]", src.asked)
	}
}

func TestARefusalStandsWhenTheTokenCannotBeRenewed(t *testing.T) {
	t.Parallel()
	tests := map[string]transport.TokenSource{
		"a static token":                       transport.StaticToken("static"),
		"a token the source says is still new": &renewingTokens{current: "old", renew: func(string) (string, bool, error) { return "", false, nil }},
		"a renewal that fails": &renewingTokens{current: "old", renew: func(string) (string, bool, error) {
			return "", false, errors.New("Entra ID is unavailable")
		}},
	}
	for name, src := range tests {
		t.Run(name+": one request, and the 401 is the answer", func(t *testing.T) {
			t.Parallel()
			c, rec := clientWithTokens(t, src, unauthorized, reply{status: 200, body: profileJSON})
			_, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
			if !IsUnauthorized(err) || rec.count() != 1 {
				t.Errorf("err = %v after %d requests, want the 401 after one", err, rec.count())
			}
		})
	}
}

func TestATokenIsRenewedOnceACall(t *testing.T) {
	t.Parallel()
	n := 0
	src := &renewingTokens{current: "old", renew: func(string) (string, bool, error) { n++; return "new", true, nil }}
	c, rec := clientWithTokens(t, src, unauthorized, unauthorized, reply{status: 200, body: profileJSON})
	_, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
	if !IsUnauthorized(err) || rec.count() != 2 || n != 1 {
		t.Errorf("err = %v after %d requests and %d renewals, want the second 401 after two requests and one renewal", err, rec.count(), n)
	}
}

func TestAnUpdateSentAgainWithANewTokenCarriesTheSameBody(t *testing.T) {
	t.Parallel()
	src := &renewingTokens{current: "old", renew: func(string) (string, bool, error) { return "new", true, nil }}
	c, rec := clientWithTokens(t, src, reply{status: 200, body: profileJSON}, unauthorized, reply{status: 200, body: profileJSON})
	p, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.UpdateCustomerBillingProfile(context.Background(), testCustomer, p); err != nil {
		t.Fatal(err)
	}
	if rec.count() != 3 || len(rec.bodies[2]) == 0 || string(rec.bodies[1]) != string(rec.bodies[2]) {
		t.Errorf("%d requests; the PUT sent again carried %q, want the first PUT's %q", rec.count(), rec.bodies[2], rec.bodies[1])
	}
}
