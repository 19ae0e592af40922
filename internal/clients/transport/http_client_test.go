// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package transport

import (
	"net/http"
	"testing"
	"time"
)

func TestTheSharedHTTPClientKeepsConnectionsAndGivesUpOnASilentService(t *testing.T) {
	t.Parallel()
	lt, ok := NewHTTPClient("Partner Center").Transport.(*loggingTransport)
	if !ok {
		t.Fatalf("transport %T, want the logging transport", NewHTTPClient("Partner Center").Transport)
	}
	tr, ok := lt.next.(*http.Transport)
	if !ok {
		t.Fatalf("the logging transport wraps %T, want an *http.Transport", lt.next)
	}
	if tr.MaxIdleConnsPerHost != 32 || tr.ResponseHeaderTimeout != 2*time.Minute {
		t.Errorf("MaxIdleConnsPerHost %d, ResponseHeaderTimeout %s; want 32 connections kept and two minutes for a response's headers",
			tr.MaxIdleConnsPerHost, tr.ResponseHeaderTimeout)
	}
}

// within runs f and fails the test when f has not returned after d, so that code that spins (on
// a body that never ends, say) fails the test rather than hanging it. f must not stop the test.
func within(t *testing.T, d time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s did not end within %s", what, d)
	}
}
