// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"
	"fmt"
	"strings"

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
	ids, diags := framework.ImportedIDs(ctx, req, assignmentIdentity, func(id string) []string {
		relID, assignmentID, ok := strings.Cut(id, "/")
		if !ok {
			return nil
		}
		return []string{relID, assignmentID}
	})
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	if len(ids) != 2 || !rules.RelationshipID.MatchString(ids[0]) || !rules.GUID.MatchString(ids[1]) {
		named := req.ID
		if named == "" {
			named = strings.Join(ids, "/")
		}
		resp.Diagnostics.AddError("Invalid access assignment import id", fmt.Sprintf("%q is not <relationship id>/<access "+
			"assignment id>: the relationship's id (two GUIDs joined by a dash), a slash, and the assignment's id (a GUID).",
			named))
		return
	}
	framework.SaveImported(ctx, resp, assignmentIdentity, ids)
}
