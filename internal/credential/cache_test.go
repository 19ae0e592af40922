// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package credential

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
	"golang.org/x/oauth2"
)

// scriptedFetch answers each fetch with the next outcome, after waiting for release when gated.
type scriptedFetch struct {
	calls    atomic.Int32
	mu       sync.Mutex
	outcomes []func(ctx context.Context) (*oauth2.Token, error)
}

func (f *scriptedFetch) fetch(ctx context.Context) (*oauth2.Token, error) {
	f.calls.Add(1)
	f.mu.Lock()
	next := f.outcomes[0]
	if len(f.outcomes) > 1 {
		f.outcomes = f.outcomes[1:]
	}
	f.mu.Unlock()
	return next(ctx)
}

var t0 = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

func issuedFor(name string, life time.Duration) func(context.Context) (*oauth2.Token, error) {
	return func(context.Context) (*oauth2.Token, error) {
		return &oauth2.Token{AccessToken: name, Expiry: t0.Add(life)}, nil
	}
}

func failing(refused bool) func(context.Context) (*oauth2.Token, error) {
	return func(context.Context) (*oauth2.Token, error) {
		return nil, &TokenError{Kind: KindRefreshToken, Err: errors.New("AADSTS-like failure"), refused: refused}
	}
}

// gated blocks until release is closed or the fetch's context ends, then issues name.
func gated(name string, release <-chan struct{}) func(context.Context) (*oauth2.Token, error) {
	return func(ctx context.Context) (*oauth2.Token, error) {
		select {
		case <-release:
			return &oauth2.Token{AccessToken: name, Expiry: t0.Add(2 * time.Hour)}, nil
		case <-ctx.Done():
			return nil, &TokenError{Kind: KindRefreshToken, Err: ctx.Err()}
		}
	}
}

func newTestCache(f *scriptedFetch, clk *clock) *cachedSource {
	c := newCachedSource(f.fetch)
	c.now = clk.Now
	c.retry = renewPolicy{attempts: 3, waitMin: time.Millisecond, waitMax: 2 * time.Millisecond, fetchTimeout: time.Second}
	return c
}

func mustToken(t *testing.T, c *cachedSource, ctx context.Context) string {
	t.Helper()
	tok, err := c.Token(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// tokenAtOnce returns the token c hands out without waiting for a renewal: a cached token that is
// no longer handed out fails the test within a second instead of waiting for a renewal held back.
func tokenAtOnce(t *testing.T, c *cachedSource) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	tok, err := c.Token(ctx)
	if err != nil {
		t.Fatalf("the token was not handed out at once: %v", err)
	}
	return tok
}

// eventually waits for cond, which a background renewal makes true.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("%s did not happen within 5s", what)
}

func TestRenewalTimes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name              string
		life              time.Duration
		renewAt, usableTo time.Duration // after the token's issue; usableTo -1 for never
	}{
		{"an hour-long token is renewed from five minutes before it expires and handed out until thirty seconds before",
			time.Hour, 55 * time.Minute, 59*time.Minute + 30*time.Second},
		{"a ten-minute token is renewed from a minute before it expires and handed out until thirty seconds before",
			10 * time.Minute, 9 * time.Minute, 9*time.Minute + 30*time.Second},
		{"a two-minute token is renewed from 12 s before it expires and handed out until 6 s before",
			2 * time.Minute, 108 * time.Second, 114 * time.Second},
		{"a token without expiry is renewed after an hour and handed out until then", 0, time.Hour, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tok := &oauth2.Token{AccessToken: "x"}
			if tt.life != 0 {
				tok.Expiry = t0.Add(tt.life)
			}
			renewAt, usableTo := renewalTimes(tok, t0)
			wantUsableTo := time.Time{}
			if tt.usableTo >= 0 {
				wantUsableTo = t0.Add(tt.usableTo)
			}
			if !renewAt.Equal(t0.Add(tt.renewAt)) || !usableTo.Equal(wantUsableTo) {
				t.Errorf("renewalTimes = %s, %s; want %s, %s", renewAt.Sub(t0), usableTo.Sub(t0), tt.renewAt, wantUsableTo.Sub(t0))
			}
		})
	}
}

