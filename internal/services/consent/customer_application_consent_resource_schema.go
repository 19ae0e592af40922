// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package consent

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/pcglue"
)

// Default operation timeouts of a consent.
const (
	consentCreateTimeout = 15 * time.Minute
	consentReadTimeout   = 5 * time.Minute
	consentDeleteTimeout = 5 * time.Minute
)

const consentResourceDescription = "Consents one of the partner's applications (a PSA or RMM tool, the partner's own " +
	"automation) into a customer's tenant through Partner Center: Partner Center creates the application's service " +
	"principal there and grants it delegated scopes on each resource application, on behalf of a partner user holding " +
	"Application Administrator or Cloud Application Administrator in the customer through GDAP.\n\n" +
	"Partner Center cannot show a consent, so the provider reads it back in the customer's tenant through Microsoft " +
	"Graph (`read_back = \"tenant\"`, the default): a new consent is waited for until it appears there, and a grant or " +
	"scope removed in the tenant, or the service principal deleted, is planned back. A partner that cannot read " +
	"customers' tenants sets `read_back = \"partner_center\"`: Terraform then trusts Partner Center's answer, and every " +
	"plan says so.\n\n" +
	"Partner Center cannot change a consent: another customer, application or `grants` replaces it, delete then " +
	"create, and the application stops working in that tenant between the two; the plan warns so. A new " +
	"`display_name` is recorded, not sent, and the plan says so. The partner's own tenant is refused, and so is a " +
	"customer without an active GDAP relationship granting one of those roles."

func consentResourceSchema(ctx context.Context) schema.Schema {
	return schema.Schema{
		MarkdownDescription: consentResourceDescription,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{MarkdownDescription: "`<customer_id>/<application_id>`, in lower case: the id to " +
				"import it by.", Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"customer_id": schema.StringAttribute{MarkdownDescription: pcglue.CustomerIDDescription + " Not the partner's " +
				"own. Another customer replaces the consent; the same id in another case does not.",
				Required: true, Validators: []validator.String{framework.GUIDValidator}},
			"application_id": schema.StringAttribute{MarkdownDescription: "The client id (appId) of the partner's " +
				"multi-tenant application to consent. Another application replaces the consent.", Required: true,
				Validators: []validator.String{framework.GUIDValidator}},
			"display_name": schema.StringAttribute{MarkdownDescription: "The name Partner Center is given for the " +
				"consent, sent only when the consent is made and not read back. A later change is recorded in the state, " +
				"not sent, and the plan says so: replace the consent (`terraform apply -replace`) to send it.", Optional: true,
				Validators: []validator.String{stringvalidator.LengthBetween(1, 256), framework.PlainText{}}},
			"grants": schema.SetNestedAttribute{
				MarkdownDescription: "The delegated scopes granted, per resource application. After each refresh it " +
					"holds what the customer's tenant grants (with `read_back = \"tenant\"`), so that a grant or scope " +
					"removed there shows as a change. A change replaces the consent.",
				Required: true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"resource_application_id": schema.StringAttribute{MarkdownDescription: "The appId of the resource " +
						"application, such as Microsoft Graph's `00000003-0000-0000-c000-000000000000`.", Required: true,
						Validators: []validator.String{framework.GUIDValidator}},
					"scopes": schema.SetAttribute{MarkdownDescription: "Delegated scopes on it, such as `Directory.Read.All`.",
						Required: true, ElementType: types.StringType,
						Validators: []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(
							stringvalidator.RegexMatches(scopeName, "must be one delegated scope's name, such as User.Read.All: "+
								"no spaces or commas"))}},
				}},
				Validators: []validator.Set{setvalidator.SizeAtLeast(1)},
			},
			"read_back": schema.StringAttribute{MarkdownDescription: "How the consent is known after it is made: " +
				"`tenant` (the default) reads it in the customer's tenant through Microsoft Graph, which needs a credential " +
				"that gets tokens there (not a static access token); `partner_center` trusts Partner Center's answer and " +
				"never reads the tenant, so a grant removed there is not seen. Changing it changes nothing in the tenant.",
				Optional: true, Computed: true, Default: stringdefault.StaticString(readBackTenant),
				Validators: []validator.String{stringvalidator.OneOf(readBackTenant, readBackPartnerCenter)}},
			"service_principal_id": schema.StringAttribute{MarkdownDescription: "The object id of the application's " +
				"service principal in the customer's tenant, as read there; null with `read_back = \"partner_center\"`, " +
				"and until the consent appears in the tenant.", Computed: true},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Delete: true,
				CreateDescription: framework.TimeoutDescription("consenting", consentCreateTimeout,
					"It includes waiting until the consent appears in the customer's tenant (at most 10 minutes of it)."),
				ReadDescription:   framework.TimeoutDescription("a refresh", consentReadTimeout, ""),
				DeleteDescription: framework.TimeoutDescription("removing the consent", consentDeleteTimeout, ""),
			}),
		},
	}
}
