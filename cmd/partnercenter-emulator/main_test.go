// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

func TestNewServerSeedsFileAndDemoCustomers(t *testing.T) {
	seeded := "11111111-2222-4333-8444-555555555555"
	demo := "3fa85f64-5717-4562-b3fc-2c963f66afa6"
	seed := filepath.Join(t.TempDir(), "seed.json")
	if err := os.WriteFile(seed, []byte(`{"customers": {"`+seeded+`": {"companyName": "Seeded"}}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	srv, err := newServer(options{token: "t", seed: seed, demoCustomer: demo})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	for _, id := range []string{seeded, demo} {
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, hs.URL+"/v1/customers/"+id+"/profiles/billing", nil)
		req.Header.Set("Authorization", "Bearer t")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("customer %s: status %d", id, resp.StatusCode)
		}
	}
}

func TestNewServerRejectsABadSeedFile(t *testing.T) {
	seed := filepath.Join(t.TempDir(), "seed.json")
	if err := os.WriteFile(seed, []byte(`{"customers": {"not-a-guid": {}}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := newServer(options{token: "t", seed: seed}); err == nil {
		t.Error("a seed file with a non-GUID customer id was accepted")
	}
}

func TestNewServerSeedsTheNumberOfCustomersAsked(t *testing.T) {
	srv, err := newServer(options{token: "t", customers: 12})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, hs.URL+"/v1/customers?size=500", nil)
	req.Header.Set("Authorization", "Bearer t")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	var page struct {
		TotalCount int `json:"totalCount"`
	}
	body, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(bytes.TrimPrefix(body, []byte("\ufeff")), &page); err != nil || page.TotalCount != 12 {
		t.Errorf("listed %d customers (%v), want 12", page.TotalCount, err)
	}
}

// status is the status the emulator at base answers a GET of path with bearer token.
func status(t *testing.T, base, path, token string) int {
	t.Helper()
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, base+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	return resp.StatusCode
}

func TestTheGraphTokenOpensGraphAndOnlyGraph(t *testing.T) {
	srv, err := newServer(options{token: "pc", graphToken: "graph"})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	const relationships = "/v1.0/tenantRelationships/delegatedAdminRelationships"
	for _, c := range []struct {
		path, token string
		want        int
	}{
		{relationships, "graph", http.StatusOK},
		{relationships, "pc", http.StatusUnauthorized},
		{"/v1/customers?size=500", "graph", http.StatusUnauthorized},
		{"/v1/customers?size=500", "pc", http.StatusOK},
	} {
		if got := status(t, hs.URL, c.path, c.token); got != c.want {
			t.Errorf("GET %s with the %s token: status %d, want %d", c.path, c.token, got, c.want)
		}
	}
	if _, err := newServer(options{token: "same", graphToken: "same"}); err == nil {
		t.Error("one token for both APIs was accepted")
	}
}

func TestTheExportLineIsWhatAShellTakes(t *testing.T) {
	tests := map[string]string{
		"local-token":    "export PARTNERCENTER_BASE_URL=http://127.0.0.1:8080 PARTNERCENTER_ACCESS_TOKEN=local-token",
		"a token with $": `export PARTNERCENTER_BASE_URL=http://127.0.0.1:8080 PARTNERCENTER_ACCESS_TOKEN='a token with $'`,
		"it's":           `export PARTNERCENTER_BASE_URL=http://127.0.0.1:8080 PARTNERCENTER_ACCESS_TOKEN='it'\''s'`,
	}
	for token, want := range tests {
		if got := exportLine("http://127.0.0.1:8080", token, ""); got != want {
			t.Errorf("exportLine(%q) = %s, want %s", token, got, want)
		}
	}
	want := "export PARTNERCENTER_BASE_URL=http://127.0.0.1:8080 PARTNERCENTER_ACCESS_TOKEN=pc" +
		" PARTNERCENTER_GRAPH_BASE_URL=http://127.0.0.1:8080 PARTNERCENTER_GRAPH_ACCESS_TOKEN='graph $'"
	if got := exportLine("http://127.0.0.1:8080", "pc", "graph $"); got != want {
		t.Errorf("exportLine with a Graph token = %s, want %s", got, want)
	}
}
