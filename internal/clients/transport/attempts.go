// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package transport

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// attempts remembers what the attempts of one logical call met, so that a call the context ends
// (an operation's timeout, Ctrl-C) can say what it was waiting for: "timed out after 15s while
// Partner Center kept answering 429 Too Many Requests (Retry-After 86400 s)" rather than only
// "context deadline exceeded".
type attempts struct {
	api   string // the API's name, as in "while Partner Center kept answering"
	start time.Time

	mu         sync.Mutex
	count      int
	status     int           // of the last answer; 0 when the last attempt got none
	retryAfter time.Duration // the last answer's Retry-After as asked, before any cap
	hasWait    bool
	failure    string // why the last attempt got no answer
}

type attemptsKey struct{}

// withAttempts returns a context whose call records its attempts in a.
func withAttempts(ctx context.Context, a *attempts) context.Context {
	return context.WithValue(ctx, attemptsKey{}, a)
}

func attemptsFrom(ctx context.Context) *attempts {
	a, _ := ctx.Value(attemptsKey{}).(*attempts)
	return a
}

// record notes one attempt's outcome: an answer, or the failure that left none.
func (a *attempts) record(resp *http.Response, err error) {
	if a == nil {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.count++
	a.status, a.retryAfter, a.hasWait, a.failure = 0, 0, false, ""
	if err != nil {
		a.failure = err.Error()
		return
	}
	a.status = resp.StatusCode
	a.retryAfter, a.hasWait = RetryAfter(resp, time.Now())
}

// retries is how many of the recorded attempts were retries.
func (a *attempts) retries() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return max(a.count-1, 0)
}

// interrupted describes a call the context ended: how long it ran and what the API was doing
// meanwhile. It wraps ctxErr, so errors.Is still recognises the deadline or the cancel.
func (a *attempts) interrupted(ctxErr error) error {
	verb := "was cancelled"
	if errors.Is(ctxErr, context.DeadlineExceeded) {
		verb = "timed out"
	}
	return fmt.Errorf("%s after %s %s: %w", verb, roundElapsed(time.Since(a.start)), a.waitingFor(), ctxErr)
}

// waitingFor says what the call was waiting for when it ended.
func (a *attempts) waitingFor() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	kept := "answered"
	if a.count > 1 {
		kept = "kept answering"
	}
	if a.count == 0 {
		return "waiting for " + a.api + "'s answer"
	}
	if a.status != 0 && a.hasWait {
		return fmt.Sprintf("while %s %s %d %s (Retry-After %s s, %s)", a.api, kept, a.status,
			http.StatusText(a.status), strconv.FormatInt(int64(a.retryAfter/time.Second), 10), Plural(a.count, "attempt"))
	}
	if a.status != 0 {
		return fmt.Sprintf("while %s %s %d %s (%s)", a.api, kept, a.status, http.StatusText(a.status), Plural(a.count, "attempt"))
	}
	return fmt.Sprintf("while %s could not be reached (%s; %s)", a.api, a.failure, Plural(a.count, "attempt"))
}

func roundElapsed(d time.Duration) time.Duration {
	if d >= 10*time.Second {
		return d.Round(time.Second)
	}
	return d.Round(10 * time.Millisecond)
}

// Plural is n and noun, in the plural unless n is 1: "1 attempt", "3 attempts".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
