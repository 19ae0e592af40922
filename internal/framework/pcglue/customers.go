// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package pcglue

// CustomerIDDescription documents an attribute that names a customer.
const CustomerIDDescription = "The customer's tenant id (a GUID), as Partner Center knows the customer."

// Descriptions of the customer filters partnercenter_customers and the billing profiles' list
// resource share: the same prefixes, passed to the same client filter.
const (
	CompanyNamePrefixDescription = "List only the customers whose company name begins with this, in any case " +
		"(`cont` matches Contoso). Empty or left out: every company name."
	DomainPrefixDescription = "List only the customers whose domain begins with this, in any case " +
		"(`contoso` matches `contoso.onmicrosoft.com`). Empty or left out: every domain."
)
