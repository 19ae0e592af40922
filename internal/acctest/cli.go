// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/provider"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/serve"
)

// CLI runs the terraform CLI in a working directory of its own against this provider,
// served in-process. It exists for what terraform-plugin-testing cannot check: the warnings a
// command prints.
type CLI struct {
	bin string
	// Dir is the working directory, Env the environment of every command.
	Dir string
	Env []string
	// timeout bounds each command; zero means five minutes.
	timeout time.Duration
}

// Diagnostic is a diagnostic terraform printed with -json.
type Diagnostic struct {
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	Detail   string `json:"detail"`
}

// NewCLI serves the provider for the test's lifetime and prepares a working directory.
// It uses the same CLI as terraform-plugin-testing: TF_ACC_TERRAFORM_PATH, else terraform on PATH.
func NewCLI(t *testing.T) *CLI {
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
	reattach := ServeInProcess(t)
	return &CLI{bin: bin, Dir: dir, Env: append(os.Environ(),
		"TF_REATTACH_PROVIDERS="+reattach, "TF_CLI_CONFIG_FILE="+cliConfig, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")}
}

// ProviderSource is the address the configuration names and the reattached provider answers to.
func ProviderSource() string {
	host, namespace := os.Getenv("TF_ACC_PROVIDER_HOST"), os.Getenv("TF_ACC_PROVIDER_NAMESPACE")
	if host == "" {
		host = "registry.terraform.io"
	}
	if namespace == "" {
		namespace = "hashicorp"
	}
	return host + "/" + namespace + "/partnercenter"
}

// ServeInProcess serves the provider until the test ends and returns TF_REATTACH_PROVIDERS.
func ServeInProcess(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	configs := make(chan *plugin.ReattachConfig, 1)
	closed := make(chan struct{})
	served := make(chan error, 1)
	go func() {
		served <- tf6server.Serve(ProviderSource(), serve.Wrap(provider.NewServer("test")), tf6server.WithDebug(ctx, configs, closed),
			tf6server.WithLoggingSink(t), tf6server.WithGoPluginLogger(hclog.NewNullLogger()))
	}()
	t.Cleanup(func() { cancel(); <-closed })
	var cfg *plugin.ReattachConfig
	select {
	case cfg = <-configs:
	case err := <-served:
		t.Fatalf("serving the provider: %v", err)
	}
	b, err := json.Marshal(map[string]any{ProviderSource(): map[string]any{
		"Protocol": cfg.Protocol, "ProtocolVersion": cfg.ProtocolVersion, "Pid": cfg.Pid, "Test": true,
		"Addr": map[string]string{"Network": cfg.Addr.Network(), "String": cfg.Addr.String()},
	}})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Apply writes config (the provider's required_providers block is added) and runs init and
// apply with args; it returns the diagnostics apply printed, and fails the test when apply fails.
func (c *CLI) Apply(t *testing.T, config string, args ...string) []Diagnostic {
	t.Helper()
	c.Init(t, config)
	out, err := c.Run(t, append([]string{"apply", "-auto-approve", "-input=false", "-json"}, args...)...)
	diags := JSONDiagnostics(out)
	if err != nil {
		t.Fatalf("terraform apply: %v; diagnostics: %+v", err, diags)
	}
	return diags
}

// Init writes config (the provider's required_providers block is added) and runs terraform init.
func (c *CLI) Init(t *testing.T, config string) {
	t.Helper()
	header := fmt.Sprintf("terraform {\n  required_providers {\n    partnercenter = { source = %q }\n  }\n}\n", ProviderSource())
	if err := os.WriteFile(filepath.Join(c.Dir, "main.tf"), []byte(header+config), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Run(t, "init", "-input=false", "-no-color"); err != nil {
		t.Fatal(err)
	}
}

// Plan writes config, runs terraform plan and returns its diagnostics; it fails the test when the
// plan fails or takes longer than limit (a hang, not a speed target: limit is generous).
func (c *CLI) Plan(t *testing.T, config string, limit time.Duration) []Diagnostic {
	t.Helper()
	c.Init(t, config)
	c.timeout = limit
	defer func() { c.timeout = 0 }()
	out, err := c.Run(t, "plan", "-input=false", "-json")
	diags := JSONDiagnostics(out)
	if err != nil {
		t.Fatalf("terraform plan: %v; diagnostics: %+v", err, diags)
	}
	return diags
}

// Run runs terraform with args in the working directory, within the command timeout.
func (c *CLI) Run(t *testing.T, args ...string) ([]byte, error) {
	t.Helper()
	limit := c.timeout
	if limit == 0 {
		limit = 5 * time.Minute
	}
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, c.bin, args...)
	cmd.Dir, cmd.Env = c.Dir, c.Env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, fmt.Errorf("terraform %s: %w\n%s\n%s", args[0], err, out, stderr.String())
	}
	return out, nil
}

// JSONDiagnostics picks the diagnostics out of terraform's -json lines.
func JSONDiagnostics(out []byte) []Diagnostic {
	var diags []Diagnostic
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var line struct {
			Type       string     `json:"type"`
			Diagnostic Diagnostic `json:"diagnostic"`
		}
		if json.Unmarshal(sc.Bytes(), &line) == nil && line.Type == "diagnostic" {
			diags = append(diags, line.Diagnostic)
		}
	}
	return diags
}

// FindDiagnostic returns the first diagnostic of severity whose summary is summary.
func FindDiagnostic(diags []Diagnostic, severity, summary string) (Diagnostic, bool) {
	for _, d := range diags {
		if d.Severity == severity && strings.EqualFold(d.Summary, summary) {
			return d, true
		}
	}
	return Diagnostic{}, false
}

// PlanHasChanges runs terraform plan on the configuration apply last wrote and reports whether
// it proposes changes.
func (c *CLI) PlanHasChanges(t *testing.T) bool {
	t.Helper()
	out, err := c.Run(t, "plan", "-detailed-exitcode", "-input=false", "-json")
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 2 {
		return true
	}
	if err != nil {
		t.Fatalf("terraform plan: %v; diagnostics: %+v", err, JSONDiagnostics(out))
	}
	return false
}

// SkipBelow skips the test when the CLI is older than minimum ("1.14.0"): the identity and query
// tests need a terraform that has them, and run in CI on the pinned build (scripts/ensure-terraform-query.sh).
func (c *CLI) SkipBelow(t *testing.T, minimum string) {
	t.Helper()
	out, err := c.Run(t, "version", "-json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil || v.Version == "" {
		t.Fatalf("%s version -json: no version in %s", c.bin, out)
	}
	have, err := version.NewVersion(v.Version)
	if err != nil {
		t.Fatal(err)
	}
	if have.LessThan(version.Must(version.NewVersion(minimum))) {
		t.Skipf("%s is version %s, older than %s, which this test needs; make test-terraform-1.14 runs it", c.bin, have, minimum)
	}
}
