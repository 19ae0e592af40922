// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// Unit tests of the plan and change logic of partnercenter_delegated_admin_relationship; the
// acceptance tests (succession_test.go and beside it) drive the same logic through terraform.

const (
	helpdeskRole = "729827e3-9c14-49f7-bb1b-9608f156bbb8"
	readerRole   = "88d8e3e3-8f55-4a1e-953a-9b9898b8876b"
)

var globalAdmin = rules.GlobalAdministratorRoleID

// model is a relationship's state or plan with the values the plan logic reads.
func model(ctx context.Context, status, name string, roles ...string) *relationshipResourceModel {
	return &relationshipResourceModel{ID: types.StringValue("r1"), DisplayName: types.StringValue(name),
		CustomerTenantID: types.StringValue("3fa85f64-5717-4562-b3fc-2c963f66afa6"), Duration: types.StringValue("P730D"),
		AutoExtendDuration: types.StringValue("PT0S"), Roles: roleValues(ctx, roles),
		Status: types.StringValue(status), ETag: types.StringValue(`W/"1"`), AllowAccessLoss: types.BoolValue(false),
		Predecessors: predecessorsValue(ctx, nil)}
}

func pathNames(c relationshipChanges) []string {
	var out []string
	for _, p := range c.paths {
		out = append(out, p.String())
	}
	return out
}

func TestChangesOfNameWhatDiffersAndWhetherAnActiveRelationshipTakesItInPlace(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	state := model(ctx, statusActive, "Contoso", helpdeskRole, globalAdmin)
	tests := []struct {
		name     string
		edit     func(p *relationshipResourceModel)
		paths    []string
		inPlace  bool
		unknown  bool
		customer bool
	}{
		{"nothing", func(*relationshipResourceModel) {}, nil, true, false, false},
		{"a duration in other units is no change", func(p *relationshipResourceModel) { p.Duration = types.StringValue("P2Y") }, nil, true, false, false},
		{"roles in other case are no change", func(p *relationshipResourceModel) {
			p.Roles = roleValues(ctx, []string{strings.ToUpper(helpdeskRole), globalAdmin})
		}, nil, true, false, false},
		{"dropping Global Administrator alone is in place", func(p *relationshipResourceModel) {
			p.Roles = roleValues(ctx, []string{helpdeskRole})
		}, []string{"roles"}, true, false, false},
		{"auto-extension alone is in place", func(p *relationshipResourceModel) {
			p.AutoExtendDuration = types.StringValue("P180D")
		}, []string{"auto_extend_duration"}, true, false, false},
		{"dropping Global Administrator and auto-extending are both in place", func(p *relationshipResourceModel) {
			p.Roles, p.AutoExtendDuration = roleValues(ctx, []string{helpdeskRole}), types.StringValue("P180D")
		}, []string{"roles", "auto_extend_duration"}, true, false, false},
		{"another role is not", func(p *relationshipResourceModel) {
			p.Roles = roleValues(ctx, []string{helpdeskRole, globalAdmin, readerRole})
		}, []string{"roles"}, false, false, false},
		{"dropping another role with Global Administrator is not", func(p *relationshipResourceModel) {
			p.Roles = roleValues(ctx, []string{readerRole})
		}, []string{"roles"}, false, false, false},
		{"a new name is not", func(p *relationshipResourceModel) { p.DisplayName = types.StringValue("Contoso 2") }, []string{"display_name"}, false, false, false},
		{"a longer duration is not", func(p *relationshipResourceModel) { p.Duration = types.StringValue("P365D") }, []string{"duration"}, false, false, false},
		{"another customer is not, and says so", func(p *relationshipResourceModel) {
			p.CustomerTenantID = types.StringValue("00000000-0000-0000-0000-000000000001")
		}, []string{"customer_tenant_id"}, false, false, true},
		{"the customer in other case is no change", func(p *relationshipResourceModel) {
			p.CustomerTenantID = types.StringValue(strings.ToUpper("3fa85f64-5717-4562-b3fc-2c963f66afa6"))
		}, nil, true, false, false},
		{"a value known only at apply is unknown, not a change", func(p *relationshipResourceModel) { p.Duration = types.StringUnknown() }, nil, true, true, false},
		{"roles known only at apply are unknown", func(p *relationshipResourceModel) { p.Roles = types.SetUnknown(types.StringType) }, nil, true, true, false},
		{"a value left out is no change", func(p *relationshipResourceModel) { p.AutoExtendDuration = types.StringNull() }, nil, true, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			plan := *model(ctx, statusActive, "Contoso", helpdeskRole, globalAdmin)
			tt.edit(&plan)
			c := changesOf(ctx, state, &plan)
			if got := pathNames(c); !slices.Equal(got, tt.paths) || c.inPlaceWhenActive != tt.inPlace || c.unknown != tt.unknown || c.customer != tt.customer {
				t.Errorf("changesOf = %v, in place %v, unknown %v, customer %v; want %v, %v, %v, %v",
					got, c.inPlaceWhenActive, c.unknown, c.customer, tt.paths, tt.inPlace, tt.unknown, tt.customer)
			}
		})
	}
}

