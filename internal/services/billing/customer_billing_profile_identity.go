// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

var _ resource.ResourceWithIdentity = (*billingProfileResource)(nil)

// identityCustomerID is the one attribute of the profile's resource identity (Terraform 1.12 and
// later): a profile is its customer's, so the customer's tenant id names it.
const identityCustomerID = "customer_id"

// IdentitySchema declares the identity import blocks name a profile by (identity = { customer_id
// = "..." }) and terraform query lists profiles by.
func (r *billingProfileResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = framework.StringIdentity(map[string]string{
		identityCustomerID: "The customer's tenant id (a GUID), in lower case."})
}

// setIdentity stores the identity of customerID's profile, in canonical form. Terraform older than
// 1.12 neither asks for identities nor keeps them; the framework requires one after every create,
// read and update all the same.
func setIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, customerID string) diag.Diagnostics {
	if identity == nil {
		return nil
	}
	return identity.SetAttribute(ctx, path.Root(identityCustomerID), framework.CanonicalID(customerID))
}

// importedCustomerID is the customer an import names, in canonical form: the import id of
// `terraform import` and of import blocks with `id`, or the identity's customer_id of import blocks
// with `identity`.
func importedCustomerID(ctx context.Context, req resource.ImportStateRequest, diags *diag.Diagnostics) (string, bool) {
	ids, d := framework.ImportedIDs(ctx, req, []string{identityCustomerID}, func(id string) []string { return []string{id} })
	if diags.Append(d...); diags.HasError() {
		return "", false
	}
	if !rules.GUID.MatchString(ids[0]) {
		what := "import id"
		if req.ID == "" {
			what = "identity's customer_id"
		}
		diags.AddError("Invalid import id",
			"Import a billing profile by its customer's tenant id, a GUID such as "+framework.ExampleGUID+"; the "+what+
				" is \""+ids[0]+"\".")
		return "", false
	}
	return ids[0], true
}
