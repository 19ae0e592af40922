// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package transport

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

func TestRedactCredentialsMasksValuesAndKeepsTheirNames(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"a bearer token is masked", "Authorization: Bearer eyJ0eXAi.x.y rejected", "Authorization: Bearer *** rejected"},
		{"a form body's secrets are masked", "client_id=abc&client_secret=s3cr%2Bt&refresh_token=0.AX-y&scope=x",
			"client_id=abc&client_secret=***&refresh_token=***&scope=x"},
		{"a JSON answer's tokens are masked", `{"access_token":"emu-at-1","refresh_token": "emu-rt-2"}`, `{"access_token":"***","refresh_token": "***"}`},
		{"a client assertion is masked", "client_assertion=eyJhbGci.e30.sig&x=1", "client_assertion=***&x=1"},
		{"text without credentials is left alone", "AADSTS7000215: Invalid client secret provided.", "AADSTS7000215: Invalid client secret provided."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := RedactCredentials(tt.in); got != tt.want {
				t.Errorf("RedactCredentials(%q) =\n%q, want\n%q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRequestBodyIsReadForTheLogAndSentUnchanged(t *testing.T) {
	t.Parallel()
	broken := errors.New("the body broke off")
	tests := []struct {
		name     string
		body     io.ReadCloser
		wantLog  string
		wantSent string
		wantErr  error
	}{
		{"a request without a body logs none", nil, "", "", nil},
		{"a request with an empty body logs none", http.NoBody, "", "", nil},
		{"a body is logged and sent whole", io.NopCloser(strings.NewReader(`{"email":"a@b.example"}`)), `{"email":"a@b.example"}`, `{"email":"a@b.example"}`, nil},
		{"a body that fails is logged up to the failure and sends the failure on",
			io.NopCloser(io.MultiReader(strings.NewReader(`{"em`), errReader{broken})), `{"em`, `{"em`, broken},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req := httptest.NewRequestWithContext(context.Background(), http.MethodPut, "https://example.test/v1/x", nil)
			req.Body = tt.body
			sent, logged := requestBody(req)
			if logged != tt.wantLog {
				t.Errorf("logged %q, want %q", logged, tt.wantLog)
			}
			if tt.body == nil || tt.body == http.NoBody {
				if sent != req {
					t.Error("a request without a body was copied")
				}
				return
			}
			var b []byte
			var err error
			within(t, 2*time.Second, "reading the body", func() { b, err = io.ReadAll(sent.Body) })
			if string(b) != tt.wantSent || !errors.Is(err, tt.wantErr) {
				t.Errorf("the request sends %q, %v; want %q, %v", b, err, tt.wantSent, tt.wantErr)
			}
		})
	}
}

func TestResponseBodyIsReadForTheLogAndHandedOnUnchanged(t *testing.T) {
	t.Parallel()
	reset := errors.New("connection reset by peer")
	long := strings.Repeat("x", 4<<20) + "the rest"
	tests := []struct {
		name     string
		body     io.Reader
		wantLog  string
		wantRead string
		wantErr  error
	}{
		{"a body is logged and read whole", strings.NewReader(`{"a":1}`), `{"a":1}`, `{"a":1}`, nil},
		{"an empty body is logged empty", strings.NewReader(""), "", "", nil},
		{"a body that breaks off is logged up to the break and reads the failure after it",
			io.MultiReader(strings.NewReader(`{"a":`), errReader{reset}), `{"a":`, `{"a":`, reset},
		{"a body over the limit is logged up to the limit and read to its end", strings.NewReader(long), long[:4<<20], long, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			resp := &http.Response{Body: io.NopCloser(tt.body)}
			logged := responseBody(resp)
			if logged != tt.wantLog {
				t.Errorf("logged %d bytes, want %d", len(logged), len(tt.wantLog))
			}
			var b []byte
			var err error
			within(t, 2*time.Second, "reading the body", func() { b, err = io.ReadAll(resp.Body) })
			if string(b) != tt.wantRead || !errors.Is(err, tt.wantErr) {
				t.Errorf("read %d bytes, %v; want %d bytes, %v", len(b), err, len(tt.wantRead), tt.wantErr)
			}
		})
	}
	t.Run("a response without a body logs none", func(t *testing.T) {
		t.Parallel()
		if got := responseBody(&http.Response{}); got != "" {
			t.Errorf("logged %q", got)
		}
	})
}

func TestEveryCallIsLoggedWithItsIDsAndItsAnswer(t *testing.T) {
	t.Setenv("TF_LOG_PROVIDER", "")
	t.Setenv("TF_LOG", "TRACE")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("request-id", "answer-id")
		_, _ = w.Write([]byte(`{"ok": true}`))
	}))
	t.Cleanup(srv.Close)
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/v1.0/x", nil)
	req.Header.Set("Authorization", "Bearer secret-token")
	req.Header.Set("client-request-id", "sent-id")
	resp, err := NewHTTPClient("Test API").Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	failing, _ := http.NewRequestWithContext(ctx, http.MethodGet, closed.URL, nil)
	if _, err := NewHTTPClient("Test API").Do(failing); err == nil {
		t.Fatal("a closed server answered")
	}
	entries := map[string]map[string]any{}
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		entry := map[string]any{}
		if err := json.Unmarshal([]byte(line), &entry); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if msg := entry["@message"].(string); entries[msg] == nil { // the first call's, not the failing one's
			entries[msg] = entry
		}
	}
	sent, received := entries["Sending Test API request"], entries["Received Test API response"]
	if sent == nil || sent["client-request-id"] != "sent-id" || sent["MS-RequestId"] != nil {
		t.Errorf("sending: %v; want the id sent, and no empty one", sent)
	}
	if received == nil || received["status"] != float64(200) || received["response_request_id"] != "answer-id" {
		t.Errorf("received: %v", received)
	}
	if detail := entries["Test API request detail"]; detail == nil || strings.Contains(logs.String(), "secret-token") {
		t.Errorf("the trace detail is missing (%v) or shows the token", detail)
	}
	if entries["Test API response detail"] == nil || entries["Test API request failed"] == nil {
		t.Errorf("the response detail or the failed call was not logged: %v", entries)
	}
}

func TestTraceDetailFollowsTheProvidersLogLevel(t *testing.T) {
	for _, tt := range []struct {
		provider, all string
		want          bool
	}{
		{"", "TRACE", true}, {"", "json", true}, {"", "DEBUG", false}, {"", "", false},
		{"TRACE", "DEBUG", true}, {"INFO", "TRACE", false},
	} {
		t.Setenv("TF_LOG_PROVIDER", tt.provider)
		t.Setenv("TF_LOG", tt.all)
		if got := providerLogsTrace(); got != tt.want {
			t.Errorf("TF_LOG_PROVIDER=%q TF_LOG=%q: %v, want %v", tt.provider, tt.all, got, tt.want)
		}
	}
}
