// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"net/http"
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// Adopting a profile reads it once per walk: the create starts from the profile its plan read
// (Terraform plans again right before it applies), and reads it itself only when no plan did.
func TestAdoptReadsTheProfileOncePerWalk(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		config             string
		wantGETs, wantPUTs int
	}{
		// The plan reads the profile to show what the adopt overwrites and to check the whole
		// address: once in the plan walk, once in the apply walk, whose read the create takes.
		"a company name and a partial address, read at plan": {config: profileConfig("Contoso Adopted", "Bellevue"), wantGETs: 2, wantPUTs: 1},
		"a company name, read at plan":                       {config: companyConfig("Contoso Adopted", ""), wantGETs: 2, wantPUTs: 1},
		// Nothing to write, nothing read at plan: the create reads, and writes nothing.
		"no attribute, no read at plan": {config: "resource \"partnercenter_customer_billing_profile\" \"test\" {\n  customer_id = \"%[1]s\"\n}\n",
			wantGETs: 1, wantPUTs: 0},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := acctest.NewEnv(t)
			env.NeedsEmulator(t)
			cli := acctest.NewCLI(t)
			cli.Apply(t, env.Config(tt.config))
			if got := env.Emulator.Count(http.MethodGet, env.CustomerID); got != tt.wantGETs {
				t.Errorf("terraform apply read the profile %d times, want %d", got, tt.wantGETs)
			}
			if got := env.Emulator.Count(http.MethodPut, env.CustomerID); got != tt.wantPUTs {
				t.Errorf("%d PUTs, want %d", got, tt.wantPUTs)
			}
			if cli.PlanHasChanges(t) {
				t.Error("the plan after the adopt has changes")
			}
		})
	}
}

// The profile the plan read is guarded by its ETag: a change someone makes between that plan and
// the create meets 412, and the create reads the profile again and keeps their change.
func TestAdoptFromThePlannedReadKeepsAChangeMadeSince(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Emulator.Inject(emulator.Fault{Method: http.MethodPut, CustomerID: env.CustomerID,
		Mutate: func(p map[string]any) { p["culture"] = "fr-FR" }})
	cli := acctest.NewCLI(t)
	diags := cli.Apply(t, env.Config(profileConfig("Contoso Adopted", "Bellevue")))
	if got := env.Emulator.Count(http.MethodGet, env.CustomerID); got != 3 {
		t.Errorf("the profile was read %d times, want 3: the plan walk's, the apply walk's, and the re-read after 412", got)
	}
	stored, _ := env.Emulator.Profile(env.CustomerID)
	if stored["culture"] != "fr-FR" || stored["companyName"] != "Contoso Adopted" {
		t.Errorf("Partner Center holds culture %v and company name %v, want fr-FR and Contoso Adopted", stored["culture"], stored["companyName"])
	}
	if _, warned := acctest.FindDiagnostic(diags, "warning", "Billing profile changed in Partner Center during apply"); !warned {
		t.Errorf("no warning about the concurrent change: %+v", diags)
	}
}
