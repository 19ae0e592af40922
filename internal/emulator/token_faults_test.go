// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

const (
	appTenant = "10000000-0000-4000-8000-00000000aaaa"
	appClient = "11111111-0000-4000-8000-00000000bbbb"
	appSecret = "s3cret+value/never=logged"
	seedRT    = "seed-refresh-token-value"
)

// identityServer is an emulator with one app and one refresh token, served on loopback.
func identityServer(t *testing.T) (*Server, string) {
	t.Helper()
	s := New()
	s.RegisterApp(App{TenantID: appTenant, ClientID: appClient, ClientSecret: appSecret})
	s.AddRefreshToken(appClient, seedRT)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return s, srv.URL
}

type tokenAnswer struct {
	status int
	body   map[string]any
	err    error
}

func askToken(ctx context.Context, base string) tokenAnswer {
	form := url.Values{"grant_type": {"refresh_token"}, "client_id": {appClient}, "client_secret": {appSecret},
		"refresh_token": {seedRT}, "scope": {"https://api.partnercenter.microsoft.com/user_impersonation"}}
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/"+appTenant+"/oauth2/v2.0/token", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return tokenAnswer{err: err}
	}
	defer func() { _ = resp.Body.Close() }()
	b, _ := io.ReadAll(resp.Body)
	a := tokenAnswer{status: resp.StatusCode}
	_ = json.Unmarshal(b, &a.body)
	return a
}

func TestTokenFaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		fault      TokenFault
		wantStatus int
		wantInDesc []string
	}{
		{"an outage answers 503 with a transient AADSTS code", TokenFault{Status: 503}, 503, []string{"AADSTS90033"}},
		{"a refusal answers with the AADSTS code asked for", TokenFault{Status: 400, AADSTS: 70008}, 400, []string{"AADSTS70008"}},
		{"an echo repeats the whole request, secrets included", TokenFault{Echo: true}, 400,
			[]string{"AADSTS900144", "client_secret=" + url.QueryEscape(appSecret), "refresh_token=" + seedRT}},
		{"an echo with a status keeps the status", TokenFault{Status: 401, AADSTS: 7000215, Echo: true}, 401,
			[]string{"AADSTS7000215", "client_secret="}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, base := identityServer(t)
			s.InjectTokenFault(tt.fault)
			a := askToken(context.Background(), base)
			desc, _ := a.body["error_description"].(string)
			if a.err != nil || a.status != tt.wantStatus || a.body["access_token"] != nil {
				t.Fatalf("got %d %v (%v), want %d and no token", a.status, a.body, a.err, tt.wantStatus)
			}
			for _, want := range tt.wantInDesc {
				if !strings.Contains(desc, want) {
					t.Errorf("error_description %q does not say %q", desc, want)
				}
			}
			if next := askToken(context.Background(), base); next.status != 200 || next.body["access_token"] == nil {
				t.Errorf("after the fault was used up: %d %v, want a token", next.status, next.body)
			}
			if log := s.TokenRequests(); len(log) != 2 || log[0].Status != tt.wantStatus || log[1].Status != 200 {
				t.Errorf("token log %+v, want the fault's status then 200", log)
			}
		})
	}
}

func TestTokenFaultsThatLeaveNoAnswer(t *testing.T) {
	t.Parallel()
	t.Run("a hung endpoint holds the request until the client leaves", func(t *testing.T) {
		t.Parallel()
		s, base := identityServer(t)
		s.InjectTokenFault(TokenFault{Hang: true})
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		if a := askToken(ctx, base); !errors.Is(a.err, context.DeadlineExceeded) {
			t.Errorf("got %+v, want the client's deadline to end the request", a)
		}
	})
	t.Run("a reset drops the connection", func(t *testing.T) {
		t.Parallel()
		s, base := identityServer(t)
		s.InjectTokenFault(TokenFault{Reset: true})
		if a := askToken(context.Background(), base); a.err == nil {
			t.Errorf("got %d %v, want a dropped connection", a.status, a.body)
		}
	})
	t.Run("a delay answers late with a token", func(t *testing.T) {
		t.Parallel()
		s, base := identityServer(t)
		s.InjectTokenFault(TokenFault{Delay: 150 * time.Millisecond})
		start := time.Now()
		if a := askToken(context.Background(), base); a.status != 200 || time.Since(start) < 150*time.Millisecond {
			t.Errorf("got %d after %s, want a token after the delay", a.status, time.Since(start))
		}
	})
}

func TestTokenLifetimeIsStatedInWholeSecondsAndHonoured(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		lifetime time.Duration
		want     float64
	}{{500 * time.Millisecond, 1}, {1500 * time.Millisecond, 2}, {2 * time.Second, 2}} {
		t.Run(fmt.Sprintf("a lifetime of %s is announced as expires_in %v and ends then", tt.lifetime, tt.want), func(t *testing.T) {
			t.Parallel()
			s, base := identityServer(t)
			s.SetClock(stopped(time.Now()))
			s.SetTokenLifetime(tt.lifetime)
			a := askToken(context.Background(), base)
			if a.body["expires_in"] != tt.want {
				t.Fatalf("expires_in = %v, want %v", a.body["expires_in"], tt.want)
			}
			token, _ := a.body["access_token"].(string)
			announced := time.Duration(tt.want * float64(time.Second))
			s.Advance(announced - time.Nanosecond)
			if !s.validAccessToken(token, partnerCenterAudience) {
				t.Error("the token is refused before expires_in has passed")
			}
			s.Advance(time.Nanosecond)
			if s.validAccessToken(token, partnerCenterAudience) {
				t.Error("the token is still accepted after expires_in")
			}
		})
	}
}
