// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package consent

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// IdentitySchema declares the identity import blocks name a consent by (Terraform 1.12 and
// later): the customer's tenant id and the application's client id.
func (r *consentResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = framework.StringIdentity(map[string]string{
		"customer_id":    "The customer's tenant id (a GUID).",
		"application_id": "The consented application's client id (a GUID).",
	})
}

// consentIdentity are the attributes of a consent's identity, as the state names them.
var consentIdentity = []string{"customer_id", "application_id"}

// setConsentIdentity stores the consent's identity from the state being saved, in lower case
// whatever case the configuration writes the ids in: the identity does not change, and an import
// or terraform query names the same consent alike.
func setConsentIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, state tfsdk.State, diags *diag.Diagnostics) {
	if identity == nil || state.Raw.IsNull() {
		return
	}
	for _, name := range consentIdentity {
		var v types.String
		diags.Append(state.GetAttribute(ctx, path.Root(name), &v)...)
		diags.Append(identity.SetAttribute(ctx, path.Root(name), framework.CanonicalID(v.ValueString()))...)
	}
}

// ImportState takes the customer's and the application's ids from the import id
// (<customer id>/<application id>) or the identity; Read finds the consent in the customer's
// tenant and fills in the rest.
func (r *consentResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	framework.ImportPair(ctx, req, resp, [2]string(consentIdentity), [2]*regexp.Regexp{rules.GUID, rules.GUID},
		"application consent", "<customer id>/<application id>: the customer's tenant id, a slash, and the application's "+
			"client id (both GUIDs)")
}
