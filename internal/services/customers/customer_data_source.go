// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package customers

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/pcglue"
)

var _ datasource.DataSourceWithConfigure = (*customerDataSource)(nil)

// NewCustomerDataSource returns the partnercenter_customer data source.
func NewCustomerDataSource() datasource.DataSource { return &customerDataSource{} }

type customerDataSource struct {
	pcglue.DataSourceClient
}

type customerDataSourceModel struct {
	CustomerID types.String `tfsdk:"customer_id"`
	customerModel
}

func (d *customerDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + typeNameCustomer
}

func (d *customerDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := customerAttributes()
	attrs["customer_id"] = schema.StringAttribute{
		MarkdownDescription: pcglue.CustomerIDDescription,
		Required:            true,
		Validators:          []validator.String{framework.GUIDValidator},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one of the partner's customers from Partner Center: its company name, domain and the " +
			"partner's relationship to it. To find customers by name or domain, use `partnercenter_customers`.",
		Attributes: attrs,
	}
}

func (d *customerDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadModel(ctx, d.Client, req, resp, func(ctx context.Context, m *customerDataSourceModel, diags *diag.Diagnostics) {
		customerID := m.CustomerID.ValueString()
		c, err := d.Client.GetCustomer(ctx, customerID)
		if err != nil {
			pcglue.AddError(diags, framework.ReadSubject("customer "+customerID, customerID), err)
			return
		}
		m.customerModel = customerFromAPI(*c)
	})
}
