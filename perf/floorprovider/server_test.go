// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"context"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/provider"
)

const relationshipType = "partnercenter_delegated_admin_relationship"

// The floor serves the provider's schemas, unchanged: the point of it.
func TestTheFloorServesTheProvidersSchemas(t *testing.T) {
	ctx := context.Background()
	want, _ := provider.NewServer("floor")().GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	got, _ := newServer().GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if len(got.ResourceSchemas) == 0 || !reflect.DeepEqual(got.ResourceSchemas, want.ResourceSchemas) ||
		!reflect.DeepEqual(got.DataSourceSchemas, want.DataSourceSchemas) {
		t.Error("the floor's schemas differ from the provider's")
	}
}

// An import, a plan and an apply through the floor: the id is kept, a computed attribute left
// out of the configuration is planned unknown and applied as a placeholder, a configured one as
// configured, and a read changes nothing.
func TestTheFloorPlansAndAppliesWithoutWork(t *testing.T) {
	ctx := context.Background()
	s := newServer()
	imported, err := s.ImportResourceState(ctx, &tfprotov6.ImportResourceStateRequest{TypeName: relationshipType, ID: "r1"})
	if err != nil || len(imported.ImportedResources) != 1 {
		t.Fatalf("ImportResourceState = %+v, %v", imported, err)
	}
	typ := mustSchema(t, s).ValueType()
	prior := imported.ImportedResources[0].State
	if v := attribute(t, prior, typ, "id"); !v.Equal(tftypes.NewValue(tftypes.String, "r1")) {
		t.Errorf("imported id %v", v)
	}
	proposed := withAttribute(t, prior, typ, "display_name", tftypes.NewValue(tftypes.String, "Contoso"))
	plan, err := s.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: relationshipType, PriorState: prior,
		ProposedNewState: proposed, Config: proposed})
	if err != nil {
		t.Fatal(err)
	}
	if v := attribute(t, plan.PlannedState, typ, "status"); v.IsKnown() {
		t.Errorf("planned status %v, want unknown", v)
	}
	applied, err := s.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{TypeName: relationshipType, PriorState: prior,
		PlannedState: plan.PlannedState, Config: proposed})
	if err != nil {
		t.Fatal(err)
	}
	state, _ := applied.NewState.Unmarshal(typ)
	if !state.IsFullyKnown() {
		t.Errorf("applied state %v is not wholly known", state)
	}
	if v := attribute(t, applied.NewState, typ, "display_name"); !v.Equal(tftypes.NewValue(tftypes.String, "Contoso")) {
		t.Errorf("applied display_name %v", v)
	}
	read, err := s.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: relationshipType, CurrentState: applied.NewState})
	if err != nil || read.NewState != applied.NewState {
		t.Errorf("ReadResource = %+v, %v; want the prior state back", read, err)
	}
}

func mustSchema(t *testing.T, s tfprotov6.ProviderServer) *tfprotov6.Schema {
	t.Helper()
	return s.(*floorServer).resources[relationshipType]
}

func attribute(t *testing.T, dv *tfprotov6.DynamicValue, typ tftypes.Type, name string) tftypes.Value {
	t.Helper()
	v, err := dv.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		t.Fatal(err)
	}
	return attrs[name]
}

func withAttribute(t *testing.T, dv *tfprotov6.DynamicValue, typ tftypes.Type, name string, value tftypes.Value) *tfprotov6.DynamicValue {
	t.Helper()
	v, _ := dv.Unmarshal(typ)
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		t.Fatal(err)
	}
	attrs[name] = value
	out, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, attrs))
	if err != nil {
		t.Fatal(err)
	}
	return &out
}
