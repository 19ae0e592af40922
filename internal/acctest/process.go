// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
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
