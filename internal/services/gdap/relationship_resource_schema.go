// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// Default operation timeouts of a relationship; the timeouts block overrides them. A delete waits
// for Graph to finish terminating an approved relationship, which takes minutes.
const (
	relationshipCreateTimeout = 10 * time.Minute
	relationshipReadTimeout   = 5 * time.Minute
	relationshipUpdateTimeout = 30 * time.Minute
	relationshipDeleteTimeout = 30 * time.Minute
)

const relationshipResourceDescription = "Manages the partner's GDAP (granular delegated admin privileges) relationship " +
	"with one customer in Microsoft Graph: creates it, locks it for the customer's approval and shows the invitation " +
	"link to send, follows it as the customer approves it, and ends it on destroy.\n\n" +
	"`status` and `access_relationship_id` are known at plan: a new relationship plans `approvalPending` and no access " +
	"relationship, an existing one what the refresh read, so configurations select the customers to assign access " +
	"for with `for_each` (see the guide \"GDAP for every customer\"). What GDAP lets change in place is an update: in " +
	"status `created` everything, on an active relationship `auto_extend_duration` and dropping the Global " +
	"Administrator role (a long-running operation apply follows); on one awaiting approval, these wait until the " +
	"customer approves it. Anything else (another name, duration or role) is also an update, never a replacement: " +
	"a successor is created and the customer invited to approve it, while the current relationship, kept under " +
	"`predecessors`, goes on granting its roles; access moves to the successor on the first apply after the " +
	"approval (`access_relationship_id`), and the predecessor is terminated on the apply after that. The successor " +
	"needs a new `display_name`: Graph keeps display names unique among the partner's relationships, ended ones " +
	"included. An expired or terminated relationship (or a lapsed invitation) under the same name plans nothing and " +
	"warns. No plan ends a relationship under which teams have access that no successor gives them unless " +
	"`allow_access_loss = true`, and then the plan names the customer and the groups whose access ends."

