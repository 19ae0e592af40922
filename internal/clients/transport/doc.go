// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package transport is what the provider's API clients (Partner Center, Microsoft Graph) and its
// credentials share below their own protocols: the pooled HTTP client that reuses connections,
// follows no redirect and logs each call with secrets masked; the rule that credentials travel
// only over https (or to loopback); token sources; and waits between retries (Retry-After read as
// asked, jittered backoff otherwise). It knows nothing about either API's shapes or Terraform.
package transport
