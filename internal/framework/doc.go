// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package framework is the plumbing every service's resources and data sources share, built on
// terraform-plugin-framework: what the provider hands them (ProviderData, with the API clients), the
// context of one operation (its timeout and correlation id), API errors turned into diagnostics
// that name the object the caller handles, the validators of Partner Center's text rules, and the
// names of the provider's settings and their environment variables.
package framework
