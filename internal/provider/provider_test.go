package provider

import (
	"fmt"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/serve"
)

// EnvTestCustomerID names the customer the acceptance tests change when they run against the real
// Partner Center: TF_ACC=1 with this variable and a credential (PARTNERCENTER_ACCESS_TOKEN, or the
// variables of another credential kind) set.
const EnvTestCustomerID = "PARTNERCENTER_TEST_CUSTOMER_ID"

// againstRealPartnerCenter reports whether the user asked for the real service.
func againstRealPartnerCenter() bool {
	return os.Getenv("TF_ACC") != "" && os.Getenv(EnvTestCustomerID) != ""
}

const emulatorToken = "acceptance-test-token"

var testProviders = map[string]func() (tfprotov6.ProviderServer, error){
	"partnercenter": func() (tfprotov6.ProviderServer, error) { return serve.Wrap(NewServer("test"))(), nil },
}

// testEnv is where one acceptance test runs: its own emulator with its own customer, or the real
// Partner Center when the user has set real credentials.
type testEnv struct {
	customerID     string
	providerConfig string
	emu            *emulator.Server // nil against the real Partner Center
}

func newTestEnv(t *testing.T) *testEnv {
	t.Helper()
	if againstRealPartnerCenter() {
		return &testEnv{customerID: os.Getenv(EnvTestCustomerID), providerConfig: `provider "partnercenter" {}`}
	}
	emu := emulator.New(emulatorToken)
	id := uuid.NewString()
	if err := emu.SeedDefaultCustomer(id); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	return &testEnv{
		customerID:     id,
		emu:            emu,
		providerConfig: fmt.Sprintf("provider \"partnercenter\" {\n  base_url     = %q\n  access_token = %q\n}\n", srv.URL, emulatorToken),
	}
}

// needsEmulator skips a test that injects faults or knows the seeded profile when it runs against
// the real Partner Center.
func (e *testEnv) needsEmulator(t *testing.T) {
	t.Helper()
	if e.emu == nil {
		t.Skip("this test injects faults into the Partner Center emulator")
	}
}

// run runs tc through the real terraform CLI: against the emulator without TF_ACC, against
// Partner Center with it.
func (e *testEnv) run(t *testing.T, tc resource.TestCase) {
	t.Helper()
	tc.ProtoV6ProviderFactories = testProviders
	if e.emu == nil {
		resource.Test(t, tc)
		return
	}
	resource.UnitTest(t, tc)
}

// config is the provider block followed by body, with %[1]s standing for the customer id.
func (e *testEnv) config(body string) string {
	return e.providerConfig + strings.ReplaceAll(body, "%[1]s", e.customerID)
}

// callsOfOperations groups the emulator's log by correlation id (one Terraform operation each)
// and returns the method sequences of the operations that sent a PUT.
func (e *testEnv) writingOperations() [][]string {
	byOp := map[string][]string{}
	var order []string
	for _, r := range e.emu.Requests() {
		if _, seen := byOp[r.CorrelationID]; !seen {
			order = append(order, r.CorrelationID)
		}
		byOp[r.CorrelationID] = append(byOp[r.CorrelationID], r.Method)
	}
	var out [][]string
	for _, id := range order {
		for _, m := range byOp[id] {
			if m == "PUT" {
				out = append(out, byOp[id])
				break
			}
		}
	}
	return out
}
