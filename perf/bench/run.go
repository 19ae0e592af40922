// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

const token = "bench-token"

type options struct {
	latency     time.Duration
	parallelism int
	throttle    float64
	retryAfter  time.Duration
	terraform   string
	baseline    bool
	// sameSchemaFloor also times the manage and gdap runs with the floor provider.
	sameSchemaFloor bool
	remote          bool // keep state in an http backend instead of a local file
	// providerPackage is the Go package built as the provider: "." or ./perf/profiled.
	providerPackage string
}

// result is one measured terraform run.
type result struct {
	n           int
	phase       string
	wall        time.Duration
	lists       int // pages of the customer list read; each waits for the one before
	gets, puts  int // reads, and writes of any method (puts)
	tokens      int // token requests to Entra ID (the emulator's): one per customer tenant read, and the partner's
	throttled   int
	waited      time.Duration // time the throttled calls asked to wait
	peakRSS     int64         // bytes
	cpu         time.Duration // terraform's CPU time and its reaped children's: the provider's too
	providerCPU time.Duration
	lowerBound  time.Duration
}

// phase is one terraform command of the benchmark.
type phase struct {
	name     string
	args     []string
	company  string // company_name the configuration sets (the GDAP runs: which variant of it)
	throttle bool
	// before, when set, changes the emulator before the command runs and is timed, as customers
	// approving their invitations do.
	before func(*emulator.Server) error
}

func phases() []phase {
	return []phase{
		{name: "apply: adopt all", args: []string{"apply", "-auto-approve"}, company: "Adopted"},
		{name: "plan -refresh-only", args: []string{"plan", "-refresh-only"}, company: "Adopted"},
		{name: "apply: no changes", args: []string{"apply", "-auto-approve"}, company: "Adopted"},
		{name: "apply: change every profile", args: []string{"apply", "-auto-approve"}, company: "Changed"},
		{name: "apply: change all, throttled", args: []string{"apply", "-auto-approve"}, company: "Throttled", throttle: true},
	}
}

func benchSize(o options, work string, n int) ([]result, error) {
	emu := emulator.New(token)
	emu.SetLatency(o.latency)
	ids := newIDs(n)
	for _, id := range ids {
		if err := emu.SeedDefaultCustomer(id); err != nil {
			return nil, err
		}
	}
	env, stopEmulator, err := serveEmulator(work, emu)
	if err != nil {
		return nil, err
	}
	defer stopEmulator()
	dir := filepath.Join(work, fmt.Sprintf("n%d", n))
	return runPhases(o, dir, env, false, func(address, company string) string {
		return terraformBlock(true, address) + configuration(ids, company)
	}, func(config string, p phase) (result, error) {
		return runPhase(o, emu, dir, env, config, n, p)
	})
}

// runPhases runs every phase (but the throttled one, with skipThrottled) in dir, each over the
// configuration write gives for the state's address and the phase's company name.
func runPhases(o options, dir string, env []string, skipThrottled bool, write func(address, company string) string,
	run func(config string, p phase) (result, error)) ([]result, error) {
	return inStateDir(o, dir, env, func(address string) ([]result, error) {
		var out []result
		for _, p := range phases() {
			if skipThrottled && p.throttle {
				continue
			}
			r, err := run(write(address, p.company), p)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
		}
		return out, nil
	})
}

// inStateDir creates dir, prepares its state (an http backend with -remote-state), and runs body
// with the backend's address while that backend serves.
func inStateDir(o options, dir string, env []string, body func(address string) ([]result, error)) ([]result, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	address, stop, err := prepareState(o, dir, env)
	if err != nil {
		return nil, err
	}
	defer stop()
	return body(address)
}

// serveEmulator serves emu on loopback and returns the environment that points terraform and the
// provider at it.
func serveEmulator(work string, emu *emulator.Server) ([]string, func(), error) {
	address, stop, err := serveLoopback(emu)
	if err != nil {
		return nil, nil, err
	}
	env := append(os.Environ(), "TF_CLI_CONFIG_FILE="+filepath.Join(work, "cli.tfrc"), "TF_IN_AUTOMATION=1",
		"PARTNERCENTER_BASE_URL=http://"+address, "PARTNERCENTER_ACCESS_TOKEN="+token,
		"PARTNERCENTER_GRAPH_BASE_URL=http://"+address, "PARTNERCENTER_GRAPH_ACCESS_TOKEN="+graphToken)
	return env, stop, nil
}

