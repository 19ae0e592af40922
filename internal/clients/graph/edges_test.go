// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graph

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// Tests of the client's edges: answers that are almost right, statuses that change the path a
// call takes, waits that end. Each pins a behaviour a single changed condition would break.

// routes answers each request by "METHOD /path" with the next of its answers (the last again
// when they run out), and records every request with its body.
type routes struct {
	mu      sync.Mutex
	answers map[string][]func(http.ResponseWriter, *http.Request)
	served  map[string]int
	bodies  []string
	agents  []string
}

func serveRoutes(t *testing.T, answers map[string][]func(http.ResponseWriter, *http.Request)) (*Client, *routes) {
	t.Helper()
	r := &routes{answers: answers, served: map[string]int{}}
	srv := httptest.NewServer(r)
	t.Cleanup(srv.Close)
	return newClient(t, srv.URL), r
}

func (rt *routes) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	key := r.Method + " " + r.URL.Path
	rt.mu.Lock()
	rt.bodies = append(rt.bodies, string(b))
	rt.agents = append(rt.agents, r.Header.Get("User-Agent"))
	n := rt.served[key]
	rt.served[key]++
	answers := rt.answers[key]
	rt.mu.Unlock()
	if len(answers) == 0 {
		page(http.StatusNotFound, `{"error": {"code": "unexpected", "message": "no route `+key+`"}}`)(w, r)
		return
	}
	answers[min(n, len(answers)-1)](w, r)
}

func (rt *routes) count(key string) int {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return rt.served[key]
}

const (
	relPath = relationshipsPath + "/r1"
	asgPath = relPath + "/accessAssignments"
)

func assignmentJSON(id, group, status string) string {
	return fmt.Sprintf(`{"@odata.etag": "W/\"1\"", "id": %q, "status": %q, "accessContainer": {"accessContainerId": %q}, `+
		`"accessDetails": {"unifiedRoles": [{"roleDefinitionId": %q}]}}`, id, status, group, readerRole)
}

func relationshipJSON(id, status string, roles ...string) string {
	var rs []string
	for _, r := range roles {
		rs = append(rs, fmt.Sprintf(`{"roleDefinitionId": %q}`, r))
	}
	return fmt.Sprintf(`{"@odata.etag": "W/\"2\"", "id": %q, "displayName": "Contoso", "status": %q, "duration": "P730D", `+
		`"customer": {"tenantId": %q}, "accessDetails": {"unifiedRoles": [%s]}}`, id, status, customer, strings.Join(rs, ", "))
}

func TestACreatedAssignmentMustBeWholeAndForTheGroupAsked(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct{ body, want string }{
		"another group": {assignmentJSON("a-1", "00000000-0000-0000-0000-000000000009", "created"), "gives access to group 00000000-0000-0000-0000-000000000009"},
		"no status":     {`{"@odata.etag": "W/\"1\"", "id": "a-1", "accessContainer": {"accessContainerId": "g"}, "accessDetails": {"unifiedRoles": []}}`, "lacks its id or status"},
		"no group id":   {`{"@odata.etag": "W/\"1\"", "id": "a-1", "status": "created", "accessContainer": {}, "accessDetails": {"unifiedRoles": []}}`, "names no security group"},
		"no details":    {`{"@odata.etag": "W/\"1\"", "id": "a-1", "status": "created", "accessContainer": {"accessContainerId": "g"}}`, "lacks accessDetails.unifiedRoles"},
		"details without roles": {`{"@odata.etag": "W/\"1\"", "id": "a-1", "status": "created", "accessContainer": {"accessContainerId": "g"}, "accessDetails": {}}`,
			"lacks accessDetails.unifiedRoles"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, _ := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){"POST " + asgPath: {page(http.StatusCreated, tc.body)}})
			a, err := c.CreateAccessAssignment(bounded(t), "r1", helpdeskGroup, []string{readerRole})
			var unusable *AnswerError
			if !errors.As(err, &unusable) || !strings.Contains(err.Error(), tc.want) || a != nil {
				t.Errorf("got %+v, %v; want an unusable answer saying %q", a, err, tc.want)
			}
		})
	}
	c, _ := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){"POST " + asgPath: {page(http.StatusCreated, assignmentJSON("a-1", helpdeskGroup, "created"))}})
	if a, err := c.CreateAccessAssignment(bounded(t), "r1", strings.ToUpper(helpdeskGroup), []string{readerRole}); err != nil || a.ID != "a-1" {
		t.Errorf("a whole answer for the group (in other case): %+v, %v", a, err)
	}
}

