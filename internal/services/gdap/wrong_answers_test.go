// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

const relationshipsPath = "/v1.0/tenantRelationships/delegatedAdminRelationships"

// importConfig imports relationship id into relationshipConfig's resource.
func importConfig(env *acctest.Env, id, name, autoExtend string, roles ...string) string {
	return fmt.Sprintf("import {\n  to = %s\n  id = %q\n}\n", relAddress, id) + relationshipConfig(env, name, autoExtend, roles...)
}

// answerWith makes the emulator answer the GETs of relationship id with what it holds, edited by
// edit: a Graph that answers oddly.
func answerWith(t *testing.T, env *acctest.Env, id string, edit func(map[string]any)) func() {
	return func() {
		var rel map[string]any
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, env.BaseURL+relationshipsPath+"/"+id, nil)
		req.Header.Set("Authorization", "Bearer "+acctest.EmulatorGraphToken)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = resp.Body.Close() }()
		if err := json.NewDecoder(resp.Body).Decode(&rel); err != nil {
			t.Fatal(err)
		}
		edit(rel)
		body, _ := json.Marshal(rel)
		env.Emulator.Inject(emulator.Fault{Method: http.MethodGet, Path: relationshipsPath + "/" + id, Times: 1000,
			Status: http.StatusOK, Body: string(body), ContentType: "application/json"})
	}
}

func TestAccRelationship_aRoleNamedTwiceIsOneRole(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	id := seedRelationship(t, env, "Contoso admins", contoso, true, readerRole)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{ // in the configuration, in two cases: refused at plan, naming both
			Config:      relationshipConfig(env, "Contoso admins", "PT0S", readerRole, strings.ToUpper(readerRole)),
			PlanOnly:    true,
			ExpectError: acctest.DiagnosticPattern("Role named twice", readerRole, "are the same role"),
		},
		{ // in Graph's answer: read as one role, and nothing to change
			PreConfig: answerWith(t, env, id, func(rel map[string]any) {
				rel["accessDetails"] = map[string]any{"unifiedRoles": []map[string]string{
					{"roleDefinitionId": readerRole}, {"roleDefinitionId": strings.ToUpper(readerRole)}}}
			}),
			Config:            importConfig(env, id, "Contoso admins", "PT0S", readerRole),
			ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(relAddress, plancheck.ResourceActionNoop)}},
			ConfigStateChecks: []statecheck.StateCheck{stateIs("roles", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(readerRole)}))},
		},
		{PreConfig: func() { env.Emulator.ClearFaults(); approve(t, env, "Contoso admins")() }, Config: relationshipConfig(env, "Contoso admins", "PT0S", readerRole)},
	}})
}

func TestAccRelationship_anImportOfAnotherCustomersRelationshipIsRefusedNamingBoth(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	fabrikam := "0b6fd2a5-2c8b-4f3e-9b7a-00000000f4b1"
	id := seedRelationship(t, env, "Contoso admins", fabrikam, true, readerRole)
	if err := env.Emulator.Graph().Approve(id, fabrikam, "Fabrikam"); err != nil {
		t.Fatal(err)
	}
	env.Emulator.ResetRequests()
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config:      importConfig(env, id, "Contoso admins", "PT0S", readerRole),
		ExpectError: acctest.DiagnosticPattern("GDAP relationship is with another customer", "customer "+fabrikam, "names customer "+contoso),
	}}})
	if err := onlyReads(env, "the import of another customer's relationship"); err != nil {
		t.Error(err)
	}
	if err := expectStatus(t, env, "Contoso admins", "active")(nil); err != nil {
		t.Error(err)
	}
}

func TestAccRelationship_anAnswerWithoutItsETagIsUnusable(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	config := relationshipConfig(env, "Contoso admins", "PT0S", readerRole)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: config},
		{PreConfig: approve(t, env, "Contoso admins"), Config: config},
		{ // the refresh meets an answer without @odata.etag: no change goes out with an empty If-Match
			PreConfig: func() {
				answerWith(t, env, named(t, env, "Contoso admins").ID, func(rel map[string]any) { delete(rel, "@odata.etag") })()
				env.Emulator.ResetRequests()
			},
			Config:      relationshipConfig(env, "Contoso admins", "P180D", readerRole),
			ExpectError: acctest.DiagnosticPattern("Unusable answer from Microsoft Graph", "lacks @odata.etag", acctest.GraphRequestIDs),
		},
		{
			PreConfig: func() {
				if err := onlyReads(env, "a plan on an answer without its ETag"); err != nil {
					t.Error(err)
				}
				env.Emulator.ClearFaults()
			},
			Config: config,
		},
	}})
}

