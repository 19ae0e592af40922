package main

import (
	"fmt"
	"io"
	"time"
)

func printTable(w io.Writer, o options, rs []result) {
	fmt.Fprintf(w, "Latency %s per call, -parallelism=%d; throttled phase: %.0f%% of calls answered 429 with Retry-After %s.\n\n",
		o.latency, o.parallelism, o.throttle*100, o.retryAfter)
	fmt.Fprintln(w, "| N | run | wall | GET | PUT | 429 | asked to wait | lower bound | ratio | provider peak memory |")
	fmt.Fprintln(w, "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range rs {
		fmt.Fprintf(w, "| %d | %s | %s | %d | %d | %d | %s | %s | %.2f | %d MB |\n",
			r.n, r.phase, seconds(r.wall), r.gets, r.puts, r.throttled, seconds(r.waited), seconds(r.lowerBound), r.ratio(), r.peakRSS>>20)
	}
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.1f s", d.Seconds()) }