func TestChangeFromSendsOnlyWhatDiffersInGraphsSpelling(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	current := &graph.Relationship{ID: "r1", DisplayName: "Contoso", CustomerTenantID: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
		Duration: "P730D", Roles: []string{helpdeskRole}}
	plan := model(ctx, statusActive, "Contoso", strings.ToUpper(helpdeskRole))
	plan.CustomerTenantID = types.StringValue(strings.ToUpper(current.CustomerTenantID))
	plan.Duration = types.StringValue("P2Y")
	if c := changeFrom(ctx, current, plan); c.DisplayName != nil || c.CustomerTenantID != nil || c.Duration != nil ||
		c.AutoExtendDuration != nil || c.Roles != nil {
		t.Errorf("changeFrom sends %+v for values Graph holds in other spellings, want nothing", c)
	}
	plan.DisplayName, plan.Duration = types.StringValue("Contoso 2"), types.StringValue("P1Y")
	plan.AutoExtendDuration, plan.Roles = types.StringValue("P26W"), roleValues(ctx, []string{helpdeskRole, readerRole})
	c := changeFrom(ctx, current, plan)
	if c.DisplayName == nil || *c.DisplayName != "Contoso 2" || c.Duration == nil || *c.Duration != "P365D" ||
		c.AutoExtendDuration == nil || *c.AutoExtendDuration != "P182D" || len(c.Roles) != 2 || c.CustomerTenantID != nil {
		t.Errorf("changeFrom = %+v, want the name, P365D, P182D and two roles", c)
	}
}

func TestAfterAStaleETagOnlyWhatThePlanChangesIsSent(t *testing.T) {
	t.Parallel()
	name, days, ext := "Contoso 2", "P365D", "P180D"
	fresh := graph.RelationshipChange{DisplayName: &name, Duration: &days, AutoExtendDuration: &ext, Roles: []string{helpdeskRole}}
	intent := graph.RelationshipChange{Duration: &days, Roles: []string{readerRole}}
	got := only(fresh, intent)
	if got.DisplayName != nil || got.AutoExtendDuration != nil || got.CustomerTenantID != nil || got.Duration != &days ||
		!slices.Equal(got.Roles, []string{helpdeskRole}) {
		t.Errorf("only = %+v, want the duration and roles alone", got)
	}
	if got := only(fresh, graph.RelationshipChange{}); got.DisplayName != nil || got.Duration != nil || got.Roles != nil {
		t.Errorf("only with no intent = %+v, want nothing", got)
	}
}

