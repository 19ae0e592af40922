// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

const otherCustomer = "0b6fd2a5-2c8b-4f3e-9b7a-000000000001"

func TestEveryPageOfGDAPCustomersIsReadOnceEach(t *testing.T) {
	t.Parallel()
	c, emu, base := emulated(t)
	seed(t, base, "Contoso 1", customer)
	seed(t, base, "Contoso 2", customer) // a second relationship with the same customer lists it once
	seed(t, base, "Fabrikam", otherCustomer)
	seed(t, base, "Northwind", "9c1f0e3a-7d52-4b8e-a1c6-5e2f7b9d0a13")
	emu.Graph().SetPageSize(1)
	// Customers come by name, then tenant id: a named one after the unnamed, though Graph (and the
	// emulator) lists it first, in tenant id order.
	named := "00000001-7d52-4b8e-a1c6-5e2f7b9d0a13"
	seedNamed(t, base, named, "Adatum")

	got, err := c.ListDelegatedAdminCustomers(bounded(t))
	if err != nil {
		t.Fatal(err)
	}
	tenants := []string{}
	for _, g := range got {
		tenants = append(tenants, g.TenantID)
	}
	want := []string{otherCustomer, customer, "9c1f0e3a-7d52-4b8e-a1c6-5e2f7b9d0a13", named}
	if strings.Join(tenants, ",") != strings.Join(want, ",") {
		t.Errorf("GDAP customers %v, want %v", tenants, want)
	}
	pages := 0
	for _, r := range emu.Requests() {
		if r.Path == delegatedAdminCustomersPath {
			pages++
		}
	}
	if n := pages; n != 4 {
		t.Errorf("%d pages read, want 4 (one customer per page)", n)
	}
}

func TestOneGDAPCustomersServiceManagementDetailsAreRead(t *testing.T) {
	t.Parallel()
	c, _, base := emulated(t)
	seed(t, base, "Contoso", customer)
	one, err := c.GetDelegatedAdminCustomer(bounded(t), strings.ToUpper(customer))
	if err != nil || one.TenantID != customer {
		t.Fatalf("GetDelegatedAdminCustomer = %+v, %v", one, err)
	}
	details, err := c.ServiceManagementDetails(bounded(t), customer)
	if err != nil {
		t.Fatal(err)
	}
	if len(details) != 3 || details[0].ServiceName != "Azure portal" || !strings.Contains(details[0].ServiceManagementURL, customer) {
		t.Errorf("service management details: %+v", details)
	}
	_, err = c.GetDelegatedAdminCustomer(bounded(t), otherCustomer)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || !apiErr.IsNotFound() {
		t.Errorf("a customer without a relationship: %v, want Graph's not found", err)
	}
}

func TestAGDAPCustomerAnswerTheClientCannotTrustIsAnError(t *testing.T) {
	t.Parallel()
	one := func(status int, body string) []func(http.ResponseWriter, *http.Request) {
		return []func(http.ResponseWriter, *http.Request){page(status, body)}
	}
	tests := map[string]struct {
		answers []func(http.ResponseWriter, *http.Request)
		call    func(ctx context.Context, c *Client) error
		want    string
	}{
		"a list without value": {answers: one(200, `{}`), call: listCustomers,
			want: "it holds no value array, so it is no page of GDAP customers"},
		"a listed customer naming two tenants": {answers: one(200, `{"value": [{"id": "`+customer+`", "tenantId": "`+otherCustomer+`"}]}`),
			call: listCustomers, want: "names two tenants"},
		"a listed customer whose tenant is no GUID": {answers: one(200, `{"value": [{"id": "contoso"}]}`), call: listCustomers,
			want: `tenant id "contoso" is not a GUID`},
		"a listed customer without tenant": {answers: one(200, `{"value": [{"displayName": "Contoso"}]}`), call: listCustomers,
			want: "a GDAP customer without id or tenantId"},
		"another customer than the one asked for": {answers: one(200, `{"id": "`+otherCustomer+`", "tenantId": "`+otherCustomer+`"}`),
			call: getCustomer, want: "it describes GDAP customer " + otherCustomer + ", not " + customer},
		"a proxy's 404 page": {answers: one(404, `<html>not here</html>`), call: getCustomer, want: "HTTP 404 Not Found"},
		"a detail without its URL": {answers: one(200, `{"value": [{"id": "Office365", "serviceName": "Microsoft 365 admin center"}]}`),
			call: details, want: `a service management detail (id "Office365") without serviceName or serviceManagementUrl`},
		"details that are no list": {answers: one(200, `{"value": {}}`), call: details, want: "decoding the response failed"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(&hostile{answers: tt.answers})
			t.Cleanup(srv.Close)
			err := tt.call(bounded(t), newClient(t, srv.URL))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v; want an error saying %q", err, tt.want)
			}
			var apiErr *APIError
			if errors.As(err, &apiErr) && apiErr.IsNotFound() {
				t.Errorf("a 404 without Graph's error body is taken for Graph's own not found: %v", err)
			}
		})
	}
}

func listCustomers(ctx context.Context, c *Client) error {
	got, err := c.ListDelegatedAdminCustomers(ctx)
	return answerOrNone(len(got), err)
}

func getCustomer(ctx context.Context, c *Client) error {
	got, err := c.GetDelegatedAdminCustomer(ctx, customer)
	return answerOrNone(boolInt(got != nil), err)
}

func details(ctx context.Context, c *Client) error {
	got, err := c.ServiceManagementDetails(ctx, customer)
	return answerOrNone(len(got), err)
}

// answerOrNone is err, or an error when the call handed out an answer beside it.
func answerOrNone(items int, err error) error {
	if err != nil && items > 0 {
		return errors.New("an answer was handed out beside the error: " + err.Error())
	}
	return err
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// seedNamed creates a relationship naming customer tenant by name, through Graph's API.
func seedNamed(t *testing.T, base, tenant, name string) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"displayName": name + " relationship", "duration": "P730D",
		"customer":      map[string]string{"tenantId": tenant, "displayName": name},
		"accessDetails": map[string]any{"unifiedRoles": []map[string]string{{"roleDefinitionId": readerRole}}}})
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, base+relationshipsPath, bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+graphToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("seeding %s: %d", name, resp.StatusCode)
	}
}
