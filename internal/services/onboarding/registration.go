// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package onboarding shows how far the partner's onboarding chain got for each customer of the
// estate: known to Partner Center, GDAP relationship active, access assigned. It reads both
// Partner Center and Microsoft Graph, and changes nothing.
package onboarding

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// Service registers the onboarding service with the provider.
func Service() framework.Service {
	return framework.Service{
		Name:        "onboarding",
		DataSources: []func() datasource.DataSource{NewCoverageDataSource},
	}
}
