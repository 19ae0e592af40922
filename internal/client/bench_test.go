package client

import (
	"context"
	"testing"
)

// BenchmarkGetCustomerBillingProfile measures one GET against the emulator on loopback: the
// client's own cost per call (headers, logging, retry layer, BOM, decoding).
func BenchmarkGetCustomerBillingProfile(b *testing.B) {
	c, _ := newEmulated(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.GetCustomerBillingProfile(ctx, testCustomer); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApplyCustomerBillingProfile measures a change written over a read profile: one PUT.
func BenchmarkApplyCustomerBillingProfile(b *testing.B) {
	c, _ := newEmulated(b)
	ctx := context.Background()
	base, err := c.GetCustomerBillingProfile(ctx, testCustomer)
	if err != nil {
		b.Fatal(err)
	}
	names := []string{"Contoso", "Fabrikam"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if base, err = c.ApplyCustomerBillingProfile(ctx, testCustomer, base, func(p *BillingProfile) { p.CompanyName = names[i%2] }); err != nil {
			b.Fatal(err)
		}
	}
}
