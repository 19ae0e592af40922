// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package graphglue is Microsoft Graph's Terraform glue: its client as the provider hands it to
// resources and data sources, and its errors as diagnostics a user can act on (status, Graph's
// code and message, request-id and client-request-id). The shared layer (package framework) knows
// no API; what it does not say about Graph, this package does.
package graphglue