// TestTokenRenewalFollowsTheClock walks the clock through a token's life: the token is handed out
// alone until its renewal is due, handed out while the renewal runs, and no longer handed out in
// its last moments, when callers wait for the renewed one. Renewing only at expiry fails it.
func TestTokenRenewalFollowsTheClock(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name              string
		life              time.Duration
		renewAt, usableTo time.Duration // after the token's issue
	}{
		{"an hour-long token", time.Hour, 55 * time.Minute, 59*time.Minute + 30*time.Second},
		{"a two-minute token", 2 * time.Minute, 108 * time.Second, 114 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is renewed in the background from its renewal time and withheld from its last moments", func(t *testing.T) {
			t.Parallel()
			clk := &clock{now: t0}
			release := make(chan struct{})
			f := &scriptedFetch{outcomes: []func(context.Context) (*oauth2.Token, error){issuedFor("first", tt.life), gated("second", release)}}
			c := newTestCache(f, clk)
			c.retry.fetchTimeout = time.Minute // the gated renewal waits for release, not for a timeout
			mustToken(t, c, context.Background())

			clk.Set(t0.Add(tt.renewAt - time.Millisecond))
			if got := tokenAtOnce(t, c); got != "first" || c.renewing() {
				t.Fatalf("just before the renewal time: got %q, renewing %v; want the first token and no renewal", got, c.renewing())
			}
			clk.Set(t0.Add(tt.renewAt))
			if got := tokenAtOnce(t, c); got != "first" || !c.renewing() {
				t.Fatalf("at the renewal time: got %q, renewing %v; want the first token while a renewal runs", got, c.renewing())
			}
			clk.Set(t0.Add(tt.usableTo - time.Millisecond))
			if got := tokenAtOnce(t, c); got != "first" {
				t.Fatalf("just before the end of its use: got %q, want the first token", got)
			}
			clk.Set(t0.Add(tt.usableTo))
			ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
			defer cancel()
			if got, err := c.Token(ctx); !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("at the end of its use: got %q, %v; want the caller to wait for the renewal", got, err)
			}
			close(release)
			if got := mustToken(t, c, context.Background()); got != "second" {
				t.Errorf("after the renewal: got %q, want the second token", got)
			}
			if n := f.calls.Load(); n != 2 {
				t.Errorf("%d fetches, want 2", n)
			}
		})
	}
}

func TestAFailedRenewalIsTriedAgainAfterAPause(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name          string
		failAt, pause time.Duration // after the issue of an hour-long token, usable until 59m30s
	}{
		{"with minutes of the token left, the next renewal waits 15 s", 56 * time.Minute, 15 * time.Second},
		{"with 20 s of the token left, the next renewal waits half of them", 59*time.Minute + 10*time.Second, 10 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			clk := &clock{now: t0}
			release := make(chan struct{})
			t.Cleanup(func() { close(release) })
			f := &scriptedFetch{outcomes: []func(context.Context) (*oauth2.Token, error){issued("first"), failing(true), gated("second", release)}}
			c := newTestCache(f, clk)
			mustToken(t, c, context.Background())
			clk.Set(t0.Add(tt.failAt))
			mustToken(t, c, context.Background())
			eventually(t, "the renewal to fail", c.pendingFailure)

			clk.Set(t0.Add(tt.failAt + tt.pause - time.Millisecond))
			if got := tokenAtOnce(t, c); got != "first" || c.renewing() || f.calls.Load() != 2 {
				t.Fatalf("before the pause ended: got %q, renewing %v after %d fetches; want the first token, no renewal, 2 fetches",
					got, c.renewing(), f.calls.Load())
			}
			clk.Set(t0.Add(tt.failAt + tt.pause))
			if got := tokenAtOnce(t, c); got != "first" || !c.renewing() {
				t.Fatalf("when the pause ended: got %q, renewing %v; want the first token while a renewal runs", got, c.renewing())
			}
		})
	}
}

