// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sync/atomic"
	"testing"

	"github.com/google/uuid"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// Answers that are not what was asked for, through terraform: a list that is not a list is not an
// empty estate, and an answer about another customer is never used.

func TestAccOnboarding_aCustomersAnswerThatIsNotAListForgetsNobody(t *testing.T) {
	t.Parallel()
	bodies := map[string]string{
		"an empty object":         `{}`,
		"null":                    `null`,
		"items that are null":     `{"totalCount":0,"items":null}`,
		"an item without an id":   `{"totalCount":1,"items":[{"companyProfile":{"companyName":"Nameless"}}]}`,
		"a list in another shape": `{"value":[]}`,
	}
	for name, body := range bodies {
		t.Run("an answer of "+name+" fails the plan and forgets nobody", func(t *testing.T) {
			t.Parallel()
			env := acctest.NewSmallEstateEnv(t, 3)
			workDir := t.TempDir()
			env.Run(t, resource.TestCase{
				WorkingDir: workDir,
				Steps: []resource.TestStep{
					{Config: env.Config(onboardingConfig(""))},
					{
						PreConfig: func() {
							env.Emulator.Inject(emulator.Fault{Method: http.MethodGet, Path: "/v1/customers", Times: 100, Status: http.StatusOK,
								ContentType: "application/json", Body: body})
						},
						Config:      env.Config(onboardingConfig("")),
						ExpectError: acctest.DiagnosticPattern("Unusable answer from Partner Center", "not usable as the partner's customer list", "used nothing of it", "HTTP 200 OK", acctest.PartnerCenterRequestIDs),
					},
					{
						// Still four profiles in state: the failed plan forgot none of them.
						PreConfig: func() {
							env.Emulator.ClearFaults()
							forgetOnboarded(t, workDir)()
						},
						Config: env.Config(onboardingData("")),
					},
				},
			})
		})
	}
}

// A listing that offers empty pages without end, each with a fresh continuation token, is cut
// short after a few pages, not at the end of a timeout, and its error gives no advice about a
// timeouts block the data source does not have.
func TestAccCustomersDataSource_emptyPagesWithoutEndFailAtOnce(t *testing.T) {
	t.Parallel()
	var pages atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := pages.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"totalCount": 0, "items": []any{}, "links": map[string]any{"next": map[string]any{
			"uri": "/v1/customers?seekOperation=Next", "method": "GET",
			"headers": []any{map[string]any{"key": "MS-ContinuationToken", "value": fmt.Sprintf("token-%d", n)}}}}})
	}))
	t.Cleanup(srv.Close)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf("provider \"partnercenter\" {\n  base_url     = %q\n  access_token = \"t\"\n}\n"+
				"data \"partnercenter_customers\" \"estate\" {}\n", srv.URL),
			ExpectError: acctest.DiagnosticPattern("Could not page through the customer list", "page 4: the last 3 pages brought no customer not listed before"),
		}},
	})
	if n := pages.Load(); n != 3 {
		t.Errorf("%d pages were read, want 3 empty ones", n)
	}
}

// otherCustomerProfile is, as JSON, the billing profile of another customer the emulator holds.
func otherCustomerProfile(t *testing.T, env *acctest.Env) string {
	t.Helper()
	other := uuid.NewString()
	if err := env.Emulator.SeedDefaultCustomer(other); err != nil {
		t.Fatal(err)
	}
	p, _ := env.Emulator.Profile(other)
	p["companyName"] = "Fabrikam, the other customer"
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAccBillingProfile_aProfileOfAnotherCustomerIsNeverWritten(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	other := otherCustomerProfile(t, env)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{Config: env.Config(companyConfig("Contoso", ""))},
		{
			// A misrouting proxy answers every read of this customer's profile with another's.
			PreConfig: func() {
				env.Emulator.ResetRequests()
				env.Emulator.Inject(emulator.Fault{Method: http.MethodGet, CustomerID: env.CustomerID, Times: 100, Status: http.StatusOK,
					ContentType: "application/json", Body: other})
			},
			Config: env.Config(companyConfig("Contoso Renamed", "")),
			ExpectError: acctest.DiagnosticPattern("Unusable answer from Partner Center", "wrote nothing from it",
				"it is the billing profile of customer", "not of customer "+env.CustomerID, acctest.PartnerCenterRequestIDs),
		},
	}, CheckDestroy: func(*terraform.State) error {
		if n := env.Emulator.Count(http.MethodPut, ""); n != 0 {
			return fmt.Errorf("%d PUTs were sent after the answer about another customer, want none", n)
		}
		stored, _ := env.Emulator.Profile(env.CustomerID)
		if stored["companyName"] != "Contoso" {
			return fmt.Errorf("Partner Center holds company name %v, want Contoso", stored["companyName"])
		}
		return nil
	}})
}

func TestAccCustomerDataSource_anAnswerAboutAnotherCustomerIsRefused(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		body func(env *acctest.Env, other string) string
		want string
	}{
		"another customer": {
			body: func(_ *acctest.Env, other string) string {
				return fmt.Sprintf(`{"id":%q,"companyProfile":{"tenantId":%q,"companyName":"Fabrikam"}}`, other, other)
			},
			want: "it is customer %[2]s, not customer %[1]s",
		},
		"an empty object": {body: func(*acctest.Env, string) string { return "{}" }, want: "it is not a customer: it has no id%.0[2]s"},
	}
	for name, tt := range tests {
		t.Run("an answer of "+name+" is an error naming the customer asked for", func(t *testing.T) {
			t.Parallel()
			env := acctest.NewEnv(t)
			env.NeedsEmulator(t)
			other := uuid.NewString()
			env.Emulator.Inject(emulator.Fault{Method: http.MethodGet, Path: "/v1/customers/" + env.CustomerID, Times: 100, Status: http.StatusOK,
				ContentType: "application/json", Body: tt.body(env, other)})
			env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
				Config: env.Config("data \"partnercenter_customer\" \"x\" {\n  customer_id = \"%[1]s\"\n}\n"),
				ExpectError: acctest.DiagnosticPattern("Unusable answer from Partner Center", "not usable as customer "+env.CustomerID,
					regexp.QuoteMeta(fmt.Sprintf(tt.want, env.CustomerID, other)), acctest.PartnerCenterRequestIDs),
			}}})
		})
	}
}
