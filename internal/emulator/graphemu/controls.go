// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graphemu

import (
	"errors"
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
	if customerTenantID == "" {
		return errors.New("customerTenantId is required: the tenant id of the customer who approves")
	}
	return s.approveAs(id, customerTenantID, customerName)
}

// approveAs is Approve, as the customer the relationship names when customerTenantID is empty.
func (s *Server) approveAs(id, customerTenantID, customerName string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	rel, err := s.pendingLocked(id)
	if err != nil {
		return err
	}
	switch {
	case customerTenantID == "" && rel.CustomerTenantID == "":
		return fmt.Errorf("customerTenantId is required: relationship %s names no customer, so say which customer approves it", id)
	case customerTenantID == "":
		customerTenantID = rel.CustomerTenantID
	case !rules.GUID.MatchString(customerTenantID):
		return fmt.Errorf("customerTenantId %q is not a tenant id (a GUID)", customerTenantID)
	case rel.CustomerTenantID != "" && !strings.EqualFold(rel.CustomerTenantID, customerTenantID):
		return fmt.Errorf("customerTenantId %s is not relationship %s's customer, %s", customerTenantID, id, rel.CustomerTenantID)
	}
	if customerName == "" {
		customerName = rel.CustomerName
	}
	now := s.nowLocked()
	rel.CustomerTenantID, rel.CustomerName = strings.ToLower(customerTenantID), customerName
	rel.setStatus(StatusActivating, now)
	rel.changeAt = now.Add(s.activationDelay)
	rel.settle(now)
	return nil
}

// Lapse makes the invitation of relationship id lapse now, as it would 90 days after it was sent
// with nobody answering: the relationship expires.
func (s *Server) Lapse(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	rel, err := s.pendingLocked(id)
	if err != nil {
		return err
	}
	rel.setStatus(StatusExpired, s.nowLocked())
	return nil
}

// unknownRelationshipError is a control naming a relationship the emulator does not hold.
type unknownRelationshipError struct{ id string }

func (e *unknownRelationshipError) Error() string {
	return "the emulator holds no relationship " + e.id
}

// pendingLocked is relationship id, refused unless it awaits approval.
func (s *Server) pendingLocked(id string) (*relationship, error) {
	rel, ok := s.relationships[id]
	if !ok {
		return nil, &unknownRelationshipError{id}
	}
	rel.settle(s.nowLocked())
	if rel.Status != StatusApprovalPending {
		return nil, fmt.Errorf("relationship %s is %s: only a relationship awaiting approval (approvalPending) can be "+
			"approved or lapse", id, rel.Status)
	}
	return rel, nil
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

// SetClock makes now the clock the emulator's time starts from (the wall clock until then).
func (s *Server) SetClock(now func() time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.base = now
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
// test drives it with Approve, Lapse and Advance; they are not Graph's.
const ControlPrefix = "/emulator/graph/"

// ServeControl answers the control endpoints:
//   - POST /emulator/graph/relationships/{id}/approve approves a relationship as its customer, with
//     the JSON body {"customerTenantId": "<tenant id>", "customerDisplayName": "<name>"}; both are
//     optional for a relationship that names its customer, and customerTenantId is required for one
//     that names none;
//   - POST /emulator/graph/relationships/{id}/lapse makes an invitation nobody answered lapse now,
//     as it would 90 days after it was sent;
//   - POST /emulator/graph/advance?by=<Go duration, such as 2160h> moves the clock on.
//
// Each answers 204, or an error in Graph's shape that says which field or status is wrong.
func (s *Server) ServeControl(w http.ResponseWriter, r *http.Request) {
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+ControlPrefix+"relationships/{id}/approve", s.approveControl)
	mux.HandleFunc("POST "+ControlPrefix+"relationships/{id}/lapse", func(w http.ResponseWriter, r *http.Request) {
		controlDone(w, r, s.Lapse(r.PathValue("id")))
	})
	mux.HandleFunc("POST "+ControlPrefix+"advance", func(w http.ResponseWriter, r *http.Request) {
		d, err := time.ParseDuration(r.URL.Query().Get("by"))
		if err != nil || d < 0 {
			err = fmt.Errorf("the query parameter by must be a duration such as 2160h, not %q", r.URL.Query().Get("by"))
		} else {
			s.Advance(d)
		}
		controlDone(w, r, err)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		WriteError(w, r, http.StatusNotFound, "notFound", "no emulator control at "+r.Method+" "+r.URL.Path+
			": POST "+ControlPrefix+"relationships/{id}/approve, POST "+ControlPrefix+"relationships/{id}/lapse and POST "+
			ControlPrefix+"advance?by=<duration> are")
	})
	mux.ServeHTTP(w, r)
}

// approveControl is POST .../relationships/{id}/approve.
func (s *Server) approveControl(w http.ResponseWriter, r *http.Request) {
	var in struct {
		CustomerTenantID    string `json:"customerTenantId"`
		CustomerDisplayName string `json:"customerDisplayName"`
	}
	if r.ContentLength != 0 && !decode(w, r, &in) {
		return
	}
	controlDone(w, r, s.approveAs(r.PathValue("id"), in.CustomerTenantID, in.CustomerDisplayName))
}

// controlDone answers a control request: 204, 404 for a relationship the emulator does not hold,
// else 400 with what is wrong.
func controlDone(w http.ResponseWriter, r *http.Request, err error) {
	var unknown *unknownRelationshipError
	switch {
	case err == nil:
		w.WriteHeader(http.StatusNoContent)
	case errors.As(err, &unknown):
		WriteError(w, r, http.StatusNotFound, "notFound", err.Error())
	default:
		WriteError(w, r, http.StatusBadRequest, "badRequest", err.Error())
	}
}
