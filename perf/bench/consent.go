// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator/graphemu"
)

// The consent runs' App+User credential, registered in the emulator's Entra ID: the credential
// that gets a token in each customer's tenant.
const (
	consentTenant  = "6f1c2b3a-0000-4000-8000-00000000aaaa"
	consentClient  = "11111111-0000-4000-8000-00000000bbbb"
	consentSecret  = "bench-secret"
	consentRefresh = "bench-refresh-token"
	consentPSA     = "5d2b6c1e-7f3a-4e8b-9c0d-1a2b3c4d5e6f"
)

// consentPhases are the timed commands of the consent runs: the import of every customer's
// consent of the PSA (read in each customer's tenant, with a token there), a refresh, and a plan
// with nothing to do.
func consentPhases() []phase {
	return []phase{
		{name: "consent: import every customer's", args: []string{"apply", "-auto-approve"}},
		{name: "consent: plan -refresh-only", args: []string{"plan", "-refresh-only"}},
		{name: "consent: plan, no changes", args: []string{"plan", "-detailed-exitcode"}},
	}
}

// consentSize seeds n customers, each with the provider's own app and the PSA consented (as the
// onboarding chain leaves them), and times consentPhases over the PSA's consents.
func consentSize(o options, work string, n int) ([]result, error) {
	emu := emulator.New(token)
	emu.RegisterApp(emulator.App{TenantID: consentTenant, ClientID: consentClient, ClientSecret: consentSecret})
	emu.AddRefreshToken(consentClient, consentRefresh)
	ids, err := emu.SeedCustomers(n)
	if err != nil {
		return nil, err
	}
	grants := map[string][]string{graphemu.GraphAppID: {"User.Read.All", "Organization.Read.All"}}
	for _, id := range ids {
		for _, app := range []string{consentClient, consentPSA} {
			if err := emu.Graph().Consent(id, app, "", grants); err != nil {
				return nil, err
			}
		}
	}
	address, stop, err := serveLoopback(emu)
	if err != nil {
		return nil, err
	}
	defer stop()
	emu.SetLatency(o.latency)
	base := "http://" + address
	env := append(os.Environ(), "TF_CLI_CONFIG_FILE="+filepath.Join(work, "cli.tfrc"), "TF_IN_AUTOMATION=1",
		"PARTNERCENTER_BASE_URL="+base, "PARTNERCENTER_GRAPH_BASE_URL="+base, "PARTNERCENTER_AUTHORITY_URL="+base,
		"PARTNERCENTER_TENANT_ID="+consentTenant, "PARTNERCENTER_CLIENT_ID="+consentClient,
		"PARTNERCENTER_CLIENT_SECRET="+consentSecret, "PARTNERCENTER_REFRESH_TOKEN="+consentRefresh)
	dir := filepath.Join(work, fmt.Sprintf("consent%d", n))
	return inStateDir(o, dir, env, func(address string) ([]result, error) {
		var out []result
		for _, p := range consentPhases() {
			r, err := runPhase(o, emu, dir, env, terraformBlock(true, address)+consentConfiguration(ids), n, p)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
		}
		return out, nil
	})
}

// consentConfiguration manages the PSA's consent in every customer in ids, brought in by import
// blocks (no-ops once in the state).
func consentConfiguration(ids []string) string {
	var b strings.Builder
	b.WriteString("provider \"partnercenter\" {}\n\nlocals {\n  customers = toset([\n")
	for _, id := range ids {
		fmt.Fprintf(&b, "    %q,\n", id)
	}
	fmt.Fprintf(&b, `  ])
}

import {
  for_each = local.customers
  to       = partnercenter_customer_application_consent.psa[each.key]
  id       = "${each.key}/%[1]s"
}

resource "partnercenter_customer_application_consent" "psa" {
  for_each       = local.customers
  customer_id    = each.key
  application_id = %[1]q
  grants = [{
    resource_application_id = %[2]q
    scopes                  = ["User.Read.All", "Organization.Read.All"]
  }]
}
`, consentPSA, graphemu.GraphAppID)
	return b.String()
}

// consentBaseline times the same phases over as many terraform_data instances, imported alike.
func consentBaseline(o options, work string, n int) ([]result, error) {
	dir := filepath.Join(work, fmt.Sprintf("consent-baseline%d", n))
	env, err := baselineEnv(work)
	if err != nil {
		return nil, err
	}
	ids := newIDs(n)
	return inStateDir(o, dir, env, func(address string) ([]result, error) {
		var out []result
		for _, p := range consentPhases() {
			r, err := runBaselinePhase(o, dir, env, terraformBlock(false, address)+baselineOnboarding(ids, true), n, p)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
		}
		return out, nil
	})
}
