// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/pcglue"
)

var _ datasource.DataSourceWithConfigure = (*billingProfileDataSource)(nil)

// NewCustomerBillingProfileDataSource returns the partnercenter_customer_billing_profile data source.
func NewCustomerBillingProfileDataSource() datasource.DataSource { return &billingProfileDataSource{} }

type billingProfileDataSource struct {
	pcglue.DataSourceClient
}

func (d *billingProfileDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + typeNameCustomerBillingProfile
}

func (d *billingProfileDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = billingProfileDataSourceSchema()
}

func (d *billingProfileDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var configured types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("customer_id"), &configured)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := framework.OperationContext(ctx, d.Client, framework.NoTimeout, framework.DefaultDataSourceTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	customerID := framework.CanonicalID(configured.ValueString())
	p, err := d.Client.GetCustomerBillingProfile(ctx, customerID)
	if err != nil {
		pcglue.AddError(&resp.Diagnostics, framework.ReadSubject("the billing profile of customer "+customerID, customerID), err)
		return
	}
	var state billingProfileModel
	state.fromProfile(configured.ValueString(), p, billingProfileModel{})
	v, diags := state.valueWith(ctx, resp.State.Raw.Type(), map[string]tftypes.Value{})
	if resp.Diagnostics.Append(diags...); resp.Diagnostics.HasError() {
		return
	}
	resp.State.Raw = v
}
