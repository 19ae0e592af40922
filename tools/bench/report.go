package main

import (
	"fmt"
	"strings"
	"time"
)

// table renders the results as a Markdown table with its conditions.
func table(o options, rs []result) string {
	w := &strings.Builder{}
	fmt.Fprintf(w, "Latency %s per call, -parallelism=%d; throttled phase: %.0f%% of calls answered 429 with Retry-After %s.\n\n",
		o.latency, o.parallelism, o.throttle*100, o.retryAfter)
	fmt.Fprintln(w, "| N | run | wall | GET | PUT | 429 | Retry-After asked (sum) | lower bound | ratio | CPU: terraform | CPU: provider | provider peak memory |")
	fmt.Fprintln(w, "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range rs {
		if r.lowerBound == 0 {
			fmt.Fprintf(w, "| %d | %s | %s | | | | | | | %s | | |\n", r.n, r.phase, seconds(r.wall), seconds(r.cpu))
			continue
		}
		fmt.Fprintf(w, "| %d | %s | %s | %d | %d | %d | %s | %s | %.2f | %s | %s | %d MB |\n",
			r.n, r.phase, seconds(r.wall), r.gets, r.puts, r.throttled, seconds(r.waited), seconds(r.lowerBound), r.ratio(),
			seconds(r.terraformCPU()), seconds(r.providerCPU), r.peakRSS>>20)
	}
	return w.String()
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.1f s", d.Seconds()) }
