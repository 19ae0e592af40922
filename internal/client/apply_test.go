package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
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

func TestApplyBlamesAnotherWriterOnlyWhenOneChangedTheProfile(t *testing.T) {
	t.Parallel()
	n := 0
	tests := []struct {
		name        string
		fault       emulator.Fault
		wantChanged bool
		wantSays    string
	}{
		{"a writer that never stops is blamed",
			emulator.Fault{Method: "PUT", Times: 100, Mutate: func(p map[string]any) { n++; p["companyName"] = fmt.Sprint("Writer ", n) }},
			true, "was changed by another writer"},
		{"a 412 while nobody changes the profile is not blamed on a writer",
			emulator.Fault{Method: "PUT", Times: 100, Status: http.StatusPreconditionFailed},
			false, "yet nobody changed the profile: re-reading it gave back the very ETag the update had sent"},
		{"a 400 with code 2055 while nobody changes the profile is not blamed on a writer",
			emulator.Fault{Method: "PUT", Times: 100, Status: http.StatusBadRequest, ContentType: "application/json",
				Body: `{"code":2055,"description":"Etag is no longer valid"}`},
			false, "yet nobody changed the profile"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, emu := newEmulated(t)
			base, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
			if err != nil {
				t.Fatal(err)
			}
			emu.Inject(tt.fault)
			c.conflict.attempts = 3
			_, err = c.ApplyCustomerBillingProfile(context.Background(), testCustomer, base, setEmail)
			var conflict *ConflictError
			if !errors.As(err, &conflict) || conflict.Attempts != 3 || !IsPreconditionFailed(err) {
				t.Fatalf("err = %v, want a ConflictError after 3 attempts that unwraps to the stale-ETag answer", err)
			}
			if conflict.ChangedByAnotherWriter() != tt.wantChanged || !strings.Contains(err.Error(), tt.wantSays) {
				t.Errorf("ChangedByAnotherWriter() = %v, err = %v\nwant %v and an error that says %q", conflict.ChangedByAnotherWriter(), err, tt.wantChanged, tt.wantSays)
			}
			if !tt.wantChanged && strings.Contains(strings.ToLower(err.Error()), "another writer") {
				t.Errorf("err = %v blames another writer, but nobody changed the profile", err)
			}
			if puts := emu.Count("PUT", ""); puts != 3 {
				t.Errorf("%d PUTs, want 3", puts)
			}
		})
	}
}

func TestApplyWithAWeakETagSucceedsAtOnce(t *testing.T) {
	t.Parallel()
	weak := strings.Replace(profileJSON, `"etag":"-2279334701316321663"`, `"etag":"W/\"x1\""`, 1)
	var puts atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPut {
			puts.Add(1)
			// A server that compares entity tags byte for byte, as RFC 9110 allows for If-Match.
			if r.Header.Get("If-Match") != `W/"x1"` {
				w.WriteHeader(http.StatusPreconditionFailed)
				_, _ = w.Write([]byte(`{"code":412,"description":"Precondition failed"}`))
				return
			}
		}
		_, _ = w.Write([]byte(weak))
	}))
	t.Cleanup(srv.Close)
	c := newTestClient(t, srv.URL)
	base, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ApplyCustomerBillingProfile(context.Background(), testCustomer, base, setEmail); err != nil {
		t.Fatalf("err = %v, want the weak ETag sent as given and the update accepted", err)
	}
	if n := puts.Load(); n != 1 {
		t.Errorf("%d PUTs, want 1", n)
	}
}
