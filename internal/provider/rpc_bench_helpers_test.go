// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/google/uuid"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/serve"
)

// The harness that drives the provider's RPCs directly, for the benchmarks of rpc_bench_test.go.

const emulatorToken = "acceptance-test-token"

const benchResource = "partnercenter_customer_billing_profile"

type rpcBench struct {
	// srv is the server as main.go serves it; framework, the framework's server inside it (both
	// configured).
	srv, framework tfprotov6.ProviderServer
	typ            tftypes.Object
	id             string
	state          tftypes.Value
	private        []byte
	// identity is the resource's identity as the last apply answered it; identityType, its type.
	identity     *tfprotov6.ResourceIdentityData
	identityType tftypes.Type
	emulator     *emulator.Server
	// extra are configured attributes besides customer_id and company_name.
	extra map[string]tftypes.Value
}

func newRPCBench(b testing.TB) *rpcBench {
	b.Helper()
	ctx := context.Background()
	emu := emulator.New(emulatorToken)
	id := uuid.NewString()
	if err := emu.SeedDefaultCustomer(id); err != nil {
		b.Fatal(err)
	}
	hs := httptest.NewServer(emu)
	b.Cleanup(hs.Close)
	inner := NewServer("bench")().(unchangedPlanServer)
	r := &rpcBench{srv: serve.Wrap(func() serve.ProtocolServer { return inner })(), framework: inner.ProtocolServer, id: id,
		emulator: emu}
	schemas, err := r.srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		b.Fatal(err)
	}
	providerType := schemas.Provider.ValueType().(tftypes.Object)
	cfg := r.dynamic(b, providerType, objectValue(providerType, map[string]tftypes.Value{
		"base_url": tftypes.NewValue(tftypes.String, hs.URL), "access_token": tftypes.NewValue(tftypes.String, emulatorToken),
	}))
	if resp, err := r.srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: &cfg}); err != nil || hasError(resp.Diagnostics) {
		b.Fatalf("configure: %v %v", err, resp.Diagnostics)
	}
	r.typ = schemas.ResourceSchemas[benchResource].ValueType().(tftypes.Object)
	identities, err := r.srv.GetResourceIdentitySchemas(ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil || identities.IdentitySchemas[benchResource] == nil {
		b.Fatalf("identity schemas: %v %v", err, identities)
	}
	r.identityType = identities.IdentitySchemas[benchResource].ValueType()
	return r
}

// adopt creates the resource, with extra configured attributes besides company_name.
func (r *rpcBench) adopt(b testing.TB, extra map[string]tftypes.Value) *rpcBench {
	b.Helper()
	r.extra = extra
	r.state, r.private = r.planAndApply(b, tftypes.NewValue(r.typ, nil), nil, "Contoso Bench")
	return r
}

// config is the resource's configuration: customer_id and company_name set, the rest left out.
func (r *rpcBench) config(company string) tftypes.Value {
	attrs := map[string]tftypes.Value{
		"customer_id": tftypes.NewValue(tftypes.String, r.id), "company_name": tftypes.NewValue(tftypes.String, company),
	}
	for k, v := range r.extra {
		attrs[k] = v
	}
	return objectValue(r.typ, attrs)
}

// proposed is what Terraform proposes from the configuration and the prior state: configured
// values over the prior state's.
func (r *rpcBench) proposed(prior tftypes.Value, company string) tftypes.Value {
	if prior.IsNull() {
		return r.config(company)
	}
	var attrs, configured map[string]tftypes.Value
	_ = prior.As(&attrs)
	_ = r.config(company).As(&configured)
	for name, v := range configured {
		if !v.IsNull() && !r.typ.AttributeTypes[name].Is(tftypes.Object{}) {
			attrs[name] = v
		}
	}
	return tftypes.NewValue(r.typ, attrs)
}

func (r *rpcBench) plan(b testing.TB, prior tftypes.Value, private []byte, company string) *tfprotov6.PlanResourceChangeResponse {
	b.Helper()
	p, c, n := r.dynamic(b, r.typ, prior), r.dynamic(b, r.typ, r.config(company)), r.dynamic(b, r.typ, r.proposed(prior, company))
	resp, err := r.srv.PlanResourceChange(context.Background(), &tfprotov6.PlanResourceChangeRequest{
		TypeName: benchResource, PriorState: &p, ProposedNewState: &n, Config: &c, PriorPrivate: private,
	})
	if err != nil || hasError(resp.Diagnostics) {
		b.Fatalf("plan: %v %v", err, resp.Diagnostics)
	}
	return resp
}

func (r *rpcBench) planAndApply(b testing.TB, prior tftypes.Value, private []byte, company string) (tftypes.Value, []byte) {
	b.Helper()
	planned := r.plan(b, prior, private, company)
	p, c := r.dynamic(b, r.typ, prior), r.dynamic(b, r.typ, r.config(company))
	resp, err := r.srv.ApplyResourceChange(context.Background(), &tfprotov6.ApplyResourceChangeRequest{
		TypeName: benchResource, PriorState: &p, PlannedState: planned.PlannedState, Config: &c, PlannedPrivate: planned.PlannedPrivate,
	})
	if err != nil || hasError(resp.Diagnostics) {
		b.Fatalf("apply: %v %v", err, resp.Diagnostics)
	}
	v, err := resp.NewState.Unmarshal(r.typ)
	if err != nil {
		b.Fatal(err)
	}
	r.identity = resp.NewIdentity
	return v, resp.Private
}

func (r *rpcBench) dynamic(b testing.TB, t tftypes.Type, v tftypes.Value) tfprotov6.DynamicValue {
	b.Helper()
	d, err := tfprotov6.NewDynamicValue(t, v)
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// objectValue is an object of type t with the given attributes and every other one null.
func objectValue(t tftypes.Object, set map[string]tftypes.Value) tftypes.Value {
	attrs := map[string]tftypes.Value{}
	for name, at := range t.AttributeTypes {
		if v, ok := set[name]; ok {
			attrs[name] = v
		} else {
			attrs[name] = tftypes.NewValue(at, nil)
		}
	}
	return tftypes.NewValue(t, attrs)
}

func hasError(diags []*tfprotov6.Diagnostic) bool {
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return true
		}
	}
	return false
}
