// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package gdap manages the partner's granular delegated admin privileges (GDAP) in Microsoft
// Graph: its admin relationships with customers, read one at a time or as a list, and the Entra
// role names their roles are written by.
package gdap

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// Service registers the GDAP service with the provider.
func Service() framework.Service {
	return framework.Service{
		Name:        "gdap",
		DataSources: []func() datasource.DataSource{NewRelationshipDataSource, NewRelationshipsDataSource, NewEntraRolesDataSource},
	}
}
