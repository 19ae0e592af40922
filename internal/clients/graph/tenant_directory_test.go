// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graph

import (
	"context"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator/graphemu"
)

const (
	partnerApp    = "8f2d1c3b-4a5e-4f60-9a7b-1c2d3e4f5a6b"
	customerToken = "customer-tenant-token"
)

// inCustomerTenant is a client of Graph in customer's tenant (CustomerTenants), on an emulator in
// which the partner's app may be consented there.
func inCustomerTenant(t *testing.T) (*Client, *Client, *emulator.Server) {
	t.Helper()
	partner, emu, base := emulated(t)
	emu.AddCustomerGraphToken(customerToken, customer)
	tenants := NewCustomerTenants(Config{BaseURL: base}, func(tenant string) transport.TokenSource {
		if tenant != customer {
			t.Errorf("a token of tenant %s was asked for", tenant)
		}
		return transport.StaticToken(customerToken)
	}, "")
	c, err := tenants.Client(strings.ToUpper(customer))
	if err != nil {
		t.Fatal(err)
	}
	return c, partner, emu
}

func TestAConsentIsReadInTheCustomersTenantAlone(t *testing.T) {
	t.Parallel()
	c, partner, emu := inCustomerTenant(t)
	none, err := c.ApplicationConsent(bounded(t), partnerApp)
	if err != nil || none != nil {
		t.Fatalf("before consent: %+v, %v; want none", none, err)
	}
	if err := emu.Graph().Consent(customer, partnerApp, "Partner automation",
		map[string][]string{graphemu.GraphAppID: {"Directory.Read.All", "User.Read.All"}}); err != nil {
		t.Fatal(err)
	}
	got, err := c.ApplicationConsent(bounded(t), strings.ToUpper(partnerApp))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{graphemu.GraphAppID: {"Directory.Read.All", "User.Read.All"}}
	if got == nil || got.ServicePrincipalID == "" || got.DisplayName != "Partner automation" || !reflect.DeepEqual(got.Scopes, want) {
		t.Errorf("consent %+v, want scopes %v", got, want)
	}
	if other, err := partner.ApplicationConsent(bounded(t), partnerApp); err != nil || other != nil {
		t.Errorf("the partner's own tenant shows the customer's consent: %+v, %v", other, err)
	}
	for _, r := range emu.Requests() {
		if strings.HasPrefix(r.Path, servicePrincipalsPath) && r.TokenHash != emulator.TokenHash(customerToken) &&
			r.TokenHash != emulator.TokenHash(graphToken) {
			t.Errorf("%s %s carried another token", r.Method, r.Path)
		}
	}
}

func TestATenantsAnswerTheClientCannotTrustIsAnError(t *testing.T) {
	t.Parallel()
	sp := `{"id": "sp1", "appId": "` + partnerApp + `", "displayName": "App"}`
	tests := map[string]struct {
		answers []func(http.ResponseWriter, *http.Request)
		want    string
	}{
		"service principals that are no list": {answers: []func(http.ResponseWriter, *http.Request){page(200, `{}`)},
			want: "it holds no value array"},
		"another application's service principal": {answers: []func(http.ResponseWriter, *http.Request){
			page(200, `{"value": [{"id": "sp2", "appId": "`+graphemu.GraphAppID+`"}]}`)},
			want: "not of " + partnerApp + " that was asked for"},
		"a service principal without its appId": {answers: []func(http.ResponseWriter, *http.Request){
			page(200, `{"value": [{"id": "sp1"}]}`)},
			want: `the service principal "sp1" lacks its id or appId`},
		"two service principals of the application": {answers: []func(http.ResponseWriter, *http.Request){
			page(200, `{"value": [`+sp+`, `+strings.Replace(sp, "sp1", "sp9", 1)+`]}`)},
			want: "Microsoft Graph lists 2, where a tenant holds one"},
		"another client's grant": {answers: []func(http.ResponseWriter, *http.Request){page(200, `{"value": [`+sp+`]}`),
			page(200, `{"value": [{"id": "g1", "clientId": "sp2", "resourceId": "r1", "scope": "A"}]}`)},
			want: "grant g1 of service principal sp2, not of sp1"},
		"a grant without scope": {answers: []func(http.ResponseWriter, *http.Request){page(200, `{"value": [`+sp+`]}`),
			page(200, `{"value": [{"id": "g1", "clientId": "sp1", "resourceId": "r1"}]}`)},
			want: "without its id, resourceId or scope"},
		"a proxy's page for the resource": {answers: []func(http.ResponseWriter, *http.Request){page(200, `{"value": [`+sp+`]}`),
			page(200, `{"value": [{"id": "g1", "clientId": "sp1", "consentType": "AllPrincipals", "resourceId": "r1", "scope": "A"}]}`),
			page(404, `<html>gone</html>`)},
			want: "reading the resource application of grant g1"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(&hostile{answers: tt.answers})
			t.Cleanup(srv.Close)
			got, err := newClient(t, srv.URL).ApplicationConsent(context.Background(), partnerApp)
			if err == nil || !strings.Contains(err.Error(), tt.want) || got != nil {
				t.Errorf("ApplicationConsent = %+v, %v; want no consent and an error saying %q", got, err, tt.want)
			}
		})
	}
}

func TestAGrantForOneUserIsNoConsent(t *testing.T) {
	t.Parallel()
	sp := `{"id": "sp1", "appId": "` + partnerApp + `", "displayName": "App"}`
	srv := httptest.NewServer(&hostile{answers: []func(http.ResponseWriter, *http.Request){page(200, `{"value": [`+sp+`]}`),
		page(200, `{"value": [{"id": "g1", "clientId": "sp1", "consentType": "Principal", "resourceId": "r1", "scope": "Mail.Read"}]}`)}})
	t.Cleanup(srv.Close)
	got, err := newClient(t, srv.URL).ApplicationConsent(context.Background(), partnerApp)
	if err != nil || got == nil || len(got.Scopes) != 0 {
		t.Errorf("ApplicationConsent = %+v, %v; want the service principal without grants", got, err)
	}
}
