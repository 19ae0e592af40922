// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package serve

import (
	"os"
	"runtime/debug"
)

// memoryLimit is the provider's soft memory limit: the live heap stays under 10 MB at 1,000
// resources, but Terraform keeps the machine's cores busy while the provider serves them, and a
// collector starved of CPU lets garbage pile up. The limit makes it catch up before the heap grows
// past it.
const memoryLimit = 48 << 20

// gcPercent lets the heap grow to five times what is live before the collector runs, rather than
// Go's default of twice: the live heap is a few megabytes, so at the default the collector ran
// about thirty times a second under a 1,000-resource apply and took a fifth of the provider's
// CPU, on cores terraform needs. It trades memory for that CPU: peak resident memory at 1,000
// resources rose from about 33 MB to about 50 MB, held there by the limit above.
const gcPercent = 400

// TuneMemory sets the provider's garbage collector: the soft memory limit and the collection
// percentage above, each unless GOMEMLIMIT or GOGC sets it.
func TuneMemory() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(memoryLimit)
	}
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
	}
}
