// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// TestAccSoak_aLongApplyWithShortLivedTokensConverges applies to many customers through terraform
// while tokens expire every two seconds, Entra ID fails renewals now and then, Partner Center
// throttles a tenth of the calls and another writer races some updates: every profile reaches its
// configuration, no field is lost, no secret shows, and the next plan is empty.
func TestAccSoak_aLongApplyWithShortLivedTokensConverges(t *testing.T) {
	t.Parallel()
	if acctest.AgainstRealPartnerCenter() {
		t.Skip("the soak injects faults into the emulator's Partner Center and Entra ID")
	}
	const customers = 60
	emu := emulator.New()
	emu.RegisterApp(emulator.App{TenantID: acctest.AuthTenant, ClientID: acctest.AuthClient, ClientSecret: acctest.AuthSecret})
	emu.AddRefreshToken(acctest.AuthClient, acctest.AuthRefresh)
	emu.SetTokenLifetime(2 * time.Second)
	ids := make([]string, customers)
	for i := range ids {
		ids[i] = uuid.NewString()
		if err := emu.SeedDefaultCustomer(ids[i]); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	// Each call takes 100 ms, less than the 0.2 s before expiry at which a two-second token is
	// renewed, so no token expires on its way.
	emu.SetLatency(100 * time.Millisecond)
	emu.SetThrottling(0.1, time.Second)
	raced := raceEveryFifthCustomer(emu, ids)
	stop := failRenewalsNowAndThen(emu)
	defer stop()

	cli := acctest.NewCLI(t)
	diags := cli.Apply(t, soakConfig(srv.URL, ids))
	for _, d := range diags {
		if d.Severity == "error" {
			t.Errorf("apply: %s: %s", d.Summary, d.Detail)
		}
	}
	stop()
	emu.SetThrottling(0, 0)
	if issued, failed := tokenRequestOutcomes(emu); issued < 2 || failed < 1 {
		t.Errorf("Entra ID issued %d tokens and failed %d requests: the soak did not renew through failures", issued, failed)
	}
	for i, id := range ids {
		p, _ := emu.Profile(id)
		addr := p["defaultAddress"].(map[string]any)
		wantDistrict := "King County"
		if d, ok := raced.Load(id); ok {
			wantDistrict = d.(string)
		}
		if p["companyName"] != fmt.Sprintf("Soak %02d", i) || addr["district"] != wantDistrict || addr["middleName"] != "J" ||
			p["culture"] != "en-US" {
			t.Errorf("customer %s: company name %v, district %v (want %s), middle name %v, culture %v", id, p["companyName"],
				addr["district"], wantDistrict, addr["middleName"], p["culture"])
		}
	}
	state, err := os.ReadFile(filepath.Join(cli.Dir, "terraform.tfstate"))
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{acctest.AuthSecret, acctest.AuthRefresh} {
		if strings.Contains(string(state), secret) || strings.Contains(fmt.Sprint(diags), secret) {
			t.Errorf("a secret shows in the state or the diagnostics")
		}
	}
	if cli.PlanHasChanges(t) {
		t.Error("the plan after the soak proposes changes, want none")
	}
}

func soakConfig(url string, ids []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `
provider "partnercenter" {
  base_url      = %[1]q
  authority_url = %[1]q
  tenant_id     = %[2]q
  client_id     = %[3]q
  client_secret = %[4]q
  refresh_token = %[5]q
}
`, url, acctest.AuthTenant, acctest.AuthClient, acctest.AuthSecret, acctest.AuthRefresh)
	for i, id := range ids {
		fmt.Fprintf(&b, "resource \"partnercenter_customer_billing_profile\" \"c%02d\" {\n  customer_id  = %q\n  company_name = \"Soak %02d\"\n}\n", i, id, i)
	}
	return b.String()
}

// raceEveryFifthCustomer makes another writer change an unmodelled field of every fifth customer
// just before the provider's PUT; the map holds the values written.
func raceEveryFifthCustomer(emu *emulator.Server, ids []string) *sync.Map {
	raced := &sync.Map{}
	for i := 0; i < len(ids); i += 5 {
		district := fmt.Sprintf("Raced District %d", i)
		raced.Store(ids[i], district)
		emu.Inject(emulator.Fault{Method: "PUT", CustomerID: ids[i], Mutate: func(p map[string]any) {
			p["defaultAddress"].(map[string]any)["district"] = district
		}})
	}
	return raced
}

// failRenewalsNowAndThen makes Entra ID fail the first token request, then one every three
// seconds (about every other renewal of two-second tokens), until stop is called.
func failRenewalsNowAndThen(emu *emulator.Server) (stop func()) {
	done := make(chan struct{})
	var once sync.Once
	emu.InjectTokenFault(emulator.TokenFault{Status: 503})
	go func() {
		tick := time.NewTicker(3 * time.Second)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				emu.InjectTokenFault(emulator.TokenFault{Status: 503})
			}
		}
	}()
	return func() { once.Do(func() { close(done) }) }
}

// tokenRequestOutcomes counts the token requests Entra ID answered with a token and with an error.
func tokenRequestOutcomes(emu *emulator.Server) (issued, failed int) {
	for _, r := range emu.TokenRequests() {
		if r.Status == 200 {
			issued++
		} else {
			failed++
		}
	}
	return issued, failed
}
