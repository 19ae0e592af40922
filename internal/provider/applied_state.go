// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// What apply writes and saves. Apply writes only what the plan shows it writes (written), so the
// plan shows every other attribute unchanged, and Terraform rejects an apply whose result
// contradicts a known planned value. When someone else changes such an attribute while Terraform
// applies, Partner Center keeps their value, the state keeps the planned one until the next
// refresh reads Partner Center's, and the user is told (unconfiguredChanges).

// written is what apply writes over the profile: the planned value of every attribute the
// configuration sets, except those the plan holds back. `lifecycle { ignore_changes }` plans the
// prior value whatever the configuration says, so an attribute whose planned value is not its
// configured one is not written: the configuration Terraform sends to apply is the raw one, and
// writing it would change what the plan promised to leave alone. Every other attribute is null
// in the result: apply leaves it as Partner Center holds it.
func written(plan, config billingProfileModel) billingProfileModel {
	out := billingProfileModel{Profile: make(map[string]types.String, len(profileAttributes))}
	for _, a := range profileAttributes {
		out.Profile[a.name] = writtenValue(plan.Profile[a.name], config.Profile[a.name])
	}
	out.Address = writtenAddress(plan.Address, config.Address)
	return out
}

// writtenValue is the planned value when apply writes it (see written), else null.
func writtenValue(plan, config types.String) types.String {
	if known(config) && plan.Equal(config) {
		return plan
	}
	return types.StringNull()
}

// writtenAddress is written for default_address: null when apply writes none of its attributes,
// so that an address held back as a whole is not created either.
func writtenAddress(plan, config types.Object) types.Object {
	planned, configured := stringAttributes(plan), stringAttributes(config)
	if planned == nil || configured == nil {
		return types.ObjectNull(addressAttrTypes)
	}
	values := make(map[string]attr.Value, len(addressAttributes))
	writes := false
	for _, a := range addressAttributes {
		v := writtenValue(planned[a.name], configured[a.name])
		values[a.name], writes = v, writes || !v.IsNull()
	}
	if !writes {
		return types.ObjectNull(addressAttrTypes)
	}
	return types.ObjectValueMust(addressAttrTypes, values)
}

// keepPlanned gives every attribute apply did not write (w, see written) its planned value, where
// the plan knows one.
func (m *billingProfileModel) keepPlanned(plan, w billingProfileModel) {
	for _, a := range profileAttributes {
		if w.Profile[a.name].IsNull() && !plan.Profile[a.name].IsUnknown() {
			m.Profile[a.name] = plan.Profile[a.name]
		}
	}
	m.Address = keepPlannedAddress(m.Address, plan.Address, w.Address)
}

// keepPlannedAddress is keepPlanned for default_address: the whole object when apply wrote none
// of it, else each attribute it did not write.
func keepPlannedAddress(next, plan, w types.Object) types.Object {
	switch {
	case w.IsUnknown() || plan.IsUnknown():
		return next
	case w.IsNull():
		return plan
	case next.IsNull():
		return next
	}
	values := maps.Clone(next.Attributes())
	planned := plan.Attributes()
	for name, v := range w.Attributes() {
		if v.IsNull() && !planned[name].IsUnknown() {
			values[name] = planned[name]
		}
	}
	return types.ObjectValueMust(addressAttrTypes, values)
}

// unconfiguredChange is an attribute apply did not write (left out of the configuration, or held
// back by ignore_changes) whose value in Partner Center changed while Terraform applied.
type unconfiguredChange struct {
	attr          string
	before, after attr.Value
}

// unconfiguredChanges lists the attributes apply did not write (null in w, see written) whose value
// differs between before, the profile an apply started from, and after, the one it ended with.
func unconfiguredChanges(before, after, w billingProfileModel) []unconfiguredChange {
	var out []unconfiguredChange
	for _, a := range profileAttributes {
		if b, v := before.Profile[a.name], after.Profile[a.name]; w.Profile[a.name].IsNull() && !v.Equal(b) {
			out = append(out, unconfiguredChange{a.name, b, v})
		}
	}
	return append(out, addressChanges(before.Address, after.Address, w.Address)...)
}

// addressChanges is unconfiguredChanges for default_address.
func addressChanges(before, after, w types.Object) []unconfiguredChange {
	if w.IsUnknown() {
		return nil
	}
	if before.IsNull() || after.IsNull() {
		if w.IsNull() && !before.Equal(after) {
			return []unconfiguredChange{{attrDefaultAddress, before, after}}
		}
		return nil
	}
	writes := stringAttributes(w)
	b := before.Attributes()
	var out []unconfiguredChange
	for name, v := range after.Attributes() {
		if writes[name].IsNull() && !v.Equal(b[name]) {
			out = append(out, unconfiguredChange{attrDefaultAddress + "." + name, b[name], v})
		}
	}
	return out
}
