// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

const (
	graphToken = "graph-test-token"
	customer   = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
	readerRole = "f2ef992c-3afb-46b9-b7cf-a126ee74c451"
)

// emulated is a client on an emulator that takes graphToken for Graph.
func emulated(t *testing.T) (*Client, *emulator.Server, string) {
	t.Helper()
	emu := emulator.New("pc-token")
	emu.AddGraphToken(graphToken)
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	return newClient(t, srv.URL), emu, srv.URL
}

func newClient(t *testing.T, base string) *Client {
	t.Helper()
	c, err := New(Config{BaseURL: base, TokenSource: transport.StaticToken(graphToken),
		RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond, MaxRetryAfter: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// seed creates a relationship through Graph's API and returns its id.
func seed(t *testing.T, base, name, tenant string) string {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"displayName": name, "duration": "P730D",
		"customer":      map[string]string{"tenantId": tenant},
		"accessDetails": map[string]any{"unifiedRoles": []map[string]string{{"roleDefinitionId": readerRole}}}})
	req, _ := http.NewRequestWithContext(bounded(t), http.MethodPost, base+relationshipsPath, bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+graphToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("seeding %s: %d %v", name, resp.StatusCode, out)
	}
	return out["id"].(string)
}

func TestEveryPageOfRelationshipsIsRead(t *testing.T) {
	t.Parallel()
	c, emu, base := emulated(t)
	var want []string
	for i := range 7 {
		want = append(want, seed(t, base, fmt.Sprintf("Contoso %d", i), customer))
	}
	seed(t, base, "Fabrikam", "0b6fd2a5-2c8b-4f3e-9b7a-000000000001")
	emu.Graph().SetPageSize(3)

	got, err := c.ListRelationships(bounded(t), Filter{CustomerTenantID: customer, Status: "created"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d relationships, want %d", len(got), len(want))
	}
	for i, r := range got {
		if r.ID != want[i] || r.DisplayName != fmt.Sprintf("Contoso %d", i) || r.Status != "created" ||
			r.CustomerTenantID != customer || len(r.Roles) != 1 || r.Roles[0] != readerRole || r.Duration != "P730D" ||
			r.AutoExtendDuration != "PT0S" || !strings.HasPrefix(r.ETag, `W/"`) || r.Created == "" || r.Activated != "" {
			t.Errorf("relationship %d: %+v", i, r)
		}
	}
	all, err := c.ListRelationships(bounded(t), Filter{})
	if err != nil || len(all) != 8 {
		t.Errorf("unfiltered: %d relationships, %v; want 8", len(all), err)
	}
}

func TestOneRelationshipIsReadAndAMissingOneIsNotFound(t *testing.T) {
	t.Parallel()
	c, _, base := emulated(t)
	id := seed(t, base, "Contoso", customer)
	r, err := c.GetRelationship(bounded(t), id)
	if err != nil || r.ID != id || r.DisplayName != "Contoso" {
		t.Fatalf("GetRelationship = %+v, %v", r, err)
	}
	_, err = c.GetRelationship(bounded(t), "00000000-0000-0000-0000-000000000000-00000000-0000-0000-0000-000000000000")
	var apiErr *APIError
	if !errors.As(err, &apiErr) || !apiErr.IsNotFound() || apiErr.RequestID == "" || apiErr.ClientRequestID == "" ||
		!strings.Contains(err.Error(), "HTTP 404 Not Found, Microsoft Graph code resourceNotFound") {
		t.Errorf("a missing relationship: %v", err)
	}
}

// hostile serves the answers of script in turn for the client's calls, and counts them.
type hostile struct {
	answers []func(w http.ResponseWriter, r *http.Request)
	calls   atomic.Int32
}

func (h *hostile) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := int(h.calls.Add(1)) - 1
	h.answers[min(n, len(h.answers)-1)](w, r)
}

func page(status int, body string, header ...string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		w.Header().Set("request-id", "graph-request-1")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(strings.ReplaceAll(body, "SELF", "http://"+r.Host)))
	}
}

const oneRelationship = `{"@odata.etag": "W/\"JyI1Jyc=\"", "id": "r1", "displayName": "Contoso", "status": "active", "duration": "P730D",
	"customer": {"tenantId": "` + customer + `"}, "accessDetails": {"unifiedRoles": []}}`

