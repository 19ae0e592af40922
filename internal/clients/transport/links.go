// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package transport

import (
	"fmt"
	"net/url"
	"strings"
)

// Link is a link the API gave (a next page, an operation to follow), resolved against the base
// URL and refused when it leaves the base URL's origin: the token travels only to the endpoint the
// user configured. setting names that endpoint's setting in the refusal ("graph_base_url").
func (p *Pipeline) Link(raw, setting string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("the link %q that %s gave is not a URL: %w", raw, p.api.Name, err)
	}
	u = p.base.ResolveReference(u)
	if !SameOrigin(u, p.base) {
		return nil, fmt.Errorf("the link %s that %s gave leaves %s: it is not followed, so that the token "+
			"travels only to the %s endpoint configured (%s)", u.Redacted(), p.api.Name, p.base.Host, p.api.Name, setting)
	}
	return u, nil
}

// SameOrigin reports whether a and b name the same scheme, host (in any case) and port (the
// scheme's default when none is written).
func SameOrigin(a, b *url.URL) bool {
	port := func(u *url.URL) string {
		if p := u.Port(); p != "" {
			return p
		}
		return map[string]string{"https": "443", "http": "80"}[strings.ToLower(u.Scheme)]
	}
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Hostname(), b.Hostname()) && port(a) == port(b)
}
