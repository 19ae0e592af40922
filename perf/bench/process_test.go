// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCPUTicksReadsUtimeAndStimeAfterTheCommandName(t *testing.T) {
	// A command name may hold spaces and parentheses; fields 14 and 15 (utime 7, stime 5) come
	// after its last ')'.
	stat := "4242 (a (b) c) S 1 4242 4242 0 -1 4194560 100 0 0 0 7 5 0 0 20 0 9 0 123 456 789\n"
	path := filepath.Join(t.TempDir(), "stat")
	if err := os.WriteFile(path, []byte(stat), 0o600); err != nil {
		t.Fatal(err)
	}
	got, ok := cpuTicks(path)
	if !ok || got != 12 {
		t.Fatalf("cpuTicks = %d, %v; want 12, true", got, ok)
	}
}

func TestCPUTicksRejectsWhatIsNotAStatLine(t *testing.T) {
	for name, content := range map[string]string{"no name": "4242 S 1 2 3", "short": "1 (x) S 1 2"} {
		path := filepath.Join(t.TempDir(), "stat")
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		if got, ok := cpuTicks(path); ok {
			t.Errorf("%s: cpuTicks = %d, true; want false", name, got)
		}
	}
	if _, ok := cpuTicks(filepath.Join(t.TempDir(), "missing")); ok {
		t.Error("a missing file read as ok")
	}
}

func TestCPUTicksOfThisProcess(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc on this system")
	}
	if _, ok := cpuTicks("/proc/self/stat"); !ok {
		t.Error("could not read this process's CPU ticks")
	}
}
