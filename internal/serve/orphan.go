// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package serve

import (
	"os"
	"time"
)

// WatchParent checks every interval whether the process's parent has changed since WatchParent
// was called, and then calls onOrphaned once, from its own goroutine. The returned function stops
// the watch. See the package comment for why.
func WatchParent(interval time.Duration, onOrphaned func()) (stop func()) {
	return watch(os.Getppid, interval, onOrphaned)
}

func watch(getppid func() int, interval time.Duration, onOrphaned func()) (stop func()) {
	parent := getppid()
	done := make(chan struct{})
	ticker := time.NewTicker(interval)
	go func() {
		defer ticker.Stop()
		for {
			select {
			case <-done:
				return
			case <-ticker.C:
				if getppid() != parent {
					onOrphaned()
					return
				}
			}
		}
	}()
	return func() { close(done) }
}
