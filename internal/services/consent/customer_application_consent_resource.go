// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package consent

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/graphglue"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/pcglue"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/tenantglue"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

var (
	_ resource.ResourceWithConfigure      = (*consentResource)(nil)
	_ resource.ResourceWithImportState    = (*consentResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*consentResource)(nil)
	_ resource.ResourceWithIdentity       = (*consentResource)(nil)
	_ resource.ResourceWithValidateConfig = (*consentResource)(nil)
)

// NewApplicationConsentResource returns the partnercenter_customer_application_consent resource.
func NewApplicationConsentResource() resource.Resource {
	return &consentResource{appearsWithin: ConsentAppearsWithin, firstPoll: time.Second}
}

type consentResource struct {
	data    *framework.ProviderData
	pc      *partnercenter.Client
	graph   *graph.Client
	tenants *graph.CustomerTenants
	// appearsWithin bounds the wait for a consent to appear in (or leave) the customer's tenant;
	// firstPoll is the first wait between reads, doubled up to 15 s.
	appearsWithin, firstPoll time.Duration
}

func (r *consentResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + typeNameCustomerApplicationConsent
}

func (r *consentResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = consentResourceSchema(ctx)
}

func (r *consentResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = framework.Configured(req.ProviderData, &resp.Diagnostics)
	r.pc, r.graph, r.tenants = pcglue.Client(r.data), graphglue.Client(r.data), tenantglue.Tenants(r.data)
}

// ValidateConfig refuses grants that name one resource application twice: Partner Center takes
// one grant per resource.
func (r *consentResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m consentModel
	if resp.Diagnostics.Append(req.Config.Get(ctx, &m)...); resp.Diagnostics.HasError() || m.Grants.IsUnknown() || m.Grants.IsNull() {
		return
	}
	var elems []grantModel
	resp.Diagnostics.Append(m.Grants.ElementsAs(ctx, &elems, false)...)
	seen := map[string]bool{}
	for _, g := range elems {
		if !framework.Known(g.ResourceApplicationID) {
			continue
		}
		app := framework.CanonicalID(g.ResourceApplicationID.ValueString())
		if seen[app] {
			resp.Diagnostics.AddAttributeError(pathGrants, "Resource application granted twice", "grants names resource "+
				"application "+app+" more than once: give all of its scopes in one grant.")
		}
		seen[app] = true
	}
}

func subject(action string, m *consentModel) framework.Subject {
	return framework.Subject{Action: action, Object: fmt.Sprintf("the consent of application %s in customer %s",
		m.ApplicationID.ValueString(), m.CustomerID.ValueString()), Noun: "Application consent",
		CustomerID: m.CustomerID.ValueString(), Resource: true, Timeouts: true}
}

// Create consents the application through Partner Center and, with read_back "tenant", waits
// until the consent appears in the customer's tenant. An application consented there already is
// taken over when it grants what the configuration asks, and refused, saying what differs, when not.
func (r *consentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan consentModel
	if resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := framework.OperationContext(ctx, r.pc, plan.Timeouts.Create, consentCreateTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	want := plan.grantsOf(ctx, &resp.Diagnostics)
	customer, app := framework.CanonicalID(plan.CustomerID.ValueString()), framework.CanonicalID(plan.ApplicationID.ValueString())
	err := r.pc.CreateApplicationConsent(ctx, customer, partnercenter.ApplicationConsent{ApplicationID: app,
		DisplayName: plan.DisplayName.ValueString(), Grants: want.api()})
	plan.ID, plan.ServicePrincipalID = types.StringValue(consentID(customer, app)), types.StringNull()
	switch {
	case partnercenter.IsConsentExists(err):
		if !r.takeOver(ctx, &plan, want, &resp.Diagnostics) {
			return
		}
	case err != nil:
		pcglue.AddError(&resp.Diagnostics, subject("create", &plan), err)
		return
	case plan.readsTenant() && !r.awaitConsent(ctx, &plan, want, &resp.Diagnostics):
		// Not seen in the tenant yet: refreshes in the next half hour keep it while it appears.
		consentedAt, _ := json.Marshal(time.Now().UTC().Format(time.RFC3339))
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateAppearing, consentedAt)...)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	setConsentIdentity(ctx, resp.Identity, resp.State, &resp.Diagnostics)
}