func TestAConflictOnCreateNamesTheGroupsAssignmentOrWhyItCannot(t *testing.T) {
	t.Parallel()
	conflict := page(http.StatusConflict, `{"error": {"code": "conflict", "message": "exists"}}`)
	listing := func(items ...string) func(http.ResponseWriter, *http.Request) {
		return page(http.StatusOK, `{"value": [`+strings.Join(items, ", ")+`]}`)
	}
	tests := map[string]struct {
		list         func(http.ResponseWriter, *http.Request)
		wantConflict bool
		want         string
	}{
		"the group's assignment is listed": {listing(assignmentJSON("a-7", helpdeskGroup, "active")), true, "already has access assignment a-7"},
		"only a deleted one is listed":     {listing(assignmentJSON("a-7", helpdeskGroup, "deleted"), assignmentJSON("a-8", helpdeskGroup, "deleting")), false, "HTTP 409"},
		"the list fails too":               {page(http.StatusForbidden, `{"error": {"code": "denied", "message": "no"}}`), false, "looking for the group's assignment after it failed too"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, _ := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){"POST " + asgPath: {conflict}, "GET " + asgPath: {tc.list}})
			a, err := c.CreateAccessAssignment(bounded(t), "r1", helpdeskGroup, []string{readerRole})
			var ce *ConflictError
			if errors.As(err, &ce) != tc.wantConflict || err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %+v, %v; want conflict %v saying %q", a, err, tc.wantConflict, tc.want)
			}
			if tc.wantConflict && (a == nil || a.ID != "a-7") {
				t.Errorf("the conflict gave %+v, want a-7", a)
			}
		})
	}
}

func TestAnAssignmentChangeFollowsOnlyAnAcceptedOperation(t *testing.T) {
	t.Parallel()
	var opPolled sync.WaitGroup
	opPolled.Add(0)
	c, rt := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){
		"PATCH " + asgPath + "/a-1": {page(http.StatusOK, `{}`)},
		"GET " + asgPath + "/a-1":   {page(http.StatusOK, assignmentJSON("a-1", helpdeskGroup, "active"))},
		"GET /v1.0/op":              {page(http.StatusOK, `{"id": "op-1", "status": "failed"}`)},
	})
	if _, err := c.UpdateAccessAssignment(bounded(t), "r1", "a-1", `W/"1"`, []string{readerRole}); err != nil || rt.count("GET /v1.0/op") != 0 {
		t.Errorf("a change answered 200: %v, %d operation reads; want it read again and no operation followed", err, rt.count("GET /v1.0/op"))
	}
	c, _ = serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){
		"PATCH " + asgPath + "/a-1": {func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Location", "http://"+r.Host+"/v1.0/op")
			w.WriteHeader(http.StatusAccepted)
		}},
		"GET " + asgPath + "/a-1": {page(http.StatusOK, assignmentJSON("a-1", helpdeskGroup, "active"))},
		"GET /v1.0/op":            {page(http.StatusOK, `{"id": "op-1", "status": "failed"}`)},
	})
	if _, err := c.UpdateAccessAssignment(bounded(t), "r1", "a-1", `W/"1"`, []string{readerRole}); err == nil ||
		!strings.Contains(err.Error(), "changing access assignment a-1: microsoft graph reports that operation op-1 failed") {
		t.Errorf("a change accepted (202) whose operation failed: %v", err)
	}
}

