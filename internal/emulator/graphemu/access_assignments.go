// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graphemu

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// Access assignment statuses, as Graph names them.
const (
	AssignmentPending  = "pending"
	AssignmentActive   = "active"
	AssignmentDeleting = "deleting"
	AssignmentDeleted  = "deleted"
)

// assignment is an access assignment: a security group of the partner's tenant given some of a
// relationship's roles. It is pending after a create or change and active after
// SetAssignmentDelay; deleting after a DELETE, and gone after the same delay.
type assignment struct {
	ID, RelationshipID, GroupID, Status string
	Roles                               []string
	Created, Modified, changeAt         time.Time
	etag                                string
}

func (a *assignment) toJSON() map[string]any {
	roles := make([]map[string]string, 0, len(a.Roles))
	for _, id := range a.Roles {
		roles = append(roles, map[string]string{"roleDefinitionId": id})
	}
	return map[string]any{"@odata.etag": a.etag, "id": a.ID, "status": a.Status,
		"accessContainer": map[string]string{"accessContainerId": a.GroupID, "accessContainerType": "securityGroup"},
		"accessDetails":   map[string]any{"unifiedRoles": roles},
		"createdDateTime": *timeText(a.Created), "lastModifiedDateTime": *timeText(a.Modified)}
}

// settle moves a pending assignment to active, and a deleting one out of existence, once its
// delay has passed; it reports whether the assignment still exists.
func (a *assignment) settle(now time.Time) bool {
	if a.changeAt.IsZero() || now.Before(a.changeAt) {
		return true
	}
	a.changeAt = time.Time{}
	switch a.Status {
	case AssignmentPending:
		a.Status, a.Modified, a.etag = AssignmentActive, now, newETag()
	case AssignmentDeleting:
		return false
	}
	return true
}

func (s *Server) assignmentRoutes() {
	base := relationshipsPath + "/{id}/accessAssignments"
	s.mux.HandleFunc("GET "+base, s.listAssignments)
	s.mux.HandleFunc("POST "+base, s.createAssignment)
	s.mux.HandleFunc("GET "+base+"/{assignment}", s.getAssignment)
	s.mux.HandleFunc("PATCH "+base+"/{assignment}", s.updateAssignment)
	s.mux.HandleFunc("DELETE "+base+"/{assignment}", s.deleteAssignment)
}

type assignmentJSON struct {
	AccessContainer *struct {
		ID   string `json:"accessContainerId"`
		Type string `json:"accessContainerType"`
	} `json:"accessContainer"`
	AccessDetails *accessDetails `json:"accessDetails"`
}

// createAssignment is POST .../{id}/accessAssignments: 201, pending, for an active relationship
// only, with roles the relationship grants, one per security group.
func (s *Server) createAssignment(w http.ResponseWriter, r *http.Request) {
	var in assignmentJSON
	if !decode(w, r, &in) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rel := s.findLocked(w, r)
	if rel == nil {
		return
	}
	if in.AccessContainer == nil || !rules.GUID.MatchString(in.AccessContainer.ID) || in.AccessContainer.Type != "securityGroup" {
		WriteError(w, r, http.StatusBadRequest, "badRequest", "accessContainer must name a security group by its object id")
		return
	}
	roles := roleIDs(in.AccessDetails)
	if err := checkAssignment(rel, roles); err != nil {
		WriteError(w, r, http.StatusBadRequest, "badRequest", err.Error())
		return
	}
	for _, a := range s.assignmentsLocked(rel.ID) {
		if strings.EqualFold(a.GroupID, in.AccessContainer.ID) {
			WriteError(w, r, http.StatusConflict, "conflict", fmt.Sprintf("The security group %s already has access "+
				"assignment %s in this relationship.", a.GroupID, a.ID))
			return
		}
	}
	now := s.nowLocked()
	a := &assignment{ID: uuid.NewString(), RelationshipID: rel.ID, GroupID: strings.ToLower(in.AccessContainer.ID),
		Status: AssignmentPending, Roles: roles, Created: now, Modified: now, etag: newETag(), changeAt: now.Add(s.assignmentDelay)}
	s.assignments[a.ID] = a
	s.assignmentOrder = append(s.assignmentOrder, a.ID)
	w.Header().Set("Location", selfURL(r)+relationshipsPath+"/"+rel.ID+"/accessAssignments/"+a.ID)
	writeJSON(w, http.StatusCreated, a.toJSON())
}

// checkAssignment says what Graph refuses in giving roles under rel.
func checkAssignment(rel *relationship, roles []string) error {
	if rel.Status != StatusActive {
		return fmt.Errorf("access can be assigned only in an active relationship; this one is %s", rel.Status)
	}
	if len(roles) == 0 {
		return fmt.Errorf("accessDetails.unifiedRoles must name at least one role")
	}
	for _, id := range roles {
		if !slices.Contains(rel.Roles, id) {
			return fmt.Errorf("role %s is not one of the relationship's roles", id)
		}
	}
	return nil
}