func TestAListAnswerTheClientCannotTrustIsAnError(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		answers []func(http.ResponseWriter, *http.Request)
		want    string
	}{
		"an object without value": {answers: []func(http.ResponseWriter, *http.Request){page(200, `{}`)},
			want: "it holds no value array, so it is no page of GDAP relationships"},
		"a null value": {answers: []func(http.ResponseWriter, *http.Request){page(200, `{"value": null}`)},
			want: "it holds no value array"},
		"a value that is no list": {answers: []func(http.ResponseWriter, *http.Request){page(200, `{"value": {}}`)},
			want: "decoding the response failed"},
		"an item without an id": {answers: []func(http.ResponseWriter, *http.Request){page(200, `{"value": [{"displayName": "x"}]}`)},
			want: `GET /v1.0/tenantRelationships/delegatedAdminRelationships: HTTP 200, but the answer cannot be used: ` +
				`the relationship (none) lacks @odata.etag, accessDetails.unifiedRoles, duration, id, status`},
		"roles that are no list": {answers: []func(http.ResponseWriter, *http.Request){
			page(200, `{"value": [`+strings.Replace(oneRelationship, `{"unifiedRoles": []}`, `{}`, 1)+`]}`)},
			want: `the relationship "r1" lacks accessDetails.unifiedRoles`},
		"an item the filter excludes": {answers: []func(http.ResponseWriter, *http.Request){
			page(200, `{"value": [`+strings.Replace(oneRelationship, customer, "0b6fd2a5-2c8b-4f3e-9b7a-000000000001", 1)+`]}`)},
			want: `it holds relationship r1 (status active, customer "0b6fd2a5-2c8b-4f3e-9b7a-000000000001"), which the filter`},
		"a link to a page already read": {answers: []func(http.ResponseWriter, *http.Request){
			page(200, `{"value": [`+oneRelationship+`], "@odata.nextLink": "SELF/v1.0/next?p=1"}`)},
			want: "linked to a page it had already given"},
		"a link to another host": {answers: []func(http.ResponseWriter, *http.Request){
			page(200, `{"value": [], "@odata.nextLink": "https://elsewhere.example/v1.0/next"}`)},
			want: "leaves 127.0.0.1"},
		"empty pages without end": {answers: []func(http.ResponseWriter, *http.Request){
			func(w http.ResponseWriter, r *http.Request) {
				page(200, fmt.Sprintf(`{"value": [], "@odata.nextLink": "SELF/v1.0/next?p=%d"}`, time.Now().UnixNano()))(w, r)
			}},
			want: "still links to another page after 5 pages, the last 5 of which brought nothing not listed before"},
		"the same page again under fresh links": {answers: []func(http.ResponseWriter, *http.Request){
			func(w http.ResponseWriter, r *http.Request) {
				page(200, fmt.Sprintf(`{"value": [`+oneRelationship+`], "@odata.nextLink": "SELF/v1.0/next?p=%d"}`, time.Now().UnixNano()))(w, r)
			}},
			want: "after 6 pages, the last 5 of which brought nothing not listed before"},
		"a link to another host on the same scheme": {answers: []func(http.ResponseWriter, *http.Request){
			page(200, `{"value": [], "@odata.nextLink": "http://localhost:1/v1.0/next"}`)},
			want: "leaves 127.0.0.1"},
		"an item without its ETag": {answers: []func(http.ResponseWriter, *http.Request){
			page(200, `{"value": [`+strings.Replace(oneRelationship, `"@odata.etag": "W/\"JyI1Jyc=\"", `, "", 1)+`]}`)},
			want: `the relationship "r1" lacks @odata.etag, which every relationship has`},
		"an error that is not Graph's": {answers: []func(http.ResponseWriter, *http.Request){page(403, `<html>denied</html>`, "Content-Type", "text/html")},
			want: "HTTP 403 Forbidden: unexpected text/html response body: <html>denied</html> [request-id: graph-request-1"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(&hostile{answers: tt.answers})
			t.Cleanup(srv.Close)
			got, err := newClient(t, srv.URL).ListRelationships(bounded(t), Filter{CustomerTenantID: customer})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ListRelationships = %d relationships, %v; want an error saying %q", len(got), err, tt.want)
			}
			if err != nil && strings.Contains(err.Error(), graphToken) {
				t.Errorf("the error shows the token: %v", err)
			}
		})
	}
}

// A read answered with success but without a body (a 204, or a 202 that no read is) is no
// relationship: it is refused, never handed on as none.
func TestAReadAnsweredWithoutABodyIsUnusable(t *testing.T) {
	t.Parallel()
	for _, status := range []int{http.StatusNoContent, http.StatusAccepted} {
		srv := httptest.NewServer(&hostile{answers: []func(http.ResponseWriter, *http.Request){page(status, "")}})
		t.Cleanup(srv.Close)
		got, err := newClient(t, srv.URL).GetRelationship(bounded(t), "r1")
		var unusable *AnswerError
		if !errors.As(err, &unusable) || got != nil {
			t.Errorf("GetRelationship answered %d = %+v, %v; want an unusable answer", status, got, err)
		}
	}
}

