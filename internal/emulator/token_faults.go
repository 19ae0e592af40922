// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"net/http"
	"time"
)

// TokenFault is a misbehaviour of the emulated Entra ID token endpoint, injected into the next
// token requests: an outage (5xx), a refusal (an AADSTS error), a hung or dropped connection, or an
// answer that repeats the whole request, secrets included, as some gateways do. With
// SetTokenLifetime it lets a soak test renew tokens every few seconds through injected failures.
type TokenFault struct {
	// Times is how many token requests the fault hits; zero means one.
	Times int
	// Status, when set, is the answer's HTTP status, in Entra ID's error shape.
	Status int
	// AADSTS is the error code sent with Status. Zero picks 90033 ("a transient error has
	// occurred") for 429 and 5xx, and 7000215 (invalid client secret) for other statuses.
	AADSTS int
	// Echo repeats the request's whole form body (client secret, refresh token, assertion) in the
	// error description. Without a Status it answers 400 (AADSTS900144).
	Echo bool
	// Delay holds the request this long before the fault, or the token, is answered.
	Delay time.Duration
	// Hang holds the request until the client gives up, like an endpoint that never answers.
	Hang bool
	// Reset drops the connection without an answer.
	Reset bool
}

// Entra ID's codes for the faults' answers.
const (
	aadTransient      = 90033
	aadMissingRequest = 900144
)

// InjectTokenFault queues f; token faults hit token requests in the order they were injected.
func (s *Server) InjectTokenFault(f TokenFault) {
	if f.Times <= 0 {
		f.Times = 1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.id.faults = append(s.id.faults, &f)
}

// takeTokenFault counts one use of the first queued token fault and returns a copy.
func (s *Server) takeTokenFault() (TokenFault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.id.faults) == 0 {
		return TokenFault{}, false
	}
	f := s.id.faults[0]
	f.Times--
	if f.Times == 0 {
		s.id.faults = s.id.faults[1:]
	}
	return *f, true
}

// applyTokenFault plays the next token fault, if any, on a request whose form body was raw. It
// reports the status answered (0 when the connection was dropped or the client left) and whether
// the request has been answered.
func (s *Server) applyTokenFault(w http.ResponseWriter, r *http.Request, raw string) (status int, answered bool) {
	f, ok := s.takeTokenFault()
	if !ok {
		return 0, false
	}
	delay := f.Delay
	if f.Hang {
		delay = time.Duration(1<<63 - 1)
	}
	if !s.wait(r, delay) {
		return 0, true
	}
	if f.Reset {
		dropConnection(w)
		return 0, true
	}
	if f.Status == 0 && !f.Echo {
		return 0, false
	}
	status, code := tokenFaultAnswer(f)
	text := http.StatusText(status) + " (injected fault)."
	if f.Echo {
		text += " The request was: " + raw
	}
	writeAADError(w, status, aadErrorKind(status), code, text)
	return status, true
}

func tokenFaultAnswer(f TokenFault) (status, code int) {
	status, code = f.Status, f.AADSTS
	if status == 0 {
		status = http.StatusBadRequest
		if code == 0 {
			code = aadMissingRequest
		}
	}
	if code == 0 {
		code = aadInvalidSecret
		if status == http.StatusTooManyRequests || status >= 500 {
			code = aadTransient
		}
	}
	return status, code
}

func aadErrorKind(status int) string {
	switch {
	case status >= 500 || status == http.StatusTooManyRequests:
		return "temporarily_unavailable"
	case status == http.StatusUnauthorized:
		return "invalid_client"
	}
	return "invalid_request"
}

// dropConnection closes the connection without answering.
func dropConnection(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		http.Error(w, "emulator: dropping a connection needs a hijackable connection", http.StatusInternalServerError)
		return
	}
	if conn, _, err := hj.Hijack(); err == nil {
		_ = conn.Close()
	}
}
