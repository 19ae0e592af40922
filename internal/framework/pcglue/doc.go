// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package pcglue is Partner Center's Terraform glue: its client as the provider hands it to
// resources and data sources, its errors as diagnostics a user can act on (status, Partner
// Center's code and description, MS-RequestId and MS-CorrelationId), and the descriptions of the
// customer filters. The shared layer (package framework) knows no API; what it does not say about
// Partner Center, this package does.
package pcglue
