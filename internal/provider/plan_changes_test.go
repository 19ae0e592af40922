package provider

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

// expectPlannedChanges checks that the plan for address changes exactly the attributes in paths
// (dotted, such as "default_address.city"): each of them differs from the prior state or is
// unknown, and every other attribute keeps its prior value.
func expectPlannedChanges(address string, paths ...string) plancheck.PlanCheck {
	return plannedChanges{address: address, want: paths}
}

type plannedChanges struct {
	address string
	want    []string
}

func (c plannedChanges) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != c.address {
			continue
		}
		got := changedPaths(rc.Change)
		want := slices.Clone(c.want)
		sort.Strings(want)
		if !slices.Equal(got, want) {
			resp.Error = fmt.Errorf("%s: the plan changes %v, want exactly %v", c.address, got, want)
		}
		return
	}
	resp.Error = fmt.Errorf("%s: not in the plan", c.address)
}

// changedPaths lists, sorted, the leaf attributes a change makes unknown or sets to another value.
func changedPaths(ch *tfjson.Change) []string {
	before, after, unknown := map[string]any{}, map[string]any{}, map[string]any{}
	flatten("", ch.Before, before)
	flatten("", ch.After, after)
	flatten("", ch.AfterUnknown, unknown)
	var out []string
	for p, u := range unknown {
		if u == true {
			out = append(out, p)
		}
	}
	for p, v := range after {
		if unknown[p] != true && !reflect.DeepEqual(v, before[p]) {
			out = append(out, p)
		}
	}
	for p := range before {
		if _, inAfter := after[p]; !inAfter && unknown[p] != true && !hasChildren(after, p) {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// flatten puts every leaf of a decoded JSON value into out under its dotted path.
func flatten(prefix string, v any, out map[string]any) {
	obj, ok := v.(map[string]any)
	if !ok {
		if prefix != "" {
			out[prefix] = v
		}
		return
	}
	for k, child := range obj {
		p := k
		if prefix != "" {
			p = prefix + "." + k
		}
		flatten(p, child, out)
	}
}

// hasChildren reports whether leaves holds a path below p: a null object that became one.
func hasChildren(leaves map[string]any, p string) bool {
	for k := range leaves {
		if strings.HasPrefix(k, p+".") {
			return true
		}
	}
	return false
}
