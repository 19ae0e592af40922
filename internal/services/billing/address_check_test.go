// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

func TestAccAddressValidation_rulesRejectAtPlanTime(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	tests := []struct {
		state, postal string
		want          []string
	}{
		{"WA", "9805", []string{"Invalid postal code", `"9805" does not have the form Partner Center expects for US`}},
		{"XX", "98052", []string{"Unknown state", `"XX" is not a state Partner Center accepts for US`}},
		{"", "98052", []string{"State required", "Partner Center requires a state for addresses in US"}},
	}
	var steps []resource.TestStep
	for _, tt := range tests {
		steps = append(steps, resource.TestStep{
			Config: env.Config(addressConfig("", "One Microsoft Way", tt.state, tt.postal)), PlanOnly: true,
			ExpectError: acctest.DiagnosticPattern(tt.want...),
		})
	}
	env.Run(t, resource.TestCase{Steps: steps})
	if puts := env.Emulator.Count("PUT", ""); puts != 0 {
		t.Errorf("%d PUTs: a rejected address must stop at plan", puts)
	}
}

func TestAccAddressValidation_addressNotFoundIsAnError(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Emulator.SetAddressVerdict("12 Nowhere Road", partnercenter.AddressNone, "Address not found.")
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: env.Config(addressConfig("", "12 Nowhere Road", "WA", "98052")), PlanOnly: true,
		ExpectError: acctest.DiagnosticPattern("Address not found", "could not find this address"),
	}}})
}

func TestAccAddressValidation_partialMatchWarnsAndUnchangedAddressCostsNoCall(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Emulator.SetAddressVerdict("1 Microsoft Way", partnercenter.AddressStreetPartial, "Street matched partially.",
		map[string]string{"addressLine1": "One Microsoft Way", "city": "Redmond", "state": "WA", "postalCode": "98052", "country": "US"})
	config := env.Config(addressConfig("", "1 Microsoft Way", "WA", "98052"))
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(testProfile,
				tfjsonpath.New("default_address").AtMapKey("address_line1"), knownvalue.StringExact("1 Microsoft Way"))},
			// A warning does not block. Terraform plans the change twice (plan, then again at apply, each
			// in its own provider process): one rules fetch and one validation each. The plan after
			// the apply sees an unchanged address and makes none.
			Check: expectValidationCalls(env, 2, 2),
		},
		{
			PreConfig: env.Emulator.ResetRequests,
			Config:    config,
			PlanOnly:  true,
			Check:     expectValidationCalls(env, 0, 0),
		},
	}})
}

func TestAccAddressValidation_serviceOutageNeverBlocks(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Emulator.Inject(emulator.Fault{Method: "POST", Times: 100, Status: 503})
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: env.Config(addressConfig("", "One Microsoft Way", "WA", "98052")),
		Check: func(*terraform.State) error {
			if p, _ := env.Emulator.Profile(env.CustomerID); p["defaultAddress"].(map[string]any)["addressLine1"] != "One Microsoft Way" {
				return fmt.Errorf("the apply did not go through: %v", p["defaultAddress"])
			}
			return nil
		},
	}}})
}

func TestAccAddressValidation_canBeTurnedOff(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		// The emulator's PUT does not check postal codes, so only plan-time validation would stop this.
		Config: env.Config(addressConfig("validate_address = false", "One Microsoft Way", "WA", "9805")),
		Check:  expectValidationCalls(env, 0, 0),
	}}})
}

func TestAccCountryValidationRulesDataSource(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: env.Config(`
data "partnercenter_country_validation_rules" "us" {
  country = "US"
}`),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.partnercenter_country_validation_rules.us", tfjsonpath.New("is_state_required"), knownvalue.Bool(true)),
			statecheck.ExpectKnownValue("data.partnercenter_country_validation_rules.us", tfjsonpath.New("supported_states"), knownvalue.ListPartial(map[int]knownvalue.Check{0: knownvalue.NotNull()})),
			statecheck.ExpectKnownValue("data.partnercenter_country_validation_rules.us", tfjsonpath.New("postal_code_regex"), knownvalue.NotNull()),
		},
	}}})
}

