// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package acctest

// The app registration, secrets and tokens the credential tests register in the emulator's Entra ID
// and give the provider.
const (
	AuthTenant   = "6f1c2b3a-0000-4000-8000-00000000aaaa"
	AuthClient   = "11111111-0000-4000-8000-00000000bbbb"
	AuthSecret   = "app-secret-8c1f7e2d9a"
	AuthRefresh  = "refresh-token-0d3b5a7c91"
	AuthSubject  = "repo:contoso/billing:ref:refs/heads/main"
	AuthCLIToken = "cli-token-4e6a1b"
)
