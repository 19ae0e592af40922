// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// PlainText rejects what Partner Center cannot hold as it was given: control characters (tabs and
// line breaks included) and leading or trailing whitespace, which would come back changed and
// show as a change in every plan.
type PlainText struct{}

// Description says what the validator accepts.
func (PlainText) Description(context.Context) string {
	return "must not contain control characters or begin or end with whitespace"
}

// MarkdownDescription is Description.
func (v PlainText) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

// ValidateString judges a known value.
func (PlainText) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !Known(req.ConfigValue) {
		return
	}
	s := req.ConfigValue.ValueString()
	if i := strings.IndexFunc(s, unicode.IsControl); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		resp.Diagnostics.AddAttributeError(req.Path, "Control character in "+req.Path.String(), fmt.Sprintf(
			"%s contains the control character %U at byte %d; Partner Center cannot hold control characters such as "+
				"tabs and line breaks. Remove it.", req.Path, r, i))
		return
	}
	if strings.TrimSpace(s) != s {
		resp.Diagnostics.AddAttributeError(req.Path, "Whitespace around "+req.Path.String(), fmt.Sprintf(
			"%s is %q: it begins or ends with whitespace, which Partner Center does not keep, so every plan would show "+
				"a change. Remove it (trimspace() does, for a value that comes from elsewhere).", req.Path, s))
	}
}

// UnlessEmpty applies a validator to every value but "".
type UnlessEmpty struct{ validator.String }

// ValidateString passes every value but "" to the validator.
func (v UnlessEmpty) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.ConfigValue.ValueString() != "" {
		v.String.ValidateString(ctx, req, resp)
	}
}

// Known reports whether v holds a value: neither null nor unknown.
func Known(v types.String) bool { return !v.IsNull() && !v.IsUnknown() }
