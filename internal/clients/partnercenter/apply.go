// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"
	"fmt"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

// Defaults for the conflict loop of ApplyCustomerBillingProfile.
const (
	DefaultConflictAttempts = 5
	DefaultConflictWaitMin  = 200 * time.Millisecond
	DefaultConflictWaitMax  = 3 * time.Second
)

// ConflictError says that every PUT of ApplyCustomerBillingProfile met a stale-ETag answer (412,
// or 400 with code 2055). After each, the profile was read again; comparing the ETag read with the
// one the update had sent tells the two causes apart: another writer changing the profile, or
// Partner Center refusing an update although nothing had changed (it rejected the ETag itself).
type ConflictError struct {
	CustomerID string
	// Attempts is how many PUTs were sent.
	Attempts int
	// Rereads is how many re-reads after a stale-ETag answer succeeded, and Changes how many of
	// them found a new ETag: the profile had been changed by someone else.
	Rereads, Changes int
	// SentETag is the ETag the last PUT sent, as Partner Center gave it.
	SentETag string
	// Last is the last stale-ETag answer.
	Last error
}

// ChangedByAnotherWriter reports whether a re-read found the profile changed by someone else, so
// that the conflict is a concurrent writer's doing. When false and Rereads is not zero, every
// re-read gave back the very ETag the update had sent: nobody else changed the profile, and
// Partner Center refused the update for another reason.
func (e *ConflictError) ChangedByAnotherWriter() bool { return e.Changes > 0 }

// Error names the customer, how often the update was tried and which cause the re-reads showed.
func (e *ConflictError) Error() string {
	if e.ChangedByAnotherWriter() {
		return fmt.Sprintf("the billing profile of customer %s was changed by another writer while it was updated: "+
			"%s met a stale ETag and re-reading found the profile changed %s; another process keeps changing it: %v",
			e.CustomerID, transport.Plural(e.Attempts, "update"), transport.Plural(e.Changes, "time"), e.Last)
	}
	if e.Rereads > 0 {
		return fmt.Sprintf("Partner Center refused %s of the billing profile of customer %s as stale, yet nobody changed "+
			"the profile: re-reading it gave back the very ETag the update had sent (%s). Partner Center rejected the "+
			"update itself rather than a concurrent change; give Microsoft support the request ids: %v",
			transport.Plural(e.Attempts, "update"), e.CustomerID, e.SentETag, e.Last)
	}
	return fmt.Sprintf("%s of the billing profile of customer %s met a stale ETag: %v",
		transport.Plural(e.Attempts, "update"), e.CustomerID, e.Last)
}

// Unwrap returns the last stale-ETag answer.
func (e *ConflictError) Unwrap() error { return e.Last }

// ApplyCustomerBillingProfile writes change over base, the profile as last read, and PUTs the
// result with base's ETag. When the ETag is stale (someone else changed the profile) it reads the
// profile again, writes change over that fresh copy, so that the other writer's changes to the
// fields change does not touch are kept, and tries again, up to Config.ConflictAttempts times.
// When the result equals the profile it starts from, nothing is sent: a profile that already
// holds the change (a retried PUT that had succeeded, say) is success. It returns the profile as
// Partner Center now holds it; when every attempt meets a stale ETag, a *ConflictError.
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
	var conflict *ConflictError
	for attempt := 1; ; attempt++ {
		desired := base.Clone()
		change(desired)
		if desired.Equal(base) {
			return base, nil
		}
		if attempt > c.conflict.attempts {
			return nil, conflict
		}
		updated, err := c.UpdateCustomerBillingProfile(ctx, customerID, desired)
		if !IsPreconditionFailed(err) {
			return updated, err
		}
		if conflict == nil {
			conflict = &ConflictError{CustomerID: customerID}
		}
		conflict.Attempts, conflict.SentETag, conflict.Last = attempt, desired.ETag, err
		if base, err = c.reread(ctx, customerID, attempt, conflict); err != nil {
			return nil, err
		}
	}
}

// reread reads the profile again after a stale-ETag answer, after a jittered wait unless no
// attempt is left, and counts in conflict whether someone else had changed it. After the last
// attempt the re-read still matters: it tells the error's cause, and it may show the change
// already made (the first PUT of a retried pair had succeeded).
func (c *Client) reread(ctx context.Context, customerID string, attempt int, conflict *ConflictError) (*BillingProfile, error) {
	if attempt < c.conflict.attempts {
		wait := transport.JitteredBackoff(c.conflict.waitMin, c.conflict.waitMax, attempt-1)
		if err := sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("waiting %s to retry the update of customer %s after a stale ETag: %w", wait, customerID, err)
		}
	}
	fresh, err := c.GetCustomerBillingProfile(ctx, customerID)
	if err != nil {
		return nil, fmt.Errorf("re-reading the billing profile after update %d met a stale ETag: %w", attempt, err)
	}
	conflict.Rereads++
	if fresh.ETag != conflict.SentETag {
		conflict.Changes++
	}
	return fresh, nil
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
