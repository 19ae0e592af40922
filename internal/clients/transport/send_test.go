// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package transport

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/hashicorp/go-retryablehttp"
)

// renewing is a token source that hands out "old" and, asked to renew it, "new" (or err).
type renewing struct {
	renew bool
	err   error
	asked int
}

func (r *renewing) Token(context.Context) (string, error) { return "old", nil }

func (r *renewing) RenewRefused(_ context.Context, refused string) (string, bool, error) {
	r.asked++
	if refused != "old" {
		return "", false, errors.New("asked to renew a token it never handed out")
	}
	return "new", r.renew, r.err
}

func TestSendRenewsATokenThatMayHaveExpiredOnItsWayOnce(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer new" {
			w.WriteHeader(http.StatusUnauthorized)
		}
		_, _ = w.Write([]byte("answer"))
	}))
	t.Cleanup(srv.Close)
	tests := map[string]struct {
		tokens     TokenSource
		wantStatus int
	}{
		"a source that renews":           {&renewing{renew: true}, http.StatusOK},
		"a source whose refusal stands":  {&renewing{}, http.StatusUnauthorized},
		"a source that cannot renew now": {&renewing{renew: true, err: errors.New("entra id is down")}, http.StatusUnauthorized},
		"a source that never renews":     {StaticToken("old"), http.StatusUnauthorized},
	}
	for name, tt := range tests {
		rc := retryablehttp.NewClient()
		rc.Logger, rc.RetryMax = nil, 0
		req, _ := retryablehttp.NewRequestWithContext(context.Background(), http.MethodGet, srv.URL, nil)
		req.Header.Set("Authorization", "Bearer old")
		resp, err := Send(context.Background(), rc, tt.tokens, "Test API", req)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		body, readErr := io.ReadAll(resp.Body) // the answer handed back is open
		_ = resp.Body.Close()
		if readErr != nil || string(body) != "answer" {
			t.Errorf("%s: body %q, %v", name, body, readErr)
		}
		if resp.StatusCode != tt.wantStatus {
			t.Errorf("%s: status %d, want %d", name, resp.StatusCode, tt.wantStatus)
		}
		if r, ok := tt.tokens.(*renewing); ok && r.asked != 1 {
			t.Errorf("%s: asked to renew %d times, want once", name, r.asked)
		}
	}
}

func TestSendReportsAServiceItCouldNotReach(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close()
	rc := retryablehttp.NewClient()
	rc.Logger, rc.RetryMax = nil, 0
	req, _ := retryablehttp.NewRequestWithContext(context.Background(), http.MethodGet, srv.URL, nil)
	if resp, err := Send(context.Background(), rc, StaticToken("t"), "Test API", req); err == nil || resp != nil {
		t.Errorf("Send to a closed server = %v, %v; want an error and no answer", resp, err)
	}
}

func TestAnEmptyStaticTokenIsAnError(t *testing.T) {
	t.Parallel()
	if _, err := StaticToken("").Token(context.Background()); err == nil {
		t.Error("an empty access token was handed out")
	}
	if got, err := StaticToken("t").Token(context.Background()); got != "t" || err != nil {
		t.Errorf("Token() = %q, %v", got, err)
	}
}
