// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"
	"sync"
	"testing"
	"time"
)

// BenchmarkGetCustomerBillingProfile measures one GET against the emulator on loopback: the
// client's own cost per call (headers, logging, retry layer, BOM, decoding).
func BenchmarkGetCustomerBillingProfile(b *testing.B) {
	c, _ := newEmulated(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.GetCustomerBillingProfile(ctx, testCustomer); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApplyCustomerBillingProfile measures a change written over a read profile: one PUT.
func BenchmarkApplyCustomerBillingProfile(b *testing.B) {
	c, _ := newEmulated(b)
	ctx := context.Background()
	base, err := c.GetCustomerBillingProfile(ctx, testCustomer)
	if err != nil {
		b.Fatal(err)
	}
	names := []string{"Contoso", "Fabrikam"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if base, err = c.ApplyCustomerBillingProfile(ctx, testCustomer, base, func(p *BillingProfile) { p.CompanyName = names[i%2] }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParallelGETsAtLatency sends 1,000 GETs from 10 goroutines, Terraform's default
// parallelism, to an emulator that answers after 50 ms, and reports the mean ratio of the wall
// time to the round-trip bound (1,000 × 50 ms ÷ 10 = 5 s). It isolates the client, its connection
// pool and the emulator from Terraform: a ratio near 1 means the gap in perf/bench lies elsewhere.
func BenchmarkParallelGETsAtLatency(b *testing.B) {
	const calls, parallelism, latency = 1000, 10, 50 * time.Millisecond
	c, emu := newEmulated(b)
	emu.SetLatency(latency)
	ctx := context.Background()
	var rounds int
	var elapsed time.Duration
	for b.Loop() {
		start := time.Now()
		var wg sync.WaitGroup
		for range parallelism {
			wg.Go(func() {
				for range calls / parallelism {
					if _, err := c.GetCustomerBillingProfile(ctx, testCustomer); err != nil {
						b.Error(err)
					}
				}
			})
		}
		wg.Wait()
		elapsed += time.Since(start)
		rounds++
	}
	b.ReportMetric(float64(elapsed)/float64(rounds)/float64(calls*latency/parallelism), "ratio")
}
