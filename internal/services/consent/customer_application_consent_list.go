// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package consent

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/pcglue"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/tenantglue"
)

// tenantReaders is how many customers' tenants the listing reads at once, as terraform reads
// resources ten at a time.
const tenantReaders = 10

var _ list.ListResourceWithConfigure = (*consentList)(nil)

// NewApplicationConsentList returns the list resource of partnercenter_customer_application_consent,
// for terraform query (Terraform 1.14 and later).
func NewApplicationConsentList() list.ListResource { return &consentList{} }

type consentList struct {
	pc      *partnercenter.Client
	tenants *graph.CustomerTenants
	appID   string // the provider's own app's client id
}

type consentListConfig struct {
	ApplicationID types.String `tfsdk:"application_id"`
}

func (l *consentList) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + typeNameCustomerApplicationConsent
}

func (l *consentList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists one application's consents for `terraform query` (Terraform 1.14 and later): Partner " +
			"Center lists no consents, so it reads every customer of the partner's customer list in its own tenant (a token, " +
			"the application's service principal and, where there is one, its grants and their resource applications; ten " +
			"customers at a time) and lists those where the application is consented, named `<company name>: <application " +
			"id>`, each with its identity. A tenant the provider cannot read is named in a warning, never taken for one " +
			"without the consent. `limit` cuts the results, not the reads.",
		Attributes: map[string]schema.Attribute{
			"application_id": schema.StringAttribute{MarkdownDescription: "The client id of the application whose consents " +
				"to list.", Required: true, Validators: []validator.String{framework.GUIDValidator}},
		},
	}
}

func (l *consentList) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	data := framework.Configured(req.ProviderData, &resp.Diagnostics)
	l.pc, l.tenants, l.appID = pcglue.Client(data), tenantglue.Tenants(data), tenantglue.AppID(data)
}

// found is one customer whose tenant holds the application's consent.
type found struct {
	customer partnercenter.Customer
	consent  *graph.TenantConsent
}

// List reads every customer's tenant for the application's consent and lists those holding it.
func (l *consentList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var m consentListConfig
	if diags := req.Config.Get(ctx, &m); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	app := framework.CanonicalID(m.ApplicationID.ValueString())
	if l.tenants != nil && l.tenants.Unavailable() != "" { // nil: not configured, which the listing says
		var diags diag.Diagnostics
		diags.AddError("Cannot read customers' tenants", "Listing consents reads each customer's tenant, and the "+
			"provider's credential cannot get a token there: "+l.tenants.Unavailable()+".")
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	var failedTenant string
	addError := func(diags *diag.Diagnostics, err error) {
		if failedTenant != "" {
			tenantglue.AddError(diags, failedTenant, framework.Subject{Action: "read", Object: "the consent of application " +
				app + " in customer " + failedTenant}, err)
			return
		}
		pcglue.AddError(diags, framework.Subject{Action: "list", Object: "the customer list"}, err)
	}
	stream.Results = framework.ListResults(ctx, l.pc, addError, func(ctx context.Context, push func(list.ListResult) bool) error {
		customers, err := l.pc.ListCustomers(ctx, partnercenter.CustomerFilter{})
		if err != nil {
			return err
		}
		held, unreadable, tenant, err := l.readAll(ctx, customers, app)
		if err != nil {
			failedTenant = tenant
			return err
		}
		if len(unreadable) > 0 && !push(framework.ListWarning("Customers' tenants not read", fmt.Sprintf("The provider could "+
			"not read %d customers' tenants (its token or read was refused there), so whether application %s is consented "+
			"there is not known: %s.", len(unreadable), app, strings.Join(unreadable, ", ")))) {
			return nil
		}
		if req.Limit > 0 && int64(len(held)) > req.Limit {
			held = held[:req.Limit]
			if !push(framework.LimitReached(req.Limit, "consents")) {
				return nil
			}
		}
		for i := range held {
			if !push(consentResult(ctx, req, app, held[i])) {
				return nil
			}
		}
		return nil
	})
}

// readAll reads each customer's tenant, tenantReaders at a time: the customers holding app's
// consent (by company name), the tenants whose read was refused, and the first other failure
// with its tenant.
func (l *consentList) readAll(ctx context.Context, customers []partnercenter.Customer, app string) (
	held []found, unreadable []string, failed string, err error) {
	ids := make([]string, 0, len(customers))
	for _, c := range customers {
		ids = append(ids, c.ID)
	}
	reads, failed, err := tenantglue.ReadTenants(ctx, ids, tenantReaders, app == l.appID, func(ctx context.Context,
		tenant string) (*graph.TenantConsent, error) {
		return l.tenants.ApplicationConsent(ctx, tenant, app)
	})
	if err != nil {
		return nil, nil, failed, err
	}
	for _, c := range customers {
		if consent := reads.Read[c.ID]; consent != nil {
			held = append(held, found{c, consent})
		}
	}
	slices.SortFunc(held, func(a, b found) int {
		return strings.Compare(strings.ToLower(a.customer.CompanyName), strings.ToLower(b.customer.CompanyName))
	})
	return held, reads.Unreadable, "", nil
}

// consentResult is f's result: its name, its identity and, with include_resource, the state an
// import of it saves.
func consentResult(ctx context.Context, req list.ListRequest, app string, f found) list.ListResult {
	result := req.NewListResult(ctx)
	result.DisplayName = f.customer.CompanyName + ": " + app
	result.Diagnostics.Append(result.Identity.SetAttribute(ctx, path.Root("customer_id"), framework.CanonicalID(f.customer.ID))...)
	result.Diagnostics.Append(result.Identity.SetAttribute(ctx, path.Root("application_id"), app)...)
	if !req.IncludeResource {
		return result
	}
	customer := framework.CanonicalID(f.customer.ID)
	m := consentModel{ID: types.StringValue(consentID(customer, app)), CustomerID: types.StringValue(customer),
		ApplicationID: types.StringValue(app), DisplayName: types.StringNull(), Grants: grants(f.consent.Scopes).value(),
		ReadBack: types.StringValue(readBackTenant), ServicePrincipalID: types.StringValue(f.consent.ServicePrincipalID),
		Timeouts: framework.NullTimeouts(ctx, req)}
	state := tfsdk.State{Schema: req.ResourceSchema, Raw: tftypes.NewValue(req.ResourceSchema.Type().TerraformType(ctx), nil)}
	result.Diagnostics.Append(state.Set(ctx, &m)...)
	result.Resource.Raw = state.Raw
	return result
}
