package provider

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

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/client"
)

// ModifyPlan checks, at plan time, an address the plan changes against Partner Center's rules
// for its country and its address validation service: errors on the attribute for what Partner
// Center would reject, warnings with the suggested address for partial matches. An unchanged
// address costs no call, and an outage of the service never blocks the plan.
func (r *billingProfileResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.data == nil {
		return // destroy, or a provider configured only at apply
	}
	// Only the attributes needed are read: this runs for every resource in every plan, and
	// converting the whole model costs more than the rest of a large plan's provider work.
	var plannedObj, priorObj types.Object
	var validate types.Bool
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, addressPath, &plannedObj)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("validate_address"), &validate)...)
	planned := addressValues(plannedObj)
	if resp.Diagnostics.HasError() || len(planned) == 0 || !r.data.validateAddress(validate) {
		return
	}
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, addressPath, &priorObj)...)
	}
	prior := addressValues(priorObj)
	addr, phone, ok := candidateAddress(planned, prior)
	if !ok || (len(prior) > 0 && sameAddress(addr, phone, prior)) {
		return
	}
	ctx = client.WithCorrelationID(ctx, client.NewID())
	resp.Diagnostics.Append(checkAddress(ctx, r.data.client, addr, phone)...)
}

// addressValues reads default_address's attributes, or nothing when it is null or unknown.
func addressValues(obj types.Object) map[string]types.String {
	if obj.IsNull() || obj.IsUnknown() {
		return nil
	}
	out := map[string]types.String{}
	for name, v := range obj.Attributes() {
		if s, ok := v.(types.String); ok {
			out[name] = s
		}
	}
	return out
}

// candidateAddress is the address the apply will send: planned values where known, the prior
// state's where the plan leaves them unknown. ok is false when the country or the first line is
// not known yet.
func candidateAddress(planned, prior map[string]types.String) (client.PostalAddress, string, bool) {
	get := func(name string) string {
		if v, ok := planned[name]; ok && !v.IsUnknown() {
			return v.ValueString()
		}
		return prior[name].ValueString()
	}
	if len(planned) == 0 {
		return client.PostalAddress{}, "", false
	}
	a := client.PostalAddress{AddressLine1: get("address_line1"), AddressLine2: get("address_line2"),
		AddressLine3: get("address_line3"), City: get("city"), State: get("state"), PostalCode: get("postal_code"),
		Country: get("country")}
	return a, get("phone_number"), a.Country != "" && a.AddressLine1 != ""
}

func sameAddress(a client.PostalAddress, phone string, prior map[string]types.String) bool {
	p, priorPhone, _ := candidateAddress(prior, nil)
	return a == p && phone == priorPhone
}

var addressPath = path.Root("default_address")

// checkAddress applies the country's rules, then asks the validation service.
func checkAddress(ctx context.Context, c *client.Client, a client.PostalAddress, phone string) diag.Diagnostics {
	var diags diag.Diagnostics
	rules, err := c.CountryValidationRules(ctx, a.Country)
	switch {
	case client.IsNotFound(err):
		// No published rules for this country: only the validation service can judge.
	case err != nil:
		diags.AddAttributeWarning(addressPath, "Address validation skipped",
			"Partner Center's address rules could not be read, so the address was not checked at plan time; "+
				"Partner Center still checks it at apply.\n\n"+err.Error())
		return diags
	default:
		diags.Append(ruleViolations(rules, a, phone)...)
		if diags.HasError() {
			return diags
		}
	}
	v, err := c.ValidateAddress(ctx, a)
	if err != nil {
		diags.AddAttributeWarning(addressPath, "Address validation skipped",
			"Partner Center's address validation service did not answer, so the address was not verified at plan "+
				"time; Partner Center still checks it at apply.\n\n"+err.Error())
		return diags
	}
	diags.Append(verdictDiagnostics(v)...)
	return diags
}

// ruleViolations checks the address against the country's published rules.
func ruleViolations(r *client.CountryRules, a client.PostalAddress, phone string) diag.Diagnostics {
	var diags diag.Diagnostics
	at := addressPath.AtName
	country := r.Country
	if country == "" {
		country = a.Country
	}
	switch {
	case r.IsStateRequired && a.State == "":
		diags.AddAttributeError(at("state"), "State required", "Partner Center requires a state for addresses in "+country+
			". Set default_address.state"+examples(r.SupportedStates)+".")
	case a.State != "" && len(r.SupportedStates) > 0 && !slices.Contains(r.SupportedStates, strings.ToUpper(a.State)):
		diags.AddAttributeError(at("state"), "Unknown state", fmt.Sprintf("%q is not a state Partner Center accepts for %s%s.",
			a.State, country, examples(r.SupportedStates)))
	}
	switch {
	case r.IsPostalCodeRequired && a.PostalCode == "":
		diags.AddAttributeError(at("postal_code"), "Postal code required", "Partner Center requires a postal code for addresses in "+country+".")
	case a.PostalCode != "" && !matches(r.PostalCodeRegex, a.PostalCode):
		diags.AddAttributeError(at("postal_code"), "Invalid postal code", fmt.Sprintf(
			"%q does not have the form Partner Center expects for %s (pattern %s).", a.PostalCode, country, r.PostalCodeRegex))
	}
	if r.IsCityRequired && a.City == "" {
		diags.AddAttributeError(at("city"), "City required", "Partner Center requires a city for addresses in "+country+".")
	}
	if phone != "" && !matches(r.PhoneNumberRegex, phone) {
		diags.AddAttributeWarning(at("phone_number"), "Unexpected phone number format", fmt.Sprintf(
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
func verdictDiagnostics(v *client.AddressValidation) diag.Diagnostics {
	var diags diag.Diagnostics
	detail := v.ValidationMessage + suggestions(v.Suggested)
	switch v.Status {
	case client.AddressVerified, client.AddressVerifiedShippable:
	case client.AddressNone:
		diags.AddAttributeError(addressPath, "Address not found",
			"Partner Center's address validation could not find this address, and Partner Center would reject it. "+detail)
	case client.AddressNotValidated:
		diags.AddAttributeWarning(addressPath, "Address not validated",
			"Partner Center could not validate this address (status NotValidated). "+detail)
	default: // InteractionRequired, StreetPartial, PremisesPartial, Multiple
		diags.AddAttributeWarning(addressPath, "Address only partly matched",
			"Partner Center's address validation answered "+v.Status+". Check the address, or use the suggestion. "+detail)
	}
	return diags
}

func suggestions(list []client.PostalAddress) string {
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
