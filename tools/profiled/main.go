// Command profiled serves the provider with a CPU profile and a memory trace, for investigating
// performance; it is not shipped. Build it in place of the provider under a dev_overrides CLI
// config and set PROFILE_OUT: each provider process writes PROFILE_OUT.<pid>.{cpu,heap,peakheap,mem}.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/provider"
)

func main() {
	base := os.Getenv("PROFILE_OUT") + "." + strconv.Itoa(os.Getpid())
	f, err := os.Create(base + ".cpu")
	if err != nil {
		log.Fatal(err)
	}
	_ = pprof.StartCPUProfile(f)
	debug.SetMemoryLimit(48 << 20) // as main.go does
	var peakHeap, peakSys atomic.Uint64
	go func() {
		var lastSnapshot uint64
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			if m.HeapInuse > lastSnapshot+(8<<20) {
				lastSnapshot = m.HeapInuse
				runtime.GC() // a snapshot of what is live at the peak, not of garbage
				if hp, err := os.Create(base + ".peakheap"); err == nil {
					_ = pprof.WriteHeapProfile(hp)
					_ = hp.Close()
				}
			}
			peakHeap.Store(max(peakHeap.Load(), m.HeapInuse))
			peakSys.Store(max(peakSys.Load(), m.Sys))
			time.Sleep(100 * time.Millisecond)
		}
	}()
	err = providerserver.Serve(context.Background(), provider.New("prof"), providerserver.ServeOpts{Address: "registry.terraform.io/partnercenter-oss/partnercenter"})
	pprof.StopCPUProfile()
	hp, _ := os.Create(base + ".heap")
	_ = pprof.WriteHeapProfile(hp)
	_ = os.WriteFile(base+".mem", []byte(fmt.Sprintf("peak HeapInuse %d MB, peak Sys %d MB\n", peakHeap.Load()>>20, peakSys.Load()>>20)), 0o600)
	if err != nil {
		log.Fatal(err)
	}
}
