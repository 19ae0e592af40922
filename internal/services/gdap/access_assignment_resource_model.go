// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// assignmentModel is an access assignment's state, plan or configuration.
type assignmentModel struct {
	ID              types.String   `tfsdk:"id"`
	RelationshipID  types.String   `tfsdk:"relationship_id"`
	SecurityGroupID types.String   `tfsdk:"security_group_id"`
	Roles           types.Set      `tfsdk:"roles"`
	Status          types.String   `tfsdk:"status"`
	ETag            types.String   `tfsdk:"etag"`
	Timeouts        timeouts.Value `tfsdk:"timeouts"`
}

// roles are the assignment's role ids.
func (m *assignmentModel) roles(ctx context.Context) []string { return roleIDs(ctx, m.Roles) }

// fromGraph fills m from a, keeping m's spelling of the ids Graph gives in other case.
func (m *assignmentModel) fromGraph(ctx context.Context, a *graph.AccessAssignment) diag.Diagnostics {
	m.ID = types.StringValue(a.ID)
	m.RelationshipID = sameFold(types.StringValue(a.RelationshipID), m.RelationshipID)
	m.SecurityGroupID = sameFold(types.StringValue(a.SecurityGroupID), m.SecurityGroupID)
	var d diag.Diagnostics
	m.Roles, d = roleSet(ctx, a.Roles, m.roles(ctx))
	m.Status, m.ETag = types.StringValue(a.Status), framework.StringOrNull(a.ETag)
	return d
}
