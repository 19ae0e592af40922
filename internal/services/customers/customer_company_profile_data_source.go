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

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/pcglue"
)

var _ datasource.DataSourceWithConfigure = (*companyProfileDataSource)(nil)

// NewCompanyProfileDataSource returns the partnercenter_customer_company_profile data source.
func NewCompanyProfileDataSource() datasource.DataSource { return &companyProfileDataSource{} }

type companyProfileDataSource struct {
	pcglue.DataSourceClient
}

type companyProfileModel struct {
	CustomerID                     types.String         `tfsdk:"customer_id"`
	CompanyName                    types.String         `tfsdk:"company_name"`
	Domain                         types.String         `tfsdk:"domain"`
	Email                          types.String         `tfsdk:"email"`
	OrganizationRegistrationNumber types.String         `tfsdk:"organization_registration_number"`
	Address                        *companyAddressModel `tfsdk:"address"`
}

type companyAddressModel struct {
	Country      types.String `tfsdk:"country"`
	Region       types.String `tfsdk:"region"`
	City         types.String `tfsdk:"city"`
	State        types.String `tfsdk:"state"`
	AddressLine1 types.String `tfsdk:"address_line1"`
	AddressLine2 types.String `tfsdk:"address_line2"`
	AddressLine3 types.String `tfsdk:"address_line3"`
	PostalCode   types.String `tfsdk:"postal_code"`
	FirstName    types.String `tfsdk:"first_name"`
	LastName     types.String `tfsdk:"last_name"`
	PhoneNumber  types.String `tfsdk:"phone_number"`
}

// leftOut is what Partner Center leaves out of a company profile for a partner without delegated
// admin roles in the customer, said on each attribute concerned.
const leftOut = " Null when Partner Center leaves it out: it does for a partner that holds no delegated admin role " +
	"(DAP or GDAP) in the customer."

func (d *companyProfileDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + typeNameCustomerCompanyProfile
}

func (d *companyProfileDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(description string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: description, Computed: true}
	}
	address := map[string]schema.Attribute{}
	for name, description := range map[string]string{"country": "ISO 3166 alpha-2 country code, such as `US`.",
		"region": "Region.", "city": "City.", "state": "State or province.", "address_line1": "First address line.",
		"address_line2": "Second address line.", "address_line3": "Third address line.", "postal_code": "Postal code.",
		"first_name": "Contact's first name.", "last_name": "Contact's last name.", "phone_number": "Contact's phone number."} {
		address[name] = computed(description + " Null when the address has none.")
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads a customer's company profile from Partner Center (`profiles/company`): the company's " +
			"name, its initial domain, contact email, registration number and address. The billing profile is " +
			"`partnercenter_customer_billing_profile`.",
		Attributes: map[string]schema.Attribute{
			"customer_id": schema.StringAttribute{MarkdownDescription: pcglue.CustomerIDDescription, Required: true,
				Validators: []validator.String{framework.GUIDValidator}},
			"company_name": computed("The customer's company name."),
			"domain":       computed("The customer tenant's initial domain, such as `contoso.onmicrosoft.com`." + leftOut),
			"email":        computed("The company's contact email." + leftOut),
			"organization_registration_number": computed("The company's registration number where its country asks for " +
				"one; null otherwise."),
			"address": schema.SingleNestedAttribute{MarkdownDescription: "The company's address." + leftOut,
				Computed: true, Attributes: address},
		},
	}
}

func (d *companyProfileDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadModel(ctx, d.Client, req, resp, func(ctx context.Context, m *companyProfileModel, diags *diag.Diagnostics) {
		customerID := framework.CanonicalID(m.CustomerID.ValueString())
		p, err := d.Client.GetCustomerCompanyProfile(ctx, customerID)
		if err != nil {
			pcglue.AddError(diags, framework.ReadSubject("the company profile of customer "+customerID, customerID), err)
			return
		}
		m.CompanyName = types.StringValue(p.CompanyName)
		m.Domain, m.Email = framework.StringOrNull(p.Domain), framework.StringOrNull(p.Email)
		m.OrganizationRegistrationNumber = framework.StringOrNull(p.OrganizationRegistrationNumber)
		m.Address = companyAddressFromAPI(p.Address)
	})
}

func companyAddressFromAPI(a *partnercenter.Address) *companyAddressModel {
	if a == nil {
		return nil
	}
	return &companyAddressModel{Country: framework.StringOrNull(a.Country), Region: framework.StringOrNull(a.Region), City: framework.StringOrNull(a.City),
		State: framework.StringOrNull(a.State), AddressLine1: framework.StringOrNull(a.AddressLine1), AddressLine2: framework.StringOrNull(a.AddressLine2),
		AddressLine3: framework.StringOrNull(a.AddressLine3), PostalCode: framework.StringOrNull(a.PostalCode), FirstName: framework.StringOrNull(a.FirstName),
		LastName: framework.StringOrNull(a.LastName), PhoneNumber: framework.StringOrNull(a.PhoneNumber)}
}
