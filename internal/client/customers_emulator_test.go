package client

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

func TestListCustomersAgainstEmulatorReturnsEveryCustomerOnce(t *testing.T) {
	t.Parallel()
	emu := emulator.New(testToken)
	seeded, err := emu.SeedCustomers(1001)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	c := newTestClient(t, srv.URL)

	got, err := c.ListCustomers(context.Background(), CustomerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]Customer{}
	for _, cust := range got {
		listed[cust.ID] = cust
	}
	if len(got) != len(seeded) || len(listed) != len(seeded) {
		t.Fatalf("%d customers (%d distinct), want %d", len(got), len(listed), len(seeded))
	}
	for _, id := range seeded {
		want, _ := emu.Company(id)
		if cust := listed[id]; cust.CompanyName != want.Name || cust.Domain != want.Domain || cust.RelationshipToPartner != want.Relationship {
			t.Errorf("customer %s listed as %+v, emulator holds %+v", id, cust, want)
		}
	}
	if pages := emu.Count("GET", ""); pages != 3 {
		t.Errorf("%d list requests, want 3 pages of up to 500", pages)
	}

	one, err := c.GetCustomer(context.Background(), seeded[7])
	if err != nil || *one != listed[seeded[7]] {
		t.Errorf("GetCustomer = %+v, %v; want %+v as listed", one, err, listed[seeded[7]])
	}
}

func TestListCustomersAgainstEmulatorFilters(t *testing.T) {
	t.Parallel()
	emu := emulator.New(testToken)
	seeded, err := emu.SeedCustomers(200)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	c := newTestClient(t, srv.URL)
	tests := map[string]CustomerFilter{
		"a company name prefix":   {CompanyNamePrefix: "northwind"},
		"a domain prefix":         {DomainPrefix: "WOODGROVE001"},
		"both prefixes at once":   {CompanyNamePrefix: "Alpine", DomainPrefix: "alpineskihouse000"},
		"prefixes nobody matches": {CompanyNamePrefix: "Alpine", DomainPrefix: "contoso"},
	}
	for name, f := range tests {
		t.Run("it lists by "+name, func(t *testing.T) {
			want := 0
			for _, id := range seeded {
				co, _ := emu.Company(id)
				if hasPrefixFold(co.Name, f.CompanyNamePrefix) && hasPrefixFold(co.Domain, f.DomainPrefix) {
					want++
				}
			}
			got, err := c.ListCustomers(context.Background(), f)
			if err != nil {
				t.Fatal(err)
			}
			for _, cust := range got {
				if !strings.HasPrefix(strings.ToLower(cust.CompanyName), strings.ToLower(f.CompanyNamePrefix)) ||
					!strings.HasPrefix(strings.ToLower(cust.Domain), strings.ToLower(f.DomainPrefix)) {
					t.Errorf("%+v does not match", cust)
				}
			}
			if len(got) != want {
				t.Errorf("%d customers, want %d", len(got), want)
			}
		})
	}
}
