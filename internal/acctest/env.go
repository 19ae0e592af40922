// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/uuid"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/provider"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/serve"
)

// EnvTestCustomerID names the customer the acceptance tests change when they run against the real
// Partner Center: TF_ACC=1 with this variable and a credential (PARTNERCENTER_ACCESS_TOKEN, or the
// variables of another credential kind) set.
const EnvTestCustomerID = "PARTNERCENTER_TEST_CUSTOMER_ID"

// EnvTestGDAPCustomerTenantID names the customer tenant the GDAP acceptance tests read against
// the real Microsoft Graph: TF_ACC=1 with this variable and a credential set. Each API is switched
// on its own: with only PARTNERCENTER_TEST_CUSTOMER_ID set, the GDAP tests stay on the emulator,
// and with only this one, the billing tests do.
const EnvTestGDAPCustomerTenantID = "PARTNERCENTER_TEST_GDAP_CUSTOMER_TENANT_ID"

// AgainstRealPartnerCenter reports whether the user asked for the real Partner Center.
func AgainstRealPartnerCenter() bool {
	return os.Getenv("TF_ACC") != "" && os.Getenv(EnvTestCustomerID) != ""
}

// AgainstRealGraph reports whether the user asked for the real Microsoft Graph.
func AgainstRealGraph() bool {
	return os.Getenv("TF_ACC") != "" && os.Getenv(EnvTestGDAPCustomerTenantID) != ""
}

// EmulatorToken is the bearer token every test emulator accepts for Partner Center, and
// EmulatorGraphToken the one it accepts for Microsoft Graph.
const (
	EmulatorToken      = "acceptance-test-token"
	EmulatorGraphToken = "acceptance-test-graph-token"
)

// ProviderFactories serve the provider in the test process, as main.go serves it, for
// terraform-plugin-testing.
var ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"partnercenter": func() (tfprotov6.ProviderServer, error) { return serve.Wrap(provider.NewServer("test"))(), nil },
}

// Env is where one acceptance test runs: its own emulator with its own customer, or the real API
// its test is for (Partner Center, NewEnv; Microsoft Graph, NewGraphEnv) when the user has set
// real credentials and that API's test customer.
type Env struct {
	// CustomerID is the customer the test changes: a seeded one, PARTNERCENTER_TEST_CUSTOMER_ID, or
	// (NewGraphEnv) PARTNERCENTER_TEST_GDAP_CUSTOMER_TENANT_ID.
	CustomerID string
	// ProviderConfig is the provider block pointing at the emulator, or an empty one.
	ProviderConfig string
	// Emulator is the test's emulator, nil against a real API.
	Emulator *emulator.Server
	// BaseURL is the emulator's address, "" against a real API.
	BaseURL string
}

// NewEnv is a Partner Center test's Env: its own emulator with one seeded customer, or the real
// Partner Center when TF_ACC and PARTNERCENTER_TEST_CUSTOMER_ID are set.
func NewEnv(t *testing.T) *Env {
	t.Helper()
	if AgainstRealPartnerCenter() {
		return realEnv(os.Getenv(EnvTestCustomerID))
	}
	return emulatorEnv(t)
}

// NewGraphEnv is a GDAP test's Env: its own emulator, or the real Microsoft Graph when TF_ACC and
// PARTNERCENTER_TEST_GDAP_CUSTOMER_TENANT_ID are set, with CustomerID that customer's tenant.
func NewGraphEnv(t *testing.T) *Env {
	t.Helper()
	if AgainstRealGraph() {
		return realEnv(os.Getenv(EnvTestGDAPCustomerTenantID))
	}
	return emulatorEnv(t)
}

// realEnv is an Env on the real APIs, with the credential the environment gives the provider.
func realEnv(customerID string) *Env {
	return &Env{CustomerID: customerID, ProviderConfig: `provider "partnercenter" {}`}
}

// emulatorEnv is an Env on a new emulator holding one customer, CustomerID, whose provider block
// gives the emulator's static tokens.
func emulatorEnv(t *testing.T) *Env {
	t.Helper()
	emu := emulator.New(EmulatorToken)
	return servedEnv(t, emu, func(url string) string {
		return fmt.Sprintf("provider \"partnercenter\" {\n  base_url           = %[1]q\n  access_token       = %[2]q\n"+
			"  graph_base_url     = %[1]q\n  graph_access_token = %[3]q\n}\n", url, EmulatorToken, EmulatorGraphToken)
	})
}

// servedEnv serves emu, which also takes EmulatorGraphToken (for tests that seed GDAP through
// Graph's API), with one seeded customer, CustomerID, and the provider block config gives for its
// address.
func servedEnv(t *testing.T, emu *emulator.Server, config func(url string) string) *Env {
	t.Helper()
	emu.AddGraphToken(EmulatorGraphToken)
	id := uuid.NewString()
	if err := emu.SeedDefaultCustomer(id); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	return &Env{CustomerID: id, Emulator: emu, BaseURL: srv.URL, ProviderConfig: config(srv.URL)}
}

