// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

// customerID is the id of the i-th customer in these tests.
func customerID(i int) string { return fmt.Sprintf("00000000-0000-4000-8000-%012d", i) }

func customerItem(i int) map[string]any {
	return map[string]any{
		"id": customerID(i), "commerceId": fmt.Sprintf("c0000000-0000-4000-8000-%012d", i),
		"companyProfile": map[string]any{
			"tenantId": customerID(i), "domain": fmt.Sprintf("tenant%d.onmicrosoft.com", i),
			"companyName": fmt.Sprintf("Company %d", i), "attributes": map[string]any{"objectType": "CustomerCompanyProfile"},
		},
		"relationshipToPartner": "reseller", "allowDelegatedAccess": true,
		"attributes": map[string]any{"objectType": "Customer"},
	}
}

// page answers with the customers numbered nums and, when nextURI is set, a next link carrying
// the given headers (key, value, key, value...).
func page(nums []int, nextURI string, headers ...string) reply {
	items := make([]any, len(nums))
	for i, n := range nums {
		items[i] = customerItem(n)
	}
	links := map[string]any{"self": map[string]any{"uri": "/customers?size=500", "method": "GET", "headers": []any{}}}
	if nextURI != "" {
		var hs []any
		for i := 0; i+1 < len(headers); i += 2 {
			hs = append(hs, map[string]any{"key": headers[i], "value": headers[i+1]})
		}
		links["next"] = map[string]any{"uri": nextURI, "method": "GET", "headers": hs}
	}
	b, _ := json.Marshal(map[string]any{"totalCount": len(nums), "items": items, "links": links,
		"attributes": map[string]any{"objectType": "Collection"}})
	return reply{status: http.StatusOK, body: "\ufeff" + string(b)}
}

func span(from, to int) []int {
	var out []int
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}

func ids(customers []Customer) []string {
	out := make([]string, len(customers))
	for i, c := range customers {
		out[i] = c.ID
	}
	return out
}

func wantIDs(nums []int) []string {
	out := make([]string, len(nums))
	for i, n := range nums {
		out[i] = customerID(n)
	}
	return out
}

const nextV1 = "/v1/customers?size=500&seekOperation=Next"

func TestListCustomersFollowsEveryPageWithItsLinkAndHeaders(t *testing.T) {
	t.Parallel()
	c, rec := newScripted(t,
		page(span(0, 3), nextV1, HeaderContinuationToken, "token-1", "MS-Partner-Hint", "east"),
		page(span(3, 6), "customers?size=500&seekOperation=Next", HeaderContinuationToken, "token-2", "Authorization", "Bearer stolen"),
		page(span(6, 7), ""))
	got, err := c.ListCustomers(context.Background(), CustomerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ids(got), wantIDs(span(0, 7))) {
		t.Errorf("ids = %v", ids(got))
	}
	if got[4] != (Customer{ID: customerID(4), CommerceID: "c0000000-0000-4000-8000-000000000004", CompanyName: "Company 4",
		Domain: "tenant4.onmicrosoft.com", RelationshipToPartner: "reseller"}) {
		t.Errorf("customer decoded as %+v", got[4])
	}
	want := []struct{ query, token, hint string }{
		{"size=500", "", ""},
		{"size=500&seekOperation=Next", "token-1", "east"},
		{"size=500&seekOperation=Next", "token-2", ""},
	}
	if rec.count() != len(want) {
		t.Fatalf("%d requests, want %d", rec.count(), len(want))
	}
	for i, w := range want {
		r := rec.request(i)
		if r.URL.Path != "/v1/customers" || r.URL.RawQuery != w.query {
			t.Errorf("request %d went to %s?%s, want /v1/customers?%s", i+1, r.URL.Path, r.URL.RawQuery, w.query)
		}
		if got := r.Header.Get(HeaderContinuationToken); got != w.token {
			t.Errorf("request %d: %s = %q, want %q", i+1, HeaderContinuationToken, got, w.token)
		}
		if got := r.Header.Get("MS-Partner-Hint"); got != w.hint {
			t.Errorf("request %d: a header the link lists = %q, want %q", i+1, got, w.hint)
		}
		if got := r.Header.Get("Authorization"); got != "Bearer "+testToken {
			t.Errorf("request %d: Authorization = %q, want the client's own token", i+1, got)
		}
	}
}

