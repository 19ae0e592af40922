// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// trialField is a profile field the concurrency trial writes: through the configuration (when
// modelled) or as the other writer.
type trialField struct {
	attr      string // Terraform attribute, "" when the provider does not model the field
	key       string // Partner Center's JSON key
	inAddress bool
}

// trialToken is the bearer token the trial's emulator accepts.
const trialToken = "trial-token"

var trialFields = []trialField{
	{"first_name", "firstName", false}, {"last_name", "lastName", false}, {"culture", "culture", false},
	{"language", "language", false}, {"company_name", "companyName", false}, {"email", "email", false},
	{"city", "city", true}, {"address_line1", "addressLine1", true}, {"address_line2", "addressLine2", true},
	{"address_line3", "addressLine3", true}, {"postal_code", "postalCode", true}, {"first_name", "firstName", true},
	{"last_name", "lastName", true}, {"phone_number", "phoneNumber", true},
	{"", "fieldAddedLater", false}, {"", "district", true}, {"", "middleName", true}, {"", "emailAddress", true},
}

func (f trialField) id() string {
	if f.inAddress {
		return "defaultAddress." + f.key
	}
	return f.key
}

func (f trialField) get(doc map[string]any) any {
	if f.inAddress {
		addr, _ := doc["defaultAddress"].(map[string]any)
		return addr[f.key]
	}
	return doc[f.key]
}

func (f trialField) set(doc map[string]any, v string) {
	if f.inAddress {
		doc["defaultAddress"].(map[string]any)[f.key] = v
		return
	}
	doc[f.key] = v
}

func trialValue(rng *rand.Rand, f trialField) string {
	v := fmt.Sprintf("v%d", rng.IntN(1_000_000))
	if f.key == "email" || f.key == "emailAddress" {
		return v + "@contoso.example"
	}
	return v
}

// trial is one customer, the client, and the emulator playing Partner Center and the other writer.
type trial struct {
	emu        *emulator.Server
	client     *partnercenter.Client
	customerID string
	rng        *rand.Rand
}

func newTrial(t testing.TB, seed uint64) *trial {
	t.Helper()
	emu := emulator.New(trialToken)
	id := "0b6fd2a5-2c8b-4f3e-9b7a-3a1de2f0c0aa"
	if err := emu.SeedDefaultCustomer(id); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	c, err := partnercenter.New(partnercenter.Config{BaseURL: srv.URL, TokenSource: transport.StaticToken(trialToken),
		ConflictAttempts: 20, ConflictWaitMin: time.Microsecond, ConflictWaitMax: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return &trial{emu: emu, client: c, customerID: id, rng: rand.New(rand.NewPCG(seed, seed))}
}

// round configures a random set of modelled fields while the other writer changes random fields
// (modelled or not) between the provider's read and each of its PUTs, then counts the fields whose
// final value is not the one they must hold: the configured value for configured fields, the other
// writer's latest value for the fields it changed, and the value read for the rest.
func (tr *trial) round(ctx context.Context) (lost int, err error) {
	base, err := tr.client.GetCustomerBillingProfile(ctx, tr.customerID)
	if err != nil {
		return 0, err
	}
	before, _ := tr.emu.Profile(tr.customerID)
	want := map[string]any{}
	for _, f := range trialFields {
		want[f.id()] = f.get(before)
	}
	cfg, configured := tr.configuration()
	for id, v := range configured {
		want[id] = v
	}
	otherWriter := func(doc map[string]any) {
		for range 1 + tr.rng.IntN(3) {
			f := trialFields[tr.rng.IntN(len(trialFields))]
			v := trialValue(tr.rng, f)
			f.set(doc, v)
			if _, mine := configured[f.id()]; !mine { // a configured field ends as configured
				want[f.id()] = v
			}
		}
	}
	tr.emu.Inject(emulator.Fault{Method: "PUT", Times: tr.rng.IntN(4), Mutate: otherWriter})
	if _, err := tr.client.ApplyCustomerBillingProfile(ctx, tr.customerID, base, cfg.profileChange()); err != nil {
		return 0, err
	}
	tr.emu.ClearFaults()
	after, _ := tr.emu.Profile(tr.customerID)
	for _, f := range trialFields {
		if got := f.get(after); fmt.Sprint(got) != fmt.Sprint(want[f.id()]) {
			lost++
		}
	}
	return lost, nil
}

// configuration is a billing profile configuration that sets a random subset of the modelled fields.
func (tr *trial) configuration() (billingProfileModel, map[string]string) {
	profile, address := map[string]types.String{}, map[string]types.String{}
	configured := map[string]string{}
	for _, f := range trialFields {
		if f.attr == "" || tr.rng.IntN(3) != 0 {
			continue
		}
		v := trialValue(tr.rng, f)
		configured[f.id()] = v
		if f.inAddress {
			address[f.attr] = types.StringValue(v)
		} else {
			profile[f.attr] = types.StringValue(v)
		}
	}
	return billingProfileModel{Profile: profileWith(profile), Address: addressWith(address)}, configured
}

// runTrial plays rounds and returns the fields lost and the 412s the provider met.
func runTrial(t testing.TB, rounds int) (lost, conflicts int) {
	tr := newTrial(t, 42)
	ctx := context.Background()
	for i := range rounds {
		n, err := tr.round(ctx)
		if err != nil {
			t.Fatalf("round %d: %v", i, err)
		}
		lost += n
	}
	for _, r := range tr.emu.Requests() {
		if r.Status == 412 {
			conflicts++
		}
	}
	return lost, conflicts
}

func TestConcurrencyTrialLosesNoField(t *testing.T) {
	t.Parallel()
	lost, conflicts := runTrial(t, 200)
	if lost != 0 {
		t.Errorf("%d fields lost in 200 rounds of concurrent writes", lost)
	}
	if conflicts < 100 {
		t.Errorf("only %d conflicts in 200 rounds: the trial did not race", conflicts)
	}
}

// BenchmarkConcurrencyTrial runs b.N rounds (make bench: 1,000) and reports the fields lost.
func BenchmarkConcurrencyTrial(b *testing.B) {
	lost, conflicts := runTrial(b, b.N)
	b.ReportMetric(float64(lost), "lost-fields")
	b.ReportMetric(float64(conflicts), "412s")
	if lost != 0 {
		b.Errorf("%d fields lost in %d rounds", lost, b.N)
	}
}