func TestAnAssignmentWaitThatEndsSaysWhereItStands(t *testing.T) {
	t.Parallel()
	c, _ := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){
		"GET " + asgPath + "/a-1": {page(http.StatusOK, assignmentJSON("a-1", helpdeskGroup, "created"))}})
	ctx, cancel := contextWithin(t, 300*time.Millisecond)
	defer cancel()
	a, err := c.WaitAccessAssignment(ctx, "r1", "a-1", func(a *AccessAssignment) bool { return a != nil && a.Status == "active" })
	if !errors.Is(err, ctx.Err()) || a == nil || !strings.Contains(err.Error(), "access assignment a-1 is still created") {
		t.Errorf("got %+v, %v; want the deadline, saying the assignment is still created", a, err)
	}
	gone, _ := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){})
	a, err = gone.WaitAccessAssignment(bounded(t), "r1", "a-1", func(a *AccessAssignment) bool { return a == nil })
	if err != nil || a != nil {
		t.Errorf("an assignment Graph no longer has: %+v, %v; want none and no error", a, err)
	}
	failing, _ := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){
		"GET " + asgPath + "/a-1": {page(http.StatusForbidden, `{"error": {"code": "denied", "message": "no"}}`)}})
	if _, err := failing.WaitAccessAssignment(bounded(t), "r1", "a-1", func(*AccessAssignment) bool { return true }); err == nil ||
		!strings.Contains(err.Error(), "HTTP 403") {
		t.Errorf("a read that fails: %v, want its error", err)
	}
}

func TestADeleteIsSentWithItsETagAndItsFailureReturned(t *testing.T) {
	t.Parallel()
	c, _ := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){
		"DELETE " + asgPath + "/a-1": {page(http.StatusPreconditionFailed, `{"error": {"code": "stale", "message": "etag"}}`)},
		"DELETE " + relPath:          {page(http.StatusPreconditionFailed, `{"error": {"code": "stale", "message": "etag"}}`)},
	})
	for name, err := range map[string]error{
		"assignment":   c.DeleteAccessAssignment(bounded(t), "r1", "a-1", `W/"1"`),
		"relationship": c.DeleteRelationship(bounded(t), "r1", `W/"1"`),
	} {
		var apiErr *APIError
		if !errors.As(err, &apiErr) || !apiErr.IsStale() {
			t.Errorf("the %s's delete: %v, want the stale ETag", name, err)
		}
	}
}

func TestStaleMeansAPreconditionFailedOrRequired(t *testing.T) {
	t.Parallel()
	for status, stale := range map[int]bool{412: true, 428: true, 409: false, 400: false} {
		if got := (&APIError{StatusCode: status}).IsStale(); got != stale {
			t.Errorf("HTTP %d: IsStale %v, want %v", status, got, stale)
		}
	}
}

func TestTruncateKeepsWhatFits(t *testing.T) {
	t.Parallel()
	if got := truncate("abcdé", 5); got != "abcdé" {
		t.Errorf("five characters cut at five: %q", got)
	}
	if got := truncate("abcdéf", 5); !strings.HasPrefix(got, "abcdé") || got == "abcdéf" {
		t.Errorf("six characters cut at five: %q", got)
	}
}

func TestDefaultsFillWhatTheConfigurationLeavesZero(t *testing.T) {
	t.Parallel()
	got := withDefaults(Config{})
	if got.RetryMax != DefaultRetryMax || got.RetryWaitMin != DefaultRetryWaitMin || got.RetryWaitMax != DefaultRetryWaitMax ||
		got.MaxRetryAfter != DefaultMaxRetryAfter || got.HTTPClient == nil {
		t.Errorf("withDefaults(Config{}) = %+v", got)
	}
	set := withDefaults(Config{RetryMax: -1, RetryWaitMin: time.Millisecond, RetryWaitMax: 2 * time.Millisecond, MaxRetryAfter: time.Second})
	if set.RetryMax != 0 || set.RetryWaitMin != time.Millisecond || set.RetryWaitMax != 2*time.Millisecond || set.MaxRetryAfter != time.Second {
		t.Errorf("withDefaults kept %+v, want what was set (a negative RetryMax is none)", set)
	}
	if DefaultRetryWaitMin != 500*time.Millisecond || DefaultRetryWaitMax != 30*time.Second || DefaultMaxRetryAfter != 2*time.Minute ||
		FirstPollInterval != 500*time.Millisecond || MaxPollInterval != 15*time.Second || ChangeShownWithin != 2*time.Minute {
		t.Error("a default changed: update the docs that name it, then this test")
	}
}

