// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package pcglue

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// Settings are the provider's settings of Partner Center calls, handed over beside the client.
type Settings struct {
	// CheckAddresses is the provider's validate_address setting.
	CheckAddresses bool
}

// Client is the Partner Center client the provider's Configure handed over, nil before that.
func Client(d *framework.ProviderData) *partnercenter.Client {
	return framework.API[partnercenter.Client](d)
}

// DataSourceClient is what a Partner Center data source keeps of the provider's configuration:
// the client. Embedded, it is the data source's Configure.
type DataSourceClient = framework.DataSourceClient[partnercenter.Client]

// AddressChecksOn says whether to check addresses at plan time against Partner Center's address
// services: the resource's validate_address when set (override), else the provider's.
func AddressChecksOn(d *framework.ProviderData, override types.Bool) bool {
	if !override.IsNull() && !override.IsUnknown() {
		return override.ValueBool()
	}
	s := framework.API[Settings](d)
	return s != nil && s.CheckAddresses
}
