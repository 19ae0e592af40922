// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package framework is what every service's resources and data sources share, built on
// terraform-plugin-framework, whatever API they call: what the provider hands them (ProviderData,
// each API's client found by its type), the context of one operation (its timeout; an API client
// that is an OperationStarter marks its calls), the subject of a failed call (Subject) and the
// wording every API's diagnostics share (ExplainEnded, ExplainThrottled), identities and imports,
// list results, the validators of plain text and lengths, and tenant ids.
//
// It knows no API: it imports no API client, no credential and no service (a depguard rule in
// .golangci.yml and TestTheSharedLayerImportsNoAPI hold it to that). Each API's own glue is a
// package beside it: pcglue for Partner Center, graphglue for Microsoft Graph, tenantglue for
// Microsoft Graph in each customer's own tenant. A new API target
// adds its glue package and changes no file here.
package framework
