// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package consent

// The type names of this service's resources, data sources and list resources, after the
// provider's own ("partnercenter_"): each name once, for the resource and the data source or list
// resource that share it.
const (
	typeNameCustomerApplicationConsent = "customer_application_consent"
)
