// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/graphglue"
)

var _ datasource.DataSourceWithConfigure = (*delegatedAdminCustomerDataSource)(nil)

// NewDelegatedAdminCustomerDataSource returns the partnercenter_delegated_admin_customer data source.
func NewDelegatedAdminCustomerDataSource() datasource.DataSource {
	return &delegatedAdminCustomerDataSource{}
}

type delegatedAdminCustomerDataSource struct {
	graphglue.DataSourceClient
}

type delegatedAdminCustomerDetailModel struct {
	delegatedAdminCustomerModel
	ServiceManagementDetails []serviceManagementDetailModel `tfsdk:"service_management_details"`
}

type serviceManagementDetailModel struct {
	ID          types.String `tfsdk:"id"`
	ServiceName types.String `tfsdk:"service_name"`
	URL         types.String `tfsdk:"url"`
}

func (d *delegatedAdminCustomerDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + typeNameDelegatedAdminCustomer
}

func (d *delegatedAdminCustomerDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(description string) schema.Attribute {
		return schema.StringAttribute{MarkdownDescription: description, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one customer the partner has a GDAP relationship with from Microsoft Graph " +
			"(`delegatedAdminCustomers`), with the admin portals in which the partner manages the customer's services " +
			"(`serviceManagementDetails`). A customer with no GDAP relationship at all is an error: Graph does not know it.",
		Attributes: map[string]schema.Attribute{
			"tenant_id": schema.StringAttribute{
				MarkdownDescription: "The customer's tenant id (a GUID, any case).",
				Required:            true, Validators: []validator.String{framework.GUIDValidator},
			},
			"display_name": computed("The customer's name in Microsoft Graph; null when Graph gives none."),
			"service_management_details": schema.ListNestedAttribute{
				MarkdownDescription: "The admin portals of the customer's services, sorted by `service_name`.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":           computed("Graph's id of the service, such as `Office365`."),
					"service_name": computed("The service's admin portal, such as `Microsoft 365 admin center`."),
					"url":          computed("The portal's URL for this customer."),
				}},
			},
		},
	}
}

func (d *delegatedAdminCustomerDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadModel(ctx, d.Client, req, resp, func(ctx context.Context, m *delegatedAdminCustomerDetailModel, diags *diag.Diagnostics) {
		tenant := framework.CanonicalID(m.TenantID.ValueString())
		subject := framework.Subject{Action: "read", Object: "GDAP customer " + tenant, Noun: "GDAP customer", CustomerID: tenant}
		c, err := d.Client.GetDelegatedAdminCustomer(ctx, tenant)
		if err != nil {
			graphglue.AddError(diags, subject, err)
			return
		}
		details, err := d.Client.ServiceManagementDetails(ctx, tenant)
		if err != nil {
			subject.Object = "the service management details of GDAP customer " + tenant
			graphglue.AddError(diags, subject, err)
			return
		}
		// tenant_id stays as configured; the customer's display name comes from Graph.
		m.DisplayName = framework.StringOrNull(c.DisplayName)
		m.ServiceManagementDetails = make([]serviceManagementDetailModel, 0, len(details))
		for _, s := range details {
			m.ServiceManagementDetails = append(m.ServiceManagementDetails, serviceManagementDetailModel{
				ID: types.StringValue(s.ID), ServiceName: types.StringValue(s.ServiceName), URL: types.StringValue(s.ServiceManagementURL)})
		}
	})
}
