// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package credential

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

// soakSpan is how long TestSoakLongApplyWithShortLivedTokens keeps applying, on the clock the
// emulator and the token cache share. It moves on by batchTime after every batch of batchSize
// customers, while no request is in flight, so the soak runs the same rounds and renews its
// tokens at the same points however busy the machine is: a token living two seconds is renewed
// in the background (a tenth of its life left) every third batch, and when that renewal meets an
// outage the callers of the next batch wait for one.
const (
	soakSpan  = 18 * time.Second
	batchTime = 600 * time.Millisecond
	batchSize = 10
)

// TestSoakLongApplyWithShortLivedTokens is a long apply in miniature: rounds of updates to many
// customers from several workers, with tokens that live two seconds, an Entra ID that fails
// renewals (503, dropped connections) every third round, Partner Center throttling a share of calls and another
// writer racing some updates. Every customer must converge, no field may be lost, and no secret
// may reach a log line or an error.
func TestSoakLongApplyWithShortLivedTokens(t *testing.T) {
	if testing.Short() {
		t.Skip("a soak test")
	}
	t.Setenv("TF_LOG", "TRACE") // log bodies too: the secrets must stay out of them
	logs := &syncWriter{w: &bytes.Buffer{}}
	ctx := tflogtest.RootLogger(context.Background(), logs)

	emu, c, clk := soakEnvironment(t)
	customers := make([]string, 30)
	for i := range customers {
		customers[i] = fmt.Sprintf("0b6fd2a5-2c8b-4f3e-9b7a-%012d", i)
		if err := emu.SeedDefaultCustomer(customers[i]); err != nil {
			t.Fatal(err)
		}
	}
	writer := &otherWriter{last: map[string]string{}}
	rounds := 0
	for end := clk.Now().Add(soakSpan); rounds < 3 || clk.Now().Before(end); rounds++ {
		if rounds%3 == 0 {
			emu.InjectTokenFault(renewalFaults[rounds/3%len(renewalFaults)])
		}
		for _, id := range customers[:rounds%len(customers)+1] {
			emu.Inject(emulator.Fault{Method: "PUT", CustomerID: id, Mutate: writer.change(id)})
		}
		for batch := range slices.Chunk(customers, batchSize) {
			if err := applyRound(ctx, c, batch, rounds); err != nil {
				t.Fatalf("round %d: %v", rounds, err)
			}
			clk.Advance(batchTime)
		}
	}
	emu.ClearFaults()

	raced := 0
	for _, id := range customers {
		if writer.lastValue(id) != "" {
			raced++
		}
		assertConverged(t, emu, id, rounds-1, writer.lastValue(id))
	}
	if raced == 0 {
		t.Error("the other writer never raced an update, so no field it changed was checked")
	}
	renewals, failed := 0, 0
	for _, r := range emu.TokenRequests() {
		if r.Status == 200 {
			renewals++
		} else {
			failed++
		}
	}
	if renewals < 4 || failed < 1 {
		t.Errorf("%d tokens issued and %d token requests failed in %d rounds, want the short-lived token renewed "+
			"again and again, through failures", renewals, failed, rounds)
	}
	assertNoSecret(t, "the log", logs.String(), secret, refresh)
	for _, r := range emu.TokenRequests() {
		assertNoSecret(t, "the log", logs.String(), r.Issued, r.IssuedRefreshToken)
	}
	t.Logf("%d rounds over %d customers; %d tokens issued, %d token requests failed", rounds, len(customers), renewals, failed)
}

