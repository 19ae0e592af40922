// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestLengthsAreCountedInCharactersAndSaidInTheProvidersWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		check validator.String
		value types.String
		want  string // the error's detail, "" for none
	}{
		{"two to five, five characters of two bytes", Characters(2, 5), types.StringValue("ŁŁŁŁŁ"), ""},
		{"two to five, six characters", Characters(2, 5), types.StringValue("ŁŁŁŁŁŁ"), "name must be 2 to 5 characters long; it has 6."},
		{"two to five, one character", Characters(2, 5), types.StringValue("株"), "name must be 2 to 5 characters long; it has 1."},
		{"at most three, four", AtMostCharacters(3), types.StringValue("abcd"), "name must be at most 3 characters long; it has 4."},
		{"at most three, empty", AtMostCharacters(3), types.StringValue(""), ""},
		{"unknown", Characters(2, 5), types.StringUnknown(), ""},
		{"null", Characters(2, 5), types.StringNull(), ""},
	}
	for _, tt := range tests {
		var resp validator.StringResponse
		tt.check.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("name"), ConfigValue: tt.value}, &resp)
		got := ""
		if resp.Diagnostics.HasError() {
			got = resp.Diagnostics.Errors()[0].Detail()
			if s := resp.Diagnostics.Errors()[0].Summary(); s != "Invalid length of name" {
				t.Errorf("%s: summary %q", tt.name, s)
			}
		}
		if got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
	if d := Characters(1, 3).Description(context.Background()); d != "1 to 3 characters" {
		t.Errorf("description %q", d)
	}
}
