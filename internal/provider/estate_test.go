// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// estateCustomers is the number of customers an estate test seeds beside newTestEnv's own: with
// it, the emulator holds 1,002 customers, three pages of up to 500.
const (
	estateCustomers = 1001
	estatePages     = 3
)

// newEstateEnv is a testEnv whose emulator holds estateCustomers customers with distinct
// companies besides env.customerID. It returns every customer id of the emulator, nil against the
// real Partner Center, whose customers are whatever the partner has.
func newEstateEnv(t *testing.T) (*testEnv, []string) {
	t.Helper()
	env := newTestEnv(t)
	if env.emu == nil {
		return env, nil
	}
	ids, err := env.emu.SeedCustomers(estateCustomers)
	if err != nil {
		t.Fatal(err)
	}
	return env, append(ids, env.customerID)
}

// emulatorStateCheck runs check, against the emulator only, as a state check: a TestStep's Check
// cannot be used where resources have for_each keys, which its legacy state does not hold.
type emulatorStateCheck struct {
	env   *testEnv
	check func() error
}

func (c emulatorStateCheck) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if c.env.emu != nil {
		resp.Error = c.check()
	}
}

// expectListings checks that every listing the emulator served (one operation each, told apart by
// MS-CorrelationId) read exactly pages pages, each answered 200.
func (e *testEnv) expectListings(pages int) statecheck.StateCheck {
	return emulatorStateCheck{e, func() error {
		byOp := map[string]int{}
		for _, r := range e.emu.Requests() {
			if r.Path != "/v1/customers" {
				continue
			}
			if r.Status != http.StatusOK {
				return fmt.Errorf("a page was answered %d", r.Status)
			}
			byOp[r.CorrelationID]++
		}
		if len(byOp) == 0 {
			return fmt.Errorf("no customers were listed")
		}
		for op, n := range byOp {
			if n != pages {
				return fmt.Errorf("listing %s read %d pages, want %d", op, n, pages)
			}
		}
		return nil
	}}
}

// expectNoWrites checks that no PUT reached the emulator.
func (e *testEnv) expectNoWrites() statecheck.StateCheck {
	return emulatorStateCheck{e, func() error {
		if puts := e.emu.Count(http.MethodPut, ""); puts != 0 {
			return fmt.Errorf("%d PUTs were sent, want none", puts)
		}
		return nil
	}}
}

// idChecks expects exactly ids, in any order.
func idChecks(ids []string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(ids))
	for i, id := range ids {
		checks[i] = knownvalue.StringExact(id)
	}
	return knownvalue.SetExact(checks)
}
