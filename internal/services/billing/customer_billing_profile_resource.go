// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"context"
	"encoding/json"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/pcglue"
)

var (
	_ resource.ResourceWithConfigure      = (*billingProfileResource)(nil)
	_ resource.ResourceWithImportState    = (*billingProfileResource)(nil)
	_ resource.ResourceWithValidateConfig = (*billingProfileResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*billingProfileResource)(nil)
)

// Default operation timeouts; the timeouts block overrides them.
const (
	defaultCreateTimeout = 10 * time.Minute
	defaultReadTimeout   = 5 * time.Minute
	defaultUpdateTimeout = 10 * time.Minute
)

// What private state keeps of the profile as last read or written, so that an update can PUT the
// whole profile without reading it again first. Terraform stores and rewrites every instance's
// private state with the state, so it keeps as little as it can: only what the state's attributes
// do not hold (privateUnmodelledKey), and the whole profile (privateProfileKey) only while the
// state holds values Partner Center does not (the planned values kept after another writer's
// change), from which the profile could not be rebuilt.
const (
	privateUnmodelledKey = "unmodelled"
	privateProfileKey    = "profile"
)

// privateAdoptKey is the planned private state's copy of the profile the plan of a create read
// (keepForCreate), so that the create starts from it instead of reading it again.
const privateAdoptKey = "adopt"

// NewCustomerBillingProfileResource returns the partnercenter_customer_billing_profile resource.
func NewCustomerBillingProfileResource() resource.Resource { return &billingProfileResource{} }

type billingProfileResource struct {
	data   *framework.ProviderData
	client *partnercenter.Client
}

func (r *billingProfileResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + typeNameCustomerBillingProfile
}

func (r *billingProfileResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = billingProfileResourceSchema(ctx)
}

func (r *billingProfileResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = framework.Configured(req.ProviderData, &resp.Diagnostics)
	r.client = pcglue.Client(r.data)
}

// Create adopts the profile, which exists with its customer: it reads it (unless its plan just
// did, see keepForCreate), writes the configured attributes over it, and PUTs only when that
// changes something.
func (r *billingProfileResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, d := readResourceModel(ctx, req.Plan.Raw)
	resp.Diagnostics.Append(d...)
	config, d := readResourceModel(ctx, req.Config.Raw)
	if resp.Diagnostics.Append(d...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := framework.OperationContext(ctx, r.client, plan.timeout("create"), defaultCreateTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	customerID := plan.customerID()
	base := keptForCreate(ctx)
	if base == nil {
		var err error
		if base, err = r.client.GetCustomerBillingProfile(ctx, customerID); err != nil {
			pcglue.AddError(&resp.Diagnostics, profileSubject("create", customerID), err)
			return
		}
	}
	r.apply(ctx, base, plan, written(plan.billingProfileModel, config.billingProfileModel, nil), &resp.State, resp.Private, &resp.Diagnostics)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, customerID)...)
}

func (r *billingProfileResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, d := readResourceModel(ctx, req.State.Raw)
	if resp.Diagnostics.Append(d...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := framework.OperationContext(ctx, r.client, state.timeout("read"), defaultReadTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	customerID := state.customerID()
	p, err := r.readForState(ctx, customerID, state)
	// Only Partner Center's own answer removes the profile from state: a proxy's 404 page or a
	// wrong base_url must not make Terraform forget what it manages.
	if partnercenter.IsCustomerNotFound(err) {
		noteGone(r.data, customerID, err)
		resp.Diagnostics.AddWarning("Customer no longer found",
			"Partner Center no longer has customer "+customerID+" (or this partner can no longer reach it), so its "+
				"billing profile was removed from the state. While the configuration still declares it, plans fail: "+
				"remove it from the configuration.\n\n"+err.Error())
		resp.State.RemoveResource(ctx)
		// The framework wants an identity even when the read removes the resource, and state that
		// Terraform before 1.12 or OpenTofu before 1.12 wrote has none yet.
		resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, customerID)...)
		return
	}
	if err != nil {
		pcglue.AddError(&resp.Diagnostics, profileSubject("read", customerID), err)
		return
	}
	r.store(ctx, p, stateOf(p, state), &resp.State, resp.Private, &resp.Diagnostics)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, customerID)...)
}

// readForState reads the profile for Read. An import's state holds no ETag yet: it takes the read
// partnercenter_customer_billing_profiles made of the same profile moments before in this plan,
// when there is one, instead of reading it again.
func (r *billingProfileResource) readForState(ctx context.Context, customerID string, state billingProfileResourceModel) (*partnercenter.BillingProfile, error) {
	if state.ETag.IsNull() {
		if p := takeOfferedRead(r.data, customerID); p != nil {
			return p, nil
		}
	}
	return r.client.GetCustomerBillingProfile(ctx, customerID)
}

