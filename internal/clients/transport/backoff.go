// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package transport

import (
	"errors"
	"math"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// RetryableStatus reports whether an answer of status is worth retrying: throttling (429) and
// server failures (5xx) but 501, which says the request will never be served.
func RetryableStatus(status int) bool {
	return status == http.StatusTooManyRequests || (status >= 500 && status != http.StatusNotImplemented)
}

// Backoff waits what Retry-After asks (capped at maxRetryAfter), or else a jittered exponential
// delay, so that many resources throttled at once do not come back in lockstep.
func Backoff(maxRetryAfter time.Duration) retryablehttp.Backoff {
	return func(lo, hi time.Duration, attempt int, resp *http.Response) time.Duration {
		if d, ok := RetryAfter(resp, time.Now()); ok {
			return min(d, maxRetryAfter)
		}
		return JitteredBackoff(lo, hi, attempt)
	}
}

// RetryAfter reads a Retry-After header given in seconds or as an HTTP date, as asked: however
// long the wait (a day, a year), the caller caps it, so that a service asking for a long pause
// gets the longest one the client allows rather than a short jittered one.
func RetryAfter(resp *http.Response, now time.Time) (time.Duration, bool) {
	if resp == nil {
		return 0, false
	}
	v := strings.TrimSpace(resp.Header.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	// A number too large for int64 comes back as the largest one, with ErrRange: still a wait.
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil || errors.Is(err, strconv.ErrRange) {
		if secs < 0 {
			return 0, false
		}
		return time.Duration(min(secs, maxRetryAfterSeconds)) * time.Second, true
	}
	if when, err := http.ParseTime(v); err == nil {
		return max(when.Sub(now), 0), true
	}
	return 0, false
}

// maxRetryAfterSeconds is the longest wait a time.Duration holds, in seconds.
const maxRetryAfterSeconds = math.MaxInt64 / int64(time.Second)

// JitteredBackoff is the wait before retry n (counted from 0): lo doubled n times, at most hi,
// picked at random in its upper half, so that many callers failing at once (resources throttled
// together, renewals of many provider runs) do not come back in step.
func JitteredBackoff(lo, hi time.Duration, n int) time.Duration {
	d := hi
	if n < 63 && lo <= hi>>n { // lo<<n cannot exceed hi, nor overflow
		d = lo << n
	}
	if d <= 1 {
		return d
	}
	half := d / 2
	return half + rand.N(d-half)
}
