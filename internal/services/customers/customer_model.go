// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package customers

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
)

// customerModel is one customer, as the partnercenter_customer data source shows it and as each
// entry of partnercenter_customers' customers list does.
type customerModel struct {
	ID                    types.String `tfsdk:"id"`
	CompanyName           types.String `tfsdk:"company_name"`
	Domain                types.String `tfsdk:"domain"`
	RelationshipToPartner types.String `tfsdk:"relationship_to_partner"`
}

func customerFromAPI(c partnercenter.Customer) customerModel {
	return customerModel{
		ID:                    types.StringValue(c.ID),
		CompanyName:           types.StringValue(c.CompanyName),
		Domain:                types.StringValue(c.Domain),
		RelationshipToPartner: types.StringValue(c.RelationshipToPartner),
	}
}

// customerAttributes are the attributes of customerModel, shared by both data sources' schemas.
func customerAttributes() map[string]schema.Attribute {
	computed := func(description string) schema.Attribute {
		return schema.StringAttribute{MarkdownDescription: description, Computed: true}
	}
	return map[string]schema.Attribute{
		"id": computed("The customer's tenant id (a GUID): the `customer_id` of its billing profile, " +
			"and the id to import it by."),
		"company_name": computed("The company name of the customer's company profile."),
		"domain":       computed("The customer tenant's initial domain, such as `contoso.onmicrosoft.com`."),
		"relationship_to_partner": computed("How the partner serves the customer, such as `reseller` or `advisor`. " +
			"Billing profiles are managed for customers the partner resells to."),
	}
}
