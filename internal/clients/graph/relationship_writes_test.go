// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graph

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

const globalAdmin = "62e90394-69f5-4237-9190-012177145e10"

func TestARelationshipIsCreatedLockedChangedAndDeleted(t *testing.T) {
	t.Parallel()
	c, emu, _ := emulated(t)
	ctx := bounded(t)
	rel, err := c.CreateRelationship(ctx, NewRelationship{DisplayName: "Contoso", Duration: "P730D",
		CustomerTenantID: customer, Roles: []string{readerRole}})
	if err != nil || rel.Status != "created" || rel.ETag == "" || rel.CustomerTenantID != customer {
		t.Fatalf("created %+v, %v", rel, err)
	}
	renamed := "Contoso admins"
	changed, err := c.UpdateRelationship(ctx, rel.ID, rel.ETag, RelationshipChange{DisplayName: &renamed})
	if err != nil || changed.DisplayName != renamed || changed.ETag == rel.ETag {
		t.Fatalf("changed %+v, %v", changed, err)
	}
	if err := c.DeleteRelationship(ctx, rel.ID, rel.ETag); !isStale(err) {
		t.Fatalf("a delete with the ETag before the change: %v, want a stale ETag", err)
	}
	if err := c.DeleteRelationship(ctx, rel.ID, changed.ETag); err != nil {
		t.Fatal(err)
	}
	if n := len(emu.Graph().Relationships()); n != 0 {
		t.Fatalf("%d relationships left", n)
	}
}

func isStale(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.IsStale()
}

func TestACreateIsNotSentAgainAfterAFailureButIsAfterThrottling(t *testing.T) {
	t.Parallel()
	c, emu, _ := emulated(t)
	emu.Inject(emulator.Fault{Method: http.MethodPost, Status: http.StatusInternalServerError})
	_, err := c.CreateRelationship(bounded(t), NewRelationship{DisplayName: "Contoso", Duration: "P730D", Roles: []string{readerRole}})
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusInternalServerError || apiErr.Code != "unexpectedError" {
		t.Fatalf("got %v, want the 500 itself: a second POST could create a second relationship", err)
	}
	emu.Inject(emulator.Fault{Method: http.MethodPost, Status: http.StatusTooManyRequests, RetryAfter: time.Millisecond})
	if _, err := c.CreateRelationship(bounded(t), NewRelationship{DisplayName: "Contoso", Duration: "P730D",
		Roles: []string{readerRole}}); err != nil {
		t.Fatalf("a throttled create was not sent again: %v", err)
	}
	found, err := c.FindRelationshipByName(bounded(t), "contoso") // names compare in any case
	if err != nil || found == nil || found.DisplayName != "Contoso" {
		t.Fatalf("found %+v, %v", found, err)
	}
	if none, err := c.FindRelationshipByName(bounded(t), "Fabrikam"); none != nil || err != nil {
		t.Fatalf("found %+v, %v for a name nobody has", none, err)
	}
}

func TestALongRunningChangeIsFollowedUntilItEnds(t *testing.T) {
	t.Parallel()
	c, emu, base := emulated(t)
	id := seedLockedAndApproved(t, c, emu, base, globalAdmin, readerRole)
	emu.Graph().SetOperationPolls(2)
	emu.ResetRequests()
	rel, err := c.GetRelationship(bounded(t), id)
	if err != nil {
		t.Fatal(err)
	}
	changed, err := c.UpdateRelationship(bounded(t), id, rel.ETag, RelationshipChange{Roles: []string{readerRole}})
	if err != nil || len(changed.Roles) != 1 || changed.Roles[0] != readerRole {
		t.Fatalf("changed %+v, %v", changed, err)
	}
	polls := 0
	for _, r := range emu.Requests() {
		if strings.Contains(r.Path, "/operations/") {
			polls++
		}
	}
	if polls != 3 {
		t.Errorf("the operation was polled %d times, want 3 (running, running, succeeded)", polls)
	}
}

func seedLockedAndApproved(t *testing.T, c *Client, emu *emulator.Server, base string, roles ...string) string {
	t.Helper()
	rel, err := c.CreateRelationship(bounded(t), NewRelationship{DisplayName: "Contoso", Duration: "P730D", Roles: roles})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.RequestAction(bounded(t), rel.ID, ActionLockForApproval); err != nil {
		t.Fatal(err)
	}
	if err := emu.Graph().Approve(rel.ID, customer, "Contoso"); err != nil {
		t.Fatal(err)
	}
	return rel.ID
}

// operationServer accepts a PATCH with 202 and answers the operation it names with status.
func operationServer(t *testing.T, location string, status string) *Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPatch {
			if location != "" {
				w.Header().Set("Location", strings.ReplaceAll(location, "{self}", "http://"+r.Host))
			}
			w.WriteHeader(http.StatusAccepted)
			return
		}
		w.Header().Set("request-id", "op-request")
		_, _ = w.Write([]byte(`{"id": "op-1", "status": "` + status + `"}`))
	}))
	t.Cleanup(srv.Close)
	return newClient(t, srv.URL)
}