func TestAFailedRenewalOfATokenWithoutExpiryPausesToo(t *testing.T) {
	t.Parallel()
	clk := &clock{now: t0}
	noExpiry := func(context.Context) (*oauth2.Token, error) { return &oauth2.Token{AccessToken: "first"}, nil }
	f := &scriptedFetch{outcomes: []func(context.Context) (*oauth2.Token, error){noExpiry, failing(false)}}
	c := newTestCache(f, clk)
	mustToken(t, c, context.Background())
	clk.Set(t0.Add(time.Hour)) // a token without expiry is renewed hourly
	mustToken(t, c, context.Background())
	eventually(t, "the renewal to fail", c.pendingFailure)
	fetches := f.calls.Load()
	clk.Set(t0.Add(time.Hour + failedRenewalPause - time.Millisecond))
	if got := tokenAtOnce(t, c); got != "first" || c.renewing() || f.calls.Load() != fetches {
		t.Fatalf("before the pause ended: got %q, renewing %v, %d fetches after %d; want the first token and no new renewal",
			got, c.renewing(), f.calls.Load(), fetches)
	}
}

func TestRenewalRetriesWaitAJitteredDoublingTime(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		lo, hi   time.Duration
		attempt  int
		from, to time.Duration // the wait lies in [from, to)
	}{
		{"the first retry waits between half the minimum and the minimum", time.Second, 8 * time.Second, 1, 500 * time.Millisecond, time.Second},
		{"the second retry waits twice as long", time.Second, 8 * time.Second, 2, time.Second, 2 * time.Second},
		{"the third retry waits four times as long", time.Second, 8 * time.Second, 3, 2 * time.Second, 4 * time.Second},
		{"the fourth retry reaches the maximum", time.Second, 8 * time.Second, 4, 4 * time.Second, 8 * time.Second},
		{"later retries stay within the maximum", time.Second, 8 * time.Second, 7, 4 * time.Second, 8 * time.Second},
		{"a long minimum does not overflow at the 29th retry", 20 * time.Second, time.Minute, 29, 30 * time.Second, time.Minute},
		{"a long minimum does not overflow at the 30th retry", 20 * time.Second, time.Minute, 30, 30 * time.Second, time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			seen := map[time.Duration]bool{}
			for range 50 {
				got := renewPolicy{waitMin: tt.lo, waitMax: tt.hi}.wait(tt.attempt)
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

func TestTheDefaultRenewalPolicy(t *testing.T) {
	t.Parallel()
	want := renewPolicy{attempts: 3, waitMin: time.Second, waitMax: 8 * time.Second, fetchTimeout: 30 * time.Second}
	if got := newCachedSource(nil).retry; got != want {
		t.Errorf("a renewal is tried with %+v, want %+v: three attempts, 1 to 8 s apart, 30 s each", got, want)
	}
}

func TestCallersWithAUsableTokenDoNotWaitForTheRenewal(t *testing.T) {
	t.Parallel()
	clk := &clock{now: t0}
	release := make(chan struct{})
	f := &scriptedFetch{outcomes: []func(context.Context) (*oauth2.Token, error){issued("first"), gated("second", release)}}
	c := newTestCache(f, clk)
	mustToken(t, c, context.Background())
	clk.Set(t0.Add(57 * time.Minute)) // renewal due, token valid for 3 more minutes
	for range 5 {
		if got := mustToken(t, c, context.Background()); got != "first" {
			t.Fatalf("got %q while the renewal hangs, want the still-valid first token", got)
		}
	}
	close(release)
	eventually(t, "the renewed token being handed out", func() bool { return mustToken(t, c, context.Background()) == "second" })
	if n := f.calls.Load(); n != 2 {
		t.Errorf("%d fetches, want 2: one renewal for every caller", n)
	}
}

func TestAFailedRenewalKeepsTheValidTokenAndWarns(t *testing.T) {
	t.Parallel()
	for _, refused := range []bool{true, false} {
		name := "an outage"
		if refused {
			name = "a refusal"
		}
		t.Run("after "+name+" the current token is used and a warning logged", func(t *testing.T) {
			t.Parallel()
			clk := &clock{now: t0}
			f := &scriptedFetch{outcomes: []func(context.Context) (*oauth2.Token, error){issued("first"), failing(refused), failing(refused),
				failing(refused), issuedAt("second", clk)}}
			c := newTestCache(f, clk)
			mustToken(t, c, context.Background())
			clk.Set(t0.Add(57 * time.Minute))
			var logs bytes.Buffer
			ctx := tflogtest.RootLogger(context.Background(), &logs)
			if got := mustToken(t, c, ctx); got != "first" {
				t.Fatalf("got %q, want the still-valid first token", got)
			}
			eventually(t, "the renewal to fail", func() bool { return c.pendingFailure() })
			if got := mustToken(t, c, ctx); got != "first" {
				t.Fatalf("got %q after the failed renewal, want the still-valid first token", got)
			}
			if !strings.Contains(logs.String(), "Renewing the Partner Center token failed") || !strings.Contains(logs.String(), "AADSTS-like failure") {
				t.Errorf("no warning with the failure was logged:\n%s", logs.String())
			}
			wantFetches := int32(4) // the first token, then three attempts at an outage
			if refused {
				wantFetches = 2 // a refusal is not tried again
			}
			if n := f.calls.Load(); n != wantFetches {
				t.Errorf("%d fetches, want %d", n, wantFetches)
			}
			// The next renewal waits a pause, then runs again.
			mustToken(t, c, ctx)
			if n := f.calls.Load(); n != wantFetches {
				t.Errorf("%d fetches right after the failure, want no new renewal before the pause", n)
			}
		})
	}
}

func TestAnExpiredTokenWhoseRenewalFailsGivesTheError(t *testing.T) {
	t.Parallel()
	clk := &clock{now: t0}
	f := &scriptedFetch{outcomes: []func(context.Context) (*oauth2.Token, error){issued("first"), failing(true)}}
	c := newTestCache(f, clk)
	mustToken(t, c, context.Background())
	clk.Set(t0.Add(time.Hour))
	_, err := c.Token(context.Background())
	var te *TokenError
	if !errors.As(err, &te) {
		t.Fatalf("err = %v, want the renewal's TokenError", err)
	}
}

func TestOutagesAreRetriedAndRefusalsAreNot(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		outcomes  []func(context.Context) (*oauth2.Token, error)
		wantErr   bool
		wantFetch int32
	}{
		{"two outages then a token give the token", []func(context.Context) (*oauth2.Token, error){failing(false), failing(false), issued("t")}, false, 3},
		{"a refusal is given at once", []func(context.Context) (*oauth2.Token, error){failing(true), issued("t")}, true, 1},
		{"an outage that lasts gives up after the bounded attempts", []func(context.Context) (*oauth2.Token, error){failing(false)}, true, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := &scriptedFetch{outcomes: tt.outcomes}
			c := newTestCache(f, &clock{now: t0})
			_, err := c.Token(context.Background())
			if (err != nil) != tt.wantErr || f.calls.Load() != tt.wantFetch {
				t.Errorf("err = %v after %d fetches, want error %v after %d", err, f.calls.Load(), tt.wantErr, tt.wantFetch)
			}
		})
	}
}

func TestWaitersHonourTheirOwnContextWhileARenewalHangs(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	f := &scriptedFetch{outcomes: []func(context.Context) (*oauth2.Token, error){gated("only", release)}}
	c := newTestCache(f, &clock{now: t0})
	c.retry.fetchTimeout = time.Minute

	patient := make(chan string, 1)
	go func() { tok, _ := c.Token(context.Background()); patient <- tok }()

	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel) // Ctrl-C
	start := time.Now()
	_, err := c.Token(ctx)
	if !errors.Is(err, context.Canceled) || time.Since(start) > 2*time.Second {
		t.Fatalf("err = %v after %s, want context.Canceled soon after the cancel", err, time.Since(start))
	}
	close(release)
	select {
	case tok := <-patient:
		if tok != "only" {
			t.Errorf("the patient caller got %q, want the token", tok)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the patient caller never got the token")
	}
	if n := f.calls.Load(); n != 1 {
		t.Errorf("%d fetches, want 1", n)
	}
}

func TestAHungAttemptIsAbandonedAndRetried(t *testing.T) {
	t.Parallel()
	never := make(chan struct{})
	f := &scriptedFetch{outcomes: []func(context.Context) (*oauth2.Token, error){gated("never", never), issued("second try")}}
	c := newTestCache(f, &clock{now: t0})
	c.retry.fetchTimeout = 100 * time.Millisecond
	if got := mustToken(t, c, context.Background()); got != "second try" {
		t.Errorf("got %q, want the token of the attempt after the hung one", got)
	}
}

func TestOneRenewalServesManyConcurrentCallers(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	f := &scriptedFetch{outcomes: []func(context.Context) (*oauth2.Token, error){gated("shared", release)}}
	c := newTestCache(f, &clock{now: t0})
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() {
			if tok, err := c.Token(context.Background()); err != nil || tok != "shared" {
				t.Errorf("got %q, %v", tok, err)
			}
		})
	}
	time.Sleep(50 * time.Millisecond) // lets the callers gather; they pass however many do
	close(release)
	wg.Wait()
	if n := f.calls.Load(); n != 1 {
		t.Errorf("%d fetches for 50 callers, want 1", n)
	}
}

