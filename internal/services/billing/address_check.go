// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/pcglue"
)

// checkPlannedAddress checks, at plan time, an address the plan changes: first the rules that
// need no call (addressRuleViolations), then, unless validate_address is off, Partner Center's
// rules for its country and its address validation service: errors on the attribute for what
// Partner Center would reject, warnings with the suggested address for partial matches. An
// unchanged address costs no call, and an outage of the services never blocks the plan.
func (r *billingProfileResource) checkPlannedAddress(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse,
	customerID types.String, read planRead) {
	// Only the attributes needed are read: this runs for every resource in every plan, and
	// converting the whole model costs more than the rest of a large plan's provider work.
	var configured types.Object
	var validate types.Bool
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, addressPath, &configured)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("validate_address"), &validate)...)
	if resp.Diagnostics.HasError() || configured.IsNull() || configured.IsUnknown() {
		return
	}
	// Off, or after the plan already failed to read the profile, the checks make no call: the rules
	// that need none still judge the known values.
	enabled := pcglue.AddressChecksOn(r.data, validate) && !read.failed
	if enabled {
		var cancel context.CancelFunc
		ctx, cancel = planCallContext(ctx, req)
		defer cancel()
	}
	current, ok := r.currentAddress(ctx, req, customerID, configured, enabled, read, resp)
	if !ok {
		return
	}
	planned := mergeAddress(configured, current)
	if !planned.differsFrom(current, addressAttributeNames) {
		return
	}
	resp.Diagnostics.Append(missingRequiredParts(planned)...)
	resp.Diagnostics.Append(addressRuleViolations(planned)...)
	if resp.Diagnostics.HasError() || !enabled || !planned.differsFrom(current, postalAttributes) {
		return
	}
	id := ""
	if framework.Known(customerID) {
		id = framework.CanonicalID(customerID.ValueString())
	}
	resp.Diagnostics.Append(checkAddress(ctx, pcglue.Client(r.data), id, planned)...)
}

// Bounds of the plan-time check of one resource's address, so that a plan never waits long on
// a check that only advises: the whole check ends after addressCheckTimeout (or the resource's
// read timeout, when shorter), each call is retried once at most, and a Retry-After longer than
// addressCheckMaxRetryAfter is not waited for. What did not finish is reported as skipped.
const (
	addressCheckTimeout       = 30 * time.Second
	addressCheckRetries       = 1
	addressCheckMaxRetryAfter = 5 * time.Second
)

// planCallContext bounds the calls one resource's plan makes (the read of an adopted profile, the
// address check) and names them with one correlation id: they only advise, so a plan never waits
// long on them.
func planCallContext(ctx context.Context, req resource.ModifyPlanRequest) (context.Context, context.CancelFunc) {
	limit := addressCheckTimeout
	// Only the timeouts block is read, as checkPlannedAddress reads only what it needs.
	var block timeouts.Value
	if diags := req.Config.GetAttribute(ctx, timeoutsPath, &block); !diags.HasError() {
		if read, diags := blockTimeout(block, "read")(ctx, addressCheckTimeout); !diags.HasError() {
			limit = min(limit, read)
		}
	}
	ctx = transport.WithRetryLimits(ctx, transport.RetryLimits{MaxRetries: addressCheckRetries, MaxRetryAfter: addressCheckMaxRetryAfter})
	ctx, cancel := context.WithTimeout(ctx, limit)
	return partnercenter.WithCorrelationID(ctx, partnercenter.NewID()), cancel
}

// currentAddress is the address Partner Center holds, as far as the checks need it: the prior
// state's on update; on create, the profile the plan read (previewAdopt), or read here when the
// configuration leaves out an attribute the checks judge (and they are enabled), else nothing
// (not known: after a failed read, too). ok is false when the plan cannot be checked further.
func (r *billingProfileResource) currentAddress(ctx context.Context, req resource.ModifyPlanRequest, customerID types.String,
	configured types.Object, enabled bool, read planRead, resp *resource.ModifyPlanResponse) (map[string]types.String, bool) {
	diags := &resp.Diagnostics
	if !req.State.Raw.IsNull() {
		var prior types.Object
		diags.Append(req.State.GetAttribute(ctx, addressPath, &prior)...)
		return nullAddressValues(stringAttributes(prior)), !diags.HasError()
	}
	switch {
	case read.profile != nil:
		return apiAddressValues(read.profile.DefaultAddress), true
	case read.failed, !enabled, !leavesOut(configured, postalAttributes):
		return nil, true
	case !framework.Known(customerID):
		return nil, true // a customer known only at apply is checked then
	}
	id := framework.CanonicalID(customerID.ValueString())
	p, err := pcglue.Client(r.data).GetCustomerBillingProfile(ctx, id)
	switch {
	case partnercenter.IsCustomerNotFound(err):
		pcglue.AddError(diags, profileSubject("read", id), err) // the apply would fail the same way: say so now
		return nil, false
	case err != nil:
		addPlanReadFailure(diags, id, "the address was not checked at plan time", err)
		return nil, false
	}
	keepForCreate(ctx, p, resp.Private, diags)
	return apiAddressValues(p.DefaultAddress), true
}

