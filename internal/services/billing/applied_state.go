// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// What apply writes and saves. Apply writes only what the plan shows it writes (written), so the
// plan shows every other attribute unchanged, and Terraform rejects an apply whose result
// contradicts a known planned value. When someone else changes such an attribute while Terraform
// applies, Partner Center keeps their value, the state keeps the planned one until the next
// refresh reads Partner Center's, and the user is told (unconfiguredChanges).

// written is what apply writes over the profile: what the plan changes, and nothing else. An
// attribute is written when the configuration sets it, the plan takes the configured value, and
// the plan changes it (on create, every configured attribute is a change). So
//   - `lifecycle { ignore_changes }`, which plans the prior value whatever the configuration says
//     (Terraform sends apply the raw configuration), holds an attribute back: it is never written;
//   - an attribute the plan leaves unchanged is not written either, so that a change someone makes
//     to it between Terraform's read and its write (met as a 412) is kept and reported, as for an
//     attribute left out; the next plan shows it, and enforces a configured value then.
//
// Every attribute not written is null in the result: apply leaves it as Partner Center holds it.
// prior is the state the update starts from, nil for a create.
func written(plan, config billingProfileModel, prior *billingProfileModel) billingProfileModel {
	before := billingProfileModel{Address: types.ObjectNull(addressAttrTypes)}
	if prior != nil {
		before = *prior
	}
	out := billingProfileModel{Profile: make(map[string]types.String, len(profileAttributes))}
	for _, a := range profileAttributes {
		out.Profile[a.name] = writtenValue(plan.Profile[a.name], config.Profile[a.name], before.Profile[a.name], prior == nil)
	}
	out.Address = writtenAddress(plan.Address, config.Address, before.Address, prior == nil)
	return out
}

// writtenValue is the planned value when apply writes it (see written), else null.
func writtenValue(plan, config, prior types.String, creating bool) types.String {
	if framework.Known(config) && plan.Equal(config) && (creating || !plan.Equal(prior)) {
		return plan
	}
	return types.StringNull()
}

// writtenAddress is written for default_address: null when apply writes none of its attributes,
// so that an address held back as a whole is not created either.
func writtenAddress(plan, config, prior types.Object, creating bool) types.Object {
	planned, configured, before := stringAttributes(plan), stringAttributes(config), stringAttributes(prior)
	if planned == nil || configured == nil {
		return types.ObjectNull(addressAttrTypes)
	}
	values := make(map[string]attr.Value, len(addressAttributes))
	writes := false
	for _, a := range addressAttributes {
		v := writtenValue(planned[a.name], configured[a.name], before[a.name], creating)
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

// keepPlannedAddress is keepPlanned for default_address: each attribute apply did not write takes
// its planned value where the plan knows one, and what Partner Center holds (next) otherwise; a
// planned null address stays null when apply wrote none of it.
func keepPlannedAddress(next, plan, w types.Object) types.Object {
	switch {
	case plan.IsUnknown():
		return next
	case plan.IsNull() && w.IsNull():
		return plan
	}
	planned, held, writes := stringAttributes(plan), stringAttributes(next), stringAttributes(w)
	values := make(map[string]attr.Value, len(addressAttributes))
	for _, a := range addressAttributes {
		v := held[a.name] // the zero value, null, when Partner Center holds no address
		if p := planned[a.name]; writes[a.name].IsNull() && !p.IsUnknown() {
			v = p
		}
		values[a.name] = v
	}
	return types.ObjectValueMust(addressAttrTypes, values)
}

// unconfiguredChange is an attribute apply did not write (left out of the configuration, held back
// by ignore_changes, or unchanged in the plan) whose value in Partner Center changed while
// Terraform applied.
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
