// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/pcglue"
)

const billingProfileResourceDescription = "Manages a customer's billing profile in Partner Center: the billing contact, " +
	"email, invoice culture and language, company name and billing address.\n\n" +
	"A billing profile exists as long as its customer does, so creating this resource adopts the profile: " +
	"it writes the configured attributes over it and leaves the others as Partner Center holds them. " +
	"Attributes left out of the configuration are read into state and never overwritten, even when someone " +
	"else changes them while Terraform applies. Destroying the resource only removes it from state: " +
	"the profile stays in Partner Center as it is."

func billingProfileResourceSchema(ctx context.Context) schema.Schema {
	attrs := map[string]schema.Attribute{
		"customer_id": schema.StringAttribute{
			MarkdownDescription: pcglue.CustomerIDDescription + " Any case names the same customer; changing it to another " +
				"customer manages that customer's profile instead.",
			Required:      true,
			Validators:    []validator.String{framework.GUIDValidator},
			PlanModifiers: []planmodifier.String{requiresReplaceForAnotherCustomer},
		},
		"id": schema.StringAttribute{
			MarkdownDescription: "The customer id in lower case, whatever the case of `customer_id`; the import id.",
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		// No plan modifier: the ETag changes with every update, so it must be unknown exactly when
		// an update is planned, which is what the framework does for a computed attribute.
		"etag": schema.StringAttribute{MarkdownDescription: etagDescription, Computed: true},
		attrDefaultAddress: schema.SingleNestedAttribute{
			MarkdownDescription: addressDescription + " Attributes left out keep what Partner Center holds.",
			Optional:            true,
			Computed:            true,
			Attributes:          resourceStrings(addressAttributes),
			PlanModifiers:       []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
		},
		"validate_address": schema.BoolAttribute{
			MarkdownDescription: "Check a changed `default_address` at plan time against Partner Center's rules for its " +
				"country and its address validation service. Defaults to the provider's `validate_address`.",
			Optional: true,
		},
		"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true,
			CreateDescription: framework.TimeoutDescription("creating (adopting) the profile", defaultCreateTimeout,
				"It bounds the create's read and write."),
			ReadDescription: framework.TimeoutDescription("a refresh of the profile", defaultReadTimeout,
				"It also bounds the plan-time read and address checks, which stop after 30s at most."),
			UpdateDescription: framework.TimeoutDescription("an update", defaultUpdateTimeout,
				"Retries after throttling and conflicts count towards it."),
		}),
	}
	for name, a := range resourceStrings(profileAttributes) {
		attrs[name] = a
	}
	return schema.Schema{MarkdownDescription: billingProfileResourceDescription, Attributes: attrs}
}

func resourceStrings(list []profileAttribute) map[string]schema.Attribute {
	out := make(map[string]schema.Attribute, len(list))
	for _, a := range list {
		out[a.name] = schema.StringAttribute{
			MarkdownDescription: a.resourceDescription(),
			Optional:            true,
			Computed:            true,
			Validators:          a.validators(),
			// Apply writes only configured attributes, so one left out keeps its state value in
			// the plan rather than showing as "(known after apply)" whenever anything else changes.
			// A concurrent writer that changes it meanwhile is reported by apply (see applied_state.go).
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		}
	}
	return out
}

func billingProfileDataSourceSchema() dschema.Schema {
	attrs := map[string]dschema.Attribute{
		"customer_id": dschema.StringAttribute{
			MarkdownDescription: pcglue.CustomerIDDescription,
			Required:            true,
			Validators:          []validator.String{framework.GUIDValidator},
		},
		"id":   dschema.StringAttribute{MarkdownDescription: "The customer id in lower case.", Computed: true},
		"etag": dschema.StringAttribute{MarkdownDescription: etagDescription, Computed: true},
		attrDefaultAddress: dschema.SingleNestedAttribute{
			MarkdownDescription: addressDescription,
			Computed:            true,
			Attributes:          dataSourceStrings(addressAttributes),
		},
	}
	for name, a := range dataSourceStrings(profileAttributes) {
		attrs[name] = a
	}
	return dschema.Schema{
		MarkdownDescription: "Reads a customer's billing profile from Partner Center.",
		Attributes:          attrs,
	}
}

func dataSourceStrings(list []profileAttribute) map[string]dschema.Attribute {
	out := make(map[string]dschema.Attribute, len(list))
	for _, a := range list {
		out[a.name] = dschema.StringAttribute{MarkdownDescription: a.description, Computed: true}
	}
	return out
}

// requiresReplaceForAnotherCustomer replaces the resource when customer_id names another customer,
// not when it only changes case: tenant ids are GUIDs, the same customer in any case.
var requiresReplaceForAnotherCustomer = stringplanmodifier.RequiresReplaceIf(
	func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = !strings.EqualFold(req.StateValue.ValueString(), req.PlanValue.ValueString())
	},
	"Changing to another customer manages that customer's profile instead; a change of case only does not.",
	"Changing to another customer manages that customer's profile instead; a change of case only does not.",
)
