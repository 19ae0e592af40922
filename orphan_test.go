// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

//go:build unix

package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

const (
	orphanParentEnv = "PARTNERCENTER_TEST_ORPHAN_PARENT"
	mainHelperEnv   = "PARTNERCENTER_TEST_MAIN"
	// magicCookie is tf6server's handshake: go-plugin serves only a process that has it.
	magicCookie = "TF_PLUGIN_MAGIC_COOKIE=d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2"
)

// TestProviderExitsWhenTerraformDies starts a stand-in for terraform, which starts the provider
// as terraform does (main, the plugin handshake, serving), then kills the stand-in with SIGKILL
// and expects the provider to exit within a few seconds instead of lingering.
func TestProviderExitsWhenTerraformDies(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	parent := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestOrphanParentHelper$")
	parent.Env = append(os.Environ(), orphanParentEnv+"=1")
	out, err := parent.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := parent.Start(); err != nil {
		t.Fatal(err)
	}
	pid, err := readChildPID(out)
	if err != nil {
		_ = parent.Process.Kill()
		t.Fatalf("the stand-in for terraform did not start the provider: %v", err)
	}
	t.Cleanup(func() { _ = syscall.Kill(pid, syscall.SIGKILL) }) // when the test fails, the provider does not linger either

	_ = parent.Process.Signal(syscall.SIGKILL)
	_ = parent.Wait()
	killed := time.Now()
	for alive(pid) {
		if time.Since(killed) > 5*time.Second {
			t.Fatalf("the provider (pid %d) still runs 5s after terraform was killed", pid)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("the provider exited %s after terraform was killed", time.Since(killed).Round(time.Millisecond))
}

// readChildPID reads the line "provider <pid>" the stand-in prints once the provider serves.
func readChildPID(out io.Reader) (int, error) {
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		var pid int
		if _, err := fmt.Sscanf(lines.Text(), "provider %d", &pid); err == nil {
			return pid, nil
		}
	}
	return 0, errors.New("no provider pid printed")
}

// alive reports whether pid runs: it exists and is not a zombie left for a reaper.
func alive(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return false
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return !os.IsNotExist(err)
	}
	// The state follows the command name in parentheses: "1234 (name) S ...".
	_, rest, _ := strings.Cut(string(stat), ") ")
	return !strings.HasPrefix(rest, "Z") && !strings.HasPrefix(rest, "X")
}

// TestOrphanParentHelper stands in for terraform: it starts the provider, waits until it serves
// (its plugin handshake line), prints its pid and waits to be killed.
func TestOrphanParentHelper(t *testing.T) {
	if os.Getenv(orphanParentEnv) != "1" {
		t.Skip("runs only as the stand-in for terraform of TestProviderExitsWhenTerraformDies")
	}
	provider := exec.Command(os.Args[0], "-test.run=^TestMainHelper$")
	provider.Env = append(os.Environ(), mainHelperEnv+"=1", magicCookie, "PLUGIN_PROTOCOL_VERSIONS=6")
	out, err := provider.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := provider.Start(); err != nil {
		t.Fatal(err)
	}
	handshake := bufio.NewScanner(out)
	for handshake.Scan() {
		if strings.HasPrefix(handshake.Text(), "1|6|") {
			fmt.Printf("provider %d\n", provider.Process.Pid)
			time.Sleep(time.Hour) // until killed
		}
	}
	t.Fatal("the provider never served")
}

// TestMainHelper runs the provider's main, as terraform starts it.
func TestMainHelper(t *testing.T) {
	if os.Getenv(mainHelperEnv) != "1" {
		t.Skip("runs only as the provider started by TestOrphanParentHelper")
	}
	main()
}