// A relationship someone terminated between the plan and the apply is reported as such, and
// nothing is written to it.
func TestAccRelationship_terminatedBetweenPlanAndApplyIsSaidSo(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	config := relationshipConfig(env, "Contoso admins", "PT0S", readerRole)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: config},
		{PreConfig: approve(t, env, "Contoso admins"), Config: config},
		{
			PreConfig: func() {
				env.Emulator.Inject(emulator.Fault{Method: http.MethodPatch, Before: func() {
					_ = env.Emulator.Graph().Terminate(named(t, env, "Contoso admins").ID)
				}})
			},
			Config:      relationshipConfig(env, "Contoso admins", "P180D", readerRole),
			ExpectError: acctest.DiagnosticPattern("GDAP relationship changed status meanwhile", "is terminated now", "was active"),
		},
		{Config: config, Check: expectStatus(t, env, "Contoso admins", "terminated")},
	}})
}

// An operation Graph reports succeeded while its reads still show the old roles for a moment is
// waited on, not taken for an inconsistent result.
func TestAccRelationship_aChangeIsWaitedOnUntilGraphShowsIt(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	env.Emulator.Graph().SetChangeLag(5 * time.Second)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: relationshipConfig(env, "Contoso admins", "PT0S", readerRole, globalAdmin)},
		{PreConfig: approve(t, env, "Contoso admins"), Config: relationshipConfig(env, "Contoso admins", "PT0S", readerRole, globalAdmin)},
		{
			Config:            relationshipConfig(env, "Contoso admins", "PT0S", readerRole),
			ConfigStateChecks: []statecheck.StateCheck{stateIs("roles", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(readerRole)}))},
		},
	}})
}

// An auto-extension written in other units (P6M, six months of 30 days) is sent as Graph writes it
// (P180D); the configuration's spelling stays in the state, and nothing is planned after.
func TestAccRelationship_durationsAreSentInGraphsSpelling(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	config := strings.Replace(relationshipConfig(env, "Contoso admins", "P6M", readerRole), `"P730D"`, `"P2Y"`, 1)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{
			Config:            config,
			ConfigStateChecks: []statecheck.StateCheck{stateIs("auto_extend_duration", knownvalue.StringExact("P6M")), stateIs("duration", knownvalue.StringExact("P2Y"))},
			Check:             expectHeld(t, env, "Contoso admins", "P730D", "P180D"),
		},
		{PreConfig: approve(t, env, "Contoso admins"), Config: config},
	}})
}

// After a 409 on an assignment's create, the list of the group's assignments that follows stops
// within a few pages when Graph's paging brings nothing new, however many links it gives.
func TestAccAccessAssignment_pagingAfterAConflictStops(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	var lists atomic.Int32
	endless := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/accessAssignments") {
			n := lists.Add(1)
			w.Header().Set("Content-Type", "application/json")
			_, _ = fmt.Fprintf(w, `{"value": [], "@odata.nextLink": "http://%s%s?page=%d"}`, r.Host, r.URL.Path, n)
			return
		}
		if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/accessAssignments") {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusConflict)
			_, _ = w.Write([]byte(`{"error": {"code": "conflict", "message": "The group already has an assignment."}}`))
			return
		}
		env.Emulator.ServeHTTP(w, r)
	}))
	t.Cleanup(endless.Close)
	config := strings.ReplaceAll(assignmentConfig(env, helpdeskAdmin), fmt.Sprintf("graph_base_url     = %q", env.BaseURL),
		fmt.Sprintf("graph_base_url     = %q", endless.URL))
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: config},
		{PreConfig: approve(t, env, "Contoso admins"), Config: config, ExpectError: acctest.DiagnosticPattern("409 Conflict",
			"looking for the group's assignment after it failed too", "paging does not end")},
		{Config: assignmentConfig(env, helpdeskAdmin)},
	}})
	if n := lists.Load(); n > 6 {
		t.Errorf("the list after the conflict read %d pages, want it to stop within 6", n)
	}
}
