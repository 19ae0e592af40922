// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// timeoutsBlock is a timeouts block as Terraform holds it, with create set to create.
func timeoutsBlock(create tftypes.Value) tftypes.Value {
	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"create": tftypes.String, "read": tftypes.String, "update": tftypes.String}}
	return tftypes.NewValue(typ, map[string]tftypes.Value{
		"create": create, "read": tftypes.NewValue(tftypes.String, nil), "update": tftypes.NewValue(tftypes.String, nil),
	})
}

func TestATimeoutIsReadFromTheBlockOrDefaults(t *testing.T) {
	t.Parallel()
	const def = 7 * time.Minute
	tests := map[string]struct {
		block     tftypes.Value
		op        string
		want      time.Duration
		wantError string
	}{
		"no block":            {tftypes.Value{}, "create", def, ""},
		"a set create":        {timeoutsBlock(tftypes.NewValue(tftypes.String, "30s")), "create", 30 * time.Second, ""},
		"an unset update":     {timeoutsBlock(tftypes.NewValue(tftypes.String, "30s")), "update", def, ""},
		"an unknown create":   {timeoutsBlock(tftypes.NewValue(tftypes.String, tftypes.UnknownValue)), "create", def, ""},
		"not a duration":      {timeoutsBlock(tftypes.NewValue(tftypes.String, "banana")), "create", 0, `timeouts.create is "banana", not a duration such as "30s" or "10m".`},
		"a number, no unit":   {timeoutsBlock(tftypes.NewValue(tftypes.String, "30")), "create", 0, `timeouts.create is "30", not a duration`},
		"the read of a block": {timeoutsBlock(tftypes.NewValue(tftypes.String, "1m")), "read", def, ""},
	}
	for name, tt := range tests {
		block, diags := timeoutsOf(context.Background(), tt.block)
		if diags.HasError() {
			t.Fatalf("%s: %v", name, diags)
		}
		got, diags := blockTimeout(block, tt.op)(context.Background(), def)
		if tt.wantError == "" {
			if diags.HasError() || got != tt.want {
				t.Errorf("%s: %s, %v; want %s", name, got, diags, tt.want)
			}
			continue
		}
		if !diags.HasError() || diags[0].Summary() != "Invalid timeout" || !strings.Contains(diags[0].Detail(), tt.wantError) {
			t.Errorf("%s: %v, want an Invalid timeout error saying %q", name, diags, tt.wantError)
		}
	}
}

// The calls a plan makes are bounded by the resource's read timeout when it is shorter than
// addressCheckTimeout, and by addressCheckTimeout otherwise.
func TestPlanCallsAreBoundedByTheReadTimeout(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := billingProfileResourceSchema(ctx)
	for read, want := range map[string]time.Duration{"3s": 3 * time.Second, "10m": addressCheckTimeout, "": addressCheckTimeout} {
		m := newResourceModel("3fa85f64-5717-4562-b3fc-2c963f66afa6")
		m.Address = types.ObjectNull(addressAttrTypes)
		if read != "" {
			m.settings.Timeouts = timeouts.Value{Object: types.ObjectValueMust(timeoutsType.AttrTypes, map[string]attr.Value{
				"read": types.StringValue(read), "create": types.StringNull(), "update": types.StringNull()})}
		}
		raw, diags := m.value(ctx, s.Type().TerraformType(ctx))
		if diags.HasError() {
			t.Fatal(diags)
		}
		callCtx, cancel := planCallContext(ctx, resource.ModifyPlanRequest{Config: tfsdk.Config{Schema: s, Raw: raw}})
		deadline, ok := callCtx.Deadline()
		cancel()
		if left := time.Until(deadline); !ok || left > want || left < want-time.Second {
			t.Errorf("read timeout %q: the plan's calls end in %s, want %s", read, left, want)
		}
	}
}
