// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// addressWith is a default_address object holding values (by attribute name); the others are null.
func addressWith(values map[string]types.String) types.Object {
	attrs := make(map[string]attr.Value, len(addressAttributes))
	for _, a := range addressAttributes {
		attrs[a.name] = types.StringNull()
		if v, ok := values[a.name]; ok {
			attrs[a.name] = v
		}
	}
	return types.ObjectValueMust(addressAttrTypes, attrs)
}

// profileWith is a model's Profile holding values (by attribute name); the others are null.
func profileWith(values map[string]types.String) map[string]types.String {
	out := make(map[string]types.String, len(profileAttributes))
	for _, a := range profileAttributes {
		out[a.name] = types.StringNull()
		if v, ok := values[a.name]; ok {
			out[a.name] = v
		}
	}
	return out
}
