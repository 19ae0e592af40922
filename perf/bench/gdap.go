// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/google/uuid"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

const graphToken = "bench-graph-token"

// The roles of the GDAP runs: what each relationship grants, and what each of three teams gets.
var (
	gdapRelationshipRoles = []string{"f2ef992c-3afb-46b9-b7cf-a126ee74c451", "729827e3-9c14-49f7-bb1b-9608f156bbb8",
		"fe930be7-5e62-47db-91af-98c3a49a38b1", "4d6ac14f-3453-41d0-bef9-a3e0c569773a"}
	gdapTeams = []gdapTeam{
		{"helpdesk", "6b7d8a10-0f1e-4c2b-9a3d-5e6f7a8b9c0d", gdapRelationshipRoles[:2]},
		{"admins", "0d9c8b7a-6f5e-4d3c-2b1a-0f1e2d3c4b5a", gdapRelationshipRoles[2:]},
		{"readers", "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", gdapRelationshipRoles[:1]},
	}
)

type gdapTeam struct {
	name, group string
	roles       []string
}

// gdapEstate is what the GDAP runs manage: a relationship per customer and an assignment per team.
type gdapEstate struct {
	relationships map[string][2]string // relationship id → customer tenant id, display name
	assignments   map[string]string    // "<relationship id>/<assignment id>" → team
}

// The GDAP runs' configuration variants (phase.company): as seeded, one more role for a team, and
// the relationships at another tier (another role, so a successor each).
const (
	gdapSame     = "same"
	gdapMoreRole = "more"
	gdapTier2    = "tier2"
)

// tier2Role is the role the second tier's relationships grant besides the first's: Security Reader.
const tier2Role = "5d6b6bb7-de71-4623-b4af-96380a352509"

// gdapPhases are the timed commands of the GDAP runs: the import of the estate (it writes nothing),
// a refresh, a plan with nothing to do, a plan that gives the helpdesk team one more role under
// every relationship, and a tier change rolled through the estate run by run: every customer
// invited to a successor, the access moved once they all approved, the predecessors ended, and
// the plan after it.
func gdapPhases() []phase {
	apply := []string{"apply", "-auto-approve"}
	return []phase{
		{name: "gdap: import relationships and assignments", args: apply, company: gdapSame},
		{name: "gdap: plan -refresh-only", args: []string{"plan", "-refresh-only"}, company: gdapSame},
		{name: "gdap: plan, no changes", args: []string{"plan", "-detailed-exitcode"}, company: gdapSame},
		{name: "gdap: plan, one more role for a team", args: []string{"plan"}, company: gdapMoreRole},
		{name: "gdap: tier change, successors invited", args: apply, company: gdapTier2},
		{name: "gdap: tier change, access moved", args: apply, company: gdapTier2, before: approveAllPending},
		{name: "gdap: tier change, predecessors ended", args: apply, company: gdapTier2},
		{name: "gdap: tier change, plan after it", args: []string{"plan", "-detailed-exitcode"}, company: gdapTier2},
	}
}

// approveAllPending approves every relationship awaiting approval, as each customer would.
func approveAllPending(emu *emulator.Server) error {
	for _, r := range emu.Graph().Relationships() {
		if r.Status != "approvalPending" {
			continue
		}
		if err := emu.Graph().Approve(r.ID, r.CustomerTenantID, ""); err != nil {
			return err
		}
	}
	return nil
}

// gdapSize seeds n customers' approved relationships with three assignments each in the emulator's
// Graph side, then times gdapPhases over them.
func gdapSize(o options, work string, n int) ([]result, error) {
	emu := emulator.New(token)
	emu.AddGraphToken(graphToken)
	env, stopEmulator, err := serveEmulator(work, emu)
	if err != nil {
		return nil, err
	}
	defer stopEmulator()
	estate, err := seedGDAP(emu, env, n)
	if err != nil {
		return nil, err
	}
	emu.SetLatency(o.latency)
	dir := filepath.Join(work, fmt.Sprintf("gdap%d", n))
	return inStateDir(o, dir, env, func(address string) ([]result, error) {
		var out []result
		for _, p := range gdapPhases() {
			r, err := runPhase(o, emu, dir, env, terraformBlock(true, address)+gdapConfiguration(estate, p.company), n, p)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
		}
		return out, nil
	})
}

