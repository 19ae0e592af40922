// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package tenantglue is the Terraform glue of the provider's third API target: Microsoft Graph in
// each customer's own tenant, where an application consent leaves the application's service
// principal and grants. It hands resources the clients of customers' tenants and the partner's own
// tenant id, and words the errors of those reads as diagnostics a user can act on: which tenant,
// what the credential lacks there, and what the configuration can choose instead.
package tenantglue
