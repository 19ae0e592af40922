// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider_test

import (
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
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/settings"
)

// TestInterruptDuringRetryWait presses Ctrl-C on a real `terraform apply` while the provider waits
// out a long Retry-After: terraform stops the provider, whose context ends the wait at once, and
// the state left behind serves the next plan.
func TestInterruptDuringRetryWait(t *testing.T) {
	if acctest.AgainstRealPartnerCenter() {
		t.Skip("injects throttling into the emulator")
	}
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

	ws := acctest.NewWorkspace(t, filepath.Join(dir, "bin"), `provider "partnercenter" {}
resource "partnercenter_customer_billing_profile" "test" {
  customer_id  = "`+customer+`"
  company_name = "Interrupted"
}`, settings.EnvBaseURL+"="+srv.URL, settings.EnvAccessToken+"="+acctest.EmulatorToken)
	out := ws.Interrupt(t, os.Interrupt, func() bool { return acctest.CountStatus(emu, 429) >= 3 },
		"the create's throttled GET", 45*time.Second)
	if !strings.Contains(out, "Cancelled") {
		t.Errorf("no diagnostic says the operation was cancelled:\n%s", out)
	}

	emu.ClearFaults()
	planOut, err := ws.Run(t, "plan", "-input=false", "-no-color", "-detailed-exitcode")
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 2 {
		t.Fatalf("the next plan should propose the change (exit 2), got %v:\n%s", err, planOut)
	}
}
