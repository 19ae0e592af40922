// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// leftOutValue is a value a list result leaves out, and why.
type leftOutValue struct {
	attribute, reason string
}

// withoutRefused is m without the values the resource's validators refuse, and those.
//
// Partner Center may hold values this provider's checks refuse in a configuration: a name longer
// than it accepts today, an email address our check does not take, a US address with a region.
// terraform query's results leave them out (see billingProfileList.result), so that the
// configuration Terraform generates from them (-generate-config-out) plans clean: a value left out
// is not managed and stays as Partner Center holds it, and a warning names each one, for the user
// to set, valid, when they want it managed.
func withoutRefused(ctx context.Context, m billingProfileResourceModel) (billingProfileResourceModel, []leftOutValue) {
	var left []leftOutValue
	profile := make(map[string]types.String, len(m.Profile))
	for _, a := range profileAttributes {
		profile[a.name] = m.Profile[a.name]
		if reason := refusal(ctx, path.Root(a.name), a.validators(), m.Profile[a.name]); reason != "" {
			profile[a.name] = types.StringNull()
			left = append(left, leftOutValue{a.name, reason})
		}
	}
	m.Profile = profile
	var leftAddress []leftOutValue
	m.Address, leftAddress = validAddress(ctx, m.Address)
	return m, append(left, leftAddress...)
}

// addLeftOutValuesWarning says which values of customerID's profile its list result leaves out,
// and why.
func addLeftOutValuesWarning(diags *diag.Diagnostics, customerID string, left []leftOutValue) {
	diags.AddWarning(leftOutSummary, leftOutDetail(customerID, left))
}

// validAddress is address without the attributes a validator or an address rule refuses, and those.
func validAddress(ctx context.Context, address types.Object) (types.Object, []leftOutValue) {
	values := stringAttributes(address)
	if len(values) == 0 {
		return address, nil
	}
	var left []leftOutValue
	for _, a := range addressAttributes {
		name := attrDefaultAddress + "." + a.name
		if reason := refusal(ctx, addressPath.AtName(a.name), a.validators(), values[a.name]); reason != "" {
			values[a.name] = types.StringNull()
			left = append(left, leftOutValue{name, reason})
		}
	}
	// The rules that span attributes name the attribute at fault; without it the rest passes.
	for _, d := range addressRuleViolations(configuredAddress(objectOf(values))) {
		withPath, ok := d.(diag.DiagnosticWithPath)
		if !ok {
			continue
		}
		name := strings.TrimPrefix(withPath.Path().String(), attrDefaultAddress+".")
		if v, held := values[name]; held && !v.IsNull() {
			values[name] = types.StringNull()
			left = append(left, leftOutValue{attrDefaultAddress + "." + name, d.Detail()})
		}
	}
	return objectOf(values), left
}

// objectOf is the default_address object of values.
func objectOf(values map[string]types.String) types.Object {
	attrs := make(map[string]attr.Value, len(addressAttributes))
	for _, a := range addressAttributes {
		v, ok := values[a.name]
		if !ok {
			v = types.StringNull()
		}
		attrs[a.name] = v
	}
	return types.ObjectValueMust(addressAttrTypes, attrs)
}

// refusal is why validators refuse v (their first error's detail), "" when they take it.
func refusal(ctx context.Context, p path.Path, validators []validator.String, v types.String) string {
	if v.IsNull() || v.IsUnknown() {
		return ""
	}
	for _, val := range validators {
		var resp validator.StringResponse
		val.ValidateString(ctx, validator.StringRequest{Path: p, PathExpression: p.Expression(), ConfigValue: v}, &resp)
		for _, d := range resp.Diagnostics.Errors() {
			return d.Summary() + ": " + d.Detail()
		}
	}
	return ""
}

// leftOutSummary is the summary of the warning about values a list result leaves out.
const leftOutSummary = "Billing profile holds values the provider would refuse"

// leftOutDetail says which values of customerID's profile the generated configuration leaves out.
func leftOutDetail(customerID string, left []leftOutValue) string {
	var b strings.Builder
	fmt.Fprintf(&b, "The billing profile of customer %s holds values this provider's checks refuse in a configuration. "+
		"Its query result leaves them out, and so does the configuration -generate-config-out writes from it, so that "+
		"its first plan does not fail: each stays as Partner Center holds it and is not managed. To manage one, set it "+
		"in the configuration to a value the provider takes; the next apply writes it.", customerID)
	for _, l := range left {
		fmt.Fprintf(&b, "\n  - %s: %s", l.attribute, l.reason)
	}
	return b.String()
}
