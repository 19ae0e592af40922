// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package onboarding

import (
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// coverageModel is partnercenter_onboarding_coverage in Terraform.
type coverageModel struct {
	EndingWithinDays           types.Int64                      `tfsdk:"ending_within_days"`
	ApplicationIDs             types.Set                        `tfsdk:"application_ids"`
	Customers                  map[string]customerCoverageModel `tfsdk:"customers"`
	WithoutActiveRelationship  types.Set                        `tfsdk:"without_active_relationship"`
	WithoutAccessAssigned      types.Set                        `tfsdk:"without_access_assigned"`
	EndingWithoutAutoExtension types.Set                        `tfsdk:"ending_without_auto_extension"`
	HoldingGlobalAdministrator types.Set                        `tfsdk:"holding_global_administrator"`
	NotInPartnerCenter         types.Set                        `tfsdk:"not_in_partner_center"`
	WithoutConsent             types.Set                        `tfsdk:"without_consent"`
	UnreadableTenants          types.Set                        `tfsdk:"unreadable_tenants"`
}

// customerCoverageModel is one customer's row.
type customerCoverageModel struct {
	TenantID                 types.String `tfsdk:"tenant_id"`
	Name                     types.String `tfsdk:"name"`
	InPartnerCenter          types.Bool   `tfsdk:"in_partner_center"`
	GDAPStatus               types.String `tfsdk:"gdap_status"`
	ActiveRelationshipID     types.String `tfsdk:"active_relationship_id"`
	ActiveSince              types.String `tfsdk:"active_since"`
	ActiveUntil              types.String `tfsdk:"active_until"`
	AutoExtends              types.Bool   `tfsdk:"auto_extends"`
	HoldsGlobalAdministrator types.Bool   `tfsdk:"holds_global_administrator"`
	AccessAssigned           types.Bool   `tfsdk:"access_assigned"`
	AssignedSecurityGroupIDs types.Set    `tfsdk:"assigned_security_group_ids"`
	ConsentedApplications    types.Set    `tfsdk:"consented_applications"`
}

// fill sets m's computed attributes from rows, and the consents read of apps.
func (m *coverageModel) fill(rows map[string]*coverageRow, apps []string, consents consentsRead) {
	m.Customers = make(map[string]customerCoverageModel, len(rows))
	var noActive, noAccess, ending, globalAdmin, notInPC, noConsent []string
	for tenant, r := range rows {
		r.Consented, r.ConsentsRead = consents.Read[tenant]
		if (r.ConsentsRead && len(r.Consented) < len(apps)) || slices.Contains(consents.NotConsented, tenant) {
			noConsent = append(noConsent, tenant)
		}
		m.Customers[tenant] = r.model()
		switch {
		case r.Active == nil:
			noActive = append(noActive, tenant)
		case len(r.Groups) == 0:
			noAccess = append(noAccess, tenant)
		}
		if r.EndingWithoutExtension {
			ending = append(ending, tenant)
		}
		if r.GlobalAdministrator {
			globalAdmin = append(globalAdmin, tenant)
		}
		if !r.InPartnerCenter {
			notInPC = append(notInPC, tenant)
		}
	}
	m.WithoutActiveRelationship, m.WithoutAccessAssigned = framework.StringSet(noActive), framework.StringSet(noAccess)
	m.EndingWithoutAutoExtension, m.HoldingGlobalAdministrator = framework.StringSet(ending), framework.StringSet(globalAdmin)
	m.NotInPartnerCenter = framework.StringSet(notInPC)
	m.WithoutConsent, m.UnreadableTenants = framework.StringSet(noConsent), framework.StringSet(consents.Unreadable)
}

// model is r as Terraform shows it: what no active relationship can say is null.
func (r *coverageRow) model() customerCoverageModel {
	c := customerCoverageModel{TenantID: types.StringValue(r.TenantID), Name: framework.StringOrNull(r.Name),
		InPartnerCenter: types.BoolValue(r.InPartnerCenter), GDAPStatus: framework.StringOrNull(r.Status),
		ActiveRelationshipID: types.StringNull(), ActiveSince: types.StringNull(), ActiveUntil: types.StringNull(),
		AutoExtends: types.BoolNull(), HoldsGlobalAdministrator: types.BoolValue(r.GlobalAdministrator),
		AccessAssigned: types.BoolValue(len(r.Groups) > 0), AssignedSecurityGroupIDs: framework.StringSet(r.Groups),
		ConsentedApplications: types.SetNull(types.StringType)}
	if r.ConsentsRead {
		c.ConsentedApplications = framework.StringSet(r.Consented)
	}
	if r.Active != nil {
		c.ActiveRelationshipID = types.StringValue(r.Active.ID)
		c.ActiveSince, c.ActiveUntil = framework.StringOrNull(r.Active.Activated), framework.StringOrNull(r.Active.Ends)
		c.AutoExtends = types.BoolValue(autoExtends(r.Active))
	}
	return c
}