func TestAChangeIsRefusedWhenTheRelationshipNoLongerStandsWhereThePlanFoundIt(t *testing.T) {
	t.Parallel()
	tests := []struct {
		prior, current string
		refused        bool
	}{
		{statusActive, statusActive, false},
		{statusApprovalPending, statusActive, false}, // approved meanwhile: it grants
		{statusActive, statusExpiring, false},
		{statusApprovalPending, statusCreated, false},
		{statusActive, statusTerminated, true},
		{statusActive, "terminationRequested", true},
		{statusCreated, statusApprovalPending, true},
		{statusApprovalPending, statusExpired, true},
		{statusExpired, statusExpired, false},
	}
	for _, tt := range tests {
		var diags diag.Diagnostics
		refuseChange(&graph.Relationship{ID: "r1", DisplayName: "Contoso", Status: tt.prior},
			&graph.Relationship{ID: "r1", DisplayName: "Contoso", Status: tt.current}, &diags)
		if diags.HasError() != tt.refused {
			t.Errorf("%s, then %s: refused %v, want %v (%v)", tt.prior, tt.current, diags.HasError(), tt.refused, diags)
		}
		if tt.refused && !strings.Contains(diags[0].Detail(), "is "+tt.current+" now; it was "+tt.prior) {
			t.Errorf("%s, then %s: %q does not say both statuses", tt.prior, tt.current, diags[0].Detail())
		}
	}
}

func TestATakeoverNeedsEveryValueTheCreateAskedFor(t *testing.T) {
	t.Parallel()
	asked := graph.NewRelationship{DisplayName: "Contoso", CustomerTenantID: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
		Duration: "P730D", AutoExtendDuration: "PT0S", Roles: []string{helpdeskRole}}
	found := func(edit func(*graph.Relationship)) *graph.Relationship {
		r := &graph.Relationship{DisplayName: "Contoso", CustomerTenantID: strings.ToUpper(asked.CustomerTenantID),
			Duration: "P2Y", Roles: []string{strings.ToUpper(helpdeskRole)}}
		edit(r)
		return r
	}
	if !sameAsAsked(found(func(*graph.Relationship) {}), asked) {
		t.Error("the same values in other spellings (no auto-extension given is PT0S) were not taken over")
	}
	for name, edit := range map[string]func(*graph.Relationship){
		"other roles":            func(r *graph.Relationship) { r.Roles = []string{readerRole} },
		"another duration":       func(r *graph.Relationship) { r.Duration = "P365D" },
		"auto-extending":         func(r *graph.Relationship) { r.AutoExtendDuration = "P180D" },
		"another customer":       func(r *graph.Relationship) { r.CustomerTenantID = "00000000-0000-0000-0000-000000000001" },
		"no customer, one asked": func(r *graph.Relationship) { r.CustomerTenantID = "" },
	} {
		if sameAsAsked(found(edit), asked) {
			t.Errorf("a relationship with %s was taken over", name)
		}
	}
}

func TestGlobalAdministratorRules(t *testing.T) {
	t.Parallel()
	if !withoutGlobalAdministrator([]string{helpdeskRole, strings.ToUpper(globalAdmin)}, []string{helpdeskRole}) {
		t.Error("dropping Global Administrator (in other case) alone was not recognised")
	}
	for name, next := range map[string][]string{"keeping it": {helpdeskRole, globalAdmin}, "dropping another role too": {},
		"adding one": {helpdeskRole, readerRole}} {
		if withoutGlobalAdministrator([]string{helpdeskRole, globalAdmin}, next) {
			t.Errorf("%s was taken for dropping Global Administrator alone", name)
		}
	}
	if withoutGlobalAdministrator([]string{helpdeskRole}, []string{helpdeskRole}) {
		t.Error("roles without Global Administrator were taken for dropping it")
	}
	ctx := context.Background()
	for _, tt := range []struct {
		ext    string
		roles  []string
		refuse bool
	}{{"P180D", []string{globalAdmin}, true}, {"PT0S", []string{globalAdmin}, false}, {"P180D", []string{helpdeskRole}, false}} {
		plan := model(ctx, statusActive, "Contoso", tt.roles...)
		plan.AutoExtendDuration = types.StringValue(tt.ext)
		var diags diag.Diagnostics
		checkAutoExtendWithRoles(ctx, plan, &diags)
		if diags.HasError() != tt.refuse {
			t.Errorf("auto_extend_duration %s with %v: refused %v, want %v", tt.ext, tt.roles, diags.HasError(), tt.refuse)
		}
	}
	unknown := model(ctx, statusActive, "Contoso", globalAdmin)
	unknown.AutoExtendDuration = types.StringUnknown()
	var diags diag.Diagnostics
	if checkAutoExtendWithRoles(ctx, unknown, &diags); diags.HasError() {
		t.Error("an auto-extension known only at apply was refused at plan")
	}
}

