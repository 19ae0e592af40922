// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TerraformBinary is the terraform CLI the tests run: TF_ACC_TERRAFORM_PATH, else terraform on PATH;
// the test is skipped without one.
func TerraformBinary(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("TF_ACC_TERRAFORM_PATH"); p != "" {
		return p
	}
	p, err := exec.LookPath("terraform")
	if err != nil {
		t.Skip("no terraform CLI on PATH and TF_ACC_TERRAFORM_PATH unset")
	}
	return p
}

// BuildProvider builds the provider binary into dir, for a terraform run outside the test process.
func BuildProvider(t *testing.T, dir string) {
	t.Helper()
	build := exec.CommandContext(t.Context(), "go", "build", "-o", filepath.Join(dir, "terraform-provider-partnercenter"),
		"github.com/partnercenter-oss/terraform-provider-partnercenter")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
}

// WriteFile writes content to path, failing the test on an error.
func WriteFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// WaitFor waits until cond holds, failing the test after limit.
func WaitFor(t *testing.T, cond func() bool, limit time.Duration, what string) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Workspace is a working directory for a terraform run outside the test process, with the
// provider binary built into bin served through a dev_overrides CLI configuration (no terraform
// init), and the environment that points the run at an emulator.
type Workspace struct {
	Dir string
	Env []string
	tf  string
}

// NewWorkspace writes mainTF (a provider requirement on partnercenter-oss/partnercenter is added)
// into a new directory whose runs use the provider built into bin, with env added to the
// environment.
func NewWorkspace(t *testing.T, bin, mainTF string, env ...string) *Workspace {
	t.Helper()
	dir := t.TempDir()
	WriteFile(t, filepath.Join(dir, "cli.tfrc"), `provider_installation {
  dev_overrides { "partnercenter-oss/partnercenter" = "`+bin+`" }
  direct {}
}`)
	WriteFile(t, filepath.Join(dir, "main.tf"), `terraform {
  required_providers {
    partnercenter = { source = "partnercenter-oss/partnercenter" }
  }
}
`+mainTF)
	return &Workspace{Dir: dir, tf: TerraformBinary(t),
		Env: append(append(os.Environ(), "TF_CLI_CONFIG_FILE="+filepath.Join(dir, "cli.tfrc"), "TF_IN_AUTOMATION=1"), env...)}
}

// Run runs terraform with args in the workspace and gives its combined output.
func (w *Workspace) Run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), w.tf, args...)
	cmd.Dir, cmd.Env = w.Dir, w.Env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// Interrupt starts `terraform apply`, sends it signal once ready holds, and waits for it to end:
// it fails the test unless terraform ends with a failure within limit of the signal. It gives
// what terraform printed.
func (w *Workspace) Interrupt(t *testing.T, signal os.Signal, ready func() bool, what string, limit time.Duration) string {
	t.Helper()
	var out bytes.Buffer
	apply := exec.CommandContext(t.Context(), w.tf, "apply", "-auto-approve", "-input=false", "-no-color")
	apply.Dir, apply.Env, apply.Stdout, apply.Stderr = w.Dir, w.Env, &out, &out
	if err := apply.Start(); err != nil {
		t.Fatal(err)
	}
	WaitFor(t, ready, time.Minute, what)
	if err := apply.Process.Signal(signal); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- apply.Wait() }()
	select {
	case err := <-done:
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			t.Fatalf("terraform apply ended with %v, want a failure after the signal:\n%s", err, out.String())
		}
	case <-time.After(limit):
		_ = apply.Process.Kill()
		t.Fatalf("terraform apply still ran %s after the signal:\n%s", limit, out.String())
	}
	return out.String()
}
