// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestEveryJSONAnswerBeginsWithAByteOrderMark(t *testing.T) {
	t.Parallel()
	s := newSeeded(t)
	for name, a := range map[string]answer{
		"a profile": get(t, s),
		"an error":  send(t, s, http.MethodGet, profilePath("00000000-0000-4000-8000-000000000000"), nil, nil),
	} {
		if !bytes.HasPrefix(a.raw, bom) {
			t.Errorf("%s answer does not begin with a BOM: %q", name, a.raw[:min(10, len(a.raw))])
		}
	}
}

func TestRequestsWithoutTheTokenGet401(t *testing.T) {
	t.Parallel()
	s := newSeeded(t)
	req := httptest.NewRequest(http.MethodGet, profilePath(customer), nil)
	req.Header.Set("Authorization", "Bearer wrong")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	if w.Code != http.StatusUnauthorized || !strings.Contains(w.Body.String(), "800001") {
		t.Errorf("got %d %s, want 401 with code 800001", w.Code, w.Body.String())
	}
}

func TestUnknownCustomerGets404TenantNotFound(t *testing.T) {
	t.Parallel()
	a := send(t, newSeeded(t), http.MethodGet, profilePath("00000000-0000-4000-8000-000000000000"), nil, nil)
	if a.status != 404 || a.body["code"] != float64(60003) {
		t.Errorf("got %d %v, want 404 code 60003", a.status, a.body)
	}
}

func TestPutReplacesTheWholeProfileAndStoresExtraFields(t *testing.T) {
	t.Parallel()
	s := newSeeded(t)
	doc := get(t, s).body
	delete(doc, "companyName")
	doc["defaultAddress"].(map[string]any)["addressLine3"] = "Building 92"
	doc["fieldAddedLater"] = "US-123"
	a := put(t, s, `"`+etagOf(doc)+`"`, doc)
	if a.status != 200 {
		t.Fatalf("PUT answered %d %s", a.status, a.raw)
	}
	stored, _ := s.Profile(customer)
	if _, kept := stored["companyName"]; kept {
		t.Error("a field left out of the PUT was kept; the PUT must replace the whole profile")
	}
	if stored["fieldAddedLater"] != "US-123" || stored["defaultAddress"].(map[string]any)["district"] != "King County" {
		t.Errorf("extra fields not stored: %v", stored)
	}
	if etagOf(stored) == etagOf(doc) || etagOf(a.body) != etagOf(stored) {
		t.Errorf("want a new ETag, answered and stored: old %s, answered %s, stored %s", etagOf(doc), etagOf(a.body), etagOf(stored))
	}
}

func TestPutTakesTheETagFromIfMatchOrTheBody(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		ifMatch func(etag string) string
		inBody  bool
		want    int
	}{
		{"a quoted If-Match is accepted", func(e string) string { return `"` + e + `"` }, false, 200},
		{"an unquoted If-Match is accepted", func(e string) string { return e }, false, 200},
		{"a weak If-Match is accepted", func(e string) string { return `W/"` + e + `"` }, false, 200},
		{"attributes.etag alone is refused: If-Match is required", func(string) string { return "" }, true, 428},
		{"attributes.etag alone is accepted where the SDKs' fallback is on", func(string) string { return "" }, true, 200},
		{"a stale If-Match wins over a current body ETag", func(string) string { return `"1"` }, true, 412},
		{"no ETag at all is refused", func(string) string { return "" }, false, 428},
		{"no ETag at all is refused where the SDKs' fallback is on", func(string) string { return "" }, false, 412},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newSeeded(t)
			s.AcceptBodyETag(strings.Contains(tt.name, "fallback is on"))
			doc := get(t, s).body
			etag := etagOf(doc)
			if !tt.inBody {
				delete(doc, "attributes")
			}
			if got := put(t, s, tt.ifMatch(etag), doc).status; got != tt.want {
				t.Errorf("status %d, want %d", got, tt.want)
			}
		})
	}
}

func TestPutWithStaleETagAfterAnotherWriterGets412(t *testing.T) {
	t.Parallel()
	s := newSeeded(t)
	doc := get(t, s).body
	if err := s.ChangeProfile(customer, func(p map[string]any) { p["email"] = "other@contoso.example" }); err != nil {
		t.Fatal(err)
	}
	doc["companyName"] = "Mine"
	a := put(t, s, `"`+etagOf(doc)+`"`, doc)
	if a.status != http.StatusPreconditionFailed {
		t.Fatalf("status %d, want 412", a.status)
	}
	if stored, _ := s.Profile(customer); stored["email"] != "other@contoso.example" || stored["companyName"] == "Mine" {
		t.Errorf("the stale PUT changed the profile: %v", stored)
	}
}

