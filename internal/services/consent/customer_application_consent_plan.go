// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package consent

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/tenantglue"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// scopeName is one delegated scope: Partner Center joins scopes with commas and Graph with spaces,
// so a scope holds neither.
var scopeName = regexp.MustCompile(`^[^\s,]+$`)

// ModifyPlan plans the id and the service principal, decides a replacement (another customer or
// application, other grants: Partner Center cannot change a consent) and says what it, a destroy,
// a display name only recorded and a trusted read mean, and refuses at plan what Partner Center or
// the read would refuse at apply: the partner's own tenant, a read in customers' tenants the
// credential cannot make, and a customer without the GDAP role a consent needs.
func (r *consentResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var state *consentModel
	if !req.State.Raw.IsNull() {
		state = &consentModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	}
	if req.Plan.Raw.IsNull() {
		resp.Diagnostics.AddWarning("Application consent removed", stopsWorking(state, "destroy"))
		return
	}
	var plan consentModel
	if resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...); resp.Diagnostics.HasError() {
		return
	}
	if framework.Known(plan.CustomerID) && framework.Known(plan.ApplicationID) {
		plan.ID = types.StringValue(consentID(plan.CustomerID.ValueString(), plan.ApplicationID.ValueString()))
	}
	replaced := state != nil && r.planChange(ctx, state, &plan, resp)
	if !plan.readsTenant() {
		plan.ServicePrincipalID = types.StringNull()
		resp.Diagnostics.AddAttributeWarning(path.Root("read_back"), "Application consent trusted, not read",
			fmt.Sprintf("The consent of application %s in customer %s is not read in the customer's tenant "+
				"(read_back = \"partner_center\"): Terraform trusts Partner Center's answer when it was made, and a grant or "+
				"scope removed in the tenant, or the application's service principal deleted there, is not seen by this plan.",
				plan.ApplicationID.ValueString(), plan.CustomerID.ValueString()))
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
	r.checkPlan(ctx, &plan, state == nil || replaced, &resp.Diagnostics)
}

// planChange plans the change of an existing consent: a replacement (reported true) when another
// customer, application or grants are asked for, with a warning of what it does; else in place,
// keeping the service principal, reading it on apply when read_back turns to "tenant", and
// warning that a new display name is only recorded.
func (r *consentResource) planChange(ctx context.Context, state, plan *consentModel, resp *resource.ModifyPlanResponse) bool {
	var replace []path.Path
	for name, ids := range map[string][2]types.String{"customer_id": {state.CustomerID, plan.CustomerID},
		"application_id": {state.ApplicationID, plan.ApplicationID}} {
		if ids[1].IsUnknown() || !strings.EqualFold(ids[0].ValueString(), ids[1].ValueString()) {
			replace = append(replace, path.Root(name))
		}
	}
	if planned := plan.grantsOf(ctx, &resp.Diagnostics); planned == nil || !planned.equal(state.grantsOf(ctx, &resp.Diagnostics)) {
		replace = append(replace, pathGrants)
	}
	if len(replace) > 0 {
		resp.RequiresReplace = append(resp.RequiresReplace, replace...)
		resp.Diagnostics.AddWarning("Application consent replaced", stopsWorking(state, "replace"))
		return true
	}
	plan.ServicePrincipalID = state.ServicePrincipalID
	if plan.readsTenant() && !state.readsTenant() {
		plan.ServicePrincipalID = types.StringUnknown() // read in the tenant on apply
	}
	if !plan.DisplayName.IsUnknown() && plan.DisplayName.ValueString() != state.DisplayName.ValueString() {
		resp.Diagnostics.AddAttributeWarning(path.Root("display_name"), "Display name recorded, not sent", fmt.Sprintf(
			"Partner Center takes a consent's display name only when the consent is made: the new display_name of "+
				"application %s in customer %s is recorded in the state, and nothing is sent. Replace the consent "+
				"(terraform apply -replace) to send it, which stops the application in that tenant in between.",
			plan.ApplicationID.ValueString(), plan.CustomerID.ValueString()))
	}
	return false
}

// stopsWorking says what removing state's consent does to the application in the tenant.
func stopsWorking(state *consentModel, action string) string {
	if state == nil {
		return ""
	}
	what := "Destroying"
	if action == "replace" {
		what = "Replacing (delete, then create: Partner Center cannot change a consent)"
	}
	return fmt.Sprintf("%s the consent of application %s in customer %s removes its service principal and grants in "+
		"that tenant: the application stops working there, and its cached tokens for the tenant become invalid, "+
		"until the consent is made again.", what, state.ApplicationID.ValueString(), state.CustomerID.ValueString())
}

