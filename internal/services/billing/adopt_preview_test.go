// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"strings"
	"testing"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

// The plan of an adopt shows the reviewer what it overwrites: each configured value that differs
// from what Partner Center holds, with both, and nothing about attributes left out or unchanged.
func TestAdoptPlanSaysWhatItOverwrites(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	cli := acctest.NewCLI(t)
	diags := cli.Plan(t, env.Config(`
resource "partnercenter_customer_billing_profile" "test" {
  customer_id  = "%[1]s"
  company_name = "Contoso Holdings"
  culture      = "en-US"
  default_address = {
    city          = "Bellevue"
    address_line2 = "Floor 2"
  }
}`), time.Minute)
	w, ok := acctest.FindDiagnostic(diags, "warning", "Adopting overwrites values Partner Center holds")
	if !ok {
		t.Fatalf("no warning about what the adopt overwrites: %+v", diags)
	}
	for _, want := range []string{
		"customer " + env.CustomerID,
		"\n  - company_name: \"Contoso Ltd\" -> \"Contoso Holdings\"",
		"\n  - default_address.city: \"Redmond\" -> \"Bellevue\"",
		"\n  - default_address.address_line2: (none) -> \"Floor 2\"",
		"import block",
	} {
		if !strings.Contains(w.Detail, want) {
			t.Errorf("the warning does not say %q:\n%s", want, w.Detail)
		}
	}
	for _, unwanted := range []string{"culture", "email", "default_address.state"} {
		if strings.Contains(w.Detail, unwanted) {
			t.Errorf("the warning names %s, which the adopt does not change:\n%s", unwanted, w.Detail)
		}
	}
}

func TestAdoptPlanOfMatchingValuesWarnsOfNothing(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	cli := acctest.NewCLI(t)
	diags := cli.Plan(t, env.Config(companyConfig("Contoso Ltd", "")), time.Minute)
	if w, ok := acctest.FindDiagnostic(diags, "warning", "Adopting overwrites values Partner Center holds"); ok {
		t.Errorf("a warning although the adopt changes nothing: %s", w.Detail)
	}
}

// Terraform drops a misspelled attribute inside default_address without an error; an address left
// with no attribute at all is worth a warning, as the change it was meant to make does nothing.
func TestAnAddressThatSetsNothingIsWarnedOf(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	cli := acctest.NewCLI(t)
	//nolint:misspell // the misspelled attribute is what the test is about
	diags := cli.Plan(t, env.Config(`
resource "partnercenter_customer_billing_profile" "test" {
  customer_id     = "%[1]s"
  default_address = { adress_line1 = "1 Microsoft Way" }
}`), time.Minute)
	if w, ok := acctest.FindDiagnostic(diags, "warning", "default_address sets nothing"); !ok || !strings.Contains(w.Detail, "misspelled") {
		t.Errorf("no warning that the address sets nothing: %+v", diags)
	}
}
