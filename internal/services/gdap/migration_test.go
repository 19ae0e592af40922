// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

// migrationConfig brings every active relationship the partner already has under management, as
// the guide "GDAP for every customer" shows: import blocks over the list data source, and
// resources configured from what it lists, so that nothing is written.
const migrationConfig = `
data "partnercenter_delegated_admin_relationships" "existing" {
  status = "active"
}

locals {
  existing = { for r in data.partnercenter_delegated_admin_relationships.existing.relationships : r.customer_tenant_id => r }
}

import {
  for_each = local.existing
  to       = partnercenter_delegated_admin_relationship.customer[each.key]
  id       = each.value.id
}

resource "partnercenter_delegated_admin_relationship" "customer" {
  for_each = local.existing

  display_name         = each.value.display_name
  customer_tenant_id   = each.key
  duration             = each.value.duration
  auto_extend_duration = each.value.auto_extend_duration
  roles                = each.value.roles
}
`

func TestAccRelationship_existingRelationshipsAreImportedWritingNothing(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	const n = 40
	for i := range n {
		tenant := uuid.NewString()
		id := seedRelationship(t, env, fmt.Sprintf("Customer %02d admins", i), tenant, true, readerRole, userAdmin)
		if err := env.Emulator.Graph().Approve(id, tenant, fmt.Sprintf("Customer %02d", i)); err != nil {
			t.Fatal(err)
		}
	}
	seedRelationship(t, env, "Still pending", fabrikam, true, readerRole) // not active: not imported
	env.Emulator.Graph().SetPageSize(15)
	env.Emulator.ResetRequests()

	cli := acctest.NewCLI(t)
	cli.Apply(t, env.Config(migrationConfig))
	if err := onlyReads(env, "the import"); err != nil {
		t.Error(err)
	}
	out, err := cli.Run(t, "state", "list")
	if err != nil {
		t.Fatal(err)
	}
	if got := countLines(string(out), "partnercenter_delegated_admin_relationship.customer["); got != n {
		t.Errorf("%d relationships in the state, want %d", got, n)
	}
	if cli.PlanHasChanges(t) {
		t.Error("the plan after the import has changes")
	}
}

func countLines(text, prefix string) int {
	n := 0
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, prefix) {
			n++
		}
	}
	return n
}
