// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// CompanyConfig is a resource that sets company_name, with extra lines (a timeouts block) in it.
func CompanyConfig(companyName, extra string) string {
	return fmt.Sprintf("resource \"partnercenter_customer_billing_profile\" \"test\" {\n  customer_id  = \"%%[1]s\"\n  company_name = %q\n%s}\n",
		companyName, extra)
}

// StoredKeepsSeededFields checks that the fields the configuration does not manage survived.
func (e *Env) StoredKeepsSeededFields(*terraform.State) error {
	stored, _ := e.Emulator.Profile(e.CustomerID)
	seeded := emulator.DefaultProfile()
	for _, k := range []string{"firstName", "lastName", "email", "culture", "language", "middleName", "vatId"} {
		if stored[k] != seeded[k] {
			return fmt.Errorf("stored %s = %v, want the seeded %v", k, stored[k], seeded[k])
		}
	}
	return nil
}

// StoredKeepsUnmodelledFields checks that the seeded fields the provider does not model survived.
func (e *Env) StoredKeepsUnmodelledFields(*terraform.State) error {
	stored, _ := e.Emulator.Profile(e.CustomerID)
	seeded := emulator.DefaultProfile()
	for _, k := range []string{"middleName", "vatId", "defaultAddress.district", "defaultAddress.middleName", "defaultAddress.emailAddress"} {
		if got, want := LookupPath(stored, k), LookupPath(seeded, k); got != want {
			return fmt.Errorf("stored %s = %v, want the seeded %v", k, got, want)
		}
	}
	return nil
}

// ChangeStored is another writer (the portal, say) setting the profile's field key to v.
func (e *Env) ChangeStored(key, v string) {
	if err := e.Emulator.ChangeProfile(e.CustomerID, func(p map[string]any) { p[key] = v }); err != nil {
		panic(err)
	}
}

// ChangeStoredAddress is another writer setting the default address's field key to v.
func (e *Env) ChangeStoredAddress(key, v string) {
	if err := e.Emulator.ChangeProfile(e.CustomerID, func(p map[string]any) { p["defaultAddress"].(map[string]any)[key] = v }); err != nil {
		panic(err)
	}
}

// TestProfile is the address of the billing profile resource the configurations below declare.
const TestProfile = "partnercenter_customer_billing_profile.test"

// ProfileConfig declares TestProfile for the test's customer (%[1]s) with a company name and a city.
func ProfileConfig(companyName, city string) string {
	return fmt.Sprintf(`
resource "partnercenter_customer_billing_profile" "test" {
  customer_id  = "%%[1]s"
  company_name = %q
  default_address = {
    city = %q
  }
}
`, companyName, city)
}

// CompanyOnlyConfig declares TestProfile with a company name only.
const CompanyOnlyConfig = `
resource "partnercenter_customer_billing_profile" "test" {
  customer_id  = "%[1]s"
  company_name = "Contoso"
}`

// AddressConfig declares TestProfile with extra lines and a whole US address.
func AddressConfig(extra, line1, state, postal string) string {
	return fmt.Sprintf(`
resource "partnercenter_customer_billing_profile" "test" {
  customer_id = "%%[1]s"
  %s
  default_address = {
    country       = "US"
    address_line1 = %q
    city          = "Redmond"
    state         = %q
    postal_code   = %q
  }
}
`, extra, line1, state, postal)
}

// ExpectString checks TestProfile's attr in state.
func ExpectString(attr string, want string) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(TestProfile, tfjsonpath.New(attr), knownvalue.StringExact(want))
}

// ExpectAddress checks TestProfile's default_address.attr in state.
func ExpectAddress(attr string, want string) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(TestProfile, tfjsonpath.New("default_address").AtMapKey(attr), knownvalue.StringExact(want))
}