func TestNextPageLinks(t *testing.T) {
	t.Parallel()
	base, _ := url.Parse("https://api.partnercenter.microsoft.com")
	token := []linkHeader{{HeaderContinuationToken, "abc"}}
	tests := []struct {
		name      string
		link      link
		wantPath  string
		wantQuery string
		wantErr   string
	}{
		{"a uri with /v1 keeps it", link{URI: "/v1/customers?size=500&seekOperation=Next", Headers: token}, "/v1/customers", "size=500&seekOperation=Next", ""},
		{"a uri without /v1 gets it", link{URI: "/customers?seekOperation=Next", Headers: token}, "/v1/customers", "seekOperation=Next", ""},
		{"a relative uri without a slash gets /v1", link{URI: "customers?seekOperation=Next", Headers: token}, "/v1/customers", "seekOperation=Next", ""},
		{"an absolute uri on the API host is followed", link{URI: "https://api.partnercenter.microsoft.com/v1/customers?x=1", Headers: token}, "/v1/customers", "x=1", ""},
		{"a query is sent exactly as written", link{URI: "/v1/customers?filter=%7B%22a%22%7D&b=c+d", Headers: token}, "/v1/customers", "filter=%7B%22a%22%7D&b=c+d", ""},
		{"an absolute uri on another host is refused", link{URI: "https://evil.example/v1/customers", Headers: token}, "", "", "leads away"},
		{"a link without a continuation token is refused", link{URI: "/v1/customers?seekOperation=Next"}, "", "", "carries no MS-ContinuationToken"},
		{"a link with another method is refused", link{URI: "/v1/customers", Method: "POST", Headers: token}, "", "", "asks for POST"},
		{"a link without a path is refused", link{URI: "?seekOperation=Next", Headers: token}, "", "", "names no collection"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cl, err := nextPageCall(base, tt.link)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if cl.path != tt.wantPath || cl.query != tt.wantQuery || cl.header.Get(HeaderContinuationToken) != "abc" {
				t.Errorf("call = %s?%s with token %q, want %s?%s with abc", cl.path, cl.query, cl.header.Get(HeaderContinuationToken), tt.wantPath, tt.wantQuery)
			}
		})
	}
}

func TestListCustomersReturnsACustomerRepeatedOnTheNextPageOnce(t *testing.T) {
	t.Parallel()
	c, _ := newScripted(t,
		page(span(0, 5), nextV1, HeaderContinuationToken, "t1"),
		page(span(3, 8), nextV1, HeaderContinuationToken, "t2"), // 3 and 4 again: the page boundary moved
		page([]int{7, 8, 9}, ""))
	got, err := c.ListCustomers(context.Background(), CustomerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ids(got), wantIDs(span(0, 10))) {
		t.Errorf("ids = %v, want 0..9 once each", ids(got))
	}
}

func TestListCustomersStopsPagingThatLoops(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		replies  []reply
		maxPages int
		wantErr  string
		wantReqs int
	}{
		{
			name:     "the same continuation token offered twice",
			replies:  []reply{page(span(0, 2), nextV1, HeaderContinuationToken, "t1"), page(span(2, 4), nextV1, HeaderContinuationToken, "t1")},
			maxPages: maxCustomerPages, wantErr: "same next-page link and continuation token twice", wantReqs: 2,
		},
		{
			name: "pages that repeat customers under new tokens",
			replies: []reply{page(span(0, 2), nextV1, HeaderContinuationToken, "t1"), page(span(0, 2), nextV1, HeaderContinuationToken, "t2"),
				page(span(0, 2), nextV1, HeaderContinuationToken, "t3"), page(span(0, 2), nextV1, HeaderContinuationToken, "t4")},
			maxPages: maxCustomerPages, wantErr: "the last 3 pages brought no customer not listed before", wantReqs: 4,
		},
		{
			name: "empty pages offered without end under new tokens",
			replies: []reply{page(span(0, 2), nextV1, HeaderContinuationToken, "t1"), page(nil, nextV1, HeaderContinuationToken, "t2"),
				page(nil, nextV1, HeaderContinuationToken, "t3"), page(nil, nextV1, HeaderContinuationToken, "t4"),
				page(nil, nextV1, HeaderContinuationToken, "t5")},
			maxPages: maxCustomerPages, wantErr: "the last 3 pages brought no customer not listed before (they were empty", wantReqs: 4,
		},
		{
			name: "a mix of empty and repeated pages",
			replies: []reply{page(span(0, 2), nextV1, HeaderContinuationToken, "t1"), page(nil, nextV1, HeaderContinuationToken, "t2"),
				page(span(0, 1), nextV1, HeaderContinuationToken, "t3"), page(nil, nextV1, HeaderContinuationToken, "t4"),
				page(span(2, 3), "")},
			maxPages: maxCustomerPages, wantErr: "its paging loops", wantReqs: 4,
		},
		{
			name: "pages that never end",
			replies: []reply{page([]int{0}, nextV1, HeaderContinuationToken, "t1"), page([]int{1}, nextV1, HeaderContinuationToken, "t2"),
				page([]int{2}, nextV1, HeaderContinuationToken, "t3"), page([]int{3}, nextV1, HeaderContinuationToken, "t4")},
			maxPages: 3, wantErr: "still offers a next page after 3 pages", wantReqs: 3,
		},
	}
	for _, tt := range tests {
		t.Run("it stops at "+tt.name, func(t *testing.T) {
			c, rec := newScripted(t, tt.replies...)
			_, err := c.listCustomers(context.Background(), CustomerFilter{}, tt.maxPages)
			var pe *PagingError
			if !errors.As(err, &pe) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want a PagingError saying %q", err, tt.wantErr)
			}
			if rec.count() != tt.wantReqs {
				t.Errorf("%d requests, want %d", rec.count(), tt.wantReqs)
			}
		})
	}
}