// soakEnvironment is the emulator on loopback, a refresh-token credential whose tokens live two
// seconds, a client that waits at most 200 ms for a Retry-After, and the clock the emulator and
// the credential's cache share.
func soakEnvironment(t *testing.T) (*emulator.Server, *partnercenter.Client, *clock) {
	t.Helper()
	emu := emulator.New()
	emu.RegisterApp(emulator.App{TenantID: tenant, ClientID: clientID, ClientSecret: secret})
	emu.AddRefreshToken(clientID, refresh)
	emu.SetTokenLifetime(2 * time.Second)
	emu.SetThrottling(0.1, time.Second)
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	hc := transport.NewHTTPClient(partnercenter.APIName)
	ep := Endpoints{APIURL: srv.URL, Resource: "https://api.partnercenter.microsoft.com", AuthorityURL: srv.URL}
	src, err := New(Config{TenantID: tenant, ClientID: clientID, ClientSecret: secret, RefreshToken: refresh}, ep, hc)
	if err != nil {
		t.Fatal(err)
	}
	c, err := partnercenter.New(partnercenter.Config{BaseURL: srv.URL, TokenSource: src, HTTPClient: hc, RetryMax: 6,
		RetryWaitMin: 10 * time.Millisecond, RetryWaitMax: 100 * time.Millisecond, MaxRetryAfter: 200 * time.Millisecond,
		ConflictWaitMin: time.Millisecond, ConflictWaitMax: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return emu, c, onOneClock(emu, src)
}

// renewalFaults are the outages a renewal meets, one every third round in turn.
var renewalFaults = []emulator.TokenFault{{Status: 503}, {Reset: true}, {Status: 500}, {Status: 429}}

// applyRound reads and updates every customer from six workers, as terraform's parallelism does.
func applyRound(ctx context.Context, c *partnercenter.Client, customers []string, round int) error {
	work := make(chan string)
	errs := make(chan error, len(customers))
	var wg sync.WaitGroup
	for range 6 {
		wg.Go(func() {
			for id := range work {
				errs <- applyOne(ctx, c, id, round)
			}
		})
	}
	for _, id := range customers {
		work <- id
	}
	close(work)
	wg.Wait()
	close(errs)
	var all []error
	for err := range errs {
		if err != nil {
			all = append(all, err)
		}
	}
	return errors.Join(all...)
}

func applyOne(ctx context.Context, c *partnercenter.Client, id string, round int) error {
	base, err := c.GetCustomerBillingProfile(ctx, id)
	if err != nil {
		return err
	}
	_, err = c.ApplyCustomerBillingProfile(ctx, id, base, func(p *partnercenter.BillingProfile) {
		p.Email = fmt.Sprintf("round%d@contoso.example", round)
		p.DefaultAddress.City = fmt.Sprintf("City %d", round)
	})
	return err
}

// otherWriter changes a field the apply does not manage, racing its PUTs.
type otherWriter struct {
	mu   sync.Mutex
	n    int
	last map[string]string
}

func (w *otherWriter) change(id string) func(map[string]any) {
	return func(p map[string]any) {
		w.mu.Lock()
		defer w.mu.Unlock()
		w.n++
		v := fmt.Sprintf("writer-%d", w.n)
		p["fieldAddedLater"] = v
		w.last[id] = v
	}
}

func (w *otherWriter) lastValue(id string) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.last[id]
}

// assertConverged checks the customer's stored profile: the last round's values, the other
// writer's last value, and every field of the seeded profile the apply does not manage.
func assertConverged(t *testing.T, emu *emulator.Server, id string, lastRound int, writerValue string) {
	t.Helper()
	stored, _ := emu.Profile(id)
	seeded := emulator.DefaultProfile()
	want := map[string]any{"email": fmt.Sprintf("round%d@contoso.example", lastRound)}
	for _, k := range []string{"firstName", "lastName", "culture", "language", "companyName"} {
		want[k] = seeded[k]
	}
	if writerValue != "" {
		want["fieldAddedLater"] = writerValue
	}
	for k, v := range want {
		if stored[k] != v {
			t.Errorf("customer %s: %s = %v, want %v", id, k, stored[k], v)
		}
	}
	addr, _ := stored["defaultAddress"].(map[string]any)
	seededAddr := seeded["defaultAddress"].(map[string]any)
	for k, v := range seededAddr {
		if k != "city" && addr[k] != v {
			t.Errorf("customer %s: defaultAddress.%s = %v, want %v", id, k, addr[k], v)
		}
	}
	if city := fmt.Sprintf("City %d", lastRound); addr["city"] != city {
		t.Errorf("customer %s: defaultAddress.city = %v, want %s", id, addr["city"], city)
	}
}

// syncWriter lets the workers' log lines share one buffer.
type syncWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// String is what was written so far: a renewal that began in the last round may still be
// logging after the workers are done.
func (s *syncWriter) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.String()
}
