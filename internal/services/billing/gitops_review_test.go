// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

// reviewConfig onboards the emulator's estate keyed by each customer's initial domain without
// .onmicrosoft.com, as the GitOps guide does, with company names overridden by renamed (by key).
func reviewConfig(renamed string) string {
	return `
data "partnercenter_customers" "estate" {}

locals {
  customers = { for c in data.partnercenter_customers.estate.customers : split(".", c.domain)[0] => c }
  renamed   = {` + renamed + `}
}

import {
  for_each = local.customers
  to       = partnercenter_customer_billing_profile.this[each.key]
  id       = each.value.id
}

resource "partnercenter_customer_billing_profile" "this" {
  for_each     = local.customers
  customer_id  = each.value.id
  company_name = lookup(local.renamed, each.key, null)
}
`
}

// summarise runs the plan in cli's directory and summarises it with examples/gitops/plan-summary.jq.
func summarise(t *testing.T, cli *acctest.CLI) string {
	t.Helper()
	if _, err := cli.Run(t, "plan", "-input=false", "-out=tfplan"); err != nil {
		t.Fatal(err)
	}
	plan, err := cli.Run(t, "show", "-json", "tfplan")
	if err != nil {
		t.Fatal(err)
	}
	filter, err := filepath.Abs("../../../examples/gitops/plan-summary.jq")
	if err != nil {
		t.Fatal(err)
	}
	jq := exec.CommandContext(t.Context(), "jq", "-r", "-f", filter)
	jq.Stdin = bytes.NewReader(plan)
	out, err := jq.Output()
	if err != nil {
		t.Fatalf("jq: %v", err)
	}
	return string(out)
}

// A change plan over an estate summarises to what a reviewer needs: the customer by a name they
// know, and each changed attribute before and after; the plan that onboards summarises to a count.
func TestPlanSummaryShowsEachChangeByAName(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("jq"); err != nil {
		t.Skip("jq is not installed")
	}
	env := acctest.NewSmallEstateEnv(t, 3)
	cli := acctest.NewCLI(t)
	cli.Init(t, env.Config(reviewConfig("")))
	if got, want := summarise(t, cli), "billing profiles changed: 0, imported without change: 4, unchanged: 0\n"; got != want {
		t.Errorf("the onboarding plan summarises to\n%s\nwant\n%s", got, want)
	}
	cli.Apply(t, env.Config(reviewConfig("")))
	cli.Init(t, env.Config(reviewConfig(`fabrikam0001 = "Fabrikam Renamed"`)))
	want := `partnercenter_customer_billing_profile.this["fabrikam0001"] (Fabrikam 0001): update
  company_name: "Fabrikam 0001" -> "Fabrikam Renamed"
billing profiles changed: 1, imported without change: 0, unchanged: 3
`
	got := summarise(t, cli)
	if got != want {
		t.Errorf("the change plan summarises to\n%s\nwant\n%s", got, want)
	}
	if strings.Contains(got, env.CustomerID) {
		t.Error("the summary names a tenant id")
	}
}

// A plan that forgets a profile (a customer that left) summarises to a line that says so, and the
// count line still comes.
func TestPlanSummaryOfAForgottenProfile(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("jq"); err != nil {
		t.Skip("jq is not installed")
	}
	plan := `{"resource_changes": [
  {"address": "partnercenter_customer_billing_profile.this[\"contoso\"]", "type": "partnercenter_customer_billing_profile",
   "change": {"actions": ["delete"], "before": {"company_name": "Contoso Ltd", "email": "x@contoso.example"}, "after": null, "after_unknown": {}}},
  {"address": "partnercenter_customer_billing_profile.this[\"fabrikam\"]", "type": "partnercenter_customer_billing_profile",
   "change": {"actions": ["no-op"], "before": {"company_name": "Fabrikam"}, "after": {"company_name": "Fabrikam"}, "after_unknown": {}}}
]}`
	filter, err := filepath.Abs("../../../examples/gitops/plan-summary.jq")
	if err != nil {
		t.Fatal(err)
	}
	jq := exec.CommandContext(t.Context(), "jq", "-r", "-f", filter)
	jq.Stdin = strings.NewReader(plan)
	out, err := jq.CombinedOutput()
	want := `partnercenter_customer_billing_profile.this["contoso"] (Contoso Ltd): delete (Terraform forgets it; Partner Center keeps the profile)
billing profiles changed: 1, imported without change: 0, unchanged: 1
`
	if err != nil || string(out) != want {
		t.Errorf("jq: %v\n%s\nwant\n%s", err, out, want)
	}
}
