// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
)

// generatedFrom is the configuration the framework generates from a profile p: its state without
// the computed-only attributes.
func generatedFrom(t *testing.T, p *partnercenter.BillingProfile) tftypes.Value {
	t.Helper()
	ctx := context.Background()
	typ := generatedConfig().Type(ctx)
	m := stateOf(p, newResourceModel("3fa85f64-5717-4562-b3fc-2c963f66afa6", typ))
	m.ID, m.ETag = types.StringNull(), types.StringNull()
	v, diags := m.value(ctx, typ)
	if diags.HasError() {
		t.Fatal(diags)
	}
	return v
}

func TestGeneratedConfigLeavesOutOnlyRefusedValues(t *testing.T) {
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

	got, diags := adjustGeneratedConfig(ctx, generatedFrom(t, p))
	if diags.HasError() || len(diags) != 1 {
		t.Fatalf("diagnostics %v, want one warning", diags)
	}
	for _, attr := range []string{"first_name", "email", "default_address.region"} {
		if !strings.Contains(diags[0].Detail(), "  - "+attr+": ") {
			t.Errorf("the warning does not name %s:\n%s", attr, diags[0].Detail())
		}
	}
	m, _ := readResourceModel(got)
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

func TestGeneratedConfigOfAValidProfileIsTheFrameworks(t *testing.T) {
	t.Parallel()
	p := &partnercenter.BillingProfile{}
	p.SetField(partnercenter.KeyFirstName, "Avery")
	p.SetField(partnercenter.KeyEmail, "billing@contoso.example")
	in := generatedFrom(t, p)
	got, diags := adjustGeneratedConfig(context.Background(), in)
	if len(diags) != 0 || !got.Equal(in) {
		t.Errorf("adjusted to %v with %v; want it as generated", got, diags)
	}
}
