// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
)

// listedState is the state of profile p as a list result holds it.
func listedState(p *partnercenter.BillingProfile) billingProfileResourceModel {
	return stateOf(p, newResourceModel("3fa85f64-5717-4562-b3fc-2c963f66afa6"))
}

func TestAListResultLeavesOutOnlyRefusedValues(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	p := &partnercenter.BillingProfile{}
	p.SetField(partnercenter.KeyFirstName, strings.Repeat("Maximilian", 6))
	p.SetField(partnercenter.KeyLastName, "Howard")
	p.SetField(partnercenter.KeyEmail, "billing at contoso")
	p.SetField(partnercenter.KeyCulture, "en-US")
	p.DefaultAddress = &partnercenter.Address{}
	p.DefaultAddress.SetField(partnercenter.KeyCountry, "US")
	p.DefaultAddress.SetField(partnercenter.KeyRegion, "Americas")
	p.DefaultAddress.SetField(partnercenter.KeyCity, "Redmond")
	p.DefaultAddress.SetField(partnercenter.KeyState, "WA")

	m, left := withoutRefused(ctx, listedState(p))
	var diags diag.Diagnostics
	addLeftOutValuesWarning(&diags, m.customerID(), left)
	for _, attr := range []string{"first_name", "email", "default_address.region"} {
		if !strings.Contains(diags[0].Detail(), "  - "+attr+": ") {
			t.Errorf("the warning does not name %s:\n%s", attr, diags[0].Detail())
		}
	}
	if len(left) != 3 {
		t.Errorf("%d values left out, want 3: %v", len(left), left)
	}
	for name, want := range map[string]string{"first_name": "", "email": "", "last_name": "Howard", "culture": "en-US"} {
		if v := m.Profile[name]; (want == "") != v.IsNull() || v.ValueString() != want {
			t.Errorf("%s = %v, want %q (\"\": left out)", name, v, want)
		}
	}
	address := stringAttributes(m.Address)
	if !address["region"].IsNull() || address["city"].ValueString() != "Redmond" || address["state"].ValueString() != "WA" {
		t.Errorf("default_address = %v, want the region left out and the rest kept", address)
	}
}

func TestAListResultOfAValidProfileIsItsState(t *testing.T) {
	t.Parallel()
	p := &partnercenter.BillingProfile{}
	p.SetField(partnercenter.KeyFirstName, "Avery")
	p.SetField(partnercenter.KeyEmail, "billing@contoso.example")
	p.DefaultAddress = &partnercenter.Address{}
	p.DefaultAddress.SetField(partnercenter.KeyCountry, "US")
	p.DefaultAddress.SetField(partnercenter.KeyState, "WA")
	in := listedState(p)
	got, left := withoutRefused(context.Background(), in)
	if len(left) != 0 || !reflect.DeepEqual(got.Profile, in.Profile) || !got.Address.Equal(in.Address) {
		t.Errorf("left out %v; got %v, want the state %v", left, got, in)
	}
}
