// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// Default operation timeouts of an access assignment: Graph takes an assignment from pending to
// active, or deletes it, in its own time, usually within minutes.
const (
	assignmentCreateTimeout = 15 * time.Minute
	assignmentReadTimeout   = 5 * time.Minute
	assignmentUpdateTimeout = 15 * time.Minute
	assignmentDeleteTimeout = 15 * time.Minute
)

const assignmentResourceDescription = "Gives a security group of the partner's tenant some of a GDAP relationship's " +
	"roles in the customer's tenant (an access assignment in Microsoft Graph), and waits until Graph reports it active.\n\n" +
	"Access can be assigned only under an active relationship, with roles the relationship grants, and once per " +
	"security group: the plan checks all three when it changes an assignment, reading the relationship as the plan's " +
	"refresh read it. Give `relationship_id` a relationship's `access_relationship_id`, and select the relationships " +
	"where it is not null for the assignments' `for_each` (see the guide \"GDAP for every customer\"). A change of " +
	"`roles`, here or in the portal, is planned as an in-place update sent with If-Match; another relationship moves " +
	"the access in place, assigned under the new one before it is removed under the old; another group is a new " +
	"assignment."

func assignmentResourceSchema(ctx context.Context) schema.Schema {
	replaced := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	return schema.Schema{
		MarkdownDescription: assignmentResourceDescription,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{MarkdownDescription: "The access assignment's id, a GUID.", Computed: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"relationship_id": schema.StringAttribute{
				MarkdownDescription: "The id of the active GDAP relationship the access is assigned under: give it a " +
					"relationship's `access_relationship_id`. When it changes (access moving to a successor), the access " +
					"is moved in place: assigned under the new relationship, and only once Graph reports that active, " +
					"removed under the old one, so that the group's access never lapses.",
				Required:   true,
				Validators: []validator.String{relationshipIDValidator},
			},
			"security_group_id": schema.StringAttribute{
				MarkdownDescription: "The object id of the security group in the partner's tenant whose members get the " +
					"roles (for example `azuread_group.helpdesk.object_id`).",
				Required: true, PlanModifiers: replaced,
				Validators: []validator.String{framework.GUIDValidator},
			},
			"roles": schema.SetAttribute{
				MarkdownDescription: "The Entra role template ids the group gets: some of the relationship's roles.",
				ElementType:         types.StringType, Required: true,
				Validators: roleSetValidators,
			},
			"status": schema.StringAttribute{MarkdownDescription: "`active` once Graph has applied the assignment; " +
				"`pending` while it applies it.", Computed: true},
			"etag": schema.StringAttribute{MarkdownDescription: "The assignment's version, sent in If-Match with every change.",
				Computed: true},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true,
				CreateDescription: framework.TimeoutDescription("creating the assignment", assignmentCreateTimeout,
					"It includes waiting until Graph reports it active."),
				ReadDescription: framework.TimeoutDescription("a refresh", assignmentReadTimeout, ""),
				UpdateDescription: framework.TimeoutDescription("a change of roles", assignmentUpdateTimeout,
					"It includes waiting until Graph reports the assignment active again."),
				DeleteDescription: framework.TimeoutDescription("a destroy", assignmentDeleteTimeout,
					"It includes waiting until Graph has deleted the assignment."),
			}),
		},
	}
}
