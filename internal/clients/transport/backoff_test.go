// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package transport

import (
	"net/http"
	"testing"
	"time"
)

func TestRetryAfterParsing(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		header string
		want   time.Duration
		ok     bool
	}{
		{"seconds are read as seconds", "57", 57 * time.Second, true},
		{"zero means retry at once", "0", 0, true},
		{"an HTTP date is read as the time until then", now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second, true},
		{"a date in the past means now", now.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{"a day and a second is read as asked, for the caller to cap", "86401", 86401 * time.Second, true},
		{"a date days away is read as asked, for the caller to cap", now.Add(72 * time.Hour).Format(http.TimeFormat), 72 * time.Hour, true},
		{"a number beyond int64 is the longest wait", "99999999999999999999", time.Duration(maxRetryAfterSeconds) * time.Second, true},
		{"a negative number is ignored", "-5", 0, false},
		{"garbage is ignored", "soon", 0, false},
		{"an absent header is ignored", "", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := &http.Response{Header: http.Header{}}
			if tt.header != "" {
				resp.Header.Set("Retry-After", tt.header)
			}
			got, ok := RetryAfter(resp, now)
			if got != tt.want || ok != tt.ok {
				t.Errorf("RetryAfter(%q) = %s, %v; want %s, %v", tt.header, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestJitteredBackoffDoublesWithinItsBounds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		lo, hi   time.Duration
		attempt  int
		from, to time.Duration // the wait lies in [from, to)
	}{
		{"the first retry waits between half the minimum and the minimum", 100 * time.Millisecond, 2 * time.Second, 0, 50 * time.Millisecond, 100 * time.Millisecond},
		{"the second retry waits twice as long", 100 * time.Millisecond, 2 * time.Second, 1, 100 * time.Millisecond, 200 * time.Millisecond},
		{"the fifth retry waits sixteen times as long", 100 * time.Millisecond, 2 * time.Second, 4, 800 * time.Millisecond, 1600 * time.Millisecond},
		{"the sixth retry reaches the maximum", 100 * time.Millisecond, 2 * time.Second, 5, time.Second, 2 * time.Second},
		{"later retries stay within the maximum", 100 * time.Millisecond, 2 * time.Second, 12, time.Second, 2 * time.Second},
		{"a long minimum does not overflow at the 30th retry", 10 * time.Second, time.Minute, 29, 30 * time.Second, time.Minute},
		{"a long minimum does not overflow at the 31st retry", 10 * time.Second, time.Minute, 30, 30 * time.Second, time.Minute},
		{"a minimum over 17 s does not overflow at the 30th retry", 20 * time.Second, time.Minute, 29, 30 * time.Second, time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			seen := map[time.Duration]bool{}
			for range 50 {
				got := JitteredBackoff(tt.lo, tt.hi, tt.attempt)
				if got < tt.from || got >= tt.to {
					t.Fatalf("waited %s, want within [%s, %s)", got, tt.from, tt.to)
				}
				seen[got] = true
			}
			if len(seen) < 2 {
				t.Errorf("50 waits were all %v: want them jittered", seen)
			}
		})
	}
}

func FuzzRetryAfter(f *testing.F) {
	for _, s := range []string{"0", "57", "-1", "99999999999999999999", "Wed, 21 Oct 2015 07:28:00 GMT", "soon", ""} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, header string) {
		resp := &http.Response{Header: http.Header{"Retry-After": {header}}}
		d, ok := RetryAfter(resp, now)
		if !ok && d != 0 {
			t.Fatalf("an unusable header gave a wait of %s", d)
		}
		if ok && d < 0 {
			t.Fatalf("wait %s out of range", d)
		}
	})
}

func TestBackoffCapsRetryAfterAndJittersOtherwise(t *testing.T) {
	t.Parallel()
	b := Backoff(10 * time.Second)
	for _, asked := range []string{"3600", "86400", "172800", "99999999999999999999"} {
		t.Run("a Retry-After of "+asked+" s waits the cap", func(t *testing.T) {
			t.Parallel()
			throttled := &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": {asked}}}
			if got := b(time.Second, time.Minute, 0, throttled); got != 10*time.Second {
				t.Errorf("waited %s, want the 10s cap", got)
			}
		})
	}
	t.Run("a Retry-After under the cap waits what it asks", func(t *testing.T) {
		t.Parallel()
		throttled := &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": {"3"}}}
		if got := b(time.Second, time.Minute, 0, throttled); got != 3*time.Second {
			t.Errorf("waited %s, want 3s", got)
		}
	})
}

func TestOnlyThrottlingAndServerFailuresAreRetryable(t *testing.T) {
	t.Parallel()
	for status, want := range map[int]bool{429: true, 500: true, 502: true, 503: true, 599: true,
		501: false, 400: false, 401: false, 404: false, 409: false, 412: false, 499: false, 200: false} {
		if got := RetryableStatus(status); got != want {
			t.Errorf("RetryableStatus(%d) = %v, want %v", status, got, want)
		}
	}
}

// The edges of JitteredBackoff: a doubling that lands exactly on the maximum's halving is still
// taken, a zero minimum at the 64th retry waits the maximum, and a wait of one nanosecond is one.
func TestJitteredBackoffAtItsEdges(t *testing.T) {
	t.Parallel()
	sawSix := false
	for range 2000 { // lo=3 doubled once is 6: waits in [3, 6); the maximum 7 would allow 6
		d := JitteredBackoff(3, 7, 1)
		if d < 3 || d > 6 {
			t.Fatalf("JitteredBackoff(3, 7, 1) = %d, want within [3, 6]", d)
		}
		sawSix = sawSix || d == 6
	}
	if sawSix {
		t.Error("JitteredBackoff(3, 7, 1) waited 6 ns: the doubled minimum, 6, bounds it, not the maximum")
	}
	if d := JitteredBackoff(0, time.Second, 63); d < time.Second/2 {
		t.Errorf("JitteredBackoff(0, 1s, 63) = %s, want the maximum's upper half", d)
	}
	if d := JitteredBackoff(1, 1, 0); d != 1 {
		t.Errorf("JitteredBackoff(1, 1, 0) = %d, want 1", d)
	}
}
