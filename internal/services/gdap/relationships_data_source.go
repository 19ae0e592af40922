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
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/graphglue"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

var _ datasource.DataSourceWithConfigure = (*relationshipsDataSource)(nil)

// NewRelationshipsDataSource returns the partnercenter_delegated_admin_relationships data source.
func NewRelationshipsDataSource() datasource.DataSource { return &relationshipsDataSource{} }

type relationshipsDataSource struct {
	graphglue.DataSourceClient
}

type relationshipsModel struct {
	relationshipFilter
	Relationships []relationshipModel `tfsdk:"relationships"`
}

// relationshipFilter is the filter partnercenter_delegated_admin_relationships and the
// relationships' list resource share.
type relationshipFilter struct {
	Status           types.String `tfsdk:"status"`
	CustomerTenantID types.String `tfsdk:"customer_tenant_id"`
}

// Descriptions and checks of relationshipFilter's attributes.
const (
	statusFilterDescription   = "Only relationships in this status, such as `active` or `approvalPending`."
	customerFilterDescription = "Only relationships with this customer (its tenant id, a GUID)."
)

var (
	statusFilterValidators   = []validator.String{stringvalidator.OneOf(rules.RelationshipStatuses...)}
	customerFilterValidators = []validator.String{framework.GUIDValidator}
)

// graphFilter is f as the client's filter, with at most limit relationships (0: all). Tenant ids
// are GUIDs, the same customer in any case: it asks for the form Graph writes.
func (f relationshipFilter) graphFilter(limit int) graph.Filter {
	return graph.Filter{Status: f.Status.ValueString(), CustomerTenantID: framework.CanonicalID(f.CustomerTenantID.ValueString()),
		Limit: limit}
}

func (d *relationshipsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + typeNameDelegatedAdminRelationships
}

func (d *relationshipsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the partner's GDAP (granular delegated admin privileges) relationships from Microsoft " +
			"Graph, every page of them, optionally only those in one status or with one customer: for an overview of " +
			"relationships awaiting approval (`status = \"approvalPending\"`), or to import an estate's relationships.",
		Attributes: map[string]schema.Attribute{
			"status": schema.StringAttribute{
				MarkdownDescription: statusFilterDescription, Optional: true, Validators: statusFilterValidators,
			},
			"customer_tenant_id": schema.StringAttribute{
				MarkdownDescription: customerFilterDescription, Optional: true, Validators: customerFilterValidators,
			},
			"relationships": schema.ListNestedAttribute{
				MarkdownDescription: "The relationships, sorted by `display_name`, then by `id` (Graph lists them in no promised order).",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: relationshipAttributes()},
			},
		},
	}
}

func (d *relationshipsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadModel(ctx, d.Client, req, resp, func(ctx context.Context, m *relationshipsModel, diags *diag.Diagnostics) {
		list, err := d.Client.ListRelationships(ctx, m.graphFilter(0))
		if err != nil {
			graphglue.AddError(diags, framework.Subject{Action: "list", Object: "the GDAP relationships"}, err)
			return
		}
		m.Relationships = make([]relationshipModel, 0, len(list))
		for _, r := range list {
			m.Relationships = append(m.Relationships, relationshipFromAPI(r))
		}
	})
}