func TestALongRunningChangeThatFailsOrCannotBeFollowedIsAnError(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct{ location, status, want string }{
		"failed":         {"{self}/v1.0/op", "failed", "operation op-1 failed [request-id: op-request]"},
		"no location":    {"", "succeeded", "named no operation to follow"},
		"another host":   {"https://elsewhere.example/v1.0/op", "succeeded", "leaves"},
		"without status": {"{self}/v1.0/op", "", "gives the operation no status"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c := operationServer(t, tc.location, tc.status)
			_, err := c.UpdateRelationship(bounded(t), "r-1", `W/"1"`, RelationshipChange{Roles: []string{readerRole}})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error saying %q", err, tc.want)
			}
		})
	}
}

func TestAWaitEndsWithItsContextAndSaysWhereTheRelationshipStands(t *testing.T) {
	t.Parallel()
	c, _, base := emulated(t)
	id := seed(t, base, "Contoso", customer)
	ctx, cancel := context.WithTimeout(bounded(t), 700*time.Millisecond)
	defer cancel()
	var reads atomic.Int32
	start := time.Now()
	rel, err := c.WaitRelationship(ctx, id, "", false, func(*Relationship) bool { reads.Add(1); return false })
	if !errors.Is(err, context.DeadlineExceeded) || rel == nil || !strings.Contains(err.Error(), "is still created") {
		t.Fatalf("got %+v, %v; want the deadline, saying the relationship is still created", rel, err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("the wait took %v after a 700ms deadline", took)
	}
	if n := reads.Load(); n < 2 || n > 3 { // at 0 and 500 ms; the next would come at 1.5 s
		t.Errorf("read %d times in 700ms, want 2 (polls start at 500 ms and double)", n)
	}
}

func TestPollWaitsDoubleUpToTheCeilingAndTakeGraphsRetryAfter(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		attempt    int
		retryAfter time.Duration
		want       time.Duration
	}{
		{0, 0, FirstPollInterval}, {1, 0, 2 * FirstPollInterval}, {3, 0, 8 * FirstPollInterval},
		{10, 0, MaxPollInterval}, {0, 3 * time.Second, 3 * time.Second}, {0, time.Hour, MaxPollInterval},
	} {
		if got := pollWait(tc.attempt, tc.retryAfter); got != tc.want {
			t.Errorf("pollWait(%d, %v) = %v, want %v", tc.attempt, tc.retryAfter, got, tc.want)
		}
	}
}

// A request Graph carries out on its own and reports failed ends the wait at once, naming it,
// instead of leaving the relationship to be waited for until the deadline.
func TestAFailedRequestEndsTheWaitForItsRelationship(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("request-id", "graph-request")
		if strings.Contains(r.URL.Path, "/requests/") {
			_, _ = w.Write([]byte(`{"id": "q-1", "action": "terminate", "status": "failed"}`))
			return
		}
		_, _ = w.Write([]byte(strings.ReplaceAll(oneRelationship, `"id": "r1"`, `"id": "r-1"`)))
	}))
	t.Cleanup(srv.Close)
	c := newClient(t, srv.URL)
	ctx, cancel := context.WithTimeout(bounded(t), time.Minute)
	defer cancel()
	start := time.Now()
	_, err := c.WaitRelationship(ctx, "r-1", "q-1", false, func(r *Relationship) bool { return r.Status == "terminated" })
	var failed *RequestFailedError
	if !errors.As(err, &failed) || failed.RequestID != "q-1" {
		t.Fatalf("got %v, want the failed request q-1", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the failed request ended the wait after %v", took)
	}
}

func TestALongRunningChangeIsWaitedForUntilReadsShowIt(t *testing.T) {
	t.Parallel()
	c, emu, base := emulated(t)
	id := seedLockedAndApproved(t, c, emu, base, globalAdmin, readerRole)
	emu.Graph().SetChangeLag(1200 * time.Millisecond)
	rel, err := c.GetRelationship(bounded(t), id)
	if err != nil {
		t.Fatal(err)
	}
	changed, err := c.UpdateRelationship(bounded(t), id, rel.ETag, RelationshipChange{Roles: []string{readerRole}})
	if err != nil || len(changed.Roles) != 1 || changed.Roles[0] != readerRole {
		t.Fatalf("changed %+v, %v; want the change as reads show it once they do", changed, err)
	}
}

func TestNoChangeIsSentWithoutAnETag(t *testing.T) {
	t.Parallel()
	c, emu, base := emulated(t)
	id := seedLockedAndApproved(t, c, emu, base, globalAdmin, readerRole)
	emu.ResetRequests()
	_, errUpdate := c.UpdateRelationship(bounded(t), id, "", RelationshipChange{Roles: []string{readerRole}})
	errDelete := c.DeleteRelationship(bounded(t), id, " ")
	_, errAssign := c.UpdateAccessAssignment(bounded(t), id, "a-1", "", []string{readerRole})
	errUnassign := c.DeleteAccessAssignment(bounded(t), id, "a-1", "")
	for _, err := range []error{errUpdate, errDelete, errAssign, errUnassign} {
		if err == nil || !strings.Contains(err.Error(), "no ETag is known") {
			t.Errorf("a change without an ETag: %v, want it refused before sending", err)
		}
	}
	if n := len(emu.Requests()); n != 0 {
		t.Errorf("%d requests were sent, want none", n)
	}
}
