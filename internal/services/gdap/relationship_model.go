// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// relationshipModel is one GDAP relationship, as partnercenter_delegated_admin_relationship shows
// it and as each entry of partnercenter_delegated_admin_relationships' list does.
type relationshipModel struct {
	ID                  types.String `tfsdk:"id"`
	DisplayName         types.String `tfsdk:"display_name"`
	CustomerTenantID    types.String `tfsdk:"customer_tenant_id"`
	CustomerDisplayName types.String `tfsdk:"customer_display_name"`
	Duration            types.String `tfsdk:"duration"`
	AutoExtendDuration  types.String `tfsdk:"auto_extend_duration"`
	Roles               []string     `tfsdk:"roles"`
	Status              types.String `tfsdk:"status"`
	InvitationURL       types.String `tfsdk:"invitation_url"`
	CreatedAt           types.String `tfsdk:"created_at"`
	LastModifiedAt      types.String `tfsdk:"last_modified_at"`
	ActivatedAt         types.String `tfsdk:"activated_at"`
	EndsAt              types.String `tfsdk:"ends_at"`
}

func relationshipFromAPI(r graph.Relationship) relationshipModel {
	return relationshipModel{
		ID:                  types.StringValue(r.ID),
		DisplayName:         types.StringValue(r.DisplayName),
		CustomerTenantID:    framework.StringOrNull(r.CustomerTenantID),
		CustomerDisplayName: framework.StringOrNull(r.CustomerDisplayName),
		Duration:            types.StringValue(r.Duration),
		AutoExtendDuration:  framework.StringOrNull(r.AutoExtendDuration),
		Roles:               r.Roles,
		Status:              types.StringValue(r.Status),
		InvitationURL:       invitationURL(r),
		CreatedAt:           framework.StringOrNull(r.Created),
		LastModifiedAt:      framework.StringOrNull(r.LastModified),
		ActivatedAt:         framework.StringOrNull(r.Activated),
		EndsAt:              framework.StringOrNull(r.Ends),
	}
}

// invitationURL is the link to send the customer while the relationship awaits approval; null
// in any other status, when there is nothing to approve.
func invitationURL(r graph.Relationship) types.String {
	if r.Status != "approvalPending" {
		return types.StringNull()
	}
	return types.StringValue(rules.InvitationURL(r.ID))
}

// relationshipAttributes are the attributes of relationshipModel, shared by both data sources.
func relationshipAttributes() map[string]schema.Attribute {
	computed := func(description string) schema.Attribute {
		return schema.StringAttribute{MarkdownDescription: description, Computed: true}
	}
	return map[string]schema.Attribute{
		"id":           computed("The relationship's id: two GUIDs joined by a dash."),
		"display_name": computed("The relationship's name, unique among the partner's relationships."),
		"customer_tenant_id": computed("The customer's tenant id; null for a relationship that names no customer " +
			"until one approves it."),
		"customer_display_name": computed("The customer's name, as Graph gives it; null until known."),
		"duration":              computed("How long the relationship lasts once approved, in ISO 8601 (`P730D`)."),
		"auto_extend_duration": computed("How long the relationship extends itself by when it ends: `P180D`, or " +
			"`PT0S` for not at all."),
		"roles": schema.SetAttribute{MarkdownDescription: "The Entra role template ids the relationship grants.",
			ElementType: types.StringType, Computed: true},
		"status": computed("Where the relationship stands: `created`, `approvalPending` (awaiting the customer), " +
			"`approved`, `activating`, `active`, `expiring`, `expired`, `terminationRequested`, `terminating` or `terminated`."),
		"invitation_url": computed("While the relationship awaits approval (`approvalPending`), the link the customer " +
			"follows to approve it in the Microsoft 365 admin center of the public cloud (`admin.microsoft.com`); null in " +
			"any other status."),
		"created_at":       computed("When the relationship was created (RFC 3339)."),
		"last_modified_at": computed("When the relationship last changed (RFC 3339)."),
		"activated_at":     computed("When the customer's approval took effect (RFC 3339); null before."),
		"ends_at":          computed("When the relationship ends (RFC 3339); null before it is active."),
	}
}
