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
)

// validatorsOf returns the validators of a profile attribute ("email") or an address attribute
// ("default_address.city").
func validatorsOf(t *testing.T, name string) []validator.String {
	t.Helper()
	list, attr := profileAttributes, name
	if rest, ok := strings.CutPrefix(name, "default_address."); ok {
		list, attr = addressAttributes, rest
	}
	for _, a := range list {
		if a.name == attr {
			return a.validators()
		}
	}
	t.Fatalf("no attribute %s", name)
	return nil
}

func validationErrors(t *testing.T, name string, v types.String) []string {
	t.Helper()
	var out []string
	for _, val := range validatorsOf(t, name) {
		resp := &validator.StringResponse{}
		val.ValidateString(context.Background(), validator.StringRequest{Path: path.Root(name), ConfigValue: v}, resp)
		for _, d := range resp.Diagnostics.Errors() {
			out = append(out, d.Summary())
		}
	}
	return out
}

func TestAttributeValidators(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		attr  string
		value types.String
		want  []string // error summaries, in order
	}{
		{"a plain company name passes", "company_name", types.StringValue("Contoso Ltd"), nil},
		{"a company name of 255 characters passes", "company_name", types.StringValue(strings.Repeat("x", 255)), nil},
		{"a company name of 256 characters fails", "company_name", types.StringValue(strings.Repeat("x", 256)),
			[]string{"Invalid length of company_name"}},
		{"a Japanese company name of 90 characters passes", "company_name", types.StringValue(strings.Repeat("株", 90)), nil},
		{"a Polish contact name of 50 characters passes", "first_name", types.StringValue(strings.Repeat("Ł", 50)), nil},
		{"a contact name of 51 characters fails", "first_name", types.StringValue(strings.Repeat("Ł", 51)), []string{"Invalid length of first_name"}},
		{"a cleared email fails once, as a clearing", "email", types.StringValue(""), []string{"email cannot be cleared"}},
		{"a cleared culture fails once, as a clearing", "culture", types.StringValue(""), []string{"culture cannot be cleared"}},
		{"a cleared region passes", "default_address.region", types.StringValue(""), nil},
		{"a cleared second address line passes", "default_address.address_line2", types.StringValue(""), nil},
		{"a cleared phone number passes", "default_address.phone_number", types.StringValue(""), nil},
		{"a cleared first address line fails", "default_address.address_line1", types.StringValue(""),
			[]string{"default_address.address_line1 cannot be cleared"}},
		{"a line break fails", "default_address.city", types.StringValue("Red\nmond"), []string{"Control character in default_address.city"}},
		{"a DEL character fails", "company_name", types.StringValue("Contoso\x7f"), []string{"Control character in company_name"}},
		{"a non-breaking space at the end fails", "default_address.city", types.StringValue("Redmond\u00a0"),
			[]string{"Whitespace around default_address.city"}},
		{"inner spaces pass", "default_address.address_line1", types.StringValue("One Microsoft Way"), nil},
		{"accents pass", "default_address.city", types.StringValue("Kraków"), nil},
		{"a null value is not judged", "email", types.StringNull(), nil},
		{"an unknown value is not judged", "email", types.StringUnknown(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := validationErrors(t, tt.attr, tt.value)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("%s = %q: errors %q, want %q", tt.attr, tt.value.ValueString(), got, tt.want)
			}
		})
	}
}
