// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

const providerBinary = "terraform-provider-partnercenter"

func findTerraform(flagValue string) (string, error) {
	for _, p := range []string{flagValue, os.Getenv("TF_ACC_TERRAFORM_PATH")} {
		if p != "" {
			return p, nil
		}
	}
	p, err := exec.LookPath("terraform")
	if err != nil {
		return "", errors.New("no terraform CLI: put it on PATH, or pass -terraform or TF_ACC_TERRAFORM_PATH")
	}
	return p, nil
}

// buildProvider builds the provider (pkg: "." or ./perf/profiled) into work/bin and writes a
// dev_overrides CLI config for it.
func buildProvider(work, pkg string) error {
	bin := filepath.Join(work, "bin")
	build := exec.CommandContext(context.Background(), "go", "build", "-o", filepath.Join(bin, providerBinary), pkg)
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("building the provider: %w\n%s", err, out)
	}
	cfg := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"partnercenter-oss/partnercenter\" = %q\n  }\n  direct {}\n}\n", bin)
	return os.WriteFile(filepath.Join(work, "cli.tfrc"), []byte(cfg), 0o600)
}

// providerWatcher samples, while terraform runs, the provider processes started from binDir: their
// peak resident memory (VmHWM) and the CPU time each has used. Terraform starts one provider process
// per stage of a command (validate, plan, apply), so CPU time is kept per process and summed.
type providerWatcher struct {
	done  chan struct{}
	wg    sync.WaitGroup
	peak  int64
	ticks map[string]int64 // pid → user+system clock ticks at its last sample
}

func watchProviders(binDir string) *providerWatcher {
	w := &providerWatcher{done: make(chan struct{}), ticks: map[string]int64{}}
	exe := filepath.Join(binDir, providerBinary)
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			w.peak = max(w.peak, w.sample(exe))
			select {
			case <-w.done:
				return
			case <-t.C:
			}
		}
	}()
	return w
}

// stop ends the sampling and returns the peak memory in bytes and the CPU time of all provider
// processes (up to one sampling interval short for each, the time after its last sample).
func (w *providerWatcher) stop() (int64, time.Duration) {
	close(w.done)
	w.wg.Wait()
	var ticks int64
	for _, t := range w.ticks {
		ticks += t
	}
	return w.peak, time.Duration(ticks) * time.Second / clockTicksPerSecond
}

// cpuTime is the user and system CPU time of cmd, which has exited, and of the children it waited
// for: terraform's and its provider processes'.
func cpuTime(cmd *exec.Cmd) time.Duration {
	return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

// clockTicksPerSecond is Linux's USER_HZ, the unit of /proc/<pid>/stat's times.
const clockTicksPerSecond = 100

// sample records the CPU ticks of each running process whose executable is exe and returns the
// largest VmHWM among them.
func (w *providerWatcher) sample(exe string) int64 {
	entries, _ := os.ReadDir("/proc")
	var peak int64
	for _, e := range entries {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		dir := filepath.Join("/proc", e.Name())
		if target, err := os.Readlink(filepath.Join(dir, "exe")); err != nil || target != exe {
			continue
		}
		peak = max(peak, vmHWM(filepath.Join(dir, "status")))
		if t, ok := cpuTicks(filepath.Join(dir, "stat")); ok {
			w.ticks[e.Name()] = t
		}
	}
	return peak
}

// cpuTicks reads utime + stime from a /proc/<pid>/stat file: fields 14 and 15, counted after the
// command name in parentheses, which may itself hold spaces.
func cpuTicks(statPath string) (int64, bool) {
	b, err := os.ReadFile(statPath)
	if err != nil {
		return 0, false
	}
	i := strings.LastIndexByte(string(b), ')')
	if i < 0 {
		return 0, false
	}
	fields := strings.Fields(string(b[i+1:])) // fields[0] is field 3, the state
	if len(fields) < 13 {
		return 0, false
	}
	utime, err1 := strconv.ParseInt(fields[11], 10, 64)
	stime, err2 := strconv.ParseInt(fields[12], 10, 64)
	return utime + stime, err1 == nil && err2 == nil
}

func vmHWM(statusPath string) int64 {
	f, err := os.Open(statusPath)
	if err != nil {
		return 0
	}
	defer func() { _ = f.Close() }()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}
