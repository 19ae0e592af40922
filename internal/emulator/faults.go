// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator/graphemu"
)

// Fault is a misbehaviour injected into the next requests that match it. A fault with a Status
// answers in place of the API; one without lets the request go on after its Delay and Mutate.
type Fault struct {
	// Method, CustomerID and Path (such as /v1/customers) select the requests hit, and PathSuffix
	// those whose path ends with it (such as /requests, a relationship's whatever its id); empty
	// matches any.
	Method     string
	CustomerID string
	Path       string
	PathSuffix string
	// Times is how many matching requests the fault hits; zero means one.
	Times int
	// Status, when set, is the answer: a 429 comes in the throttling shape with Retry-After, any
	// other status in Partner Center's error shape (or with Body).
	Status int
	// RetryAfter is sent with a 429 (default one second) or a 503.
	RetryAfter time.Duration
	// Body and ContentType replace the error body, e.g. a proxy's HTML page or broken JSON.
	Body, ContentType string
	// Delay holds the request this long before it is answered, like a hung service.
	Delay time.Duration
	// Reset answers with the start of a 200 response and then drops the connection mid-body.
	Reset bool
	// Mutate is another writer's change to the customer's stored profile, made just before the
	// request is handled: the profile gets a new ETag, so a PUT that follows meets 412.
	Mutate func(profile map[string]any)
	// Before runs just before a Microsoft Graph request is handled, such as another writer's
	// change (graphemu.Server.Touch) that makes the request's If-Match stale.
	Before func()
	// Lost (Microsoft Graph only) lets Graph carry the request out and then loses its answer: the
	// client gets Status (or a dropped connection with Reset) for a call that took effect.
	Lost bool
}

// Inject queues f; faults hit matching requests in the order they were injected.
func (s *Server) Inject(f Fault) {
	if f.Times <= 0 {
		f.Times = 1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &f)
}

// ClearFaults drops every fault not yet used up.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

// takeFault finds the first fault that matches r, counts one use of it, and returns a copy.
func (s *Server) takeFault(r *http.Request, customerID string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.faults {
		if !f.matches(r.Method, customerID, r.URL.Path) {
			continue
		}
		f.Times--
		if f.Times == 0 {
			s.faults = append(s.faults[:i], s.faults[i+1:]...)
		}
		return *f, true
	}
	return Fault{}, false
}

func (f *Fault) matches(method, customerID, path string) bool {
	return (f.Method == "" || strings.EqualFold(f.Method, method)) &&
		(f.CustomerID == "" || strings.EqualFold(f.CustomerID, customerID)) &&
		(f.Path == "" || strings.EqualFold(f.Path, path)) &&
		(f.PathSuffix == "" || strings.HasSuffix(strings.ToLower(path), strings.ToLower(f.PathSuffix)))
}

// applyFault plays the fault matching r, if any; it reports whether the request has been answered.
func (s *Server) applyFault(w http.ResponseWriter, r *http.Request, customerID string) bool {
	f, ok := s.takeFault(r, customerID)
	if !ok {
		return false
	}
	if !s.wait(r, f.Delay) {
		return true
	}
	if f.Mutate != nil {
		_ = s.ChangeProfile(customerID, f.Mutate)
	}
	if f.Reset {
		resetMidBody(w)
		return true
	}
	if f.Status == 0 {
		return false
	}
	writeFault(w, f)
	return true
}

// resetMidBody promises a body it never finishes, then closes the connection.
func resetMidBody(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		http.Error(w, "emulator: connection reset needs a hijackable connection", http.StatusInternalServerError)
		return
	}
	conn, buf, err := hj.Hijack()
	if err != nil {
		return
	}
	defer func() { _ = conn.Close() }()
	_, _ = buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n\xef\xbb\xbf{\"id\":\"")
	_ = buf.Flush()
}

