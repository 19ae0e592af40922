// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap_test

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// TestGDAPInterruptedCreateConvergesByItself stops a real `terraform apply` while the provider
// waits for Graph to show the relationship it has just created (so, to lock it): with Ctrl-C, and
// with kill -9. The next apply, with no import and no untaint, takes the relationship over and
// locks it; there is one relationship, and the plan after it is empty.
func TestGDAPInterruptedCreateConvergesByItself(t *testing.T) {
	if acctest.AgainstRealPartnerCenter() {
		t.Skip("interrupts applies against the emulator")
	}
	tf := acctest.TerraformBinary(t)
	bin := filepath.Join(t.TempDir(), "bin")
	acctest.BuildProvider(t, bin)
	for name, signal := range map[string]os.Signal{"Ctrl-C": os.Interrupt, "kill -9": syscall.SIGKILL} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			emu := emulator.New(acctest.EmulatorToken)
			emu.AddGraphToken(acctest.EmulatorGraphToken)
			emu.Graph().SetCreateLag(time.Hour) // the lock's wait lasts until the signal
			srv := httptest.NewServer(emu)
			t.Cleanup(srv.Close)
			dir := t.TempDir()
			acctest.WriteFile(t, filepath.Join(dir, "cli.tfrc"), `provider_installation {
  dev_overrides { "partnercenter-oss/partnercenter" = "`+bin+`" }
  direct {}
}`)
			acctest.WriteFile(t, filepath.Join(dir, "main.tf"), `terraform {
  required_providers {
    partnercenter = { source = "partnercenter-oss/partnercenter" }
  }
}
provider "partnercenter" {}
resource "partnercenter_delegated_admin_relationship" "contoso" {
  display_name       = "Contoso admins"
  customer_tenant_id = "`+contoso+`"
  duration           = "P730D"
  roles              = ["`+readerRole+`"]
}`)
			env := append(os.Environ(), "TF_CLI_CONFIG_FILE="+filepath.Join(dir, "cli.tfrc"), "TF_IN_AUTOMATION=1",
				framework.EnvBaseURL+"="+srv.URL, framework.EnvAccessToken+"="+acctest.EmulatorToken,
				framework.EnvGraphBaseURL+"="+srv.URL, framework.EnvGraphAccessToken+"="+acctest.EmulatorGraphToken)
			run := func(args ...string) (string, error) {
				cmd := exec.CommandContext(t.Context(), tf, args...)
				cmd.Dir, cmd.Env = dir, env
				out, err := cmd.CombinedOutput()
				return string(out), err
			}

			var out bytes.Buffer
			apply := exec.CommandContext(t.Context(), tf, "apply", "-auto-approve", "-input=false", "-no-color")
			apply.Dir, apply.Env, apply.Stdout, apply.Stderr = dir, env, &out, &out
			if err := apply.Start(); err != nil {
				t.Fatal(err)
			}
			acctest.WaitFor(t, func() bool { return acctest.CountStatus(emu, http.StatusNotFound) >= 2 }, time.Minute,
				"the lock to meet Graph not showing the new relationship")
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
			case <-time.After(30 * time.Second):
				_ = apply.Process.Kill()
				t.Fatalf("terraform apply still ran 30s after the signal:\n%s", out.String())
			}

			emu.Graph().Advance(2 * time.Hour) // Graph shows the relationship by now
			if got, err := run("apply", "-auto-approve", "-input=false", "-no-color"); err != nil {
				t.Fatalf("the apply after the interrupted one failed: %v\n%s", err, got)
			}
			rels := emu.Graph().Relationships()
			if len(rels) != 1 || rels[0].Status != "approvalPending" {
				t.Fatalf("the emulator holds %+v, want the one relationship, awaiting approval", rels)
			}
			if got, err := run("plan", "-detailed-exitcode", "-input=false", "-no-color"); err != nil {
				t.Fatalf("the plan after the apply is not empty: %v\n%s", err, got)
			}
		})
	}
}
