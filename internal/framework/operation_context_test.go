// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

type operationKey struct{}

// starter marks an operation's context, as the Partner Center client does with its correlation id.
type starter struct{}

func (*starter) StartOperation(ctx context.Context) context.Context {
	return context.WithValue(ctx, operationKey{}, "started")
}

type plainClient struct{}

func TestAnOperationIsBoundedAndMarkedByAClientThatStartsOperations(t *testing.T) {
	t.Parallel()
	var diags diag.Diagnostics
	ctx, cancel, ok := OperationContext(context.Background(), &starter{}, NoTimeout, time.Minute, &diags)
	defer cancel()
	deadline, bounded := ctx.Deadline()
	if !ok || diags.HasError() || ctx.Value(operationKey{}) != "started" || !bounded || time.Until(deadline) > time.Minute {
		t.Errorf("ok %v, %v, marked %v, deadline %v; want a marked operation within a minute", ok, diags, ctx.Value(operationKey{}), deadline)
	}
	ctx, cancel, ok = OperationContext(context.Background(), &plainClient{}, NoTimeout, time.Minute, &diags)
	defer cancel()
	if !ok || ctx.Value(operationKey{}) != nil {
		t.Errorf("a client that does not start operations: ok %v, marked %v", ok, ctx.Value(operationKey{}))
	}
	var none *plainClient
	if _, cancel, ok := OperationContext(context.Background(), none, NoTimeout, time.Minute, &diags); ok || !diags.HasError() {
		cancel()
		t.Error("an operation before Configure was started")
	}
}