// seedGDAP creates the estate through the emulator's Graph API, as a partner's portal work would
// have, before latency is turned on.
func seedGDAP(emu *emulator.Server, env []string, n int) (gdapEstate, error) {
	base := envValue(env, "PARTNERCENTER_BASE_URL")
	est := gdapEstate{relationships: map[string][2]string{}, assignments: map[string]string{}}
	for i := range n {
		tenant := uuid.NewString()
		var rel struct{ ID string }
		name := fmt.Sprintf("Customer %04d managed services", i)
		if err := graphPost(base, "", map[string]any{"displayName": name,
			"duration": "P730D", "customer": map[string]string{"tenantId": tenant},
			"accessDetails": unifiedRoles(gdapRelationshipRoles)}, &rel); err != nil {
			return est, err
		}
		if err := graphPost(base, "/"+rel.ID+"/requests", map[string]string{"action": "lockForApproval"}, nil); err != nil {
			return est, err
		}
		if err := emu.Graph().Approve(rel.ID, tenant, fmt.Sprintf("Customer %04d", i)); err != nil {
			return est, err
		}
		est.relationships[rel.ID] = [2]string{tenant, name}
		for _, team := range gdapTeams {
			var a struct{ ID string }
			if err := graphPost(base, "/"+rel.ID+"/accessAssignments", map[string]any{
				"accessContainer": map[string]string{"accessContainerId": team.group, "accessContainerType": "securityGroup"},
				"accessDetails":   unifiedRoles(team.roles)}, &a); err != nil {
				return est, err
			}
			est.assignments[rel.ID+"/"+a.ID] = team.name
		}
	}
	return est, nil
}

func unifiedRoles(ids []string) map[string]any {
	var roles []map[string]string
	for _, id := range ids {
		roles = append(roles, map[string]string{"roleDefinitionId": id})
	}
	return map[string]any{"unifiedRoles": roles}
}

// graphPost posts body to the relationships collection (path under it) and decodes the answer.
func graphPost(base, path string, body, out any) error {
	b, _ := json.Marshal(body)
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, base+"/v1.0/tenantRelationships/delegatedAdminRelationships"+path, bytes.NewReader(b))
	req.Header.Set("Authorization", "Bearer "+graphToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer func() { _ = resp.Body.Close() }()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("seeding POST %s: HTTP %d", path, resp.StatusCode)
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

func envValue(env []string, name string) string {
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, name+"="); ok {
			return v
		}
	}
	return ""
}

