// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// IdentitySchema declares the identity import blocks name an assignment by (Terraform 1.12 and
// later): its relationship's id and its own.
func (r *assignmentResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = framework.StringIdentity(map[string]string{
		"relationship_id": "The id of the GDAP relationship the assignment is under.",
		"id":              "The access assignment's id (a GUID).",
	})
}

// assignmentIdentity are the attributes of an assignment's identity, as the state names them.
var assignmentIdentity = []string{"relationship_id", "id"}

// setAssignmentIdentity stores the assignment's identity from the state being saved.
func setAssignmentIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, state tfsdk.State, diags *diag.Diagnostics) {
	diags.Append(framework.IdentityFromState(ctx, identity, state, assignmentIdentity...)...)
}

// ImportState takes the relationship's and the assignment's ids, in any case, from the import id
// (<relationship id>/<assignment id>) or the identity, and keeps them in lower case; Read fills in
// the rest.
func (r *assignmentResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	framework.ImportPair(ctx, req, resp, [2]string(assignmentIdentity), [2]*regexp.Regexp{rules.RelationshipID, rules.GUID},
		"access assignment", "<relationship id>/<access assignment id>: the relationship's id (two GUIDs joined by a dash), "+
			"a slash, and the assignment's id (a GUID)")
}
