// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// Answers about another object than the one asked for, or that are not what was asked for at all,
// are errors, never values: a misrouting proxy or cache must not make the provider write one
// customer's profile into another's, nor an empty list read as an empty estate.

const otherCustomer = "9d1e6a3b-7c2f-4a5e-8b0d-1f2e3d4c5b6a"

// withSelfLink is profileJSON whose self link is uri ("" for none).
func withSelfLink(uri string) string {
	old := `"links":{"self":{"uri":"/v1/customers/` + testCustomer + `/profiles/billing","method":"GET","headers":[]}},`
	if uri == "" {
		return strings.Replace(profileJSON, old, "", 1)
	}
	return strings.Replace(profileJSON, old, `"links":{"self":{"uri":"`+uri+`","method":"GET","headers":[]}},`, 1)
}

func TestABillingProfileAboutAnotherCustomerIsRefused(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body, want string
	}{
		{"a self link naming another customer", withSelfLink("/v1/customers/" + otherCustomer + "/profiles/billing"),
			"it is the billing profile of customer " + otherCustomer + ", not of customer " + testCustomer},
		{"an absolute self link naming another customer", withSelfLink("https://api.partnercenter.microsoft.com/v1/customers/" + otherCustomer + "/profiles/billing"),
			"it is the billing profile of customer " + otherCustomer},
		{"a self link in Partner Center's PascalCase naming another customer",
			strings.Replace(withSelfLink("/customers/"+otherCustomer+"/profiles/billing"), `"links":{"self":{"uri"`, `"Links":{"Self":{"Uri"`, 1),
			"it is the billing profile of customer " + otherCustomer},
		{"a self link naming no customer (the partner's own profile)", withSelfLink("/v1/profiles/billing"),
			`its self link "/v1/profiles/billing" names no customer`},
		{"a self link that ends at the customers collection", withSelfLink("/v1/customers"), `its self link "/v1/customers" names no customer`},
		{"a self link with an empty customer", withSelfLink("/v1/customers//profiles/billing"), "names no customer"},
	}
	for _, tt := range tests {
		t.Run("a GET answered with "+tt.name+" is an error", func(t *testing.T) {
			t.Parallel()
			c, rec := newScripted(t, reply{status: 200, body: tt.body})
			p, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
			assertAnswerError(t, err, http.MethodGet, rec.request(0), tt.want)
			if p != nil {
				t.Errorf("a profile was returned: %+v", p)
			}
		})
		t.Run("a PUT answered with "+tt.name+" is an error that says the update may have been applied", func(t *testing.T) {
			t.Parallel()
			c, rec := newScripted(t, reply{status: 200, body: profileJSON}, reply{status: 200, body: tt.body})
			base, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
			if err != nil {
				t.Fatal(err)
			}
			p, err := c.UpdateCustomerBillingProfile(context.Background(), testCustomer, base)
			assertAnswerError(t, err, http.MethodPut, rec.request(1), tt.want)
			if p != nil || !strings.Contains(err.Error(), "may have been applied") {
				t.Errorf("profile %+v, err %v: want no profile and an error saying the update may have been applied", p, err)
			}
		})
	}
}

