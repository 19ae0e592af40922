package client

import (
	"context"
	"fmt"
	"time"
)

// Defaults for the conflict loop of ApplyCustomerBillingProfile.
const (
	DefaultConflictAttempts = 5
	DefaultConflictWaitMin  = 200 * time.Millisecond
	DefaultConflictWaitMax  = 3 * time.Second
)

// ConflictError says that the profile kept changing under the caller: every PUT met a stale ETag.
type ConflictError struct {
	CustomerID string
	Attempts   int
	// Last is the last 412 (or 400/2055) answer.
	Last error
}

// Error names the customer and how often the update was tried.
func (e *ConflictError) Error() string {
	return fmt.Sprintf("the billing profile of customer %s was changed by another writer before each of %d updates; "+
		"another process keeps changing it: %v", e.CustomerID, e.Attempts, e.Last)
}

// Unwrap returns the last stale-ETag answer.
func (e *ConflictError) Unwrap() error { return e.Last }

// ApplyCustomerBillingProfile writes change over base, the profile as last read, and PUTs the
// result with base's ETag. When the ETag is stale (someone else changed the profile) it reads the
// profile again, writes change over that fresh copy, so that the other writer's changes to the
// fields change does not touch are kept, and tries again, up to Config.ConflictAttempts times.
// When the result equals the profile it starts from, nothing is sent: a profile that already
// holds the change (a retried PUT that had succeeded, say) is success. It returns the profile as
// Partner Center now holds it.
func (c *Client) ApplyCustomerBillingProfile(ctx context.Context, customerID string, base *BillingProfile,
	change func(*BillingProfile)) (*BillingProfile, error) {
	if base == nil || len(base.missingFields()) > 0 {
		// A PUT replaces the whole profile, so a base that is not a whole profile (one kept from
		// an older run, say) is never written back: start from what Partner Center holds.
		var err error
		if base, err = c.GetCustomerBillingProfile(ctx, customerID); err != nil {
			return nil, err
		}
	}
	for attempt := 1; ; attempt++ {
		desired := base.Clone()
		change(desired)
		if desired.Equal(base) {
			return base, nil
		}
		updated, err := c.UpdateCustomerBillingProfile(ctx, customerID, desired)
		if !IsPreconditionFailed(err) {
			return updated, err
		}
		if attempt >= c.conflict.attempts {
			return nil, &ConflictError{CustomerID: customerID, Attempts: attempt, Last: err}
		}
		if err := sleep(ctx, jittered(c.conflict.waitMin, c.conflict.waitMax, attempt-1)); err != nil {
			return nil, err
		}
		if base, err = c.GetCustomerBillingProfile(ctx, customerID); err != nil {
			return nil, err
		}
	}
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