// serveLoopback serves h over HTTP on a free loopback port until stop is called.
func serveLoopback(h http.Handler) (address string, stop func(), err error) {
	var lc net.ListenConfig
	ln, err := lc.Listen(context.Background(), "tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	return ln.Addr().String(), func() { _ = srv.Close() }, nil
}

func runPhase(o options, emu *emulator.Server, dir string, env []string, config string, n int, p phase) (result, error) {
	if err := writeConfig(dir, config); err != nil {
		return result{}, err
	}
	if p.before != nil {
		if err := p.before(emu); err != nil {
			return result{}, fmt.Errorf("before %s: %w", p.name, err)
		}
	}
	emu.ResetRequests()
	tokensBefore := len(emu.TokenRequests())
	if p.throttle {
		emu.SetThrottling(o.throttle, o.retryAfter)
		defer emu.SetThrottling(0, 0)
	}
	cmd := phaseCommand(o, dir, env, p)
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	providers := watchProviders(filepath.Join(filepath.Dir(dir), "bin"))
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	peak, providerCPU := providers.stop()
	if err != nil {
		return result{}, fmt.Errorf("terraform %s: %w\n%s", strings.Join(p.args, " "), err, tail(output.String(), 3000))
	}
	r := result{n: n, phase: p.name, wall: wall, peakRSS: peak, providerCPU: providerCPU,
		cpu: cpuTime(cmd), tokens: len(emu.TokenRequests()) - tokensBefore}
	for _, req := range emu.Requests() {
		switch {
		case req.Status == http.StatusTooManyRequests:
			r.throttled++
			r.waited += o.retryAfter
		case req.Method == http.MethodGet && req.Path == customersPath:
			r.lists++
		case req.Method == http.MethodGet:
			r.gets++
		default: // a write: a PUT to Partner Center, a POST, PATCH or DELETE to Graph
			r.puts++
		}
	}
	// Pages of a list come one after the other; every other call shares the parallel slots.
	calls := r.gets + r.puts + r.throttled + r.tokens
	r.lowerBound = time.Duration(r.lists)*o.latency + time.Duration(calls)*o.latency/time.Duration(o.parallelism)
	fmt.Fprintf(os.Stderr, "N=%d %-50s %8.2fs  %d list %d GET %d writes %d tokens  ratio %.2f  CPU terraform %.1fs provider %.1fs  peak %d MB\n",
		n, p.name, r.wall.Seconds(), r.lists, r.gets, r.puts, r.tokens, r.ratio(), r.terraformCPU().Seconds(), r.providerCPU.Seconds(), r.peakRSS>>20)
	return r, nil
}

// customersPath is the customers collection, whose pages the onboarding reads.
const customersPath = "/v1/customers"

// terraformCPU is the CPU time terraform itself used: all of it but the provider's.
func (r result) terraformCPU() time.Duration { return r.cpu - r.providerCPU }

func (r result) ratio() float64 {
	if r.lowerBound == 0 {
		return 0
	}
	return r.wall.Seconds() / r.lowerBound.Seconds()
}

// baselineSize runs the same phases with terraform's built-in terraform_data resource: no
// provider and no API, so its wall times are terraform's own floor for N resources.
func baselineSize(o options, work string, n int) ([]result, error) {
	dir := filepath.Join(work, fmt.Sprintf("baseline%d", n))
	ids := newIDs(n)
	env, err := baselineEnv(work)
	if err != nil {
		return nil, err
	}
	return runPhases(o, dir, env, true, func(address, company string) string {
		return terraformBlock(false, address) + baselineConfiguration(ids, company)
	}, func(config string, p phase) (result, error) {
		return runBaselinePhase(o, dir, env, config, n, p)
	})
}

// newIDs makes n customer ids for the terraform_data runs, which call no API.
func newIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = uuid.NewString()
	}
	return ids
}

// baselineEnv is the environment of the terraform_data runs: an empty CLI configuration.
func baselineEnv(work string) ([]string, error) {
	empty := filepath.Join(work, "empty.tfrc")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		return nil, err
	}
	return append(os.Environ(), "TF_CLI_CONFIG_FILE="+empty, "TF_IN_AUTOMATION=1"), nil
}

