// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"context"
	"fmt"
	"slices"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// ExpectEveryAttribute checks every attribute the resource or data source at address holds in
// state: each against its check in want, and none left without one. A test built on it fails when
// the schema gains an attribute the test does not check, where one check per attribute would pass.
func ExpectEveryAttribute(address string, want map[string]knownvalue.Check) statecheck.StateCheck {
	return everyAttribute{address: address, want: want}
}

type everyAttribute struct {
	address string
	want    map[string]knownvalue.Check
}

// CheckState finds the instance at address and checks its attributes.
func (c everyAttribute) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	values, err := AttributeValues(req, c.address)
	if err != nil {
		resp.Error = err
		return
	}
	resp.Error = c.check(values)
}

// AttributeValues are the attributes the resource or data source at address holds in the state a
// state check is given, as terraform's JSON shows them.
func AttributeValues(req statecheck.CheckStateRequest, address string) (map[string]any, error) {
	if req.State == nil || req.State.Values == nil || req.State.Values.RootModule == nil {
		return nil, fmt.Errorf("%s: the state holds no resources", address)
	}
	resources := req.State.Values.RootModule.Resources
	i := slices.IndexFunc(resources, func(r *tfjson.StateResource) bool { return r.Address == address })
	if i < 0 {
		return nil, fmt.Errorf("%s is not in the state", address)
	}
	return resources[i].AttributeValues, nil
}

func (c everyAttribute) check(values map[string]any) error {
	var problems []string
	for name, v := range values {
		check, ok := c.want[name]
		if !ok {
			problems = append(problems, fmt.Sprintf("%s = %v is not checked", name, v))
		} else if err := check.CheckValue(v); err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", name, err))
		}
	}
	for name := range c.want {
		if _, ok := values[name]; !ok {
			problems = append(problems, name+" is not in the state")
		}
	}
	if len(problems) == 0 {
		return nil
	}
	slices.Sort(problems)
	return fmt.Errorf("%s:\n  %s", c.address, strings.Join(problems, "\n  "))
}
