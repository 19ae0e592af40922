// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package transport

import (
	"strings"
	"testing"
)

func TestParseEndpoint(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, raw, wantErr string
	}{
		{"https to any host is taken", "https://api.partnercenter.microsoft.com/", ""},
		{"http to 127.0.0.1 is taken: the emulator", "http://127.0.0.1:8080", ""},
		{"http to another loopback address is taken", "http://127.0.0.2:8080", ""},
		{"http to ::1 is taken", "http://[::1]:8080", ""},
		{"http to localhost is taken", "http://LocalHost:8080", ""},
		{"http to another host is refused", "http://pc.example.test", `"http://pc.example.test" uses plain http, which would send what travels to pc.example.test in clear text: use https`},
		{"http to a private address is refused", "http://10.0.0.5:8080", "uses plain http"},
		{"http to a name that only begins like localhost is refused", "http://localhost.example.test", "uses plain http"},
		{"a URL without a scheme says how to write it", "api.partnercenter.microsoft.com", `has no scheme: write it as https://api.partnercenter.microsoft.com`},
		{"a host and port without a scheme says how to write it", "127.0.0.1:8080", "has no scheme: write it as https://127.0.0.1:8080"},
		{"another scheme is refused", "ftp://example.test", "uses ftp: want an https URL such as https://example.test"},
		{"a URL without a host is refused", "https://", "names no host: want an https URL such as https://example.test"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := ParseEndpoint(tt.raw, EndpointUse{Carries: "what travels", Example: "https://example.test"})
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("err = %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want it to say %q", err, tt.wantErr)
			}
		})
	}
}