func TestAnEmptyChangeChangesNothing(t *testing.T) {
	t.Parallel()
	s := "x"
	if !(RelationshipChange{}).IsEmpty() {
		t.Error("an empty change is not empty")
	}
	for name, c := range map[string]RelationshipChange{"name": {DisplayName: &s}, "duration": {Duration: &s},
		"auto-extension": {AutoExtendDuration: &s}, "customer": {CustomerTenantID: &s}, "roles": {Roles: []string{}}} {
		if c.IsEmpty() {
			t.Errorf("a change of the %s is empty", name)
		}
	}
}

func TestACreateSendsAnAutoExtensionAndACustomerOnlyWhenGiven(t *testing.T) {
	t.Parallel()
	created := page(http.StatusCreated, strings.Replace(relationshipJSON("r1", "created", readerRole), `"customer": {"tenantId": "`+customer+`"}, `, "", 1))
	c, rt := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){"POST " + relationshipsPath: {created}})
	if _, err := c.CreateRelationship(bounded(t), NewRelationship{DisplayName: "Contoso", Duration: "P730D", Roles: []string{readerRole}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateRelationship(bounded(t), NewRelationship{DisplayName: "Contoso", Duration: "P730D", AutoExtendDuration: "P180D",
		CustomerTenantID: customer, Roles: []string{readerRole}}); err != nil {
		t.Fatal(err)
	}
	var bare, full map[string]any
	_ = json.Unmarshal([]byte(rt.bodies[0]), &bare)
	_ = json.Unmarshal([]byte(rt.bodies[1]), &full)
	if _, has := bare["autoExtendDuration"]; has {
		t.Errorf("a create without auto-extension sent %s", rt.bodies[0])
	}
	if _, has := bare["customer"]; has {
		t.Errorf("a create without customer sent %s", rt.bodies[0])
	}
	if full["autoExtendDuration"] != "P180D" || full["customer"] == nil {
		t.Errorf("a create with both sent %s", rt.bodies[1])
	}
	wrong, _ := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){"POST " + relationshipsPath: {page(http.StatusCreated, `{"id": "r1"}`)}})
	var unusable *AnswerError
	if rel, err := wrong.CreateRelationship(bounded(t), NewRelationship{DisplayName: "Contoso", Duration: "P730D"}); !errors.As(err, &unusable) || rel != nil {
		t.Errorf("a create answered with half a relationship: %+v, %v", rel, err)
	}
}

func TestAChangeAnsweredWithoutTheRelationshipReadsItAgain(t *testing.T) {
	t.Parallel()
	for name, answer := range map[string]func(http.ResponseWriter, *http.Request){
		"204":                      page(http.StatusNoContent, ""),
		"200 without it":           page(http.StatusOK, `{}`),
		"200 with another":         page(http.StatusOK, relationshipJSON("r2", "active", readerRole)),
		"200 with half a relation": page(http.StatusOK, `{"id": "r1"}`),
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, rt := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){
				"PATCH " + relPath: {answer}, "GET " + relPath: {page(http.StatusOK, relationshipJSON("r1", "active", readerRole))}})
			rel, err := c.UpdateRelationship(bounded(t), "r1", `W/"1"`, RelationshipChange{Roles: []string{readerRole}})
			if err != nil || rel.ID != "r1" || rt.count("GET "+relPath) != 1 {
				t.Errorf("got %+v, %v after %d reads; want r1 read again once", rel, err, rt.count("GET "+relPath))
			}
		})
	}
	c, rt := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){
		"PATCH " + relPath: {page(http.StatusOK, relationshipJSON("r1", "active", readerRole))}})
	if rel, err := c.UpdateRelationship(bounded(t), "r1", `W/"1"`, RelationshipChange{Roles: []string{readerRole}}); err != nil || rel.ID != "r1" || rt.count("GET "+relPath) != 0 {
		t.Errorf("a change answered with the relationship: %+v, %v, %d reads; want it taken as is", rel, err, rt.count("GET "+relPath))
	}
}

