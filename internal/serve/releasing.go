// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package serve

import (
	"context"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// Wrap returns newServer's servers (the framework's, provider.NewServer) with the workarounds of
// this package: each per-resource RPC hands the framework a context that lets go of the RPC's own
// context when the RPC returns (see the package comment).
func Wrap(newServer func() ProtocolServer) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer {
		return releasingServer{newServer()}
	}
}

// releasingServer wraps the RPCs Terraform sends once per resource instance; the others come a
// few times per run, so what the framework keeps of them does not add up.
type releasingServer struct {
	ProtocolServer
}

// ValidateResourceConfig passes the call on with a releasing context.
func (s releasingServer) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return releasing(ctx, req, s.ProtocolServer.ValidateResourceConfig)
}

// UpgradeResourceState passes the call on with a releasing context.
func (s releasingServer) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return releasing(ctx, req, s.ProtocolServer.UpgradeResourceState)
}

// UpgradeResourceIdentity passes the call on with a releasing context.
func (s releasingServer) UpgradeResourceIdentity(ctx context.Context, req *tfprotov6.UpgradeResourceIdentityRequest) (*tfprotov6.UpgradeResourceIdentityResponse, error) {
	return releasing(ctx, req, s.ProtocolServer.UpgradeResourceIdentity)
}

// ReadResource passes the call on with a releasing context.
func (s releasingServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return releasing(ctx, req, s.ProtocolServer.ReadResource)
}

// PlanResourceChange passes the call on with a releasing context.
func (s releasingServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return releasing(ctx, req, s.ProtocolServer.PlanResourceChange)
}

// ApplyResourceChange passes the call on with a releasing context.
func (s releasingServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return releasing(ctx, req, s.ProtocolServer.ApplyResourceChange)
}

// ImportResourceState passes the call on with a releasing context.
func (s releasingServer) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return releasing(ctx, req, s.ProtocolServer.ImportResourceState)
}

// MoveResourceState passes the call on with a releasing context.
func (s releasingServer) MoveResourceState(ctx context.Context, req *tfprotov6.MoveResourceStateRequest) (*tfprotov6.MoveResourceStateResponse, error) {
	return releasing(ctx, req, s.ProtocolServer.MoveResourceState)
}

// ValidateDataResourceConfig passes the call on with a releasing context.
func (s releasingServer) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return releasing(ctx, req, s.ProtocolServer.ValidateDataResourceConfig)
}

// ReadDataSource passes the call on with a releasing context.
func (s releasingServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return releasing(ctx, req, s.ProtocolServer.ReadDataSource)
}

// releasing calls rpc with a context that stands for ctx until rpc returns.
func releasing[Req, Resp any](ctx context.Context, req Req, rpc func(context.Context, Req) (Resp, error)) (Resp, error) {
	rc := newReleasableContext(ctx)
	defer rc.release()
	return rpc(rc, req) //nolint:contextcheck // rc is ctx until the RPC returns
}
