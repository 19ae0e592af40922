// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// What apply saves. Apply writes only the attributes the configuration sets, so the plan shows
// every other attribute unchanged, and Terraform rejects an apply whose result contradicts a known
// planned value. When someone else changes such an attribute while Terraform applies, Partner
// Center keeps their value, the state keeps the planned one until the next refresh reads Partner
// Center's, and the user is told (unconfiguredChanges).

// keepPlanned gives every attribute the configuration leaves out its planned value, where the
// plan knows one.
func (m *billingProfileModel) keepPlanned(plan, config billingProfileModel) {
	for _, a := range profileAttributes {
		if config.Profile[a.name].IsNull() && !plan.Profile[a.name].IsUnknown() {
			m.Profile[a.name] = plan.Profile[a.name]
		}
	}
	m.Address = keepPlannedAddress(m.Address, plan.Address, config.Address)
}

// keepPlannedAddress is keepPlanned for default_address: the whole object when the configuration
// leaves it out, else each attribute it leaves out.
func keepPlannedAddress(next, plan, config types.Object) types.Object {
	switch {
	case config.IsUnknown() || plan.IsUnknown():
		return next
	case config.IsNull():
		return plan
	case next.IsNull():
		return next
	}
	values := maps.Clone(next.Attributes())
	planned := plan.Attributes()
	for name, v := range config.Attributes() {
		if v.IsNull() && !planned[name].IsUnknown() {
			values[name] = planned[name]
		}
	}
	return types.ObjectValueMust(addressAttrTypes, values)
}

// unconfiguredChange is an attribute the configuration leaves out whose value in Partner Center
// changed while Terraform applied.
type unconfiguredChange struct {
	attr          string
	before, after attr.Value
}

// unconfiguredChanges lists the attributes config leaves out whose value differs between before,
// the profile an apply started from, and after, the one it ended with.
func unconfiguredChanges(before, after, config billingProfileModel) []unconfiguredChange {
	var out []unconfiguredChange
	for _, a := range profileAttributes {
		if b, v := before.Profile[a.name], after.Profile[a.name]; config.Profile[a.name].IsNull() && !v.Equal(b) {
			out = append(out, unconfiguredChange{a.name, b, v})
		}
	}
	return append(out, addressChanges(before.Address, after.Address, config.Address)...)
}

// addressChanges is unconfiguredChanges for default_address.
func addressChanges(before, after, config types.Object) []unconfiguredChange {
	if config.IsUnknown() {
		return nil
	}
	if before.IsNull() || after.IsNull() {
		if config.IsNull() && !before.Equal(after) {
			return []unconfiguredChange{{attrDefaultAddress, before, after}}
		}
		return nil
	}
	configured := stringAttributes(config)
	b := before.Attributes()
	var out []unconfiguredChange
	for name, v := range after.Attributes() {
		if configured[name].IsNull() && !v.Equal(b[name]) {
			out = append(out, unconfiguredChange{attrDefaultAddress + "." + name, b[name], v})
		}
	}
	return out
}
