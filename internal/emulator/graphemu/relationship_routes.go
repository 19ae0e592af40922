// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graphemu

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// relationshipsPath is the collection of the partner's GDAP relationships.
const relationshipsPath = "/v1.0/tenantRelationships/delegatedAdminRelationships"

func (s *Server) relationshipRoutes() {
	s.mux.HandleFunc("GET "+relationshipsPath, s.listRelationships)
	s.mux.HandleFunc("POST "+relationshipsPath, s.createRelationship)
	s.mux.HandleFunc("GET "+relationshipsPath+"/{id}", s.getRelationship)
	s.mux.HandleFunc("PATCH "+relationshipsPath+"/{id}", s.updateRelationship)
	s.mux.HandleFunc("DELETE "+relationshipsPath+"/{id}", s.deleteRelationship)
	s.mux.HandleFunc("POST "+relationshipsPath+"/{id}/requests", s.requestAction)
	s.mux.HandleFunc("GET "+relationshipsPath+"/{id}/requests/{request}", s.getRequest)
	s.mux.HandleFunc("GET "+relationshipsPath+"/{id}/operations/{operation}", s.getOperation)
}

// createRelationship is POST .../delegatedAdminRelationships: 201 with the new relationship, in
// status created, and its address in Location.
func (s *Server) createRelationship(w http.ResponseWriter, r *http.Request) {
	var in relationshipJSON
	if !decode(w, r, &in) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.nowLocked()
	rel := &relationship{ID: newRelationshipID(), DisplayName: deref(in.DisplayName), Duration: deref(in.Duration),
		AutoExtend: deref(in.AutoExtend), Roles: roleIDs(in.AccessDetails), Status: StatusCreated,
		Created: now, Modified: now, etag: newETag()}
	if rel.AutoExtend == "" {
		rel.AutoExtend = rules.AutoExtendOff
	}
	if in.Customer != nil {
		rel.CustomerTenantID, rel.CustomerName = in.Customer.TenantID, in.Customer.DisplayName
	}
	if err := checkRelationship(rel); err != nil {
		WriteError(w, r, http.StatusBadRequest, "badRequest", err.Error())
		return
	}
	if s.nameTakenLocked(rel.DisplayName, "") {
		WriteError(w, r, http.StatusBadRequest, "badRequest",
			fmt.Sprintf("A relationship named %q already exists: display names are unique among the partner's relationships", rel.DisplayName))
		return
	}
	s.created++
	rel.seq = s.created
	s.relationships[rel.ID] = rel
	s.order = append(s.order, rel.ID)
	s.visibleAt[rel.ID] = now.Add(s.createLag)
	w.Header().Set("Location", selfURL(r)+relationshipsPath+"/"+rel.ID)
	writeJSON(w, http.StatusCreated, withContext(rel.toJSON(), "tenantRelationships/delegatedAdminRelationships/$entity"))
}

// getRelationship is GET .../delegatedAdminRelationships/{id}.
func (s *Server) getRelationship(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rel := s.findLocked(w, r)
	if rel == nil {
		return
	}
	writeJSON(w, http.StatusOK, withContext(rel.toJSON(), "tenantRelationships/delegatedAdminRelationships/$entity"))
}

// updateRelationship is PATCH .../delegatedAdminRelationships/{id} with If-Match: every field in
// status created; only auto-extension on an active relationship, or removing Global
// Administrator, which Graph does as a long-running operation (202 and an operation to poll).
func (s *Server) updateRelationship(w http.ResponseWriter, r *http.Request) {
	var in relationshipJSON
	if !decode(w, r, &in) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rel := s.findLocked(w, r)
	if rel == nil || !ifMatch(w, r, rel.etag) {
		return
	}
	next := *rel
	next.Roles = slices.Clone(rel.Roles)
	applyPatch(&next, in)
	if err := s.checkChangeLocked(rel, &next); err != nil {
		WriteError(w, r, http.StatusBadRequest, "badRequest", err.Error())
		return
	}
	now := s.nowLocked()
	longRunning := rel.Status == StatusActive && len(rel.Roles) != len(next.Roles)
	if longRunning && s.changeLag > 0 {
		next.shownRoles, next.shownUntil = rel.Roles, now.Add(s.changeLag)
	}
	*rel = next
	rel.Modified, rel.etag = now, newETag()
	if longRunning {
		op := s.newOperationLocked(rel.ID)
		w.Header().Set("Location", selfURL(r)+relationshipsPath+"/"+rel.ID+"/operations/"+op.ID)
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusAccepted)
		return
	}
	writeJSON(w, http.StatusOK, withContext(rel.toJSON(), "tenantRelationships/delegatedAdminRelationships/$entity"))
}

