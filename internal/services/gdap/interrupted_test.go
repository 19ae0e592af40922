// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap_test

import (
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// expectOnly checks the emulator holds exactly one relationship, called name, in status.
func expectOnly(t *testing.T, env *acctest.Env, name, status string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := len(env.Emulator.Graph().Relationships()); n != 1 {
			return fmt.Errorf("the emulator holds %d relationships, want only %q", n, name)
		}
		return expectStatus(t, env, name, status)(nil)
	}
}

// An apply that Terraform never finished (killed during the create, or during the lock's wait)
// left a relationship in Graph and none in the state: the next apply takes it over when it is the
// one the configuration asks for, and says how to import it when it is not.
func TestAccRelationship_anInterruptedCreateIsTakenOverByTheNextApply(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		lock  bool
		roles []string
		fails bool
	}{
		"created, before its lock":             {roles: []string{readerRole}},
		"locked, before the wait ended":        {lock: true, roles: []string{readerRole}},
		"created, with values changed since":   {roles: []string{userAdmin}},
		"locked, with other values: no import": {lock: true, roles: []string{userAdmin}, fails: true},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := acctest.NewGraphEnv(t)
			env.NeedsEmulator(t)
			id := seedRelationship(t, env, "Contoso admins", contoso, tc.lock, tc.roles...)
			config := relationshipConfig(env, "Contoso admins", "PT0S", readerRole)
			if tc.fails {
				env.Run(t, resource.TestCase{Steps: []resource.TestStep{{Config: config,
					ExpectError: acctest.DiagnosticPattern(`already exists`, `import it \(an import block`, `id = "`+id+`"`)}}})
				return
			}
			env.Run(t, resource.TestCase{Steps: []resource.TestStep{
				{
					Config:            config,
					ConfigStateChecks: []statecheck.StateCheck{stateIs("id", knownvalue.StringExact(id))},
					Check: resource.ComposeTestCheckFunc(expectOnly(t, env, "Contoso admins", "approvalPending"),
						func(*terraform.State) error {
							if roles := named(t, env, "Contoso admins").Roles; len(roles) != 1 || roles[0] != readerRole {
								return fmt.Errorf("the relationship taken over grants %v, want only the configured role", roles)
							}
							return nil
						}),
				},
				{PreConfig: approve(t, env, "Contoso admins"), Config: config},
			}})
		})
	}
}

// A relationship Graph shows activating right after the lock (its customer approved at once) is
// saved as the plan showed it, awaiting approval; the next refresh reads what Graph holds.
func TestAccRelationship_approvedRightAfterTheLockIsNoInconsistentResult(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	env.Emulator.Graph().SetActivationDelay(time.Hour)
	var approved atomic.Bool
	env.Emulator.Inject(emulator.Fault{Method: http.MethodGet, Times: 1000, Before: func() {
		for _, r := range env.Emulator.Graph().Relationships() {
			if r.Status == "approvalPending" && approved.CompareAndSwap(false, true) {
				_ = env.Emulator.Graph().Approve(r.ID, contoso, "Contoso")
			}
		}
	}})
	config := relationshipConfig(env, "Contoso admins", "PT0S", readerRole)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{
			Config:            config,
			Check:             expectStatus(t, env, "Contoso admins", "activating"),
			ConfigStateChecks: []statecheck.StateCheck{stateIs("status", knownvalue.StringExact("approvalPending"))},
		},
		{
			PreConfig:         func() { env.Emulator.ClearFaults(); env.Emulator.Graph().Advance(2 * time.Hour) },
			Config:            config,
			ConfigStateChecks: []statecheck.StateCheck{stateIs("status", knownvalue.StringExact("active"))},
		},
	}})
}
