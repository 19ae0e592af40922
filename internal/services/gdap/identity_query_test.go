// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

// Resource identity came with Terraform 1.12 and terraform query with 1.14: these tests are
// skipped on older terraform and run in CI on the pinned 1.14 build (make test-terraform-1.14).
var (
	identityVersions = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)}
	queryVersions    = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)}
)

// Import blocks name both by identity, in upper case: Graph's ids in any case name the same objects,
// and the identities and ids are kept in Graph's lower case.
func TestAccGDAP_identitiesAndImportByIdentity(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	rel := seedRelationship(t, env, "Contoso readers", contoso, true, readerRole, helpdeskAdmin)
	if err := env.Emulator.Graph().Approve(rel, contoso, "Contoso"); err != nil {
		t.Fatal(err)
	}
	id := seedAssignment(t, env, rel, helpdeskGroup, helpdeskAdmin)
	env.Emulator.ResetRequests()
	assignment := "partnercenter_delegated_admin_access_assignment.helpdesk"
	relationship := "partnercenter_delegated_admin_relationship.contoso"
	config := env.Config(fmt.Sprintf(`
import {
  to       = %[6]s
  identity = { id = upper(%[2]q) }
}

import {
  to       = %[1]s
  identity = { relationship_id = upper(%[2]q), id = upper(%[3]q) }
}

resource "partnercenter_delegated_admin_relationship" "contoso" {
  display_name       = "Contoso readers"
  customer_tenant_id = %[7]q
  duration           = "P730D"
  roles              = [%[8]q, %[5]q]
}

resource "partnercenter_delegated_admin_access_assignment" "helpdesk" {
  relationship_id   = partnercenter_delegated_admin_relationship.contoso.id
  security_group_id = %[4]q
  roles             = [%[5]q]
}`, assignment, rel, id, helpdeskGroup, helpdeskAdmin, relationship, contoso, readerRole))
	identities := []statecheck.StateCheck{
		statecheck.ExpectIdentity(relationship, map[string]knownvalue.Check{"id": knownvalue.StringExact(rel)}),
		statecheck.ExpectIdentity(assignment, map[string]knownvalue.Check{
			"relationship_id": knownvalue.StringExact(rel), "id": knownvalue.StringExact(id)}),
	}
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: identityVersions,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(relationship, plancheck.ResourceActionNoop),
					plancheck.ExpectResourceAction(assignment, plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: append(identities,
					statecheck.ExpectKnownValue(assignment, tfjsonpath.New("status"), knownvalue.StringExact("active"))),
				Check: env.EmulatorCheck(func() error { return onlyReads(env, "importing by identity") }),
			},
			{
				// A change of roles keeps both identities.
				Config:            regexp.MustCompile(`roles             = \["[^"]+"\]`).ReplaceAllString(config, fmt.Sprintf("roles             = [%q, %q]", helpdeskAdmin, readerRole)),
				ConfigStateChecks: identities,
			},
			{
				// The test ends by destroying what it imported, which ends the helpdesk's access.
				Config:            strings.Replace(config, `duration           = "P730D"`, "duration           = \"P730D\"\n  allow_access_loss  = true", 1),
				ConfigStateChecks: identities,
			},
		},
	})
}

