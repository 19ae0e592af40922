// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// terraform query came with Terraform 1.14: these tests are skipped on older terraform and run in
// CI on the pinned 1.14 build (make test-terraform-1.14).
var queryVersions = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)}

// profilesList is a list block of billing profiles named "all", with body inside its config block;
// the query step runs it beside the previous step's configuration, which configures the provider.
func profilesList(includeResource bool, limit int, body string) string {
	limitLine := ""
	if limit > 0 {
		limitLine = fmt.Sprintf("  limit = %d\n", limit)
	}
	return fmt.Sprintf(`
list "partnercenter_customer_billing_profile" "all" {
  provider         = partnercenter
  include_resource = %t
%s  config {
%s
  }
}
`, includeResource, limitLine, body)
}

// profileGets counts the billing profile reads the emulator served.
func profileGets(emu *emulator.Server) int {
	n := 0
	for _, r := range emu.Requests() {
		if r.Method == http.MethodGet && strings.HasSuffix(r.Path, "/profiles/billing") {
			n++
		}
	}
	return n
}

func TestAccBillingProfile_queryListsEveryCustomersProfile(t *testing.T) {
	t.Parallel()
	env := acctest.NewSmallEstateEnv(t, 4)
	id := strings.ToLower(env.CustomerID)
	if err := env.Emulator.SetCompany(id, emulator.Company{Name: "Contoso Query", Domain: "contosoquery.onmicrosoft.com"}); err != nil {
		t.Fatal(err)
	}
	byIdentity := queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"customer_id": knownvalue.StringExact(id)})
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: queryVersions,
		Steps: []resource.TestStep{
			{Config: env.ProviderConfig},
			{
				Query:  true,
				Config: profilesList(true, 0, ""),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("partnercenter_customer_billing_profile.all", 5),
					querycheck.ExpectIdentity("partnercenter_customer_billing_profile.all",
						map[string]knownvalue.Check{"customer_id": knownvalue.StringExact(id)}),
					querycheck.ExpectResourceDisplayName("partnercenter_customer_billing_profile.all", byIdentity,
						knownvalue.StringExact("Contoso Query (contosoquery.onmicrosoft.com)")),
					querycheck.ExpectResourceKnownValues("partnercenter_customer_billing_profile.all", byIdentity, []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("customer_id"), KnownValue: knownvalue.StringExact(id)},
						{Path: tfjsonpath.New("company_name"), KnownValue: knownvalue.StringExact("Contoso Ltd")},
						{Path: tfjsonpath.New("default_address").AtMapKey("city"), KnownValue: knownvalue.StringExact("Redmond")},
						{Path: tfjsonpath.New("etag"), KnownValue: knownvalue.NotNull()},
					}),
				},
			},
		},
	})
}

func TestAccBillingProfile_queryFiltersAndStopsAtTheLimit(t *testing.T) {
	t.Parallel()
	env := acctest.NewSmallEstateEnv(t, 1200) // three pages of customers
	var pagesBefore, readsBefore int
	mark := func() {
		pagesBefore, readsBefore = env.Emulator.Count(http.MethodGet, "")-profileGets(env.Emulator), profileGets(env.Emulator)
	}
	expectReads := func(pages, profiles int) querycheck.QueryResultCheck {
		return queryCheckFunc(func() error {
			gotPages := env.Emulator.Count(http.MethodGet, "") - profileGets(env.Emulator) - pagesBefore
			if gotProfiles := profileGets(env.Emulator) - readsBefore; gotPages != pages || gotProfiles != profiles {
				return fmt.Errorf("%d pages of customers and %d profiles read, want %d and %d", gotPages, gotProfiles, pages, profiles)
			}
			return nil
		})
	}
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: queryVersions,
		Steps: []resource.TestStep{
			{Config: env.ProviderConfig},
			{
				// Without include_resource: the list alone, no profile read. (terraform query's
				// default limit is 100.)
				PreConfig: mark,
				Query:     true,
				Config:    profilesList(false, 5000, ""),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("partnercenter_customer_billing_profile.all", 1201), expectReads(3, 0),
				},
			},
			{
				// A limit within the first page reads one page and only the profiles listed.
				PreConfig: mark,
				Query:     true,
				Config:    profilesList(true, 7, ""),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("partnercenter_customer_billing_profile.all", 7), expectReads(1, 7),
				},
			},
			{
				// The customers data source's filters: a company name prefix.
				PreConfig: mark,
				Query:     true,
				Config:    profilesList(false, 5000, `    company_name_prefix = "fabrikam 00"`),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("partnercenter_customer_billing_profile.all", 99),
					querycheck.ExpectResourceDisplayName("partnercenter_customer_billing_profile.all",
						queryfilter.ByDisplayName(knownvalue.StringExact("Fabrikam 0001 (fabrikam0001.onmicrosoft.com)")),
						knownvalue.StringExact("Fabrikam 0001 (fabrikam0001.onmicrosoft.com)")),
				},
			},
		},
	})
}

// queryCheckFunc is a query check that looks at the emulator, not at the results.
type queryCheckFunc func() error

// CheckQuery runs the check.
func (f queryCheckFunc) CheckQuery(_ context.Context, _ querycheck.CheckQueryRequest, resp *querycheck.CheckQueryResponse) {
	resp.Error = f()
}

// The documentation's list block, as it is, finds the Fabrikams.
func TestAccBillingProfile_queryExampleRuns(t *testing.T) {
	t.Parallel()
	env := acctest.NewSmallEstateEnv(t, 30) // Fabrikam 0001 to 0003 among them
	example, err := os.ReadFile("../../../examples/list-resources/partnercenter_customer_billing_profile/list-resource.tfquery.hcl")
	if err != nil {
		t.Fatal(err)
	}
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: queryVersions,
		Steps: []resource.TestStep{
			{Config: env.ProviderConfig},
			{
				Query:  true,
				Config: string(example),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("partnercenter_customer_billing_profile.fabrikam", 3),
					querycheck.ExpectResourceDisplayName("partnercenter_customer_billing_profile.fabrikam",
						queryfilter.ByDisplayName(knownvalue.StringExact("Fabrikam 0002 (fabrikam0002.onmicrosoft.com)")),
						knownvalue.StringExact("Fabrikam 0002 (fabrikam0002.onmicrosoft.com)")),
				},
			},
		},
	})
}