// Read reads the consent in the customer's tenant (read_back "tenant"): its service principal and
// the grants it holds there become the state, so that drift plans the consent back. A consent the
// tenant does not show is removed from the state, except one that create did not see appear,
// in the first half hour after it was made. With read_back "partner_center" nothing is read.
func (r *consentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state consentModel
	if resp.Diagnostics.Append(req.State.Get(ctx, &state)...); resp.Diagnostics.HasError() {
		return
	}
	if state.readsTenant() {
		ctx, cancel, ok := framework.OperationContext(ctx, r.pc, state.Timeouts.Read, consentReadTimeout, &resp.Diagnostics)
		defer cancel()
		if !ok {
			return
		}
		appearing := stillAppearing(ctx, req.Private, &resp.Diagnostics)
		gone, appeared := r.readTenant(ctx, &state, appearing, &resp.Diagnostics)
		if appearing && appeared {
			resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateAppearing, nil)...)
		}
		if gone || resp.Diagnostics.HasError() {
			if gone {
				setConsentIdentity(ctx, resp.Identity, req.State, &resp.Diagnostics) // the framework asks for one all the same
				resp.State.RemoveResource(ctx)
			}
			return
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	setConsentIdentity(ctx, resp.Identity, resp.State, &resp.Diagnostics)
}

