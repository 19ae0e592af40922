// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// FuzzAttributeValidators feeds any string to every plan-time validator: it must not panic, and a
// rejection must name the attribute and say what is expected.
func FuzzAttributeValidators(f *testing.F) {
	for _, s := range []string{"", "US", "usa", "en-US", "a@b.example", strings.Repeat("x", 201), "\x00", "ü@ö.de", framework.ExampleGUID} {
		f.Add(s)
	}
	attrs := append(append([]profileAttribute{}, profileAttributes...), addressAttributes...)
	attrs = append(attrs, profileAttribute{name: "customer_id", checks: []validator.String{framework.GUIDValidator}})
	f.Fuzz(func(t *testing.T, v string) {
		for _, a := range attrs {
			for _, val := range a.validators() {
				p := path.Root(a.name)
				resp := &validator.StringResponse{}
				val.ValidateString(context.Background(), validator.StringRequest{Path: p, ConfigValue: types.StringValue(v)}, resp)
				for _, d := range resp.Diagnostics.Errors() {
					if d.Detail() == "" || !strings.Contains(d.Detail(), a.name) {
						t.Fatalf("%s rejected %q without naming it: %s / %s", a.name, v, d.Summary(), d.Detail())
					}
				}
			}
		}
	})
}

// FuzzAddressRules checks the cross-attribute address rules against their definition.
func FuzzAddressRules(f *testing.F) {
	f.Add("US", "NA", "WA", "")
	f.Add("PL", "", "", "")
	f.Add("PL", "", "", "+48 22 000")
	f.Add("US", "", "Washington", "1")
	f.Fuzz(func(t *testing.T, country, region, state, phone string) {
		diags := addressRuleViolations(configuredAddress(addressWith(map[string]types.String{attrCountry: types.StringValue(country),
			attrRegion: types.StringValue(region), attrState: types.StringValue(state), attrPhoneNumber: types.StringValue(phone)})))
		want := 0
		if country == "US" && region != "" {
			want++
		}
		if country == "US" && len(state) > rules.USStateMaxLength {
			want++
		}
		if rules.PhoneRequired(country) && phone == "" {
			want++
		}
		if got := diags.ErrorsCount(); got != want {
			t.Fatalf("country %q region %q state %q phone %q: %d errors, want %d: %v", country, region, state, phone, got, want, diags)
		}
	})
}
