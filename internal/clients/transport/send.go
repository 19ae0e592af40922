// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package transport

import (
	"context"
	"net/http"
	"strings"

	"github.com/hashicorp/go-retryablehttp"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Send sends req with rc, retrying as rc's policy allows, and once more with a new token when api
// refuses (401) a token that may have expired on its way (a RenewingTokenSource among tokens says
// so). Only the response of the last attempt is left open, and none with an error.
func Send(ctx context.Context, rc *retryablehttp.Client, tokens TokenSource, api string, req *retryablehttp.Request) (*http.Response, error) {
	resp, err := rc.Do(req)
	if err == nil && resp.StatusCode == http.StatusUnauthorized && renewRefused(ctx, tokens, api, req) {
		_ = resp.Body.Close()
		resp, err = rc.Do(req)
	}
	if err != nil && resp != nil {
		_ = resp.Body.Close()
	}
	return resp, err
}

// renewRefused puts a new token into req after api refused its token, when the token source says
// the refused one may have expired on its way; it reports whether req is worth sending again.
func renewRefused(ctx context.Context, tokens TokenSource, api string, req *retryablehttp.Request) bool {
	src, ok := tokens.(RenewingTokenSource)
	if !ok {
		return false
	}
	refused := strings.TrimPrefix(req.Header.Get("Authorization"), "Bearer ")
	token, renewed, err := src.RenewRefused(ctx, refused)
	if err != nil {
		tflog.Warn(ctx, api+" refused a token that may have expired on its way, and no new one could be had",
			map[string]any{"error": err.Error()})
		return false
	}
	if !renewed {
		return false
	}
	tflog.Info(ctx, api+" refused a token that may have expired on its way; sending the call again with a new one",
		map[string]any{"url": req.URL.Redacted()})
	req.Header.Set("Authorization", "Bearer "+token)
	return true
}
