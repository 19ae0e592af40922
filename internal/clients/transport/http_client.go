// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package transport

import (
	"net/http"
	"time"

	"github.com/hashicorp/go-cleanhttp"
)

// MaxResponseBytes bounds how much of an answer a client reads, and the log copies: the answers
// the provider reads are a few KiB (a page of 500 customers some hundreds), so anything near this
// is not an answer of the API.
const MaxResponseBytes = 4 << 20

// NewHTTPClient returns a pooled HTTP client for api (named so in its log lines) whose
// connections are kept alive and reused by every call, which logs each request and response
// through tflog with secrets masked, and which follows no redirect.
func NewHTTPClient(api string) *http.Client {
	t := cleanhttp.DefaultPooledTransport()
	// Terraform runs 10 operations at once by default; keep that many connections warm.
	t.MaxIdleConnsPerHost = 32
	t.ResponseHeaderTimeout = 2 * time.Minute
	return &http.Client{Transport: &loggingTransport{next: t, trace: providerLogsTrace(), api: api}, CheckRedirect: refuseRedirects}
}

// refuseRedirects answers a redirect with the redirect itself, never following it: none of the
// calls the provider makes to Partner Center, Microsoft Graph or Entra ID redirects, and following one could carry the bearer token
// or a credential elsewhere, over plain http too (Go keeps Authorization on a redirect to the same
// host, whatever the scheme). The caller then reports the 3xx as the answer it got.
func refuseRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
