// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"context"
	"encoding/json"
)

// plannedPrivateKey is the context key of ApplyResourceChange's planned private state.
type plannedPrivateKey struct{}

// WithPlannedPrivate hands raw, ApplyResourceChange's planned private state, to the resource's
// Create through ctx. terraform-plugin-framework v1.19.0 gives Update the private state its plan
// left, but Create an empty one (internal/fwserver, CreateResource); the provider's server calls
// this until the framework gives CreateRequest the planned private state.
func WithPlannedPrivate(ctx context.Context, raw []byte) context.Context {
	if len(raw) == 0 {
		return ctx
	}
	return context.WithValue(ctx, plannedPrivateKey{}, raw)
}

// PlannedPrivate is the value of key in the private state the plan of the change being applied
// left (ModifyPlan's resp.Private.SetKey), nil when it set none.
func PlannedPrivate(ctx context.Context, key string) []byte {
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
