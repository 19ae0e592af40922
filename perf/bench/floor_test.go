// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"strings"
	"testing"
)

// The floor does not move access or end predecessors on its own: its configuration of those
// phases changes as many instances instead, every assignment, then every relationship too.
func TestTheGDAPFloorChangesWhatTheProviderChangesOnItsOwn(t *testing.T) {
	est := gdapEstate{relationships: map[string][2]string{"r1": {"t1", "Customer 0001"}}, assignments: map[string]string{"r1/a1": "helpdesk"}}
	byName := map[string]phase{}
	for _, p := range gdapPhases() {
		byName[p.name] = p
	}
	invited := gdapFloorConfiguration(est, byName["gdap: tier change, successors invited"])
	moved := gdapFloorConfiguration(est, byName["gdap: tier change, access moved"])
	ended := gdapFloorConfiguration(est, byName["gdap: tier change, predecessors ended"])
	if invited != gdapConfiguration(est, gdapTier2) || !strings.Contains(moved, "concat(local.team_roles[each.value]") ||
		strings.Contains(moved, "2 ended") || !strings.Contains(ended, "concat(") || !strings.Contains(ended, `2 ended"`) {
		t.Errorf("the floor's tier change configurations do not change the assignments, then the relationships:\n%s\n%s", moved, ended)
	}
}