func TestABillingProfileOfTheCustomerAskedForIsTaken(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"its own self link":                       profileJSON,
		"its own self link in upper case":         withSelfLink("/v1/customers/" + strings.ToUpper(testCustomer) + "/profiles/billing"),
		"its own self link without the /v1":       withSelfLink("/customers/" + testCustomer + "/profiles/billing"),
		"no self link, which cannot tell":         withSelfLink(""),
		"a self link that is not a string at all": strings.Replace(withSelfLink(""), `"fieldAddedLater"`, `"links":{"self":7},"fieldAddedLater"`, 1),
	} {
		t.Run("a profile with "+name+" is taken", func(t *testing.T) {
			t.Parallel()
			c, _ := newScripted(t, reply{status: 200, body: body})
			if _, err := c.GetCustomerBillingProfile(context.Background(), testCustomer); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestACustomerAnswerThatIsNotTheCustomerAskedForIsRefused(t *testing.T) {
	t.Parallel()
	other, _ := json.Marshal(customerItem(8))
	twoTenants := customerItem(7)
	twoTenants["companyProfile"].(map[string]any)["tenantId"] = customerID(8)
	two, _ := json.Marshal(twoTenants)
	tests := []struct {
		name, body, want string
	}{
		{"another customer", string(other), "it is customer " + customerID(8) + ", not customer " + customerID(7)},
		{"an empty object", "{}", "it is not a customer: it has no id"},
		{"null", "null", "it is not a customer: it has no id"},
		{"a customer naming two tenants", string(two), "it names two tenants"},
		{"a customer whose company profile alone names it", fmt.Sprintf(`{"companyProfile":{"tenantId":%q}}`, customerID(8)),
			"it is customer " + customerID(8)},
		{"an id that is not a tenant id", `{"id":"contoso"}`, `its id "contoso" is not a tenant id`},
	}
	for _, tt := range tests {
		t.Run("an answer with "+tt.name+" is an error", func(t *testing.T) {
			t.Parallel()
			c, rec := newScripted(t, reply{status: 200, body: tt.body})
			got, err := c.GetCustomer(context.Background(), customerID(7))
			assertAnswerError(t, err, http.MethodGet, rec.request(0), tt.want)
			if got != nil {
				t.Errorf("a customer was returned: %+v", got)
			}
		})
	}
}

func TestACustomersAnswerThatIsNotAPageIsNeverAnEmptyEstate(t *testing.T) {
	t.Parallel()
	noID := customerItem(1)
	delete(noID, "id")
	delete(noID["companyProfile"].(map[string]any), "tenantId")
	withoutID, _ := json.Marshal(map[string]any{"totalCount": 2, "items": []any{customerItem(0), noID}})
	tests := []struct {
		name, body, want string
	}{
		{"an empty object", "{}", "it is not a page of customers: it has no items list"},
		{"null", "null", "it is not a page of customers: it has no items list"},
		{"items that are null", `{"totalCount":0,"items":null}`, "it is not a page of customers: it has no items list"},
		{"items that are an object", `{"items":{}}`, "decoding the response failed"},
		{"a bare array", "[]", "decoding the response failed"},
		{"an item without an id", string(withoutID), "item 2 of the page: it is not a customer: it has no id"},
	}
	for _, tt := range tests {
		t.Run("a first page of "+tt.name+" is an error", func(t *testing.T) {
			t.Parallel()
			c, rec := newScripted(t, reply{status: 200, body: tt.body})
			got, err := c.ListCustomers(context.Background(), CustomerFilter{})
			assertAnswerError(t, err, http.MethodGet, rec.request(0), tt.want)
			if got != nil {
				t.Errorf("customers were returned: %v", ids(got))
			}
		})
		t.Run("a later page of "+tt.name+" is an error", func(t *testing.T) {
			t.Parallel()
			c, rec := newScripted(t, page(span(0, 2), nextV1, HeaderContinuationToken, "t1"), reply{status: 200, body: tt.body})
			got, err := c.ListCustomers(context.Background(), CustomerFilter{})
			assertAnswerError(t, err, http.MethodGet, rec.request(1), tt.want)
			if got != nil {
				t.Errorf("customers were returned: %v", ids(got))
			}
		})
	}
}

func TestAnEmptyEstateIsAPageWithNoItems(t *testing.T) {
	t.Parallel()
	c, _ := newScripted(t, page(nil, ""))
	got, err := c.ListCustomers(context.Background(), CustomerFilter{})
	if err != nil || len(got) != 0 {
		t.Fatalf("customers %v, err %v: want none and no error", ids(got), err)
	}
}
