// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"

	"github.com/google/uuid"
)

type correlationKey struct{}

// WithCorrelationID returns a context whose Partner Center calls all carry id as
// MS-CorrelationId, so that one Terraform operation's calls can be traced together.
func WithCorrelationID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, correlationKey{}, id)
}

// CorrelationID returns the correlation id set by WithCorrelationID, or "".
func CorrelationID(ctx context.Context) string {
	id, _ := ctx.Value(correlationKey{}).(string)
	return id
}

// NewID returns a new random GUID for MS-RequestId or MS-CorrelationId.
func NewID() string { return uuid.NewString() }

// StartOperation gives the calls made with ctx a new correlation id: they are one operation (one
// Terraform read, plan or apply of a resource), traced together by MS-CorrelationId.
func (c *Client) StartOperation(ctx context.Context) context.Context {
	return WithCorrelationID(ctx, NewID())
}
