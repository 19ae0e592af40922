// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap_test

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator/graphemu"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// exampleBody is an example's configuration without its terraform and provider blocks, which a
// test gives itself.
func exampleBody(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	body := regexp.MustCompile(`(?s)terraform \{.*?\n\}\n`).ReplaceAllString(string(b), "")
	return regexp.MustCompile(`provider "partnercenter" \{\}.*\n`).ReplaceAllString(body, "")
}

// tierRoles are the template ids of the example's standard tier.
func tierRoles(t *testing.T) []string {
	t.Helper()
	var ids []string
	for _, name := range []string{"Global Reader", "Helpdesk Administrator", "User Administrator", "License Administrator"} {
		id, err := rules.EntraRoleID(name)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}

// The example's outputs list every customer a pipeline must act on, at 1,000 customers: all 50
// whose invitation awaits them, with its link, and all 10 whose invitation lapsed, as one value
// each, which Terraform never folds as it folds repeated warnings.
func TestAccGDAP_theExampleListsEveryCustomerToActOnAtEstateScale(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	const pending, lapsed = 50, 10
	seeded, err := env.Emulator.SeedCustomers(999)
	if err != nil {
		t.Fatal(err)
	}
	var wantPending, wantLapsed []string
	links := map[string]string{}
	roles := tierRoles(t)
	for i, tenant := range append(seeded, env.CustomerID) {
		c, _ := env.Emulator.Company(tenant)
		id := seedRelationship(t, env, fmt.Sprintf("%s standard 1", truncate(c.Name, 30)), tenant, true, roles...)
		if err := env.Emulator.Graph().Change(id, graphemu.PortalChange{AutoExtend: rules.AutoExtendOn}); err != nil {
			t.Fatal(err)
		}
		switch {
		case i < pending:
			wantPending = append(wantPending, c.Name)
			links[c.Name] = rules.InvitationURL(id)
		case i < pending+lapsed:
			wantLapsed = append(wantLapsed, c.Name)
			err = env.Emulator.Graph().Lapse(id)
		default:
			err = env.Emulator.Graph().Approve(id, tenant, c.Name)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	env.Emulator.ResetRequests()

	cli := acctest.NewCLI(t)
	cli.Apply(t, env.Config(`
data "partnercenter_delegated_admin_relationships" "existing" {}

import {
  for_each = { for r in data.partnercenter_delegated_admin_relationships.existing.relationships : r.customer_tenant_id => r.id }
  to       = partnercenter_delegated_admin_relationship.customer[each.key]
  id       = each.value
}
`+exampleBody(t, "../../../examples/gdap/main.tf")))
	if err := onlyReads(env, "the import of 1,000 relationships"); err != nil {
		t.Error(err)
	}
	invitations := outputOf[map[string]string](t, cli, "invitations_to_send")
	if got := slices.Sorted(mapKeys(invitations)); !slices.Equal(got, slices.Sorted(slices.Values(wantPending))) {
		t.Errorf("invitations_to_send lists %d customers, want the %d pending: %v", len(got), pending, got)
	}
	for name, link := range links {
		if invitations[name] != link {
			t.Errorf("the invitation of %s is %q, want %q", name, invitations[name], link)
		}
	}
	if got := slices.Sorted(mapKeys(outputOf[map[string]any](t, cli, "awaiting_approval"))); len(got) != pending {
		t.Errorf("awaiting_approval lists %d customers, want %d", len(got), pending)
	}
	needNames := outputOf[map[string]struct {
		TenantID string `json:"tenant_id"`
		Status   string `json:"status"`
	}](t, cli, "needs_new_name")
	if got := slices.Sorted(mapKeys(needNames)); !slices.Equal(got, slices.Sorted(slices.Values(wantLapsed))) {
		t.Errorf("needs_new_name lists %v, want the %d lapsed: %v", got, lapsed, wantLapsed)
	}
	if cli.PlanHasChanges(t) {
		t.Error("the plan after the import has changes")
	}
}

// outputOf is the output called name, decoded into T.
func outputOf[T any](t *testing.T, cli *acctest.CLI, name string) T {
	t.Helper()
	out, err := cli.Run(t, "output", "-json", name)
	if err != nil {
		t.Fatal(err)
	}
	var v T
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("output %s: %v\n%s", name, err, out)
	}
	return v
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// truncate is s cut to n characters, as Terraform's substr cuts it.
func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return strings.Clone(s)
}
