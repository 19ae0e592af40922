// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Service is one area of the provider, as its package registers it (registration.go): its
// resources and data sources, and what the provider's server needs to know of them.
type Service struct {
	// Name names the service in errors and tests, as its package does: "billing", "customers".
	Name        string
	Resources   []func() resource.Resource
	DataSources []func() datasource.DataSource
	// ListResources are the list resources of terraform query (Terraform 1.14 and later), each
	// named as the resource it lists.
	ListResources []func() list.ListResource
	// UnchangedPlan lists the service's resource types (such as
	// "partnercenter_customer_billing_profile") whose plan is their prior state whenever Terraform
	// proposes no change: no plan modifier and no ModifyPlan of theirs changes such a plan. The
	// provider's server answers those plans itself, without the framework's walk of the schema.
	UnchangedPlan []string
	// ComputesUnchangedPlan lists the service's other resource types, whose plans the framework
	// computes even when nothing changes; every resource type is in one list or the other, which a
	// test of the provider holds each service to.
	ComputesUnchangedPlan []string
}
