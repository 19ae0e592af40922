// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package graphemu is the Microsoft Graph side of the emulator: the v1.0 API under /v1.0/, served by
// the emulator's listener behind its latency, request log and authentication, which accepts only
// tokens issued for Graph, as Graph accepts no Partner Center token. It answers in Graph's shapes:
// collections as {"@odata.context", "value"}, errors as {"error": {"code", "message",
// "innerError": {"request-id", "client-request-id", "date"}}}.
//
// It holds the partner's GDAP relationships (tenantRelationships/delegatedAdminRelationships) with
// their status machine: created, locked for approval, approved by the customer (Approve, for
// tests, or the control endpoint the emulator serves), activating, active, extended or expired as
// its clock moves (Advance), terminated on request. Every PATCH and DELETE needs the current weak
// ETag in If-Match (requests, such as lockForApproval, take none); lists page with @odata.nextLink and filter on status and customer tenant id.
//
// Under an active relationship it holds access assignments (security group → roles), pending after
// a create or change and active after SetAssignmentDelay, one per group, with roles the
// relationship grants; a change is a long-running operation and a delete passes through deleting.
//
// It lists the customers its relationships name (tenantRelationships/delegatedAdminCustomers), one
// of them, and the admin portals of its services (serviceManagementDetails).
package graphemu

import (
	"encoding/json"
	"net/http"
	"sync"
	"time"
)

// Prefix is the path every Graph request starts with.
const Prefix = "/v1.0/"

// Server is the emulated Microsoft Graph. It is an http.Handler, safe for concurrent use.
type Server struct {
	mux *http.ServeMux

	mu            sync.Mutex
	relationships map[string]*relationship
	order         []string // relationship ids in the order created, the order lists page in
	created       int      // relationships ever created: the last one's seq
	visibleAt     map[string]time.Time
	requests      map[string]*request
	operations    map[string]*operation
	// assignments are the access assignments of every relationship, by id, and their ids in the
	// order created.
	assignments     map[string]*assignment
	assignmentOrder []string
	// base is the clock the emulator's time starts from (SetClock), offset moves it ahead (Advance).
	base   func() time.Time
	offset time.Duration
	// pageSize is how many items a list page holds when the client asks for more ($top).
	pageSize         int
	createLag        time.Duration
	activationDelay  time.Duration
	terminationDelay time.Duration
	operationPolls   int
	assignmentDelay  time.Duration
	changeLag        time.Duration
	// tenants are the directories of the partner's tenant (PartnerTenant) and of each customer
	// tenant: service principals and permission grants, as application consents leave them.
	tenants      map[string]*tenantDirectory
	consentDelay time.Duration
}

// New returns an emulated Graph holding no relationship.
func New() *Server {
	s := &Server{mux: http.NewServeMux(), relationships: map[string]*relationship{}, visibleAt: map[string]time.Time{},
		requests: map[string]*request{}, operations: map[string]*operation{}, assignments: map[string]*assignment{}, pageSize: maxPageSize, operationPolls: 1, base: time.Now}
	s.relationshipRoutes()
	s.assignmentRoutes()
	s.delegatedAdminCustomerRoutes()
	s.directoryRoutes()
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		WriteError(w, r, http.StatusNotFound, "Request_ResourceNotFound", "Resource not found for the segment '"+r.URL.Path+"'.")
	})
	return s
}

// ServeHTTP answers one request that passed the emulator's authentication.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// WriteError answers r with Graph's error body: code, message, and the request ids a support case
// needs (request-id is the emulator's, client-request-id the one the client sent).
func WriteError(w http.ResponseWriter, r *http.Request, status int, code, message string) {
	requestID := w.Header().Get("request-id")
	writeJSON(w, status, map[string]any{"error": map[string]any{
		"code": code, "message": message,
		"innerError": map[string]any{
			"request-id": requestID, "client-request-id": r.Header.Get("client-request-id"),
			"date": time.Now().UTC().Format("2006-01-02T15:04:05"),
		},
	}})
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json; odata.metadata=minimal")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// selfURL is the emulator's own address as r reached it, which links and Location headers name,
// as Graph names its own host: a client follows them only to the endpoint it was given.
func selfURL(r *http.Request) string {
	if r.TLS != nil {
		return "https://" + r.Host
	}
	return "http://" + r.Host
}