func applyPatch(next *relationship, in relationshipJSON) {
	if in.DisplayName != nil {
		next.DisplayName = *in.DisplayName
	}
	if in.Duration != nil {
		next.Duration = *in.Duration
	}
	if in.AutoExtend != nil {
		next.AutoExtend = *in.AutoExtend
	}
	if in.Customer != nil {
		next.CustomerTenantID, next.CustomerName = in.Customer.TenantID, in.Customer.DisplayName
	}
	if in.AccessDetails != nil {
		next.Roles = roleIDs(in.AccessDetails)
	}
}

// checkChangeLocked says what Graph refuses in changing rel to next.
func (s *Server) checkChangeLocked(rel, next *relationship) error {
	switch rel.Status {
	case StatusCreated:
		if err := checkRelationship(next); err != nil {
			return err
		}
		if s.nameTakenLocked(next.DisplayName, rel.ID) {
			return fmt.Errorf("a relationship named %q already exists", next.DisplayName)
		}
		return nil
	case StatusActive:
		if next.DisplayName != rel.DisplayName || next.Duration != rel.Duration ||
			next.CustomerTenantID != rel.CustomerTenantID || !sameRolesBut(rel.Roles, next.Roles) {
			return fmt.Errorf("an active relationship can only change its autoExtendDuration or drop the Global Administrator role")
		}
		return checkAutoExtend(next.AutoExtend, next.Roles)
	}
	return fmt.Errorf("a relationship in status %s cannot be changed", rel.Status)
}

// sameRolesBut reports whether next is old, or old without Global Administrator, in any order.
func sameRolesBut(old, next []string) bool {
	sorted := func(s []string) []string { return slices.Sorted(slices.Values(s)) }
	if slices.Equal(sorted(old), sorted(next)) {
		return true
	}
	without := slices.DeleteFunc(slices.Clone(old), func(id string) bool { return id == rules.GlobalAdministratorRoleID })
	return len(without) < len(old) && slices.Equal(sorted(without), sorted(next))
}

// deleteRelationship is DELETE .../delegatedAdminRelationships/{id} with If-Match: only in status
// created; afterwards a relationship ends by a terminate request.
func (s *Server) deleteRelationship(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rel := s.findLocked(w, r)
	if rel == nil || !ifMatch(w, r, rel.etag) {
		return
	}
	if rel.Status != StatusCreated {
		WriteError(w, r, http.StatusBadRequest, "badRequest",
			fmt.Sprintf("a relationship in status %s cannot be deleted: request its termination instead", rel.Status))
		return
	}
	delete(s.relationships, rel.ID)
	s.order = slices.DeleteFunc(s.order, func(id string) bool { return id == rel.ID })
	w.WriteHeader(http.StatusNoContent)
}

// findLocked is the relationship r names, or nil after a 404: one that does not exist, or one
// created so recently that Graph does not show it yet (SetCreateLag).
func (s *Server) findLocked(w http.ResponseWriter, r *http.Request) *relationship {
	id := r.PathValue("id")
	rel, ok := s.relationships[id]
	now := s.nowLocked()
	if !ok || now.Before(s.visibleAt[id]) {
		WriteError(w, r, http.StatusNotFound, "resourceNotFound", fmt.Sprintf("The delegated admin relationship with id %s was not found.", id))
		return nil
	}
	rel.settle(now)
	return rel
}

func (s *Server) nameTakenLocked(name, except string) bool {
	for id, rel := range s.relationships {
		if id != except && strings.EqualFold(rel.DisplayName, name) {
			return true
		}
	}
	return false
}

// ifMatch answers 428 when the request sends no If-Match and 412 when it names another version
// than etag, and reports whether the request may go on. Graph documents If-Match as required on
// every PATCH and DELETE, but not the status of a refusal: the emulator uses both, so that a
// client meets each.
func ifMatch(w http.ResponseWriter, r *http.Request, etag string) bool {
	got := r.Header.Get("If-Match")
	switch {
	case got == "":
		WriteError(w, r, http.StatusPreconditionRequired, "preconditionRequired", "If-Match header is required.")
		return false
	case got != etag:
		WriteError(w, r, http.StatusPreconditionFailed, "preconditionFailed",
			"The resource has been modified since it was read: the If-Match ETag does not match.")
		return false
	}
	return true
}

// decode reads a JSON body into v, or answers 400.
func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	if err := json.NewDecoder(r.Body).Decode(v); err != nil {
		WriteError(w, r, http.StatusBadRequest, "badRequest", "The request body is not valid JSON: "+err.Error())
		return false
	}
	return true
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// withContext marshals v with Graph's @odata.context for the named metadata fragment.
func withContext(v any, fragment string) map[string]any {
	b, _ := json.Marshal(v)
	out := map[string]any{}
	_ = json.Unmarshal(b, &out)
	out["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#" + fragment
	return out
}

// nowLocked is the emulator's clock: the base clock (SetClock; the wall clock until then) moved
// on by Advance.
func (s *Server) nowLocked() time.Time { return s.base().Add(s.offset) }