// TestAccAddressValidation_everyStatusThroughTerraform applies an address for each status the
// validation service answers: only None stops the apply; every other status lets it through
// (partial matches with a warning) after exactly one validation in each planning command.
func TestAccAddressValidation_everyStatusThroughTerraform(t *testing.T) {
	t.Parallel()
	for _, status := range []string{partnercenter.AddressVerified, partnercenter.AddressVerifiedShippable, partnercenter.AddressInteractionRequired,
		partnercenter.AddressStreetPartial, partnercenter.AddressPremisesPartial, partnercenter.AddressMultiple, partnercenter.AddressNotValidated, partnercenter.AddressNone} {
		t.Run(status, func(t *testing.T) {
			t.Parallel()
			env := acctest.NewEnv(t)
			env.NeedsEmulator(t)
			line1 := "7 " + status + " Street"
			env.Emulator.SetAddressVerdict(line1, status, "Emulated "+status+".")
			step := resource.TestStep{Config: env.Config(addressConfig("", line1, "WA", "98052"))}
			if status == partnercenter.AddressNone {
				step.ExpectError = acctest.DiagnosticPattern("Address not found", "Emulated None")
			} else {
				step.Check = resource.ComposeAggregateTestCheckFunc(
					expectValidationCalls(env, 2, 2),
					expectStored(env, "defaultAddress.addressLine1", line1),
				)
			}
			env.Run(t, resource.TestCase{Steps: []resource.TestStep{step}})
		})
	}
}

// Plan-time checks judge only what they know: a value Partner Center already holds counts, a
// value known only at apply is checked then.
func TestAccAddressValidation_neverFailsOnWhatItCannotKnow(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		before func(env *acctest.Env)
		config string
		stored map[string]string
		// rules and validations are the calls of the whole apply: plan walk and apply walk.
		rules, validations int
	}{
		{
			name: "adopting an address that leaves out the state Partner Center holds",
			config: `
resource "partnercenter_customer_billing_profile" "test" {
  customer_id = "%[1]s"
  default_address = {
    country       = "US"
    city          = "Seattle"
    address_line1 = "400 Broad St"
    postal_code   = "98109"
  }
}`,
			stored: map[string]string{"defaultAddress.state": "WA", "defaultAddress.city": "Seattle"},
			rules:  2, validations: 2,
		},
		{
			name: "a city known only at apply",
			config: `
resource "terraform_data" "city" {
  input = "Seattle"
}

resource "partnercenter_customer_billing_profile" "test" {
  customer_id = "%[1]s"
  default_address = {
    country       = "US"
    city          = terraform_data.city.output
    address_line1 = "400 Broad St"
    state         = "WA"
    postal_code   = "98109"
  }
}`,
			stored: map[string]string{"defaultAddress.city": "Seattle"},
			// The plan walk cannot validate a city it does not know; the apply walk does.
			rules: 2, validations: 1,
		},
		{
			name: "a Polish address that leaves out the phone number Partner Center holds",
			config: `
resource "partnercenter_customer_billing_profile" "test" {
  customer_id = "%[1]s"
  default_address = {
    country       = "PL"
    state         = ""
    city          = "Warszawa"
    address_line1 = "ul. Marszalkowska 1"
    postal_code   = "00-624"
  }
}`,
			stored: map[string]string{"defaultAddress.country": "PL", "defaultAddress.phoneNumber": "4255550100"},
			rules:  2, validations: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			env := acctest.NewEnv(t)
			env.NeedsEmulator(t)
			var checks []resource.TestCheckFunc
			for k, v := range tt.stored {
				checks = append(checks, expectStored(env, k, v))
			}
			checks = append(checks, expectValidationCalls(env, tt.rules, tt.validations))
			env.Run(t, resource.TestCase{
				Steps: []resource.TestStep{{
					Config: env.Config(tt.config),
					Check:  resource.ComposeAggregateTestCheckFunc(checks...),
				}},
			})
		})
	}
}

