package client

import "testing"

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
	if p.SetField(KeyCity, "Seattle") || p.Field("vatId") != "" {
		t.Error("a key the profile does not model was written or read")
	}
}