// assignmentsLocked are relationship id's assignments that exist, in the order created.
// An ended relationship grants nothing: its assignments are gone with it.
func (s *Server) assignmentsLocked(relationshipID string) []*assignment {
	now := s.nowLocked()
	var out []*assignment
	if rel, ok := s.relationships[relationshipID]; !ok || rel.Status == StatusTerminated || rel.Status == StatusExpired {
		return nil
	}
	for _, id := range s.assignmentOrder {
		a, ok := s.assignments[id]
		if !ok || a.RelationshipID != relationshipID {
			continue
		}
		if !a.settle(now) {
			delete(s.assignments, id)
			continue
		}
		out = append(out, a)
	}
	return out
}

// listAssignments is GET .../{id}/accessAssignments, on one page.
func (s *Server) listAssignments(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rel := s.findLocked(w, r)
	if rel == nil {
		return
	}
	items := []map[string]any{}
	for _, a := range s.assignmentsLocked(rel.ID) {
		items = append(items, a.toJSON())
	}
	writeJSON(w, http.StatusOK, map[string]any{"value": items})
}

// findAssignmentLocked is the assignment r names, or nil after a 404.
func (s *Server) findAssignmentLocked(w http.ResponseWriter, r *http.Request) *assignment {
	rel := s.findLocked(w, r)
	if rel == nil {
		return nil
	}
	for _, a := range s.assignmentsLocked(rel.ID) {
		if a.ID == r.PathValue("assignment") {
			return a
		}
	}
	WriteError(w, r, http.StatusNotFound, "resourceNotFound", "The access assignment "+r.PathValue("assignment")+" was not found.")
	return nil
}

func (s *Server) getAssignment(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a := s.findAssignmentLocked(w, r); a != nil {
		writeJSON(w, http.StatusOK, a.toJSON())
	}
}

// updateAssignment is PATCH .../accessAssignments/{assignment} with If-Match: new roles, which
// Graph applies as a long-running operation (202), the assignment pending until it is done.
func (s *Server) updateAssignment(w http.ResponseWriter, r *http.Request) {
	var in assignmentJSON
	if !decode(w, r, &in) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.findAssignmentLocked(w, r)
	if a == nil || !ifMatch(w, r, a.etag) {
		return
	}
	if in.AccessContainer != nil && !strings.EqualFold(in.AccessContainer.ID, a.GroupID) {
		WriteError(w, r, http.StatusBadRequest, "badRequest", "accessContainer cannot change: assign another group anew")
		return
	}
	roles := roleIDs(in.AccessDetails)
	if err := checkAssignment(s.relationships[a.RelationshipID], roles); err != nil {
		WriteError(w, r, http.StatusBadRequest, "badRequest", err.Error())
		return
	}
	now := s.nowLocked()
	a.Roles, a.Status, a.Modified, a.etag, a.changeAt = roles, AssignmentPending, now, newETag(), now.Add(s.assignmentDelay)
	op := s.newOperationLocked(a.RelationshipID)
	w.Header().Set("Location", selfURL(r)+relationshipsPath+"/"+a.RelationshipID+"/operations/"+op.ID)
	w.WriteHeader(http.StatusAccepted)
}

// deleteAssignment is DELETE .../accessAssignments/{assignment} with If-Match: 204, the assignment
// deleting until SetAssignmentDelay has passed, then gone.
func (s *Server) deleteAssignment(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.findAssignmentLocked(w, r)
	if a == nil || !ifMatch(w, r, a.etag) {
		return
	}
	now := s.nowLocked()
	a.Status, a.Modified, a.etag, a.changeAt = AssignmentDeleting, now, newETag(), now.Add(s.assignmentDelay)
	w.WriteHeader(http.StatusNoContent)
}

// Assignment is what a test may read of an access assignment.
type Assignment struct {
	ID, RelationshipID, GroupID, Status string
	Roles                               []string
}

// Assignments are relationship id's access assignments, in the order created.
func (s *Server) Assignments(relationshipID string) []Assignment {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Assignment
	for _, a := range s.assignmentsLocked(relationshipID) {
		out = append(out, Assignment{ID: a.ID, RelationshipID: a.RelationshipID, GroupID: a.GroupID, Status: a.Status,
			Roles: slices.Clone(a.Roles)})
	}
	return out
}

// ChangeAssignment changes an assignment's roles as someone in the portal would (new ETag).
func (s *Server) ChangeAssignment(id string, roles ...string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.assignments[id]
	if !ok {
		return fmt.Errorf("no access assignment %s", id)
	}
	a.Roles, a.Modified, a.etag = roles, s.nowLocked(), newETag()
	return nil
}

// RemoveAssignment deletes an assignment at once, as someone in the portal would.
func (s *Server) RemoveAssignment(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.assignments, id)
}

// SetAssignmentDelay is how long an assignment stays pending after a create or change, and
// deleting after a delete.
func (s *Server) SetAssignmentDelay(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.assignmentDelay = d
}