func TestALongRunningChangeWithoutRolesIsReadOnceAfterward(t *testing.T) {
	t.Parallel()
	c, rt := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){
		"PATCH " + relPath: {func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Location", "http://"+r.Host+"/v1.0/op")
			w.WriteHeader(http.StatusAccepted)
		}},
		"GET /v1.0/op":   {page(http.StatusOK, `{"id": "op-1", "status": "succeeded"}`)},
		"GET " + relPath: {page(http.StatusOK, relationshipJSON("r1", "active", readerRole))},
	})
	days := "P365D"
	rel, err := c.UpdateRelationship(bounded(t), "r1", `W/"1"`, RelationshipChange{Duration: &days})
	if err != nil || rel == nil || rt.count("GET "+relPath) != 1 {
		t.Errorf("got %+v, %v after %d reads; want one read after the operation", rel, err, rt.count("GET "+relPath))
	}
}

func TestARequestGraphReportsFailedIsAnError(t *testing.T) {
	t.Parallel()
	c, _ := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){
		"POST " + relPath + "/requests": {page(http.StatusCreated, `{"id": "q-1", "action": "lockForApproval", "status": "failed"}`)}})
	id, err := c.RequestAction(bounded(t), "r1", ActionLockForApproval)
	var failed *RequestFailedError
	if !errors.As(err, &failed) || failed.RequestID != "q-1" || id != "q-1" || !strings.Contains(err.Error(), "its lockForApproval request q-1 failed") {
		t.Errorf("got %q, %v; want the failed request q-1", id, err)
	}
	ok, _ := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){
		"POST " + relPath + "/requests": {page(http.StatusCreated, `{"id": "q-2", "action": "lockForApproval", "status": "created"}`)}})
	if id, err := ok.RequestAction(bounded(t), "r1", ActionLockForApproval); err != nil || id != "q-2" {
		t.Errorf("a request under way: %q, %v", id, err)
	}
}

func TestARequestOnARelationshipGraphNeverShowsEndsWithTheDeadline(t *testing.T) {
	t.Parallel()
	c, rt := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){
		"POST " + relPath + "/requests": {page(http.StatusNotFound, `{"error": {"code": "notFound", "message": "no such relationship"}}`)}})
	ctx, cancel := contextWithin(t, 700*time.Millisecond)
	defer cancel()
	_, err := c.RequestActionOnNew(ctx, "r1", ActionLockForApproval)
	if !errors.Is(err, ctx.Err()) || !strings.Contains(err.Error(), "microsoft graph did not show the relationship r1 it had created") ||
		rt.count("POST "+relPath+"/requests") < 2 {
		t.Errorf("got %v after %d requests; want the request sent again until the deadline, then said", err, rt.count("POST "+relPath+"/requests"))
	}
	other, _ := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){
		"POST " + relPath + "/requests": {page(http.StatusForbidden, `{"error": {"code": "denied", "message": "no"}}`)}})
	if _, err := other.RequestActionOnNew(bounded(t), "r1", ActionLockForApproval); err == nil || strings.Contains(err.Error(), "did not show") {
		t.Errorf("another refusal: %v, want it as it is", err)
	}
}

