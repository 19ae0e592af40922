package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*billingProfileDataSource)(nil)

// NewCustomerBillingProfileDataSource returns the partnercenter_customer_billing_profile data source.
func NewCustomerBillingProfileDataSource() datasource.DataSource { return &billingProfileDataSource{} }

type billingProfileDataSource struct {
	client *client.Client
}

func (d *billingProfileDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_customer_billing_profile"
}

func (d *billingProfileDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = billingProfileDataSourceSchema()
}

func (d *billingProfileDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientOf(configuredData(req.ProviderData, &resp.Diagnostics))
}

func (d *billingProfileDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config billingProfileModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := operationContext(ctx, d.client, noTimeout, defaultReadTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	customerID := config.customerID()
	p, err := d.client.GetCustomerBillingProfile(ctx, customerID)
	if err != nil {
		addAPIError(&resp.Diagnostics, "read", customerID, err)
		return
	}
	var state billingProfileModel
	resp.Diagnostics.Append(state.fromProfile(ctx, config.CustomerID.ValueString(), p, billingProfileModel{})...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
