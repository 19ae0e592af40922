// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/graphglue"
)

var _ list.ListResourceWithConfigure = (*relationshipList)(nil)

// NewRelationshipList returns the list resource of partnercenter_delegated_admin_relationship, for
// terraform query (Terraform 1.14 and later).
func NewRelationshipList() list.ListResource { return &relationshipList{} }

type relationshipList struct {
	graph *graph.Client
}

func (l *relationshipList) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + typeNameDelegatedAdminRelationship
}

func (l *relationshipList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the partner's GDAP relationships for `terraform query` (Terraform 1.14 and later), " +
			"optionally only those in one status or with one customer, as `partnercenter_delegated_admin_relationships` " +
			"does. Each result is named `<display name> (<customer>, <status>)` and carries the relationship's identity " +
			"(`id`); Graph's list holds every relationship whole, so `include_resource` costs no extra request. `limit` " +
			"stops the listing: no page beyond it is read, and the results are the first relationships Graph lists " +
			"(Graph promises no order), sorted by display name among themselves; when more match than the limit, a " +
			"warning says so first.",
		Attributes: map[string]schema.Attribute{
			"status": schema.StringAttribute{
				MarkdownDescription: statusFilterDescription, Optional: true, Validators: statusFilterValidators,
			},
			"customer_tenant_id": schema.StringAttribute{
				MarkdownDescription: customerFilterDescription, Optional: true, Validators: customerFilterValidators,
			},
		},
	}
}

func (l *relationshipList) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.graph = graphglue.Client(framework.Configured(req.ProviderData, &resp.Diagnostics))
}

// List lists the relationships Graph holds that match the configuration, sorted by display name.
func (l *relationshipList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var m relationshipFilter
	if diags := req.Config.Get(ctx, &m); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	f := m.graphFilter(framework.OneMore(req.Limit))
	addError := func(diags *diag.Diagnostics, err error) {
		graphglue.AddError(diags, framework.Subject{Action: "list", Object: "the GDAP relationships"}, err)
	}
	stream.Results = framework.ListResults(ctx, l.graph, addError, func(ctx context.Context, push func(list.ListResult) bool) error {
		rels, err := l.graph.ListRelationships(ctx, f)
		if err != nil {
			return err
		}
		if req.Limit > 0 && int64(len(rels)) > req.Limit {
			rels = rels[:req.Limit]
			if !push(framework.LimitReached(req.Limit, "GDAP relationships")) {
				return nil
			}
		}
		for i := range rels {
			if !push(relationshipResult(ctx, req, &rels[i])) {
				return nil
			}
		}
		return nil
	})
}

// relationshipResult is rel's result: its display name, its identity and, with include_resource,
// the resource's state as an import of it saves it.
func relationshipResult(ctx context.Context, req list.ListRequest, rel *graph.Relationship) list.ListResult {
	result := req.NewListResult(ctx)
	result.DisplayName = relationshipDisplayName(rel)
	result.Diagnostics.Append(result.Identity.SetAttribute(ctx, path.Root("id"), rel.ID)...)
	if !req.IncludeResource {
		return result
	}
	m := relationshipResourceModel{Timeouts: framework.NullTimeouts(ctx, req)}
	result.Diagnostics.Append(m.fromGraph(ctx, rel, &relationshipResourceModel{})...)
	state := tfsdk.State{Schema: req.ResourceSchema, Raw: tftypes.NewValue(req.ResourceSchema.Type().TerraformType(ctx), nil)}
	result.Diagnostics.Append(state.Set(ctx, &m)...)
	result.Resource.Raw = state.Raw
	return result
}

// relationshipDisplayName names a relationship for a person reading terraform query's results.
func relationshipDisplayName(rel *graph.Relationship) string {
	customer := rel.CustomerDisplayName
	if customer == "" {
		customer = rel.CustomerTenantID
	}
	if customer == "" {
		customer = "no customer named yet"
	}
	return rel.DisplayName + " (" + customer + ", " + rel.Status + ")"
}
