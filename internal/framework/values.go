// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package framework

import "github.com/hashicorp/terraform-plugin-framework/types"

// StringOrNull is s, or null when the API gave nothing: an attribute the API left out or empty is
// unknown to it, not an empty string someone set.
func StringOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}
