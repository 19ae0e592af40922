// Package orphan ends a plugin process that has outlived the program that started it.
//
// Terraform starts the provider as a child process (through go-plugin) and stops it through the
// plugin protocol when it is done. When terraform itself dies without that (kill -9, the OOM
// killer, a CI runner cancelling the job), nothing tells the provider: go-plugin's server does not
// notice its client is gone, and the provider cannot read its standard input to notice either,
// since go-plugin gives it terraform's own (the user's terminal). The provider would linger,
// holding connections and any call in flight, until the machine stops. On Unix a process whose
// parent dies is handed to init or a subreaper, so its parent process id changes: that is the
// signal watched for here. On Windows the parent id never changes and the watch does nothing.
package orphan

import (
	"os"
	"time"
)

// Watch checks every interval whether the process's parent has changed since Watch was called,
// and then calls onOrphaned once, from its own goroutine. The returned function stops the watch.
func Watch(interval time.Duration, onOrphaned func()) (stop func()) {
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
