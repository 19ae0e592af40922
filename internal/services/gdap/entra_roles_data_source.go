// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// NewEntraRolesDataSource returns the partnercenter_entra_roles data source.
func NewEntraRolesDataSource() datasource.DataSource { return &entraRolesDataSource{} }

// entraRolesDataSource maps Entra built-in role names to the template ids GDAP takes, from the
// provider's own table (internal/rules): it calls no API.
type entraRolesDataSource struct{}

type entraRolesModel struct {
	Names  []string          `tfsdk:"names"`
	IDs    []string          `tfsdk:"ids"`
	ByName map[string]string `tfsdk:"by_name"`
}

func (d *entraRolesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + typeNameEntraRoles
}

func (d *entraRolesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Maps Microsoft Entra built-in role names (`Global Reader`, `User Administrator`) to the " +
			"role template ids GDAP relationships and access assignments take, so that configurations can name roles as " +
			"people do. The table is the provider's own, from Microsoft's list of built-in roles: it calls no API, and a " +
			"name it does not know fails at plan, naming the closest roles it knows. A role newer than the table is " +
			"written by its template id.",
		Attributes: map[string]schema.Attribute{
			"names": schema.ListAttribute{
				MarkdownDescription: "Role names, in any case, as the Microsoft Entra and Microsoft 365 admin centers show them.",
				ElementType:         types.StringType,
				Required:            true,
				Validators:          []validator.List{listvalidator.NoNullValues(), listvalidator.ValueStringsAre(knownRoleName{})},
			},
			"ids": schema.ListAttribute{
				MarkdownDescription: "The template ids of `names`, in the same order.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"by_name": schema.MapAttribute{
				MarkdownDescription: "The template id of each name, keyed by the name as written in `names`.",
				ElementType:         types.StringType,
				Computed:            true,
			},
		},
	}
}

func (d *entraRolesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m entraRolesModel
	if resp.Diagnostics.Append(req.Config.Get(ctx, &m)...); resp.Diagnostics.HasError() {
		return
	}
	m.IDs, m.ByName = make([]string, 0, len(m.Names)), make(map[string]string, len(m.Names))
	for _, name := range m.Names {
		id, err := rules.EntraRoleID(name)
		if err != nil { // the validator has said so already; a name known only now says it here
			resp.Diagnostics.AddError("Unknown Entra role", err.Error())
			return
		}
		m.IDs = append(m.IDs, id)
		m.ByName[name] = id
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// knownRoleName refuses a role name the provider's table does not hold.
type knownRoleName struct{}

func (knownRoleName) Description(context.Context) string {
	return "must be a Microsoft Entra built-in role name"
}

func (v knownRoleName) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (knownRoleName) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := rules.EntraRoleID(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Unknown Entra role", err.Error())
	}
}
