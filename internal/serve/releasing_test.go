// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package serve

import (
	"context"
	"errors"
	"reflect"
	"runtime"
	"testing"
	"weak"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

const resourceType = "partnercenter_customer_billing_profile"

// rpcCalls are the RPCs releasingServer wraps, called with requests the framework answers without
// calling Partner Center (diagnostics are expected and ignored).
var rpcCalls = map[string]func(context.Context, tfprotov6.ProviderServer){
	"ValidateResourceConfig": func(ctx context.Context, s tfprotov6.ProviderServer) {
		_, _ = s.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: resourceType})
	},
	"UpgradeResourceState": func(ctx context.Context, s tfprotov6.ProviderServer) {
		_, _ = s.UpgradeResourceState(ctx, &tfprotov6.UpgradeResourceStateRequest{TypeName: resourceType,
			RawState: &tfprotov6.RawState{JSON: []byte(`{"id":"x","customer_id":"x"}`)}})
	},
	"UpgradeResourceIdentity": func(ctx context.Context, s tfprotov6.ProviderServer) {
		_, _ = s.UpgradeResourceIdentity(ctx, &tfprotov6.UpgradeResourceIdentityRequest{TypeName: resourceType})
	},
	"ReadResource": func(ctx context.Context, s tfprotov6.ProviderServer) {
		_, _ = s.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: resourceType})
	},
	"PlanResourceChange": func(ctx context.Context, s tfprotov6.ProviderServer) {
		_, _ = s.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: resourceType})
	},
	"ApplyResourceChange": func(ctx context.Context, s tfprotov6.ProviderServer) {
		_, _ = s.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{TypeName: resourceType})
	},
	"ImportResourceState": func(ctx context.Context, s tfprotov6.ProviderServer) {
		_, _ = s.ImportResourceState(ctx, &tfprotov6.ImportResourceStateRequest{TypeName: resourceType, ID: "not-a-guid"})
	},
	"MoveResourceState": func(ctx context.Context, s tfprotov6.ProviderServer) {
		_, _ = s.MoveResourceState(ctx, &tfprotov6.MoveResourceStateRequest{TargetTypeName: resourceType})
	},
	"ValidateDataResourceConfig": func(ctx context.Context, s tfprotov6.ProviderServer) {
		_, _ = s.ValidateDataResourceConfig(ctx, &tfprotov6.ValidateDataResourceConfigRequest{TypeName: resourceType})
	},
	"ReadDataSource": func(ctx context.Context, s tfprotov6.ProviderServer) {
		_, _ = s.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: resourceType})
	},
}

type payloadKey struct{}

// keepsContext reports whether srv still holds the context of an RPC after it returned: the
// context carries a payload, and a weak pointer tells whether anything still reaches it once the
// call has returned (payload is not used after the call, so the test itself does not hold it).
func keepsContext(srv tfprotov6.ProviderServer, call func(context.Context, tfprotov6.ProviderServer)) bool {
	payload := new([4096]byte)
	gone := weak.Make(payload)
	call(context.WithValue(context.Background(), payloadKey{}, payload), srv)
	runtime.GC()
	kept := gone.Value() != nil
	runtime.KeepAlive(srv)
	return kept
}

func TestReleasedContextIsCanceledAndEmpty(t *testing.T) {
	parent, cancel := context.WithCancel(context.WithValue(context.Background(), payloadKey{}, "v"))
	defer cancel()
	rc := newReleasableContext(parent)
	child, stop := context.WithCancel(rc)
	defer stop()
	if rc.Value(payloadKey{}) != "v" || rc.Err() != nil {
		t.Fatal("before release the context must forward to its parent")
	}
	rc.release()
	if rc.Value(payloadKey{}) != nil || !errors.Is(rc.Err(), context.Canceled) {
		t.Fatalf("after release: value %v, err %v; want none and context.Canceled", rc.Value(payloadKey{}), rc.Err())
	}
	cancel()
	<-child.Done() // a context derived before release still ends with the RPC's own
}

// perRunRPCs are the RPCs that come a few times per terraform command, not once per resource
// instance, or that this provider does not serve at all: what the framework keeps of their
// contexts does not add up, and releasingServer passes them on as they are.
var perRunRPCs = map[string]string{
	"GetMetadata":                     "once per provider process",
	"GetProviderSchema":               "once per provider process",
	"GetResourceIdentitySchemas":      "once per provider process",
	"ValidateProviderConfig":          "once per provider configuration",
	"ConfigureProvider":               "once per provider configuration",
	"StopProvider":                    "once, when Terraform is interrupted",
	"GetFunctions":                    "once per process; the provider has no functions",
	"CallFunction":                    "the provider has no functions",
	"GenerateResourceConfig":          "only -generate-config-out, once per generated block of a one-off command",
	"ListResource":                    "once per list block of terraform query, whatever the number of results",
	"ValidateListResourceConfig":      "once per list block",
	"ValidateEphemeralResourceConfig": "the provider has no ephemeral resources",
	"OpenEphemeralResource":           "the provider has no ephemeral resources",
	"RenewEphemeralResource":          "the provider has no ephemeral resources",
	"CloseEphemeralResource":          "the provider has no ephemeral resources",
	"ValidateActionConfig":            "the provider has no actions",
	"PlanAction":                      "the provider has no actions",
	"InvokeAction":                    "the provider has no actions",
	"ValidateStateStoreConfig":        "the provider has no state stores",
	"ConfigureStateStore":             "the provider has no state stores",
	"GetStates":                       "the provider has no state stores",
	"DeleteState":                     "the provider has no state stores",
	"LockState":                       "the provider has no state stores",
	"UnlockState":                     "the provider has no state stores",
	"ReadStateBytes":                  "the provider has no state stores",
	"WriteStateBytes":                 "the provider has no state stores",
}

// Every RPC the protocol has is either released (rpcCalls, checked by TestServerReleasesRPCContexts)
// or known to come per run: an RPC a new terraform-plugin-go adds fails this test until someone
// decides which it is, and a resource RPC that does not go through releasingServer is caught.
func TestEveryRPCIsReleasedOrComesPerRun(t *testing.T) {
	rpcs := reflect.TypeOf((*ProtocolServer)(nil)).Elem()
	seen := map[string]bool{}
	for i := range rpcs.NumMethod() {
		name := rpcs.Method(i).Name
		seen[name] = true
		_, released := rpcCalls[name]
		_, perRun := perRunRPCs[name]
		switch {
		case !released && !perRun:
			t.Errorf("%s is new: wrap it in releasingServer and add it to rpcCalls if Terraform sends it once per resource "+
				"instance, else add it to perRunRPCs with why", name)
		case released && perRun:
			t.Errorf("%s is both released and per run", name)
		}
	}
	for name := range perRunRPCs {
		if !seen[name] {
			t.Errorf("perRunRPCs names %s, which the protocol no longer has", name)
		}
	}
}
