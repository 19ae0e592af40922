// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Command profiled serves the provider with a CPU profile and a memory trace, for investigating
// performance; it is not shipped. Build it in place of the provider under a dev_overrides CLI
// config and set PROFILE_OUT: each provider process writes PROFILE_OUT.<pid>.{cpu,heap,peakheap,goroutines,mem}.
package main

import (
	"fmt"
	"log"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/provider"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/serve"
)

func main() {
	base := os.Getenv("PROFILE_OUT") + "." + strconv.Itoa(os.Getpid())
	f, err := os.Create(base + ".cpu")
	if err != nil {
		log.Fatal(err)
	}
	_ = pprof.StartCPUProfile(f)
	serve.TuneMemory() // as main.go does
	var peakHeap, peakSys, peakLive atomic.Uint64
	series, _ := os.Create(base + ".series")
	go func() {
		var lastSnapshot uint64
		live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		for tick := 0; ; tick++ {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			metrics.Read(live)
			peakLive.Store(max(peakLive.Load(), live[0].Value.Uint64()))
			if tick%10 == 0 && series != nil {
				_, _ = fmt.Fprintf(series, "%ds live %d MB inuse %d MB sys %d MB gcs %d gc-cpu %.2f\n", tick/10,
					live[0].Value.Uint64()>>20, m.HeapInuse>>20, m.Sys>>20, m.NumGC, m.GCCPUFraction)
			}
			if m.HeapInuse > lastSnapshot+(8<<20) {
				lastSnapshot = m.HeapInuse
				runtime.GC() // a snapshot of what is live at the peak, not of garbage
				if hp, err := os.Create(base + ".peakheap"); err == nil {
					_ = pprof.WriteHeapProfile(hp)
					_ = hp.Close()
				}
				if gp, err := os.Create(base + ".goroutines"); err == nil {
					_ = pprof.Lookup("goroutine").WriteTo(gp, 1)
					_ = gp.Close()
				}
			}
			peakHeap.Store(max(peakHeap.Load(), m.HeapInuse))
			peakSys.Store(max(peakSys.Load(), m.Sys))
			time.Sleep(100 * time.Millisecond)
		}
	}()
	// Log the way the released binary does, so the profile is of what users run.
	if err = serve.SilenceDroppedLogs(os.Environ(), os.Setenv); err == nil {
		err = tf6server.Serve("registry.terraform.io/partnercenter-oss/partnercenter", serve.Wrap(provider.NewServer("prof")))
	}
	pprof.StopCPUProfile()
	runtime.GC()
	var end runtime.MemStats
	runtime.ReadMemStats(&end)
	_ = os.WriteFile(base+".end", []byte(fmt.Sprintf("live heap after serving %d KB\n", end.HeapAlloc>>10)), 0o600)
	hp, _ := os.Create(base + ".heap")
	_ = pprof.WriteHeapProfile(hp)
	_ = os.WriteFile(base+".mem", []byte(fmt.Sprintf("peak live heap %d MB, peak HeapInuse %d MB, peak Sys %d MB\n", peakLive.Load()>>20, peakHeap.Load()>>20, peakSys.Load()>>20)), 0o600)
	if err != nil {
		log.Fatal(err)
	}
}
