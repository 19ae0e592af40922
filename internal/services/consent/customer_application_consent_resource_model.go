// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package consent

import (
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// Ways a consent is read back (read_back).
const (
	readBackTenant        = "tenant"
	readBackPartnerCenter = "partner_center"
)

// consentModel is partnercenter_customer_application_consent in Terraform.
type consentModel struct {
	ID                 types.String   `tfsdk:"id"`
	CustomerID         types.String   `tfsdk:"customer_id"`
	ApplicationID      types.String   `tfsdk:"application_id"`
	DisplayName        types.String   `tfsdk:"display_name"`
	Grants             types.Set      `tfsdk:"grants"`
	ReadBack           types.String   `tfsdk:"read_back"`
	ServicePrincipalID types.String   `tfsdk:"service_principal_id"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
}

// grantModel is one element of grants.
type grantModel struct {
	ResourceApplicationID types.String `tfsdk:"resource_application_id"`
	Scopes                types.Set    `tfsdk:"scopes"`
}

var grantType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"resource_application_id": types.StringType,
	"scopes":                  types.SetType{ElemType: types.StringType},
}}

// grants is scopes by resource application id (lower case), each list sorted; what two sets of
// grants are compared by.
type grants map[string][]string

// readsTenant says whether m's consent is read in the customer's tenant: read_back "tenant", the
// default (null after an import).
func (m *consentModel) readsTenant() bool {
	return m.ReadBack.IsNull() || m.ReadBack.IsUnknown() || m.ReadBack.ValueString() == readBackTenant
}

// grantsOf reads m's grants; nil when they are unknown.
func (m *consentModel) grantsOf(ctx context.Context, diags *diag.Diagnostics) grants {
	if m.Grants.IsUnknown() || m.Grants.IsNull() {
		return nil
	}
	var elems []grantModel
	diags.Append(m.Grants.ElementsAs(ctx, &elems, false)...)
	out := grants{}
	for _, g := range elems {
		var scopes []string
		diags.Append(g.Scopes.ElementsAs(ctx, &scopes, false)...)
		app := strings.ToLower(g.ResourceApplicationID.ValueString())
		out[app] = append(out[app], scopes...)
	}
	return out.normal()
}

// normal is g with each resource's scopes sorted, once each (without regard to case).
func (g grants) normal() grants {
	out := grants{}
	for app, scopes := range g {
		seen := map[string]bool{}
		for _, s := range scopes {
			if !seen[strings.ToLower(s)] {
				seen[strings.ToLower(s)] = true
				out[strings.ToLower(app)] = append(out[strings.ToLower(app)], s)
			}
		}
		slices.SortFunc(out[strings.ToLower(app)], func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	}
	return out
}

// equal reports whether g and o grant the same scopes on the same resources, without regard to
// case: Entra ID matches both without it.
func (g grants) equal(o grants) bool {
	g, o = g.normal(), o.normal()
	if len(g) != len(o) {
		return false
	}
	for app, scopes := range g {
		if !slices.EqualFunc(scopes, o[app], strings.EqualFold) {
			return false
		}
	}
	return true
}

// covers reports whether g grants at least every scope of o.
func (g grants) covers(o grants) bool {
	for app, scopes := range o {
		for _, s := range scopes {
			if !slices.ContainsFunc(g[app], func(h string) bool { return strings.EqualFold(h, s) }) {
				return false
			}
		}
	}
	return true
}

// value is g as the grants attribute.
func (g grants) value() types.Set {
	elems := make([]attr.Value, 0, len(g))
	for app, scopes := range g.normal() {
		elems = append(elems, types.ObjectValueMust(grantType.AttrTypes, map[string]attr.Value{
			"resource_application_id": types.StringValue(app),
			"scopes":                  framework.StringSet(scopes),
		}))
	}
	return types.SetValueMust(grantType, elems)
}

// api is g as Partner Center takes it, in resource order.
func (g grants) api() []partnercenter.ApplicationGrant {
	out := make([]partnercenter.ApplicationGrant, 0, len(g))
	for app, scopes := range g.normal() {
		out = append(out, partnercenter.ApplicationGrant{ResourceApplicationID: app, Scopes: scopes})
	}
	slices.SortFunc(out, func(a, b partnercenter.ApplicationGrant) int {
		return strings.Compare(a.ResourceApplicationID, b.ResourceApplicationID)
	})
	return out
}

// text is g as a sentence names it: "00000003-...: Directory.Read.All, User.Read.All; ...".
func (g grants) text() string {
	if len(g) == 0 {
		return "none"
	}
	var parts []string
	for app, scopes := range g.normal() {
		parts = append(parts, app+": "+strings.Join(scopes, ", "))
	}
	slices.Sort(parts)
	return strings.Join(parts, "; ")
}
