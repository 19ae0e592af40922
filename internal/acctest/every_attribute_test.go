// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
)

func TestExpectEveryAttributeNamesWhatItCannotVouchFor(t *testing.T) {
	t.Parallel()
	c := everyAttribute{address: "data.x.y", want: map[string]knownvalue.Check{
		"id": knownvalue.StringExact("1"), "name": knownvalue.StringExact("Contoso"), "gone": knownvalue.Null(),
	}}
	err := c.check(map[string]any{"id": "1", "name": "Fabrikam", "added": "later"})
	for _, want := range []string{`added = later is not checked`, `name: expected value Contoso`, `gone is not in the state`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v, want it to say %q", err, want)
		}
	}
	if err := c.check(map[string]any{"id": "1", "name": "Contoso", "gone": nil}); err != nil {
		t.Errorf("every attribute as wanted: %v", err)
	}
}
