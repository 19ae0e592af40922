// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

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

func ptr[T any](v T) *T { return &v }

func TestWrittenIsWhatThePlanShowsApplyWriting(t *testing.T) {
	t.Parallel()
	s := types.StringValue
	profile := func(values map[string]types.String) billingProfileModel {
		return billingProfileModel{Profile: profileWith(values), Address: types.ObjectNull(addressAttrTypes)}
	}
	withAddress := func(m billingProfileModel, values map[string]types.String) billingProfileModel {
		m.Address = addressWith(values)
		return m
	}
	tests := []struct {
		name                string
		plan, config, wantW billingProfileModel
		prior               *billingProfileModel // nil: a create
	}{
		{
			name:   "a configured attribute the plan takes is written",
			plan:   profile(map[string]types.String{"email": s("new@contoso.example"), "culture": s("en-US")}),
			config: profile(map[string]types.String{"email": s("new@contoso.example")}),
			wantW:  profile(map[string]types.String{"email": s("new@contoso.example")}),
		},
		{
			name:   "a configured attribute the plan holds back (ignore_changes) is not",
			plan:   profile(map[string]types.String{"email": s("held@contoso.example"), "first_name": s("Robin")}),
			config: profile(map[string]types.String{"email": s("configured@contoso.example"), "first_name": s("Robin")}),
			wantW:  profile(map[string]types.String{"first_name": s("Robin")}),
		},
		{
			name:   "on update, a configured attribute the plan changes is written",
			plan:   profile(map[string]types.String{"email": s("new@contoso.example")}),
			config: profile(map[string]types.String{"email": s("new@contoso.example")}),
			prior:  ptr(profile(map[string]types.String{"email": s("old@contoso.example")})),
			wantW:  profile(map[string]types.String{"email": s("new@contoso.example")}),
		},
		{
			name:   "on update, a configured attribute the plan leaves unchanged is not: a concurrent change to it is kept",
			plan:   profile(map[string]types.String{"email": s("same@contoso.example"), "first_name": s("Robin")}),
			config: profile(map[string]types.String{"email": s("same@contoso.example"), "first_name": s("Robin")}),
			prior:  ptr(profile(map[string]types.String{"email": s("same@contoso.example"), "first_name": s("Avery")})),
			wantW:  profile(map[string]types.String{"first_name": s("Robin")}),
		},
		{
			name:   "on update, an address attribute the plan changes is written, its unchanged neighbours are not",
			plan:   withAddress(profile(nil), map[string]types.String{"city": s("Bellevue"), "country": s("US")}),
			config: withAddress(profile(nil), map[string]types.String{"city": s("Bellevue"), "country": s("US")}),
			prior:  ptr(withAddress(profile(nil), map[string]types.String{"city": s("Redmond"), "country": s("US")})),
			wantW:  withAddress(profile(nil), map[string]types.String{"city": s("Bellevue")}),
		},
		{
			name:   "on update, an address the profile did not have is written whole",
			plan:   withAddress(profile(nil), map[string]types.String{"city": s("Bellevue"), "country": s("US")}),
			config: withAddress(profile(nil), map[string]types.String{"city": s("Bellevue"), "country": s("US")}),
			prior:  ptr(profile(nil)),
			wantW:  withAddress(profile(nil), map[string]types.String{"city": s("Bellevue"), "country": s("US")}),
		},
		{
			name:   "an attribute left out of the configuration is not, whatever the plan holds",
			plan:   profile(map[string]types.String{"culture": s("en-US")}),
			config: profile(nil),
			wantW:  profile(nil),
		},
		{
			name: "an address attribute the plan holds back is not written, its neighbours are",
			plan: withAddress(profile(nil), map[string]types.String{"city": s("Redmond"), "country": s("US")}),
			config: withAddress(profile(nil),
				map[string]types.String{"city": s("Bellevue"), "country": s("US")}),
			wantW: withAddress(profile(nil), map[string]types.String{"country": s("US")}),
		},
		{
			name:   "an address held back as a whole is not written, nor created",
			plan:   profile(nil),
			config: withAddress(profile(nil), map[string]types.String{"city": s("Bellevue")}),
			wantW:  profile(nil),
		},
		{
			name:   "an address none of whose attributes the plan takes is not written",
			plan:   withAddress(profile(nil), map[string]types.String{"city": s("Redmond")}),
			config: withAddress(profile(nil), map[string]types.String{"city": s("Bellevue")}),
			wantW:  profile(nil),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := written(tt.plan, tt.config, tt.prior)
			for _, a := range profileAttributes {
				if !got.Profile[a.name].Equal(tt.wantW.Profile[a.name]) {
					t.Errorf("%s: %v, want %v", a.name, got.Profile[a.name], tt.wantW.Profile[a.name])
				}
			}
			if !got.Address.Equal(tt.wantW.Address) {
				t.Errorf("default_address: %v, want %v", got.Address, tt.wantW.Address)
			}
		})
	}
}