// runBaselinePhase times phase p over config, a configuration of terraform_data only.
func runBaselinePhase(o options, dir string, env []string, config string, n int, p phase) (result, error) {
	return runFloorRun(o, dir, env, config, n, p, baselineSuffix)
}

// runFloorRun times phase p over config with no API to count (a floor run: terraform_data, or
// the same-schema floor provider), naming the result p's name with suffix.
func runFloorRun(o options, dir string, env []string, config string, n int, p phase, suffix string) (result, error) {
	if err := writeConfig(dir, config); err != nil {
		return result{}, err
	}
	cmd := phaseCommand(o, dir, env, p)
	start := time.Now()
	if msg, err := cmd.CombinedOutput(); err != nil {
		return result{}, fmt.Errorf("terraform %s%s: %w\n%s", strings.Join(p.args, " "), suffix, err, tail(string(msg), 2000))
	}
	r := result{n: n, phase: p.name + suffix, wall: time.Since(start), cpu: cpuTime(cmd)}
	fmt.Fprintf(os.Stderr, "N=%d %-50s %8.2fs\n", n, r.phase, r.wall.Seconds())
	return r, nil
}

// baselineSuffix marks a terraform_data run; it follows the name of the run it is the floor of.
const baselineSuffix = " (terraform_data)"

func baselineConfiguration(ids []string, company string) string {
	var b strings.Builder
	writeCustomers(&b, ids, company)
	b.WriteString("resource \"terraform_data\" \"c\" {\n  for_each = local.customers\n  input    = \"${each.key} ${each.value.company_name}\"\n}\n")
	return b.String()
}

// configuration manages every customer's profile from one map keyed by customer id, the shape of
// examples/gitops. A map is what for_each should be given at this scale: terraform evaluates the
// for_each expression once per instance, so toset(list) converts the whole list N times (about 30 s
// of terraform's own CPU at N = 1,000 on this machine's two cores, against 7 s for a map).
func configuration(ids []string, company string) string {
	var b strings.Builder
	b.WriteString("provider \"partnercenter\" {}\n\n")
	writeCustomers(&b, ids, company)
	b.WriteString("resource \"partnercenter_customer_billing_profile\" \"c\" {\n  for_each     = local.customers\n" +
		"  customer_id  = each.key\n  company_name = each.value.company_name\n}\n")
	return b.String()
}

// writeCustomers writes the local map both configurations iterate over.
func writeCustomers(b *strings.Builder, ids []string, company string) {
	b.WriteString("locals {\n  customers = {\n")
	for _, id := range ids {
		fmt.Fprintf(b, "    %q = { company_name = %q }\n", id, company)
	}
	b.WriteString("  }\n}\n\n")
}

// prepareState starts an http backend when the run keeps state remotely and runs terraform init in
// dir for it. It returns the backend's address, "" for a local state file.
func prepareState(o options, dir string, env []string) (string, func(), error) {
	if !o.remote {
		return "", func() {}, nil
	}
	address, stop, err := startStateServer()
	if err != nil {
		return "", nil, err
	}
	// Only the backend is initialised: the provider comes from dev_overrides, which init would
	// try to resolve in the registry.
	if err := writeConfig(dir, terraformBlock(false, address)); err != nil {
		stop()
		return "", nil, err
	}
	if err := initBackend(o, dir, env); err != nil {
		stop()
		return "", nil, err
	}
	return address, stop, nil
}

// writeConfig writes config as the main.tf of dir.
func writeConfig(dir, config string) error {
	return os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o600)
}

// phaseCommand is the timed terraform command of phase p, with the flags every phase shares.
func phaseCommand(o options, dir string, env []string, p phase) *exec.Cmd {
	if p.args[0] == "query" { // terraform query takes neither -input nor -parallelism
		return terraformCommand(o, dir, env, append(append([]string{}, p.args...), "-no-color")...)
	}
	args := append(append([]string{}, p.args...), "-input=false", "-no-color", fmt.Sprintf("-parallelism=%d", o.parallelism))
	return terraformCommand(o, dir, env, args...)
}

// terraformCommand is o's terraform CLI run in dir with env.
func terraformCommand(o options, dir string, env []string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(context.Background(), o.terraform, args...)
	cmd.Dir, cmd.Env = dir, env
	return cmd
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "..." + s[len(s)-n:]
}
