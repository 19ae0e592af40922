// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestFieldsAreReadAndWrittenByKey(t *testing.T) {
	t.Parallel()
	p := &BillingProfile{CompanyName: "Contoso", DefaultAddress: &Address{City: "Redmond"}}
	if got := p.Field(KeyCompanyName); got != "Contoso" {
		t.Errorf("Field(companyName) = %q, want Contoso", got)
	}
	if got := p.DefaultAddress.Field(KeyCity); got != "Redmond" {
		t.Errorf("address Field(city) = %q, want Redmond", got)
	}
	if !p.SetField(KeyEmail, "billing@contoso.example") || p.Email != "billing@contoso.example" {
		t.Errorf("SetField(email) left Email = %q", p.Email)
	}
	if !p.DefaultAddress.SetField(KeyPhoneNumber, "4255550100") || p.DefaultAddress.PhoneNumber != "4255550100" {
		t.Errorf("address SetField(phoneNumber) left PhoneNumber = %q", p.DefaultAddress.PhoneNumber)
	}
	if p.SetField(KeyCity, "Seattle") || p.Field("fieldAddedLater") != "" {
		t.Error("a key the profile does not model was written or read")
	}
}

func TestUnmodelledKeepsWhatTheKeyedFieldsAndETagDoNot(t *testing.T) {
	t.Parallel()
	const answer = `{"id":"p-1","companyName":"Contoso","Email":"billing@contoso.example","fieldAddedLater":"US-1",
		"links":{"self":{"uri":"/v1/customers/x/profiles/billing"}},"attributes":{"etag":"e-7","objectType":"CustomerBillingProfile"},
		"defaultAddress":{"country":"US","city":"Redmond","district":"King County","middleName":"J"}}`
	var original BillingProfile
	if err := json.Unmarshal([]byte(answer), &original); err != nil {
		t.Fatal(err)
	}
	kept, err := original.Unmodelled()
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"Contoso", "billing@contoso.example", "e-7", "Redmond", `"US"`} {
		if strings.Contains(string(kept), gone) {
			t.Errorf("the unmodelled part %s holds %s, which the keyed fields or the ETag hold", kept, gone)
		}
	}
	for _, stays := range []string{"p-1", "US-1", "/v1/customers/x/profiles/billing", "CustomerBillingProfile", "King County", `"middleName":"J"`} {
		if !strings.Contains(string(kept), stays) {
			t.Errorf("the unmodelled part %s lacks %s", kept, stays)
		}
	}
	rebuilt, err := ProfileFromUnmodelled(kept)
	if err != nil {
		t.Fatal(err)
	}
	rebuilt.ETag = "e-7"
	rebuilt.SetField(KeyCompanyName, "Contoso")
	rebuilt.SetField(KeyEmail, "billing@contoso.example")
	rebuilt.DefaultAddress.SetField(KeyCountry, "US")
	rebuilt.DefaultAddress.SetField(KeyCity, "Redmond")
	if !rebuilt.Equal(&original) {
		a, _ := json.Marshal(rebuilt)
		b, _ := json.Marshal(&original)
		t.Errorf("rebuilt %s\nwant     %s", a, b)
	}
}

func TestProfileFromUnmodelledRefusesWhatIsNotAnObject(t *testing.T) {
	t.Parallel()
	if _, err := ProfileFromUnmodelled([]byte(`["not", "an", "object"]`)); err == nil {
		t.Error("no error for a JSON array")
	}
}

// A kept part that holds a field this release models was kept by an older release that did not
// model it: rebuilt from a state without the field, the profile would erase it. It is refused.
func TestAKeptPartHoldingAModelledFieldIsRefused(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, kept, want string
	}{
		{"a top-level field an older release did not model", `{"id":"p1","email":"kept@contoso.example","fieldAddedLater":"X"}`, "holds email, which this release models"},
		{"an address field an older release did not model", `{"defaultAddress":{"district":"D","phoneNumber":"4255550100"}}`, "holds defaultAddress.phoneNumber"},
		{"two of them", `{"culture":"en-US","defaultAddress":{"city":"Redmond"}}`, "holds culture, defaultAddress.city"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if p, err := ProfileFromUnmodelled([]byte(tt.kept)); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ProfileFromUnmodelled = %+v, %v; want an error saying %q", p, err, tt.want)
			}
		})
	}
	t.Run("what Unmodelled keeps, the profile's id included, is taken", func(t *testing.T) {
		t.Parallel()
		var original BillingProfile
		if err := json.Unmarshal([]byte(profileJSON[3:]), &original); err != nil {
			t.Fatal(err)
		}
		kept, err := original.Unmodelled()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ProfileFromUnmodelled(kept); err != nil {
			t.Errorf("the kept part of a whole profile was refused: %v", err)
		}
	})
}
