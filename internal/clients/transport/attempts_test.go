// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package transport

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"testing"
	"time"
)

func TestWhatAnInterruptedCallWasWaitingFor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		a    *attempts
		want string
	}{
		{"a call that got no answer yet waited for one", &attempts{api: "Partner Center"},
			"waiting for Partner Center's answer"},
		{"a call answered with a wait names the status and the wait", &attempts{api: "Partner Center", count: 1, status: 429, retryAfter: 57 * time.Second, hasWait: true},
			"while Partner Center answered 429 Too Many Requests (Retry-After 57 s, 1 attempt)"},
		{"a call answered without a wait names the status", &attempts{api: "Partner Center", count: 1, status: 503},
			"while Partner Center answered 503 Service Unavailable (1 attempt)"},
		{"a call answered again and again says so", &attempts{api: "Partner Center", count: 3, status: 502},
			"while Partner Center kept answering 502 Bad Gateway (3 attempts)"},
		{"a call with a wait but no answer says Partner Center could not be reached", &attempts{api: "Partner Center", count: 2, hasWait: true, failure: "connection reset"},
			"while Partner Center could not be reached (connection reset; 2 attempts)"},
		{"a call that could not connect says so", &attempts{api: "Partner Center", count: 1, failure: "connection refused"},
			"while Partner Center could not be reached (connection refused; 1 attempt)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := tt.a.waitingFor(); got != tt.want {
				t.Errorf("waitingFor() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAnInterruptedCallSaysHowLongItRanAndWhy(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		elapsed time.Duration
		ctxErr  error
		want    string // a regular expression
	}{
		{"a call past its deadline timed out", 1200 * time.Millisecond, context.DeadlineExceeded,
			`^timed out after 1\.2\d?s waiting for Partner Center's answer: context deadline exceeded$`},
		{"a cancelled call was cancelled", 10*time.Second + 400*time.Millisecond, context.Canceled,
			`^was cancelled after 10s waiting for Partner Center's answer: context canceled$`},
		{"a call past a deadline it set itself timed out", 12*time.Second + 345*time.Millisecond, fmt.Errorf("operation: %w", context.DeadlineExceeded),
			`^timed out after 12s waiting for Partner Center's answer: operation: context deadline exceeded$`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := &attempts{api: "Partner Center", start: time.Now().Add(-tt.elapsed)}
			err := a.interrupted(tt.ctxErr)
			if !errors.Is(err, tt.ctxErr) {
				t.Errorf("err = %v, want it to wrap %v", err, tt.ctxErr)
			}
			if !regexp.MustCompile(tt.want).MatchString(err.Error()) {
				t.Errorf("err = %q, want it to match %s", err, tt.want)
			}
		})
	}
}

func TestElapsedTimeIsRounded(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		in, want time.Duration
	}{
		{"a second and a quarter keeps its hundredths", 1234567 * time.Microsecond, 1230 * time.Millisecond},
		{"just under ten seconds keeps its hundredths", 9994 * time.Millisecond, 9990 * time.Millisecond},
		{"ten seconds and more are rounded to the second", 10*time.Second + 499*time.Millisecond, 10 * time.Second},
		{"a long wait is rounded to the second", 95*time.Second + 600*time.Millisecond, 96 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := roundElapsed(tt.in); got != tt.want {
				t.Errorf("roundElapsed(%s) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}
