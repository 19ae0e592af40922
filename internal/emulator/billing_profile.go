// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

// maxBodyBytes bounds a PUT body; a billing profile is a few KiB.
const maxBodyBytes = 1 << 20

func (s *Server) handleBillingProfile(w http.ResponseWriter, r *http.Request) {
	id := strings.ToLower(r.PathValue("id"))
	switch r.Method {
	case http.MethodGet:
		s.getBillingProfile(w, id)
	case http.MethodPut:
		s.putBillingProfile(w, r, id)
	default:
		w.Header().Set("Allow", "GET, PUT")
		writeError(w, http.StatusMethodNotAllowed, 405, "The requested resource does not support http method '"+r.Method+"'.")
	}
}

func (s *Server) getBillingProfile(w http.ResponseWriter, id string) {
	doc, ok := s.Profile(id)
	if !ok {
		writeTenantNotFound(w)
		return
	}
	writeJSON(w, http.StatusOK, doc)
}

func writeTenantNotFound(w http.ResponseWriter) {
	writeError(w, http.StatusNotFound, 60003, "Tenant not found.")
}

// putBillingProfile replaces the whole profile with the body, on condition that the ETag the
// client names is the current one: in If-Match, as Partner Center's REST reference requires, or,
// where the emulator accepts it (AcceptBodyETag), in attributes.etag alone, as Microsoft's SDKs
// send it.
func (s *Server) putBillingProfile(w http.ResponseWriter, r *http.Request, id string) {
	if strings.TrimSpace(r.Header.Get("If-Match")) == "" && !s.acceptsBodyETag() {
		writeError(w, http.StatusPreconditionRequired, "IfMatchRequired",
			"The request has no If-Match header: send the ETag of the profile it replaces, from attributes.etag of the last read.")
		return
	}
	doc, err := readBody(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, "InvalidRequestBody", "The request body is not a JSON object: "+err.Error())
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	current, ok := s.customers[id]
	if !ok {
		writeTenantNotFound(w)
		return
	}
	if etag := requestETag(r, doc); etag == "" || etag != currentETag(current) {
		writeError(w, http.StatusPreconditionFailed, 412,
			"The profile was changed since it was read: the ETag in If-Match is no longer current. Read the profile again.")
		return
	}
	if status, code, desc, data := validateProfile(doc); status != 0 {
		writeError(w, status, code, desc, data...)
		return
	}
	s.customers[id] = stamp(doc, id, current["id"])
	writeJSON(w, http.StatusOK, s.customers[id])
}

func readBody(r *http.Request) (map[string]any, error) {
	b, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes))
	if err != nil {
		return nil, err
	}
	var doc map[string]any
	if err := json.Unmarshal(bytes.TrimPrefix(b, bom), &doc); err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, io.ErrUnexpectedEOF
	}
	out, _ := normalize(doc).(map[string]any)
	return out, nil
}

// requestETag takes If-Match (quoted or not, weak or strong) or, where absent, attributes.etag,
// which is all Microsoft's SDKs send.
func requestETag(r *http.Request, doc map[string]any) string {
	if v := strings.TrimSpace(r.Header.Get("If-Match")); v != "" {
		return strings.Trim(strings.TrimPrefix(v, "W/"), `"`)
	}
	return currentETag(doc)
}

func currentETag(doc map[string]any) string {
	attrs, _ := doc["attributes"].(map[string]any)
	etag, _ := attrs["etag"].(string)
	return etag
}

// AcceptBodyETag makes the emulator accept a billing profile PUT without If-Match that names the
// ETag in attributes.etag only, as Microsoft's SDKs send it. By default If-Match is required, as
// the REST reference says, so that a client that forgets it is caught.
func (s *Server) AcceptBodyETag(accept bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bodyETag = accept
}

func (s *Server) acceptsBodyETag() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bodyETag
}
