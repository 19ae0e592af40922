// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package consent manages application consents in customers' tenants: Partner Center consents a
// partner's application into a customer's tenant (its service principal and delegated grants
// there), and Microsoft Graph in that tenant shows what the consent left, since Partner Center
// has no read of a consent.
package consent

import (
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// Service registers the consent service with the provider.
func Service() framework.Service {
	return framework.Service{
		Name:      "consent",
		Resources: []func() resource.Resource{NewApplicationConsentResource},
		// terraform query lists an application's consents (Terraform 1.14 and later).
		ListResources: []func() list.ListResource{NewApplicationConsentList},
		// A consent's plan warns about what a replacement or a trusted read means, even when
		// nothing else changes.
		ComputesUnchangedPlan: []string{"partnercenter_" + typeNameCustomerApplicationConsent},
	}
}