func TestARelationshipOnTwoPagesIsListedOnceAndTheListIsSortedByName(t *testing.T) {
	t.Parallel()
	second := strings.NewReplacer(`"r1"`, `"r2"`, `"Contoso"`, `"a first name"`).Replace(oneRelationship)
	srv := httptest.NewServer(&hostile{answers: []func(http.ResponseWriter, *http.Request){
		page(200, `{"value": [`+oneRelationship+`], "@odata.nextLink": "SELF/v1.0/next?p=2"}`),
		page(200, `{"value": [`+strings.Replace(oneRelationship, `"r1"`, `"R1"`, 1)+`, `+second+`]}`),
	}})
	t.Cleanup(srv.Close)
	got, err := newClient(t, srv.URL).ListRelationships(bounded(t), Filter{})
	if err != nil || len(got) != 2 || got[0].ID != "r2" || got[1].ID != "r1" {
		t.Errorf("ListRelationships = %+v, %v; want r2 (a first name) then r1 (Contoso), r1 once", got, err)
	}
}

// The Graph token travels only over https, except to loopback, and only to a URL with a scheme.
func TestAGraphBaseURLTheTokenCannotSafelyTravelToIsRefused(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]string{
		"http://graph.example.test": "the Microsoft Graph token",
		"graph.example.test":        "has no scheme",
	} {
		if _, err := New(Config{BaseURL: raw, TokenSource: transport.StaticToken(graphToken)}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("New(%q) = %v, want an error saying %q", raw, err, want)
		}
	}
	if _, err := New(Config{BaseURL: "http://127.0.0.1:8080", TokenSource: transport.StaticToken(graphToken)}); err != nil {
		t.Errorf("New(http to loopback) = %v", err)
	}
}

func TestAGraphBaseURLWithAPathIsRefused(t *testing.T) {
	t.Parallel()
	_, err := New(Config{BaseURL: "https://graph.microsoft.com/v1.0", TokenSource: transport.StaticToken(graphToken)})
	if err == nil || !strings.Contains(err.Error(), "names a path: give Graph's root, such as https://graph.microsoft.com") {
		t.Errorf("err = %v", err)
	}
}

func TestThrottlingAndServerFailuresAreRetried(t *testing.T) {
	t.Parallel()
	h := &hostile{answers: []func(http.ResponseWriter, *http.Request){
		page(429, `{"error": {"code": "TooManyRequests", "message": "slow down"}}`, "Retry-After", "0"),
		page(500, `{"error": {"code": "unexpectedError", "message": "oops"}}`),
		page(200, oneRelationship),
	}}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	r, err := newClient(t, srv.URL).GetRelationship(bounded(t), "r1")
	if err != nil || r.ID != "r1" || h.calls.Load() != 3 {
		t.Errorf("GetRelationship = %+v, %v after %d calls; want r1 after 3", r, err, h.calls.Load())
	}
}

func TestAnAnswerAboutAnotherRelationshipIsRefused(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(&hostile{answers: []func(http.ResponseWriter, *http.Request){page(200, oneRelationship)}})
	t.Cleanup(srv.Close)
	_, err := newClient(t, srv.URL).GetRelationship(bounded(t), "r2")
	var ae *AnswerError
	if !errors.As(err, &ae) || !strings.Contains(err.Error(), "it describes relationship r1, not r2, the one asked for") {
		t.Errorf("err = %v", err)
	}
}

func TestAGraphErrorNamesItsCodeAndRequestIDs(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(&hostile{answers: []func(http.ResponseWriter, *http.Request){page(403,
		`{"error": {"code": "Authorization_RequestDenied", "message": "Insufficient privileges", "innerError": {"request-id": "from-body"}}}`)}})
	t.Cleanup(srv.Close)
	_, err := newClient(t, srv.URL).GetRelationship(bounded(t), "r1")
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.RequestID != "from-body" || apiErr.ClientRequestID == "" || apiErr.IsNotFound() ||
		!strings.HasPrefix(err.Error(), "GET /v1.0/tenantRelationships/delegatedAdminRelationships/r1: HTTP 403 Forbidden, "+
			"Microsoft Graph code Authorization_RequestDenied: Insufficient privileges [request-id: from-body, client-request-id: ") {
		t.Errorf("err = %v", err)
	}
}

func TestFiltersAreQuotedAsODataQuotes(t *testing.T) {
	t.Parallel()
	if got := (Filter{Status: "active", CustomerTenantID: "o'brien"}).odata(); got != "status eq 'active' and customer/tenantId eq 'o''brien'" {
		t.Errorf("odata() = %s", got)
	}
	if got := (Filter{}).odata(); got != "" {
		t.Errorf("an empty filter = %q", got)
	}
}

