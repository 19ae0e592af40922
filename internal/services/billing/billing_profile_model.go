// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// billingProfileModel is what the resource's and the data source's states hold of a billing
// profile: the customer, the ETag, and the value of every attribute of the tables in
// profile_attributes.go: Profile by name, and Address, default_address (null, unknown, or an
// object of addressAttributes).
//
// It is read from and written to Terraform's values directly, by the tables, rather than through
// the framework's reflection on struct tags: that keeps each name in one place, and conversion was
// a large share of the provider's work per resource.
type billingProfileModel struct {
	CustomerID, ID, ETag types.String
	Profile              map[string]types.String
	Address              types.Object
}

// addressAttrTypes is default_address's object type.
var addressAttrTypes = func() map[string]attr.Type {
	m := make(map[string]attr.Type, len(addressAttributes))
	for _, a := range addressAttributes {
		m[a.name] = types.StringType
	}
	return m
}()

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

// customerID is the customer the model names, in canonical form.
func (m billingProfileModel) customerID() string {
	return framework.CanonicalID(m.CustomerID.ValueString())
}

// fromProfile sets m to the profile Partner Center holds, customer_id as configured and id in
// canonical form. Partner Center leaves empty fields out, so an absent field reads as null, except
// where prior (the plan or the prior state) holds "": that is the same value, and keeping it
// spares a perpetual diff for `attr = ""`.
func (m *billingProfileModel) fromProfile(customerID string, p *partnercenter.BillingProfile, prior billingProfileModel) {
	m.CustomerID = types.StringValue(customerID)
	m.ID = types.StringValue(framework.CanonicalID(customerID))
	m.ETag = types.StringValue(p.ETag)
	m.Profile = make(map[string]types.String, len(profileAttributes))
	for _, a := range profileAttributes {
		m.Profile[a.name] = stringFromAPI(p.Field(a.key), prior.Profile[a.name])
	}
	m.Address = addressFromAPI(p.DefaultAddress, prior.Address)
}

// addressFromAPI is the address Partner Center holds as default_address, with prior's "" kept.
func addressFromAPI(a *partnercenter.Address, prior types.Object) types.Object {
	if a == nil {
		return types.ObjectNull(addressAttrTypes)
	}
	priorValues := stringAttributes(prior)
	values := make(map[string]attr.Value, len(addressAttributes))
	for _, at := range addressAttributes {
		values[at.name] = stringFromAPI(a.Field(at.key), priorValues[at.name])
	}
	return types.ObjectValueMust(addressAttrTypes, values)
}

func stringFromAPI(v string, prior types.String) types.String {
	if v == "" && framework.Known(prior) && prior.ValueString() == "" {
		return types.StringValue("")
	}
	if v == "" {
		return types.StringNull()
	}
	return types.StringValue(v)
}

// profileChange returns the change m makes to a profile: every attribute m holds a value for (the
// ones apply writes, see written) is written over the profile, every other one is left as Partner
// Center holds it. An address in m creates the address where the profile has none.
func (m billingProfileModel) profileChange() func(*partnercenter.BillingProfile) {
	profile := configuredFields(profileAttributes, m.Profile)
	writesAddress := !m.Address.IsNull() && !m.Address.IsUnknown()
	address := configuredFields(addressAttributes, stringAttributes(m.Address))
	return func(p *partnercenter.BillingProfile) {
		for key, v := range profile {
			p.SetField(key, v)
		}
		if !writesAddress {
			return
		}
		if p.DefaultAddress == nil {
			p.DefaultAddress = &partnercenter.Address{}
		}
		for key, v := range address {
			p.DefaultAddress.SetField(key, v)
		}
	}
}

// configuredFields are the known values of values, by the Partner Center key of their attribute.
func configuredFields(table []profileAttribute, values map[string]types.String) map[string]string {
	out := map[string]string{}
	for _, a := range table {
		if v := values[a.name]; framework.Known(v) {
			out[a.key] = v.ValueString()
		}
	}
	return out
}
