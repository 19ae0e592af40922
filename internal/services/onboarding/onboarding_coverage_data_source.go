// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package onboarding

import (
	"context"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"golang.org/x/sync/errgroup"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/graphglue"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/pcglue"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/tenantglue"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// Bounds of the coverage view's reads.
const (
	// defaultEndingWithinDays is the window of ending_without_auto_extension when none is set.
	defaultEndingWithinDays = 30
	// assignmentReaders is how many relationships' access assignments are read at once: enough to
	// read 1,000 customers' in seconds, few enough to stay far below Graph's throttling.
	assignmentReaders = 8
)

var _ datasource.DataSourceWithConfigure = (*coverageDataSource)(nil)

// NewCoverageDataSource returns the partnercenter_onboarding_coverage data source.
func NewCoverageDataSource() datasource.DataSource { return &coverageDataSource{} }

// coverageDataSource reads both APIs: Partner Center's customers and Graph's GDAP.
type coverageDataSource struct {
	pc      *partnercenter.Client
	graph   *graph.Client
	tenants *graph.CustomerTenants
	// appID is the provider's own app's client id: Entra ID's refusal of its token in a tenant as
	// not consented says that tenant lacks it.
	appID string
}

func (d *coverageDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	data := framework.Configured(req.ProviderData, &resp.Diagnostics)
	d.pc, d.graph, d.tenants = pcglue.Client(data), graphglue.Client(data), tenantglue.Tenants(data)
	d.appID = tenantglue.AppID(data)
}

func (d *coverageDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + typeNameOnboardingCoverage
}

func (d *coverageDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = coverageSchema()
}

func (d *coverageDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if d.graph == nil && d.pc != nil {
		resp.Diagnostics.AddError("Microsoft Graph not configured", "partnercenter_onboarding_coverage reads GDAP from "+
			"Microsoft Graph, for which the provider has no credential.")
		return
	}
	framework.ReadModel(ctx, d.pc, req, resp, func(ctx context.Context, m *coverageModel, diags *diag.Diagnostics) {
		if why := d.tenantsUnavailable(); why != "" && len(m.ApplicationIDs.Elements()) > 0 {
			diags.AddAttributeError(path.Root("application_ids"), "Cannot read customers' tenants", "application_ids is "+
				"read in each customer's tenant, and the provider's credential cannot get a token there: "+why+".")
			return
		}
		e, ok := d.read(ctx, diags)
		if !ok {
			return
		}
		days := int64(defaultEndingWithinDays)
		if !m.EndingWithinDays.IsNull() {
			days = m.EndingWithinDays.ValueInt64()
		}
		rows := e.rows(time.Now(), time.Duration(days)*24*time.Hour)
		var apps []string
		diags.Append(m.ApplicationIDs.ElementsAs(ctx, &apps, false)...)
		for i := range apps {
			apps[i] = framework.CanonicalID(apps[i])
		}
		slices.Sort(apps)
		apps = slices.Compact(apps)
		consents, ok := d.readConsents(ctx, rows, apps, diags)
		if ok {
			m.fill(rows, apps, consents)
		}
	})
}

// read reads the estate: the customer list and the relationships at the same time (each failure
// is reported on its own), then the access assignments of every active relationship,
// assignmentReaders at a time.
func (d *coverageDataSource) read(ctx context.Context, diags *diag.Diagnostics) (estate, bool) {
	var e estate
	var pcErr, graphErr error
	var g errgroup.Group
	g.Go(func() error {
		e.Customers, pcErr = d.pc.ListCustomers(ctx, partnercenter.CustomerFilter{})
		return nil
	})
	g.Go(func() error {
		e.Relationships, graphErr = d.graph.ListRelationships(ctx, graph.Filter{})
		return nil
	})
	_ = g.Wait()
	if pcErr != nil {
		pcglue.AddError(diags, framework.Subject{Action: "list", Object: "the customer list"}, pcErr)
	}
	if graphErr != nil {
		graphglue.AddError(diags, framework.Subject{Action: "list", Object: "the GDAP relationships"}, graphErr)
	}
	if diags.HasError() {
		return e, false
	}
	assignments, err := d.readAssignments(ctx, e.Relationships)
	if err != nil {
		graphglue.AddError(diags, framework.Subject{Action: "list", Object: "the access assignments of the active relationships"}, err)
		return e, false
	}
	e.Assignments = assignments
	return e, true
}

// readAssignments lists the access assignments of each active relationship in rels.
func (d *coverageDataSource) readAssignments(ctx context.Context, rels []graph.Relationship) (map[string][]graph.AccessAssignment, error) {
	found := make([][]graph.AccessAssignment, len(rels))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(assignmentReaders)
	for i := range rels {
		if rels[i].Status != statusActive {
			continue
		}
		g.Go(func() (err error) {
			found[i], err = d.graph.ListAccessAssignments(gctx, rels[i].ID)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	out := map[string][]graph.AccessAssignment{}
	for i := range rels {
		out[rels[i].ID] = found[i]
	}
	return out, nil
}

// coverageSchema is the data source's schema.
func coverageSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "The onboarding state of the partner's whole estate, per customer: known to Partner Center, " +
			"GDAP relationship active or not (since when, until when, extending itself or not, holding Global " +
			"Administrator), access assigned to the partner's security groups, and, with `application_ids`, the apps " +
			"consented in each tenant. It reads Partner Center's customer list, every GDAP relationship, the access " +
			"assignments of each active relationship and, with `application_ids`, each such customer's tenant; the sets " +
			"of tenant ids name the gaps.",
		Attributes: map[string]schema.Attribute{
			"application_ids": schema.SetAttribute{
				MarkdownDescription: "Client ids of applications whose consent to read in the tenant of every customer with an " +
					"active relationship (`consented_applications`, `without_consent`): one token and one read per application " +
					"in each such tenant, which needs a credential that gets tokens there. Left out, no tenant is read.",
				Optional: true, ElementType: types.StringType,
				Validators: []validator.Set{setvalidator.ValueStringsAre(framework.GUIDValidator)},
			},
			"ending_within_days": schema.Int64Attribute{
				MarkdownDescription: "The window of `ending_without_auto_extension`, in days from now. Defaults to 30.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(0, rules.MaxRelationshipDays)},
			},
			"customers": schema.MapNestedAttribute{
				MarkdownDescription: "Every customer of Partner Center's customer list and every customer a GDAP " +
					"relationship names, by tenant id (lowercase).",
				Computed:     true,
				NestedObject: schema.NestedAttributeObject{Attributes: customerCoverageAttributes()},
			},
			"without_active_relationship": gapSet("Customers with no active GDAP relationship: none at all, " +
				"or only ones awaiting approval or ended."),
			"without_access_assigned": gapSet("Customers with an active GDAP relationship in which no security group " +
				"has an active access assignment: nobody of the partner's can use it."),
			"ending_without_auto_extension": gapSet("Customers whose active GDAP relationship ends within " +
				"`ending_within_days` and does not extend itself (`auto_extend_duration` PT0S, which a relationship " +
				"holding Global Administrator always has)."),
			"holding_global_administrator": gapSet("Customers with an active GDAP relationship that grants Global " +
				"Administrator."),
			"not_in_partner_center": gapSet("Customers a GDAP relationship names that Partner Center's customer list " +
				"does not hold."),
			"without_consent": gapSet("Customers with an active GDAP relationship whose tenant lacks the consent of one of " +
				"`application_ids` (the provider's own app among them: where Entra ID refuses it a token as not consented, " +
				"AADSTS65001, the tenant is here, with null `consented_applications`); empty without them."),
			"unreadable_tenants": gapSet("Customers with an active GDAP relationship whose tenant the provider could not " +
				"read for `application_ids` (its token or read there refused for another reason): their " +
				"`consented_applications` are null."),
		},
	}
}

func gapSet(description string) schema.SetAttribute {
	return schema.SetAttribute{MarkdownDescription: description + " Tenant ids.", Computed: true, ElementType: types.StringType}
}

func customerCoverageAttributes() map[string]schema.Attribute {
	str := func(description string) schema.Attribute {
		return schema.StringAttribute{MarkdownDescription: description, Computed: true}
	}
	boolean := func(description string) schema.Attribute {
		return schema.BoolAttribute{MarkdownDescription: description, Computed: true}
	}
	return map[string]schema.Attribute{
		"tenant_id":         str("The customer's tenant id (lowercase)."),
		"name":              str("The company name Partner Center gives, else the name a GDAP relationship gives."),
		"in_partner_center": boolean("Whether Partner Center's customer list holds the customer."),
		"gdap_status": str("The furthest status among the customer's GDAP relationships (`active` over `approvalPending` " +
			"over `expired`, ...); null when it has none."),
		"active_relationship_id": str("The customer's active relationship that ends last; null when none is active."),
		"active_since":           str("When that relationship became active (RFC 3339); null when none is active."),
		"active_until":           str("When that relationship ends (RFC 3339); null when none is active."),
		"auto_extends": boolean("Whether that relationship extends itself by 180 days when it ends; null when none " +
			"is active."),
		"holds_global_administrator": boolean("Whether an active relationship with the customer grants Global Administrator."),
		"access_assigned": boolean("Whether a security group has an active access assignment in an active " +
			"relationship with the customer."),
		"assigned_security_group_ids": schema.SetAttribute{MarkdownDescription: "The security groups with an active " +
			"access assignment in an active relationship with the customer.", Computed: true, ElementType: types.StringType},
		"consented_applications": schema.SetAttribute{MarkdownDescription: "Those of `application_ids` consented in the " +
			"customer's tenant; null when it was not read (no `application_ids`, no active relationship, or unreadable).",
			Computed: true, ElementType: types.StringType},
	}
}
