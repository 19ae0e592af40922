// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

// The type names of this service's resources, data sources and list resources, after the
// provider's own ("partnercenter_"): each name once, for the resource and the data source or list
// resource that share it.
const (
	typeNameDelegatedAdminAccessAssignment = "delegated_admin_access_assignment"
	typeNameDelegatedAdminCustomer         = "delegated_admin_customer"
	typeNameDelegatedAdminCustomers        = "delegated_admin_customers"
	typeNameDelegatedAdminRelationship     = "delegated_admin_relationship"
	typeNameDelegatedAdminRelationships    = "delegated_admin_relationships"
	typeNameEntraRoles                     = "entra_roles"
)
