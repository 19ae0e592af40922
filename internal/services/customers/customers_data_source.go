// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package customers

import (
	"context"
	"errors"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/credential"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/pcglue"
)

var _ datasource.DataSourceWithConfigure = (*customersDataSource)(nil)

// NewCustomersDataSource returns the partnercenter_customers data source.
func NewCustomersDataSource() datasource.DataSource { return &customersDataSource{} }

type customersDataSource struct {
	pcglue.DataSourceClient
}

type customersDataSourceModel struct {
	CompanyNamePrefix types.String    `tfsdk:"company_name_prefix"`
	DomainPrefix      types.String    `tfsdk:"domain_prefix"`
	Customers         []customerModel `tfsdk:"customers"`
	IDs               types.Set       `tfsdk:"ids"`
}

const customersDataSourceDescription = "Lists the partner's customers in Partner Center, every page of them, " +
	"optionally only those whose company name or domain begins with a prefix. `ids` is ready for `for_each`: " +
	"with `import` blocks (Terraform 1.7 and later, OpenTofu) it brings every customer's billing profile " +
	"under management in one plan, as the onboarding guide shows.\n\n" +
	"Partner Center serves its customers in pages of up to 500; this data source follows them all, and a " +
	"customer that shows on two pages is listed once."

func (d *customersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + typeNameCustomers
}

func (d *customersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: customersDataSourceDescription,
		Attributes: map[string]schema.Attribute{
			"company_name_prefix": schema.StringAttribute{
				MarkdownDescription: pcglue.CompanyNamePrefixDescription,
				Optional:            true,
			},
			"domain_prefix": schema.StringAttribute{
				MarkdownDescription: pcglue.DomainPrefixDescription,
				Optional:            true,
			},
			"customers": schema.ListNestedAttribute{
				MarkdownDescription: "The customers, in the order Partner Center lists them.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: customerAttributes()},
			},
			"ids": schema.SetAttribute{
				MarkdownDescription: "The tenant ids of `customers`, for `for_each`.",
				Computed:            true,
				ElementType:         types.StringType,
			},
		},
	}
}

func (d *customersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadModel(ctx, d.Client, req, resp, func(ctx context.Context, m *customersDataSourceModel, diags *diag.Diagnostics) {
		filter := partnercenter.CustomerFilter{CompanyNamePrefix: m.CompanyNamePrefix.ValueString(), DomainPrefix: m.DomainPrefix.ValueString()}
		list, err := d.Client.ListCustomers(ctx, filter)
		if err != nil {
			addListError(diags, filter, err)
			return
		}
		tflog.Debug(ctx, "Listed customers", map[string]any{"customers": len(list)})
		m.Customers = make([]customerModel, len(list))
		ids := make([]string, len(list))
		for i, c := range list {
			m.Customers[i] = customerFromAPI(c)
			ids[i] = c.ID
		}
		set, idDiags := types.SetValueFrom(ctx, types.StringType, ids)
		m.IDs = set
		diags.Append(idDiags...)
	})
}

// addListError reports a listing that failed. Paging, a refused filter and a refused listing are
// the listing's own problems; the failures every call shares (timeouts, credentials, throttling)
// are reported as for any other call.
func addListError(diags *diag.Diagnostics, f partnercenter.CustomerFilter, err error) {
	var paging *partnercenter.PagingError
	var apiErr *partnercenter.APIError
	var tokenErr *credential.TokenError
	var unusable *partnercenter.AnswerError
	switch {
	case errors.As(err, &paging):
		diags.AddError("Could not page through the customer list",
			"Partner Center's pages of customers could not be followed to the end, so the list would be incomplete. "+
				"Try again; if this persists, open a Partner Center support case with the request ids below.\n\n"+err.Error())
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled), errors.As(err, &tokenErr),
		errors.As(err, &unusable), partnercenter.IsUnauthorized(err), partnercenter.IsThrottled(err), credential.UnreachableAPIHost(err) != "":
		pcglue.AddError(diags, framework.ReadSubject("the partner's customer list", ""), err)
	case partnercenter.IsForbidden(err):
		diags.AddError("Listing customers denied",
			"Partner Center refused to list this partner's customers: the signed-in user or the application lacks a "+
				"Partner Center role that may read customers.\n\n"+err.Error())
	case errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusBadRequest && (f.CompanyNamePrefix != "" || f.DomainPrefix != ""):
		attr := "company_name_prefix"
		if f.CompanyNamePrefix == "" {
			attr = "domain_prefix"
		}
		diags.AddAttributeError(path.Root(attr), "Partner Center rejected the customer filter",
			"Partner Center refused to filter customers by "+attr+". Change or remove it.\n\n"+err.Error())
	default:
		diags.AddError("Could not list customers", "Partner Center did not return the partner's customers.\n\n"+err.Error())
	}
}
