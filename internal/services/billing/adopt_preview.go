// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/pcglue"
)

// planRead is what the plan of a create read of the profile: the profile, or the failure of the
// read (already reported), or neither when it read nothing.
type planRead struct {
	profile *partnercenter.BillingProfile
	failed  bool
}

// previewAdopt shows the reviewer of a create what the adopt will overwrite. A new resource plans
// every configured attribute as new (+), although the profile exists and holds values; when the
// configuration writes anything, the profile is read once and a warning lists each configured
// attribute with the value Partner Center holds now and the one apply writes. The profile read is
// kept for the create (keepForCreate) and for the address checks.
func (r *billingProfileResource) previewAdopt(ctx context.Context, req resource.ModifyPlanRequest, customerID types.String,
	resp *resource.ModifyPlanResponse) planRead {
	config, d := readResourceModel(ctx, req.Config.Raw)
	if resp.Diagnostics.Append(d...); d.HasError() || !framework.Known(customerID) || !writesAnything(config.billingProfileModel) {
		return planRead{}
	}
	ctx, cancel := planCallContext(ctx, req)
	defer cancel()
	id := framework.CanonicalID(customerID.ValueString())
	p, err := pcglue.Client(r.data).GetCustomerBillingProfile(ctx, id)
	switch {
	case partnercenter.IsCustomerNotFound(err):
		pcglue.AddError(&resp.Diagnostics, profileSubject("read", id), err) // the apply would fail the same way: say so now
		return planRead{failed: true}
	case err != nil:
		addPlanReadFailure(&resp.Diagnostics, id, "it cannot show what adopting the profile overwrites, nor check the address "+
			"against what the profile holds", err)
		return planRead{failed: true}
	}
	keepForCreate(ctx, p, resp.Private, &resp.Diagnostics)
	addAdoptWarning(&resp.Diagnostics, id, overwrites(config.billingProfileModel, p))
	return planRead{profile: p}
}

// writesAnything reports whether config sets a known value apply writes.
func writesAnything(config billingProfileModel) bool {
	return len(configuredFields(profileAttributes, config.Profile)) > 0 ||
		len(configuredFields(addressAttributes, stringAttributes(config.Address))) > 0
}

// overwrite is a configured attribute whose value the adopt changes in Partner Center.
type overwrite struct {
	attr, held, written string
}

// overwrites lists the known configured values of config that differ from what p holds, in the
// order of the attribute tables.
func overwrites(config billingProfileModel, p *partnercenter.BillingProfile) []overwrite {
	var out []overwrite
	for _, a := range profileAttributes {
		if v := config.Profile[a.name]; framework.Known(v) && v.ValueString() != p.Field(a.key) {
			out = append(out, overwrite{a.name, p.Field(a.key), v.ValueString()})
		}
	}
	configured := stringAttributes(config.Address)
	for _, a := range addressAttributes {
		held := ""
		if p.DefaultAddress != nil {
			held = p.DefaultAddress.Field(a.key)
		}
		if v := configured[a.name]; framework.Known(v) && v.ValueString() != held {
			out = append(out, overwrite{attrDefaultAddress + "." + a.name, held, v.ValueString()})
		}
	}
	return out
}

// addAdoptWarning tells the reviewer which values creating the resource overwrites in Partner
// Center, which the plan cannot show as before and after, and how to see them so.
func addAdoptWarning(diags *diag.Diagnostics, customerID string, list []overwrite) {
	if len(list) == 0 {
		return
	}
	var b strings.Builder
	for _, o := range list {
		held := fmt.Sprintf("%q", o.held)
		if o.held == "" {
			held = "(none)"
		}
		fmt.Fprintf(&b, "\n  - %s: %s -> %q", o.attr, held, o.written)
	}
	diags.AddWarning("Adopting overwrites values Partner Center holds",
		"The billing profile of customer "+customerID+" exists in Partner Center. Creating this resource adopts it and "+
			"writes the configured values over what it holds; the plan shows them as new because the resource is new to "+
			"Terraform. Partner Center holds now -> apply writes:"+b.String()+"\n\n"+
			"To review adoptions as before and after in the plan itself, import the profile first: an import block "+
			"with id = \""+customerID+"\" (Terraform 1.5+), then the plan shows each change as an update.")
}
