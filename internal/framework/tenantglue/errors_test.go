// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package tenantglue

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/credential"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

const tenant = "3fa85f64-5717-4562-b3fc-2c963f66afa6"

var read = framework.Subject{Action: "read", Object: "the consent of application x in customer " + tenant}

func TestAReadTheTenantRefusesOffersTheTrustChoice(t *testing.T) {
	t.Parallel()
	for name, err := range map[string]error{
		"Graph's 403 in the tenant": &graph.APIError{StatusCode: 403, Code: "Authorization_RequestDenied"},
		"Graph's 401 in the tenant": &graph.APIError{StatusCode: 401, Code: "InvalidAuthenticationToken"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			summary, hint := Explain(tenant, read, fmt.Errorf("reading: %w", err))
			if summary != "Cannot read customer tenant "+tenant || !strings.Contains(hint, TrustChoice) ||
				!strings.Contains(hint, "Application.Read.All") {
				t.Errorf("%q: %q", summary, hint)
			}
		})
	}
}

func TestATokenRefusedInTheTenantSaysWhatItNeeds(t *testing.T) {
	t.Parallel()
	s, err := credential.NewSources(credential.Config{AccessToken: "x"}, credential.Endpoints{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, tokenErr := s.CustomerTenants.Source(tenant).Token(t.Context())
	summary, hint := Explain(tenant, read, tokenErr)
	if !strings.Contains(summary, "token") || !strings.Contains(hint, "customer tenant "+tenant) || !strings.Contains(hint, TrustChoice) {
		t.Errorf("%q: %q", summary, hint)
	}
	if NotConsented(tokenErr) {
		t.Error("a static token's refusal is taken for Entra ID's answer that the app is not consented")
	}
}

func TestOnlyEntraIDsNotConsentedSaysSo(t *testing.T) {
	t.Parallel()
	if !NotConsented(fmt.Errorf("x: %w", &credential.TokenError{Code: 65001, Err: errors.New("AADSTS65001")})) {
		t.Error("AADSTS65001 is not read as not consented")
	}
	if NotConsented(&credential.TokenError{Code: 70008, Err: errors.New("AADSTS70008")}) || NotConsented(errors.New("65001")) {
		t.Error("another refusal is read as not consented")
	}
}

func TestOtherFailuresAreExplainedAsGraphs(t *testing.T) {
	t.Parallel()
	summary, _ := Explain(tenant, read, &graph.APIError{StatusCode: 429, Code: "TooManyRequests"})
	want, _ := framework.ExplainThrottled("Microsoft Graph")
	if summary != want {
		t.Errorf("summary %q, want Graph's throttling explained: %q", summary, want)
	}
}
