// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package customers reads the partner's customers: the list, every page of it, one customer, and a
// customer's company profile.
package customers

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// Service registers the customers service with the provider.
func Service() framework.Service {
	return framework.Service{
		Name:        "customers",
		DataSources: []func() datasource.DataSource{NewCustomersDataSource, NewCustomerDataSource, NewCompanyProfileDataSource},
	}
}