func writeFault(w http.ResponseWriter, f Fault) {
	switch {
	case f.Body != "":
		w.Header().Set("Content-Type", orDefault(f.ContentType, "text/plain; charset=utf-8"))
		w.WriteHeader(f.Status)
		_, _ = w.Write([]byte(f.Body))
	case f.Status == http.StatusTooManyRequests:
		writeThrottled(w, orDuration(f.RetryAfter, time.Second))
	default:
		if f.RetryAfter > 0 {
			w.Header().Set("Retry-After", formatSeconds(f.RetryAfter))
		}
		writeError(w, f.Status, f.Status, http.StatusText(f.Status)+" (injected fault)")
	}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func orDuration(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// throttling answers a share of all API requests with 429, as Partner Center does under load.
type throttling struct {
	fraction   float64
	retryAfter time.Duration
	// draws decides which requests are throttled: seeded, so that a run's n-th request is
	// throttled or not alike in every run (a test never depends on a lucky draw).
	draws *rand.Rand
}

// ThrottlingSeed seeds the draws of SetThrottling; SetThrottlingSeeded takes another.
const ThrottlingSeed = 1

// SetThrottling makes the emulator answer the given fraction (0 to 1) of API requests, Partner
// Center's and Microsoft Graph's, with 429 and Retry-After, drawn from ThrottlingSeed (the same
// requests, in arrival order, in every run); 0 turns it off.
func (s *Server) SetThrottling(fraction float64, retryAfter time.Duration) {
	s.SetThrottlingSeeded(fraction, retryAfter, ThrottlingSeed)
}

// SetThrottlingSeeded is SetThrottling with the draws seeded from seed.
func (s *Server) SetThrottlingSeeded(fraction float64, retryAfter time.Duration, seed uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.throttle = throttling{fraction: fraction, retryAfter: retryAfter, draws: rand.New(rand.NewPCG(seed, seed))} //nolint:gosec // a test's draws, not a secret
}

func (s *Server) applyThrottling(w http.ResponseWriter) bool {
	retryAfter, ok := s.throttled()
	if ok {
		writeThrottled(w, retryAfter)
	}
	return ok
}

// applyGraphThrottling is applyThrottling for a Microsoft Graph request, in Graph's error shape.
func (s *Server) applyGraphThrottling(w http.ResponseWriter, r *http.Request) bool {
	retryAfter, ok := s.throttled()
	if ok {
		w.Header().Set("Retry-After", formatSeconds(retryAfter))
		graphemu.WriteError(w, r, http.StatusTooManyRequests, "TooManyRequests", "Too many requests; retry after "+
			formatSeconds(retryAfter)+" seconds.")
	}
	return ok
}

// throttled draws whether this request is throttled, and the Retry-After to send if so.
func (s *Server) throttled() (time.Duration, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.throttle
	if t.fraction <= 0 || t.draws.Float64() >= t.fraction {
		return 0, false
	}
	return orDuration(t.retryAfter, time.Second), true
}

// applyGraphFault plays the fault matching a Microsoft Graph request r, if any, in Graph's error
// shape; it reports whether the request has been answered. Faults select Graph requests by method
// and path; CustomerID never matches one.
func (s *Server) applyGraphFault(w http.ResponseWriter, r *http.Request) bool {
	f, ok := s.takeFault(r, "")
	if !ok {
		return false
	}
	if !s.wait(r, f.Delay) {
		return true
	}
	if f.Before != nil {
		f.Before()
	}
	if f.Lost && s.authorized(r, graphAudience) {
		s.graph.ServeHTTP(httptest.NewRecorder(), r) // carried out; its answer goes nowhere
	}
	switch {
	case f.Reset:
		resetMidBody(w)
	case f.Status == 0:
		return false
	case f.Body != "":
		writeFault(w, f)
	default:
		if f.Status == http.StatusTooManyRequests || f.RetryAfter > 0 {
			w.Header().Set("Retry-After", formatSeconds(orDuration(f.RetryAfter, time.Second)))
		}
		code := map[int]string{http.StatusTooManyRequests: "TooManyRequests", http.StatusInternalServerError: "unexpectedError"}[f.Status]
		graphemu.WriteError(w, r, f.Status, orDefault(code, "injectedFault"), http.StatusText(f.Status)+" (injected fault)")
	}
	return true
}
