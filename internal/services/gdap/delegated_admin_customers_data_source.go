// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/graphglue"
)

var _ datasource.DataSourceWithConfigure = (*delegatedAdminCustomersDataSource)(nil)

// NewDelegatedAdminCustomersDataSource returns the partnercenter_delegated_admin_customers data source.
func NewDelegatedAdminCustomersDataSource() datasource.DataSource {
	return &delegatedAdminCustomersDataSource{}
}

type delegatedAdminCustomersDataSource struct {
	graphglue.DataSourceClient
}

type delegatedAdminCustomersModel struct {
	Customers []delegatedAdminCustomerModel `tfsdk:"customers"`
	TenantIDs types.Set                     `tfsdk:"tenant_ids"`
}

// delegatedAdminCustomerModel is one entry of the list.
type delegatedAdminCustomerModel struct {
	TenantID    types.String `tfsdk:"tenant_id"`
	DisplayName types.String `tfsdk:"display_name"`
}

func (d *delegatedAdminCustomersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + typeNameDelegatedAdminCustomers
}

func (d *delegatedAdminCustomersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists every customer the partner has at least one GDAP relationship with, in any status, " +
			"from Microsoft Graph (`delegatedAdminCustomers`), every page of them. A customer stays listed while any " +
			"relationship with it exists, so being listed is not having access: `partnercenter_onboarding_coverage` " +
			"tells which customers have an active relationship.",
		Attributes: map[string]schema.Attribute{
			"customers": schema.ListNestedAttribute{
				MarkdownDescription: "The customers, sorted by `display_name`, then by `tenant_id`.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"tenant_id":    schema.StringAttribute{MarkdownDescription: "The customer's tenant id (lowercase GUID).", Computed: true},
					"display_name": schema.StringAttribute{MarkdownDescription: "The customer's name in Microsoft Graph; null when Graph gives none.", Computed: true},
				}},
			},
			"tenant_ids": schema.SetAttribute{
				MarkdownDescription: "The customers' tenant ids, for `for_each`.",
				Computed:            true, ElementType: types.StringType,
			},
		},
	}
}

func (d *delegatedAdminCustomersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadModel(ctx, d.Client, req, resp, func(ctx context.Context, m *delegatedAdminCustomersModel, diags *diag.Diagnostics) {
		list, err := d.Client.ListDelegatedAdminCustomers(ctx)
		if err != nil {
			graphglue.AddError(diags, framework.Subject{Action: "list", Object: "the GDAP customers"}, err)
			return
		}
		m.Customers = make([]delegatedAdminCustomerModel, 0, len(list))
		ids := make([]string, 0, len(list))
		for _, c := range list {
			m.Customers = append(m.Customers, delegatedAdminCustomerModel{TenantID: types.StringValue(c.TenantID),
				DisplayName: framework.StringOrNull(c.DisplayName)})
			ids = append(ids, c.TenantID)
		}
		m.TenantIDs = framework.StringSet(ids)
	})
}