func TestAWaitWithARequestReadsTheRequestUntilTheRelationshipIsDone(t *testing.T) {
	t.Parallel()
	c, rt := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){
		"GET " + relPath:                   {page(http.StatusOK, relationshipJSON("r1", "approvalPending")), page(http.StatusOK, relationshipJSON("r1", "active"))},
		"GET " + relPath + "/requests/q-1": {page(http.StatusOK, `{"id": "q-1", "action": "lockForApproval", "status": "succeeded"}`)},
	})
	rel, err := c.WaitRelationship(bounded(t), "r1", "q-1", false, func(r *Relationship) bool { return r.Status == "active" })
	if err != nil || rel.Status != "active" || rt.count("GET "+relPath+"/requests/q-1") != 1 {
		t.Errorf("got %+v, %v after %d request reads; want active, the request read once", rel, err, rt.count("GET "+relPath+"/requests/q-1"))
	}
	noStatus, _ := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){
		"GET " + relPath:                   {page(http.StatusOK, relationshipJSON("r1", "approvalPending"))},
		"GET " + relPath + "/requests/q-1": {page(http.StatusOK, `{"id": "q-1"}`)},
	})
	var unusable *AnswerError
	if _, err := noStatus.WaitRelationship(bounded(t), "r1", "q-1", false, func(r *Relationship) bool { return false }); !errors.As(err, &unusable) ||
		!strings.Contains(err.Error(), "gives the relationship request no status") {
		t.Errorf("a request without status: %v", err)
	}
	failing, _ := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){
		"GET " + relPath: {page(http.StatusForbidden, `{"error": {"code": "denied", "message": "no"}}`)}})
	if _, err := failing.WaitRelationship(bounded(t), "r1", "", true, func(*Relationship) bool { return true }); err == nil || !strings.Contains(err.Error(), "HTTP 403") {
		t.Errorf("a read that fails: %v, want its error", err)
	}
	hidden, rtHidden := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){
		"GET " + relPath: {page(http.StatusNotFound, `{"error": {"code": "notFound", "message": "not yet"}}`), page(http.StatusOK, relationshipJSON("r1", "created"))}})
	if rel, err := hidden.WaitRelationship(bounded(t), "r1", "", true, func(*Relationship) bool { return true }); err != nil || rel == nil || rtHidden.count("GET "+relPath) != 2 {
		t.Errorf("a relationship shown on the second read: %+v, %v", rel, err)
	}
	if _, err := hidden.WaitRelationship(bounded(t), "r9", "", false, func(*Relationship) bool { return true }); err == nil {
		t.Error("a relationship Graph does not have, not tolerated, gave no error")
	}
}

func TestAnOperationThatAsksToWaitFirstIsReadAfterTheWait(t *testing.T) {
	t.Parallel()
	c, rt := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){
		"PATCH " + relPath: {func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Location", "http://"+r.Host+"/v1.0/op")
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusAccepted)
		}},
		"GET /v1.0/op":   {page(http.StatusOK, `{"id": "op-1", "status": "running"}`, "Retry-After", "0"), page(http.StatusOK, `{"id": "op-1", "status": "succeeded"}`)},
		"GET " + relPath: {page(http.StatusOK, relationshipJSON("r1", "active", readerRole))},
	})
	start := time.Now()
	if _, err := c.UpdateRelationship(bounded(t), "r1", `W/"1"`, RelationshipChange{Roles: []string{readerRole}}); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took < time.Second || rt.count("GET /v1.0/op") != 2 {
		t.Errorf("took %v with %d operation reads; want the asked second first, then two reads", took, rt.count("GET /v1.0/op"))
	}
	failing, _ := serveRoutes(t, map[string][]func(http.ResponseWriter, *http.Request){
		"PATCH " + relPath: {func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Location", "http://"+r.Host+"/v1.0/op")
			w.WriteHeader(http.StatusAccepted)
		}},
		"GET /v1.0/op": {page(http.StatusForbidden, `{"error": {"code": "denied", "message": "no"}}`)},
	})
	if _, err := failing.UpdateRelationship(bounded(t), "r1", `W/"1"`, RelationshipChange{Roles: []string{readerRole}}); err == nil || !strings.Contains(err.Error(), "HTTP 403") {
		t.Errorf("an operation that cannot be read: %v, want its error", err)
	}
}

