// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graph

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

// Polling bounds: the first poll comes soon, as the emulator and a quick Graph finish in a second
// or two, and the interval doubles up to a ceiling that keeps a long wait from costing many calls.
// Graph's Retry-After on an operation overrides them, within MaxPollInterval.
const (
	FirstPollInterval = 500 * time.Millisecond
	MaxPollInterval   = 15 * time.Second
)

// poll calls step until it reports done or fails, waiting between calls as pollWait says; ctx's
// deadline bounds the whole wait, and cancelling ctx (Ctrl-C) ends it at once.
func poll(ctx context.Context, step func(attempt int) (done bool, retryAfter time.Duration, err error)) error {
	for attempt := 0; ; attempt++ {
		done, retryAfter, err := step(attempt)
		if err != nil || done {
			return err
		}
		t := time.NewTimer(pollWait(attempt, retryAfter))
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// pollWait is how long to wait before poll attempt+1: what Graph asked, or the doubling interval,
// never more than MaxPollInterval.
func pollWait(attempt int, retryAfter time.Duration) time.Duration {
	if retryAfter > 0 {
		return min(retryAfter, MaxPollInterval)
	}
	d := FirstPollInterval
	for i := 0; i < attempt && d < MaxPollInterval; i++ {
		d *= 2
	}
	return min(d, MaxPollInterval)
}

// followOperation polls the long-running operation a 202 names in Location until it succeeds;
// an operation that fails, or a 202 that names none, is an error.
func (c *Client) followOperation(ctx context.Context, accepted http.Header) error {
	location := accepted.Get("Location")
	if location == "" {
		return fmt.Errorf("microsoft graph accepted the change (HTTP 202) but named no operation to follow in Location")
	}
	target, err := c.link(location)
	if err != nil {
		return err
	}
	first := retryAfter(accepted)
	return poll(ctx, func(attempt int) (bool, time.Duration, error) {
		if attempt == 0 && first > 0 {
			return false, first, nil // Graph asked to wait before the first look
		}
		var op struct {
			ID     string `json:"id"`
			Status string `json:"status"`
		}
		header, err := c.do(ctx, call{method: http.MethodGet, target: target, out: &op, check: func() error {
			if op.Status == "" {
				return fmt.Errorf("it gives the operation no status")
			}
			return nil
		}})
		if err != nil {
			return false, 0, err
		}
		switch op.Status {
		case "succeeded":
			return true, 0, nil
		case "failed":
			return false, 0, fmt.Errorf("microsoft graph reports that operation %s failed [request-id: %s]", op.ID, header.Get(headerRequestID))
		}
		return false, retryAfter(header), nil
	})
}

// retryAfter is the wait an answer's Retry-After asks for, zero for none.
func retryAfter(h http.Header) time.Duration {
	d, ok := transport.RetryAfter(&http.Response{Header: h}, time.Now())
	if !ok {
		return 0
	}
	return d
}

// WaitRelationship reads relationship id until done says it is where the caller waits for it,
// and gives it then. With a requestID (RequestAction's), each read that finds it not done also
// reads the request, and a request Graph reports failed ends the wait at once
// (*RequestFailedError) instead of at the deadline. A relationship Graph does not show yet counts
// as not done while tolerateNotFound; ctx's deadline bounds the wait.
func (c *Client) WaitRelationship(ctx context.Context, id, requestID string, tolerateNotFound bool,
	done func(*Relationship) bool) (*Relationship, error) {
	var last *Relationship
	err := poll(ctx, func(int) (bool, time.Duration, error) {
		rel, err := c.GetRelationship(ctx, id)
		var apiErr *APIError
		if errors.As(err, &apiErr) && apiErr.IsNotFound() && tolerateNotFound {
			return false, 0, nil
		}
		if err != nil {
			return false, 0, err
		}
		last = rel
		if done(rel) {
			return true, 0, nil
		}
		if requestID != "" {
			return false, 0, c.requestFailed(ctx, id, requestID)
		}
		return false, 0, nil
	})
	if err != nil && last != nil && ctx.Err() != nil {
		return last, fmt.Errorf("relationship %s is still %s: %w", id, last.Status, err)
	}
	return last, err
}