// renewing reports whether a renewal is in flight.
func (c *cachedSource) renewing() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.renewal != nil
}

// pendingFailure reports whether a failed renewal awaits its warning.
func (c *cachedSource) pendingFailure() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.failure != nil
}

// A token Partner Center refuses once its renewal is due may have expired on its way: it is no
// longer handed out and the refused call gets the next one. Refused well within its life, it is
// refused for another reason, and a new token would be refused too.
func TestARefusedTokenIsRenewedOnlyWhenItMayHaveExpiredOnItsWay(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		at        time.Duration // after the issue of an hour-long token, renewal due at 55m
		refused   string
		want      string
		wantOK    bool
		wantFetch int32
	}{
		{"refused well within its life, the refusal stands", 30 * time.Minute, "first", "", false, 1},
		{"refused a moment before its renewal, the refusal stands", 55*time.Minute - time.Millisecond, "first", "", false, 1},
		{"refused once its renewal is due, it is renewed", 55 * time.Minute, "first", "second", true, 2},
		{"refused in its last moments, it is renewed", 59*time.Minute + 50*time.Second, "first", "second", true, 2},
		{"a token already replaced: the current one is handed out", 30 * time.Minute, "older", "first", true, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			clk := &clock{now: t0}
			f := &scriptedFetch{outcomes: []func(context.Context) (*oauth2.Token, error){issuedFor("first", time.Hour), issuedFor("second", 2*time.Hour)}}
			c := newTestCache(f, clk)
			mustToken(t, c, context.Background())
			clk.Set(t0.Add(tt.at))
			if tt.at < 55*time.Minute {
				// No background renewal may start before the refusal is judged.
				if got := tokenAtOnce(t, c); got != "first" {
					t.Fatalf("handed out %q, want first", got)
				}
			}
			got, ok, err := c.RenewRefused(context.Background(), tt.refused)
			if err != nil || got != tt.want || ok != tt.wantOK {
				t.Fatalf("RenewRefused = %q, %v, %v; want %q, %v", got, ok, err, tt.want, tt.wantOK)
			}
			if tt.wantOK && tt.want == "second" {
				if next := tokenAtOnce(t, c); next != "second" {
					t.Errorf("after the renewal the cache hands out %q, want second", next)
				}
			}
			eventually(t, "the renewals settle", func() bool { return !c.renewing() })
			if n := f.calls.Load(); n != tt.wantFetch {
				t.Errorf("%d fetches, want %d", n, tt.wantFetch)
			}
		})
	}
}

