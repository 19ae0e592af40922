// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

// queryCustomers is the estate the generated-configuration test lists: the 1,000
// customers, about 20 seconds on two cores.
const queryCustomers = 1000

// queryEstate is the .tfquery.hcl of the test: every billing profile, with its resource, for
// -generate-config-out.
const queryEstate = `
list "partnercenter_customer_billing_profile" "estate" {
  provider         = partnercenter
  include_resource = true
  limit            = 100000
}
`

// refusedValues are values Partner Center may hold that the resource's validators refuse in a
// configuration: a name longer than 50 characters, an email address that is none, a region in a
// US address.
var refusedValues = map[string]string{
	"firstName": strings.Repeat("Maximilian", 6), "email": "billing at contoso",
}

func TestAccBillingProfile_queryGeneratesConfigurationThatAppliesWritingNothing(t *testing.T) {
	t.Parallel()
	n := queryCustomers
	env := acctest.NewSmallEstateEnv(t, n-1)
	if err := env.Emulator.ChangeProfile(env.CustomerID, func(p map[string]any) {
		for k, v := range refusedValues {
			p[k] = v
		}
		p["defaultAddress"].(map[string]any)["region"] = "Americas"
	}); err != nil {
		t.Fatal(err)
	}
	cli := acctest.NewCLI(t)
	cli.SkipBelow(t, "1.14.0")
	cli.Init(t, env.ProviderConfig)
	acctest.WriteFile(t, filepath.Join(cli.Dir, "estate.tfquery.hcl"), queryEstate)
	out, err := cli.Run(t, "query", "-generate-config-out=generated.tf", "-json")
	if err != nil {
		t.Fatal(err)
	}
	warning, ok := acctest.FindDiagnostic(acctest.JSONDiagnostics(out), "warning",
		"Billing profile holds values the provider would refuse")
	if !ok || !strings.Contains(warning.Detail, strings.ToLower(env.CustomerID)) {
		t.Errorf("no warning names customer %s's refused values; diagnostics: %+v", env.CustomerID, acctest.JSONDiagnostics(out))
	}
	for _, attr := range []string{"first_name", "email", "default_address.region"} {
		if !strings.Contains(warning.Detail, "  - "+attr+": ") {
			t.Errorf("the warning does not name %s:\n%s", attr, warning.Detail)
		}
	}
	generated, err := os.ReadFile(filepath.Join(cli.Dir, "generated.tf"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(generated), "\nimport {"); got != n {
		t.Errorf("%d import blocks generated, want %d", got, n)
	}
	for _, v := range []string{refusedValues["firstName"], refusedValues["email"], "Americas"} {
		if strings.Contains(string(generated), v) {
			t.Errorf("the generated configuration holds the refused value %q", v)
		}
	}
	env.Emulator.ResetRequests()
	cli.Apply(t, env.ProviderConfig)
	if puts := env.Emulator.Count(http.MethodPut, ""); puts != 0 {
		t.Errorf("applying the generated configuration sent %d PUTs, want none", puts)
	}
	if got := env.Emulator.Count(http.MethodGet, ""); got != n {
		t.Errorf("applying the generated configuration read %d times, want one read per profile (%d)", got, n)
	}
	if cli.PlanHasChanges(t) {
		t.Error("the plan after applying the generated configuration has changes")
	}
}

// terraform query reads no result beyond its limit (100 unless the list block sets one) and says
// nothing of what it left; the provider warns, first, when more customers match.
func TestAccBillingProfile_queryWarnsWhenTheLimitCutsTheList(t *testing.T) {
	t.Parallel()
	env := acctest.NewSmallEstateEnv(t, 30) // 31 customers
	cli := acctest.NewCLI(t)
	cli.SkipBelow(t, "1.14.0")
	cli.Init(t, env.ProviderConfig)
	for _, tt := range []struct {
		limit   string
		results int
		warns   bool
	}{{"limit = 10", 10, true}, {"limit = 31", 31, false}, {"", 31, false}} {
		acctest.WriteFile(t, filepath.Join(cli.Dir, "estate.tfquery.hcl"),
			"list \"partnercenter_customer_billing_profile\" \"estate\" {\n  provider = partnercenter\n  "+tt.limit+"\n}\n")
		out, err := cli.Run(t, "query", "-json")
		if err != nil {
			t.Fatal(err)
		}
		warning, warned := acctest.FindDiagnostic(acctest.JSONDiagnostics(out), "warning", "More customers than the limit")
		if warned != tt.warns || warned && !strings.Contains(warning.Detail, "limit of 10") {
			t.Errorf("%q: warned %v (%q), want %v", tt.limit, warned, warning.Detail, tt.warns)
		}
		if got := strings.Count(string(out), `"type":"list_resource_found"`); got != tt.results {
			t.Errorf("%q: %d results, want %d", tt.limit, got, tt.results)
		}
	}
}
