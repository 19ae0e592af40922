// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// plannedAddress is default_address as apply will send it, attribute by attribute: a known value
// ("" where Partner Center will hold none), or unknown where neither the configuration nor what
// Partner Center holds tells it yet. Plan-time checks judge only known values.
type plannedAddress map[string]types.String

// value returns the attribute's value and whether it is known.
func (a plannedAddress) value(name string) (string, bool) {
	v, ok := a[name]
	if !ok || v.IsUnknown() {
		return "", false
	}
	return v.ValueString(), true
}

// configuredAddress is what the configuration alone says of the address: an attribute it leaves
// out stands for whatever Partner Center holds, so it is unknown here.
func configuredAddress(obj types.Object) plannedAddress {
	return mergeAddress(obj, nil)
}

// mergeAddress is the configured address over current, the address Partner Center holds (known
// values, null where it holds none; an attribute missing from current is not known).
func mergeAddress(config types.Object, current map[string]types.String) plannedAddress {
	out := plannedAddress{}
	configured := stringAttributes(config)
	for _, a := range addressAttributes {
		c, set := configured[a.name]
		cur, held := current[a.name]
		switch {
		case set && !c.IsNull():
			out[a.name] = c
		case held && !cur.IsUnknown():
			out[a.name] = types.StringValue(cur.ValueString())
		default:
			out[a.name] = types.StringUnknown()
		}
	}
	return out
}

// stringAttributes reads an object's string attributes, or nothing when it is null or unknown.
func stringAttributes(obj types.Object) map[string]types.String {
	if obj.IsNull() || obj.IsUnknown() {
		return nil
	}
	out := map[string]types.String{}
	for name, v := range obj.Attributes() {
		if s, ok := v.(types.String); ok {
			out[name] = s
		}
	}
	return out
}

var addressPath = path.Root(attrDefaultAddress)

// addressRuleViolations checks the rules of Partner Center's Address resource that span
// attributes, on the values known so far: no region and a two-letter state for US addresses,
// and a phone number for the countries that require one. A value not known yet is not judged:
// the next plan (Terraform plans again at apply, with every value known) or Partner Center will.
func addressRuleViolations(a plannedAddress) diag.Diagnostics {
	var diags diag.Diagnostics
	country, ok := a.value(attrCountry)
	if !ok {
		return nil
	}
	at := addressPath.AtName
	if region, known := a.value(attrRegion); country == "US" && known && region != "" {
		diags.AddAttributeError(at(attrRegion), "Region not allowed for US addresses",
			"Partner Center rejects a region for US addresses (StateInvalid). Remove default_address.region, "+
				"or set it to \"\" when Partner Center holds one, and give the state in default_address.state.")
	}
	if state, known := a.value(attrState); country == "US" && known && len(state) > rules.USStateMaxLength {
		diags.AddAttributeError(at(attrState), "Invalid US state",
			"For US addresses Partner Center wants the two-letter state code, such as WA; got \""+state+"\".")
	}
	if phone, known := a.value(attrPhoneNumber); rules.PhoneRequired(country) && known && phone == "" {
		diags.AddAttributeError(at(attrPhoneNumber), "Phone number required",
			"Partner Center requires a phone number for addresses in "+country+", and the billing profile would have none. "+
				"Set default_address.phone_number.")
	}
	return diags
}

// missingRequiredParts reports the attributes every address needs that the planned one would be
// without: left out of the configuration, and not held by Partner Center either. (A configured
// "" is refused earlier, by the attribute's own validator.)
func missingRequiredParts(a plannedAddress) diag.Diagnostics {
	var diags diag.Diagnostics
	for _, name := range requiredAddressAttributes {
		if v, known := a.value(name); known && v == "" {
			diags.AddAttributeError(addressPath.AtName(name), "default_address."+name+" required",
				"Partner Center requires default_address."+name+" in every address, and the billing profile holds none, "+
					"so the address this configuration writes would be refused. Set default_address."+name+".")
		}
	}
	return diags
}
