// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

// stopped is a clock that stays at t: time passes for the emulator only when a test Advances it.
func stopped(t time.Time) func() time.Time { return func() time.Time { return t } }

// One clock for the whole emulator: Entra ID's tokens expire by it, on both APIs, and Graph stamps
// its relationships with it, so a test that moves it moves every API at once.
func TestOneClockForEveryAPI(t *testing.T) {
	t.Parallel()
	s, base := identityServer(t)
	t0 := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	s.SetClock(stopped(t0))
	pc := exchange(t.Context(), base, "https://api.partnercenter.microsoft.com/user_impersonation", seedRT)
	graph := exchange(t.Context(), base, "https://graph.microsoft.com/.default", pc.body["refresh_token"].(string))
	pcToken, graphToken := pc.body["access_token"].(string), graph.body["access_token"].(string)

	s.Advance(time.Hour - time.Second)
	if status, _ := call(t, base, pcPath, pcToken); status != http.StatusOK {
		t.Errorf("Partner Center refused an hour-long token after 59m59s (%d)", status)
	}
	if status, _ := call(t, base, graphPath, graphToken); status != http.StatusOK {
		t.Errorf("Graph refused an hour-long token after 59m59s (%d)", status)
	}
	s.Advance(time.Second)
	if status, _ := call(t, base, pcPath, pcToken); status != http.StatusUnauthorized {
		t.Errorf("Partner Center answered an expired token with %d, want 401", status)
	}
	if status, _ := call(t, base, graphPath, graphToken); status != http.StatusUnauthorized {
		t.Errorf("Graph answered an expired token with %d, want 401", status)
	}

	fresh := exchange(t.Context(), base, "https://graph.microsoft.com/.default", graph.body["refresh_token"].(string))
	created := post(t, base, graphPath, fresh.body["access_token"].(string), map[string]any{"displayName": "Clock", "duration": "P730D",
		"customer": map[string]string{"tenantId": "7a8b2f31-5c4d-4e6f-8a9b-0c1d2e3f4a5b"}, "accessDetails": map[string]any{
			"unifiedRoles": []map[string]string{{"roleDefinitionId": "88d8e3e3-8f55-4a1e-953a-9b9898b8876b"}}}})
	if want := t0.Add(time.Hour).Format(time.RFC3339); created["createdDateTime"] != want {
		t.Errorf("Graph stamped the relationship %v, want the emulator's time %s", created["createdDateTime"], want)
	}
}

// post sends POST path with token and body and returns the decoded answer.
func post(t *testing.T, base, path, token string, body any) map[string]any {
	t.Helper()
	raw, _ := json.Marshal(body)
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, base+path, bytes.NewReader(raw))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	var answer map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&answer); err != nil || resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST %s: %d %v (%v)", path, resp.StatusCode, answer, err)
	}
	return answer
}
