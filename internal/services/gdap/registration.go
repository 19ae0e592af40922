// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package gdap manages the partner's granular delegated admin privileges (GDAP) in Microsoft
// Graph: its admin relationships with customers, read one at a time or as a list, and the Entra
// role names their roles are written by.
package gdap

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// Service registers the GDAP service with the provider.
func Service() framework.Service {
	return framework.Service{
		Name:      "gdap",
		Resources: []func() resource.Resource{NewRelationshipResource, NewAccessAssignmentResource},
		// terraform query lists relationships (Terraform 1.14 and later).
		ListResources: []func() list.ListResource{NewRelationshipList},
		// A relationship's plan says whether it awaits approval even when nothing changes; an
		// assignment's unchanged plan is its state, but the shortcut needs a case of its own in the
		// provider's TestUnchangedPlansMatchTheFramework first.
		ComputesUnchangedPlan: []string{"partnercenter_" + typeNameDelegatedAdminRelationship,
			"partnercenter_" + typeNameDelegatedAdminAccessAssignment},
		DataSources: []func() datasource.DataSource{NewRelationshipDataSource, NewRelationshipsDataSource, NewEntraRolesDataSource,
			NewDelegatedAdminCustomerDataSource, NewDelegatedAdminCustomersDataSource},
	}
}
