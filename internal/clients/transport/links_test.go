// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package transport

import (
	"net/url"
	"testing"
)

func TestSameOriginComparesAsURLsDo(t *testing.T) {
	t.Parallel()
	base, _ := url.Parse("https://graph.microsoft.com")
	for raw, want := range map[string]bool{"https://GRAPH.microsoft.com:443/v1.0/x": true, "https://graph.microsoft.com/v1.0/x": true,
		"http://graph.microsoft.com/v1.0/x": false, "https://graph.microsoft.com:8443/x": false, "https://graph.microsoft.us/x": false} {
		u, _ := url.Parse(raw)
		if got := SameOrigin(u, base); got != want {
			t.Errorf("SameOrigin(%s) = %v, want %v", raw, got, want)
		}
	}
}