func TestDurationsCompareByDays(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		a, b string
		same bool
	}{{"P730D", "P2Y", true}, {"P365D", "P1Y", true}, {"P180D", "P6M", true}, {"P180D", "P26W", false}, {"PT0S", "PT0S", true}, {"P90D", "P91D", false},
		{"not a duration", "not a duration", true}, {"not a duration", "P1D", false}} {
		if got := daysEqual(tt.a, tt.b); got != tt.same {
			t.Errorf("daysEqual(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
	if orOff("") != "PT0S" || orOff("P180D") != "P180D" {
		t.Error("orOff: no auto-extension is PT0S, any other is itself")
	}
}

// planUpdate decides, by status and change, between in place, a deferral, a warning and
// unknown values; none of these cases asks Graph anything.
func TestPlanUpdateDecidesByStatusAndChange(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	r := &relationshipResource{}
	tests := []struct {
		name        string
		status      string
		edit        func(*relationshipResourceModel)
		wantStatus  string
		etagUnknown bool
		warning     string
	}{
		{"a relationship still created is locked", statusCreated, func(p *relationshipResourceModel) {
			p.Roles = roleValues(ctx, []string{helpdeskRole, readerRole})
		}, statusApprovalPending, true, ""},
		{"an active one drops Global Administrator in place", statusActive, func(p *relationshipResourceModel) {
			p.Roles = roleValues(ctx, []string{helpdeskRole})
		}, statusActive, true, ""},
		{"a pending one defers what it takes in place once approved", statusApprovalPending, func(p *relationshipResourceModel) {
			p.AutoExtendDuration = types.StringValue("P180D")
			p.Roles = roleValues(ctx, []string{helpdeskRole})
		}, statusApprovalPending, false, "sends nothing for roles, auto_extend_duration"},
		{"an ended one under its name plans nothing", statusExpired, func(p *relationshipResourceModel) {
			p.Roles = roleValues(ctx, []string{helpdeskRole, readerRole})
		}, statusExpired, false, "ended"},
		{"a value known only at apply leaves the outcome unknown", statusActive, func(p *relationshipResourceModel) {
			p.Duration = types.StringUnknown()
		}, "", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			state := model(ctx, tt.status, "Contoso", helpdeskRole, globalAdmin)
			plan := model(ctx, tt.status, "Contoso", helpdeskRole, globalAdmin)
			plan.Status, plan.ETag = types.StringUnknown(), types.StringUnknown()
			tt.edit(plan)
			var diags diag.Diagnostics
			r.planUpdate(ctx, state, plan, &diags)
			if diags.HasError() {
				t.Fatalf("planUpdate: %v", diags)
			}
			if tt.wantStatus == "" && !plan.Status.IsUnknown() || tt.wantStatus != "" && plan.Status.ValueString() != tt.wantStatus {
				t.Errorf("status %v, want %q", plan.Status, tt.wantStatus)
			}
			if plan.ETag.IsUnknown() != tt.etagUnknown {
				t.Errorf("etag %v, want unknown %v", plan.ETag, tt.etagUnknown)
			}
			warned := slices.ContainsFunc(diags.Warnings(), func(d diag.Diagnostic) bool {
				return strings.Contains(strings.ToLower(d.Summary()+" "+d.Detail()), tt.warning)
			})
			if tt.warning != "" && !warned {
				t.Errorf("no warning saying %q: %v", tt.warning, diags)
			}
		})
	}
}
