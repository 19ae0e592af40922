package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestUnconfiguredChanges(t *testing.T) {
	t.Parallel()
	withCity := func(city string) types.Object {
		a := nullAddress()
		a.City, a.Country = types.StringValue(city), types.StringValue("US")
		return addressObject(t, a)
	}
	onlyCity := nullAddress()
	onlyCity.City = types.StringValue("Bellevue")
	tests := []struct {
		name                  string
		before, after, config billingProfileModel
		want                  []string
	}{
		{
			name:   "a change to an attribute the configuration leaves out is reported",
			before: billingProfileModel{Culture: types.StringValue("en-US"), DefaultAddress: withCity("Redmond")},
			after:  billingProfileModel{Culture: types.StringValue("fr-FR"), DefaultAddress: withCity("Redmond")},
			config: billingProfileModel{DefaultAddress: types.ObjectNull(addressAttrTypes)},
			want:   []string{"culture"},
		},
		{
			name:   "a change to a configured attribute is not",
			before: billingProfileModel{CompanyName: types.StringValue("Old"), DefaultAddress: withCity("Redmond")},
			after:  billingProfileModel{CompanyName: types.StringValue("New"), DefaultAddress: withCity("Bellevue")},
			config: billingProfileModel{CompanyName: types.StringValue("New"), DefaultAddress: addressObject(t, onlyCity)},
		},
		{
			name:   "a change inside an address the configuration leaves out is reported by attribute",
			before: billingProfileModel{DefaultAddress: withCity("Redmond")},
			after:  billingProfileModel{DefaultAddress: withCity("Seattle")},
			config: billingProfileModel{DefaultAddress: types.ObjectNull(addressAttrTypes)},
			want:   []string{"default_address.city"},
		},
		{
			name:   "an address that appeared is reported whole",
			before: billingProfileModel{DefaultAddress: types.ObjectNull(addressAttrTypes)},
			after:  billingProfileModel{DefaultAddress: withCity("Seattle")},
			config: billingProfileModel{DefaultAddress: types.ObjectNull(addressAttrTypes)},
			want:   []string{"default_address"},
		},
		{
			name:   "nothing changed, nothing reported",
			before: billingProfileModel{Email: types.StringValue("a@b.example"), DefaultAddress: withCity("Redmond")},
			after:  billingProfileModel{Email: types.StringValue("a@b.example"), DefaultAddress: withCity("Redmond")},
			config: billingProfileModel{DefaultAddress: types.ObjectNull(addressAttrTypes)},
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
