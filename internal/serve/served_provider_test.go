// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package serve_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/provider"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/serve"
)

// These tests serve the provider itself, which imports serve: they are in serve_test, and reach
// the test tables through export_test.go.

func TestServerReleasesRPCContexts(t *testing.T) {
	for name, call := range serve.RPCCalls {
		t.Run(name, func(t *testing.T) {
			if serve.KeepsContext(serve.Wrap(provider.NewServer("test"))(), call) {
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
	if !serve.KeepsContext(framework, serve.RPCCalls["ReadResource"]) {
		t.Fatal("terraform-plugin-framework no longer keeps the context of every RPC: remove releasingServer (server.go)")
	}
}

// The served server offers every RPC the framework's server does: a wrapper that embedded
// ProviderServer alone would hide list resources (terraform query), actions and state stores.
func TestTheServedServerOffersEveryRPCOfTheFramework(t *testing.T) {
	fw := providerserver.NewProtocol6(provider.New("test")())()
	served := serve.Wrap(provider.NewServer("test"))()
	offers := map[string]func(any) bool{
		// The interfaces the protocol still keeps apart, deprecated until they join ProviderServer, are what
		// this test is about.
		"list resources": func(s any) bool { _, ok := s.(tfprotov6.ProviderServerWithListResource); return ok }, //nolint:staticcheck // see above
		"actions":        func(s any) bool { _, ok := s.(tfprotov6.ProviderServerWithActions); return ok },      //nolint:staticcheck // see above
		"state stores":   func(s any) bool { _, ok := s.(tfprotov6.ProviderServerWithStateStores); return ok },  //nolint:staticcheck // see above
	}
	for name, has := range offers {
		if has(fw) && !has(served) {
			t.Errorf("the framework's server serves %s, the provider's served server does not", name)
		}
	}
	if _, ok := fw.(serve.ProtocolServer); !ok {
		t.Error("the framework's server no longer serves every RPC of ProtocolServer; NewServer would serve a nil one")
	}
}
