// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/serve"
)

// The acceptance tests' shared pieces, in one place: where a test runs (the emulator or the real
// Partner Center), the configurations it applies, the checks it makes on state, plans and the
// emulator, a terraform CLI runner for what terraform-plugin-testing cannot see (warnings), and
// the harness that drives the provider's RPCs directly.

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
	baseURL        string           // the emulator's; "" against the real Partner Center
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
		baseURL:        srv.URL,
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

const testResource = "partnercenter_customer_billing_profile.test"

func profileConfig(companyName, city string) string {
	return fmt.Sprintf(`
resource "partnercenter_customer_billing_profile" "test" {
  customer_id  = "%%[1]s"
  company_name = %q
  default_address = {
    city = %q
  }
}
`, companyName, city)
}

const companyOnlyConfig = `
resource "partnercenter_customer_billing_profile" "test" {
  customer_id  = "%[1]s"
  company_name = "Contoso"
}`

func addressConfig(extra, line1, state, postal string) string {
	return fmt.Sprintf(`
resource "partnercenter_customer_billing_profile" "test" {
  customer_id = "%%[1]s"
  %s
  default_address = {
    country       = "US"
    address_line1 = %q
    city          = "Redmond"
    state         = %q
    postal_code   = %q
  }
}
`, extra, line1, state, postal)
}

const (
	authTenant   = "6f1c2b3a-0000-4000-8000-00000000aaaa"
	authClient   = "11111111-0000-4000-8000-00000000bbbb"
	authSecret   = "app-secret-8c1f7e2d9a"
	authRefresh  = "refresh-token-0d3b5a7c91"
	authSubject  = "repo:contoso/billing:ref:refs/heads/main"
	authCLIToken = "cli-token-4e6a1b"
)

func expectString(attr string, want string) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(testResource, tfjsonpath.New(attr), knownvalue.StringExact(want))
}

func expectAddress(attr string, want string) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(testResource, tfjsonpath.New("default_address").AtMapKey(attr), knownvalue.StringExact(want))
}

// emulatorCheck runs check only against the emulator.
func (e *testEnv) emulatorCheck(check func() error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if e.emu == nil {
			return nil
		}
		return check()
	}
}

// expectOperations checks the Partner Center calls of every operation that wrote.
func (e *testEnv) expectOperations(want ...[]string) resource.TestCheckFunc {
	return e.emulatorCheck(func() error {
		got := e.writingOperations()
		if !slices.EqualFunc(got, want, slices.Equal) {
			return fmt.Errorf("writing operations made calls %v, want %v", got, want)
		}
		return nil
	})
}

func (e *testEnv) expectStored(key, want string) resource.TestCheckFunc {
	return e.emulatorCheck(func() error {
		p, _ := e.emu.Profile(e.customerID)
		if got := lookupPath(p, key); got != want {
			return fmt.Errorf("Partner Center holds %s = %v, want %q", key, got, want)
		}
		return nil
	})
}

func lookupPath(doc map[string]any, key string) any {
	if addr, ok := doc["defaultAddress"].(map[string]any); ok && len(key) > 15 && key[:15] == "defaultAddress." {
		return addr[key[15:]]
	}
	return doc[key]
}

// requestIDs is what every API error diagnostic must carry for a support case.
const requestIDs = `MS-RequestId: [0-9a-f-]{36}, MS-CorrelationId: [0-9a-f-]{36}`

