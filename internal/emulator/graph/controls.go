// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graph

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// Approve approves a relationship awaiting approval as its customer would in the Microsoft 365
// admin center: for customerTenantID (the customer the relationship names, or any when it names
// none), taking it to activating and, after SetActivationDelay, to active.
func (s *Server) Approve(id, customerTenantID, customerName string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	rel, ok := s.relationships[id]
	if !ok {
		return fmt.Errorf("no relationship %s", id)
	}
	if !rules.GUID.MatchString(customerTenantID) {
		return fmt.Errorf("the approving customer's tenant id %q is not a GUID", customerTenantID)
	}
	now := s.nowLocked()
	rel.settle(now)
	if rel.Status != StatusApprovalPending {
		return fmt.Errorf("relationship %s is %s, not approvalPending", id, rel.Status)
	}
	if rel.CustomerTenantID != "" && rel.CustomerTenantID != customerTenantID {
		return fmt.Errorf("relationship %s is for customer %s, not %s", id, rel.CustomerTenantID, customerTenantID)
	}
	rel.CustomerTenantID, rel.CustomerName = customerTenantID, customerName
	rel.setStatus(StatusActivating, now)
	rel.changeAt = now.Add(s.activationDelay)
	rel.settle(now)
	return nil
}

// Touch changes relationship id as another writer would (its lastModifiedDateTime), giving it a
// new ETag: a change sent with the ETag read before meets 412.
func (s *Server) Touch(id string) error { return s.Change(id, PortalChange{}) }

// PortalChange is a change someone makes to a relationship in the portal, outside Terraform:
// each field that is not empty is set, whatever Graph's API would allow.
type PortalChange struct {
	Duration, AutoExtend string
}

// Change makes c to relationship id as someone in the portal would, giving it a new ETag: a change
// sent with the ETag read before meets 412.
func (s *Server) Change(id string, c PortalChange) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	rel, ok := s.relationships[id]
	if !ok {
		return fmt.Errorf("no relationship %s", id)
	}
	if c.Duration != "" {
		rel.Duration = c.Duration
	}
	if c.AutoExtend != "" {
		rel.AutoExtend = c.AutoExtend
	}
	rel.Modified, rel.etag = s.nowLocked(), newETag()
	return nil
}

// Terminate ends relationship id at once, as a customer or a colleague would in the portal.
func (s *Server) Terminate(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	rel, ok := s.relationships[id]
	if !ok {
		return fmt.Errorf("no relationship %s", id)
	}
	now := s.nowLocked()
	rel.setStatus(StatusTerminated, now)
	rel.Ends = now
	return nil
}

// Advance moves the emulator's clock ahead by d: relationships expire, extend and lapse as they
// would after that long.
func (s *Server) Advance(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.offset += d
}

// SetPageSize makes list pages hold at most n items whatever $top asks, to exercise paging.
func (s *Server) SetPageSize(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pageSize = max(1, min(n, maxPageSize))
}

// SetCreateLag hides a new relationship from reads for d after its creation, as Graph may
// briefly not show one it has just created.
func (s *Server) SetCreateLag(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.createLag = d
}

// SetActivationDelay is how long an approved relationship stays activating.
func (s *Server) SetActivationDelay(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.activationDelay = d
}

// SetTerminationDelay is how long a relationship asked to terminate takes to be terminated.
func (s *Server) SetTerminationDelay(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.terminationDelay = d
}

// SetChangeLag makes reads show a relationship's previous roles for d after a long-running change
// of them has succeeded, as Graph's reads may lag behind its operations for a moment.
func (s *Server) SetChangeLag(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.changeLag = d
}

// SetOperationPolls is how many reads a long-running operation answers running before succeeded.
func (s *Server) SetOperationPolls(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.operationPolls = max(0, n)
}

// Relationship is what a test may read of a relationship: its status, roles and durations.
type Relationship struct {
	ID, DisplayName, Status, Duration, AutoExtend, CustomerTenantID string
	Roles                                                           []string
}

// Relationships are the relationships held, in the order created.
func (s *Server) Relationships() []Relationship {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.nowLocked()
	var out []Relationship
	for _, id := range s.order {
		rel := s.relationships[id]
		rel.settle(now)
		out = append(out, Relationship{ID: rel.ID, DisplayName: rel.DisplayName, Status: rel.Status,
			Duration: rel.Duration, AutoExtend: rel.AutoExtend, CustomerTenantID: rel.CustomerTenantID, Roles: append([]string(nil), rel.Roles...)})
	}
	return out
}

// ControlPrefix is the path of the emulator's own endpoints that drive Graph from a script, as a
// test drives it with Approve and Advance; they are not Graph's.
const ControlPrefix = "/emulator/graph/"

// ServeControl answers the control endpoints: POST /emulator/graph/relationships/{id}/approve
// with {"customerTenantId", "customerDisplayName"} approves a relationship as its customer, and
// POST /emulator/graph/advance?by=<Go duration, e.g. 2160h> moves the clock on.
func (s *Server) ServeControl(w http.ResponseWriter, r *http.Request) {
	id, ok := strings.CutSuffix(strings.TrimPrefix(r.URL.Path, ControlPrefix+"relationships/"), "/approve")
	switch {
	case r.Method == http.MethodPost && ok && !strings.Contains(id, "/"):
		var in struct{ CustomerTenantID, CustomerDisplayName string }
		if !decode(w, r, &in) {
			return
		}
		if err := s.Approve(id, in.CustomerTenantID, in.CustomerDisplayName); err != nil {
			WriteError(w, r, http.StatusBadRequest, "badRequest", err.Error())
			return
		}
		w.WriteHeader(http.StatusNoContent)
	case r.Method == http.MethodPost && r.URL.Path == ControlPrefix+"advance":
		d, err := time.ParseDuration(r.URL.Query().Get("by"))
		if err != nil || d < 0 {
			WriteError(w, r, http.StatusBadRequest, "badRequest", "by must be a duration such as 2160h")
			return
		}
		s.Advance(d)
		w.WriteHeader(http.StatusNoContent)
	default:
		WriteError(w, r, http.StatusNotFound, "notFound", "no emulator control at "+r.Method+" "+r.URL.Path)
	}
}
