// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"context"
	"fmt"
	"iter"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// DefaultListTimeout bounds a list resource's listing (terraform query), which has no timeouts
// block: long enough for thousands of customers with their resources read ten at a time.
const DefaultListTimeout = 20 * time.Minute

// ListResults are the results listing pushes, as terraform query reads them. Terraform reads them
// after List returns, so the operation (DefaultListTimeout and one correlation id for its
// requests) starts with the first read and ends with the last. An error listing returns ends the
// results with the diagnostic addError makes of it (AddAPIError or AddGraphError about the list).
func ListResults[C any](ctx context.Context, c *C, addError func(*diag.Diagnostics, error),
	listing func(ctx context.Context, push func(list.ListResult) bool) error) iter.Seq[list.ListResult] {
	return func(push func(list.ListResult) bool) {
		var diags diag.Diagnostics
		ctx, cancel, ok := OperationContext(ctx, c, NoTimeout, DefaultListTimeout, &diags)
		defer cancel()
		if !ok {
			push(list.ListResult{Diagnostics: diags})
			return
		}
		if err := listing(ctx, push); err != nil {
			addError(&diags, err)
			push(list.ListResult{Diagnostics: diags})
		}
	}
}

// ListWarning is a result that only warns: terraform query shows it and lists nothing for it.
func ListWarning(summary, detail string) list.ListResult {
	var diags diag.Diagnostics
	diags.AddWarning(summary, detail)
	return list.ListResult{Diagnostics: diags}
}

// LimitReached is the warning a list resource gives first when more objects match than the query's
// limit: Terraform stops reading results at the limit (100 unless the list block sets one) and
// says nothing of what it left. It comes before the results, because Terraform reads no event
// after the limit's last result.
func LimitReached(limit int64, what string) list.ListResult {
	return ListWarning("More "+what+" than the limit",
		fmt.Sprintf("More %s match than this query's limit of %d, so it lists only %d of them. Set `limit` in the list block "+
			"above their number to list them all (terraform query lists 100 when the block sets no limit).", what, limit, limit))
}

// OneMore is the count a list resource asks its client for under the query's limit: one more than
// the limit, to tell whether the limit cut the listing short (LimitReached); 0 (no limit) stays 0.
func OneMore(limit int64) int {
	if limit <= 0 {
		return 0
	}
	return int(limit) + 1
}

// NullTimeouts is a null timeouts block of the resource req lists: a listed object has no
// settings of its own.
func NullTimeouts(ctx context.Context, req list.ListRequest) timeouts.Value {
	t, diags := req.ResourceSchema.TypeAtPath(ctx, path.Root("timeouts"))
	if tt, ok := t.(timeouts.Type); ok && !diags.HasError() {
		return timeouts.Value{Object: types.ObjectNull(tt.AttrTypes)}
	}
	return timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{})}
}
