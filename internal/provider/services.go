// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/services/billing"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/services/consent"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/services/customers"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/services/gdap"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/services/onboarding"
)

// services are the areas of the provider, each registered by its package under internal/services.
// A new service (a new folder there) is added here.
func services() []framework.Service {
	return []framework.Service{billing.Service(), consent.Service(), customers.Service(), gdap.Service(), onboarding.Service()}
}