func TestARefusedTokenWhoseRenewalFailsGivesTheRenewalsError(t *testing.T) {
	t.Parallel()
	clk := &clock{now: t0}
	f := &scriptedFetch{outcomes: []func(context.Context) (*oauth2.Token, error){issuedFor("first", time.Hour), failing(true)}}
	c := newTestCache(f, clk)
	mustToken(t, c, context.Background())
	clk.Set(t0.Add(59 * time.Minute))
	if _, ok, err := c.RenewRefused(context.Background(), "first"); ok || err == nil {
		t.Errorf("ok %v, err %v; want the renewal's error", ok, err)
	}
}

func TestAStaticTokenStaysRefused(t *testing.T) {
	t.Parallel()
	src, err := New(Config{AccessToken: "static"}, Endpoints{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if tok, ok, err := src.RenewRefused(context.Background(), "static"); ok || err != nil || tok != "" {
		t.Errorf("RenewRefused = %q, %v, %v; want the refusal to stand", tok, ok, err)
	}
}

// A failed background renewal moves the next renewal later, not the token's own renewal time: a
// refusal after that time still renews.
func TestARefusalAfterAFailedRenewalStillRenews(t *testing.T) {
	t.Parallel()
	clk := &clock{now: t0}
	f := &scriptedFetch{outcomes: []func(context.Context) (*oauth2.Token, error){
		issuedFor("first", time.Hour), failing(false), failing(false), failing(false), issuedFor("second", 2*time.Hour)}}
	c := newTestCache(f, clk)
	mustToken(t, c, context.Background())
	clk.Set(t0.Add(56 * time.Minute)) // the renewal is due: it starts, fails three times, and pauses 15 s
	if got := tokenAtOnce(t, c); got != "first" {
		t.Fatalf("handed out %q, want first", got)
	}
	eventually(t, "the failed renewal", func() bool { return !c.renewing() && f.calls.Load() == 4 })
	got, ok, err := c.RenewRefused(context.Background(), "first")
	if err != nil || !ok || got != "second" {
		t.Errorf("RenewRefused = %q, %v, %v; want the second token", got, ok, err)
	}
}

// When the renewal a refusal asked for fails, the refused token is not withdrawn: the other calls
// keep using it while it lasts, as after any failed renewal.
func TestARefusalWhoseRenewalFailsKeepsTheTokenForOthers(t *testing.T) {
	t.Parallel()
	clk := &clock{now: t0}
	f := &scriptedFetch{outcomes: []func(context.Context) (*oauth2.Token, error){issuedFor("first", time.Hour), failing(false)}}
	c := newTestCache(f, clk)
	mustToken(t, c, context.Background())
	clk.Set(t0.Add(57 * time.Minute))
	if _, ok, err := c.RenewRefused(context.Background(), "first"); ok || err == nil {
		t.Fatalf("ok %v, err %v; want the renewal's failure", ok, err)
	}
	if got := tokenAtOnce(t, c); got != "first" {
		t.Errorf("after the failed renewal the cache hands out %q, want the first token, which still lasts", got)
	}
}

// A token's lifetime is counted on the cache's clock from when it arrived (expires_in), not from
// the wall-clock expiry the OAuth2 library stamps: tests move the cache's clock instead of
// sleeping, and a token must then age with it.
func TestATokensLifetimeIsCountedOnTheCachesClock(t *testing.T) {
	t.Parallel()
	wallStamped := func(name string) func(context.Context) (*oauth2.Token, error) {
		return func(context.Context) (*oauth2.Token, error) {
			return &oauth2.Token{AccessToken: name, ExpiresIn: 3600, Expiry: time.Now().Add(time.Hour)}, nil
		}
	}
	f := &scriptedFetch{outcomes: []func(context.Context) (*oauth2.Token, error){wallStamped("first"), wallStamped("second")}}
	clk := &clock{now: t0}
	c := newTestCache(f, clk)
	if got := mustToken(t, c, context.Background()); got != "first" {
		t.Fatalf("got %q", got)
	}
	clk.Set(t0.Add(61 * time.Minute))
	if got := mustToken(t, c, context.Background()); got != "second" {
		t.Errorf("an hour-long token 61 minutes old on the cache's clock: got %q, want it renewed", got)
	}
	clk.Set(t0.Add(100 * time.Minute))
	if got := mustToken(t, c, context.Background()); got != "second" || f.calls.Load() != 2 {
		t.Errorf("got %q after %d fetches, want the renewed token, which the cache's clock says has 21 minutes left", got, f.calls.Load())
	}
}

func TestExpiresInIsReadWhereverTheLibraryKeptIt(t *testing.T) {
	t.Parallel()
	for name, tt := range map[string]struct {
		token *oauth2.Token
		want  float64
	}{
		"in ExpiresIn":                      {&oauth2.Token{ExpiresIn: 3599}, 3599},
		"among the answer's fields":         {(&oauth2.Token{}).WithExtra(map[string]any{"expires_in": float64(3600)}), 3600},
		"quoted, as some endpoints send it": {(&oauth2.Token{}).WithExtra(map[string]any{"expires_in": "1800"}), 1800},
		"not a number":                      {(&oauth2.Token{}).WithExtra(map[string]any{"expires_in": "soon"}), 0},
		"absent (a managed identity's)":     {&oauth2.Token{Expiry: t0}, 0},
	} {
		if got := expiresIn(tt.token); got != tt.want {
			t.Errorf("%s: %v, want %v", name, got, tt.want)
		}
	}
	kept := &oauth2.Token{AccessToken: "static", Expiry: t0}
	if got := onClock(kept, t0.Add(time.Hour)); got != kept {
		t.Errorf("a token without expires_in was restamped: %+v", got)
	}
}