func TestAccGDAP_importByIdentityRejectsWhatIsNoID(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: identityVersions,
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
import {
  to       = partnercenter_delegated_admin_access_assignment.helpdesk
  identity = { relationship_id = "contoso", id = "helpdesk" }
}

resource "partnercenter_delegated_admin_access_assignment" "helpdesk" {
  relationship_id   = "%s-%s"
  security_group_id = %q
  roles             = [%q]
}`, contoso, contoso, helpdeskGroup, helpdeskAdmin)),
			ExpectError: regexp.MustCompile(`Invalid access assignment import id[\s\S]*"contoso/helpdesk"`),
		}},
	})
}

func TestAccGDAP_queryListsRelationshipsByStatus(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	for i := range 12 {
		id := seedRelationship(t, env, fmt.Sprintf("Customer %02d admins", i), contoso, true, readerRole)
		if i%3 != 0 {
			if err := env.Emulator.Graph().Approve(id, contoso, "Contoso"); err != nil {
				t.Fatal(err)
			}
		}
	}
	first := named(t, env, "Customer 01 admins")
	env.Emulator.Graph().SetPageSize(5)
	query := func(status string, limit int) string {
		return fmt.Sprintf(`
list "partnercenter_delegated_admin_relationship" "all" {
  provider         = partnercenter
  include_resource = true
  limit            = %d
  config {
    status = %q
  }
}
`, limit, status)
	}
	const all = "partnercenter_delegated_admin_relationship.all"
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: queryVersions,
		Steps: []resource.TestStep{
			{Config: env.ProviderConfig},
			{
				Query:  true,
				Config: query("active", 100),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength(all, 8),
					querycheck.ExpectIdentity(all, map[string]knownvalue.Check{"id": knownvalue.StringExact(first.ID)}),
					querycheck.ExpectResourceDisplayName(all, queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
						"id": knownvalue.StringExact(first.ID)}), knownvalue.StringExact("Customer 01 admins (Contoso, active)")),
					querycheck.ExpectResourceKnownValues(all, queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
						"id": knownvalue.StringExact(first.ID)}), []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("display_name"), KnownValue: knownvalue.StringExact("Customer 01 admins")},
						{Path: tfjsonpath.New("customer_tenant_id"), KnownValue: knownvalue.StringExact(contoso)},
						{Path: tfjsonpath.New("duration"), KnownValue: knownvalue.StringExact("P730D")},
						{Path: tfjsonpath.New("status"), KnownValue: knownvalue.StringExact("active")},
						{Path: tfjsonpath.New("roles"), KnownValue: knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(readerRole)})},
					}),
				},
			},
			{
				Query:             true,
				Config:            query("approvalPending", 100),
				QueryResultChecks: []querycheck.QueryResultCheck{querycheck.ExpectLength(all, 4)},
			},
			{
				Query:             true,
				Config:            query("active", 3),
				QueryResultChecks: []querycheck.QueryResultCheck{querycheck.ExpectLength(all, 3)},
			},
		},
	})
}

// terraform query writes the configuration of every active relationship; applying it imports them
// all, writes nothing, and leaves an empty plan.
func TestAccGDAP_queryGeneratesConfigurationThatAppliesWritingNothing(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	const n = 20
	for i := range n {
		tenant := uuid.NewString()
		id := seedRelationship(t, env, fmt.Sprintf("Customer %02d admins", i), tenant, true, readerRole, userAdmin)
		if err := env.Emulator.Graph().Approve(id, tenant, fmt.Sprintf("Customer %02d", i)); err != nil {
			t.Fatal(err)
		}
	}
	seedRelationship(t, env, "Still pending", fabrikam, true, readerRole) // not active: not listed
	cli := acctest.NewCLI(t)
	cli.SkipBelow(t, "1.14.0")
	cli.Init(t, env.ProviderConfig)
	acctest.WriteFile(t, filepath.Join(cli.Dir, "gdap.tfquery.hcl"), `
list "partnercenter_delegated_admin_relationship" "active" {
  provider         = partnercenter
  include_resource = true
  limit            = 1000
  config {
    status = "active"
  }
}
`)
	if _, err := cli.Run(t, "query", "-generate-config-out=generated.tf"); err != nil {
		t.Fatal(err)
	}
	generated, err := os.ReadFile(filepath.Join(cli.Dir, "generated.tf"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(generated), "\nimport {"); got != n {
		t.Errorf("%d import blocks generated, want %d", got, n)
	}
	env.Emulator.ResetRequests()
	cli.Apply(t, env.ProviderConfig)
	if err := onlyReads(env, "applying the generated configuration"); err != nil {
		t.Error(err)
	}
	if cli.PlanHasChanges(t) {
		t.Error("the plan after applying the generated configuration has changes")
	}
}

// The documentation's list block, as it is, finds the active relationships.
func TestAccGDAP_queryExampleRuns(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	for i := range 3 {
		id := seedRelationship(t, env, fmt.Sprintf("Customer %02d admins", i), contoso, true, readerRole)
		if i > 0 {
			if err := env.Emulator.Graph().Approve(id, contoso, "Contoso"); err != nil {
				t.Fatal(err)
			}
		}
	}
	example, err := os.ReadFile("../../../examples/list-resources/partnercenter_delegated_admin_relationship/list-resource.tfquery.hcl")
	if err != nil {
		t.Fatal(err)
	}
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: queryVersions,
		Steps: []resource.TestStep{
			{Config: env.ProviderConfig},
			{
				Query:             true,
				Config:            string(example),
				QueryResultChecks: []querycheck.QueryResultCheck{querycheck.ExpectLength("partnercenter_delegated_admin_relationship.active", 2)},
			},
		},
	})
}

// More active relationships than the query's limit: the provider says so, first.
func TestAccGDAP_queryWarnsWhenTheLimitCutsTheList(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	for i := range 4 {
		id := seedRelationship(t, env, fmt.Sprintf("Customer %02d admins", i), contoso, true, readerRole)
		if err := env.Emulator.Graph().Approve(id, contoso, "Contoso"); err != nil {
			t.Fatal(err)
		}
	}
	cli := acctest.NewCLI(t)
	cli.SkipBelow(t, "1.14.0")
	cli.Init(t, env.ProviderConfig)
	for limit, warns := range map[int]bool{3: true, 4: false} {
		acctest.WriteFile(t, filepath.Join(cli.Dir, "gdap.tfquery.hcl"), fmt.Sprintf(
			"list \"partnercenter_delegated_admin_relationship\" \"all\" {\n  provider = partnercenter\n  limit    = %d\n}\n", limit))
		out, err := cli.Run(t, "query", "-json")
		if err != nil {
			t.Fatal(err)
		}
		if _, warned := acctest.FindDiagnostic(acctest.JSONDiagnostics(out), "warning", "More GDAP relationships than the limit"); warned != warns {
			t.Errorf("limit %d: warned %v, want %v", limit, warned, warns)
		}
		if got := strings.Count(string(out), `"type":"list_resource_found"`); got != limit {
			t.Errorf("limit %d: %d results", limit, got)
		}
	}
}
