package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/client"
)

// billingProfileModel mirrors the billing profile attributes shared by the resource and the data
// source.
type billingProfileModel struct {
	CustomerID     types.String `tfsdk:"customer_id"`
	ID             types.String `tfsdk:"id"`
	ETag           types.String `tfsdk:"etag"`
	FirstName      types.String `tfsdk:"first_name"`
	LastName       types.String `tfsdk:"last_name"`
	Email          types.String `tfsdk:"email"`
	Culture        types.String `tfsdk:"culture"`
	Language       types.String `tfsdk:"language"`
	CompanyName    types.String `tfsdk:"company_name"`
	DefaultAddress types.Object `tfsdk:"default_address"`
}

// addressModel mirrors default_address.
type addressModel struct {
	Country      types.String `tfsdk:"country"`
	Region       types.String `tfsdk:"region"`
	City         types.String `tfsdk:"city"`
	State        types.String `tfsdk:"state"`
	AddressLine1 types.String `tfsdk:"address_line1"`
	AddressLine2 types.String `tfsdk:"address_line2"`
	AddressLine3 types.String `tfsdk:"address_line3"`
	PostalCode   types.String `tfsdk:"postal_code"`
	FirstName    types.String `tfsdk:"first_name"`
	LastName     types.String `tfsdk:"last_name"`
	PhoneNumber  types.String `tfsdk:"phone_number"`
}

// addressAttrTypes is default_address's object type.
var addressAttrTypes = func() map[string]attr.Type {
	m := make(map[string]attr.Type, len(addressAttributes))
	for _, a := range addressAttributes {
		m[a.name] = types.StringType
	}
	return m
}()

// fieldPair ties a Terraform attribute, by name, to the client field it stands for.
type fieldPair struct {
	name string
	tf   *types.String
	api  *string
}

func (m *billingProfileModel) pairs(p *client.BillingProfile) []fieldPair {
	return []fieldPair{
		{"first_name", &m.FirstName, &p.FirstName}, {"last_name", &m.LastName, &p.LastName},
		{"email", &m.Email, &p.Email}, {"culture", &m.Culture, &p.Culture},
		{"language", &m.Language, &p.Language}, {"company_name", &m.CompanyName, &p.CompanyName},
	}
}

func (m *addressModel) pairs(a *client.Address) []fieldPair {
	return []fieldPair{
		{"country", &m.Country, &a.Country}, {"region", &m.Region, &a.Region}, {"city", &m.City, &a.City},
		{"state", &m.State, &a.State}, {"address_line1", &m.AddressLine1, &a.AddressLine1},
		{"address_line2", &m.AddressLine2, &a.AddressLine2}, {"address_line3", &m.AddressLine3, &a.AddressLine3},
		{"postal_code", &m.PostalCode, &a.PostalCode}, {"first_name", &m.FirstName, &a.FirstName},
		{"last_name", &m.LastName, &a.LastName}, {"phone_number", &m.PhoneNumber, &a.PhoneNumber},
	}
}

// canonicalID is the one form of a customer's tenant id the provider keeps in `id` and sends to
// Partner Center: tenant ids are GUIDs, the same customer in any case, written in lower case.
func canonicalID(customerID string) string { return strings.ToLower(customerID) }

// customerID is the customer the model names, in canonical form.
func (m billingProfileModel) customerID() string { return canonicalID(m.CustomerID.ValueString()) }

// fromProfile sets m to the profile Partner Center holds, customer_id as configured and id in
// canonical form. Partner Center leaves empty fields out,
// so an absent field reads as null, except where prior (the plan or the prior state) holds "":
// that is the same value, and keeping it spares a perpetual diff for `attr = ""`.
func (m *billingProfileModel) fromProfile(ctx context.Context, customerID string, p *client.BillingProfile, prior billingProfileModel) diag.Diagnostics {
	m.CustomerID = types.StringValue(customerID)
	m.ID = types.StringValue(canonicalID(customerID))
	m.ETag = types.StringValue(p.ETag)
	copyFromAPI(m.pairs(p), prior.pairs(&client.BillingProfile{}))
	addr, diags := addressFromAPI(ctx, p.DefaultAddress, prior.DefaultAddress)
	m.DefaultAddress = addr
	return diags
}

func addressFromAPI(ctx context.Context, a *client.Address, prior types.Object) (types.Object, diag.Diagnostics) {
	if a == nil {
		return types.ObjectNull(addressAttrTypes), nil
	}
	var priorModel addressModel
	if !prior.IsNull() && !prior.IsUnknown() {
		if diags := prior.As(ctx, &priorModel, basetypes.ObjectAsOptions{}); diags.HasError() {
			return types.ObjectNull(addressAttrTypes), diags
		}
	}
	var m addressModel
	copyFromAPI(m.pairs(a), priorModel.pairs(&client.Address{}))
	return types.ObjectValueFrom(ctx, addressAttrTypes, m)
}

func copyFromAPI(pairs, prior []fieldPair) {
	for i, f := range pairs {
		*f.tf = stringFromAPI(*f.api, *prior[i].tf)
	}
}

func stringFromAPI(v string, prior types.String) types.String {
	if v == "" && known(prior) && prior.ValueString() == "" {
		return types.StringValue("")
	}
	if v == "" {
		return types.StringNull()
	}
	return types.StringValue(v)
}

// profileChange returns the change the configuration makes to a profile: every attribute the
// configuration sets is written over the profile, every other one is left as Partner Center
// holds it.
func (m billingProfileModel) profileChange(ctx context.Context) (func(*client.BillingProfile), diag.Diagnostics) {
	var addr *addressModel
	if !m.DefaultAddress.IsNull() && !m.DefaultAddress.IsUnknown() {
		addr = &addressModel{}
		if diags := m.DefaultAddress.As(ctx, addr, basetypes.ObjectAsOptions{}); diags.HasError() {
			return nil, diags
		}
	}
	return func(p *client.BillingProfile) {
		copyToAPI(m.pairs(p))
		if addr == nil {
			return
		}
		if p.DefaultAddress == nil {
			p.DefaultAddress = &client.Address{}
		}
		copyToAPI(addr.pairs(p.DefaultAddress))
	}, nil
}

func copyToAPI(pairs []fieldPair) {
	for _, f := range pairs {
		if !f.tf.IsNull() && !f.tf.IsUnknown() {
			*f.api = f.tf.ValueString()
		}
	}
}

// known reports whether v holds a value: neither null nor unknown.
func known(v types.String) bool { return !v.IsNull() && !v.IsUnknown() }