func TestPascalCaseKeysAreStoredInCamelCaseWithoutNulls(t *testing.T) {
	t.Parallel()
	s := newSeeded(t)
	etag := etagOf(get(t, s).body)
	doc := map[string]any{
		"FirstName": "Ana", "Email": "ana@contoso.example",
		"DefaultAddress": map[string]any{"Country": "US", "Region": nil, "AddressLine1": "1 Main St", "FirstName": "Ana", "LastName": "Lee", "State": "WA"},
		"Attributes":     map[string]any{"Etag": etag},
	}
	if a := put(t, s, `"`+etag+`"`, doc); a.status != 200 {
		t.Fatalf("PUT answered %d %s", a.status, a.raw)
	}
	stored, _ := s.Profile(customer)
	addr := stored["defaultAddress"].(map[string]any)
	if stored["firstName"] != "Ana" || addr["addressLine1"] != "1 Main St" {
		t.Errorf("stored %v", stored)
	}
	if _, ok := addr["region"]; ok {
		t.Error("a null field was stored")
	}
}

func TestInvalidAddressesAreRejectedWithDetails(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		change   func(addr map[string]any)
		wantCode float64
		wantData string
	}{
		{"a three-letter country", func(a map[string]any) { a["country"] = "USA" }, 27002, "country: CountryInvalid"},
		{"a region for the US", func(a map[string]any) { a["region"] = "NA" }, 27002, "region: StateInvalid"},
		{"a long US state", func(a map[string]any) { a["state"] = "Washington" }, 27002, "state: StateInvalid"},
		{"no first address line", func(a map[string]any) { delete(a, "addressLine1") }, 27002, "addressLine1: AddressLine1Invalid"},
		{"a 51-character last name", func(a map[string]any) { a["lastName"] = strings.Repeat("x", 51) }, 27002, "lastName: LastNameInvalid"},
		{"no phone in Poland", func(a map[string]any) { a["country"] = "PL"; delete(a, "state"); delete(a, "phoneNumber") }, 600051, ""},
		{"a line break in the city", func(a map[string]any) { a["city"] = "Red\nmond" }, 27002, "city: InvalidCharacters"},
		{"a trailing space in the postal code", func(a map[string]any) { a["postalCode"] = "98052 " }, 27002, "postalCode: InvalidCharacters"},
	}
	for _, tt := range tests {
		t.Run("it rejects "+tt.name, func(t *testing.T) {
			t.Parallel()
			s := newSeeded(t)
			doc := get(t, s).body
			tt.change(doc["defaultAddress"].(map[string]any))
			a := put(t, s, `"`+etagOf(doc)+`"`, doc)
			if a.status != 400 || a.body["code"] != tt.wantCode {
				t.Fatalf("got %d %s, want 400 code %v", a.status, a.raw, tt.wantCode)
			}
			if data, _ := json.Marshal(a.body["data"]); !strings.Contains(string(data), tt.wantData) {
				t.Errorf("data %s does not name %q", data, tt.wantData)
			}
		})
	}
}

func TestFaults(t *testing.T) {
	t.Parallel()
	t.Run("429 comes in the throttling shape with Retry-After, then the API answers", func(t *testing.T) {
		s := newSeeded(t)
		s.Inject(Fault{Method: "GET", Times: 2, Status: 429, RetryAfter: 3 * time.Second})
		for range 2 {
			a := get(t, s)
			if a.status != 429 || a.header.Get("Retry-After") != "3" || a.body["statusCode"] != float64(429) {
				t.Fatalf("got %d %v %s", a.status, a.header, a.raw)
			}
		}
		if a := get(t, s); a.status != 200 {
			t.Errorf("after the fault: %d", a.status)
		}
	})
	t.Run("a fault only hits the method and customer it names", func(t *testing.T) {
		s := newSeeded(t)
		s.Inject(Fault{Method: "PUT", CustomerID: customer, Status: 503})
		s.Inject(Fault{CustomerID: "00000000-0000-4000-8000-000000000000", Status: 500})
		if a := get(t, s); a.status != 200 {
			t.Errorf("GET hit by a PUT fault: %d", a.status)
		}
		if a := put(t, s, `"1"`, get(t, s).body); a.status != 503 {
			t.Errorf("PUT got %d, want the injected 503", a.status)
		}
	})
	t.Run("a concurrent change before the PUT makes it meet 412", func(t *testing.T) {
		s := newSeeded(t)
		doc := get(t, s).body
		s.Inject(Fault{Method: "PUT", Mutate: func(p map[string]any) { p["culture"] = "fr-FR" }})
		if a := put(t, s, `"`+etagOf(doc)+`"`, doc); a.status != 412 {
			t.Errorf("status %d, want 412", a.status)
		}
		if p, _ := s.Profile(customer); p["culture"] != "fr-FR" {
			t.Errorf("the concurrent change was not made: %v", p["culture"])
		}
	})
	t.Run("a custom body replaces the error shape", func(t *testing.T) {
		s := newSeeded(t)
		s.Inject(Fault{Status: 502, Body: "<html>Bad gateway</html>", ContentType: "text/html"})
		if a := get(t, s); a.status != 502 || string(a.raw) != "<html>Bad gateway</html>" {
			t.Errorf("got %d %q", a.status, a.raw)
		}
	})
}

