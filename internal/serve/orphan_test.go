// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package serve

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestWatch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		parentDiesAt int32 // the check at which the parent id changes; 0: never
		wantOrphaned bool
	}{
		{"a process whose parent lives on is left alone", 0, false},
		{"a process handed to init when its parent dies is told so", 3, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var checks atomic.Int32
			getppid := func() int {
				if n := checks.Add(1); tt.parentDiesAt != 0 && n > tt.parentDiesAt {
					return 1
				}
				return 4242
			}
			orphaned := make(chan struct{})
			stop := watch(getppid, time.Millisecond, func() { close(orphaned) })
			defer stop()
			select {
			case <-orphaned:
				if !tt.wantOrphaned {
					t.Fatal("told orphaned while the parent lives")
				}
			case <-time.After(200 * time.Millisecond):
				if tt.wantOrphaned {
					t.Fatal("not told within 200ms that the parent died")
				}
			}
		})
	}
}
