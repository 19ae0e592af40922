// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"context"
	"iter"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
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
