// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

const (
	contoso    = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
	fabrikam   = "0b6fd2a5-2c8b-4f3e-9b7a-000000000001"
	readerRole = "f2ef992c-3afb-46b9-b7cf-a126ee74c451"
	userAdmin  = "fe930be7-5e62-47db-91af-98c3a49a38b1"
)

// relationship is what a test expects of one listed relationship.
func relationship(id, name, customer, status string) knownvalue.Check {
	var invitation knownvalue.Check = knownvalue.Null() // nothing to approve
	if status == "approvalPending" {
		invitation = knownvalue.StringExact("https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/" + id)
	}
	return knownvalue.ObjectPartial(map[string]knownvalue.Check{
		"id": knownvalue.StringExact(id), "display_name": knownvalue.StringExact(name),
		"customer_tenant_id": knownvalue.StringExact(customer), "status": knownvalue.StringExact(status),
		"duration": knownvalue.StringExact("P730D"), "auto_extend_duration": knownvalue.StringExact("PT0S"),
		"invitation_url": invitation,
	})
}

func TestAccRelationshipsDataSource_listsEveryPageAndFilters(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	pending := seedRelationship(t, env, "Contoso pending", contoso, true, readerRole)
	created := seedRelationship(t, env, "Contoso draft", contoso, false, readerRole, userAdmin)
	other := seedRelationship(t, env, "Fabrikam pending", fabrikam, true, readerRole)
	env.Emulator.Graph().SetPageSize(1) // three pages for three relationships

	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.Config(`
data "partnercenter_delegated_admin_relationships" "all" {}

data "partnercenter_delegated_admin_relationships" "awaiting_approval" {
  status = "approvalPending"
}

data "partnercenter_delegated_admin_relationships" "contoso" {
  customer_tenant_id = "` + strings.ToUpper(contoso) + `" # any case: a tenant id is a GUID
}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.partnercenter_delegated_admin_relationships.all", tfjsonpath.New("relationships"),
					knownvalue.ListExact([]knownvalue.Check{ // sorted by name, not in the order created
						relationship(created, "Contoso draft", contoso, "created"),
						relationship(pending, "Contoso pending", contoso, "approvalPending"),
						relationship(other, "Fabrikam pending", fabrikam, "approvalPending"),
					})),
				statecheck.ExpectKnownValue("data.partnercenter_delegated_admin_relationships.awaiting_approval", tfjsonpath.New("relationships"),
					knownvalue.ListExact([]knownvalue.Check{
						relationship(pending, "Contoso pending", contoso, "approvalPending"),
						relationship(other, "Fabrikam pending", fabrikam, "approvalPending"),
					})),
				statecheck.ExpectKnownValue("data.partnercenter_delegated_admin_relationships.contoso", tfjsonpath.New("relationships"),
					knownvalue.ListExact([]knownvalue.Check{
						relationship(created, "Contoso draft", contoso, "created"),
						relationship(pending, "Contoso pending", contoso, "approvalPending"),
					})),
				statecheck.ExpectKnownValue("data.partnercenter_delegated_admin_relationships.contoso",
					tfjsonpath.New("relationships").AtSliceIndex(0).AtMapKey("roles"),
					knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(readerRole), knownvalue.StringExact(userAdmin)})),
			},
		}},
	})
}

func TestAccRelationshipDataSource_readsOneAndFollowsApproval(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	id := seedRelationship(t, env, "Contoso admins", contoso, true, readerRole)
	config := env.Config(`
data "partnercenter_delegated_admin_relationship" "test" {
  id = "` + id + `"
}`)
	const address = "data.partnercenter_delegated_admin_relationship.test"
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(address, tfjsonpath.New("status"), knownvalue.StringExact("approvalPending")),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("display_name"), knownvalue.StringExact("Contoso admins")),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("activated_at"), knownvalue.Null()),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("created_at"), knownvalue.NotNull()),
				},
			},
			{
				PreConfig: func() {
					if err := env.Emulator.Graph().Approve(id, contoso, "Contoso Ltd"); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(address, tfjsonpath.New("status"), knownvalue.StringExact("active")),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("customer_display_name"), knownvalue.StringExact("Contoso Ltd")),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("activated_at"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("ends_at"), knownvalue.NotNull()),
				},
			},
		},
	})
}

func TestAccRelationshipDataSource_errorsNameTheProblem(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config: env.ProviderConfig + `
data "partnercenter_delegated_admin_relationship" "test" {
  id = "00000000-0000-4000-8000-000000000001-00000000-0000-4000-8000-000000000002"
}`,
				ExpectError: acctest.DiagnosticPattern("GDAP relationship not found", "HTTP 404 Not Found, Microsoft Graph code resourceNotFound", acctest.GraphRequestIDs),
			},
			{
				Config: env.ProviderConfig + `
data "partnercenter_delegated_admin_relationship" "test" {
  id = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
}`,
				ExpectError: regexp.MustCompile(`must be a GDAP relationship id: two GUIDs joined by a dash`),
			},
			{
				Config: env.ProviderConfig + `
data "partnercenter_delegated_admin_relationships" "test" {
  status = "pending"
}`,
				ExpectError: regexp.MustCompile(`(?s)value must be one of:.*approvalPending`),
			},
		},
	})
}
