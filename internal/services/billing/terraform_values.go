// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

// The billing profile's models to and from Terraform's values, by hand, in this file only: the
// attributes come from the field tables (profile_attributes.go), so a struct with a tfsdk tag per
// attribute would write every name a second time, and reflection over it was a large share of the
// provider's work per resource. Everything else in the package works on the models in the
// framework's types (types.String, types.Object, timeouts.Value), as GDAP's code does.

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// readResourceModel reads the resource's state, plan or configuration value v.
func readResourceModel(ctx context.Context, v tftypes.Value) (billingProfileResourceModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		diags.AddError("Unexpected value of the billing profile", "This is a bug in the provider; please report it: "+err.Error())
		return billingProfileResourceModel{}, diags
	}
	validate, errValidate := types.BoolType.ValueFromTerraform(ctx, attrs["validate_address"])
	block, d := timeoutsOf(ctx, attrs["timeouts"])
	diags.Append(d...)
	if errValidate != nil {
		diags.AddError("Unexpected value of the billing profile", "This is a bug in the provider; please report it: "+errValidate.Error())
		return billingProfileResourceModel{}, diags
	}
	return billingProfileResourceModel{billingProfileModel: readProfileModel(attrs),
		settings: resourceSettings{ValidateAddress: validate.(types.Bool), Timeouts: block}}, diags
}

// timeoutsOf is a timeouts block as Terraform holds it (null when absent) as the framework's value.
func timeoutsOf(ctx context.Context, v tftypes.Value) (timeouts.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	if v.Type() == nil {
		return timeouts.Value{Object: types.ObjectNull(timeoutsType.AttrTypes)}, nil
	}
	block, err := timeoutsType.ValueFromTerraform(ctx, v)
	if err != nil {
		diags.AddAttributeError(timeoutsPath, "Unexpected timeouts block", "This is a bug in the provider; please report it: "+err.Error())
		return timeouts.Value{Object: types.ObjectNull(timeoutsType.AttrTypes)}, diags
	}
	return block.(timeouts.Value), nil
}

// newResourceModel is the model of customerID's profile with its settings left out (null), as an
// import holds it.
func newResourceModel(customerID string) billingProfileResourceModel {
	return billingProfileResourceModel{billingProfileModel: billingProfileModel{CustomerID: types.StringValue(customerID)},
		settings: resourceSettings{ValidateAddress: types.BoolNull(), Timeouts: timeouts.Value{Object: types.ObjectNull(timeoutsType.AttrTypes)}}}
}

// value is the model as a value of type t, the resource's.
func (m billingProfileResourceModel) value(ctx context.Context, t tftypes.Type) (tftypes.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	validate, errValidate := m.settings.ValidateAddress.ToTerraformValue(ctx)
	block, errTimeouts := m.settings.Timeouts.ToTerraformValue(ctx)
	for _, err := range []error{errValidate, errTimeouts} {
		if err != nil {
			diags.AddError("Could not record the billing profile", "This is a bug in the provider; please report it: "+err.Error())
			return tftypes.Value{}, diags
		}
	}
	return m.valueWith(ctx, t, map[string]tftypes.Value{"validate_address": validate, "timeouts": block})
}

// readProfileModel reads the model out of attrs, a state, plan or configuration value's
// attributes.
func readProfileModel(attrs map[string]tftypes.Value) billingProfileModel {
	m := billingProfileModel{
		CustomerID: stringOf(attrs["customer_id"]), ID: stringOf(attrs["id"]), ETag: stringOf(attrs["etag"]),
		Profile: make(map[string]types.String, len(profileAttributes)), Address: addressOf(attrs[attrDefaultAddress]),
	}
	for _, a := range profileAttributes {
		m.Profile[a.name] = stringOf(attrs[a.name])
	}
	return m
}

// valueWith is the profile written into attrs (the attributes that are not the profile's), as a
// value of type t: a resource's or a data source's.
func (m billingProfileModel) valueWith(ctx context.Context, t tftypes.Type, attrs map[string]tftypes.Value) (tftypes.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	if err := m.writeTo(ctx, attrs); err != nil {
		diags.AddError("Could not record the billing profile", "This is a bug in the provider; please report it: "+err.Error())
	}
	return tftypes.NewValue(t, attrs), diags
}

// writeTo puts the model into attrs, a state value's attributes.
func (m billingProfileModel) writeTo(ctx context.Context, attrs map[string]tftypes.Value) error {
	attrs["customer_id"], attrs["id"], attrs["etag"] = tfString(m.CustomerID), tfString(m.ID), tfString(m.ETag)
	for _, a := range profileAttributes {
		attrs[a.name] = tfString(m.Profile[a.name])
	}
	addr, err := m.Address.ToTerraformValue(ctx)
	attrs[attrDefaultAddress] = addr
	return err
}

// stringOf is a string value of Terraform's as the framework's type.
func stringOf(v tftypes.Value) types.String {
	switch {
	case !v.IsKnown():
		return types.StringUnknown()
	case v.IsNull():
		return types.StringNull()
	}
	var s string
	_ = v.As(&s) // a known, non-null string value always converts
	return types.StringValue(s)
}

// tfString is the framework's string value as Terraform's.
func tfString(s types.String) tftypes.Value {
	switch {
	case s.IsUnknown():
		return tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	case s.IsNull():
		return tftypes.NewValue(tftypes.String, nil)
	}
	return tftypes.NewValue(tftypes.String, s.ValueString())
}

// addressOf is default_address as Terraform holds it, as the framework's object.
func addressOf(v tftypes.Value) types.Object {
	switch {
	case !v.IsKnown():
		return types.ObjectUnknown(addressAttrTypes)
	case v.IsNull():
		return types.ObjectNull(addressAttrTypes)
	}
	var attrs map[string]tftypes.Value
	_ = v.As(&attrs) // a known, non-null object value always converts
	values := make(map[string]attr.Value, len(addressAttributes))
	for _, a := range addressAttributes {
		values[a.name] = stringOf(attrs[a.name])
	}
	return types.ObjectValueMust(addressAttrTypes, values)
}
