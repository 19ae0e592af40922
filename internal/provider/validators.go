// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// plainText rejects what Partner Center cannot hold as it was given: control characters (tabs and
// line breaks included) and leading or trailing whitespace, which would come back changed and
// show as a change in every plan.
type plainText struct{}

func (plainText) Description(context.Context) string {
	return "must not contain control characters or begin or end with whitespace"
}

func (v plainText) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (plainText) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !known(req.ConfigValue) {
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

// notCleared rejects "" for an attribute Partner Center requires: the profile cannot be without it.
type notCleared struct{}

func (notCleared) Description(context.Context) string {
	return "cannot be set to \"\": Partner Center requires a value"
}

func (v notCleared) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (notCleared) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !known(req.ConfigValue) || req.ConfigValue.ValueString() != "" {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, req.Path.String()+" cannot be cleared", req.Path.String()+
		" is \"\", but Partner Center requires a value for it, so it cannot be cleared. Set a value, or leave "+
		req.Path.String()+" out of the configuration to stop managing it: its value then stays as Partner Center holds it.")
}

// unlessEmpty applies a validator to every value but "".
type unlessEmpty struct{ validator.String }

func (v unlessEmpty) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.ConfigValue.ValueString() != "" {
		v.String.ValidateString(ctx, req, resp)
	}
}

// characters bounds a value's length in characters, as Partner Center counts it (the framework's
// length validators count bytes, so a Japanese or Polish name would hit the limit early).
type characters struct{ min, max int }

// atMost is characters{0, max}.
func atMost(max int) characters { return characters{0, max} }

func (v characters) Description(context.Context) string {
	if v.min == 0 {
		return fmt.Sprintf("at most %d characters", v.max)
	}
	return fmt.Sprintf("%d to %d characters", v.min, v.max)
}

func (v characters) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v characters) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !known(req.ConfigValue) {
		return
	}
	if n := utf8.RuneCountInString(req.ConfigValue.ValueString()); n < v.min || n > v.max {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid length of "+req.Path.String(), fmt.Sprintf(
			"%s must be %s long; it has %d.", req.Path, v.Description(ctx), n))
	}
}