// gdapConfiguration manages the estate as examples/gdap does, with import blocks that bring it
// in (no-ops once it is in the state), in variant: as seeded, one more role for the helpdesk team,
// or the relationships at the second tier (new names, one more role).
func gdapConfiguration(est gdapEstate, variant string) string {
	relationshipRoles, suffix := gdapRelationshipRoles, ""
	if variant == gdapTier2 {
		relationshipRoles, suffix = append(append([]string{}, gdapRelationshipRoles...), tier2Role), " 2"
	}
	var b strings.Builder
	b.WriteString("provider \"partnercenter\" {}\n\nlocals {\n  relationships = {\n")
	for id, r := range est.relationships {
		fmt.Fprintf(&b, "    %q = { tenant = %q, name = %q }\n", id, r[0], r[1])
	}
	b.WriteString("  }\n  assignments = {\n")
	for key, team := range est.assignments {
		fmt.Fprintf(&b, "    %q = %q\n", key, team)
	}
	b.WriteString("  }\n  team_roles = {\n")
	for _, t := range gdapTeams {
		roles := t.roles
		if variant == gdapMoreRole && t.name == "helpdesk" {
			roles = append(append([]string{}, roles...), gdapRelationshipRoles[2])
		}
		fmt.Fprintf(&b, "    %s = %s\n", t.name, hclStrings(roles))
	}
	b.WriteString("  }\n  team_groups = {\n")
	for _, t := range gdapTeams {
		fmt.Fprintf(&b, "    %s = %q\n", t.name, t.group)
	}
	fmt.Fprintf(&b, `  }
}

import {
  for_each = local.relationships
  to       = partnercenter_delegated_admin_relationship.r[each.key]
  id       = each.key
}

resource "partnercenter_delegated_admin_relationship" "r" {
  for_each           = local.relationships
  display_name       = "${each.value.name}%s"
  customer_tenant_id = each.value.tenant
  duration           = "P730D"
  roles              = %s
}

import {
  for_each = local.assignments
  to       = partnercenter_delegated_admin_access_assignment.a[each.key]
  id       = each.key
}

resource "partnercenter_delegated_admin_access_assignment" "a" {
  for_each          = local.assignments
  relationship_id   = partnercenter_delegated_admin_relationship.r[split("/", each.key)[0]].access_relationship_id
  security_group_id = local.team_groups[each.value]
  roles             = local.team_roles[each.value]
}
`, suffix, hclStrings(relationshipRoles))
	return b.String()
}

func hclStrings(ss []string) string {
	quoted := make([]string, len(ss))
	for i, s := range ss {
		quoted[i] = fmt.Sprintf("%q", s)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

// gdapBaseline times the same phases over as many terraform_data instances: a relationship and
// three assignments per customer, without provider or API.
func gdapBaseline(o options, work string, n int) ([]result, error) {
	dir := filepath.Join(work, fmt.Sprintf("gdap-baseline%d", n))
	env, err := baselineEnv(work)
	if err != nil {
		return nil, err
	}
	ids := newIDs(n)
	return inStateDir(o, dir, env, func(address string) ([]result, error) {
		var out []result
		for _, p := range gdapPhases() {
			config := terraformBlock(false, address) + gdapBaselineConfiguration(ids, p)
			r, err := runBaselinePhase(o, dir, env, config, n, p)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
		}
		return out, nil
	})
}

// gdapBaselineConfiguration has the shape of gdapConfiguration: literal maps of relationships and
// assignments, the assignments' for_each over one and each naming its relationship's instance. The
// phases of the tier change change as many instances as the provider's runs do: every
// relationship (successors invited), every assignment (access moved), every relationship again
// (predecessors ended).
func gdapBaselineConfiguration(ids []string, p phase) string {
	var b strings.Builder
	b.WriteString("locals {\n  relationships = {\n")
	for _, id := range ids {
		fmt.Fprintf(&b, "    %q = %q\n", id, id)
	}
	b.WriteString("  }\n  assignments = {\n")
	for _, id := range ids {
		for _, t := range gdapTeams {
			fmt.Fprintf(&b, "    %q = %q\n", id+"/"+t.name, t.name)
		}
	}
	helpdesk, relationship, access := "helpdesk", "", ""
	switch p.name {
	case "gdap: plan, one more role for a team":
		helpdesk = "helpdesk+1"
	case "gdap: tier change, successors invited":
		relationship = " invited"
	case "gdap: tier change, access moved":
		relationship, access = " invited", " moved"
	case "gdap: tier change, predecessors ended", "gdap: tier change, plan after it":
		relationship, access = " ended", " moved"
	}
	fmt.Fprintf(&b, `  }
  team_roles = { helpdesk = %q, admins = "admins", readers = "readers" }
}

resource "terraform_data" "r" {
  for_each = local.relationships
  input    = "${each.value}%s"
}

resource "terraform_data" "a" {
  for_each = local.assignments
  input    = "${terraform_data.r[split("/", each.key)[0]].id} ${local.team_roles[each.value]}%s"
}
`, helpdesk, relationship, access)
	return b.String()
}
