// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"
)

// SeededRelationship is a GDAP relationship a test puts in the emulator through Graph's API, as a
// partner would in the portal.
type SeededRelationship struct {
	Name, CustomerTenantID string
	// Duration is an ISO 8601 duration; P730D when empty.
	Duration string
	Roles    []string
	// Lock also locks the relationship for the customer's approval.
	Lock bool
}

// SeedRelationship creates r in env's emulator and returns its id.
func SeedRelationship(t *testing.T, env *Env, r SeededRelationship) string {
	t.Helper()
	env.NeedsEmulator(t)
	if r.Duration == "" {
		r.Duration = "P730D"
	}
	created := graphCall(t, env, http.MethodPost, "/v1.0/tenantRelationships/delegatedAdminRelationships", map[string]any{
		"displayName": r.Name, "duration": r.Duration, "customer": map[string]string{"tenantId": r.CustomerTenantID},
		"accessDetails": map[string]any{"unifiedRoles": unifiedRoles(r.Roles)}})
	id, _ := created["id"].(string)
	if r.Lock {
		graphCall(t, env, http.MethodPost, "/v1.0/tenantRelationships/delegatedAdminRelationships/"+id+"/requests",
			map[string]string{"action": "lockForApproval"})
	}
	return id
}

// SeedAssignment gives securityGroupID roles under relationship relationshipID in env's emulator
// through Graph's API, as a partner would in the portal, and returns the assignment's id.
func SeedAssignment(t *testing.T, env *Env, relationshipID, securityGroupID string, roles ...string) string {
	t.Helper()
	env.NeedsEmulator(t)
	created := graphCall(t, env, http.MethodPost, "/v1.0/tenantRelationships/delegatedAdminRelationships/"+relationshipID+
		"/accessAssignments", map[string]any{
		"accessContainer": map[string]string{"accessContainerId": securityGroupID, "accessContainerType": "securityGroup"},
		"accessDetails":   map[string]any{"unifiedRoles": unifiedRoles(roles)}})
	id, _ := created["id"].(string)
	return id
}

// unifiedRoles is Graph's list of role definitions for roles.
func unifiedRoles(roles []string) []map[string]string {
	unified := make([]map[string]string, 0, len(roles))
	for _, r := range roles {
		unified = append(unified, map[string]string{"roleDefinitionId": r})
	}
	return unified
}

// graphCall sends body to the emulator's Graph side and returns the decoded success answer.
func graphCall(t *testing.T, env *Env, method, path string, body any) map[string]any {
	t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequestWithContext(t.Context(), method, env.BaseURL+path, bytes.NewReader(b))
	req.Header.Set("Authorization", "Bearer "+EmulatorGraphToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	out := map[string]any{}
	_ = json.NewDecoder(resp.Body).Decode(&out)
	if resp.StatusCode >= 300 {
		t.Fatalf("%s %s: %d %v", method, path, resp.StatusCode, out)
	}
	return out
}
