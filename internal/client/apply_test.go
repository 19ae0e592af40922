package client

import (
	"context"
	"errors"
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

func setEmail(p *BillingProfile) { p.Email = "finance@contoso.example" }

func TestApplyMergesOverAConcurrentChangeAndKeepsIt(t *testing.T) {
	t.Parallel()
	c, emu := newEmulated(t)
	ctx := context.Background()
	base, err := c.GetCustomerBillingProfile(ctx, testCustomer)
	if err != nil {
		t.Fatal(err)
	}
	emu.Inject(emulator.Fault{Method: "PUT", Mutate: func(p map[string]any) { p["culture"] = "fr-FR" }})

	got, err := c.ApplyCustomerBillingProfile(ctx, testCustomer, base, setEmail)
	if err != nil {
		t.Fatal(err)
	}
	if got.Email != "finance@contoso.example" || got.Culture != "fr-FR" {
		t.Errorf("email %q culture %q: want the change and the other writer's culture", got.Email, got.Culture)
	}
	if puts, gets := emu.Count("PUT", ""), emu.Count("GET", ""); puts != 2 || gets != 2 {
		t.Errorf("%d PUTs and %d GETs, want 2 and 2 (first read, re-read after the 412)", puts, gets)
	}
}

func TestApplySendsNothingWhenNothingChanges(t *testing.T) {
	t.Parallel()
	c, emu := newEmulated(t)
	base, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.ApplyCustomerBillingProfile(context.Background(), testCustomer, base, func(*BillingProfile) {})
	if err != nil || got != base {
		t.Fatalf("got %v, %v", got, err)
	}
	if n := emu.Count("PUT", ""); n != 0 {
		t.Errorf("%d PUTs, want none", n)
	}
}

func TestApplyTreatsAlreadyAppliedChangeAsSuccess(t *testing.T) {
	t.Parallel()
	c, emu := newEmulated(t)
	base, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
	if err != nil {
		t.Fatal(err)
	}
	// As when a PUT succeeded but its answer was lost and the repeat meets a 412: the profile
	// already holds what the caller wants.
	if err := emu.ChangeProfile(testCustomer, func(p map[string]any) { p["email"] = "finance@contoso.example" }); err != nil {
		t.Fatal(err)
	}
	got, err := c.ApplyCustomerBillingProfile(context.Background(), testCustomer, base, setEmail)
	if err != nil || got.Email != "finance@contoso.example" {
		t.Fatalf("got %v, %v", got, err)
	}
	if n := emu.Count("PUT", ""); n != 1 {
		t.Errorf("%d PUTs, want only the one that met 412", n)
	}
}

func TestApplyGivesUpWhenAnotherWriterNeverStops(t *testing.T) {
	t.Parallel()
	c, emu := newEmulated(t)
	base, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	emu.Inject(emulator.Fault{Method: "PUT", Times: 100, Mutate: func(p map[string]any) { n++; p["companyName"] = "Writer " + string(rune('A'+n)) }})
	c.conflict.attempts = 3
	_, err = c.ApplyCustomerBillingProfile(context.Background(), testCustomer, base, setEmail)
	var conflict *ConflictError
	if !errors.As(err, &conflict) || conflict.Attempts != 3 || !IsPreconditionFailed(err) {
		t.Fatalf("err = %v, want a ConflictError after 3 attempts that unwraps to the 412", err)
	}
	if puts := emu.Count("PUT", ""); puts != 3 {
		t.Errorf("%d PUTs, want 3", puts)
	}
}
