// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// notCleared rejects "" for an attribute Partner Center requires: the profile cannot be without it.
type notCleared struct{}

// Description says what the validator accepts.
func (notCleared) Description(context.Context) string {
	return "cannot be set to \"\": Partner Center requires a value"
}

// MarkdownDescription is Description.
func (v notCleared) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

// ValidateString judges a known value.
func (notCleared) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !framework.Known(req.ConfigValue) || req.ConfigValue.ValueString() != "" {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, req.Path.String()+" cannot be cleared", req.Path.String()+
		" is \"\", but Partner Center requires a value for it, so it cannot be cleared. Set a value, or leave "+
		req.Path.String()+" out of the configuration to stop managing it: its value then stays as Partner Center holds it.")
}
