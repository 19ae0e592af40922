// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package client

import (
	"context"
	"errors"
)

// TokenSource supplies the bearer token sent with each Partner Center call. Implementations
// cache and refresh tokens as their credential kind requires; they must be safe for concurrent use.
type TokenSource interface {
	Token(ctx context.Context) (string, error)
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