func TestAClientRequestIDIsKeptOnRetriesAndNewPerCall(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var ids []string
	record := func(next func(http.ResponseWriter, *http.Request)) func(http.ResponseWriter, *http.Request) {
		return func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			ids = append(ids, r.Header.Get("client-request-id"))
			mu.Unlock()
			next(w, r)
		}
	}
	srv := httptest.NewServer(&hostile{answers: []func(http.ResponseWriter, *http.Request){
		record(page(503, `{}`)), record(page(200, oneRelationship)), record(page(200, oneRelationship)),
	}})
	t.Cleanup(srv.Close)
	c := newClient(t, srv.URL)
	for range 2 {
		if _, err := c.GetRelationship(bounded(t), "r1"); err != nil {
			t.Fatal(err)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(ids) != 3 || ids[0] == "" || ids[0] != ids[1] || ids[2] == ids[1] {
		t.Errorf("client-request-ids %v: want the retry to keep the first and the next call to have its own", ids)
	}
}

func TestListRelationshipsReadsNoPageAfterTheLimit(t *testing.T) {
	t.Parallel()
	c, emu, base := emulated(t)
	for i := range 25 {
		seed(t, base, fmt.Sprintf("Relationship %02d", i), customer)
	}
	emu.Graph().SetPageSize(10)
	for _, tt := range []struct{ limit, want, pages int }{{0, 25, 3}, {1, 1, 1}, {10, 10, 1}, {11, 11, 2}, {25, 25, 3}, {100, 25, 3}} {
		emu.ResetRequests()
		got, err := c.ListRelationships(bounded(t), Filter{Limit: tt.limit})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != tt.want {
			t.Errorf("limit %d: %d relationships, want %d", tt.limit, len(got), tt.want)
		}
		if pages := len(emu.Requests()); pages != tt.pages {
			t.Errorf("limit %d: %d pages read, want %d", tt.limit, pages, tt.pages)
		}
	}
}

func TestOnlyGraphsOwn404SaysAnObjectIsGone(t *testing.T) {
	t.Parallel()
	graphs := `{"error": {"code": "resourceNotFound", "message": "The delegated admin relationship was not found.", "innerError": {"request-id": "r"}}}`
	for name, tc := range map[string]struct {
		body, contentType string
		gone              bool
	}{
		"Graph's error object":         {graphs, "application/json", true},
		"a proxy's HTML page":          {"<html><body>404 Not Found</body></html>", "text/html", false},
		"an empty body":                {"", "", false},
		"another API's JSON":           {`{"code": "404", "description": "Not Found"}`, "application/json", false},
		"an error object with no code": {`{"error": {"message": "not found"}}`, "application/json", false},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(&hostile{answers: []func(http.ResponseWriter, *http.Request){
				page(http.StatusNotFound, tc.body, "Content-Type", tc.contentType)}})
			t.Cleanup(srv.Close)
			c := newClient(t, srv.URL)
			_, err := c.GetRelationship(bounded(t), "r1")
			var apiErr *APIError
			if !errors.As(err, &apiErr) || apiErr.IsNotFound() != tc.gone || apiErr.IsUnusableNotFound() == tc.gone {
				t.Fatalf("GetRelationship: %v; want gone = %v", err, tc.gone)
			}
			a, err := c.WaitAccessAssignment(bounded(t), "r1", "a1", func(a *AccessAssignment) bool { return a == nil })
			if gone := err == nil && a == nil; gone != tc.gone {
				t.Fatalf("WaitAccessAssignment = %+v, %v; want gone = %v", a, err, tc.gone)
			}
		})
	}
}

// A call its operation's deadline ends says what Graph was doing meanwhile, as a Partner Center
// call does: here, throttling it on every attempt.
func TestATimedOutCallSaysWhatGraphAnswered(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(&hostile{answers: []func(http.ResponseWriter, *http.Request){
		page(429, `{"error": {"code": "TooManyRequests", "message": "slow down"}}`, "Retry-After", "1")}})
	t.Cleanup(srv.Close)
	ctx, cancel := context.WithTimeout(bounded(t), 300*time.Millisecond)
	defer cancel()
	c, err := New(Config{BaseURL: srv.URL, TokenSource: transport.StaticToken(graphToken)})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.GetRelationship(ctx, "r1")
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "while Microsoft Graph answered 429 Too Many Requests (Retry-After 1 s, 1 attempt)") {
		t.Errorf("err = %v; want the deadline, saying Graph kept answering 429", err)
	}
}

// bounded is the test's context with a deadline: a call or wait a change in the code makes hang
// fails the test within it, rather than running until the test binary's own limit.
func bounded(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), 15*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// contextWithin is a bounded context that ends after d.
func contextWithin(t *testing.T, d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(bounded(t), d)
}

func staticGraphToken() transport.TokenSource { return transport.StaticToken(graphToken) }
