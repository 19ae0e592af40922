// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"
	"reflect"
	"testing"
)

func TestUpdateAgainstEmulatorKeepsFieldsTheClientDoesNotKnow(t *testing.T) {
	t.Parallel()
	c, emu := newEmulated(t)
	ctx := context.Background()
	before, _ := emu.Profile(testCustomer)

	p, err := c.GetCustomerBillingProfile(ctx, testCustomer)
	if err != nil {
		t.Fatal(err)
	}
	p.DefaultAddress.City = "Bellevue"
	updated, err := c.UpdateCustomerBillingProfile(ctx, testCustomer, p)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := emu.Profile(testCustomer)

	want := before
	want["defaultAddress"].(map[string]any)["city"] = "Bellevue"
	want["attributes"] = after["attributes"]
	if !reflect.DeepEqual(after, want) {
		t.Errorf("stored profile\n got %v\nwant %v", after, want)
	}
	if updated.ETag == p.ETag || updated.DefaultAddress.City != "Bellevue" {
		t.Errorf("the PUT's answer should be the new profile with a new ETag: %+v", updated)
	}
}

func TestUpdateWithStaleETagGetsPreconditionFailed(t *testing.T) {
	t.Parallel()
	c, emu := newEmulated(t)
	ctx := context.Background()
	p, err := c.GetCustomerBillingProfile(ctx, testCustomer)
	if err != nil {
		t.Fatal(err)
	}
	if err := emu.ChangeProfile(testCustomer, func(doc map[string]any) { doc["companyName"] = "Changed elsewhere" }); err != nil {
		t.Fatal(err)
	}
	p.Email = "mine@contoso.example"
	_, err = c.UpdateCustomerBillingProfile(ctx, testCustomer, p)
	if !IsPreconditionFailed(err) {
		t.Fatalf("err = %v, want 412", err)
	}
	if n := emu.Count("PUT", testCustomer); n != 1 {
		t.Errorf("%d PUTs, want 1: a 412 is not retried by the transport", n)
	}
	stored, _ := emu.Profile(testCustomer)
	if stored["companyName"] != "Changed elsewhere" || stored["email"] == "mine@contoso.example" {
		t.Errorf("the stale PUT changed the profile: %v", stored)
	}
}
