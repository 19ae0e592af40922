// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// roleIDValidator checks an Entra role template id at plan time.
var roleIDValidator = stringvalidator.RegexMatches(rules.GUID,
	"must be an Entra role template id, a GUID (partnercenter_entra_roles maps role names to them)")

// roleSetValidators check a set of role template ids at plan time: at least one, each a GUID,
// each once in any case.
var roleSetValidators = []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(roleIDValidator),
	rolesOnceValidator{}}

// rolesOnceValidator refuses a set naming one role twice in other case: a set keeps "ABC" and
// "abc" apart, but a role template id is a GUID, one role in any case, and Graph would grant it
// once.
type rolesOnceValidator struct{}

func (rolesOnceValidator) Description(context.Context) string {
	return "each role once, in any case"
}

func (v rolesOnceValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (rolesOnceValidator) ValidateSet(ctx context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	seen := map[string]string{}
	for _, e := range req.ConfigValue.Elements() {
		s, ok := e.(types.String)
		if !ok || s.IsNull() || s.IsUnknown() {
			continue
		}
		key := strings.ToLower(s.ValueString())
		if first, dup := seen[key]; dup {
			resp.Diagnostics.AddAttributeError(req.Path, "Role named twice", fmt.Sprintf("%q and %q are the same role: "+
				"role template ids are GUIDs, the same in any case. Name each role once.", first, s.ValueString()))
			return
		}
		seen[key] = s.ValueString()
	}
}

// durationValidator checks a relationship's duration at plan time: ISO 8601, P1D to P2Y.
type durationValidator struct{}

func (durationValidator) Description(context.Context) string {
	return "an ISO 8601 duration from P1D (1 day) to P2Y (730 days)"
}

func (v durationValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (durationValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := rules.CheckRelationshipDuration(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid GDAP relationship duration",
			err.Error()+". Write the duration in ISO 8601 days, such as P730D (two years, the longest) or P90D.")
	}
}

// autoExtendValidator checks an auto-extension duration at plan time: PT0S or P180D.
type autoExtendValidator struct{}

func (autoExtendValidator) Description(context.Context) string {
	return "P180D, or PT0S for no auto-extension"
}

func (v autoExtendValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (autoExtendValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := rules.CheckAutoExtend(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid GDAP auto-extension", err.Error()+".")
	}
}
