// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The RPC benchmarks measure the provider's own work per resource instance, the RPCs Terraform
// sends for each one, against an in-process emulator without latency: what a large plan or apply
// costs the provider beyond waiting for Partner Center.
//
//	go test -run '^$' -bench RPC -benchmem ./internal/provider

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

// BenchmarkRPCProviderStart is what a provider process does before its first resource: the
// schemas Terraform asks for and the provider's configuration.
func BenchmarkRPCProviderStart(b *testing.B) {
	for range b.N {
		newRPCBench(b)
	}
}

// BenchmarkRPCValidateResourceConfig is the check of one instance's configuration, which
// Terraform asks for in every command that reads the configuration.
func BenchmarkRPCValidateResourceConfig(b *testing.B) {
	r := newRPCBench(b).adopt(b, nil)
	config := r.dynamic(b, r.typ, r.config("Contoso Bench"))
	req := &tfprotov6.ValidateResourceConfigRequest{TypeName: benchResource, Config: &config}
	b.ResetTimer()
	for range b.N {
		resp, err := r.srv.ValidateResourceConfig(context.Background(), req)
		if err != nil || hasError(resp.Diagnostics) {
			b.Fatalf("validate: %v %v", err, resp.Diagnostics)
		}
	}
}
