// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider_test

import (
	"bytes"
	"errors"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// TestInterruptDuringRetryWait presses Ctrl-C on a real `terraform apply` while the provider waits
// out a long Retry-After: terraform stops the provider, whose context ends the wait at once, and
// the state left behind serves the next plan.
func TestInterruptDuringRetryWait(t *testing.T) {
	if acctest.AgainstRealPartnerCenter() {
		t.Skip("injects throttling into the emulator")
	}
	tf := acctest.TerraformBinary(t)
	dir := t.TempDir()
	acctest.BuildProvider(t, filepath.Join(dir, "bin"))

	emu := emulator.New(acctest.EmulatorToken)
	customer := uuid.NewString()
	if err := emu.SeedDefaultCustomer(customer); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu)
	defer srv.Close()
	// The plan of each walk reads the profile to show what the adopt overwrites; it does not wait
	// out a long Retry-After (a warning says the read was skipped), so the create reads it itself,
	// and that third GET waits.
	emu.Inject(emulator.Fault{Method: "GET", Times: 3, Status: 429, RetryAfter: 90 * time.Second})

	acctest.WriteFile(t, filepath.Join(dir, "cli.tfrc"), `provider_installation {
  dev_overrides { "partnercenter-oss/partnercenter" = "`+filepath.Join(dir, "bin")+`" }
  direct {}
}`)
	acctest.WriteFile(t, filepath.Join(dir, "main.tf"), `terraform {
  required_providers {
    partnercenter = { source = "partnercenter-oss/partnercenter" }
  }
}
provider "partnercenter" {}
resource "partnercenter_customer_billing_profile" "test" {
  customer_id  = "`+customer+`"
  company_name = "Interrupted"
}`)
	env := append(os.Environ(), "TF_CLI_CONFIG_FILE="+filepath.Join(dir, "cli.tfrc"), "TF_IN_AUTOMATION=1",
		framework.EnvBaseURL+"="+srv.URL, framework.EnvAccessToken+"="+acctest.EmulatorToken)

	var out bytes.Buffer
	apply := exec.CommandContext(t.Context(), tf, "apply", "-auto-approve", "-input=false", "-no-color")
	apply.Dir, apply.Env, apply.Stdout, apply.Stderr = dir, env, &out, &out
	if err := apply.Start(); err != nil {
		t.Fatal(err)
	}
	acctest.WaitFor(t, func() bool { return acctest.CountStatus(emu, 429) >= 3 }, 60*time.Second, "the create's throttled GET")
	if err := apply.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- apply.Wait() }()
	select {
	case err := <-done:
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			t.Fatalf("terraform apply ended with %v, want a failure after the interrupt:\n%s", err, out.String())
		}
	case <-time.After(45 * time.Second):
		_ = apply.Process.Kill()
		t.Fatalf("terraform apply still waited out the 90s Retry-After 45s after Ctrl-C:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "Cancelled") {
		t.Errorf("no diagnostic says the operation was cancelled:\n%s", out.String())
	}

	emu.ClearFaults()
	plan := exec.CommandContext(t.Context(), tf, "plan", "-input=false", "-no-color", "-detailed-exitcode")
	plan.Dir, plan.Env = dir, env
	planOut, err := plan.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 2 {
		t.Fatalf("the next plan should propose the change (exit 2), got %v:\n%s", err, planOut)
	}
}
