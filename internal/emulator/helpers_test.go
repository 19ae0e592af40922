package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

// Shared pieces of the emulator's tests: a seeded emulator and the requests they send it.

const (
	token    = "emulator-test-token"
	customer = "7c1e8a52-4d0f-4b6e-9d3a-5f2b1c0e9a11"
)

type answer struct {
	status int
	header http.Header
	raw    []byte
	body   map[string]any
}

func newSeeded(t *testing.T) *Server {
	t.Helper()
	s := New(token)
	if err := s.SeedDefaultCustomer(customer); err != nil {
		t.Fatal(err)
	}
	return s
}

func send(t *testing.T, s *Server, method, path string, header map[string]string, body any) answer {
	t.Helper()
	var rd *bytes.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	} else {
		rd = bytes.NewReader(nil)
	}
	req := httptest.NewRequest(method, path, rd)
	req.Header.Set("Authorization", "Bearer "+token)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	a := answer{status: w.Code, header: w.Header(), raw: w.Body.Bytes()}
	_ = json.Unmarshal(bytes.TrimPrefix(a.raw, bom), &a.body)
	return a
}

func profilePath(id string) string { return "/v1/customers/" + id + "/profiles/billing" }

func get(t *testing.T, s *Server) answer {
	return send(t, s, http.MethodGet, profilePath(customer), nil, nil)
}

func put(t *testing.T, s *Server, ifMatch string, doc map[string]any) answer {
	t.Helper()
	h := map[string]string{}
	if ifMatch != "" {
		h["If-Match"] = ifMatch
	}
	return send(t, s, http.MethodPut, profilePath(customer), h, doc)
}

func etagOf(doc map[string]any) string { return currentETag(doc) }
