// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator/graphemu"
)

// createdConfig imports a relationship still in status created (every field can change) and
// plans a new duration for it, with lifecycle.
func createdConfig(env *acctest.Env, id, duration, lifecycle string) string {
	return fmt.Sprintf("import {\n  to = %s\n  id = %q\n}\n", relAddress, id) + env.Config(fmt.Sprintf(`
resource "partnercenter_delegated_admin_relationship" "contoso" {
  display_name       = "Contoso admins"
  customer_tenant_id = %q
  duration           = %q
  roles              = [%q]
  %s
}
`, contoso, duration, readerRole, lifecycle))
}

// portalChangeBeforeThePatch makes someone change the relationship called name in the portal just
// before Terraform's PATCH reaches Graph, so that the PATCH meets a stale ETag.
func portalChangeBeforeThePatch(t *testing.T, env *acctest.Env, name string, c graphemu.PortalChange) func() {
	return func() {
		env.Emulator.Inject(emulator.Fault{Method: http.MethodPatch, Before: func() {
			if err := env.Emulator.Graph().Change(named(t, env, name).ID, c); err != nil {
				t.Error(err)
			}
		}})
	}
}

// expectHeld checks the emulator holds the relationship called name with duration and autoExtend.
func expectHeld(t *testing.T, env *acctest.Env, name, duration, autoExtend string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := named(t, env, name); got.Duration != duration || got.AutoExtend != autoExtend {
			return fmt.Errorf("the emulator holds duration %s and auto-extension %s, want %s and %s", got.Duration,
				got.AutoExtend, duration, autoExtend)
		}
		return nil
	}
}

// After a stale ETag, apply sends what the plan changes, and nothing else: an auto-extension
// someone set in the portal meanwhile is kept, under ignore_changes and without it. Without it,
// the configuration's value is written back once Graph lets it change (after the approval), as
// a plan that shows it.
func TestAccRelationship_aStaleETagSendsOnlyWhatThePlanChanges(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		lifecycle         string
		afterTheApproval  string // the auto-extension Graph holds after the run that follows the approval
		planAfterApproval plancheck.PlanCheck
	}{
		"with ignore_changes": {lifecycle: "lifecycle {\n    ignore_changes = [auto_extend_duration]\n  }",
			afterTheApproval: "P180D", planAfterApproval: plancheck.ExpectEmptyPlan()},
		"without ignore_changes": {afterTheApproval: "PT0S",
			planAfterApproval: plancheck.ExpectResourceAction(relAddress, plancheck.ResourceActionUpdate)},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := acctest.NewGraphEnv(t)
			env.NeedsEmulator(t)
			id := seedRelationship(t, env, "Contoso admins", contoso, false, readerRole)
			config := createdConfig(env, id, "P365D", tc.lifecycle)
			env.Run(t, resource.TestCase{Steps: []resource.TestStep{
				{
					PreConfig: portalChangeBeforeThePatch(t, env, "Contoso admins", graphemu.PortalChange{AutoExtend: "P180D"}),
					Config:    config,
					Check: resource.ComposeTestCheckFunc(expectHeld(t, env, "Contoso admins", "P365D", "P180D"),
						env.ExpectStatusCount(http.StatusPreconditionFailed, 1), expectNoPatchOf(env, "autoExtendDuration")),
				},
				{
					PreConfig:        approve(t, env, "Contoso admins"),
					Config:           config,
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{tc.planAfterApproval}},
					Check:            expectHeld(t, env, "Contoso admins", "P365D", tc.afterTheApproval),
				},
			}})
		})
	}
}

// When someone changed, meanwhile, a value the plan changes too, the plan's value is written, and
// the apply says so; a value the plan does not change is kept, and the apply says that too.
func TestAccRelationship_aConcurrentChangeIsNamed(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	id := seedRelationship(t, env, "Contoso admins", contoso, false, readerRole)
	portalChangeBeforeThePatch(t, env, "Contoso admins", graphemu.PortalChange{Duration: "P90D", AutoExtend: "P180D"})()
	cli := acctest.NewCLI(t)
	diags := cli.Apply(t, createdConfig(env, id, "P365D", ""))
	var written, kept bool
	for _, d := range diags {
		if d.Summary != "GDAP relationship changed meanwhile" {
			continue
		}
		written = written || regexp.MustCompile(`changed duration .* to P90D .* its value is written over theirs`).MatchString(d.Detail)
		kept = kept || strings.Contains(d.Detail, "auto_extend_duration") && strings.Contains(d.Detail, "their value is kept")
	}
	if !written || !kept {
		t.Fatalf("the apply did not name both concurrent changes (written %v, kept %v): %+v", written, kept, diags)
	}
	if err := expectHeld(t, env, "Contoso admins", "P365D", "P180D")(nil); err != nil {
		t.Fatal(err)
	}
}

// expectNoPatchOf checks no PATCH the emulator received set field.
func expectNoPatchOf(env *acctest.Env, field string) resource.TestCheckFunc {
	return env.EmulatorCheck(func() error {
		for _, r := range env.Emulator.Requests() {
			if r.Method == http.MethodPatch && strings.Contains(r.Body, `"`+field+`"`) {
				return fmt.Errorf("a PATCH set %s, which the plan does not change: %s", field, r.Body)
			}
		}
		return nil
	})
}
