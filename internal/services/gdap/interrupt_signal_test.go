// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/settings"
)

// TestGDAPInterruptedCreateConvergesByItself stops a real `terraform apply` while the provider
// waits for Graph to show the relationship it has just created (so, to lock it): with Ctrl-C, and
// with kill -9. The next apply, with no import and no untaint, takes the relationship over and
// locks it; there is one relationship, and the plan after it is empty.
func TestGDAPInterruptedCreateConvergesByItself(t *testing.T) {
	if acctest.AgainstRealGraph() {
		t.Skip("interrupts applies against the emulator")
	}
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
			ws := acctest.NewWorkspace(t, bin, `provider "partnercenter" {}
resource "partnercenter_delegated_admin_relationship" "contoso" {
  display_name       = "Contoso admins"
  customer_tenant_id = "`+contoso+`"
  duration           = "P730D"
  roles              = ["`+readerRole+`"]
}`, settings.EnvBaseURL+"="+srv.URL, settings.EnvAccessToken+"="+acctest.EmulatorToken,
				settings.EnvGraphBaseURL+"="+srv.URL, settings.EnvGraphAccessToken+"="+acctest.EmulatorGraphToken)
			ws.Interrupt(t, signal, func() bool { return acctest.CountStatus(emu, http.StatusNotFound) >= 2 },
				"the lock to meet Graph not showing the new relationship", 30*time.Second)

			emu.Graph().Advance(2 * time.Hour) // Graph shows the relationship by now
			if got, err := ws.Run(t, "apply", "-auto-approve", "-input=false", "-no-color"); err != nil {
				t.Fatalf("the apply after the interrupted one failed: %v\n%s", err, got)
			}
			rels := emu.Graph().Relationships()
			if len(rels) != 1 || rels[0].Status != "approvalPending" {
				t.Fatalf("the emulator holds %+v, want the one relationship, awaiting approval", rels)
			}
			if got, err := ws.Run(t, "plan", "-detailed-exitcode", "-input=false", "-no-color"); err != nil {
				t.Fatalf("the plan after the apply is not empty: %v\n%s", err, got)
			}
		})
	}
}
