// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap_test

import (
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// notGraphs404s are 404 answers that did not come from Graph's API: a proxy's page, an empty
// body, another API's error shape.
var notGraphs404s = map[string]emulator.Fault{
	"a proxy's HTML page": {Status: http.StatusNotFound, Body: "<html><body><h1>404 Not Found</h1></body></html>", ContentType: "text/html"},
	"an empty body":       {Status: http.StatusNotFound, Body: " "},
	"another API's shape": {Status: http.StatusNotFound, Body: `{"code": 404, "message": "no route"}`, ContentType: "application/json"},
}

// every404 makes the emulator answer every Graph request of method with f, as a graph_base_url
// that names the wrong service or a proxy that hides Graph would.
func every404(env *acctest.Env, method string, f emulator.Fault) func() {
	return func() {
		f.Method, f.Times = method, 1000
		env.Emulator.Inject(f)
	}
}

// expectActiveAccess checks the emulator still holds the relationship called name active, with
// its one assignment: nothing was ended.
func expectActiveAccess(t *testing.T, env *acctest.Env, name string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if err := expectStatus(t, env, name, "active")(nil); err != nil {
			return err
		}
		if got := assignments(t, env, name); len(got) != 1 || got[0].Status != "active" {
			return fmt.Errorf("the emulator holds assignments %+v, want the one active assignment", got)
		}
		return nil
	}
}

func TestAccGDAP_aNotFoundThatIsNotGraphsNeitherForgetsNorDestroysAccess(t *testing.T) {
	t.Parallel()
	for name, fault := range notGraphs404s {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := acctest.NewGraphEnv(t)
			env.NeedsEmulator(t)
			config := assignmentConfig(env, helpdeskAdmin)
			keptAsItWas := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
			unusable := regexp.MustCompile(`Microsoft Graph endpoint not found(?s:.*)without Microsoft Graph's error object`)
			env.Run(t, resource.TestCase{
				Steps: []resource.TestStep{
					{Config: config},
					{PreConfig: approve(t, env, "Contoso admins"), Config: config, Check: expectActiveAccess(t, env, "Contoso admins")},
					{ // a refresh through the page fails, and forgets nothing
						PreConfig:   every404(env, http.MethodGet, fault),
						Config:      config,
						ExpectError: unusable,
					},
					{PreConfig: env.Emulator.ClearFaults, Config: config, ConfigPlanChecks: keptAsItWas},
					{ // so does a destroy through it, which reports nothing destroyed
						PreConfig:   every404(env, "", fault),
						Config:      config,
						Destroy:     true,
						ExpectError: unusable,
					},
					{
						PreConfig: env.Emulator.ClearFaults, Config: config, ConfigPlanChecks: keptAsItWas,
						Check: expectActiveAccess(t, env, "Contoso admins"),
					},
				},
			})
		})
	}
}
