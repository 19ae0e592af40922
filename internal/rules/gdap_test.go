// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package rules

import "testing"

func TestDurationDaysReadsGDAPDurations(t *testing.T) {
	days := map[string]int{"P730D": 730, "P2Y": 730, "P1Y6M": 545, "P1W": 7, "PT0S": 0, "P0D": 0, "P180D": 180,
		"PT24H": 1, "P1DT24H": 2}
	for s, want := range days {
		if got, err := DurationDays(s); err != nil || got != want {
			t.Errorf("DurationDays(%q) = %d, %v; want %d", s, got, err, want)
		}
	}
	for _, s := range []string{"", "P", "PT", "P1DT", "730", "P-1D", "p730d", "P1.5D", "PT1H", "P999999D"} {
		if _, err := DurationDays(s); err == nil {
			t.Errorf("DurationDays(%q) was read", s)
		}
	}
}

func TestRelationshipDurationsRunFromADayToTwoYears(t *testing.T) {
	for s, ok := range map[string]bool{"P1D": true, "P730D": true, "P2Y": true, "PT0S": false, "P731D": false, "P3Y": false} {
		if err := CheckRelationshipDuration(s); (err == nil) != ok {
			t.Errorf("CheckRelationshipDuration(%q) = %v, want ok=%v", s, err, ok)
		}
	}
}

func TestAutoExtensionIsOffOrHalfAYear(t *testing.T) {
	for s, ok := range map[string]bool{"PT0S": true, "P0D": true, "P180D": true, "P90D": false, "P1Y": false, "x": false} {
		if err := CheckAutoExtend(s); (err == nil) != ok {
			t.Errorf("CheckAutoExtend(%q) = %v, want ok=%v", s, err, ok)
		}
	}
	if AutoExtends("PT0S") || AutoExtends("P0D") || !AutoExtends("P180D") || AutoExtends("nonsense") {
		t.Error("AutoExtends does not tell off from on")
	}
}

func TestDurationsAreSentInGraphsOwnSpelling(t *testing.T) {
	for in, want := range map[string]string{"P2Y": "P730D", "P730D": "P730D", "P1Y6M": "P545D", "P12W": "P84D", "PT48H": "P2D"} {
		if got := CanonicalDuration(in); got != want {
			t.Errorf("CanonicalDuration(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"P6M": "P180D", "P25W5D": "P180D", "P180D": "P180D", "P0D": "PT0S", "PT0S": "PT0S", "P0Y": "PT0S"} {
		if got := CanonicalAutoExtend(in); got != want {
			t.Errorf("CanonicalAutoExtend(%q) = %q, want %q", in, got, want)
		}
	}
}
