// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graphglue

import (
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// Client is the Microsoft Graph client the provider's Configure handed over, nil before that.
func Client(d *framework.ProviderData) *graph.Client {
	return framework.API[graph.Client](d)
}

// DataSourceClient is what a Microsoft Graph data source keeps of the provider's configuration:
// the client. Embedded, it is the data source's Configure.
type DataSourceClient = framework.DataSourceClient[graph.Client]
