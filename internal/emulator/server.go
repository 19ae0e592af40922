// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package emulator is an in-memory Partner Center that behaves as the real service does for the
// calls this provider makes: ETags and 412, full-replacement PUT that keeps every field it is sent,
// byte-order marks before JSON, Partner Center's error bodies, address validation, 401/404, and
// throttling, and Entra ID's token endpoint. Tests seed customers, change profiles behind a client's
// back, inject faults into the API (Inject) and the token endpoint (InjectTokenFault), issue tokens
// that expire in seconds (SetTokenLifetime) and read the request logs; the partnercenter-emulator
// command serves it on loopback for demos and pipelines.
package emulator

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator/graphemu"
)

// Server is the emulated Partner Center. It is an http.Handler, safe for concurrent use.
type Server struct {
	mu        sync.Mutex
	tokens    map[string]audience       // static tokens, and the API each is for
	customers map[string]map[string]any // customer id (lower case) → stored billing profile
	directory customerDirectory
	id        identity
	faults    []*Fault
	requests  []Request
	latency   time.Duration
	// bodyETag accepts a PUT without If-Match (AcceptBodyETag).
	bodyETag bool
	throttle throttling
	// countryRules is read-only after New; verdicts are set by tests.
	countryRules map[string]CountryRules
	verdicts     map[string]addressVerdict
	mux          *http.ServeMux
	identity     *http.ServeMux
	graph        *graphemu.Server
	clock        clock
	// consentNeedsMFA refuses application consents (SetConsentRequiresMFA).
	consentNeedsMFA bool
	// customerTokens are static Graph tokens of customer tenants (AddCustomerGraphToken), by token.
	customerTokens map[string]string
}

// New returns an emulator that accepts the given bearer tokens for Partner Center and holds no
// customers.
func New(tokens ...string) *Server {
	s := &Server{tokens: map[string]audience{}, customers: map[string]map[string]any{}, id: newIdentity(),
		countryRules: defaultCountryRules(), verdicts: map[string]addressVerdict{}, graph: graphemu.New(), clock: clock{base: time.Now}}
	for _, t := range tokens {
		s.tokens[t] = partnerCenterAudience
	}
	s.mux = http.NewServeMux()
	s.mux.HandleFunc(billingProfileRoute, s.handleBillingProfile)
	s.mux.HandleFunc(customersRoute, s.handleListCustomers)
	s.mux.HandleFunc(customerRoute, s.handleGetCustomer)
	s.mux.HandleFunc(companyProfileRoute, s.handleCompanyProfile)
	s.mux.HandleFunc(applicationConsentsRoute, s.handleCreateConsent)
	s.mux.HandleFunc(applicationConsentRoute, s.handleDeleteConsent)
	s.mux.HandleFunc("GET /v1/countryvalidationrules/{country}", s.handleCountryRules)
	s.mux.HandleFunc("POST /v1/validations/address", s.handleValidateAddress)
	s.mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		writeError(w, http.StatusNotFound, 1000, "Not found")
	})
	s.identity = http.NewServeMux()
	s.identityRoutes(s.identity)
	return s
}

// billingProfileRoute is GET/PUT /v1/customers/{customer-tenant-id}/profiles/billing.
const billingProfileRoute = "/v1/customers/{id}/profiles/billing"

// AddToken makes the emulator accept another bearer token for Partner Center.
func (s *Server) AddToken(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens[token] = partnerCenterAudience
}

// AddGraphToken makes the emulator accept a bearer token for Microsoft Graph.
func (s *Server) AddGraphToken(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens[token] = graphAudience
}

// AddCustomerGraphToken makes the emulator accept token for Microsoft Graph in the tenant of
// customer tenantID: what a token the partner's app got in that tenant stands for.
func (s *Server) AddCustomerGraphToken(token, tenantID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens[token] = graphAudience
	if s.customerTokens == nil {
		s.customerTokens = map[string]string{}
	}
	s.customerTokens[token] = strings.ToLower(tenantID)
}

// Graph is the emulator's Microsoft Graph side, for tests that approve relationships as a
// customer would or move its clock.
func (s *Server) Graph() *graphemu.Server { return s.graph }

// SetLatency delays every answer by d, like a far-away service.
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency = d
}

