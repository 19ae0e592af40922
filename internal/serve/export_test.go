// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package serve

// The RPC table and the context check, for the tests in serve_test that serve the provider.
var (
	RPCCalls     = rpcCalls
	KeepsContext = keepsContext
)