func relationshipResourceSchema(ctx context.Context) schema.Schema {
	known := func(description string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: description, Computed: true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
	}
	return schema.Schema{
		MarkdownDescription: relationshipResourceDescription,
		Attributes: map[string]schema.Attribute{
			"id": known("The relationship's id: two GUIDs joined by a dash."),
			"display_name": schema.StringAttribute{
				MarkdownDescription: "The relationship's name, which the customer sees when approving it: at most 50 " +
					"characters, unique among the partner's relationships (ended ones included).",
				Required:   true,
				Validators: []validator.String{framework.Characters(1, rules.RelationshipNameMaxLength), framework.PlainText{}},
			},
			"customer_tenant_id": schema.StringAttribute{
				MarkdownDescription: "The tenant id of the only customer who may approve the relationship. Left out, any " +
					"customer with the invitation link may approve it, and Graph fills it in on approval.",
				Optional: true, Computed: true,
				Validators:    []validator.String{framework.GUIDValidator},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"duration": schema.StringAttribute{
				MarkdownDescription: "How long the relationship lasts once approved, in ISO 8601: from `P1D` to `P2Y` " +
					"(`P730D`).",
				Required:   true,
				Validators: []validator.String{durationValidator{}},
			},
			"auto_extend_duration": schema.StringAttribute{
				MarkdownDescription: "How long the relationship extends itself by when it ends: `P180D`, or `PT0S` (the " +
					"default) for not at all. A relationship holding the Global Administrator role cannot auto-extend.",
				Optional: true, Computed: true,
				Default:    stringdefault.StaticString(rules.AutoExtendOff),
				Validators: []validator.String{autoExtendValidator{}},
			},
			"roles": schema.SetAttribute{
				MarkdownDescription: "The Entra role template ids the relationship grants (`partnercenter_entra_roles` " +
					"maps role names to them).",
				ElementType: types.StringType, Required: true,
				Validators: roleSetValidators,
			},
			"status": schema.StringAttribute{MarkdownDescription: "Where the relationship stands: `approvalPending` " +
				"(awaiting the customer), `activating`, `active`, `expired`, `terminated` and the others Graph names. Known " +
				"at plan: see above.", Computed: true},
			"invitation_url": schema.StringAttribute{MarkdownDescription: "While the relationship awaits approval, the " +
				"link the customer follows to approve it in the Microsoft 365 admin center of the public cloud; null in " +
				"any other status.", Computed: true},
			"created_at":   known("When the relationship was created (RFC 3339)."),
			"activated_at": schema.StringAttribute{MarkdownDescription: "When the customer's approval took effect (RFC 3339); null before.", Computed: true},
			"ends_at":      schema.StringAttribute{MarkdownDescription: "When the relationship ends (RFC 3339); null before it is active.", Computed: true},
			"etag": schema.StringAttribute{MarkdownDescription: "The relationship's version, sent in If-Match with every " +
				"change so that a change made meanwhile by someone else is never overwritten unseen.", Computed: true},
			"allow_access_loss": schema.BoolAttribute{
				MarkdownDescription: "Let a destroy (or a replacement) end this relationship, and its predecessors, " +
					"while teams have admin access under them. `false` (the default) fails such a plan and says whose " +
					"access would end; `true` lets it, and the plan names the customer and the security groups whose " +
					"access ends. A destroy reads it from the state: set it and apply before removing the relationship. " +
					"A predecessor is never ended by a change: only once its successor gives every team the same access.",
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
			},
			"predecessors": schema.ListNestedAttribute{
				MarkdownDescription: "The relationships this one succeeds that have not ended, newest first. A change " +
					"Graph cannot make in place (after approval, anything but `auto_extend_duration` and dropping " +
					"Global Administrator) creates a successor, invited for the customer's approval, while the " +
					"relationship it succeeds keeps granting access; that one is terminated once the successor gives " +
					"every team the same access. See the guide \"GDAP for every customer\".",
				Computed: true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":           schema.StringAttribute{MarkdownDescription: "The predecessor's id.", Computed: true},
					"display_name": schema.StringAttribute{MarkdownDescription: "The predecessor's display name.", Computed: true},
					"status":       schema.StringAttribute{MarkdownDescription: "Where the predecessor stands, such as `active`.", Computed: true},
					"roles": schema.SetAttribute{MarkdownDescription: "The role template ids the predecessor grants.",
						ElementType: types.StringType, Computed: true},
					"ends_at": schema.StringAttribute{MarkdownDescription: "When the predecessor ends (RFC 3339); null " +
						"before it is active.", Computed: true},
				}},
			},
			"access_relationship_id": schema.StringAttribute{MarkdownDescription: "The relationship to assign the " +
				"teams' access under: this one once it grants access (`active` or `expiring`), until then the newest " +
				"predecessor that does, and null when none does. Known at plan; give it to " +
				"`partnercenter_delegated_admin_access_assignment.relationship_id`, so that access moves to a successor on " +
				"the first apply after the customer approves it, and never before.", Computed: true},
			"access_roles": schema.SetAttribute{MarkdownDescription: "The role template ids the relationship named by " +
				"`access_relationship_id` grants: what access under it can give. Empty when none grants.",
				ElementType: types.StringType, Computed: true},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true,
				CreateDescription: framework.TimeoutDescription("creating the relationship and locking it for approval",
					relationshipCreateTimeout, "It includes waiting for Graph to show a relationship it has just created."),
				ReadDescription: framework.TimeoutDescription("a refresh", relationshipReadTimeout, ""),
				UpdateDescription: framework.TimeoutDescription("an update", relationshipUpdateTimeout,
					"It includes following a long-running change, such as dropping Global Administrator."),
				DeleteDescription: framework.TimeoutDescription("a destroy", relationshipDeleteTimeout,
					"It includes waiting until Graph has terminated an approved relationship."),
			}),
		},
	}
}
