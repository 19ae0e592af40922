// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

func TestAccEntraRolesDataSource_mapsNamesToTemplateIDs(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	const address = "data.partnercenter_entra_roles.tier1"
	// The refused name comes first: the test's destroy runs on the last step's configuration.
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config: env.ProviderConfig + `
data "partnercenter_entra_roles" "tier1" {
  names = ["Global Reader", "Helpdesk Admin"]
}`,
				ExpectError: acctest.DiagnosticPattern("Unknown Entra role",
					`"Helpdesk Admin" is not a Microsoft Entra built-in role this provider knows`, `did you mean "Helpdesk Administrator"\?\)`),
			},
			{
				Config: env.ProviderConfig + `
data "partnercenter_entra_roles" "tier1" {
  names = ["Global Reader", "user administrator"]
}`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(address, tfjsonpath.New("ids"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact(readerRole), knownvalue.StringExact(userAdmin)})),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("by_name"), knownvalue.MapExact(map[string]knownvalue.Check{
						"Global Reader": knownvalue.StringExact(readerRole), "user administrator": knownvalue.StringExact(userAdmin)})),
				},
			},
		},
	})
}
