// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package onboarding_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator/graphemu"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

const (
	fabrikam   = "0b6fd2a5-2c8b-4f3e-9b7a-000000000001"
	northwind  = "0b6fd2a5-2c8b-4f3e-9b7a-000000000002"
	tailspin   = "0b6fd2a5-2c8b-4f3e-9b7a-000000000003"
	readerRole = "f2ef992c-3afb-46b9-b7cf-a126ee74c451"
	helpdesk   = "3c8e2d1a-6b7f-4e09-a1d2-5f4c3b2a1e0d"
	psaApp     = "5d2b6c1e-7f3a-4e8b-9c0d-1a2b3c4d5e6f"
)

func set(ids ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, 0, len(ids))
	for _, id := range ids {
		checks = append(checks, knownvalue.StringExact(id))
	}
	return knownvalue.SetExact(checks)
}

// TestAccOnboardingCoverage_showsEachCustomersStateAndTheGaps holds the coverage view on an estate
// with one customer at each stage: contoso active with access (and Global Administrator),
// fabrikam awaiting approval, northwind with no relationship, and tailspin, which Partner Center
// does not list, active for ten days without access.
func TestAccOnboardingCoverage_showsEachCustomersStateAndTheGaps(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	env.NeedsEmulator(t)
	contoso := env.CustomerID
	for _, id := range []string{fabrikam, northwind} {
		if err := env.Emulator.SeedDefaultCustomer(id); err != nil {
			t.Fatal(err)
		}
	}
	active := acctest.SeedRelationship(t, env, acctest.SeededRelationship{Name: "Contoso", CustomerTenantID: contoso,
		Roles: []string{readerRole, rules.GlobalAdministratorRoleID}, Lock: true})
	acctest.SeedRelationship(t, env, acctest.SeededRelationship{Name: "Fabrikam", CustomerTenantID: fabrikam,
		Roles: []string{readerRole}, Lock: true})
	short := acctest.SeedRelationship(t, env, acctest.SeededRelationship{Name: "Tailspin", CustomerTenantID: tailspin,
		Duration: "P10D", Roles: []string{readerRole}, Lock: true})
	for id, tenant := range map[string]string{active: contoso, short: tailspin} {
		if err := env.Emulator.Graph().Approve(id, tenant, "Customer "+tenant[:8]); err != nil {
			t.Fatal(err)
		}
	}
	acctest.SeedAssignment(t, env, active, helpdesk, readerRole)

	coverage := "data.partnercenter_onboarding_coverage.estate"
	row := func(tenant string) tfjsonpath.Path { return tfjsonpath.New("customers").AtMapKey(tenant) }
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.Config(`data "partnercenter_onboarding_coverage" "estate" {}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(coverage, tfjsonpath.New("without_active_relationship"), set(fabrikam, northwind)),
				statecheck.ExpectKnownValue(coverage, tfjsonpath.New("without_access_assigned"), set(tailspin)),
				statecheck.ExpectKnownValue(coverage, tfjsonpath.New("ending_without_auto_extension"), set(tailspin)),
				statecheck.ExpectKnownValue(coverage, tfjsonpath.New("holding_global_administrator"), set(contoso)),
				statecheck.ExpectKnownValue(coverage, tfjsonpath.New("not_in_partner_center"), set(tailspin)),
				statecheck.ExpectKnownValue(coverage, tfjsonpath.New("without_consent"), set()),
				statecheck.ExpectKnownValue(coverage, tfjsonpath.New("unreadable_tenants"), set()),
				statecheck.ExpectKnownValue(coverage, row(contoso), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"tenant_id": knownvalue.StringExact(contoso), "name": knownvalue.StringExact("Contoso Ltd"),
					"in_partner_center": knownvalue.Bool(true), "gdap_status": knownvalue.StringExact("active"),
					"active_relationship_id": knownvalue.StringExact(active),
					"active_since":           knownvalue.StringRegexp(rfc3339), "active_until": knownvalue.StringRegexp(rfc3339),
					"auto_extends": knownvalue.Bool(false), "holds_global_administrator": knownvalue.Bool(true),
					"access_assigned": knownvalue.Bool(true), "assigned_security_group_ids": set(helpdesk),
					"consented_applications": knownvalue.Null(), // no application_ids: no tenant read
				})),
				statecheck.ExpectKnownValue(coverage, row(fabrikam), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"tenant_id": knownvalue.StringExact(fabrikam), "name": knownvalue.StringExact("Contoso Ltd"),
					"in_partner_center": knownvalue.Bool(true), "gdap_status": knownvalue.StringExact("approvalPending"),
					"active_relationship_id": knownvalue.Null(), "active_since": knownvalue.Null(), "active_until": knownvalue.Null(),
					"auto_extends": knownvalue.Null(), "holds_global_administrator": knownvalue.Bool(false),
					"access_assigned": knownvalue.Bool(false), "assigned_security_group_ids": set(),
					"consented_applications": knownvalue.Null(),
				})),
				statecheck.ExpectKnownValue(coverage, row(northwind).AtMapKey("gdap_status"), knownvalue.Null()),
				statecheck.ExpectKnownValue(coverage, row(tailspin), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"name": knownvalue.StringExact("Customer " + tailspin[:8]), "in_partner_center": knownvalue.Bool(false),
					"active_relationship_id": knownvalue.StringExact(short), "access_assigned": knownvalue.Bool(false),
				})),
			},
		}},
	})
}

// TestAccOnboardingCoverage_anAnswerThatIsNoListFailsTheRead holds that a page that is no list of
// relationships (a proxy's 404 page, a wrong graph_base_url) or of customers fails the read,
// saying why, instead of showing an estate where no customer has access or none exists.
func TestAccOnboardingCoverage_anAnswerThatIsNoListFailsTheRead(t *testing.T) {
	t.Parallel()
	for name, tt := range map[string]struct {
		fault emulator.Fault
		want  *regexp.Regexp
	}{
		"a proxy's page for the relationships": {
			fault: emulator.Fault{Method: http.MethodGet, Path: "/v1.0/tenantRelationships/delegatedAdminRelationships",
				Status: http.StatusNotFound, Body: "<html>Not Found</html>", ContentType: "text/html"},
			want: acctest.DiagnosticPattern("Microsoft Graph endpoint not found", "the GDAP relationships"),
		},
		"a customer list that is no list": {
			fault: emulator.Fault{Method: http.MethodGet, Path: "/v1/customers", Status: http.StatusOK, Body: `{"totalCount": 0}`},
			want:  acctest.DiagnosticPattern("Unusable answer from Partner Center"),
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := acctest.NewGraphEnv(t)
			env.NeedsEmulator(t)
			acctest.SeedRelationship(t, env, acctest.SeededRelationship{Name: "Contoso", CustomerTenantID: env.CustomerID,
				Roles: []string{readerRole}, Lock: true})
			env.Run(t, resource.TestCase{
				Steps: []resource.TestStep{{
					PreConfig:   func() { env.Emulator.Inject(tt.fault) },
					Config:      env.Config(`data "partnercenter_onboarding_coverage" "estate" {}`),
					ExpectError: tt.want,
				}},
			})
		})
	}
}

// TestAccOnboardingCoverage_readsWhichAppsEachTenantHolds reads application consents in the tenant
// of every customer with an active relationship: contoso holds both apps, fabrikam the provider's
// own alone, northwind neither (Entra ID refuses the provider's own app a token there as not
// consented: it lacks that app, the other is not known), and tailspin, which Partner Center does
// not know, cannot be read at all: unreadable, not without consent.
func TestAccOnboardingCoverage_readsWhichAppsEachTenantHolds(t *testing.T) {
	t.Parallel()
	env := acctest.NewAppUserEnv(t)
	contoso := env.CustomerID
	for _, id := range []string{fabrikam, northwind} {
		if err := env.Emulator.SeedDefaultCustomer(id); err != nil {
			t.Fatal(err)
		}
	}
	for _, tenant := range []string{contoso, fabrikam, northwind, tailspin} {
		rel := acctest.SeedRelationship(t, env, acctest.SeededRelationship{Name: "Customer " + tenant, CustomerTenantID: tenant,
			Roles: []string{readerRole}, Lock: true})
		if err := env.Emulator.Graph().Approve(rel, tenant, ""); err != nil {
			t.Fatal(err)
		}
	}
	grants := map[string][]string{graphemu.GraphAppID: {"User.Read.All"}}
	for tenant, apps := range map[string][]string{contoso: {acctest.AuthClient, psaApp}, fabrikam: {acctest.AuthClient}} {
		for _, app := range apps {
			if err := env.Emulator.Graph().Consent(tenant, app, "", grants); err != nil {
				t.Fatal(err)
			}
		}
	}
	coverage := "data.partnercenter_onboarding_coverage.estate"
	consented := func(tenant string) tfjsonpath.Path {
		return tfjsonpath.New("customers").AtMapKey(tenant).AtMapKey("consented_applications")
	}
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: env.Config(`data "partnercenter_onboarding_coverage" "estate" {
  application_ids = ["` + acctest.AuthClient + `", "` + strings.ToUpper(psaApp) + `"]
}`),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(coverage, consented(contoso), set(acctest.AuthClient, psaApp)),
			statecheck.ExpectKnownValue(coverage, consented(fabrikam), set(acctest.AuthClient)),
			statecheck.ExpectKnownValue(coverage, consented(northwind), knownvalue.Null()),
			statecheck.ExpectKnownValue(coverage, consented(tailspin), knownvalue.Null()),
			statecheck.ExpectKnownValue(coverage, tfjsonpath.New("without_consent"), set(fabrikam, northwind)),
			statecheck.ExpectKnownValue(coverage, tfjsonpath.New("unreadable_tenants"), set(tailspin)),
		},
	}}})
}
