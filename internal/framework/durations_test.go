// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"testing"
	"time"
)

func TestShortDurationIsHowTerraformUsersWriteIt(t *testing.T) {
	t.Parallel()
	for d, want := range map[time.Duration]string{10 * time.Minute: "10m", 5 * time.Minute: "5m", 2 * time.Hour: "2h",
		90 * time.Second: "1m30s", 20 * time.Minute: "20m"} {
		if got := ShortDuration(d); got != want {
			t.Errorf("ShortDuration(%s) = %q, want %q", d, got, want)
		}
	}
}
