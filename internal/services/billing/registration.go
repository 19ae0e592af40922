// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package billing manages what Partner Center holds to bill a customer: the customer's billing
// profile (resource and data sources, the profile's attributes in one table, the plan-time
// address checks) and Partner Center's address rules per country.
package billing

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// ResourceType is the billing profile resource's type name.
const ResourceType = "partnercenter_customer_billing_profile"

// Service registers the billing service with the provider.
func Service() framework.Service {
	return framework.Service{
		Name:      "billing",
		Resources: []func() resource.Resource{NewCustomerBillingProfileResource},
		// terraform query lists profiles by customer (Terraform 1.14 and later).
		ListResources: []func() list.ListResource{NewCustomerBillingProfileList},
		DataSources: []func() datasource.DataSource{NewCustomerBillingProfileDataSource, NewCustomerBillingProfilesDataSource,
			NewCountryValidationRulesDataSource},
		// The profile's attribute plan modifiers keep the prior values, and its ModifyPlan checks
		// only an address that changes and keeps the ETag of an update that writes nothing.
		UnchangedPlan: []string{ResourceType},
	}
}
