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

// buildProvider builds the provider (pkg: "." or ./tools/profiled) into work/bin and writes a
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

// rssWatcher samples the peak resident memory (VmHWM) of the provider processes started from
// binDir while terraform runs.
type rssWatcher struct {
	done chan struct{}
	wg   sync.WaitGroup
	peak int64
}

func watchPeakRSS(binDir string) *rssWatcher {
	w := &rssWatcher{done: make(chan struct{})}
	exe := filepath.Join(binDir, providerBinary)
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			w.peak = max(w.peak, providerPeak(exe))
			select {
			case <-w.done:
				return
			case <-t.C:
			}
		}
	}()
	return w
}

func (w *rssWatcher) stop() int64 {
	close(w.done)
	w.wg.Wait()
	return w.peak
}

// providerPeak returns the largest VmHWM among running processes whose executable is exe.
func providerPeak(exe string) int64 {
	entries, _ := os.ReadDir("/proc")
	var peak int64
	for _, e := range entries {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		if target, err := os.Readlink(filepath.Join("/proc", e.Name(), "exe")); err != nil || target != exe {
			continue
		}
		peak = max(peak, vmHWM(filepath.Join("/proc", e.Name(), "status")))
	}
	return peak
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
