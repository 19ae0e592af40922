// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/pcglue"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

var _ datasource.DataSourceWithConfigure = (*countryRulesDataSource)(nil)

// NewCountryValidationRulesDataSource returns the partnercenter_country_validation_rules data source.
func NewCountryValidationRulesDataSource() datasource.DataSource { return &countryRulesDataSource{} }

type countryRulesDataSource struct {
	pcglue.DataSourceClient
}

type countryRulesModel struct {
	Country              types.String `tfsdk:"country"`
	DefaultCulture       types.String `tfsdk:"default_culture"`
	IsStateRequired      types.Bool   `tfsdk:"is_state_required"`
	SupportedStates      types.List   `tfsdk:"supported_states"`
	SupportedLanguages   types.List   `tfsdk:"supported_languages"`
	SupportedCultures    types.List   `tfsdk:"supported_cultures"`
	IsPostalCodeRequired types.Bool   `tfsdk:"is_postal_code_required"`
	PostalCodeRegex      types.String `tfsdk:"postal_code_regex"`
	IsCityRequired       types.Bool   `tfsdk:"is_city_required"`
	PhoneNumberRegex     types.String `tfsdk:"phone_number_regex"`
}

func (d *countryRulesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + typeNameCountryValidationRules
}

func (d *countryRulesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	list := func(desc string) schema.ListAttribute {
		return schema.ListAttribute{MarkdownDescription: desc, Computed: true, ElementType: types.StringType}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads Partner Center's rules for addresses and profiles in one country, for building your own checks.",
		Attributes: map[string]schema.Attribute{
			"country": schema.StringAttribute{
				MarkdownDescription: "ISO 3166-1 alpha-2 country code in upper case, such as `US`.",
				Required:            true,
				Validators: []validator.String{stringvalidator.RegexMatches(rules.Country,
					"must be an ISO 3166-1 alpha-2 country code in upper case, such as US or DE")},
			},
			"default_culture":         schema.StringAttribute{MarkdownDescription: "The country's default culture, such as `en-US`.", Computed: true},
			"is_state_required":       schema.BoolAttribute{MarkdownDescription: "Whether addresses need a state.", Computed: true},
			"supported_states":        list("The states Partner Center accepts, when it lists them."),
			"supported_languages":     list("Languages Partner Center supports for the country."),
			"supported_cultures":      list("Cultures Partner Center supports for the country."),
			"is_postal_code_required": schema.BoolAttribute{MarkdownDescription: "Whether addresses need a postal code.", Computed: true},
			"postal_code_regex":       schema.StringAttribute{MarkdownDescription: "Regular expression postal codes must match.", Computed: true},
			"is_city_required":        schema.BoolAttribute{MarkdownDescription: "Whether addresses need a city.", Computed: true},
			"phone_number_regex":      schema.StringAttribute{MarkdownDescription: "Regular expression phone numbers should match.", Computed: true},
		},
	}
}

func (d *countryRulesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadModel(ctx, d.Client, req, resp, func(ctx context.Context, m *countryRulesModel, diags *diag.Diagnostics) {
		r, err := d.Client.CountryValidationRules(ctx, m.Country.ValueString())
		if err != nil {
			diags.AddError("Could not read the country's address rules", err.Error())
			return
		}
		m.DefaultCulture = types.StringValue(r.DefaultCulture)
		m.IsStateRequired = types.BoolValue(r.IsStateRequired)
		m.IsPostalCodeRequired = types.BoolValue(r.IsPostalCodeRequired)
		m.IsCityRequired = types.BoolValue(r.IsCityRequired)
		m.PostalCodeRegex = types.StringValue(r.PostalCodeRegex)
		m.PhoneNumberRegex = types.StringValue(r.PhoneNumberRegex)
		for _, l := range []struct {
			dst *types.List
			src []string
		}{{&m.SupportedStates, r.SupportedStates}, {&m.SupportedLanguages, r.SupportedLanguages}, {&m.SupportedCultures, r.SupportedCultures}} {
			v, listDiags := types.ListValueFrom(ctx, types.StringType, append([]string{}, l.src...))
			diags.Append(listDiags...)
			*l.dst = v
		}
	})
}