// Update PUTs with the ETag from state, starting from the profile kept in private state; on 412
// the client re-reads and writes what the plan changes over the fresh copy.
func (r *billingProfileResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, d := readResourceModel(ctx, req.Plan.Raw)
	resp.Diagnostics.Append(d...)
	config, d := readResourceModel(ctx, req.Config.Raw)
	resp.Diagnostics.Append(d...)
	state, d := readResourceModel(ctx, req.State.Raw)
	if resp.Diagnostics.Append(d...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := framework.OperationContext(ctx, r.client, plan.timeout("update"), defaultUpdateTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	if framework.Known(plan.ETag) {
		// The plan kept the ETag: it changes nothing in Partner Center (see ModifyPlan), so
		// nothing is sent and the private copy of the profile stays as it is.
		resp.State.Raw = req.Plan.Raw
		resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, state.customerID())...)
		return
	}
	base := r.lastKnown(ctx, req.Private, state.billingProfileModel)
	if base == nil {
		var err error
		if base, err = r.client.GetCustomerBillingProfile(ctx, state.customerID()); err != nil {
			pcglue.AddError(&resp.Diagnostics, profileSubject("update", state.customerID()), err)
			return
		}
	}
	w := written(plan.billingProfileModel, config.billingProfileModel, &state.billingProfileModel)
	r.apply(ctx, base, plan, w, &resp.State, resp.Private, &resp.Diagnostics)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, plan.customerID())...)
}

// Delete calls no API: a billing profile cannot be deleted.
func (r *billingProfileResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var customerID string
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("customer_id"), &customerID)...)
	resp.Diagnostics.AddWarning("Billing profile left in Partner Center",
		"A billing profile exists as long as its customer and cannot be deleted. The billing profile of customer "+
			customerID+" was removed from the Terraform state and stays in Partner Center as it is.")
}

// ImportState takes the customer id, in any case, from the import id or the identity, and keeps
// it in canonical form; Read fills in the rest.
func (r *billingProfileResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, ok := importedCustomerID(ctx, req, &resp.Diagnostics)
	if !ok {
		return
	}
	framework.SaveImported(ctx, resp, []string{identityCustomerID}, []string{id})
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
}

// keepForCreate keeps p, the profile the plan of a create read, in the plan's private state for the
// create, so that adopting a profile costs one read per walk: Terraform plans again right before
// it applies, and the profile that plan read is seconds old when the create starts. The ETag
// guards the write: if someone changed the profile in between, the update meets 412, reads it
// again and writes the configuration over the fresh copy.
func keepForCreate(ctx context.Context, p *partnercenter.BillingProfile, private privateState, diags *diag.Diagnostics) {
	b, err := json.Marshal(p)
	if err != nil {
		diags.AddError("Could not keep the billing profile", err.Error())
		return
	}
	diags.Append(private.SetKey(ctx, privateAdoptKey, b)...)
}

// keptForCreate is the profile the plan of the create being applied read, nil when it read none.
func keptForCreate(ctx context.Context) *partnercenter.BillingProfile {
	raw := framework.PlannedPrivate(ctx, privateAdoptKey)
	if raw == nil {
		return nil
	}
	var p partnercenter.BillingProfile
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil
	}
	return &p
}

// apply writes w, what the plan shows apply writing (see written), over base through the client's
// conflict loop and saves the profile Partner Center answered with, keeping the planned values of
// the attributes it did not write (see applied_state.go) and warning about any that changed meanwhile.
func (r *billingProfileResource) apply(ctx context.Context, base *partnercenter.BillingProfile, plan billingProfileResourceModel,
	w billingProfileModel, state *tfsdk.State, private privateState, diags *diag.Diagnostics) {
	customerID := plan.customerID()
	p, err := r.client.ApplyCustomerBillingProfile(ctx, customerID, base, w.profileChange())
	if err != nil {
		pcglue.AddError(diags, profileSubject("update", customerID), err)
		return
	}
	before, next := stateOf(base, plan), stateOf(p, plan)
	addUnconfiguredChangesWarning(diags, customerID, unconfiguredChanges(before.billingProfileModel, next.billingProfileModel, w))
	next.keepPlanned(plan.billingProfileModel, w)
	r.store(ctx, p, next, state, private, diags)
}

// stateOf is the resource's state for profile p, with prior (the plan, or the prior state)
// supplying the customer id, the settings, and the "" the configuration may hold.
func stateOf(p *partnercenter.BillingProfile, prior billingProfileResourceModel) billingProfileResourceModel {
	next := billingProfileResourceModel{settings: prior.settings}
	next.fromProfile(prior.CustomerID.ValueString(), p, prior.billingProfileModel)
	return next
}