// nullAddressValues completes a prior state's address: every attribute of a null address is null.
func nullAddressValues(m map[string]types.String) map[string]types.String {
	if m == nil {
		m = map[string]types.String{}
		for _, a := range addressAttributes {
			m[a.name] = types.StringNull()
		}
	}
	return m
}

// apiAddressValues is the address Partner Center holds as attribute values.
func apiAddressValues(a *partnercenter.Address) map[string]types.String {
	return nullAddressValues(stringAttributes(addressFromAPI(a, types.ObjectNull(addressAttrTypes))))
}

// leavesOut reports whether the configured object leaves any of names out.
func leavesOut(configured types.Object, names []string) bool {
	attrs := stringAttributes(configured)
	for _, n := range names {
		if attrs[n].IsNull() {
			return true
		}
	}
	return false
}

// differsFrom reports whether a may differ from current in any of names: a value differs, or one
// of them is not known.
func (a plannedAddress) differsFrom(current map[string]types.String, names []string) bool {
	for _, n := range names {
		v, known := a.value(n)
		c, held := current[n]
		if !known || !held || c.IsUnknown() || v != c.ValueString() {
			return true
		}
	}
	return false
}

// addAddressCheckFailure reports a check that could not run. What fails the apply too (pcglue.FailsApplyToo)
// is an error; anything else (an outage, a timeout, throttling) only skips the check, which
// Partner Center makes again at apply, so the plan goes on.
func addAddressCheckFailure(diags *diag.Diagnostics, customerID, why string, err error) {
	if pcglue.FailsApplyToo(err) {
		about := profileSubject("check the address of", customerID)
		about.Timeouts = false // the check has its own bounds, not a timeouts block of its own
		pcglue.AddError(diags, about, err)
		return
	}
	diags.AddAttributeWarning(addressPath, "Address validation skipped",
		"The address was not checked at plan time because "+why+"; Partner Center still checks it at apply.\n\n"+err.Error())
}

// addPlanReadFailure reports that the plan could not read the profile of customerID, so that why
// (what it could not do). What fails the apply too (pcglue.FailsApplyToo) is an error; anything else (an
// outage, a timeout, throttling) lets the plan go on.
func addPlanReadFailure(diags *diag.Diagnostics, customerID, why string, err error) {
	if pcglue.FailsApplyToo(err) {
		pcglue.AddError(diags, profileSubject("read", customerID), err)
		return
	}
	diags.AddWarning("Billing profile not read at plan",
		"The plan could not read the billing profile of customer "+customerID+", so "+why+". The apply reads it "+
			"again, and Partner Center checks what it writes.\n\n"+err.Error())
}

// checkAddress applies the country's rules, then asks the validation service when every part
// of the postal address is known.
func checkAddress(ctx context.Context, c *partnercenter.Client, customerID string, a plannedAddress) diag.Diagnostics {
	var diags diag.Diagnostics
	country, ok := a.value(attrCountry)
	if !ok || country == "" {
		return nil
	}
	rules, err := c.CountryValidationRules(ctx, country)
	switch {
	case partnercenter.IsNotFound(err):
		// No published rules for this country: only the validation service can judge.
	case err != nil:
		addAddressCheckFailure(&diags, customerID, "Partner Center's address rules could not be read", err)
		return diags
	default:
		diags.Append(ruleViolations(rules, a)...)
		if diags.HasError() {
			return diags
		}
	}
	postal, complete := a.postal()
	if !complete || postal.AddressLine1 == "" {
		return diags // judged again when Terraform plans with every value known
	}
	v, err := c.ValidateAddress(ctx, postal)
	if err != nil {
		addAddressCheckFailure(&diags, customerID, "Partner Center's address validation service did not answer", err)
		return diags
	}
	diags.Append(verdictDiagnostics(v)...)
	return diags
}

