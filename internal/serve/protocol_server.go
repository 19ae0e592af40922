// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package serve

import "github.com/hashicorp/terraform-plugin-go/tfprotov6"

// ProtocolServer is every RPC terraform-plugin-go serves: the protocol's ProviderServer and the
// interfaces it still keeps apart (list resources for `terraform query`, actions, state stores),
// which terraform-plugin-framework's server implements. A wrapper of the server (the unchanged-plan
// shortcut, the serving workarounds) embeds ProtocolServer, not ProviderServer alone, or it would
// hide those RPCs from Terraform: tf6server offers them only when the server it is given has them.
type ProtocolServer interface {
	tfprotov6.ProviderServer
	tfprotov6.ListResourceServer
	tfprotov6.ActionServer
	tfprotov6.StateStoreServer
}
