// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// A resource whose state Terraform or OpenTofu before 1.12 wrote holds no identity. When Terraform 1.12 or
// later refreshes it and the object is gone, the read removes it with a warning, as before: the
// framework would fail a read that leaves the identity unset, even one that removes the resource.
func TestAGoneObjectWithoutIdentityIsRemovedAsBefore(t *testing.T) {
	t.Parallel()
	r := newRPCBench(t).adopt(t, nil)
	r.emulator.DeleteCustomer(r.id)
	state := r.dynamic(t, r.typ, r.state)
	resp, err := r.srv.ReadResource(context.Background(), &tfprotov6.ReadResourceRequest{
		TypeName: benchResource, CurrentState: &state, Private: r.private}) // no CurrentIdentity
	if err != nil {
		t.Fatal(err)
	}
	if hasError(resp.Diagnostics) {
		t.Fatalf("the read failed: %v", diagnosticSummaries(resp.Diagnostics))
	}
	if v, err := resp.NewState.Unmarshal(r.typ); err != nil || !v.IsNull() {
		t.Errorf("new state %v (%v), want it removed", v, err)
	}
}

func diagnosticSummaries(diags []*tfprotov6.Diagnostic) []string {
	var out []string
	for _, d := range diags {
		out = append(out, d.Summary+": "+d.Detail)
	}
	return out
}

// The same for GDAP relationships and access assignments that Graph no longer has.
func TestGoneGDAPObjectsWithoutIdentityAreRemovedAsBefore(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	r := newRPCBench(t)
	const graphToken = "graph-token"
	r.emulator.AddGraphToken(graphToken)
	hs := httptest.NewServer(r.emulator)
	t.Cleanup(hs.Close)
	schemas, err := r.srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	providerType := schemas.Provider.ValueType().(tftypes.Object)
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	cfg := r.dynamic(t, providerType, objectValue(providerType, map[string]tftypes.Value{
		"base_url": str(hs.URL), "access_token": str(emulatorToken), "graph_base_url": str(hs.URL), "graph_access_token": str(graphToken),
	}))
	if resp, err := r.srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: &cfg}); err != nil || hasError(resp.Diagnostics) {
		t.Fatalf("configure: %v %v", err, resp.Diagnostics)
	}
	const relationship = "8f5f9434-ebc1-473e-9f6d-a11847e23c99-a841a6f9-cfe8-487e-b421-30cd8c23c526"
	for typeName, attrs := range map[string]map[string]tftypes.Value{
		"partnercenter_delegated_admin_relationship": {"id": str(relationship), "display_name": str("Gone")},
		"partnercenter_delegated_admin_access_assignment": {"relationship_id": str(relationship),
			"id": str("2f1c2b7e-5d4a-4c3b-8e9f-0a1b2c3d4e5f")},
	} {
		typ := schemas.ResourceSchemas[typeName].ValueType().(tftypes.Object)
		state := r.dynamic(t, typ, objectValue(typ, attrs))
		resp, err := r.srv.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: typeName, CurrentState: &state})
		if err != nil {
			t.Fatal(err)
		}
		if hasError(resp.Diagnostics) {
			t.Errorf("%s: the read failed: %v", typeName, diagnosticSummaries(resp.Diagnostics))
			continue
		}
		if v, err := resp.NewState.Unmarshal(typ); err != nil || !v.IsNull() {
			t.Errorf("%s: new state %v (%v), want it removed", typeName, v, err)
		}
	}
}
