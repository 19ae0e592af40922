// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestUnchangedPlansMatchTheFramework plans unchanged resources both ways, through the shortcut
// and through the framework, and requires the same answer: the planned state, no replacement, no
// diagnostics, the private state, and the identity, both with the identity Terraform 1.12 and
// later keep and without one (Terraform and OpenTofu before 1.12).
func TestUnchangedPlansMatchTheFramework(t *testing.T) {
	t.Parallel()
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	tests := []struct {
		name  string
		extra func(r *rpcBench) map[string]tftypes.Value
	}{
		{"only company_name configured", func(*rpcBench) map[string]tftypes.Value { return nil }},
		{"part of the address configured, checks on", func(r *rpcBench) map[string]tftypes.Value {
			addr := r.typ.AttributeTypes["default_address"].(tftypes.Object)
			return map[string]tftypes.Value{"default_address": objectValue(addr, map[string]tftypes.Value{"city": str("Redmond")})}
		}},
		{"settings and more attributes configured", func(r *rpcBench) map[string]tftypes.Value {
			timeouts := r.typ.AttributeTypes["timeouts"].(tftypes.Object)
			return map[string]tftypes.Value{
				"culture": str("en-US"), "validate_address": tftypes.NewValue(tftypes.Bool, false),
				"timeouts": objectValue(timeouts, map[string]tftypes.Value{"update": str("3m")}),
			}
		}},
	}
	for _, tt := range tests {
		for _, withIdentity := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s, identity kept %v", tt.name, withIdentity), func(t *testing.T) {
				t.Parallel()
				r := newRPCBench(t)
				r.adopt(t, tt.extra(r))
				if r.identity == nil {
					t.Fatal("the create answered no identity")
				}
				p, c, n := r.dynamic(t, r.typ, r.state), r.dynamic(t, r.typ, r.config("Contoso Bench")), r.dynamic(t, r.typ, r.proposed(r.state, "Contoso Bench"))
				req := &tfprotov6.PlanResourceChangeRequest{TypeName: benchResource, PriorState: &p, ProposedNewState: &n, Config: &c, PriorPrivate: r.private}
				if withIdentity {
					req.PriorIdentity = r.identity
				}
				matchesTheFramework(t, r, req)
			})
		}
	}
}

// matchesTheFramework plans req through the shortcut and through the framework and requires the
// same answer.
func matchesTheFramework(t *testing.T, r *rpcBench, req *tfprotov6.PlanResourceChangeRequest) {
	t.Helper()
	srv := unchangedPlanServer{types: unchangedPlanTypes()}
	if !srv.takesShortcut(req) {
		t.Fatal("the plan is not recognised as unchanged")
	}
	shortcut, err := srv.PlanResourceChange(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	framework, err := r.framework.PlanResourceChange(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	samePlan(t, r.typ, shortcut, framework)
	sameIdentity(t, r.identityType, shortcut.PlannedIdentity, framework.PlannedIdentity)
}

// sameIdentity requires got and want to hold the same identity, none and a null one alike.
func sameIdentity(t *testing.T, typ tftypes.Type, got, want *tfprotov6.ResourceIdentityData) {
	t.Helper()
	value := func(d *tfprotov6.ResourceIdentityData) tftypes.Value {
		if d == nil || d.IdentityData == nil {
			return tftypes.NewValue(typ, nil)
		}
		v, err := d.IdentityData.Unmarshal(typ)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if g, w := value(got), value(want); !g.Equal(w) {
		t.Errorf("planned identity %v, the framework plans %v", g, w)
	}
}

func samePlan(t *testing.T, typ tftypes.Type, got, want *tfprotov6.PlanResourceChangeResponse) {
	t.Helper()
	g, err := got.PlannedState.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	w, err := want.PlannedState.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	if !g.Equal(w) {
		t.Errorf("planned state %v, the framework plans %v", g, w)
	}
	if len(got.RequiresReplace) != len(want.RequiresReplace) || len(got.Diagnostics) != len(want.Diagnostics) {
		t.Errorf("replace %v and diagnostics %v, the framework answers %v and %v", got.RequiresReplace, got.Diagnostics,
			want.RequiresReplace, want.Diagnostics)
	}
	var gp, wp any
	_ = json.Unmarshal(got.PlannedPrivate, &gp)
	_ = json.Unmarshal(want.PlannedPrivate, &wp)
	if !reflect.DeepEqual(gp, wp) {
		t.Errorf("private state %s, the framework keeps %s", got.PlannedPrivate, want.PlannedPrivate)
	}
}

func TestOnlyUnchangedPlansTakeTheShortcut(t *testing.T) {
	t.Parallel()
	r := newRPCBench(t).adopt(t, nil)
	state := r.dynamic(t, r.typ, r.state)
	other := r.dynamic(t, r.typ, r.proposed(r.state, "Contoso Renamed"))
	null := r.dynamic(t, r.typ, tftypes.NewValue(r.typ, nil))
	tests := []struct {
		name string
		req  tfprotov6.PlanResourceChangeRequest
	}{
		{"a change", tfprotov6.PlanResourceChangeRequest{TypeName: benchResource, PriorState: &state, ProposedNewState: &other}},
		{"a new resource", tfprotov6.PlanResourceChangeRequest{TypeName: benchResource, PriorState: &null, ProposedNewState: &null}},
		{"a destroy", tfprotov6.PlanResourceChangeRequest{TypeName: benchResource, PriorState: &state, ProposedNewState: &null}},
		{"another resource type", tfprotov6.PlanResourceChangeRequest{TypeName: "partnercenter_other", PriorState: &state, ProposedNewState: &state}},
	}
	srv := unchangedPlanServer{types: unchangedPlanTypes()}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if srv.takesShortcut(&tt.req) {
				t.Error("took the shortcut")
			}
		})
	}
}

// Every resource of every service says whether its plan is its prior state when nothing changes
// (the shortcut answers it) or not (the framework plans it): a resource added later cannot
// silently miss the shortcut, nor take it without a case in TestUnchangedPlansMatchTheFramework,
// and a name that is none of the service's resources is flagged.
func TestEveryResourceChoosesItsUnchangedPlan(t *testing.T) {
	t.Parallel()
	for _, s := range services() {
		shortcut, computed := map[string]bool{}, map[string]bool{}
		for _, name := range s.UnchangedPlan {
			shortcut[name] = true
		}
		for _, name := range s.ComputesUnchangedPlan {
			computed[name] = true
		}
		for _, newResource := range s.Resources {
			var md resource.MetadataResponse
			newResource().Metadata(context.Background(), resource.MetadataRequest{ProviderTypeName: "partnercenter"}, &md)
			if shortcut[md.TypeName] == computed[md.TypeName] {
				t.Errorf("service %s: resource %s must be in exactly one of UnchangedPlan and ComputesUnchangedPlan",
					s.Name, md.TypeName)
			}
			if shortcut[md.TypeName] && md.TypeName != benchResource {
				t.Errorf("service %s: %s takes the unchanged-plan shortcut without a case in TestUnchangedPlansMatchTheFramework",
					s.Name, md.TypeName)
			}
			delete(shortcut, md.TypeName)
			delete(computed, md.TypeName)
		}
		// A name left over is misspelt or of another service: the shortcut would never match it.
		for _, left := range []map[string]bool{shortcut, computed} {
			for name := range left {
				t.Errorf("service %s names %s, which is none of its resources", s.Name, name)
			}
		}
	}
}
