// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// table renders the results as a Markdown table with its conditions.
func table(o options, rs []result) string {
	w := &strings.Builder{}
	fmt.Fprintf(w, "Latency %s per call, -parallelism=%d", o.latency, o.parallelism)
	if slices.ContainsFunc(rs, func(r result) bool { return r.throttled > 0 }) {
		fmt.Fprintf(w, "; throttled phase: %.0f%% of calls answered 429 with Retry-After %s", o.throttle*100, o.retryAfter)
	}
	fmt.Fprint(w, ".\n\n")
	fmt.Fprintln(w, "| N | run | wall | list pages | GET | writes | tokens | 429 | Retry-After asked (sum) | lower bound | ratio | "+
		"ratio to bound + terraform_data | ratio to bound + same-schema floor | CPU: terraform | CPU: provider | provider peak memory |")
	fmt.Fprintln(w, "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	floors := floorWalls(rs)
	for _, r := range rs {
		if r.lowerBound == 0 {
			fmt.Fprintf(w, "| %d | %s | %s | | | | | | | | | | | %s | | |\n", r.n, r.phase, seconds(r.wall), seconds(r.cpu))
			continue
		}
		fmt.Fprintf(w, "| %d | %s | %s | %d | %d | %d | %d | %d | %s | %s | %.2f | %s | %s | %s | %s | %d MB |\n",
			r.n, r.phase, seconds(r.wall), r.lists, r.gets, r.puts, r.tokens, r.throttled, seconds(r.waited), seconds(r.lowerBound), r.ratio(),
			ratioTo(r.wall, r.lowerBound, floors[floorKey(r.n, r.phase+baselineSuffix)]),
			ratioTo(r.wall, r.lowerBound, floors[floorKey(r.n, r.phase+floorSuffix)]),
			seconds(r.terraformCPU()), seconds(r.providerCPU), r.peakRSS>>20)
	}
	return w.String()
}

// floorWalls indexes the wall times of the floor runs (terraform_data and same-schema) by size
// and run name.
func floorWalls(rs []result) map[string]time.Duration {
	out := map[string]time.Duration{}
	for _, r := range rs {
		if strings.HasSuffix(r.phase, baselineSuffix) || strings.HasSuffix(r.phase, floorSuffix) {
			out[floorKey(r.n, r.phase)] = r.wall
		}
	}
	return out
}

func floorKey(n int, phase string) string { return fmt.Sprintf("%d %s", n, phase) }

// ratioTo is wall ÷ (bound + floor): how a run compares with its API calls plus terraform's own
// work for as many terraform_data instances. Empty when no terraform_data run was measured.
func ratioTo(wall, bound, floor time.Duration) string {
	if floor == 0 {
		return ""
	}
	return fmt.Sprintf("%.2f", wall.Seconds()/(bound+floor).Seconds())
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.1f s", d.Seconds()) }
