// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"
	"sync"
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

func TestCountryRulesAreFetchedOncePerCountry(t *testing.T) {
	t.Parallel()
	c, emu := newEmulated(t)
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			r, err := c.CountryValidationRules(context.Background(), "us")
			if err != nil || !r.IsStateRequired || r.PostalCodeRegex == "" {
				t.Errorf("rules %+v, %v", r, err)
			}
		})
	}
	wg.Wait()
	if _, err := c.CountryValidationRules(context.Background(), "DE"); err != nil {
		t.Fatal(err)
	}
	if n := emu.Count("GET", ""); n != 2 {
		t.Errorf("%d rule requests for two countries asked eleven times, want 2", n)
	}
}

func TestCountryRulesFailureIsRetriedOnTheNextCall(t *testing.T) {
	t.Parallel()
	c, emu := newEmulated(t)
	c = withoutRetries(t, c)
	emu.Inject(emulator.Fault{Method: "GET", Status: 503})
	if _, err := c.CountryValidationRules(context.Background(), "US"); err == nil {
		t.Fatal("a 503 gave rules")
	}
	if _, err := c.CountryValidationRules(context.Background(), "US"); err != nil {
		t.Fatalf("the failure was cached: %v", err)
	}
}

func TestValidateAddressReadsStatusAndSuggestions(t *testing.T) {
	t.Parallel()
	c, emu := newEmulated(t)
	emu.SetAddressVerdict("1 Microsoft Way", AddressStreetPartial, "Street matched partially.",
		map[string]string{"addressLine1": "One Microsoft Way", "city": "Redmond", "state": "WA", "postalCode": "98052", "country": "US"})
	v, err := c.ValidateAddress(context.Background(), PostalAddress{AddressLine1: "1 Microsoft Way", City: "Redmond", State: "WA", PostalCode: "98052", Country: "US"})
	if err != nil {
		t.Fatal(err)
	}
	if v.Status != AddressStreetPartial || len(v.Suggested) != 1 || v.Suggested[0].String() != "One Microsoft Way, Redmond, WA 98052, US" {
		t.Errorf("verdict %+v", v)
	}
	v, err = c.ValidateAddress(context.Background(), PostalAddress{AddressLine1: "1 Main St", City: "Redmond", State: "WA", PostalCode: "9805", Country: "US"})
	if err != nil || v.Status != AddressNone {
		t.Errorf("a postal code the rules reject: %+v, %v", v, err)
	}
}
