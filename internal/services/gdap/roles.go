// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// roleIDs is a set of role template ids as sorted strings, nil when unknown or null.
func roleIDs(ctx context.Context, set types.Set) []string {
	if set.IsNull() || set.IsUnknown() {
		return nil
	}
	var out []string
	_ = set.ElementsAs(ctx, &out, false)
	slices.Sort(out)
	return out
}

// roleSet is the role ids Graph holds as a set, each in prior's spelling where prior names it in
// other case: role template ids are GUIDs, the same in any case.
func roleSet(ctx context.Context, held, prior []string) (types.Set, diag.Diagnostics) {
	roles := make([]string, 0, len(held))
	for _, id := range held {
		if i := slices.IndexFunc(prior, func(p string) bool { return strings.EqualFold(p, id) }); i >= 0 {
			id = prior[i]
		}
		roles = append(roles, id)
	}
	return types.SetValueFrom(ctx, types.StringType, roles)
}

// roleValues is roles as a set value, as the schema holds them.
func roleValues(ctx context.Context, roles []string) types.Set {
	v, _ := types.SetValueFrom(ctx, types.StringType, roles)
	return v
}
