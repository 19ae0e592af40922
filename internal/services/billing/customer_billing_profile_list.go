// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/pcglue"
)

var _ list.ListResourceWithConfigure = (*billingProfileList)(nil)

// NewCustomerBillingProfileList returns the list resource of partnercenter_customer_billing_profile,
// for terraform query (Terraform 1.14 and later).
func NewCustomerBillingProfileList() list.ListResource { return &billingProfileList{} }

type billingProfileList struct {
	data *framework.ProviderData
}

type billingProfileListModel struct {
	CompanyNamePrefix types.String `tfsdk:"company_name_prefix"`
	DomainPrefix      types.String `tfsdk:"domain_prefix"`
}

const billingProfileListDescription = "Lists the billing profiles of the partner's customers for `terraform query` " +
	"(Terraform 1.14 and later), optionally only those whose company name or domain begins with a prefix, as " +
	"`partnercenter_customers` does. Each result is named `<company name> (<domain>)` and carries the profile's " +
	"identity (`customer_id`). The customer list costs one request per 500 customers; when the resources are " +
	"asked for (`-generate-config-out` asks for them, or `include_resource = true`) each profile is read too, ten " +
	"at a time. `limit` stops the listing: no page of customers and no profile beyond it is read (one more customer " +
	"is asked for, to tell whether the limit cut the list short), and when more customers match than the limit, " +
	"a warning says so first.\n\n" +
	"A customer whose profile cannot be read for a reason of its own (HTTP 403 or 404, or a profile without a field " +
	"every profile has) is left out with a warning that names it; any other failure ends the query with an error. " +
	"`limit` counts the customers listed, so such a customer makes the results one fewer than the limit.\n\n" +
	"A result leaves out the values the resource's checks would refuse in a configuration (a contact's first or " +
	"last name longer than 50 characters, an email address that is not one, a region in a US address), with a warning naming each, so that " +
	"the configuration `-generate-config-out` writes from it plans clean; such a value is then not managed and " +
	"stays as Partner Center holds it."

func (l *billingProfileList) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + typeNameCustomerBillingProfile
}

func (l *billingProfileList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: billingProfileListDescription,
		Attributes: map[string]schema.Attribute{
			"company_name_prefix": schema.StringAttribute{
				MarkdownDescription: pcglue.CompanyNamePrefixDescription,
				Optional:            true,
			},
			"domain_prefix": schema.StringAttribute{
				MarkdownDescription: pcglue.DomainPrefixDescription,
				Optional:            true,
			},
		},
	}
}

func (l *billingProfileList) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.data = framework.Configured(req.ProviderData, &resp.Diagnostics)
}

// List lists the customers, then (with include_resource) reads their profiles, and pushes one
// result per customer in the order Partner Center lists them.
func (l *billingProfileList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var m billingProfileListModel
	if diags := req.Config.Get(ctx, &m); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	filter := partnercenter.CustomerFilter{CompanyNamePrefix: m.CompanyNamePrefix.ValueString(),
		DomainPrefix: m.DomainPrefix.ValueString(), Limit: framework.OneMore(req.Limit)}
	client := pcglue.Client(l.data)
	addError := func(diags *diag.Diagnostics, err error) {
		pcglue.AddError(diags, framework.ReadSubject("the billing profiles of the customers listed", ""), err)
	}
	stream.Results = framework.ListResults(ctx, client, addError, func(ctx context.Context, push func(list.ListResult) bool) error {
		customers, err := client.ListCustomers(ctx, filter)
		if err != nil {
			return err
		}
		if req.Limit > 0 && int64(len(customers)) > req.Limit {
			customers = customers[:req.Limit]
			if !push(framework.LimitReached(req.Limit, "customers")) {
				return nil
			}
		}
		if !req.IncludeResource {
			for _, c := range customers {
				if !push(l.result(ctx, req, c, nil)) {
					return nil
				}
			}
			return nil
		}
		return l.pushWithProfiles(ctx, req, customers, push)
	})
}

// pushWithProfiles reads the profiles of customers, ten at a time, and pushes the results in the
// customers' order; a customer whose profile cannot be read for a reason of its own becomes a
// warning (see unreadableReason).
func (l *billingProfileList) pushWithProfiles(ctx context.Context, req list.ListRequest, customers []partnercenter.Customer,
	push func(list.ListResult) bool) error {
	ids := make([]string, len(customers))
	for i, c := range customers {
		ids[i] = framework.CanonicalID(c.ID)
	}
	profiles, unreadable, err := readEach(ctx, ids, pcglue.Client(l.data).GetCustomerBillingProfile)
	if err != nil {
		return err
	}
	for i, c := range customers {
		var result list.ListResult
		if err, left := unreadable[ids[i]]; left {
			result = framework.ListWarning("Billing profile left out",
				fmt.Sprintf("The billing profile of %s (customer %s) could not be read, for a reason that concerns this "+
					"customer alone, so the query leaves it out: %v", displayName(c), ids[i], err))
		} else {
			result = l.result(ctx, req, c, profiles[ids[i]])
		}
		if !push(result) {
			return nil
		}
	}
	return nil
}

// result is customer c's result: its display name, its identity and, when p is not nil, its
// profile as the resource's state holds it after an import, less the values the resource's
// validators would refuse.
func (l *billingProfileList) result(ctx context.Context, req list.ListRequest, c partnercenter.Customer,
	p *partnercenter.BillingProfile) list.ListResult {
	id := framework.CanonicalID(c.ID)
	result := req.NewListResult(ctx)
	result.DisplayName = displayName(c)
	result.Diagnostics.Append(result.Identity.SetAttribute(ctx, path.Root(identityCustomerID), id)...)
	if p == nil {
		return result
	}
	// The result leaves out the values the resource's validators would refuse, so that the
	// configuration Terraform generates from it plans clean, and says which (refused_values.go).
	t := req.ResourceSchema.Type().TerraformType(ctx)
	state, left := withoutRefused(ctx, stateOf(p, newResourceModel(id)))
	if len(left) > 0 {
		addLeftOutValuesWarning(&result.Diagnostics, id, left)
	}
	v, diags := state.value(ctx, t)
	if result.Diagnostics.Append(diags...); !diags.HasError() {
		result.Resource.Raw = v
	}
	return result
}

// displayName names a customer for a person reading terraform query's results.
func displayName(c partnercenter.Customer) string {
	switch {
	case c.CompanyName != "" && c.Domain != "":
		return c.CompanyName + " (" + c.Domain + ")"
	case c.CompanyName != "":
		return c.CompanyName
	case c.Domain != "":
		return c.Domain
	}
	return framework.CanonicalID(c.ID)
}