func TestListCustomersStartsOverOnceWhenATokenIsRefused(t *testing.T) {
	t.Parallel()
	refused := reply{status: http.StatusBadRequest, body: `{"code":400,"description":"The continuation token is invalid or expired."}`}
	c, rec := newScripted(t,
		page(span(0, 3), nextV1, HeaderContinuationToken, "old"), refused,
		page(span(0, 3), nextV1, HeaderContinuationToken, "new"), page(span(3, 5), ""))
	got, err := c.ListCustomers(context.Background(), CustomerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ids(got), wantIDs(span(0, 5))) || rec.count() != 4 {
		t.Errorf("ids = %v after %d requests, want 0..4 once each after 4", ids(got), rec.count())
	}
}

func TestListCustomersReportsATokenRefusedTwice(t *testing.T) {
	t.Parallel()
	refused := reply{status: http.StatusBadRequest, body: `{"code":400,"description":"The continuation token is invalid or expired."}`}
	c, rec := newScripted(t, page(span(0, 3), nextV1, HeaderContinuationToken, "a"), refused,
		page(span(0, 3), nextV1, HeaderContinuationToken, "b"), refused)
	_, err := c.ListCustomers(context.Background(), CustomerFilter{})
	var pe *PagingError
	if !errors.As(err, &pe) || pe.Page != 2 || !hasStatus(err, http.StatusBadRequest) {
		t.Fatalf("err = %v, want a PagingError for page 2 holding the 400", err)
	}
	for _, want := range []string{"listing customers: page 2", "continuation token is invalid", HeaderRequestID + ": ", HeaderCorrelationID + ": "} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if rec.count() != 4 {
		t.Errorf("%d requests, want 4: one fresh start, no more", rec.count())
	}
}

func TestListCustomersRetriesAThrottledPage(t *testing.T) {
	t.Parallel()
	c, rec := newScripted(t,
		page(span(0, 2), nextV1, HeaderContinuationToken, "t1"),
		reply{status: 429, header: map[string]string{"Retry-After": "0"}, body: `{"statusCode":429,"message":"Rate limit is exceeded."}`},
		page(span(2, 4), ""))
	got, err := c.ListCustomers(context.Background(), CustomerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 || rec.request(2).Header.Get(HeaderContinuationToken) != "t1" {
		t.Errorf("%d customers, retry sent token %q; want 4 and t1", len(got), rec.request(2).Header.Get(HeaderContinuationToken))
	}
}

func TestListCustomersPassesOtherErrorsOn(t *testing.T) {
	t.Parallel()
	c, _ := newScripted(t, reply{status: http.StatusForbidden, body: `{"code":20002,"description":"No relationship."}`})
	_, err := c.ListCustomers(context.Background(), CustomerFilter{})
	var pe *PagingError
	if !IsForbidden(err) || errors.As(err, &pe) {
		t.Errorf("err = %v, want the 403 as it is", err)
	}
}

func TestListCustomersFilters(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		filter     CustomerFilter
		wantFilter string // the filter parameter sent, "" for none
		wantIDs    []string
	}{
		{"no prefix lists everyone", CustomerFilter{}, "", wantIDs(span(0, 3))},
		{"a company name prefix goes to Partner Center", CustomerFilter{CompanyNamePrefix: "Comp"},
			`{"Field":"CompanyName","Value":"Comp","Operator":"starts_with"}`, wantIDs(span(0, 3))},
		{"a domain prefix goes to Partner Center", CustomerFilter{DomainPrefix: "tenant"},
			`{"Field":"Domain","Value":"tenant","Operator":"starts_with"}`, wantIDs(span(0, 3))},
		{"with both, the domain prefix is applied to the answer", CustomerFilter{CompanyNamePrefix: "comp", DomainPrefix: "TENANT1"},
			`{"Field":"CompanyName","Value":"comp","Operator":"starts_with"}`, wantIDs([]int{1})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, rec := newScripted(t, page(span(0, 3), ""))
			got, err := c.ListCustomers(context.Background(), tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			q := rec.request(0).URL.Query()
			if q.Get("filter") != tt.wantFilter || q.Get("size") != "500" {
				t.Errorf("filter=%s size=%s, want filter=%s size=500", q.Get("filter"), q.Get("size"), tt.wantFilter)
			}
			if !reflect.DeepEqual(ids(got), tt.wantIDs) {
				t.Errorf("ids = %v, want %v", ids(got), tt.wantIDs)
			}
		})
	}
}

