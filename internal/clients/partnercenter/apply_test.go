// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

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
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
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

func TestConflictErrorSaysWhichCauseTheRereadsShowed(t *testing.T) {
	t.Parallel()
	last := &APIError{Method: "PUT", Path: "/p", StatusCode: 412, RequestID: "r", CorrelationID: "c"}
	lastText := "PUT /p: HTTP 412 Precondition Failed [MS-RequestId: r, MS-CorrelationId: c]"
	tests := []struct {
		name        string
		err         *ConflictError
		wantChanged bool
		want        string
	}{
		{"a re-read that found the profile changed blames another writer",
			&ConflictError{CustomerID: "c1", Attempts: 3, Rereads: 3, Changes: 1, SentETag: "e", Last: last}, true,
			"the billing profile of customer c1 was changed by another writer while it was updated: 3 updates met a stale ETag " +
				"and re-reading found the profile changed 1 time; another process keeps changing it: " + lastText},
		{"re-reads that found the very ETag sent blame Partner Center",
			&ConflictError{CustomerID: "c1", Attempts: 1, Rereads: 1, SentETag: "e7", Last: last}, false,
			"Partner Center refused 1 update of the billing profile of customer c1 as stale, yet nobody changed the profile: " +
				"re-reading it gave back the very ETag the update had sent (e7). Partner Center rejected the update itself rather " +
				"than a concurrent change; give Microsoft support the request ids: " + lastText},
		{"without a re-read it says only that the ETag was stale",
			&ConflictError{CustomerID: "c1", Attempts: 2, SentETag: "e", Last: last}, false,
			"2 updates of the billing profile of customer c1 met a stale ETag: " + lastText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() =\n%s\nwant\n%s", got, tt.want)
			}
			if got := tt.err.ChangedByAnotherWriter(); got != tt.wantChanged {
				t.Errorf("ChangedByAnotherWriter() = %v, want %v", got, tt.wantChanged)
			}
			if !errors.Is(tt.err, last) {
				t.Error("the error does not unwrap to the last stale-ETag answer")
			}
		})
	}
}

func TestApplyWaitsBetweenAttemptsButNotAfterTheLast(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name             string
		attempts         int
		waitMin, waitMax time.Duration
		deadline         time.Duration
		wantWaitErr      bool // the call ends waiting to retry, rather than with a ConflictError
		wantPuts         int
	}{
		{"after the last attempt the profile is re-read at once", 1, time.Hour, time.Hour, 5 * time.Second, false, 1},
		{"between attempts the update waits before it re-reads", 2, time.Hour, time.Hour, 100 * time.Millisecond, true, 1},
		{"the first wait is at most the minimum wait", 2, 400 * time.Millisecond, time.Hour, 700 * time.Millisecond, false, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, emu := newEmulated(t)
			base, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
			if err != nil {
				t.Fatal(err)
			}
			emu.Inject(emulator.Fault{Method: "PUT", Times: 100, Status: http.StatusPreconditionFailed})
			c.conflict = conflictPolicy{attempts: tt.attempts, waitMin: tt.waitMin, waitMax: tt.waitMax}
			ctx, cancel := context.WithTimeout(context.Background(), tt.deadline)
			defer cancel()
			_, err = c.ApplyCustomerBillingProfile(ctx, testCustomer, base, setEmail)
			var conflict *ConflictError
			if tt.wantWaitErr {
				if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "to retry the update") {
					t.Fatalf("err = %v, want the deadline met while waiting to retry", err)
				}
			} else if !errors.As(err, &conflict) || conflict.Attempts != tt.wantPuts || conflict.Rereads != tt.wantPuts {
				t.Fatalf("err = %v, want a ConflictError after %d attempts, each followed by a re-read", err, tt.wantPuts)
			}
			if puts := emu.Count("PUT", ""); puts != tt.wantPuts {
				t.Errorf("%d PUTs, want %d", puts, tt.wantPuts)
			}
		})
	}
}

// etagProfile is profileJSON with another ETag.
func etagProfile(etag string) string {
	return strings.Replace(profileJSON, `"etag":"-2279334701316321663"`, `"etag":"`+etag+`"`, 1)
}