// Update records what changes nothing in the tenant (read_back, a display name, the case of an id
// or a scope): every other change replaces the consent. When read_back turns to "tenant", the
// consent's service principal is read there.
func (r *consentResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan consentModel
	if resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...); resp.Diagnostics.HasError() {
		return
	}
	if plan.ServicePrincipalID.IsUnknown() {
		ctx, cancel, ok := framework.OperationContext(ctx, r.pc, plan.Timeouts.Read, consentReadTimeout, &resp.Diagnostics)
		defer cancel()
		if !ok {
			return
		}
		customer := framework.CanonicalID(plan.CustomerID.ValueString())
		read := r.readConsent(ctx, customer, plan.ApplicationID.ValueString())
		if read.err != nil {
			tenantglue.AddError(&resp.Diagnostics, customer, subject("read", &plan), read.err)
			return
		}
		plan.ServicePrincipalID = types.StringNull()
		if read.found != nil {
			plan.ServicePrincipalID = types.StringValue(read.found.ServicePrincipalID)
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	setConsentIdentity(ctx, resp.Identity, resp.State, &resp.Diagnostics)
}

// Delete removes the consent through Partner Center and, with read_back "tenant", waits until the
// tenant no longer shows it, so that a replacement's create does not meet it. Partner Center's own
// answer that the application has no consent there is success once the tenant agrees; an unknown
// customer, or a 404 from anything else, is not.
func (r *consentResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state consentModel
	if resp.Diagnostics.Append(req.State.Get(ctx, &state)...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := framework.OperationContext(ctx, r.pc, state.Timeouts.Delete, consentDeleteTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	customer, app := framework.CanonicalID(state.CustomerID.ValueString()), framework.CanonicalID(state.ApplicationID.ValueString())
	err := r.pc.DeleteApplicationConsent(ctx, customer, app)
	switch {
	case err != nil && !partnercenter.IsConsentNotFound(err):
		pcglue.AddError(&resp.Diagnostics, subject("delete", &state), err)
	case !state.readsTenant():
	case err != nil: // Partner Center holds none: the tenant must agree
		if read := r.readConsent(ctx, customer, app); read.err != nil || read.found != nil {
			resp.Diagnostics.AddError("Application consent not removed", fmt.Sprintf("Partner Center answered that "+
				"application %s has no consent in customer %s, and the customer's tenant still holds its service principal "+
				"(or could not be read). Remove the enterprise application in the customer's Entra admin center, or remove "+
				"the consent from the state with a removed block.\n\n%v", app, customer, firstError(read.err, err)))
		}
	default:
		r.awaitGone(ctx, &state, &resp.Diagnostics)
	}
}

// firstError is the first of errs that is not nil.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// readTenant reads state's consent in its customer's tenant into state; gone reports a consent
// the tenant does not hold, appeared one that holds every grant of the state. appearing keeps the
// state of a consent still appearing when the tenant does not show it whole (yet).
func (r *consentResource) readTenant(ctx context.Context, state *consentModel, appearing bool, diags *diag.Diagnostics) (gone, appeared bool) {
	customer, app := framework.CanonicalID(state.CustomerID.ValueString()), state.ApplicationID.ValueString()
	read := r.readConsent(ctx, customer, app)
	prior := state.grantsOf(ctx, diags)
	state.ID = types.StringValue(consentID(customer, app))
	state.ReadBack = types.StringValue(readBackTenant)
	switch {
	case read.err != nil:
		tenantglue.AddError(diags, customer, subject("read", state), read.err)
		return false, false
	case (read.found == nil || read.notConsented) && appearing:
		diags.AddWarning("Application consent not in the tenant yet", fmt.Sprintf("The consent of application %s in "+
			"customer %s was made less than %s ago and does not show in the customer's tenant yet; the state keeps it as "+
			"made, and the next refresh reads it again.", app, customer, appearingWindow))
		return false, false
	case read.notConsented:
		brokenOwnConsent(state, prior, diags)
		return false, false
	case read.found == nil:
		diags.AddWarning("Application consent gone from the tenant", fmt.Sprintf("Microsoft Graph in customer %s's "+
			"tenant holds no service principal of application %s: the consent was removed there. The plan consents it "+
			"again.", customer, app))
		return true, false
	}
	state.ServicePrincipalID = types.StringValue(read.found.ServicePrincipalID)
	held := grants(read.found.Scopes).normal()
	if appearing && !held.covers(prior) {
		return false, false // the grants are still appearing
	}
	if prior == nil || !held.equal(prior) {
		state.Grants = held.value()
	}
	return false, true
}

// brokenOwnConsent records Entra ID's refusal of a Microsoft Graph token to the provider's own
// app in the tenant as not consented (AADSTS65001): the app has no consent there, or none on
// Graph. When the state grants Graph, the state keeps the other grants, so that the plan replaces
// the consent; otherwise the refusal is an error, as the tenant cannot be read.
func brokenOwnConsent(state *consentModel, prior grants, diags *diag.Diagnostics) {
	customer := framework.CanonicalID(state.CustomerID.ValueString())
	if _, onGraph := prior[rules.GraphApplicationID]; !onGraph {
		diags.AddError("Cannot read customer tenant "+customer, fmt.Sprintf("Entra ID refuses the provider's own app a "+
			"Microsoft Graph token in customer %s's tenant (AADSTS65001: not consented), and this consent grants nothing "+
			"on Microsoft Graph, through which the provider reads the tenant. Grant it Graph scopes (Application.Read.All), "+
			"which replaces it. %s", customer, tenantglue.TrustChoice))
		return
	}
	delete(prior, rules.GraphApplicationID)
	state.Grants, state.ServicePrincipalID = prior.value(), types.StringNull()
	diags.AddWarning("Application consent broken in the tenant", fmt.Sprintf("Entra ID refuses the provider's own app "+
		"(%s) a Microsoft Graph token in customer %s's tenant as not consented (AADSTS65001): its consent there, or its "+
		"grant on Microsoft Graph, was removed. The state no longer holds that grant, so the plan replaces the consent.",
		state.ApplicationID.ValueString(), customer))
}

// tenantRead is what a read of a consent in a customer's tenant found.
type tenantRead struct {
	// found is the consent, nil when the tenant holds no service principal of the app.
	found *graph.TenantConsent
	// notConsented: Entra ID refused the provider's own app a token in the tenant as not consented
	// (AADSTS65001), its own answer that the app holds no usable consent on Graph there: none at
	// all, or none on Graph.
	notConsented bool
	err          error
}

// readConsent reads application app's consent in customer's tenant.
func (r *consentResource) readConsent(ctx context.Context, customer, app string) tenantRead {
	found, err := r.tenants.ApplicationConsent(ctx, customer, app)
	if err != nil && tenantglue.NotConsented(err) && strings.EqualFold(app, tenantglue.AppID(r.data)) {
		return tenantRead{notConsented: true}
	}
	return tenantRead{found: found, err: err}
}
