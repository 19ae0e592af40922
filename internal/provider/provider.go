// Package provider is the Terraform face of Partner Center: the provider's configuration, its
// resources and data sources, and the conversions between their schemas and the client's types.
package provider

import (
	"context"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/client"
)

// Environment variables read when the configuration leaves an attribute unset.
const (
	EnvBaseURL     = "PARTNERCENTER_BASE_URL"
	EnvAccessToken = "PARTNERCENTER_ACCESS_TOKEN"
)

var _ provider.Provider = (*partnerCenterProvider)(nil)

// New returns a function that builds the provider at the given version, as providerserver wants.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &partnerCenterProvider{version: version} }
}

type partnerCenterProvider struct {
	version string
}

// providerModel mirrors the provider schema.
type providerModel struct {
	BaseURL     types.String `tfsdk:"base_url"`
	AccessToken types.String `tfsdk:"access_token"`
}

func (p *partnerCenterProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "partnercenter"
	resp.Version = p.version
}

func (p *partnerCenterProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages Microsoft Partner Center resources of a CSP partner's customers.",
		Attributes: map[string]schema.Attribute{
			"base_url": schema.StringAttribute{
				MarkdownDescription: "Partner Center API endpoint. Defaults to `$" + EnvBaseURL + "`, then `" +
					client.DefaultBaseURL + "`. Point it at the Partner Center emulator to test configurations offline.",
				Optional: true,
			},
			"access_token": schema.StringAttribute{
				MarkdownDescription: "A bearer token for the Partner Center API, used as is (for example from " +
					"`az account get-access-token --resource https://api.partnercenter.microsoft.com`). Defaults to `$" +
					EnvAccessToken + "`.",
				Optional:  true,
				Sensitive: true,
			},
		},
	}
}

func (p *partnerCenterProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if cfg.BaseURL.IsUnknown() || cfg.AccessToken.IsUnknown() {
		// Values that depend on other resources are known at apply; configure then.
		return
	}
	token := stringOrEnv(cfg.AccessToken, EnvAccessToken)
	if token == "" {
		resp.Diagnostics.AddAttributeError(path.Root("access_token"), "No Partner Center credential",
			"The provider needs a credential to call Partner Center. Set access_token in the provider block, "+
				"or the "+EnvAccessToken+" environment variable, to a bearer token for the Partner Center API.")
		return
	}
	c, err := client.New(client.Config{
		BaseURL:        stringOrEnv(cfg.BaseURL, EnvBaseURL),
		TokenSource:    client.StaticToken(token),
		Version:        p.version,
		UserAgentExtra: "terraform/" + req.TerraformVersion,
	})
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("base_url"), "Invalid Partner Center endpoint", err.Error())
		return
	}
	resp.ResourceData = c
	resp.DataSourceData = c
}

func (p *partnerCenterProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{NewCustomerBillingProfileResource}
}

func (p *partnerCenterProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{NewCustomerBillingProfileDataSource}
}

// stringOrEnv returns the configured value, or the environment variable when it is null.
func stringOrEnv(v types.String, env string) string {
	if !v.IsNull() && !v.IsUnknown() {
		return v.ValueString()
	}
	return os.Getenv(env)
}