func TestRequestLogCountsCallsWithTheirIDs(t *testing.T) {
	t.Parallel()
	s := newSeeded(t)
	send(t, s, http.MethodGet, profilePath(customer), map[string]string{"MS-RequestId": "r1", "MS-CorrelationId": "c1"}, nil)
	put(t, s, `"stale"`, get(t, s).body)
	reqs := s.Requests()
	if len(reqs) != 3 || s.Count("GET", customer) != 2 || s.Count("PUT", "") != 1 {
		t.Fatalf("log %+v", reqs)
	}
	if reqs[0].RequestID != "r1" || reqs[0].CorrelationID != "c1" || reqs[0].Status != 200 || reqs[2].Status != 412 {
		t.Errorf("log %+v", reqs)
	}
	if reqs[0].Header.Get("Authorization") != "" {
		t.Error("the log keeps the bearer token")
	}
	s.ResetRequests()
	if len(s.Requests()) != 0 {
		t.Error("ResetRequests left entries")
	}
}

func TestSeedFileLoadsCustomers(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "seed.json")
	seed := `{"customers": {"` + customer + `": {"companyName": "Seeded", "defaultAddress": {"country": "DE", "addressLine1": "Hauptstr. 1", "firstName": "A", "lastName": "B"}}}}`
	if err := os.WriteFile(path, []byte(seed), 0o600); err != nil {
		t.Fatal(err)
	}
	s := New(token)
	if n, err := s.LoadSeedFile(path); err != nil || n != 1 {
		t.Fatalf("LoadSeedFile = %d, %v", n, err)
	}
	if a := get(t, s); a.body["companyName"] != "Seeded" || etagOf(a.body) == "" {
		t.Errorf("seeded profile %v", a.body)
	}
}

func TestThrottlingAnswersTheGivenShareWith429(t *testing.T) {
	t.Parallel()
	s := newSeeded(t)
	s.SetThrottling(1, 2*time.Second)
	if a := get(t, s); a.status != 429 || a.header.Get("Retry-After") != "2" {
		t.Errorf("with all requests throttled: %d %v", a.status, a.header)
	}
	s.SetThrottling(0, 0)
	if a := get(t, s); a.status != 200 {
		t.Errorf("with throttling off: %d", a.status)
	}
}

// TestThrottlingDrawsTheSameRequestsInEveryRun: the n-th request is throttled or not alike on two
// servers with the same seed, and a share of them (not none, not all) is.
func TestThrottlingDrawsTheSameRequestsInEveryRun(t *testing.T) {
	t.Parallel()
	pattern := func(seed uint64) string {
		s := newSeeded(t)
		s.SetThrottlingSeeded(0.25, time.Second, seed)
		var p strings.Builder
		for range 40 {
			p.WriteString(strconv.Itoa(get(t, s).status) + " ")
		}
		return p.String()
	}
	first := pattern(ThrottlingSeed)
	if again := pattern(ThrottlingSeed); again != first {
		t.Errorf("the same seed throttled other requests:\n%s\n%s", first, again)
	}
	if !strings.Contains(first, "429") || !strings.Contains(first, "200") {
		t.Errorf("a quarter throttled gave %s", first)
	}
	if other := pattern(ThrottlingSeed + 1); other == first {
		t.Errorf("another seed throttled the same requests: %s", other)
	}
}
