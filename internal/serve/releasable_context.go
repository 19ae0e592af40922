// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package serve

import (
	"context"
	"sync/atomic"
	"time"
)

// releasableContext is a context.Context that forwards to the context it was made from until it is
// released, and from then on behaves as a canceled context that holds nothing. Whoever keeps it
// after its RPC keeps a few bytes instead of the RPC's whole context chain.
type releasableContext struct {
	current atomic.Pointer[heldContext]
}

// heldContext boxes a context.Context so that it can be swapped atomically.
type heldContext struct{ context.Context }

// released stands for every released context: canceled, with no values and no deadline.
var released = func() *heldContext {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return &heldContext{ctx}
}()

func newReleasableContext(ctx context.Context) *releasableContext {
	rc := &releasableContext{}
	rc.current.Store(&heldContext{ctx})
	return rc
}

// release drops the reference to the wrapped context. Calls after release see a canceled context;
// by then the RPC has returned and gRPC cancels its context anyway.
func (rc *releasableContext) release() { rc.current.Store(released) }

// Deadline implements context.Context.
func (rc *releasableContext) Deadline() (time.Time, bool) { return rc.current.Load().Deadline() }

// Done implements context.Context.
func (rc *releasableContext) Done() <-chan struct{} { return rc.current.Load().Done() }

// Err implements context.Context.
func (rc *releasableContext) Err() error { return rc.current.Load().Err() }

// Value implements context.Context. Forwarding every key, the context package's own among them,
// lets context.WithCancel find the RPC's cancelable context behind this one and register with it
// directly, without a goroutine per derived context.
func (rc *releasableContext) Value(key any) any { return rc.current.Load().Value(key) }
