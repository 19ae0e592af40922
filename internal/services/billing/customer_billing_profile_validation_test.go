// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

func TestAccBillingProfile_invalidInputsFailAtPlanWithoutCallingPartnerCenter(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	tests := []struct {
		name   string
		attrs  string
		errors []string
	}{
		{"customer id not a GUID", `customer_id = "contoso.onmicrosoft.com"`,
			[]string{"customer_id", "must be the customer's tenant id, a GUID"}},
		{"three-letter country", `customer_id = "%[1]s"
  default_address = { country = "USA" }`, []string{"default_address.country", "ISO 3166-1 alpha-2"}},
		{"bad email", `customer_id = "%[1]s"
  email = "billing at contoso"`, []string{"email", "must be an email address"}},
		{"culture not a tag", `customer_id = "%[1]s"
  culture = "English"`, []string{"culture", "must be a culture tag"}},
		{"region for the US", `customer_id = "%[1]s"
  default_address = { country = "US", region = "NA" }`, []string{"Region not allowed for US addresses", "default_address.region"}},
		{"long US state", `customer_id = "%[1]s"
  default_address = { country = "US", state = "Washington" }`, []string{"Invalid US state", "two-letter state code"}},
		{"a phone number cleared in Poland", `customer_id = "%[1]s"
  default_address = { country = "PL", city = "Warszawa", phone_number = "" }`, []string{"Phone number required", "addresses in PL", "phone_number"}},
		{"address line over 200", `customer_id = "%[1]s"
  default_address = { address_line1 = "` + strings.Repeat("x", 201) + `" }`, []string{"Invalid length of default_address.address_line1", "default_address.address_line1 must be at most 200 characters long; it has 201"}},
		{"first name over 50", `customer_id = "%[1]s"
  first_name = "` + strings.Repeat("x", 51) + `"`, []string{"first_name", "first_name must be at most 50 characters long; it has 51"}},
		{"company name over 255", `customer_id = "%[1]s"
  company_name = "` + strings.Repeat("x", 256) + `"`, []string{"company_name must be 2 to 255 characters long; it has 256"}},
		{"one-letter company name", `customer_id = "%[1]s"
  company_name = "X"`, []string{"company_name must be 2 to 255 characters long; it has 1"}},
		{"leading whitespace", `customer_id = "%[1]s"
  company_name = " Contoso"`, []string{"Whitespace around company_name", "begins or ends with whitespace"}},
		{"a tab in the address", `customer_id = "%[1]s"
  default_address = { city = "Redmond\t" }`, []string{"default_address.city", "control character U\\+0009"}},
		{"a line break", `customer_id = "%[1]s"
  default_address = { address_line2 = "Floor 2\nRoom 3" }`, []string{"Control character in default_address.address_line2", "U\\+000A"}},
		{"a trailing space", `customer_id = "%[1]s"
  default_address = { postal_code = "98052 " }`, []string{"Whitespace around default_address.postal_code"}},
		{"email cleared", `customer_id = "%[1]s"
  email = ""`, []string{"email cannot be cleared", "leave email out of the configuration to stop managing it"}},
		{"first address line cleared", `customer_id = "%[1]s"
  default_address = { address_line1 = "" }`, []string{"default_address.address_line1 cannot be cleared"}},
		{"country cleared", `customer_id = "%[1]s"
  default_address = { country = "" }`, []string{"default_address.country cannot be cleared"}},
	}
	var steps []resource.TestStep
	for _, tt := range tests {
		steps = append(steps, resource.TestStep{
			Config:      env.Config(fmt.Sprintf("resource \"partnercenter_customer_billing_profile\" \"test\" {\n  %s\n}\n", tt.attrs)),
			PlanOnly:    true,
			ExpectError: acctest.DiagnosticPattern(tt.errors...),
		})
	}
	env.Run(t, resource.TestCase{Steps: steps})
	if env.Emulator != nil && len(env.Emulator.Requests()) != 0 {
		t.Errorf("plan-time validation sent %d requests to Partner Center, want none", len(env.Emulator.Requests()))
	}
}
