// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/graphglue"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

var _ datasource.DataSourceWithConfigure = (*relationshipDataSource)(nil)

// NewRelationshipDataSource returns the partnercenter_delegated_admin_relationship data source.
func NewRelationshipDataSource() datasource.DataSource { return &relationshipDataSource{} }

type relationshipDataSource struct {
	graphglue.DataSourceClient
}

func (d *relationshipDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + typeNameDelegatedAdminRelationship
}

// relationshipIDValidator checks a relationship id at plan time.
var relationshipIDValidator = stringvalidator.RegexMatches(rules.RelationshipID,
	"must be a GDAP relationship id: two GUIDs joined by a dash, as Microsoft Graph and the Partner Center portal show it")

func (d *relationshipDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := relationshipAttributes()
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: "The relationship's id: two GUIDs joined by a dash.",
		Required:            true,
		Validators:          []validator.String{relationshipIDValidator},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one of the partner's GDAP (granular delegated admin privileges) relationships from " +
			"Microsoft Graph: its customer, roles, duration and status. To find relationships by status or customer, use " +
			"`partnercenter_delegated_admin_relationships`.",
		Attributes: attrs,
	}
}

func (d *relationshipDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadModel(ctx, d.Client, req, resp, func(ctx context.Context, m *relationshipModel, diags *diag.Diagnostics) {
		id := m.ID.ValueString()
		r, err := d.Client.GetRelationship(ctx, id)
		if err != nil {
			graphglue.AddError(diags, framework.Subject{Action: "read", Object: "GDAP relationship " + id,
				Noun: "GDAP relationship"}, err)
			return
		}
		*m = relationshipFromAPI(*r)
	})
}
