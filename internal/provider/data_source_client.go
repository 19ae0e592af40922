// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
)

// dataSourceClient is what every data source keeps of the provider's configuration: the client.
type dataSourceClient struct {
	client *partnercenter.Client
}

// Configure takes the client the provider's Configure hands over.
func (d *dataSourceClient) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientOf(configuredData(req.ProviderData, &resp.Diagnostics))
}

// readModel runs a data source's Read with a model of type M: it reads the configuration into the
// model, calls read within one operation (its timeout and its correlation id), and saves the model
// read filled in as the state.
func readModel[M any](ctx context.Context, c *partnercenter.Client, req datasource.ReadRequest, resp *datasource.ReadResponse,
	read func(ctx context.Context, m *M, diags *diag.Diagnostics)) {
	var m M
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := operationContext(ctx, c, noTimeout, defaultReadTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	if read(ctx, &m, &resp.Diagnostics); !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	}
}
