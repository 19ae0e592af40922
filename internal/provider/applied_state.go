package provider

import (
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/client"
)

// What apply saves. Apply writes only the attributes the configuration sets, so the plan shows
// every other attribute unchanged, and Terraform rejects an apply whose result contradicts a known
// planned value. When someone else changes such an attribute while Terraform applies, Partner
// Center keeps their value, the state keeps the planned one until the next refresh reads Partner
// Center's, and the user is told (unconfiguredChanges).

// keepPlanned gives every attribute the configuration leaves out its planned value, where the
// plan knows one.
func (m *billingProfileModel) keepPlanned(plan, config billingProfileModel) diag.Diagnostics {
	next, planned, configured := m.pairs(&client.BillingProfile{}), plan.pairs(&client.BillingProfile{}), config.pairs(&client.BillingProfile{})
	for i, f := range next {
		if configured[i].tf.IsNull() && !planned[i].tf.IsUnknown() {
			*f.tf = *planned[i].tf
		}
	}
	addr, diags := keepPlannedAddress(m.DefaultAddress, plan.DefaultAddress, config.DefaultAddress)
	m.DefaultAddress = addr
	return diags
}

// keepPlannedAddress is keepPlanned for default_address: the whole object when the configuration
// leaves it out, else each attribute it leaves out.
func keepPlannedAddress(next, plan, config types.Object) (types.Object, diag.Diagnostics) {
	switch {
	case config.IsUnknown() || plan.IsUnknown():
		return next, nil
	case config.IsNull():
		return plan, nil
	case next.IsNull():
		return next, nil
	}
	attrs := maps.Clone(next.Attributes())
	planned := plan.Attributes()
	for name, v := range config.Attributes() {
		if v.IsNull() && !planned[name].IsUnknown() {
			attrs[name] = planned[name]
		}
	}
	return types.ObjectValue(addressAttrTypes, attrs)
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
	b, a, c := before.pairs(&client.BillingProfile{}), after.pairs(&client.BillingProfile{}), config.pairs(&client.BillingProfile{})
	for i := range a {
		if c[i].tf.IsNull() && !a[i].tf.Equal(*b[i].tf) {
			out = append(out, unconfiguredChange{a[i].name, *b[i].tf, *a[i].tf})
		}
	}
	return append(out, addressChanges(before.DefaultAddress, after.DefaultAddress, config.DefaultAddress)...)
}

// addressChanges is unconfiguredChanges for default_address.
func addressChanges(before, after, config types.Object) []unconfiguredChange {
	if config.IsUnknown() {
		return nil
	}
	if before.IsNull() || after.IsNull() {
		if config.IsNull() && !before.Equal(after) {
			return []unconfiguredChange{{"default_address", before, after}}
		}
		return nil
	}
	configured := stringAttributes(config)
	b := before.Attributes()
	var out []unconfiguredChange
	for name, v := range after.Attributes() {
		if configured[name].IsNull() && !v.Equal(b[name]) {
			out = append(out, unconfiguredChange{"default_address." + name, b[name], v})
		}
	}
	return out
}