// postal is the address the validation service checks; complete is false while a part of it is
// not known.
func (a plannedAddress) postal() (partnercenter.PostalAddress, bool) {
	complete := true
	get := func(name string) string {
		v, known := a.value(name)
		complete = complete && known
		return v
	}
	p := partnercenter.PostalAddress{AddressLine1: get(attrAddressLine1), AddressLine2: get(attrAddressLine2),
		AddressLine3: get(attrAddressLine3), City: get(attrCity), State: get(attrState), PostalCode: get(attrPostalCode),
		Country: get(attrCountry)}
	return p, complete
}

// ruleViolations checks the known parts of the address against the country's published rules.
func ruleViolations(r *partnercenter.CountryRules, a plannedAddress) diag.Diagnostics {
	var diags diag.Diagnostics
	at := addressPath.AtName
	country, _ := a.value(attrCountry)
	if r.Country != "" {
		country = r.Country
	}
	state, stateKnown := a.value(attrState)
	switch {
	case stateKnown && r.IsStateRequired && state == "":
		diags.AddAttributeError(at(attrState), "State required", "Partner Center requires a state for addresses in "+country+
			", and the billing profile would have none. Set default_address.state"+examples(r.SupportedStates)+".")
	case stateKnown && state != "" && len(r.SupportedStates) > 0 && !slices.Contains(r.SupportedStates, strings.ToUpper(state)):
		diags.AddAttributeError(at(attrState), "Unknown state", fmt.Sprintf("%q is not a state Partner Center accepts for %s%s.",
			state, country, examples(r.SupportedStates)))
	}
	postal, postalKnown := a.value(attrPostalCode)
	switch {
	case postalKnown && r.IsPostalCodeRequired && postal == "":
		diags.AddAttributeError(at(attrPostalCode), "Postal code required", "Partner Center requires a postal code for addresses in "+
			country+", and the billing profile would have none. Set default_address.postal_code.")
	case postalKnown && postal != "" && !matches(r.PostalCodeRegex, postal):
		diags.AddAttributeError(at(attrPostalCode), "Invalid postal code", fmt.Sprintf(
			"%q does not have the form Partner Center expects for %s (pattern %s).", postal, country, r.PostalCodeRegex))
	}
	if city, known := a.value(attrCity); known && r.IsCityRequired && city == "" {
		diags.AddAttributeError(at(attrCity), "City required", "Partner Center requires a city for addresses in "+country+
			", and the billing profile would have none. Set default_address.city.")
	}
	if phone, known := a.value(attrPhoneNumber); known && phone != "" && !matches(r.PhoneNumberRegex, phone) {
		diags.AddAttributeWarning(at(attrPhoneNumber), "Unexpected phone number format", fmt.Sprintf(
			"%q does not have the form Partner Center documents for %s (pattern %s); it may be rejected.", phone, country, r.PhoneNumberRegex))
	}
	return diags
}

// matches reports whether v matches pattern; an empty or unusable pattern accepts everything.
func matches(pattern, v string) bool {
	if pattern == "" {
		return true
	}
	re, err := regexp.Compile(pattern)
	return err != nil || re.MatchString(v)
}

func examples(list []string) string {
	if len(list) == 0 {
		return ""
	}
	if len(list) > 8 {
		return " (for example " + strings.Join(list[:8], ", ") + ", ...)"
	}
	return " (one of " + strings.Join(list, ", ") + ")"
}

// verdictDiagnostics turns the validation service's status into diagnostics.
func verdictDiagnostics(v *partnercenter.AddressValidation) diag.Diagnostics {
	var diags diag.Diagnostics
	detail := v.ValidationMessage + suggestions(v.Suggested)
	switch v.Status {
	case partnercenter.AddressVerified, partnercenter.AddressVerifiedShippable:
	case partnercenter.AddressNone:
		diags.AddAttributeError(addressPath, "Address not found",
			"Partner Center's address validation could not find this address, and Partner Center would reject it. "+detail)
	case partnercenter.AddressInteractionRequired, partnercenter.AddressStreetPartial, partnercenter.AddressPremisesPartial, partnercenter.AddressMultiple:
		diags.AddAttributeWarning(addressPath, "Address only partly matched",
			"Partner Center's address validation answered "+v.Status+". Check the address, or use the suggestion. "+detail)
	default: // NotValidated, or a status this provider does not know yet
		diags.AddAttributeWarning(addressPath, "Address not validated",
			"Partner Center could not validate this address (status "+v.Status+"). "+detail)
	}
	return diags
}

func suggestions(list []partnercenter.PostalAddress) string {
	if len(list) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n\nSuggested:")
	for _, a := range list {
		b.WriteString("\n  - " + a.String())
	}
	return b.String()
}