func TestEveryPutCarriesTheETagOfTheProfileItChanges(t *testing.T) {
	t.Parallel()
	stale := reply{status: http.StatusPreconditionFailed, body: `{"code":412,"description":"Precondition failed"}`}
	c, rec := newScripted(t,
		reply{status: 200, body: etagProfile("e1")}, stale,
		reply{status: 200, body: etagProfile("e2")}, stale,
		reply{status: 200, body: etagProfile("e3")},
		reply{status: 200, body: etagProfile("e4")})
	base, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.ApplyCustomerBillingProfile(context.Background(), testCustomer, base, setEmail)
	if err != nil || got.ETag != "e4" {
		t.Fatalf("got %+v, %v; want the stored profile with ETag e4", got, err)
	}
	if rec.count() != 6 {
		t.Fatalf("%d requests, want GET, PUT, GET, PUT, GET, PUT", rec.count())
	}
	for i, want := range map[int]string{1: "e1", 3: "e2", 5: "e3"} {
		put := rec.request(i)
		if put.Method != http.MethodPut || put.Header.Get("If-Match") != `"`+want+`"` {
			t.Errorf("request %d: %s with If-Match %q, want a PUT with If-Match %q", i+1, put.Method, put.Header.Get("If-Match"), `"`+want+`"`)
		}
		if etag := decodeAny(t, rec.bodies[i])["attributes"].(map[string]any)["etag"]; etag != want {
			t.Errorf("request %d: attributes.etag = %v, want %s", i+1, etag, want)
		}
	}
}

func TestAPutSendsBackEveryFieldTheClientDoesNotModel(t *testing.T) {
	t.Parallel()
	c, rec := newScripted(t, reply{status: 200, body: profileJSON}, reply{status: 200, body: profileJSON})
	base, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ApplyCustomerBillingProfile(context.Background(), testCustomer, base, func(p *BillingProfile) {
		p.Email = "finance@contoso.example"
		p.DefaultAddress.City = "Seattle"
	}); err != nil {
		t.Fatal(err)
	}
	// The answer of the GET with the two changes made by hand: fieldAddedLater, links, attributes.objectType,
	// the address's district and middleName and every other field go back as they came.
	want := map[string]any{
		"id": "a58ceba5-60ac-48e4-a0bc-2a855811807a", "firstName": "Avery", "lastName": "Howard",
		"email": "finance@contoso.example", "culture": "en-US", "language": "en", "companyName": "Contoso",
		"defaultAddress": map[string]any{
			"country": "US", "city": "Seattle", "state": "WA", "addressLine1": "One Microsoft Way", "postalCode": "98052",
			"firstName": "Avery", "lastName": "Howard", "phoneNumber": "4255550100", "district": "King County", "middleName": "J",
		},
		"fieldAddedLater": "US-1234", "links": map[string]any{"self": map[string]any{"uri": "/v1/customers/" + testCustomer + "/profiles/billing", "method": "GET", "headers": []any{}}},
		"attributes": map[string]any{"etag": "-2279334701316321663", "objectType": "CustomerBillingProfile"},
	}
	if rec.count() != 2 || rec.request(1).Method != http.MethodPut {
		t.Fatalf("%d requests, want a GET and a PUT", rec.count())
	}
	if got := decodeAny(t, rec.bodies[1]); !reflect.DeepEqual(got, want) {
		t.Errorf("PUT body\n got %v\nwant %v", got, want)
	}
}

func TestApplySendsAChangeToTheAddressAlone(t *testing.T) {
	t.Parallel()
	c, rec := newScripted(t, reply{status: 200, body: profileJSON}, reply{status: 200, body: profileJSON})
	base, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ApplyCustomerBillingProfile(context.Background(), testCustomer, base, func(p *BillingProfile) { p.DefaultAddress.City = "Seattle" }); err != nil {
		t.Fatal(err)
	}
	if rec.count() != 2 {
		t.Fatalf("%d requests, want the GET and a PUT with the new city", rec.count())
	}
	if city := decodeAny(t, rec.bodies[1])["defaultAddress"].(map[string]any)["city"]; city != "Seattle" {
		t.Errorf("the PUT sent city %v, want Seattle", city)
	}
	if base.DefaultAddress.City != "Redmond" {
		t.Errorf("the base profile's city became %q: the change reached the profile it started from", base.DefaultAddress.City)
	}
}
