// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package graph is the Microsoft Graph side of the emulator: the v1.0 API under /v1.0/, served by
// the emulator's listener behind its latency, request log and authentication, which accepts only
// tokens issued for Graph, as Graph accepts no Partner Center token. It answers in Graph's shapes:
// collections as {"@odata.context", "value"}, errors as {"error": {"code", "message",
// "innerError": {"request-id", "client-request-id", "date"}}}.
//
// It holds the partner's GDAP relationships (tenantRelationships/delegatedAdminRelationships):
// none until the GDAP resources bring their lifecycle.
package graph

import (
	"encoding/json"
	"net/http"
	"time"
)

// Prefix is the path every Graph request starts with.
const Prefix = "/v1.0/"

// Server is the emulated Microsoft Graph. It is an http.Handler, safe for concurrent use.
type Server struct {
	mux *http.ServeMux
}

// New returns an emulated Graph holding no relationship.
func New() *Server {
	s := &Server{mux: http.NewServeMux()}
	s.mux.HandleFunc("GET /v1.0/tenantRelationships/delegatedAdminRelationships", s.listRelationships)
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		WriteError(w, r, http.StatusNotFound, "Request_ResourceNotFound", "Resource not found for the segment '"+r.URL.Path+"'.")
	})
	return s
}

// ServeHTTP answers one request that passed the emulator's authentication.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// listRelationships is GET /v1.0/tenantRelationships/delegatedAdminRelationships.
func (s *Server) listRelationships(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#tenantRelationships/delegatedAdminRelationships",
		"value":          []any{},
	})
}

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
