// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package credential

import (
	"context"
	"errors"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

func TestAFailedExchangeKeepsTheRefreshTokenThatStillWorks(t *testing.T) {
	t.Parallel()
	rts := newRefreshTokens("rt-1")
	var sent []string
	exchange := func(answer *oauth2.Token, err error) {
		_, _ = rts.exchange(func(rt string) (*oauth2.Token, error) {
			sent = append(sent, rt)
			return answer, err
		})
	}
	exchange(&oauth2.Token{AccessToken: "a", RefreshToken: "rt-2"}, nil)
	exchange(nil, errors.New("AADSTS50058: outage"))
	exchange(&oauth2.Token{AccessToken: "b"}, nil) // no rotation: the token stays
	exchange(&oauth2.Token{AccessToken: "c", RefreshToken: "rt-3"}, nil)
	exchange(nil, errors.New("boom"))
	want := []string{"rt-1", "rt-2", "rt-2", "rt-2", "rt-3"}
	for i := range want {
		if i >= len(sent) || sent[i] != want[i] {
			t.Fatalf("exchanges sent %v, want %v", sent, want)
		}
	}
}

func TestWaitingForTheTurnEndsWithTheContext(t *testing.T) {
	t.Parallel()
	rts := newRefreshTokens("rt")
	release, err := rts.take(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := rts.take(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a second take while the turn is held returned %v, want the context's deadline", err)
	}
	release()
	again, err := rts.take(context.Background())
	if err != nil {
		t.Fatalf("the turn given back could not be taken again: %v", err)
	}
	again()
}

// The wait for the other API's exchange must not eat the attempt's own timeout: an exchange that
// takes longer than fetchTimeout to hand the turn over does not make the next attempt fail.
func TestTheTurnIsWaitedForOutsideTheAttemptsTimeout(t *testing.T) {
	t.Parallel()
	rts := newRefreshTokens("rt")
	held, err := rts.take(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	f := &scriptedFetch{outcomes: []func(context.Context) (*oauth2.Token, error){
		func(ctx context.Context) (*oauth2.Token, error) {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return &oauth2.Token{AccessToken: "after the turn", Expiry: t0.Add(time.Hour)}, nil
		},
	}}
	c := newTestCache(f, &clock{now: t0})
	c.retry.fetchTimeout = 50 * time.Millisecond
	c.retry.attempts = 1
	c.turn = rts.take
	go func() {
		time.Sleep(150 * time.Millisecond) // three attempt timeouts
		held()
	}()
	if got := mustToken(t, c, context.Background()); got != "after the turn" {
		t.Errorf("got %q", got)
	}
}
