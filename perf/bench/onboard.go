// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// onboarding is one way of writing the onboarding configuration, measured from an empty state.
type onboarding struct {
	name string
	// forEachSet gives the resources' for_each the listed ids (a set) rather than a map.
	forEachSet bool
	// planAfter also times the plan that follows the onboarding, which must have nothing to do.
	planAfter bool
}

var onboardings = []onboarding{
	{name: "onboard: import all", planAfter: true},
	{name: "onboard: import all, for_each over the ids set", forEachSet: true},
}

// onboardPhases are the timed commands of o: the apply that imports, and the plan after it.
func onboardPhases(o onboarding) []phase {
	ps := []phase{{name: o.name, args: []string{"apply", "-auto-approve"}}}
	if o.planAfter {
		// -detailed-exitcode fails the run when the plan after onboarding would change anything.
		ps = append(ps, phase{name: "plan after onboarding", args: []string{"plan", "-detailed-exitcode"}})
	}
	return ps
}

// onboardSize seeds n customers with distinct companies and brings them all under management the
// way examples/onboarding does: the customers data source and one import block with for_each.
func onboardSize(o options, work string, n int) ([]result, error) {
	emu, env, stopEmulator, err := serveEstate(o, work, n)
	if err != nil {
		return nil, err
	}
	defer stopEmulator()
	var out []result
	for i, ob := range onboardings {
		dir := filepath.Join(work, fmt.Sprintf("onboard%d-%d", n, i))
		rs, err := timeOnboarding(o, dir, env, n, ob, func(address string, p phase) (result, error) {
			return runPhase(o, emu, dir, env, terraformBlock(true, address)+onboardingConfiguration(ob.forEachSet), n, p)
		})
		if err != nil {
			return nil, err
		}
		out = append(out, rs...)
	}
	return out, nil
}

// serveEstate serves an emulator with o's latency that holds n customers with distinct companies,
// and returns it with the environment that points terraform at it and its stop.
func serveEstate(o options, work string, n int) (*emulator.Server, []string, func(), error) {
	emu := emulator.New(token)
	emu.SetLatency(o.latency)
	if _, err := emu.SeedCustomers(n); err != nil {
		return nil, nil, nil, err
	}
	env, stop, err := serveEmulator(work, emu)
	return emu, env, stop, err
}

// onboardBaseline imports n terraform_data instances the same way: terraform's own floor for it.
func onboardBaseline(o options, work string, n int) ([]result, error) {
	ids := newIDs(n)
	env, err := baselineEnv(work)
	if err != nil {
		return nil, err
	}
	var out []result
	for i, ob := range onboardings {
		dir := filepath.Join(work, fmt.Sprintf("onboard-baseline%d-%d", n, i))
		rs, err := timeOnboarding(o, dir, env, n, ob, func(address string, p phase) (result, error) {
			return runBaselinePhase(o, dir, env, terraformBlock(false, address)+baselineOnboarding(ids, ob.forEachSet), n, p)
		})
		if err != nil {
			return nil, err
		}
		out = append(out, rs...)
	}
	return out, nil
}

// timeOnboarding runs ob's phases in dir, from an empty state.
func timeOnboarding(o options, dir string, env []string, n int, ob onboarding,
	run func(address string, p phase) (result, error)) ([]result, error) {
	return inStateDir(o, dir, env, func(address string) ([]result, error) {
		var out []result
		for _, p := range onboardPhases(ob) {
			r, err := run(address, p)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", p.name, err)
			}
			out = append(out, r)
		}
		return out, nil
	})
}

// onboardingConfiguration is examples/onboarding without comments.
func onboardingConfiguration(forEachSet bool) string {
	forEach := "local.customers"
	if forEachSet {
		forEach = "data.partnercenter_customers.all.ids"
	}
	return `provider "partnercenter" {}

data "partnercenter_customers" "all" {}

locals {
  customers = { for c in data.partnercenter_customers.all.customers : c.id => c }
}

import {
  for_each = data.partnercenter_customers.all.ids
  to       = partnercenter_customer_billing_profile.c[each.key]
  id       = each.key
}

resource "partnercenter_customer_billing_profile" "c" {
  for_each    = ` + forEach + `
  customer_id = each.key
}
`
}

// baselineOnboarding imports one terraform_data per id with the same import block and for_each.
func baselineOnboarding(ids []string, forEachSet bool) string {
	var b strings.Builder
	writeCustomers(&b, ids, "Onboarded")
	forEach := "local.customers"
	if forEachSet {
		forEach = "local.ids"
	}
	b.WriteString(`locals {
  ids = toset(keys(local.customers))
}

import {
  for_each = local.ids
  to       = terraform_data.c[each.key]
  id       = each.key
}

resource "terraform_data" "c" {
  for_each = ` + forEach + `
}
`)
	return b.String()
}
