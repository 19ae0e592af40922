// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package serve

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"weak"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/provider"
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

func TestServerReleasesRPCContexts(t *testing.T) {
	for name, call := range rpcCalls {
		t.Run(name, func(t *testing.T) {
			if keepsContext(Wrap(provider.NewServer("test"))(), call) {
				t.Errorf("the provider server still holds the context of a %s call that returned; at 1,000 resources such "+
					"contexts add up to tens of megabytes", name)
			}
		})
	}
}

// TestFrameworkKeepsRPCContexts shows why releasingServer exists. When it fails, a framework
// release no longer keeps RPC contexts, and releasingServer can go.
func TestFrameworkKeepsRPCContexts(t *testing.T) {
	framework := provider.NewServer("test")()
	if !keepsContext(framework, rpcCalls["ReadResource"]) {
		t.Fatal("terraform-plugin-framework no longer keeps the context of every RPC: remove releasingServer (server.go)")
	}
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