// What Partner Center holds counts against the configuration too: an address moved to a country
// that needs a phone number fails at plan when the profile has none, on create and on update.
func TestAccAddressValidation_missingPhoneFailsAtPlanAfterReadingTheProfile(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	if err := env.Emulator.ChangeProfile(env.CustomerID, func(p map[string]any) {
		delete(p["defaultAddress"].(map[string]any), "phoneNumber")
	}); err != nil {
		t.Fatal(err)
	}
	polish := env.Config(`
resource "partnercenter_customer_billing_profile" "test" {
  customer_id = "%[1]s"
  default_address = {
    country       = "PL"
    state         = ""
    city          = "Warszawa"
    address_line1 = "ul. Marszalkowska 1"
    postal_code   = "00-624"
  }
}`)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: polish, PlanOnly: true, ExpectError: acctest.DiagnosticPattern("Phone number required", "addresses in PL", "would have none")},
		{Config: env.Config(profileConfig("Contoso", "Redmond"))},
		{Config: polish, PlanOnly: true, ExpectError: acctest.DiagnosticPattern("Phone number required", "addresses in PL", "would have none")},
	}})
	if puts := env.Emulator.Count("PUT", ""); puts != 1 {
		t.Errorf("%d PUTs, want only the one of the US step", puts)
	}
}

// A new resource whose address the plan completes from Partner Center learns at plan time that
// the customer does not exist.
func TestAccAddressValidation_unknownCustomerFailsAtPlan(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: env.ProviderConfig + `
resource "partnercenter_customer_billing_profile" "test" {
  customer_id = "00000000-0000-4000-8000-0000000000ff"
  default_address = {
    city = "Seattle"
  }
}`,
		PlanOnly:    true,
		ExpectError: acctest.DiagnosticPattern("Customer not found", "HTTP 404", "code 60003", acctest.PartnerCenterRequestIDs),
	}}})
}

// Moving a resource to another customer checks the address against what the new customer holds,
// not the old one.
func TestAccAddressValidation_anotherCustomerIsCheckedAgainstItsOwnProfile(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	if err := env.Emulator.ChangeProfile(env.CustomerID, func(p map[string]any) {
		delete(p["defaultAddress"].(map[string]any), "phoneNumber")
	}); err != nil {
		t.Fatal(err)
	}
	polish := "4c1f0b52-8d5e-4b8a-9a43-6f1d2e7c9b10"
	profile := emulator.DefaultProfile()
	profile["defaultAddress"] = map[string]any{"country": "PL", "city": "Warszawa", "addressLine1": "ul. Marszalkowska 1",
		"postalCode": "00-624", "firstName": "Anna", "lastName": "Nowak", "phoneNumber": "+48 22 123 45 67"}
	if err := env.Emulator.SeedCustomer(polish, profile); err != nil {
		t.Fatal(err)
	}
	config := func(customerID string) string {
		return env.ProviderConfig + `
resource "partnercenter_customer_billing_profile" "test" {
  customer_id = "` + customerID + `"
  default_address = {
    country       = "PL"
    city          = "Krakow"
    address_line1 = "ul. Florianska 1"
    postal_code   = "31-019"
    state         = ""
  }
}`
	}
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		// The first customer has no phone number: an address in Poland cannot be planned for it.
		{Config: config(env.CustomerID), PlanOnly: true, ExpectError: acctest.DiagnosticPattern("Phone number required")},
		{Config: env.Config(profileConfig("Contoso", "Redmond"))},
		{
			Config: config(polish),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(testProfile, plancheck.ResourceActionReplace),
			}},
			Check: func(*terraform.State) error {
				p, _ := env.Emulator.Profile(polish)
				if got := p["defaultAddress"].(map[string]any)["city"]; got != "Krakow" {
					return fmt.Errorf("the Polish customer's city is %v, want Krakow", got)
				}
				return nil
			},
		},
	}})
}

