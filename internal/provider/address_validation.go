package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// validateAddress checks, at plan time, the rules of Partner Center's Address resource that span
// attributes: no region and a two-letter state for US addresses, and a phone number for the
// countries that require one. Values not known yet are checked at apply by Partner Center.
func validateAddress(ctx context.Context, obj types.Object) diag.Diagnostics {
	if obj.IsNull() || obj.IsUnknown() {
		return nil
	}
	var a addressModel
	diags := obj.As(ctx, &a, basetypes.ObjectAsOptions{})
	if diags.HasError() || a.Country.IsNull() || a.Country.IsUnknown() {
		return diags
	}
	at := path.Root("default_address").AtName
	country := a.Country.ValueString()
	if country == "US" && known(a.Region) && a.Region.ValueString() != "" {
		diags.AddAttributeError(at("region"), "Region not allowed for US addresses",
			"Partner Center rejects a region for US addresses (StateInvalid). Remove default_address.region and give the state in default_address.state.")
	}
	if country == "US" && known(a.State) && len(a.State.ValueString()) > rules.USStateMaxLength {
		diags.AddAttributeError(at("state"), "Invalid US state",
			"For US addresses Partner Center wants the two-letter state code, such as WA; got \""+a.State.ValueString()+"\".")
	}
	if rules.PhoneRequired(country) && !a.PhoneNumber.IsUnknown() && a.PhoneNumber.ValueString() == "" {
		diags.AddAttributeError(at("phone_number"), "Phone number required",
			"Partner Center requires a phone number for addresses in "+country+". Set default_address.phone_number.")
	}
	return diags
}

func known(v types.String) bool { return !v.IsNull() && !v.IsUnknown() }