// ServeHTTP answers one request. Entra ID's endpoints (token, discovery) meet the latency too,
// as a far-away Entra ID would, then the token faults injected (InjectTokenFault), and are logged
// in TokenRequests. A Partner Center
// request (/v1/) meets latency, then any injected fault, then authentication, then the API itself;
// a Microsoft Graph request (/v1.0/, package graph) meets latency, then any injected fault and
// throttling (in Graph's shapes), then authentication with a Graph token, then Graph. Both land in
// the request log with the status they got.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, graphemu.Prefix) {
		s.serveGraph(w, r)
		return
	}
	if strings.HasPrefix(r.URL.Path, graphemu.ControlPrefix) {
		s.serveGraphControl(w, r)
		return
	}
	if !strings.HasPrefix(r.URL.Path, "/v1/") {
		if s.wait(r, s.currentLatency()) {
			s.identity.ServeHTTP(w, r)
		}
		return
	}
	echoIDs(w, r)
	bufferBody(r)
	rec := &statusRecorder{ResponseWriter: w}
	entry := newRequest(r)
	entry.Body = peekBody(r)
	defer func() { s.logRequest(entry, rec.status) }()

	if !s.wait(r, s.currentLatency()) {
		return
	}
	if s.applyFault(rec, r, entry.CustomerID) || s.applyThrottling(rec) {
		return
	}
	if !s.authorized(r, partnerCenterAudience) {
		writeError(rec, http.StatusUnauthorized, 800001, "Authorization token is missing or invalid.")
		return
	}
	s.mux.ServeHTTP(rec, r)
}

// serveGraph answers a Microsoft Graph request.
func (s *Server) serveGraph(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("request-id", newGUID())
	bufferBody(r)
	rec := &statusRecorder{ResponseWriter: w}
	entry := newRequest(r)
	entry.Body = peekBody(r)
	defer func() { s.logRequest(entry, rec.status) }()
	if !s.wait(r, s.currentLatency()) {
		return
	}
	if s.applyGraphFault(rec, r) || s.applyGraphThrottling(rec, r) {
		return
	}
	if !s.authorized(r, graphAudience) {
		graphemu.WriteError(rec, r, http.StatusUnauthorized, "InvalidAuthenticationToken",
			"Access token validation failure. Invalid audience.")
		return
	}
	tenant := s.tokenTenant(r)
	if tenant != graphemu.PartnerTenant && strings.HasPrefix(r.URL.Path, graphemu.Prefix+"tenantRelationships/") {
		// A customer tenant's token reads that tenant, not the partner's GDAP.
		graphemu.WriteError(rec, r, http.StatusForbidden, "Authorization_RequestDenied",
			"Insufficient privileges to complete the operation: the token was issued in tenant "+tenant+".")
		return
	}
	s.graph.ServeHTTP(rec, r.WithContext(graphemu.WithTenant(r.Context(), tenant)))
}

// tokenTenant is the tenant r's token was issued in: a customer's, or graphemu.PartnerTenant for
// the partner's own tokens and the static ones.
func (s *Server) tokenTenant(r *http.Request) string {
	_, token, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	s.mu.Lock()
	defer s.mu.Unlock()
	if tenant, ok := s.customerTokens[token]; ok {
		return tenant
	}
	return s.id.accessTokens[token].tenant
}

// serveGraphControl answers the emulator's Graph controls (approve as a customer, move the clock),
// for a caller holding a token the emulator accepts for either API.
func (s *Server) serveGraphControl(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(r, graphAudience) && !s.authorized(r, partnerCenterAudience) {
		graphemu.WriteError(w, r, http.StatusUnauthorized, "InvalidAuthenticationToken", "The emulator's controls need a token it accepts.")
		return
	}
	s.graph.ServeControl(w, r)
}

// peekBody is r's buffered body (bufferBody), left in place for the handler.
func peekBody(r *http.Request) string {
	if r.Body == nil || r.Body == http.NoBody {
		return ""
	}
	b, err := io.ReadAll(r.Body)
	var rest io.Reader = bytes.NewReader(b)
	if err != nil {
		rest = io.MultiReader(rest, errReader{err}) // the handler meets the failure bufferBody met
	}
	r.Body = io.NopCloser(rest)
	return string(b)
}

// bufferBody reads the request body before anything waits. Go's server notices that a client went
// away only once the body has been read, so a request with a body that waits (latency, a delay
// fault) would otherwise be held for the whole wait after its client gave up.
func bufferBody(r *http.Request) {
	if r.Body == nil || r.Body == http.NoBody {
		return
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
	var rest io.Reader = bytes.NewReader(b)
	if err != nil {
		rest = io.MultiReader(rest, errReader{err})
	}
	r.Body = io.NopCloser(rest)
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

func (s *Server) currentLatency() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.latency
}

// wait sleeps d unless the client goes away first; it reports whether to go on.
func (s *Server) wait(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

func (s *Server) authorized(r *http.Request, aud audience) bool {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	return s.validAccessToken(token, aud)
}

// echoIDs sends back the request's MS-RequestId and MS-CorrelationId, as Partner Center does,
// making up ids the client did not send.
func echoIDs(w http.ResponseWriter, r *http.Request) {
	for _, h := range []string{headerRequestID, headerCorrelationID} {
		v := r.Header.Get(h)
		if v == "" {
			v = newGUID()
		}
		w.Header().Set(h, v)
	}
}

// statusRecorder remembers the status written, for the request log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

// Hijack hands over the connection, for faults that break it.
func (r *statusRecorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	hj, ok := r.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, errors.New("emulator: the connection cannot be hijacked")
	}
	r.status = -1 // reset: no status was answered
	return hj.Hijack()
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}
