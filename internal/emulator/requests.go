// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Request is one entry of the emulator's request log.
type Request struct {
	Time       time.Time
	Method     string
	Path       string
	CustomerID string
	// Status is the HTTP status the emulator answered with: 0 when the client went away, -1 when
	// the emulator broke the connection (Fault.Reset).
	Status        int
	RequestID     string
	CorrelationID string
	IfMatch       string
	// TokenHash identifies the bearer token used (a hash: the log never holds the token).
	TokenHash string
	// Header holds the request headers, Authorization left out.
	Header http.Header
	// Body is the body of a Microsoft Graph request, as sent (GDAP bodies carry no secret).
	Body string
}

func newRequest(r *http.Request) Request {
	h := r.Header.Clone()
	h.Del("Authorization")
	return Request{
		Time:          time.Now(),
		Method:        r.Method,
		Path:          r.URL.Path,
		CustomerID:    customerIDFromPath(r.URL.Path),
		RequestID:     r.Header.Get(headerRequestID),
		CorrelationID: r.Header.Get(headerCorrelationID),
		IfMatch:       r.Header.Get("If-Match"),
		TokenHash:     TokenHash(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")),
		Header:        h,
	}
}

// TokenHash is how the request log names a bearer token.
func TokenHash(token string) string {
	if token == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:6])
}

// customerIDFromPath picks {id} out of /v1/customers/{id}/..., so that faults can match on it
// before routing.
func customerIDFromPath(path string) string {
	rest, ok := strings.CutPrefix(path, "/v1/customers/")
	if !ok {
		return ""
	}
	id, _, _ := strings.Cut(rest, "/")
	return strings.ToLower(id)
}

func (s *Server) logRequest(r Request, status int) {
	r.Status = status
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, r)
}

// Requests returns a copy of the request log, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Count returns how many logged requests match method and customer id (empty matches any).
func (s *Server) Count(method, customerID string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, r := range s.requests {
		if (method == "" || r.Method == method) && (customerID == "" || strings.EqualFold(r.CustomerID, customerID)) {
			n++
		}
	}
	return n
}

// ResetRequests empties the request log.
func (s *Server) ResetRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
}

func formatSeconds(d time.Duration) string {
	return strconv.Itoa(int((d + time.Second - 1) / time.Second))
}
