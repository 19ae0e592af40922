// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package credential

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

func TestTokenFailuresTellARefusedCredentialFromAnOutage(t *testing.T) {
	t.Parallel()
	kinds := map[string]Config{
		"refresh token": {TenantID: tenant, ClientID: clientID, ClientSecret: secret, RefreshToken: refresh},
		"client secret": {TenantID: tenant, ClientID: clientID, ClientSecret: secret},
	}
	faults := []struct {
		name        string
		fault       emulator.TokenFault
		wantRefused bool
	}{
		{"an expired refresh token (AADSTS70008) is a refusal", emulator.TokenFault{Status: 400, AADSTS: 70008}, true},
		{"a wrong secret (401, AADSTS7000215) is a refusal", emulator.TokenFault{Status: 401, AADSTS: 7000215}, true},
		{"a 500 is an outage", emulator.TokenFault{Status: 500}, false},
		{"a 503 is an outage", emulator.TokenFault{Status: 503}, false},
		{"a 408 is an outage", emulator.TokenFault{Status: 408}, false},
		{"a 499 is a refusal", emulator.TokenFault{Status: 499}, true},
		{"a 429 is an outage", emulator.TokenFault{Status: 429}, false},
		{"a reset connection is an outage", emulator.TokenFault{Reset: true}, false},
		{"an endpoint that never answers is an outage", emulator.TokenFault{Hang: true}, false},
	}
	for kindName, cfg := range kinds {
		for _, tt := range faults {
			t.Run("with a "+kindName+", "+tt.name, func(t *testing.T) {
				t.Parallel()
				emu, srv, ep := identityServer(t, emulator.App{ClientSecret: secret})
				emu.InjectTokenFault(tt.fault)
				src, err := New(cfg, ep, srv.Client())
				if err != nil {
					t.Fatal(err)
				}
				// One attempt, soon abandoned: the outage is to reach the caller, not be retried.
				src.TokenSource.(*cachedSource).retry = renewPolicy{attempts: 1, fetchTimeout: 500 * time.Millisecond}
				c, err := partnercenter.New(partnercenter.Config{BaseURL: srv.URL, TokenSource: src, HTTPClient: srv.Client(), RetryMax: -1})
				if err != nil {
					t.Fatal(err)
				}
				ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
				defer cancel()
				_, err = c.GetCustomerBillingProfile(ctx, apiCustomer)
				var te *TokenError
				if !errors.As(err, &te) {
					t.Fatalf("err = %v, want a TokenError", err)
				}
				if got := partnercenter.IsCredentialRefused(err); got != tt.wantRefused {
					t.Errorf("IsCredentialRefused = %v, want %v for %v", got, tt.wantRefused, err)
				}
				if tt.fault.Hang && !errors.Is(err, context.DeadlineExceeded) {
					t.Errorf("err = %v, want it to say the deadline passed", err)
				}
			})
		}
	}
}

func TestUnusableSettingsAreRefusals(t *testing.T) {
	t.Parallel()
	t.Run("an OIDC token file that cannot be read is a refusal", func(t *testing.T) {
		t.Parallel()
		_, srv, ep := identityServer(t, emulator.App{FederatedSubject: "x"})
		src, err := New(Config{TenantID: tenant, ClientID: clientID, UseOIDC: true, OIDCTokenFilePath: filepath.Join(t.TempDir(), "missing")}, ep, srv.Client())
		if err != nil {
			t.Fatal(err)
		}
		_, err = quickRetries(src).Token(context.Background())
		if !partnercenter.IsCredentialRefused(err) {
			t.Errorf("IsCredentialRefused = false for %v", err)
		}
	})
}

func TestAnAzureCLIThatCannotSignInIsARefusal(t *testing.T) {
	dir := t.TempDir()
	script := "#!/bin/sh\necho \"ERROR: Please run 'az login' to setup account.\" >&2\nexit 1\n"
	if err := os.WriteFile(filepath.Join(dir, "az"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	src, err := New(Config{UseCLI: true}, Endpoints{Resource: "https://api.partnercenter.microsoft.com", AuthorityURL: "https://login.microsoftonline.com"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := quickRetries(src).Token(context.Background()); !partnercenter.IsCredentialRefused(err) {
		t.Errorf("IsCredentialRefused = false for %v", err)
	}
}
