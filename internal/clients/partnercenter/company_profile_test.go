// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

func TestACompanyProfileIsReadWhole(t *testing.T) {
	t.Parallel()
	c, _ := newEmulated(t)
	got, err := c.GetCustomerCompanyProfile(context.Background(), testCustomer)
	if err != nil {
		t.Fatal(err)
	}
	if got.TenantID != testCustomer || got.CompanyName != "Contoso Ltd" || got.Email != "avery.howard@contoso.example" ||
		got.Domain == "" || got.Address == nil || got.Address.City != "Redmond" || got.Address.PostalCode != "98052" {
		t.Errorf("company profile: %+v (address %+v)", got, got.Address)
	}
}

func TestACompanyProfileWithoutAdminRolesHasNoDomainEmailOrAddress(t *testing.T) {
	t.Parallel()
	c, emu := newEmulated(t)
	if err := emu.SetCompany(testCustomer, emulator.Company{Name: "Contoso Ltd", Domain: "contoso.onmicrosoft.com",
		WithoutAdminRoles: true}); err != nil {
		t.Fatal(err)
	}
	got, err := c.GetCustomerCompanyProfile(context.Background(), testCustomer)
	if err != nil {
		t.Fatal(err)
	}
	if got.CompanyName != "Contoso Ltd" || got.Domain != "" || got.Email != "" || got.Address != nil {
		t.Errorf("Partner Center left domain, email and address out; the client made up %+v", got)
	}
}

func TestACompanyProfileOfAnUnknownCustomerIsNotFound(t *testing.T) {
	t.Parallel()
	c, _ := newEmulated(t)
	_, err := c.GetCustomerCompanyProfile(context.Background(), customerID(9))
	if !IsCustomerNotFound(err) {
		t.Fatalf("want Partner Center's not-found, got %v", err)
	}
}

func TestACompanyProfileThatIsNotTheOneAskedForIsRefused(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, body, want string }{
		{"another customer's", fmt.Sprintf(`{"tenantId":%q,"companyName":"Fabrikam"}`, customerID(8)),
			"it is the company profile of customer " + customerID(8) + ", not of customer " + customerID(7)},
		{"an empty object", "{}", "it is no company profile: it has no tenantId"},
		{"a profile without a company name", fmt.Sprintf(`{"tenantId":%q}`, customerID(7)), "it has no companyName"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" answer is an error", func(t *testing.T) {
			t.Parallel()
			c, rec := newScripted(t, reply{status: 200, body: tt.body})
			got, err := c.GetCustomerCompanyProfile(context.Background(), customerID(7))
			assertAnswerError(t, err, http.MethodGet, rec.request(0), tt.want)
			if got != nil {
				t.Errorf("a profile was returned: %+v", got)
			}
		})
	}
}
