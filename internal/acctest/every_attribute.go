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
	if req.State == nil || req.State.Values == nil || req.State.Values.RootModule == nil {
		resp.Error = fmt.Errorf("%s: the state holds no resources", c.address)
		return
	}
	i := slices.IndexFunc(req.State.Values.RootModule.Resources, func(r *tfjson.StateResource) bool { return r.Address == c.address })
	if i < 0 {
		resp.Error = fmt.Errorf("%s is not in the state", c.address)
		return
	}
	resp.Error = c.check(req.State.Values.RootModule.Resources[i].AttributeValues)
}

func (c everyAttribute) check(values map[string]any) error {
	var problems []string
	for name, v := range values {
		check, ok := c.want[name]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("%s = %v is not checked", name, v))
		case check.CheckValue(v) != nil:
			problems = append(problems, fmt.Sprintf("%s: %v", name, check.CheckValue(v)))
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
