// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// IdentitySchema declares the identity import blocks name a relationship by (Terraform 1.12 and
// later) and terraform query lists relationships by.
func (r *relationshipResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = framework.StringIdentity(map[string]string{
		"id": "The relationship's id: two GUIDs joined by a dash, as Microsoft Graph shows it."})
}

// relationshipIdentity is the attribute of a relationship's identity, as the state names it.
var relationshipIdentity = []string{"id"}

// setRelationshipIdentity stores the relationship's identity, its id, from the state being saved.
func setRelationshipIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, state tfsdk.State, diags *diag.Diagnostics) {
	diags.Append(framework.IdentityFromState(ctx, identity, state, relationshipIdentity...)...)
}

// ImportState takes the relationship's id, in any case, from the import id or the identity, and
// keeps it in lower case; Read fills in the rest.
func (r *relationshipResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	ids, diags := framework.ImportedIDs(ctx, req, relationshipIdentity, func(id string) []string { return []string{id} })
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	if !rules.RelationshipID.MatchString(ids[0]) {
		resp.Diagnostics.AddError("Invalid GDAP relationship id", fmt.Sprintf("%q is not a GDAP relationship id: two GUIDs "+
			"joined by a dash, as Microsoft Graph, the Partner Center portal and partnercenter_delegated_admin_relationships "+
			"show it.", ids[0]))
		return
	}
	framework.SaveImported(ctx, resp, relationshipIdentity, ids)
}