// An address the configuration only partly gives, for a profile that holds none, lacks what every
// address needs: the plan says so, naming each attribute, instead of apply failing on a 400.
func TestAccAddressValidation_partialAddressForAProfileWithoutOneFailsAtPlan(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	if err := env.Emulator.ChangeProfile(env.CustomerID, func(p map[string]any) { delete(p, "defaultAddress") }); err != nil {
		t.Fatal(err)
	}
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{
			Config: env.Config(profileConfig("Contoso", "Boston")), PlanOnly: true,
			ExpectError: acctest.DiagnosticPattern("default_address.country required", "default_address.address_line1 required",
				"default_address.first_name required", "default_address.last_name required"),
		},
		{
			// Once adopted without an address, an update that adds part of one fails the same way.
			Config: env.Config(`
resource "partnercenter_customer_billing_profile" "test" {
  customer_id  = "%[1]s"
  company_name = "Contoso"
}`),
		},
		{
			Config: env.Config(profileConfig("Contoso", "Boston")), PlanOnly: true,
			ExpectError: acctest.DiagnosticPattern("default_address.country required"),
		},
	}})
}

// The plan-time check only advises, so it never holds a plan up: a validation service that does
// not answer, or asks to be called again in five minutes, costs a warning and the plan goes on.
func TestAccAddressValidation_aSlowServiceCostsAWarningNotAHang(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		fault emulator.Fault
		want  string
	}{
		{"a service that never answers", emulator.Fault{Method: "POST", Times: 100, Delay: 10 * time.Minute}, "deadline exceeded"},
		{"a service that asks to wait five minutes", emulator.Fault{Method: "POST", Times: 100, Status: 429, RetryAfter: 5 * time.Minute},
			"HTTP 429"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			env := acctest.NewEnv(t)
			env.NeedsEmulator(t)
			env.Emulator.Inject(tt.fault)
			cli := acctest.NewCLI(t)
			config := env.Config(`
resource "partnercenter_customer_billing_profile" "test" {
  customer_id = "%[1]s"
  default_address = {
    country       = "US"
    address_line1 = "400 Broad St"
    city          = "Seattle"
    state         = "WA"
    postal_code   = "98109"
  }
  timeouts = {
    read = "3s"
  }
}`)
			// A hang would take the fault's five or ten minutes; a minute is ample for a plan.
			diags := cli.Plan(t, config, time.Minute)
			w, ok := acctest.FindDiagnostic(diags, "warning", "Address validation skipped")
			if !ok || !strings.Contains(w.Detail, tt.want) {
				t.Errorf("want a warning that validation was skipped, mentioning %q; diagnostics: %+v", tt.want, diags)
			}
		})
	}
}

// A credential Entra ID refuses fails the plan, even when every resource is new: the apply would
// fail on it anyway, so a warning that validation was skipped would only delay the news.
func TestAccAddressValidation_aRefusedCredentialFailsThePlan(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	env.Emulator.RegisterApp(emulator.App{TenantID: acctest.AuthTenant, ClientID: acctest.AuthClient, ClientSecret: acctest.AuthSecret})
	// No refresh token was ever issued to the app: Entra ID refuses it as expired or revoked.
	base := regexp.MustCompile(`base_url\s*=\s*"([^"]+)"`).FindStringSubmatch(env.ProviderConfig)[1]
	provider := fmt.Sprintf(`
provider "partnercenter" {
  base_url      = %[1]q
  authority_url = %[1]q
  tenant_id     = %[2]q
  client_id     = %[3]q
  client_secret = %[4]q
  refresh_token = "revoked-refresh-token"
}
`, base, acctest.AuthTenant, acctest.AuthClient, acctest.AuthSecret)
	for _, address := range []string{
		`{ city = "Seattle" }`, // completed from the profile, which cannot be read
		`{ country = "US", address_line1 = "400 Broad St", city = "Seattle", state = "WA", postal_code = "98109" }`,
	} {
		env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
			Config: provider + fmt.Sprintf(`
resource "partnercenter_customer_billing_profile" "test" {
  customer_id     = %q
  default_address = %s
}`, env.CustomerID, address),
			PlanOnly:    true,
			ExpectError: acctest.DiagnosticPattern("Could not get a Partner Center token", "refresh token", "AADSTS"),
		}}})
	}
}