// store puts next into state and keeps in private state what an update needs to rebuild p.
func (r *billingProfileResource) store(ctx context.Context, p *partnercenter.BillingProfile, next billingProfileResourceModel,
	state *tfsdk.State, private privateState, diags *diag.Diagnostics) {
	v, d := next.value(ctx, state.Raw.Type())
	if diags.Append(d...); diags.HasError() {
		return
	}
	state.Raw = v
	kept, unmodelled, err := keptProfile(p, next.billingProfileModel)
	if err != nil {
		diags.AddError("Could not keep the billing profile", err.Error())
		return
	}
	keep, drop := privateProfileKey, privateUnmodelledKey
	if unmodelled {
		keep, drop = drop, keep
	}
	diags.Append(private.SetKey(ctx, drop, nil)...)
	diags.Append(private.SetKey(ctx, keep, kept)...)
}

// keptProfile is what private state keeps of p when the state holds m: only p's unmodelled part
// when that and m rebuild p exactly, else the whole of p.
func keptProfile(p *partnercenter.BillingProfile, m billingProfileModel) (kept []byte, unmodelled bool, err error) {
	if kept, err = p.Unmodelled(); err != nil {
		return nil, false, err
	}
	if rebuilt, err := rebuildProfile(kept, m); err == nil && rebuilt.Equal(p) {
		return kept, true, nil
	}
	kept, err = json.Marshal(p)
	return kept, false, err
}

// rebuildProfile is the profile whose unmodelled part is unmodelled and whose ETag and keyed fields
// the state holds (m).
func rebuildProfile(unmodelled []byte, m billingProfileModel) (*partnercenter.BillingProfile, error) {
	p, err := partnercenter.ProfileFromUnmodelled(unmodelled)
	if err != nil {
		return nil, err
	}
	p.ETag = m.ETag.ValueString()
	for _, a := range profileAttributes {
		p.SetField(a.key, m.Profile[a.name].ValueString())
	}
	if m.Address.IsNull() || m.Address.IsUnknown() {
		p.DefaultAddress = nil
		return p, nil
	}
	if p.DefaultAddress == nil {
		p.DefaultAddress = &partnercenter.Address{}
	}
	values := stringAttributes(m.Address)
	for _, a := range addressAttributes {
		p.DefaultAddress.SetField(a.key, values[a.name].ValueString())
	}
	return p, nil
}

// lastKnown returns the profile as last read or written, from private state and the state (m),
// when private state holds the version state names, else nil.
func (r *billingProfileResource) lastKnown(ctx context.Context, private privateState, m billingProfileModel) *partnercenter.BillingProfile {
	if raw, diags := private.GetKey(ctx, privateUnmodelledKey); !diags.HasError() && len(raw) > 0 {
		p, err := rebuildProfile(raw, m)
		if err == nil {
			return p
		}
		// The reason goes to the debug log only: reading the profile again is the whole remedy.
		tflog.Debug(ctx, "Kept billing profile unusable; reading it again", map[string]any{"reason": err.Error()})
		return nil
	}
	raw, diags := private.GetKey(ctx, privateProfileKey)
	if diags.HasError() || len(raw) == 0 {
		return nil
	}
	var p partnercenter.BillingProfile
	reason := "not the version the state names"
	err := json.Unmarshal(raw, &p)
	if err != nil {
		reason = err.Error()
	}
	if err != nil || p.ETag != m.ETag.ValueString() {
		tflog.Debug(ctx, "Kept billing profile unusable; reading it again", map[string]any{"reason": reason})
		return nil
	}
	return &p
}

// ValidateConfig checks the address rules that span attributes, at plan time, and warns of a
// default_address that sets nothing.
func (r *billingProfileResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var address types.Object
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, addressPath, &address)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(addressRuleViolations(configuredAddress(address))...)
	if setsNothing(address) {
		resp.Diagnostics.AddAttributeWarning(addressPath, "default_address sets nothing",
			"default_address is set, but none of its attributes is, so the address stays as Partner Center holds it. "+
				"Terraform drops an attribute it does not know inside an object without an error, so a misspelled name "+
				"(adress_line1 for address_line1) does nothing: check the names against the resource's documentation.") //nolint:misspell // the misspelling is the example
	}
}

// setsNothing reports whether a configured default_address is an object all of whose attributes
// are null (none unknown): what is left of an address whose every attribute was misspelled.
func setsNothing(address types.Object) bool {
	if address.IsNull() || address.IsUnknown() {
		return false
	}
	for _, v := range address.Attributes() {
		if !v.IsNull() {
			return false
		}
	}
	return true
}

// privateState is what Create, Read and Update responses offer to keep private data.
type privateState interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}
