// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

func TestStringFromAPI(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		api   string
		prior types.String
		want  types.String
	}{
		{"a value is kept", "Contoso", types.StringNull(), types.StringValue("Contoso")},
		{"an absent field is null", "", types.StringNull(), types.StringNull()},
		{"an absent field stays null after an unknown plan value", "", types.StringUnknown(), types.StringNull()},
		{"an absent field keeps a configured empty string", "", types.StringValue(""), types.StringValue("")},
		{"an absent field does not keep an old value", "", types.StringValue("old"), types.StringNull()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stringFromAPI(tt.api, tt.prior); !got.Equal(tt.want) {
				t.Errorf("stringFromAPI(%q, %s) = %s, want %s", tt.api, tt.prior, got, tt.want)
			}
		})
	}
}

func TestProfileChangeWritesOnlyConfiguredAttributes(t *testing.T) {
	t.Parallel()
	cfg := billingProfileModel{
		Profile: profileWith(map[string]types.String{"company_name": types.StringValue("Fabrikam"), "culture": types.StringUnknown()}),
		Address: addressWith(map[string]types.String{"city": types.StringValue("Bellevue"), "address_line2": types.StringValue("")}),
	}
	p := &partnercenter.BillingProfile{Email: "keep@contoso.example", Culture: "en-US", CompanyName: "Contoso",
		DefaultAddress: &partnercenter.Address{City: "Redmond", AddressLine2: "Suite 1", Country: "US"}}
	cfg.profileChange()(p)
	if p.CompanyName != "Fabrikam" || p.Email != "keep@contoso.example" || p.Culture != "en-US" {
		t.Errorf("profile after change: %+v", p)
	}
	if a := p.DefaultAddress; a.City != "Bellevue" || a.AddressLine2 != "" || a.Country != "US" {
		t.Errorf("address after change: %+v", a)
	}
}

func TestProfileChangeCreatesAMissingAddress(t *testing.T) {
	t.Parallel()
	cfg := billingProfileModel{Profile: profileWith(nil), Address: addressWith(map[string]types.String{"country": types.StringValue("DE")})}
	p := &partnercenter.BillingProfile{}
	cfg.profileChange()(p)
	if p.DefaultAddress == nil || p.DefaultAddress.Country != "DE" {
		t.Errorf("address = %+v", p.DefaultAddress)
	}
}

func TestProfileChangeLeavesAnAbsentAddressAlone(t *testing.T) {
	t.Parallel()
	cfg := billingProfileModel{Profile: profileWith(map[string]types.String{"email": types.StringValue("a@b.example")}),
		Address: types.ObjectNull(addressAttrTypes)}
	p := &partnercenter.BillingProfile{}
	cfg.profileChange()(p)
	if p.DefaultAddress != nil || p.Email != "a@b.example" {
		t.Errorf("profile after change: %+v, address %+v", p, p.DefaultAddress)
	}
}

func TestFromProfileReadsEveryAttribute(t *testing.T) {
	t.Parallel()
	p := &partnercenter.BillingProfile{ETag: "e1", FirstName: "Ana", Email: "ana@contoso.example",
		DefaultAddress: &partnercenter.Address{Country: "PL", PhoneNumber: "+48 22 000 00 00"}}
	var m billingProfileModel
	m.fromProfile(strings.ToUpper(framework.ExampleGUID), p, billingProfileModel{Address: types.ObjectNull(addressAttrTypes)})
	a := stringAttributes(m.Address)
	if m.ID.ValueString() != framework.ExampleGUID || m.CustomerID.ValueString() != strings.ToUpper(framework.ExampleGUID) ||
		m.ETag.ValueString() != "e1" || m.Profile["first_name"].ValueString() != "Ana" || !m.Profile["last_name"].IsNull() ||
		a["phone_number"].ValueString() != "+48 22 000 00 00" || !a["city"].IsNull() {
		t.Errorf("model %+v, address %+v", m, a)
	}
}

func TestModelRoundTripsThroughTerraformValues(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	want := billingProfileModel{
		CustomerID: types.StringValue(framework.ExampleGUID), ID: types.StringUnknown(), ETag: types.StringNull(),
		Profile: profileWith(map[string]types.String{"email": types.StringValue("a@b.example"), "culture": types.StringUnknown()}),
		Address: addressWith(map[string]types.String{"city": types.StringValue("Kraków"), "region": types.StringValue("")}),
	}
	attrs := map[string]tftypes.Value{}
	if err := want.writeTo(ctx, attrs); err != nil {
		t.Fatal(err)
	}
	got := readProfileModel(attrs)
	if !got.CustomerID.Equal(want.CustomerID) || !got.ID.Equal(want.ID) || !got.ETag.Equal(want.ETag) || !got.Address.Equal(want.Address) {
		t.Errorf("read back %+v, want %+v", got, want)
	}
	for _, a := range profileAttributes {
		if !got.Profile[a.name].Equal(want.Profile[a.name]) {
			t.Errorf("%s read back as %s, want %s", a.name, got.Profile[a.name], want.Profile[a.name])
		}
	}
}

func TestRejectedAttributesMapPartnerCenterFieldsToPaths(t *testing.T) {
	t.Parallel()
	e := &partnercenter.APIError{StatusCode: 400, Code: "27002", Data: []string{
		"addressLine1: AddressLine1Invalid - too long",
		"defaultAddress.postalCode: PostalCodeInvalid - bad",
		"Email: EmailInvalid - bad",
		"somethingNew: Unknown - ignored",
		"no colon here",
	}}
	got := rejectedAttributes(e)
	want := []path.Path{
		path.Root("default_address").AtName("address_line1"),
		path.Root("default_address").AtName("postal_code"),
		path.Root("email"),
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if !got[i].Path.Equal(want[i]) {
			t.Errorf("entry %d: path %s, want %s", i, got[i].Path, want[i])
		}
	}
	if got[0].Problem != "AddressLine1Invalid - too long" {
		t.Errorf("problem = %q", got[0].Problem)
	}
	phone := rejectedAttributes(&partnercenter.APIError{StatusCode: 400, Code: "600051", Description: "Customer phone number is missing."})
	if len(phone) != 1 || !phone[0].Path.Equal(path.Root("default_address").AtName("phone_number")) {
		t.Errorf("600051 mapped to %v", phone)
	}
}
