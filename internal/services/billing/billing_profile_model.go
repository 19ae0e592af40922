// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// billingProfileModel is what the resource's and the data source's states hold of a billing
// profile: the customer, the ETag, and the value of every attribute of the tables in
// profile_attributes.go: Profile by name, and Address, default_address (null, unknown, or an
// object of addressAttributes).
//
// It is read from and written to Terraform's values by the tables, in terraform_values.go, rather
// than through the framework's reflection on struct tags (that file says why).
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
