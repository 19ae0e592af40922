// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package credential

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// renewalSource is a refresh-token credential against the emulator, holding its first token,
// with the cache's clock moved to after (from the token's issue) so that a renewal is due.
func renewalSource(t *testing.T, after time.Duration) (*emulator.Server, *Source, *partnercenter.Client) {
	emu, src, c, _ := renewalServer(t, after)
	return emu, src, c
}

func renewalServer(t *testing.T, after time.Duration) (*emulator.Server, *Source, *partnercenter.Client, *httptest.Server) {
	t.Helper()
	emu, srv, ep := identityServer(t, emulator.App{ClientSecret: secret})
	src, err := New(Config{TenantID: tenant, ClientID: clientID, ClientSecret: secret, RefreshToken: refresh}, ep, srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	token(t, src)
	issuedAt := time.Now()
	cache := src.TokenSource.(*cachedSource)
	cache.now = func() time.Time { return time.Now().Add(after - time.Since(issuedAt)) }
	cache.retry.waitMin, cache.retry.waitMax = time.Millisecond, 2*time.Millisecond
	if err := emu.SeedDefaultCustomer(apiCustomer); err != nil {
		t.Fatal(err)
	}
	c, err := partnercenter.New(partnercenter.Config{BaseURL: srv.URL, TokenSource: src, HTTPClient: srv.Client()})
	if err != nil {
		t.Fatal(err)
	}
	return emu, src, c, srv
}

func TestRenewalThroughEntraIDFailures(t *testing.T) {
	t.Parallel()
	t.Run("a refused renewal while the token is valid keeps the calls working", func(t *testing.T) {
		t.Parallel()
		emu, _, c := renewalSource(t, 57*time.Minute)
		emu.InjectTokenFault(emulator.TokenFault{Status: 400, AADSTS: 70008, Times: 10})
		for range 3 {
			if _, err := c.GetCustomerBillingProfile(context.Background(), apiCustomer); err != nil {
				t.Fatalf("a call in the token's last minutes failed with its renewal: %v", err)
			}
		}
	})
	t.Run("an Entra ID outage at renewal is retried", func(t *testing.T) {
		t.Parallel()
		emu, src, _ := renewalSource(t, 61*time.Minute)
		emu.InjectTokenFault(emulator.TokenFault{Status: 503})
		first := emu.TokenRequests()[0].Issued
		if got := token(t, src); got == first {
			t.Errorf("the expired token was handed out again")
		}
		if n := len(emu.TokenRequests()); n != 3 {
			t.Errorf("%d token requests, want 3: the first, the 503 and its retry", n)
		}
	})
	t.Run("an expired refresh token is not retried", func(t *testing.T) {
		t.Parallel()
		emu, src, _ := renewalSource(t, 61*time.Minute)
		emu.InjectTokenFault(emulator.TokenFault{Status: 400, AADSTS: 70008, Times: 10})
		_, err := src.Token(context.Background())
		var te *TokenError
		if !errors.As(err, &te) || te.Code != 70008 {
			t.Fatalf("err = %v, want AADSTS70008", err)
		}
		if n := len(emu.TokenRequests()); n != 2 {
			t.Errorf("%d token requests, want 2: a refusal is not asked again", n)
		}
	})
	t.Run("a caller cancelled while another waits on a hung renewal returns at once", func(t *testing.T) {
		t.Parallel()
		emu, src, _, srv := renewalServer(t, 61*time.Minute)
		t.Cleanup(srv.CloseClientConnections) // ends the hung request before the server closes
		emu.InjectTokenFault(emulator.TokenFault{Hang: true, Times: 10})
		first, cancelFirst := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancelFirst()
		go func() { _, _ = src.Token(first) }()
		eventually(t, "the first caller's renewal", src.TokenSource.(*cachedSource).renewing) // it hangs
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(100*time.Millisecond, cancel) // Ctrl-C
		start := time.Now()
		_, err := src.Token(ctx)
		if !errors.Is(err, context.Canceled) || time.Since(start) > time.Second {
			t.Errorf("err = %v after %s, want context.Canceled soon after the cancel at 100ms", err, time.Since(start))
		}
	})
}
