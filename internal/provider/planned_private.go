// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// plannedPrivateServer hands ApplyResourceChange's planned private state to the resource's Create
// through the context (plannedPrivate). terraform-plugin-framework v1.19.0 gives Update the
// private state its plan left, but Create an empty one (internal/fwserver, CreateResource), so a
// plan that read something a create needs could not pass it on. It can go when the framework gives
// CreateRequest the planned private state.
type plannedPrivateServer struct {
	tfprotov6.ProviderServer
}

// plannedPrivateKey is the context key of ApplyResourceChange's planned private state.
type plannedPrivateKey struct{}

// ApplyResourceChange passes the call on with the planned private state in the context.
func (s plannedPrivateServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	if len(req.PlannedPrivate) > 0 {
		ctx = context.WithValue(ctx, plannedPrivateKey{}, req.PlannedPrivate)
	}
	return s.ProviderServer.ApplyResourceChange(ctx, req)
}

// plannedPrivate is the value of key in the private state the plan of the change being applied
// left (ModifyPlan's resp.Private.SetKey), nil when it set none.
func plannedPrivate(ctx context.Context, key string) []byte {
	raw, _ := ctx.Value(plannedPrivateKey{}).([]byte)
	if len(raw) == 0 {
		return nil
	}
	// The framework keeps private state as one JSON object whose values are the keys' JSON values
	// in base64 (internal/privatestate, Data.Bytes: a map of []byte through encoding/json).
	var keys map[string][]byte
	if json.Unmarshal(raw, &keys) != nil {
		return nil
	}
	return keys[key]
}
