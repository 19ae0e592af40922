// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"context"
	"fmt"
	"regexp"
	"strings"

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

// ImportedIDs are the ids an import names for the identity attributes names: from the identity
// of an import block with `identity`, or split out of the id of `terraform import` and of import
// blocks with `id` (split gives nil for an id it cannot split). They are in lower case, as Partner
// Center and Graph write their GUIDs: an id typed in another case names the same object, and kept
// as typed it would differ from the ids other resources hold. The resource checks them.
func ImportedIDs(ctx context.Context, req resource.ImportStateRequest, names []string,
	split func(id string) []string) ([]string, diag.Diagnostics) {
	var diags diag.Diagnostics
	var ids []string
	if req.ID != "" || req.Identity == nil {
		ids = split(req.ID)
	} else {
		ids = make([]string, len(names))
		for i, name := range names {
			diags.Append(req.Identity.GetAttribute(ctx, path.Root(name), &ids[i])...)
		}
	}
	for i := range ids {
		ids[i] = strings.ToLower(ids[i])
	}
	return ids, diags
}

// SaveImported sets each of names to its id in the import's state and identity.
func SaveImported(ctx context.Context, resp *resource.ImportStateResponse, names, ids []string) {
	for i, name := range names {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), ids[i])...)
		if resp.Identity != nil {
			resp.Diagnostics.Append(resp.Identity.SetAttribute(ctx, path.Root(name), ids[i])...)
		}
	}
}

// ImportPair imports an object named by two ids: from the identity's attributes names, or from an
// import id `<first>/<second>`; each id must match its pattern in valid, or the import fails
// naming noun and the form the id takes (form: "<relationship id>/<access assignment id>: ...").
func ImportPair(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse, names [2]string,
	valid [2]*regexp.Regexp, noun, form string) {
	ids, diags := ImportedIDs(ctx, req, names[:], func(id string) []string {
		first, second, ok := strings.Cut(id, "/")
		if !ok {
			return nil
		}
		return []string{first, second}
	})
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	if len(ids) != 2 || !valid[0].MatchString(ids[0]) || !valid[1].MatchString(ids[1]) {
		named := req.ID
		if named == "" {
			named = strings.Join(ids, "/")
		}
		resp.Diagnostics.AddError("Invalid "+noun+" import id", fmt.Sprintf("%q is not %s.", named, form))
		return
	}
	SaveImported(ctx, resp, names[:], ids)
}
