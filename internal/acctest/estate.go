// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// EstateCustomers is the number of customers an estate test seeds beside NewEnv's own: with
// it, the emulator holds 1,002 customers, three pages of up to 500.
const (
	EstateCustomers = 1001
	EstatePages     = 3
)

// NewEstateEnv is an Env whose emulator holds EstateCustomers customers with distinct
// companies besides env.CustomerID. It returns every customer id of the emulator, nil against the
// real Partner Center, whose customers are whatever the partner has.
func NewEstateEnv(t *testing.T) (*Env, []string) {
	t.Helper()
	env := NewEnv(t)
	if env.Emulator == nil {
		return env, nil
	}
	ids, err := env.Emulator.SeedCustomers(EstateCustomers)
	if err != nil {
		t.Fatal(err)
	}
	return env, append(ids, env.CustomerID)
}

// EmulatorStateCheck runs check, against the emulator only, as a state check: a TestStep's Check
// cannot be used where resources have for_each keys, which its legacy state does not hold.
type EmulatorStateCheck struct {
	env   *Env
	check func() error
}

// EmulatorOnly is check as a state check that runs against the emulator only.
func EmulatorOnly(e *Env, check func() error) EmulatorStateCheck {
	return EmulatorStateCheck{e, check}
}

// CheckState runs the check against the emulator.
func (c EmulatorStateCheck) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if c.env.Emulator != nil {
		resp.Error = c.check()
	}
}

// ExpectListings checks that every listing the emulator served (one operation each, told apart by
// MS-CorrelationId) read exactly pages pages, each answered 200.
func (e *Env) ExpectListings(pages int) statecheck.StateCheck {
	return EmulatorStateCheck{e, func() error {
		byOp := map[string]int{}
		for _, r := range e.Emulator.Requests() {
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

// IDChecks expects exactly ids, in any order.
func IDChecks(ids []string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(ids))
	for i, id := range ids {
		checks[i] = knownvalue.StringExact(id)
	}
	return knownvalue.SetExact(checks)
}

// NewSmallEstateEnv is an Env whose emulator holds n customers besides env.CustomerID.
func NewSmallEstateEnv(t *testing.T, n int) *Env {
	t.Helper()
	env := NewEnv(t)
	env.NeedsEmulator(t)
	if _, err := env.Emulator.SeedCustomers(n); err != nil {
		t.Fatal(err)
	}
	return env
}