func TestPollEndsWithItsContextAndCountsItsAttempts(t *testing.T) {
	t.Parallel()
	var attempts []int
	ctx, cancel := contextWithin(t, 1200*time.Millisecond)
	defer cancel()
	err := poll(ctx, func(attempt int) (bool, time.Duration, error) {
		attempts = append(attempts, attempt)
		return false, 0, nil
	})
	if !errors.Is(err, ctx.Err()) || len(attempts) != 2 || attempts[0] != 0 || attempts[1] != 1 {
		t.Errorf("poll = %v after attempts %v; want attempts 0 and 1 (at 0 s and 0.5 s; the next comes at 1.5 s)", err, attempts)
	}
	stop := errors.New("stop")
	if err := poll(bounded(t), func(int) (bool, time.Duration, error) { return false, 0, stop }); !errors.Is(err, stop) {
		t.Errorf("a failing step: %v", err)
	}
	if err := poll(bounded(t), func(int) (bool, time.Duration, error) { return true, 0, nil }); err != nil {
		t.Errorf("a step that is done: %v", err)
	}
}

func TestTheUserAgentIsSentWhenSet(t *testing.T) {
	t.Parallel()
	answers := map[string][]func(http.ResponseWriter, *http.Request){"GET " + relPath: {page(http.StatusOK, relationshipJSON("r1", "active"))}}
	r := &routes{answers: answers, served: map[string]int{}}
	srv := httptest.NewServer(r)
	t.Cleanup(srv.Close)
	for _, ua := range []string{"terraform-provider-partnercenter/1.2.3", ""} {
		c, err := New(Config{BaseURL: srv.URL, TokenSource: staticGraphToken(), UserAgent: ua})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.GetRelationship(bounded(t), "r1"); err != nil {
			t.Fatal(err)
		}
	}
	if r.agents[0] != "terraform-provider-partnercenter/1.2.3" || r.agents[1] == "" {
		t.Errorf("user agents %q; want the one set, then Go's own", r.agents)
	}
}

// Paging that brings something new on every page still ends: after maxPages pages, exactly.
func TestPagingEndsAfterItsLastAllowedPage(t *testing.T) {
	t.Parallel()
	var served sync.Mutex
	n := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		served.Lock()
		n++
		i := n
		served.Unlock()
		page(http.StatusOK, fmt.Sprintf(`{"value": [%s], "@odata.nextLink": "http://%s/v1.0/x?p=%d"}`,
			assignmentJSON(fmt.Sprintf("a-%d", i), helpdeskGroup, "active"), r.Host, i))(w, r)
	}))
	t.Cleanup(srv.Close)
	_, err := newClient(t, srv.URL).ListAccessAssignments(bounded(t), "r1")
	served.Lock()
	defer served.Unlock()
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("after %d pages", maxPages)) || n != maxPages {
		t.Errorf("got %v after %d pages, want an error after exactly %d", err, n, maxPages)
	}
}

// A change Graph reports done but whose reads never show it is an error saying so, once the
// client's bound on that lag has passed; the operation's own deadline is the deadline's error.
func TestAChangeReadsNeverShowIsAnErrorAfterTheBound(t *testing.T) {
	t.Parallel()
	answers := map[string][]func(http.ResponseWriter, *http.Request){
		"PATCH " + relPath: {func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Location", "http://"+r.Host+"/v1.0/op")
			w.WriteHeader(http.StatusAccepted)
		}},
		"GET /v1.0/op":   {page(http.StatusOK, `{"id": "op-1", "status": "succeeded"}`)},
		"GET " + relPath: {page(http.StatusOK, relationshipJSON("r1", "active", helpdeskGroup))},
	}
	c, _ := serveRoutes(t, answers)
	c.changeShownWithin = 700 * time.Millisecond
	_, err := c.UpdateRelationship(bounded(t), "r1", `W/"1"`, RelationshipChange{Roles: []string{readerRole}})
	if err == nil || !strings.Contains(err.Error(), "reported the change of relationship r1 succeeded, but still shows roles "+
		helpdeskGroup+" instead of "+readerRole+" after 700ms") {
		t.Errorf("got %v", err)
	}
	c, _ = serveRoutes(t, answers)
	ctx, cancel := contextWithin(t, 700*time.Millisecond)
	defer cancel()
	if _, err := c.UpdateRelationship(ctx, "r1", `W/"1"`, RelationshipChange{Roles: []string{readerRole}}); !errors.Is(err, ctx.Err()) ||
		strings.Contains(err.Error(), "still shows roles") {
		t.Errorf("the operation's deadline: %v, want the deadline itself", err)
	}
}
