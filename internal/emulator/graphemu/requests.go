// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graphemu

import (
	"fmt"
	"net/http"
	"time"

	"github.com/google/uuid"
)

// Actions a relationship request asks for.
const (
	ActionLockForApproval = "lockForApproval"
	ActionTerminate       = "terminate"
)

// request is a relationship request (lockForApproval, terminate), which Graph carries out on its
// own: created, then succeeded here.
type request struct {
	ID, RelationshipID, Action string
	Created                    time.Time
	seen                       bool
}

func (q *request) toJSON() map[string]any {
	status := "created"
	if q.seen {
		status = "succeeded"
	}
	when := q.Created.UTC().Format(time.RFC3339Nano)
	return map[string]any{"id": q.ID, "action": q.Action, "status": status,
		"createdDateTime": when, "lastModifiedDateTime": when}
}

// requestAction is POST .../{id}/requests: lockForApproval takes a relationship in status created
// to approvalPending (the customer can then approve it); terminate takes an active one to
// terminationRequested, and terminated after SetTerminationDelay. Terminating a relationship that
// awaits approval is not documented: the emulator refuses it, the conservative reading.
func (s *Server) requestAction(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Action string `json:"action"`
	}
	if !decode(w, r, &in) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rel := s.findLocked(w, r)
	if rel == nil {
		return
	}
	now := s.nowLocked()
	switch {
	case in.Action == ActionLockForApproval && rel.Status == StatusCreated:
		rel.setStatus(StatusApprovalPending, now)
		rel.Locked = now
	case in.Action == ActionTerminate && rel.Status == StatusActive:
		rel.setStatus(StatusTerminationRequested, now)
		rel.changeAt = now.Add(s.terminationDelay)
	case in.Action != ActionLockForApproval && in.Action != ActionTerminate:
		WriteError(w, r, http.StatusBadRequest, "badRequest", fmt.Sprintf("action %q is not lockForApproval or terminate", in.Action))
		return
	default:
		WriteError(w, r, http.StatusBadRequest, "badRequest",
			fmt.Sprintf("action %s is not allowed for a relationship in status %s", in.Action, rel.Status))
		return
	}
	q := &request{ID: uuid.NewString(), RelationshipID: rel.ID, Action: in.Action, Created: now}
	s.requests[q.ID] = q
	w.Header().Set("Location", selfURL(r)+relationshipsPath+"/"+rel.ID+"/requests/"+q.ID)
	writeJSON(w, http.StatusCreated, q.toJSON())
}

// getRequest is GET .../{id}/requests/{request}.
func (s *Server) getRequest(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q, ok := s.requests[r.PathValue("request")]
	if !ok || q.RelationshipID != r.PathValue("id") {
		WriteError(w, r, http.StatusNotFound, "resourceNotFound", "The request was not found.")
		return
	}
	q.seen = true
	writeJSON(w, http.StatusOK, q.toJSON())
}

// operation is a long-running change (removing Global Administrator from an active relationship):
// running for the first SetOperationPolls reads, then succeeded.
type operation struct {
	ID, RelationshipID string
	Created            time.Time
	pollsLeft          int
}

func (s *Server) newOperationLocked(relationshipID string) *operation {
	op := &operation{ID: uuid.NewString(), RelationshipID: relationshipID, Created: s.nowLocked(), pollsLeft: s.operationPolls}
	s.operations[op.ID] = op
	return op
}

// getOperation is GET .../{id}/operations/{operation}.
func (s *Server) getOperation(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	op, ok := s.operations[r.PathValue("operation")]
	if !ok || op.RelationshipID != r.PathValue("id") {
		WriteError(w, r, http.StatusNotFound, "resourceNotFound", "The operation was not found.")
		return
	}
	status := "succeeded"
	if op.pollsLeft > 0 {
		op.pollsLeft--
		status = "running"
		w.Header().Set("Retry-After", "1")
	}
	when := op.Created.UTC().Format(time.RFC3339Nano)
	writeJSON(w, http.StatusOK, map[string]any{"id": op.ID, "operationType": "delegatedAdminRelationshipUpdate",
		"status": status, "createdDateTime": when, "lastModifiedDateTime": when})
}