func TestGetCustomer(t *testing.T) {
	t.Parallel()
	b, _ := json.Marshal(customerItem(7))
	c, rec := newScripted(t, reply{status: 200, body: "\ufeff" + string(b)},
		reply{status: 404, body: `{"code":60003,"description":"Tenant not found."}`})
	got, err := c.GetCustomer(context.Background(), customerID(7))
	if err != nil {
		t.Fatal(err)
	}
	if got.CompanyName != "Company 7" || got.Domain != "tenant7.onmicrosoft.com" || rec.request(0).URL.Path != "/v1/customers/"+customerID(7) {
		t.Errorf("customer %+v from %s", got, rec.request(0).URL.Path)
	}
	if _, err := c.GetCustomer(context.Background(), customerID(8)); !IsNotFound(err) {
		t.Errorf("err = %v, want 404", err)
	}
	if _, err := c.GetCustomer(context.Background(), "contoso.onmicrosoft.com"); err == nil || rec.count() != 2 {
		t.Errorf("a non-GUID id gave err %v after %d requests, want an error and no request", err, rec.count())
	}
}

func TestOnlyA400ToANextPageIsARefusedContinuationToken(t *testing.T) {
	t.Parallel()
	badRequest := &APIError{StatusCode: http.StatusBadRequest}
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"a 400 to the second page is", fmt.Errorf("listing: %w", &PagingError{Page: 2, Err: badRequest}), true},
		{"a 400 to a later page is", &PagingError{Page: 9, Err: badRequest}, true},
		{"a 400 to the first page is not: there was no token", &PagingError{Page: 1, Err: badRequest}, false},
		{"a 404 to a next page is not", &PagingError{Page: 2, Err: &APIError{StatusCode: http.StatusNotFound}}, false},
		{"paging that loops is not", &PagingError{Page: 4, Problem: "its paging loops"}, false},
		{"a 400 outside paging is not", badRequest, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := isRefusedToken(tt.err); got != tt.want {
				t.Errorf("isRefusedToken(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}

func TestListCustomersTakesAFewEmptyPagesBeforeMoreCustomers(t *testing.T) {
	t.Parallel()
	c, rec := newScripted(t,
		page(span(0, 2), nextV1, HeaderContinuationToken, "t1"),
		page(nil, nextV1, HeaderContinuationToken, "t2"),
		page(nil, nextV1, HeaderContinuationToken, "t3"),
		page(span(2, 3), nextV1, HeaderContinuationToken, "t4"),
		page(nil, nextV1, HeaderContinuationToken, "t5"),
		page(nil, ""))
	got, err := c.ListCustomers(context.Background(), CustomerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ids(got), wantIDs(span(0, 3))) || rec.count() != 6 {
		t.Errorf("ids = %v after %d requests, want 0..2 after 6", ids(got), rec.count())
	}
}

func TestListCustomersCountsOnlyPagesInARowThatBringNobodyNew(t *testing.T) {
	t.Parallel()
	c, rec := newScripted(t,
		page(span(0, 2), nextV1, HeaderContinuationToken, "t1"),
		page(span(0, 2), nextV1, HeaderContinuationToken, "t2"),
		page(span(0, 2), nextV1, HeaderContinuationToken, "t3"),
		page(span(0, 3), nextV1, HeaderContinuationToken, "t4"), // one new customer: the count starts again
		page(span(0, 3), nextV1, HeaderContinuationToken, "t5"),
		page(span(0, 3), nextV1, HeaderContinuationToken, "t6"),
		page(span(3, 4), ""))
	got, err := c.ListCustomers(context.Background(), CustomerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ids(got), wantIDs(span(0, 4))) || rec.count() != 7 {
		t.Errorf("ids = %v after %d requests, want 0..3 after 7", ids(got), rec.count())
	}
}
