// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"strings"
	"testing"
	"time"
)

func TestTableComparesARunWithItsBoundPlusItsTerraformDataRun(t *testing.T) {
	rs := []result{
		{n: 1000, phase: "onboard: import all", wall: 12 * time.Second, lists: 2, gets: 1000, lowerBound: 5100 * time.Millisecond},
		{n: 1000, phase: "plan after onboarding", wall: 9 * time.Second, lists: 2, gets: 1000, lowerBound: 5100 * time.Millisecond},
		{n: 1000, phase: "onboard: import all" + baselineSuffix, wall: 2900 * time.Millisecond},
		{n: 1000, phase: "onboard: import all" + floorSuffix, wall: 4900 * time.Millisecond},
	}
	out := table(options{latency: 50 * time.Millisecond, parallelism: 10}, rs)
	// 12 s ÷ (5.1 s + 2.9 s) = 1.50, and ÷ (5.1 s + 4.9 s) = 1.20; the plan has no floor run to
	// compare with.
	for _, want := range []string{"| 1000 | onboard: import all | 12.0 s | 2 | 1000 | 0 | 0 | 0 | 0.0 s | 5.1 s | 2.35 | 1.50 | 1.20 |",
		"| 1000 | plan after onboarding | 9.0 s | 2 | 1000 | 0 | 0 | 0 | 0.0 s | 5.1 s | 1.76 |  |  |"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks the row\n%s\n%s", want, out)
		}
	}
}

func TestRunsNameGroupsOfRuns(t *testing.T) {
	gs, err := parseGroups("onboard, manage")
	if err != nil || len(gs) != 2 || gs[0].name != "onboard" || gs[1].name != "manage" {
		t.Errorf("parseGroups = %v, %v", gs, err)
	}
	if _, err := parseGroups("onboard,everything"); err == nil {
		t.Error("an unknown group was accepted")
	}
}
