// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Command bench measures the provider at partner scale: it seeds N customers in the Partner
// Center emulator with a fixed latency per call, drives the real terraform CLI through adopting
// them all, a refresh-only plan, a no-op apply, an apply that changes every profile and the same
// under throttling ("manage"), and through onboarding them all with import blocks over the
// customers data source and the plan after it ("onboard"), and through importing a GDAP
// relationship and three access assignments per customer, a refresh, a plan with nothing to do and
// a plan that changes one team's roles everywhere ("gdap"), and through onboarding them all with
// terraform query -generate-config-out, the apply of what it wrote and the plan after it ("query",
// with -terraform pointing at terraform 1.14 or later). It reports wall time, API calls (pages
// of the customer list, GETs, PUTs), the round-trip lower bound (list pages × latency, as each
// waits for the one before, plus the other calls × latency ÷ parallelism), the ratio to it and to
// the bound plus the same run over terraform_data, and the provider process's peak memory.
//
//	go run ./perf/bench -n 100,1000 -latency 50ms
//	go run ./perf/bench -n 1000 -latency 50ms -runs onboard -remote-state
//	go run ./perf/bench -n 1000 -latency 50ms -runs onboard,query -terraform "$TF_QUERY_BIN"
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	var o options
	var sizes, runs string
	flag.StringVar(&sizes, "n", "100,1000", "comma-separated numbers of customers")
	flag.StringVar(&runs, "runs", "manage,onboard", "comma-separated groups of runs: manage (adopt, refresh, update), onboard (import blocks), gdap (GDAP relationships and access assignments), consent (every customer's application consent imported and refreshed, read in each customer's tenant) and query (terraform query -generate-config-out, then apply; needs -terraform 1.14+)")
	flag.DurationVar(&o.latency, "latency", 50*time.Millisecond, "emulated latency of every Partner Center call")
	flag.IntVar(&o.parallelism, "parallelism", 10, "terraform -parallelism (10 is terraform's default)")
	flag.Float64Var(&o.throttle, "throttle", 0.05, "share of calls answered 429 in the throttled phase")
	flag.DurationVar(&o.retryAfter, "retry-after", time.Second, "Retry-After of the throttled answers")
	flag.BoolVar(&o.remote, "remote-state", false, "keep state in an http backend, as a pipeline with remote state does, instead of a local file")
	flag.BoolVar(&o.baseline, "baseline", true, "also time the same runs with terraform's built-in terraform_data (terraform's own floor)")
	flag.BoolVar(&o.sameSchemaFloor, "same-schema-floor", true, "also time the manage and gdap runs with perf/floorprovider, which serves this provider's schemas and does no work (terraform's own floor for resources of this shape)")
	flag.StringVar(&o.providerPackage, "provider-package", ".", "Go package to build as the provider (./perf/profiled writes profiles to $PROFILE_OUT)")
	flag.StringVar(&o.terraform, "terraform", "", "terraform-compatible CLI (default: $TF_ACC_TERRAFORM_PATH, then terraform on PATH)")
	flag.Parse()
	if err := run(o, sizes, runs); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(o options, sizes, runs string) error {
	ns, err := parseSizes(sizes)
	if err != nil {
		return err
	}
	groups, err := parseGroups(runs)
	if err != nil {
		return err
	}
	if o.terraform, err = findTerraform(o.terraform); err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "partnercenter-bench-")
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(work) }()
	if err := buildProvider(work, o.providerPackage); err != nil {
		return err
	}
	if o.sameSchemaFloor {
		if err := buildFloorProvider(work); err != nil {
			return err
		}
	}
	var results []result
	for _, n := range ns {
		for _, g := range groups {
			rs, err := g.run(o, work, n)
			if err != nil {
				return fmt.Errorf("%s with %d customers: %w", g.name, n, err)
			}
			results = append(results, rs...)
			if o.sameSchemaFloor && g.floor != nil {
				floor, err := g.floor(o, work, n)
				if err != nil {
					return fmt.Errorf("%s same-schema floor with %d customers: %w", g.name, n, err)
				}
				results = append(results, floor...)
			}
			if !o.baseline {
				continue
			}
			base, err := g.baseline(o, work, n)
			if err != nil {
				return fmt.Errorf("%s baseline with %d customers: %w", g.name, n, err)
			}
			results = append(results, base...)
		}
	}
	_, err = os.Stdout.WriteString(table(o, results))
	return err
}

// group is a set of runs with the terraform_data runs that are their floor, and where there is
// one, the same runs with the same-schema floor provider.
type group struct {
	name                 string
	run, baseline, floor func(o options, work string, n int) ([]result, error)
}

var groups = []group{
	{name: "manage", run: benchSize, baseline: baselineSize, floor: manageFloor},
	{name: "onboard", run: onboardSize, baseline: onboardBaseline},
	{name: "gdap", run: gdapSize, baseline: gdapBaseline, floor: gdapFloor},
	{name: "query", run: querySize, baseline: queryBaseline},
	{name: "consent", run: consentSize, baseline: consentBaseline},
}

func parseGroups(s string) ([]group, error) {
	var out []group
	for _, name := range strings.Split(s, ",") {
		i := slices.IndexFunc(groups, func(g group) bool { return g.name == strings.TrimSpace(name) })
		if i < 0 {
			return nil, fmt.Errorf("-runs: %q is not manage, onboard, gdap, query or consent", name)
		}
		out = append(out, groups[i])
	}
	return out, nil
}

func parseSizes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("-n: %q is not a positive number", f)
		}
		out = append(out, n)
	}
	return out, nil
}
