// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// DefaultDataSourceTimeout bounds the read of a data source without a timeouts block.
const DefaultDataSourceTimeout = 5 * time.Minute

// DataSourceClient is what a data source keeps of the provider's configuration: the client of
// its API (C, such as partnercenter.Client). Embedded, it is the data source's Configure.
type DataSourceClient[C any] struct {
	Client *C
}

// Configure takes the client the provider's Configure hands over.
func (d *DataSourceClient[C]) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.Client = API[C](Configured(req.ProviderData, &resp.Diagnostics))
}

// ReadModel runs a data source's Read with a model of type M and client c: it reads the
// configuration into the model, calls read within one operation (DefaultDataSourceTimeout, see
// OperationContext), and saves the model read filled in as the state.
func ReadModel[M, C any](ctx context.Context, c *C, req datasource.ReadRequest, resp *datasource.ReadResponse,
	read func(ctx context.Context, m *M, diags *diag.Diagnostics)) {
	var m M
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := OperationContext(ctx, c, NoTimeout, DefaultDataSourceTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	if read(ctx, &m, &resp.Diagnostics); !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	}
}