// checkPlan refuses the partner's own tenant and a read_back the credential cannot serve, and, for
// a consent to make, a customer without an active relationship granting a consent role.
func (r *consentResource) checkPlan(ctx context.Context, plan *consentModel, creating bool, diags *diag.Diagnostics) {
	customer := plan.CustomerID.ValueString()
	if framework.Known(plan.CustomerID) && strings.EqualFold(customer, tenantglue.PartnerTenantID(r.data)) {
		diags.AddAttributeError(path.Root("customer_id"), "The partner's own tenant", "customer_id "+customer+" is the "+
			"partner's own tenant (tenant_id): Partner Center consents applications into customers' tenants only. Consent "+
			"the application in your own tenant in the Entra admin center.")
		return
	}
	if plan.readsTenant() && r.tenants != nil && r.tenants.Unavailable() != "" {
		diags.AddAttributeError(path.Root("read_back"), "Cannot read customers' tenants", "read_back = \"tenant\" reads "+
			"the consent in customer "+customer+"'s tenant, and the provider's credential cannot get a token there: "+
			r.tenants.Unavailable()+". Or set read_back = \"partner_center\" to trust Partner Center's answer instead.")
		return
	}
	if creating && framework.Known(plan.CustomerID) && r.graph != nil {
		r.checkConsentRole(ctx, customer, diags)
	}
}

// checkConsentRole fails the plan of a consent in a customer where the partner has no active GDAP
// relationship granting Application Administrator or Cloud Application Administrator, saying
// what it has; when Graph cannot be read it only warns, as Partner Center decides at apply.
func (r *consentResource) checkConsentRole(ctx context.Context, customer string, diags *diag.Diagnostics) {
	ctx, cancel, ok := framework.OperationContext(ctx, r.graph, framework.NoTimeout, framework.DefaultDataSourceTimeout, diags)
	defer cancel()
	if !ok {
		return
	}
	rels, err := r.relationshipsOf(ctx, framework.CanonicalID(customer))
	if err != nil {
		diags.AddWarning("GDAP not checked", "Could not read customer "+customer+"'s GDAP relationships to check that one "+
			"grants Application Administrator or Cloud Application Administrator, which Partner Center needs to consent "+
			"an application there; the apply will show Partner Center's answer.\n\n"+err.Error())
		return
	}
	var seen []string
	for _, rel := range rels {
		if rel.Status == "active" && slices.ContainsFunc(rel.Roles, rules.IsApplicationConsentRole) {
			return
		}
		seen = append(seen, fmt.Sprintf("%q (%s)", rel.DisplayName, rel.Status))
	}
	have := "none"
	if len(seen) > 0 {
		have = strings.Join(seen, ", ")
	}
	diags.AddAttributeError(path.Root("customer_id"), "No GDAP role to consent with", "Partner Center consents an "+
		"application into customer "+customer+"'s tenant only for a partner holding Application Administrator or Cloud "+
		"Application Administrator there through an active GDAP relationship (assigned to the signed-in user's group). "+
		"The customer's relationships: "+have+". Create the consent once such a relationship is active: select the "+
		"customers whose access_relationship_id is known for the consents' for_each.")
}

// relationshipsRead remembers each customer's relationships for the rest of the provider process:
// the plans of a customer's consents (the provider's own app, then others) check them once.
var relationshipsRead = framework.NewMemory[[]graph.Relationship]("consent/relationships-of-customer")

// relationshipsOf are customer's GDAP relationships, read once per provider process.
func (r *consentResource) relationshipsOf(ctx context.Context, customer string) ([]graph.Relationship, error) {
	if rels, ok := relationshipsRead.Recall(r.data, customer); ok {
		return rels, nil
	}
	rels, err := r.graph.ListRelationships(ctx, graph.Filter{CustomerTenantID: customer})
	if err == nil {
		relationshipsRead.Remember(r.data, customer, rels)
	}
	return rels, err
}

// consentID is the resource's id: the customer's and the application's ids in lower case.
func consentID(customer, app string) string {
	return framework.CanonicalID(customer) + "/" + strings.ToLower(app)
}
