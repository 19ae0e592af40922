// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package tenantglue

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/credential"
)

// answers are what each tenant's read meets.
var answers = map[string]error{
	"a": nil,
	"b": &credential.TokenError{Code: 65001, Err: errors.New("AADSTS65001"), Kind: credential.KindRefreshToken},
	"c": &graph.APIError{StatusCode: 403, Code: "Authorization_RequestDenied"},
}

func readAnswer(_ context.Context, tenant string) (string, error) {
	if err := answers[tenant]; err != nil {
		return "", err
	}
	return "held by " + tenant, nil
}

func TestTenantReadsTellLackingUnreadableAndRead(t *testing.T) {
	t.Parallel()
	tenants := []string{"c", "b", "a"}
	reads, failed, err := ReadTenants(t.Context(), tenants, 2, true, readAnswer)
	if err != nil || failed != "" {
		t.Fatal(failed, err)
	}
	if reads.Read["a"] != "held by a" || len(reads.Read) != 1 {
		t.Errorf("read %v", reads.Read)
	}
	// AADSTS65001 is a refusal too: a tenant lacks the provider's own app only when it was asked about.
	if !slices.Equal(reads.NotConsented, []string{"b"}) || !slices.Equal(reads.Unreadable, []string{"c"}) {
		t.Errorf("not consented %v, unreadable %v", reads.NotConsented, reads.Unreadable)
	}
	other, _, _ := ReadTenants(t.Context(), tenants, 2, false, readAnswer)
	if len(other.NotConsented) != 0 || !slices.Equal(other.Unreadable, []string{"b", "c"}) {
		t.Errorf("without the own app: not consented %v, unreadable %v", other.NotConsented, other.Unreadable)
	}
}

func TestAnotherFailureEndsTheReadsNamingItsTenant(t *testing.T) {
	t.Parallel()
	outage := errors.New("connection reset")
	reads, failed, err := ReadTenants(t.Context(), []string{"a", "d"}, 1, true, func(ctx context.Context, tenant string) (string, error) {
		if tenant == "d" {
			return "", outage
		}
		return readAnswer(ctx, tenant)
	})
	if !errors.Is(err, outage) || failed != "d" || reads.Read != nil {
		t.Errorf("reads %v, failed %q, err %v: want the outage of d and nothing read", reads, failed, err)
	}
}
