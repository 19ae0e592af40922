// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package serve

import (
	"math"
	"os"
	"runtime/debug"
	"testing"
)

// Not parallel: these tests set the collector of the whole test process, and put it back.
func TestTuneMemorySetsTheLimitAndThePercentage(t *testing.T) {
	startFrom(t, 100, math.MaxInt64)
	for _, name := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Setenv(name, "")
		if err := os.Unsetenv(name); err != nil {
			t.Fatal(err)
		}
	}
	TuneMemory()
	if got := debug.SetGCPercent(100); got != gcPercent {
		t.Errorf("GC percentage %d, want %d", got, gcPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != memoryLimit {
		t.Errorf("memory limit %d, want %d", got, memoryLimit)
	}
}

func TestTuneMemoryLeavesWhatTheEnvironmentSets(t *testing.T) {
	startFrom(t, 100, math.MaxInt64)
	t.Setenv("GOGC", "50")
	t.Setenv("GOMEMLIMIT", "1GiB")
	TuneMemory()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GC percentage %d with GOGC set, want it left at 100", got)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("memory limit %d with GOMEMLIMIT set, want it left unlimited", got)
	}
}

// startFrom sets the collector to percent and limit for a test, and restores it after.
func startFrom(t *testing.T, percent int, limit int64) {
	t.Helper()
	oldPercent, oldLimit := debug.SetGCPercent(percent), debug.SetMemoryLimit(limit)
	t.Cleanup(func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	})
}
