// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// StringIdentity is an identity schema (Terraform 1.12 and later) of string attributes, each
// required to import and described by attrs.
func StringIdentity(attrs map[string]string) identityschema.Schema {
	out := make(map[string]identityschema.Attribute, len(attrs))
	for name, description := range attrs {
		out[name] = identityschema.StringAttribute{Description: description, RequiredForImport: true}
	}
	return identityschema.Schema{Attributes: out}
}

// IdentityFromState sets identity to state's values of the attributes names (the identity's
// attributes are named as the state's), unless the state is null. Terraform older than 1.12
// neither asks for identities nor keeps them; the framework requires one after every create, read
// and update all the same, even a read that removes the resource: such a read sets it from the
// prior state (req.State) first, for state that Terraform or OpenTofu before 1.12 wrote has none.
func IdentityFromState(ctx context.Context, identity *tfsdk.ResourceIdentity, state tfsdk.State, names ...string) diag.Diagnostics {
	if identity == nil || state.Raw.IsNull() {
		return nil
	}
	var diags diag.Diagnostics
	for _, name := range names {
		var v types.String
		diags.Append(state.GetAttribute(ctx, path.Root(name), &v)...)
		diags.Append(identity.SetAttribute(ctx, path.Root(name), v)...)
	}
	return diags
}

// ImportedValues are the values an import names for the identity attributes names: from the
// identity of an import block with `identity`, or split out of the id of `terraform import` and of
// import blocks with `id` (split gives nil for an id it cannot split). The resource checks them.
func ImportedValues(ctx context.Context, req resource.ImportStateRequest, names []string,
	split func(id string) []string) ([]string, diag.Diagnostics) {
	if req.ID != "" || req.Identity == nil {
		return split(req.ID), nil
	}
	var diags diag.Diagnostics
	values := make([]string, len(names))
	for i, name := range names {
		diags.Append(req.Identity.GetAttribute(ctx, path.Root(name), &values[i])...)
	}
	return values, diags
}