// diagnosticPattern matches the parts in order, wherever terraform wraps the lines between words.
func diagnosticPattern(parts ...string) *regexp.Regexp {
	for i, p := range parts {
		parts[i] = strings.ReplaceAll(p, " ", `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(parts, ".*"))
}

func (e *testEnv) expectStatusCount(status, want int) resource.TestCheckFunc {
	return e.emulatorCheck(func() error {
		if got := countStatus(e.emu, status); got != want {
			return fmt.Errorf("emulator answered %d %d times, want %d", status, got, want)
		}
		return nil
	})
}

func countStatus(emu *emulator.Server, status int) int {
	n := 0
	for _, r := range emu.Requests() {
		if r.Status == status {
			n++
		}
	}
	return n
}

// validationCalls counts the plan-time address checks the emulator saw.
func (e *testEnv) validationCalls() (rules, validations int) {
	for _, r := range e.emu.Requests() {
		switch {
		case strings.HasPrefix(r.Path, "/v1/countryvalidationrules/"):
			rules++
		case r.Path == "/v1/validations/address":
			validations++
		}
	}
	return rules, validations
}

func (e *testEnv) expectValidationCalls(rules, validations int) resource.TestCheckFunc {
	return e.emulatorCheck(func() error {
		if r, v := e.validationCalls(); r != rules || v != validations {
			return fmt.Errorf("%d rule and %d validation calls, want %d and %d", r, v, rules, validations)
		}
		return nil
	})
}

// expectPlannedChanges checks that the plan for address changes exactly the attributes in paths
// (dotted, such as "default_address.city"): each of them differs from the prior state or is
// unknown, and every other attribute keeps its prior value.
func expectPlannedChanges(address string, paths ...string) plancheck.PlanCheck {
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

// terraformCLI runs the terraform CLI in a working directory of its own against this provider,
// served in-process. It exists for what terraform-plugin-testing cannot check: the warnings a
// command prints.
type terraformCLI struct {
	bin, dir string
	env      []string
	// timeout bounds each command; zero means five minutes.
	timeout time.Duration
}

// cliDiagnostic is a diagnostic terraform printed with -json.
type cliDiagnostic struct {
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	Detail   string `json:"detail"`
}

// newTerraformCLI serves the provider for the test's lifetime and prepares a working directory.
// It uses the same CLI as terraform-plugin-testing: TF_ACC_TERRAFORM_PATH, else terraform on PATH.
func newTerraformCLI(t *testing.T) *terraformCLI {
	t.Helper()
	bin := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if bin == "" {
		var err error
		if bin, err = exec.LookPath("terraform"); err != nil {
			t.Skip("no terraform CLI: set TF_ACC_TERRAFORM_PATH or put terraform on PATH")
		}
	}
	dir := t.TempDir()
	cliConfig := filepath.Join(dir, "cli.tfrc")
	if err := os.WriteFile(cliConfig, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	reattach := serveInProcess(t)
	return &terraformCLI{bin: bin, dir: dir, env: append(os.Environ(),
		"TF_REATTACH_PROVIDERS="+reattach, "TF_CLI_CONFIG_FILE="+cliConfig, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")}
}

// providerSource is the address the configuration names and the reattached provider answers to.
func providerSource() string {
	host, namespace := os.Getenv("TF_ACC_PROVIDER_HOST"), os.Getenv("TF_ACC_PROVIDER_NAMESPACE")
	if host == "" {
		host = "registry.terraform.io"
	}
	if namespace == "" {
		namespace = "hashicorp"
	}
	return host + "/" + namespace + "/partnercenter"
}

// serveInProcess serves the provider until the test ends and returns TF_REATTACH_PROVIDERS.
func serveInProcess(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	configs := make(chan *plugin.ReattachConfig, 1)
	closed := make(chan struct{})
	served := make(chan error, 1)
	go func() {
		served <- tf6server.Serve(providerSource(), serve.Wrap(NewServer("test")), tf6server.WithDebug(ctx, configs, closed),
			tf6server.WithLoggingSink(t), tf6server.WithGoPluginLogger(hclog.NewNullLogger()))
	}()
	t.Cleanup(func() { cancel(); <-closed })
	var cfg *plugin.ReattachConfig
	select {
	case cfg = <-configs:
	case err := <-served:
		t.Fatalf("serving the provider: %v", err)
	}
	b, err := json.Marshal(map[string]any{providerSource(): map[string]any{
		"Protocol": cfg.Protocol, "ProtocolVersion": cfg.ProtocolVersion, "Pid": cfg.Pid, "Test": true,
		"Addr": map[string]string{"Network": cfg.Addr.Network(), "String": cfg.Addr.String()},
	}})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// apply writes config (the provider's required_providers block is added) and runs init and
// apply with args; it returns the diagnostics apply printed, and fails the test when apply fails.
func (c *terraformCLI) apply(t *testing.T, config string, args ...string) []cliDiagnostic {
	t.Helper()
	c.init(t, config)
	out, err := c.run(t, append([]string{"apply", "-auto-approve", "-input=false", "-json"}, args...)...)
	diags := jsonDiagnostics(out)
	if err != nil {
		t.Fatalf("terraform apply: %v; diagnostics: %+v", err, diags)
	}
	return diags
}

// init writes config (the provider's required_providers block is added) and runs terraform init.
func (c *terraformCLI) init(t *testing.T, config string) {
	t.Helper()
	header := fmt.Sprintf("terraform {\n  required_providers {\n    partnercenter = { source = %q }\n  }\n}\n", providerSource())
	if err := os.WriteFile(filepath.Join(c.dir, "main.tf"), []byte(header+config), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := c.run(t, "init", "-input=false", "-no-color"); err != nil {
		t.Fatal(err)
	}
}

// plan writes config, runs terraform plan and returns its diagnostics; it fails the test when the
// plan fails or takes longer than limit (a hang, not a speed target: limit is generous).
func (c *terraformCLI) plan(t *testing.T, config string, limit time.Duration) []cliDiagnostic {
	t.Helper()
	c.init(t, config)
	c.timeout = limit
	defer func() { c.timeout = 0 }()
	out, err := c.run(t, "plan", "-input=false", "-json")
	diags := jsonDiagnostics(out)
	if err != nil {
		t.Fatalf("terraform plan: %v; diagnostics: %+v", err, diags)
	}
	return diags
}

func (c *terraformCLI) run(t *testing.T, args ...string) ([]byte, error) {
	t.Helper()
	limit := c.timeout
	if limit == 0 {
		limit = 5 * time.Minute
	}
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, c.bin, args...)
	cmd.Dir, cmd.Env = c.dir, c.env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, fmt.Errorf("terraform %s: %w\n%s\n%s", args[0], err, out, stderr.String())
	}
	return out, nil
}

// jsonDiagnostics picks the diagnostics out of terraform's -json lines.
func jsonDiagnostics(out []byte) []cliDiagnostic {
	var diags []cliDiagnostic
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var line struct {
			Type       string        `json:"type"`
			Diagnostic cliDiagnostic `json:"diagnostic"`
		}
		if json.Unmarshal(sc.Bytes(), &line) == nil && line.Type == "diagnostic" {
			diags = append(diags, line.Diagnostic)
		}
	}
	return diags
}

// findDiagnostic returns the first diagnostic of severity whose summary is summary.
func findDiagnostic(diags []cliDiagnostic, severity, summary string) (cliDiagnostic, bool) {
	for _, d := range diags {
		if d.Severity == severity && strings.EqualFold(d.Summary, summary) {
			return d, true
		}
	}
	return cliDiagnostic{}, false
}

// planHasChanges runs terraform plan on the configuration apply last wrote and reports whether
// it proposes changes.
func (c *terraformCLI) planHasChanges(t *testing.T) bool {
	t.Helper()
	out, err := c.run(t, "plan", "-detailed-exitcode", "-input=false", "-json")
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 2 {
		return true
	}
	if err != nil {
		t.Fatalf("terraform plan: %v; diagnostics: %+v", err, jsonDiagnostics(out))
	}
	return false
}

const benchResource = "partnercenter_customer_billing_profile"

type rpcBench struct {
	// srv is the server as main.go serves it; framework, the framework's server inside it (both
	// configured).
	srv, framework tfprotov6.ProviderServer
	typ            tftypes.Object
	id             string
	state          tftypes.Value
	private        []byte
	// extra are configured attributes besides customer_id and company_name.
	extra map[string]tftypes.Value
}

func newRPCBench(b testing.TB) *rpcBench {
	b.Helper()
	ctx := context.Background()
	emu := emulator.New(emulatorToken)
	id := uuid.NewString()
	if err := emu.SeedDefaultCustomer(id); err != nil {
		b.Fatal(err)
	}
	hs := httptest.NewServer(emu)
	b.Cleanup(hs.Close)
	inner := NewServer("bench")().(unchangedPlanServer)
	r := &rpcBench{srv: serve.Wrap(func() tfprotov6.ProviderServer { return inner })(), framework: inner.ProviderServer, id: id}
	schemas, err := r.srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		b.Fatal(err)
	}
	providerType := schemas.Provider.ValueType().(tftypes.Object)
	cfg := r.dynamic(b, providerType, objectValue(providerType, map[string]tftypes.Value{
		"base_url": tftypes.NewValue(tftypes.String, hs.URL), "access_token": tftypes.NewValue(tftypes.String, emulatorToken),
	}))
	if resp, err := r.srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: &cfg}); err != nil || hasError(resp.Diagnostics) {
		b.Fatalf("configure: %v %v", err, resp.Diagnostics)
	}
	r.typ = schemas.ResourceSchemas[benchResource].ValueType().(tftypes.Object)
	return r
}

// adopt creates the resource, with extra configured attributes besides company_name.
func (r *rpcBench) adopt(b testing.TB, extra map[string]tftypes.Value) *rpcBench {
	b.Helper()
	r.extra = extra
	r.state, r.private = r.planAndApply(b, tftypes.NewValue(r.typ, nil), nil, "Contoso Bench")
	return r
}

// config is the resource's configuration: customer_id and company_name set, the rest left out.
func (r *rpcBench) config(company string) tftypes.Value {
	attrs := map[string]tftypes.Value{
		"customer_id": tftypes.NewValue(tftypes.String, r.id), "company_name": tftypes.NewValue(tftypes.String, company),
	}
	for k, v := range r.extra {
		attrs[k] = v
	}
	return objectValue(r.typ, attrs)
}

// proposed is what Terraform proposes from the configuration and the prior state: configured
// values over the prior state's.
func (r *rpcBench) proposed(prior tftypes.Value, company string) tftypes.Value {
	if prior.IsNull() {
		return r.config(company)
	}
	var attrs, configured map[string]tftypes.Value
	_ = prior.As(&attrs)
	_ = r.config(company).As(&configured)
	for name, v := range configured {
		if !v.IsNull() && !r.typ.AttributeTypes[name].Is(tftypes.Object{}) {
			attrs[name] = v
		}
	}
	return tftypes.NewValue(r.typ, attrs)
}

func (r *rpcBench) plan(b testing.TB, prior tftypes.Value, private []byte, company string) *tfprotov6.PlanResourceChangeResponse {
	b.Helper()
	p, c, n := r.dynamic(b, r.typ, prior), r.dynamic(b, r.typ, r.config(company)), r.dynamic(b, r.typ, r.proposed(prior, company))
	resp, err := r.srv.PlanResourceChange(context.Background(), &tfprotov6.PlanResourceChangeRequest{
		TypeName: benchResource, PriorState: &p, ProposedNewState: &n, Config: &c, PriorPrivate: private,
	})
	if err != nil || hasError(resp.Diagnostics) {
		b.Fatalf("plan: %v %v", err, resp.Diagnostics)
	}
	return resp
}

func (r *rpcBench) planAndApply(b testing.TB, prior tftypes.Value, private []byte, company string) (tftypes.Value, []byte) {
	b.Helper()
	planned := r.plan(b, prior, private, company)
	p, c := r.dynamic(b, r.typ, prior), r.dynamic(b, r.typ, r.config(company))
	resp, err := r.srv.ApplyResourceChange(context.Background(), &tfprotov6.ApplyResourceChangeRequest{
		TypeName: benchResource, PriorState: &p, PlannedState: planned.PlannedState, Config: &c, PlannedPrivate: planned.PlannedPrivate,
	})
	if err != nil || hasError(resp.Diagnostics) {
		b.Fatalf("apply: %v %v", err, resp.Diagnostics)
	}
	v, err := resp.NewState.Unmarshal(r.typ)
	if err != nil {
		b.Fatal(err)
	}
	return v, resp.Private
}

func (r *rpcBench) dynamic(b testing.TB, t tftypes.Type, v tftypes.Value) tfprotov6.DynamicValue {
	b.Helper()
	d, err := tfprotov6.NewDynamicValue(t, v)
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// objectValue is an object of type t with the given attributes and every other one null.
func objectValue(t tftypes.Object, set map[string]tftypes.Value) tftypes.Value {
	attrs := map[string]tftypes.Value{}
	for name, at := range t.AttributeTypes {
		if v, ok := set[name]; ok {
			attrs[name] = v
		} else {
			attrs[name] = tftypes.NewValue(at, nil)
		}
	}
	return tftypes.NewValue(t, attrs)
}

func hasError(diags []*tfprotov6.Diagnostic) bool {
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return true
		}
	}
	return false
}

// addressWith is a default_address object holding values (by attribute name); the others are null.
func addressWith(values map[string]types.String) types.Object {
	attrs := make(map[string]attr.Value, len(addressAttributes))
	for _, a := range addressAttributes {
		attrs[a.name] = types.StringNull()
		if v, ok := values[a.name]; ok {
			attrs[a.name] = v
		}
	}
	return types.ObjectValueMust(addressAttrTypes, attrs)
}

// profileWith is a model's Profile holding values (by attribute name); the others are null.
func profileWith(values map[string]types.String) map[string]types.String {
	out := make(map[string]types.String, len(profileAttributes))
	for _, a := range profileAttributes {
		out[a.name] = types.StringNull()
		if v, ok := values[a.name]; ok {
			out[a.name] = v
		}
	}
	return out
}

// companyConfig is a resource that sets company_name, with extra lines (a timeouts block) in it.
func companyConfig(companyName, extra string) string {
	return fmt.Sprintf("resource \"partnercenter_customer_billing_profile\" \"test\" {\n  customer_id  = \"%%[1]s\"\n  company_name = %q\n%s}\n",
		companyName, extra)
}

// storedKeepsSeededFields checks that the fields the configuration does not manage survived.
func (e *testEnv) storedKeepsSeededFields(*terraform.State) error {
	stored, _ := e.emu.Profile(e.customerID)
	seeded := emulator.DefaultProfile()
	for _, k := range []string{"firstName", "lastName", "email", "culture", "language", "middleName", "vatId"} {
		if stored[k] != seeded[k] {
			return fmt.Errorf("stored %s = %v, want the seeded %v", k, stored[k], seeded[k])
		}
	}
	return nil
}

// storedKeepsUnmodelledFields checks that the seeded fields the provider does not model survived.
func (e *testEnv) storedKeepsUnmodelledFields(*terraform.State) error {
	stored, _ := e.emu.Profile(e.customerID)
	seeded := emulator.DefaultProfile()
	for _, k := range []string{"middleName", "vatId", "defaultAddress.district", "defaultAddress.middleName", "defaultAddress.emailAddress"} {
		if got, want := lookupPath(stored, k), lookupPath(seeded, k); got != want {
			return fmt.Errorf("stored %s = %v, want the seeded %v", k, got, want)
		}
	}
	return nil
}

// changeStored is another writer (the portal, say) setting the profile's field key to v.
func (e *testEnv) changeStored(key, v string) {
	if err := e.emu.ChangeProfile(e.customerID, func(p map[string]any) { p[key] = v }); err != nil {
		panic(err)
	}
}

// changeStoredAddress is another writer setting the default address's field key to v.
func (e *testEnv) changeStoredAddress(key, v string) {
	if err := e.emu.ChangeProfile(e.customerID, func(p map[string]any) { p["defaultAddress"].(map[string]any)[key] = v }); err != nil {
		panic(err)
	}
}
