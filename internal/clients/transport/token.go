// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package transport

import (
	"context"
	"errors"
)

// TokenSource supplies the bearer token sent with each call to an API. Implementations
// cache and refresh tokens as their credential kind requires; they must be safe for concurrent use.
type TokenSource interface {
	Token(ctx context.Context) (string, error)
}

// RenewingTokenSource is a TokenSource that can replace a token an API refused (401) because it
// expired on its way: a token handed out shortly before its expiry can reach the API after it, on a slow network or a busy machine, or by the clock of a service a little
// ahead of this machine's. The client then sends the call once more with the new token.
type RenewingTokenSource interface {
	TokenSource
	// RenewRefused returns a new token when refused, a token it handed out, may have expired on
	// its way; ok is false when the refusal stands (a token well within its life, or a source that
	// cannot renew).
	RenewRefused(ctx context.Context, refused string) (token string, ok bool, err error)
}

// StaticToken is an access token used as is, e.g. one from `az account get-access-token`.
type StaticToken string

// Token returns the token, or an error when it is empty.
func (t StaticToken) Token(context.Context) (string, error) {
	if t == "" {
		return "", errors.New("the access token is empty")
	}
	return string(t), nil
}
