// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package transport

import (
	"context"
	"errors"
	"net"
	"net/url"
	"testing"
)

func TestUnreachableHostNamesAnEndpointThatCouldNotBeReachedAtAll(t *testing.T) {
	t.Parallel()
	dns := &url.Error{Op: "Get", URL: "https://nowhere.invalid/x", Err: &net.OpError{Op: "dial", Err: &net.DNSError{Name: "nowhere.invalid", IsNotFound: true}}}
	if got := UnreachableHost(dns); got != "nowhere.invalid" {
		t.Errorf("a name that does not resolve: %q, want nowhere.invalid", got)
	}
	for name, other := range map[string]error{
		"an answer":            errors.New("HTTP 503 Service Unavailable"),
		"a reset mid-answer":   &url.Error{Op: "Get", URL: "https://x.test/", Err: &net.OpError{Op: "read", Err: errors.New("connection reset by peer")}},
		"a context that ended": context.DeadlineExceeded,
		"no error":             nil,
	} {
		if got := UnreachableHost(other); got != "" {
			t.Errorf("%s: UnreachableHost = %q, want none", name, got)
		}
	}
	addr := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 9}
	bare := &net.OpError{Op: "dial", Addr: addr, Err: errors.New("refused")}
	for name, err := range map[string]error{
		"a dial failure without a URL": bare,
		"a URL that does not parse":    &url.Error{Op: "Get", URL: "http://[::1", Err: bare},
		"a URL without a host":         &url.Error{Op: "Get", URL: "/relative", Err: bare},
	} {
		if got := UnreachableHost(err); got != "127.0.0.1:9" {
			t.Errorf("%s: %q, want the address dialled", name, got)
		}
	}
	if got := UnreachableHost(&net.OpError{Op: "dial", Err: errors.New("refused")}); got != "the endpoint" {
		t.Errorf("a dial failure naming nothing: %q", got)
	}
}
