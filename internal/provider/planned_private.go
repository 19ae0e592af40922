// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/serve"
)

// plannedPrivateServer hands ApplyResourceChange's planned private state to the resource's Create
// through the context (framework.PlannedPrivate). terraform-plugin-framework v1.19.0 gives Update
// the private state its plan left, but Create an empty one (internal/fwserver, CreateResource), so
// a plan that read something a create needs could not pass it on. It can go when the framework
// gives CreateRequest the planned private state.
type plannedPrivateServer struct {
	serve.ProtocolServer
}

// ApplyResourceChange passes the call on with the planned private state in the context.
func (s plannedPrivateServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return s.ProtocolServer.ApplyResourceChange(framework.WithPlannedPrivate(ctx, req.PlannedPrivate), req)
}
