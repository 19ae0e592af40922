// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// The billing profile's acceptance helpers: configurations of the resource under test, and checks
// of what the emulator stores for the test's customer. What every service shares is in acctest.

// testProfile is the address of the billing profile resource the configurations below declare.
const testProfile = "partnercenter_customer_billing_profile.test"

// companyConfig is a resource that sets company_name, with extra lines (a timeouts block) in it.
func companyConfig(companyName, extra string) string {
	return fmt.Sprintf("resource \"partnercenter_customer_billing_profile\" \"test\" {\n  customer_id  = \"%%[1]s\"\n  company_name = %q\n%s}\n",
		companyName, extra)
}

// profileConfig declares testProfile for the test's customer (%[1]s) with a company name and a city.
func profileConfig(companyName, city string) string {
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

// companyOnlyConfig declares testProfile with a company name only.
const companyOnlyConfig = `
resource "partnercenter_customer_billing_profile" "test" {
  customer_id  = "%[1]s"
  company_name = "Contoso"
}`

// addressConfig declares testProfile with extra lines and a whole US address.
func addressConfig(extra, line1, state, postal string) string {
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

// expectString checks testProfile's attr in state.
func expectString(attr string, want string) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(testProfile, tfjsonpath.New(attr), knownvalue.StringExact(want))
}

// expectAddress checks testProfile's default_address.attr in state.
func expectAddress(attr string, want string) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(testProfile, tfjsonpath.New("default_address").AtMapKey(attr), knownvalue.StringExact(want))
}

// storedKeepsSeededFields checks that the fields the configuration does not manage survived.
func storedKeepsSeededFields(e *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		stored, _ := e.Emulator.Profile(e.CustomerID)
		seeded := emulator.DefaultProfile()
		for _, k := range []string{"firstName", "lastName", "email", "culture", "language", "middleName", "fieldAddedLater"} {
			if stored[k] != seeded[k] {
				return fmt.Errorf("stored %s = %v, want the seeded %v", k, stored[k], seeded[k])
			}
		}
		return nil
	}
}

// storedKeepsUnmodelledFields checks that the seeded fields the provider does not model survived.
func storedKeepsUnmodelledFields(e *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		stored, _ := e.Emulator.Profile(e.CustomerID)
		seeded := emulator.DefaultProfile()
		for _, k := range []string{"middleName", "fieldAddedLater", "defaultAddress.district", "defaultAddress.middleName", "defaultAddress.emailAddress"} {
			if got, want := lookupPath(stored, k), lookupPath(seeded, k); got != want {
				return fmt.Errorf("stored %s = %v, want the seeded %v", k, got, want)
			}
		}
		return nil
	}
}

// changeStored is another writer (the portal, say) setting the profile's field key to v.
func changeStored(e *acctest.Env, key, v string) {
	if err := e.Emulator.ChangeProfile(e.CustomerID, func(p map[string]any) { p[key] = v }); err != nil {
		panic(err)
	}
}

// changeStoredAddress is another writer setting the default address's field key to v.
func changeStoredAddress(e *acctest.Env, key, v string) {
	if err := e.Emulator.ChangeProfile(e.CustomerID, func(p map[string]any) { p["defaultAddress"].(map[string]any)[key] = v }); err != nil {
		panic(err)
	}
}

// expectStored checks the field key (defaultAddress.city, say) of what the emulator holds.
func expectStored(e *acctest.Env, key, want string) resource.TestCheckFunc {
	return e.EmulatorCheck(func() error {
		p, _ := e.Emulator.Profile(e.CustomerID)
		if got := lookupPath(p, key); got != want {
			return fmt.Errorf("the emulator holds %s = %v, want %q", key, got, want)
		}
		return nil
	})
}

// lookupPath is the field key (top-level, or defaultAddress.<field>) of a stored profile.
func lookupPath(doc map[string]any, key string) any {
	if field, ok := strings.CutPrefix(key, "defaultAddress."); ok {
		addr, _ := doc["defaultAddress"].(map[string]any)
		return addr[field]
	}
	return doc[key]
}

// writingOperations groups the emulator's log by correlation id (one Terraform operation each)
// and returns the method sequences of the operations that sent a PUT.
func writingOperations(e *acctest.Env) [][]string {
	byOp := map[string][]string{}
	var order []string
	for _, r := range e.Emulator.Requests() {
		if _, seen := byOp[r.CorrelationID]; !seen {
			order = append(order, r.CorrelationID)
		}
		byOp[r.CorrelationID] = append(byOp[r.CorrelationID], r.Method)
	}
	var out [][]string
	for _, id := range order {
		if slices.Contains(byOp[id], http.MethodPut) {
			out = append(out, byOp[id])
		}
	}
	return out
}

// expectOperations checks the Partner Center calls of every operation that wrote.
func expectOperations(e *acctest.Env, want ...[]string) resource.TestCheckFunc {
	return e.EmulatorCheck(func() error {
		got := writingOperations(e)
		if !slices.EqualFunc(got, want, slices.Equal) {
			return fmt.Errorf("writing operations made calls %v, want %v", got, want)
		}
		return nil
	})
}

// validationCalls counts the plan-time address checks the emulator saw.
func validationCalls(e *acctest.Env) (rules, validations int) {
	for _, r := range e.Emulator.Requests() {
		switch {
		case strings.HasPrefix(r.Path, "/v1/countryvalidationrules/"):
			rules++
		case r.Path == "/v1/validations/address":
			validations++
		}
	}
	return rules, validations
}

// expectValidationCalls checks the number of address rule and validation calls the emulator saw.
func expectValidationCalls(e *acctest.Env, rules, validations int) resource.TestCheckFunc {
	return e.EmulatorCheck(func() error {
		if r, v := validationCalls(e); r != rules || v != validations {
			return fmt.Errorf("%d rule and %d validation calls, want %d and %d", r, v, rules, validations)
		}
		return nil
	})
}

// expectNoWrites checks that no PUT reached the emulator.
func expectNoWrites(e *acctest.Env) statecheck.StateCheck {
	return acctest.EmulatorOnly(e, func() error {
		if puts := e.Emulator.Count(http.MethodPut, ""); puts != 0 {
			return fmt.Errorf("%d PUTs were sent, want none", puts)
		}
		return nil
	})
}
