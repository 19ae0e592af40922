// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"
	"slices"
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
	srv := serve(t, emu)
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
	srv := serve(t, emu)
	c := newTestClient(t, srv.URL)
	tests := []struct {
		name    string
		filter  CustomerFilter
		matches bool // whether some seeded customer matches
	}{
		{"a company name prefix in another case", CustomerFilter{CompanyNamePrefix: "northwind"}, true},
		{"a domain prefix in another case", CustomerFilter{DomainPrefix: "WOODGROVEBANK001"}, true},
		{"both prefixes at once", CustomerFilter{CompanyNamePrefix: "Alpine", DomainPrefix: "alpineskihouse000"}, true},
		{"prefixes nobody matches", CustomerFilter{CompanyNamePrefix: "Alpine", DomainPrefix: "contoso"}, false},
	}
	for _, tt := range tests {
		t.Run("it lists by "+tt.name, func(t *testing.T) {
			t.Parallel()
			lower := strings.ToLower
			var want []string
			for _, id := range seeded {
				co, _ := emu.Company(id)
				if strings.HasPrefix(lower(co.Name), lower(tt.filter.CompanyNamePrefix)) && strings.HasPrefix(lower(co.Domain), lower(tt.filter.DomainPrefix)) {
					want = append(want, id)
				}
			}
			if (len(want) > 0) != tt.matches {
				t.Fatalf("%d seeded customers match, want some: %v", len(want), tt.matches)
			}
			got, err := c.ListCustomers(context.Background(), tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			listed := ids(got)
			slices.Sort(listed)
			slices.Sort(want)
			if !slices.Equal(listed, want) {
				t.Errorf("listed %v, want %v", listed, want)
			}
		})
	}
}

func TestListCustomersReadsNoPageAfterTheLimit(t *testing.T) {
	t.Parallel()
	emu := emulator.New(testToken)
	seeded, err := emu.SeedCustomers(1200)
	if err != nil {
		t.Fatal(err)
	}
	c := newTestClient(t, serve(t, emu).URL)
	all, err := c.ListCustomers(context.Background(), CustomerFilter{})
	if err != nil || len(all) != len(seeded) {
		t.Fatalf("%d customers, %v; want %d", len(all), err, len(seeded))
	}
	for _, tt := range []struct{ limit, pages int }{{1, 1}, {500, 1}, {501, 2}, {1000, 2}, {1200, 3}, {5000, 3}} {
		before := emu.Count("GET", "")
		got, err := c.ListCustomers(context.Background(), CustomerFilter{Limit: tt.limit})
		if err != nil {
			t.Fatal(err)
		}
		if want := all[:min(tt.limit, len(all))]; !slices.Equal(got, want) {
			t.Errorf("limit %d: %d customers, want the first %d as listed", tt.limit, len(got), len(want))
		}
		if pages := emu.Count("GET", "") - before; pages != tt.pages {
			t.Errorf("limit %d: %d pages read, want %d", tt.limit, pages, tt.pages)
		}
	}
}
