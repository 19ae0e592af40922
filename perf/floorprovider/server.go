// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/provider"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/serve"
)

// floorServer answers the RPCs that do a provider's work without doing any; every other RPC
// (schemas, metadata, state upgrades) is the provider's own.
type floorServer struct {
	serve.ProtocolServer
	resources   map[string]*tfprotov6.Schema
	dataSources map[string]*tfprotov6.Schema
}

func newServer() tfprotov6.ProviderServer {
	inner := provider.NewServer("floor")()
	schemas, err := inner.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(schemas.Diagnostics) > 0 {
		panic(fmt.Sprintf("the provider's schemas: %v %v", err, schemas.Diagnostics))
	}
	return &floorServer{ProtocolServer: inner, resources: schemas.ResourceSchemas, dataSources: schemas.DataSourceSchemas}
}

func (s *floorServer) ValidateProviderConfig(_ context.Context, req *tfprotov6.ValidateProviderConfigRequest) (*tfprotov6.ValidateProviderConfigResponse, error) {
	return &tfprotov6.ValidateProviderConfigResponse{PreparedConfig: req.Config}, nil
}

func (s *floorServer) ConfigureProvider(context.Context, *tfprotov6.ConfigureProviderRequest) (*tfprotov6.ConfigureProviderResponse, error) {
	return &tfprotov6.ConfigureProviderResponse{}, nil
}

func (s *floorServer) ValidateResourceConfig(context.Context, *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return &tfprotov6.ValidateResourceConfigResponse{}, nil
}

func (s *floorServer) ValidateDataResourceConfig(context.Context, *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return &tfprotov6.ValidateDataResourceConfigResponse{}, nil
}

func (s *floorServer) ReadResource(_ context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return &tfprotov6.ReadResourceResponse{NewState: req.CurrentState, Private: req.Private, NewIdentity: req.CurrentIdentity}, nil
}

func (s *floorServer) ReadDataSource(_ context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return &tfprotov6.ReadDataSourceResponse{State: req.Config}, nil
}

// PlanResourceChange plans the proposed new state, computed attributes that are neither
// configured nor known yet planned as unknown.
func (s *floorServer) PlanResourceChange(_ context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	schema, typ, err := s.resource(req.TypeName)
	if err != nil {
		return nil, err
	}
	proposed, err := req.ProposedNewState.Unmarshal(typ)
	if err != nil || proposed.IsNull() { // a destroy: its plan is null
		return &tfprotov6.PlanResourceChangeResponse{PlannedState: req.ProposedNewState, PlannedPrivate: req.PriorPrivate}, err
	}
	var attrs map[string]tftypes.Value
	if err := proposed.As(&attrs); err != nil {
		return nil, err
	}
	for _, a := range schema.Block.Attributes {
		if a.Computed && attrs[a.Name].IsNull() {
			attrs[a.Name] = tftypes.NewValue(attrs[a.Name].Type(), tftypes.UnknownValue)
		}
	}
	planned, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, attrs))
	return &tfprotov6.PlanResourceChangeResponse{PlannedState: &planned, PlannedPrivate: req.PriorPrivate,
		PlannedIdentity: req.PriorIdentity}, err
}

// ApplyResourceChange returns the plan, each unknown value a placeholder of its type.
func (s *floorServer) ApplyResourceChange(_ context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	_, typ, err := s.resource(req.TypeName)
	if err != nil {
		return nil, err
	}
	planned, err := req.PlannedState.Unmarshal(typ)
	if err != nil || planned.IsNull() {
		return &tfprotov6.ApplyResourceChangeResponse{NewState: req.PlannedState}, err
	}
	known, err := tftypes.Transform(planned, placeholder)
	if err != nil {
		return nil, err
	}
	state, err := tfprotov6.NewDynamicValue(typ, known)
	return &tfprotov6.ApplyResourceChangeResponse{NewState: &state, Private: req.PlannedPrivate, NewIdentity: req.PlannedIdentity}, err
}

// ImportResourceState holds the id given, every other attribute null.
func (s *floorServer) ImportResourceState(_ context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	_, typ, err := s.resource(req.TypeName)
	if err != nil {
		return nil, err
	}
	attrs := map[string]tftypes.Value{}
	for name, t := range typ.(tftypes.Object).AttributeTypes {
		attrs[name] = tftypes.NewValue(t, nil)
	}
	if _, ok := attrs["id"]; ok {
		attrs["id"] = tftypes.NewValue(tftypes.String, req.ID)
	}
	state, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, attrs))
	return &tfprotov6.ImportResourceStateResponse{ImportedResources: []*tfprotov6.ImportedResource{
		{TypeName: req.TypeName, State: &state}}}, err
}

// resource is the schema of the resource type name and the type of its values.
func (s *floorServer) resource(name string) (*tfprotov6.Schema, tftypes.Type, error) {
	schema, ok := s.resources[name]
	if !ok {
		return nil, nil, fmt.Errorf("no resource type %s", name)
	}
	return schema, schema.ValueType(), nil
}

// placeholder makes an unknown value known: "floor" for a string, zero for a number, false for a
// bool, an empty collection, an object of placeholders.
func placeholder(_ *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
	if v.IsKnown() {
		return v, nil
	}
	return zero(v.Type()), nil
}

// zero is a known value of t.
func zero(t tftypes.Type) tftypes.Value {
	switch {
	case t.Is(tftypes.String):
		return tftypes.NewValue(t, "floor")
	case t.Is(tftypes.Number):
		return tftypes.NewValue(t, 0)
	case t.Is(tftypes.Bool):
		return tftypes.NewValue(t, false)
	case t.Is(tftypes.Object{}):
		attrs := map[string]tftypes.Value{}
		for name, at := range t.(tftypes.Object).AttributeTypes {
			attrs[name] = zero(at)
		}
		return tftypes.NewValue(t, attrs)
	case t.Is(tftypes.List{}), t.Is(tftypes.Set{}), t.Is(tftypes.Tuple{}):
		return tftypes.NewValue(t, []tftypes.Value{})
	case t.Is(tftypes.Map{}):
		return tftypes.NewValue(t, map[string]tftypes.Value{})
	}
	return tftypes.NewValue(t, nil)
}
