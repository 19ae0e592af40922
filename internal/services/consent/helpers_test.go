// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package consent_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator/graphemu"
)

const (
	consentAddr = "partnercenter_customer_application_consent.app"
	appAdmin    = "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3"
	globalRead  = "f2ef992c-3afb-46b9-b7cf-a126ee74c451"
	psaApp      = "5d2b6c1e-7f3a-4e8b-9c0d-1a2b3c4d5e6f"
)

// withConsentRole gives the partner an active GDAP relationship with env's customer granting
// roles (Application Administrator by default), as the customer would approve it.
func withConsentRole(t *testing.T, env *acctest.Env, roles ...string) {
	t.Helper()
	if len(roles) == 0 {
		roles = []string{appAdmin}
	}
	id := acctest.SeedRelationship(t, env, acctest.SeededRelationship{Name: "Contoso apps", CustomerTenantID: env.CustomerID,
		Roles: roles, Lock: true})
	if err := env.Emulator.Graph().Approve(id, env.CustomerID, "Contoso"); err != nil {
		t.Fatal(err)
	}
}

// consentConfig is a consent of app in env's customer with scopes on Microsoft Graph, and extra
// lines (read_back, display_name) in the resource.
func consentConfig(env *acctest.Env, app string, scopes []string, extra ...string) string {
	quoted := make([]string, 0, len(scopes))
	for _, s := range scopes {
		quoted = append(quoted, fmt.Sprintf("%q", s))
	}
	return env.Config(fmt.Sprintf(`
resource "partnercenter_customer_application_consent" "app" {
  customer_id    = "%%[1]s"
  application_id = %q
  grants = [{
    resource_application_id = %q
    scopes                  = [%s]
  }]
  %s
}`, app, graphemu.GraphAppID, strings.Join(quoted, ", "), strings.Join(extra, "\n  ")))
}

// expectConsent checks the customer's tenant holds app's consent with exactly scopes on Graph.
func expectConsent(env *acctest.Env, app string, scopes ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		held, ok := env.Emulator.Graph().ConsentOf(env.CustomerID, app)
		if !ok {
			return fmt.Errorf("the tenant holds no consent of %s", app)
		}
		got := slices.Sorted(slices.Values(held[graphemu.GraphAppID]))
		if want := slices.Sorted(slices.Values(scopes)); !slices.Equal(got, want) || len(held) != 1 {
			return fmt.Errorf("the tenant grants %v, want %v on Graph alone", held, want)
		}
		return nil
	}
}

// expectNoConsent checks the customer's tenant holds no consent of app.
func expectNoConsent(env *acctest.Env, app string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if held, ok := env.Emulator.Graph().ConsentOf(env.CustomerID, app); ok {
			return fmt.Errorf("the tenant still holds the consent of %s: %v", app, held)
		}
		return nil
	}
}
