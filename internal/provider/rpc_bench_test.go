package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/google/uuid"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/serve"
)

// The RPC benchmarks measure the provider's own work per resource instance, the RPCs Terraform
// sends for each one, against an in-process emulator without latency: what a large plan or apply
// costs the provider beyond waiting for Partner Center.
//
//	go test -run '^$' -bench RPC -benchmem ./internal/provider

const benchResource = "partnercenter_customer_billing_profile"

type rpcBench struct {
	// srv is the server as main.go serves it; framework, the framework's server inside it (both
	// configured).
	srv, framework tfprotov6.ProviderServer
	typ            tftypes.Object
	id             string
	state          tftypes.Value
	private        []byte
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
	r := &rpcBench{srv: serve.Wrap(func() tfprotov6.ProviderServer { return inner })(), framework: inner.ProviderServer, id: id}
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

// BenchmarkRPCReadResource is one refresh: a GET and the state and private state it saves.
func BenchmarkRPCReadResource(b *testing.B) {
	r := newRPCBench(b).adopt(b, nil)
	state := r.dynamic(b, r.typ, r.state)
	req := &tfprotov6.ReadResourceRequest{TypeName: benchResource, CurrentState: &state, Private: r.private}
	b.ResetTimer()
	for range b.N {
		resp, err := r.srv.ReadResource(context.Background(), req)
		if err != nil || hasError(resp.Diagnostics) {
			b.Fatalf("read: %v %v", err, resp.Diagnostics)
		}
	}
}

// BenchmarkRPCPlanNoChange is the plan of a resource whose configuration Partner Center holds.
func BenchmarkRPCPlanNoChange(b *testing.B) {
	r := newRPCBench(b).adopt(b, nil)
	b.ResetTimer()
	for range b.N {
		r.plan(b, r.state, r.private, "Contoso Bench")
	}
}

// BenchmarkRPCPlanAndApplyChange is an update: its plan, and the apply that PUTs it.
func BenchmarkRPCPlanAndApplyChange(b *testing.B) {
	r := newRPCBench(b).adopt(b, nil)
	state, private := r.state, r.private
	b.ResetTimer()
	for i := range b.N {
		state, private = r.planAndApply(b, state, private, fmt.Sprintf("Contoso Bench %d", i))
	}
}

// BenchmarkRPCUpgradeResourceState is what Terraform asks of every instance it reads from state.
func BenchmarkRPCUpgradeResourceState(b *testing.B) {
	r := newRPCBench(b).adopt(b, nil)
	raw, err := json.Marshal(stateJSON(r.state))
	if err != nil {
		b.Fatal(err)
	}
	req := &tfprotov6.UpgradeResourceStateRequest{TypeName: benchResource, Version: 0, RawState: &tfprotov6.RawState{JSON: raw}}
	b.ResetTimer()
	for range b.N {
		resp, err := r.srv.UpgradeResourceState(context.Background(), req)
		if err != nil || hasError(resp.Diagnostics) {
			b.Fatalf("upgrade: %v %v", err, resp.Diagnostics)
		}
	}
}

// stateJSON renders a state value as Terraform keeps it in a state file.
func stateJSON(v tftypes.Value) any {
	switch {
	case v.IsNull():
		return nil
	case v.Type().Is(tftypes.String):
		var s string
		_ = v.As(&s)
		return s
	default:
		var attrs map[string]tftypes.Value
		_ = v.As(&attrs)
		out := map[string]any{}
		for k, a := range attrs {
			out[k] = stateJSON(a)
		}
		return out
	}
}

// BenchmarkRPCPrivateStateBytes reports what one instance's private state weighs, as Terraform
// stores it (base64 in the state file).
func BenchmarkRPCPrivateStateBytes(b *testing.B) {
	r := newRPCBench(b).adopt(b, nil)
	for range b.N {
	}
	b.ReportMetric(float64(len(r.private)), "private-bytes")
	raw, _ := json.Marshal(stateJSON(r.state))
	b.ReportMetric(float64(len(raw)), "attribute-bytes")
}
