// Command bench measures the provider at partner scale: it seeds N customers in the Partner
// Center emulator with a fixed latency per call, drives the real terraform CLI through adopting
// them all, a refresh-only plan, a no-op apply, an apply that changes every profile and the same
// under throttling, and reports wall time, API calls by method, the round-trip lower bound
// (calls × latency ÷ parallelism), the ratio to it, and the provider process's peak memory.
//
//	go run ./tools/bench -n 100,1000 -latency 50ms
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

func main() {
	var o options
	var sizes string
	flag.StringVar(&sizes, "n", "100,1000", "comma-separated numbers of customers")
	flag.DurationVar(&o.latency, "latency", 50*time.Millisecond, "emulated latency of every Partner Center call")
	flag.IntVar(&o.parallelism, "parallelism", 10, "terraform -parallelism (10 is terraform's default)")
	flag.Float64Var(&o.throttle, "throttle", 0.05, "share of calls answered 429 in the throttled phase")
	flag.DurationVar(&o.retryAfter, "retry-after", time.Second, "Retry-After of the throttled answers")
	flag.BoolVar(&o.remote, "remote-state", false, "keep state in an http backend, as a pipeline with remote state does, instead of a local file")
	flag.BoolVar(&o.baseline, "baseline", true, "also time the same runs with terraform's built-in terraform_data (terraform's own floor)")
	flag.StringVar(&o.providerPackage, "provider-package", ".", "Go package to build as the provider (./tools/profiled writes profiles to $PROFILE_OUT)")
	flag.StringVar(&o.terraform, "terraform", "", "terraform-compatible CLI (default: $TF_ACC_TERRAFORM_PATH, then terraform on PATH)")
	flag.Parse()
	if err := run(o, sizes); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(o options, sizes string) error {
	ns, err := parseSizes(sizes)
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
	var results []result
	for _, n := range ns {
		rs, err := benchSize(o, work, n)
		if err != nil {
			return fmt.Errorf("with %d customers: %w", n, err)
		}
		results = append(results, rs...)
		if o.baseline {
			base, err := baselineSize(o, work, n)
			if err != nil {
				return fmt.Errorf("baseline with %d customers: %w", n, err)
			}
			results = append(results, base...)
		}
	}
	_, err = os.Stdout.WriteString(table(o, results))
	return err
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
