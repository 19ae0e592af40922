// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package transport

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
)

// EndpointUse is what an endpoint is for: what travels to it, and an example of one.
type EndpointUse struct {
	Carries, Example string
}

// ParseEndpoint parses raw, an endpoint the provider sends credentials to, for use. It must be an
// absolute https URL, or http to a loopback host only (an emulator on the same machine): plain
// http to any other host would show what travels to it to everyone on the way.
func ParseEndpoint(raw string, use EndpointUse) (*url.URL, error) {
	if !strings.Contains(raw, "://") {
		return nil, fmt.Errorf("%q has no scheme: write it as https://%s (http:// only for an emulator on this machine)",
			raw, strings.TrimPrefix(raw, "//"))
	}
	u, err := url.Parse(strings.TrimRight(raw, "/"))
	if err != nil {
		return nil, fmt.Errorf("%q is not a URL: %w", raw, err)
	}
	if u.Scheme != "https" && u.Scheme != "http" {
		return nil, fmt.Errorf("%q uses %s: want an https URL such as %s", raw, u.Scheme, use.Example)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("%q names no host: want an https URL such as %s", raw, use.Example)
	}
	if u.Scheme == "http" && !isLoopback(u.Hostname()) {
		return nil, fmt.Errorf("%q uses plain http, which would send %s to %s in clear text: use https. "+
			"Plain http is accepted only for a loopback address (localhost, 127.0.0.1, ::1), such as the Partner Center "+
			"emulator on this machine", raw, use.Carries, u.Hostname())
	}
	return u, nil
}

// UnreachableHost is the host a call could not connect to at all (its name did not resolve, or
// the connection was refused or timed out), when that is what err says; "" otherwise. Such a
// failure points at a setting (a wrong base_url or authority_url) or the network, not at an
// outage of the service, which answers.
func UnreachableHost(err error) string {
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return dns.Name
	}
	var op *net.OpError
	if !errors.As(err, &op) || op.Op != "dial" {
		return ""
	}
	var u *url.Error
	if errors.As(err, &u) {
		if parsed, perr := url.Parse(u.URL); perr == nil && parsed.Host != "" {
			return parsed.Host
		}
	}
	if op.Addr != nil {
		return op.Addr.String()
	}
	return "the endpoint"
}

// isLoopback reports whether host names this machine: localhost or a loopback address.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