// NeedsEmulator skips a test that needs what only the emulator can do (inject faults, know the
// seeded profile, approve a relationship as the customer) when it runs against a real API.
func (e *Env) NeedsEmulator(t *testing.T) {
	t.Helper()
	if e.Emulator == nil {
		t.Skip("this test needs the emulator: it injects faults, knows what was seeded, or acts as the customer")
	}
}

// Run runs tc through the real terraform CLI: against the emulator, or against the real API the
// Env was made for (which needs TF_ACC).
func (e *Env) Run(t *testing.T, tc resource.TestCase) {
	t.Helper()
	tc.ProtoV6ProviderFactories = ProviderFactories
	if e.Emulator == nil {
		resource.Test(t, tc)
		return
	}
	resource.UnitTest(t, tc)
}

// Config is the provider block followed by body, with %[1]s standing for the customer id.
func (e *Env) Config(body string) string {
	return e.ProviderConfig + strings.ReplaceAll(body, "%[1]s", e.CustomerID)
}

// EmulatorCheck runs check only against the emulator.
func (e *Env) EmulatorCheck(check func() error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if e.Emulator == nil {
			return nil
		}
		return check()
	}
}

// The request ids every API error diagnostic must carry for a support case, as each API names
// them: Partner Center's MS-RequestId and MS-CorrelationId, Microsoft Graph's request-id and the
// client-request-id the provider sent.
const (
	PartnerCenterRequestIDs = `MS-RequestId: [0-9a-f-]{36}, MS-CorrelationId: [0-9a-f-]{36}`
	GraphRequestIDs         = `request-id: [0-9a-f-]{36}, client-request-id: [0-9a-f-]{36}`
)

// DiagnosticPattern matches the parts in order, wherever terraform wraps the lines between words.
func DiagnosticPattern(parts ...string) *regexp.Regexp {
	for i, p := range parts {
		parts[i] = strings.ReplaceAll(p, " ", `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(parts, ".*"))
}

// ExpectStatusCount checks how many answers of status the emulator gave.
func (e *Env) ExpectStatusCount(status, want int) resource.TestCheckFunc {
	return e.EmulatorCheck(func() error {
		if got := CountStatus(e.Emulator, status); got != want {
			return fmt.Errorf("emulator answered %d %d times, want %d", status, got, want)
		}
		return nil
	})
}

// CountStatus counts the emulator's answers of status.
func CountStatus(emu *emulator.Server, status int) int {
	n := 0
	for _, r := range emu.Requests() {
		if r.Status == status {
			n++
		}
	}
	return n
}

// ExpectPlannedChanges checks that the plan for address changes exactly the attributes in paths
// (dotted, such as "default_address.city"): each of them differs from the prior state or is
// unknown, and every other attribute keeps its prior value.
func ExpectPlannedChanges(address string, paths ...string) plancheck.PlanCheck {
	return plannedChanges{address: address, want: paths}
}

type plannedChanges struct {
	address string
	want    []string
}

func (c plannedChanges) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != c.address {
			continue
		}
		got := changedPaths(rc.Change)
		want := slices.Clone(c.want)
		sort.Strings(want)
		if !slices.Equal(got, want) {
			resp.Error = fmt.Errorf("%s: the plan changes %v, want exactly %v", c.address, got, want)
		}
		return
	}
	resp.Error = fmt.Errorf("%s: not in the plan", c.address)
}

// changedPaths lists, sorted, the leaf attributes a change makes unknown or sets to another value.
func changedPaths(ch *tfjson.Change) []string {
	before, after, unknown := map[string]any{}, map[string]any{}, map[string]any{}
	flatten("", ch.Before, before)
	flatten("", ch.After, after)
	flatten("", ch.AfterUnknown, unknown)
	var out []string
	for p, u := range unknown {
		if u == true {
			out = append(out, p)
		}
	}
	for p, v := range after {
		if unknown[p] != true && !reflect.DeepEqual(v, before[p]) {
			out = append(out, p)
		}
	}
	for p := range before {
		if _, inAfter := after[p]; !inAfter && unknown[p] != true && !hasChildren(after, p) {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// flatten puts every leaf of a decoded JSON value into out under its dotted path.
func flatten(prefix string, v any, out map[string]any) {
	obj, ok := v.(map[string]any)
	if !ok {
		if prefix != "" {
			out[prefix] = v
		}
		return
	}
	for k, child := range obj {
		p := k
		if prefix != "" {
			p = prefix + "." + k
		}
		flatten(p, child, out)
	}
}

// hasChildren reports whether leaves holds a path below p: a null object that became one.
func hasChildren(leaves map[string]any, p string) bool {
	for k := range leaves {
		if strings.HasPrefix(k, p+".") {
			return true
		}
	}
	return false
}
