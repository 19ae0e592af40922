// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"context"
	"fmt"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Characters is a length in characters (UTF-8 code points, as Partner Center counts them) from
// minimum to maximum. terraform-plugin-framework-validators judges the length; Characters says
// what is wrong in the provider's own words, which name the limit and the length found.
func Characters(minimum, maximum int) validator.String {
	return characters{minimum, maximum, stringvalidator.UTF8LengthBetween(minimum, maximum)}
}

// AtMostCharacters is Characters(0, maximum).
func AtMostCharacters(maximum int) validator.String {
	return characters{0, maximum, stringvalidator.UTF8LengthAtMost(maximum)}
}

type characters struct {
	minimum, maximum int
	judge            validator.String
}

// Description says what the validator accepts.
func (v characters) Description(context.Context) string {
	if v.minimum == 0 {
		return fmt.Sprintf("at most %d characters", v.maximum)
	}
	return fmt.Sprintf("%d to %d characters", v.minimum, v.maximum)
}

// MarkdownDescription is Description.
func (v characters) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

// ValidateString lets the library judge the value and words its verdict.
func (v characters) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	var verdict validator.StringResponse
	v.judge.ValidateString(ctx, req, &verdict)
	if !verdict.Diagnostics.HasError() {
		return
	}
	n := utf8.RuneCountInString(req.ConfigValue.ValueString())
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid length of "+req.Path.String(),
		fmt.Sprintf("%s must be %s long; it has %d.", req.Path, v.Description(ctx), n))
}
