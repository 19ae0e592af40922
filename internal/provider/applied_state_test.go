// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestUnconfiguredChanges(t *testing.T) {
	t.Parallel()
	withCity := func(city string) types.Object {
		return addressWith(map[string]types.String{"city": types.StringValue(city), "country": types.StringValue("US")})
	}
	culture := func(v string) map[string]types.String {
		return profileWith(map[string]types.String{"culture": types.StringValue(v)})
	}
	tests := []struct {
		name                  string
		before, after, config billingProfileModel
		want                  []string
	}{
		{
			name:   "a change to an attribute the configuration leaves out is reported",
			before: billingProfileModel{Profile: culture("en-US"), Address: withCity("Redmond")},
			after:  billingProfileModel{Profile: culture("fr-FR"), Address: withCity("Redmond")},
			config: billingProfileModel{Profile: profileWith(nil), Address: types.ObjectNull(addressAttrTypes)},
			want:   []string{"culture"},
		},
		{
			name: "a change to a configured attribute is not",
			before: billingProfileModel{Profile: profileWith(map[string]types.String{"company_name": types.StringValue("Old")}),
				Address: withCity("Redmond")},
			after: billingProfileModel{Profile: profileWith(map[string]types.String{"company_name": types.StringValue("New")}),
				Address: withCity("Bellevue")},
			config: billingProfileModel{Profile: profileWith(map[string]types.String{"company_name": types.StringValue("New")}),
				Address: addressWith(map[string]types.String{"city": types.StringValue("Bellevue")})},
		},
		{
			name:   "a change inside an address the configuration leaves out is reported by attribute",
			before: billingProfileModel{Profile: profileWith(nil), Address: withCity("Redmond")},
			after:  billingProfileModel{Profile: profileWith(nil), Address: withCity("Seattle")},
			config: billingProfileModel{Profile: profileWith(nil), Address: types.ObjectNull(addressAttrTypes)},
			want:   []string{"default_address.city"},
		},
		{
			name:   "an address that appeared is reported whole",
			before: billingProfileModel{Profile: profileWith(nil), Address: types.ObjectNull(addressAttrTypes)},
			after:  billingProfileModel{Profile: profileWith(nil), Address: withCity("Seattle")},
			config: billingProfileModel{Profile: profileWith(nil), Address: types.ObjectNull(addressAttrTypes)},
			want:   []string{"default_address"},
		},
		{
			name:   "nothing changed, nothing reported",
			before: billingProfileModel{Profile: culture("en-US"), Address: withCity("Redmond")},
			after:  billingProfileModel{Profile: culture("en-US"), Address: withCity("Redmond")},
			config: billingProfileModel{Profile: profileWith(nil), Address: types.ObjectNull(addressAttrTypes)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, c := range unconfiguredChanges(tt.before, tt.after, tt.config) {
				got = append(got, c.attr)
			}
			if len(got) != len(tt.want) || (len(got) > 0 && got[0] != tt.want[0]) {
				t.Errorf("changes %v, want %v", got, tt.want)
			}
		})
	}
}
