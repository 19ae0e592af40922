// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// listPage is one answer of GET /v1/customers, decoded.
type listPage struct {
	answer
	ids       []string
	nextURI   string
	nextToken string
}

func listCustomers(t *testing.T, s *Server, uri, token string) listPage {
	t.Helper()
	h := map[string]string{}
	if token != "" {
		h[headerContinuationToken] = token
	}
	p := listPage{answer: send(t, s, http.MethodGet, uri, h, nil)}
	items, _ := p.body["items"].([]any)
	for _, it := range items {
		p.ids = append(p.ids, it.(map[string]any)["id"].(string))
	}
	links, _ := p.body["links"].(map[string]any)
	if next, ok := links["next"].(map[string]any); ok {
		p.nextURI, _ = next["uri"].(string)
		headers, _ := next["headers"].([]any)
		for _, h := range headers {
			kv := h.(map[string]any)
			if kv["key"] == headerContinuationToken {
				p.nextToken, _ = kv["value"].(string)
			}
		}
	}
	return p
}

// listAll follows every page from uri and returns the ids in order and the number of pages.
func listAll(t *testing.T, s *Server, uri string) ([]string, int) {
	t.Helper()
	var all []string
	token := ""
	for pages := 1; ; pages++ {
		if pages > 100 {
			t.Fatalf("still a next page after 100 pages: the paging does not end")
		}
		p := listCustomers(t, s, uri, token)
		if p.status != http.StatusOK {
			t.Fatalf("page %d: status %d: %s", pages, p.status, p.raw)
		}
		all = append(all, p.ids...)
		if p.nextURI == "" {
			return all, pages
		}
		uri, token = p.nextURI, p.nextToken
	}
}

func filterQuery(field, value string) string {
	return "/v1/customers?size=500&filter=" + url.QueryEscape(`{"Field":"`+field+`","Value":"`+value+`","Operator":"starts_with"}`)
}

func TestCustomersAreListedOnceEachInPagesOf500(t *testing.T) {
	t.Parallel()
	s := New(token)
	seeded, err := s.SeedCustomers(1001)
	if err != nil {
		t.Fatal(err)
	}
	first := listCustomers(t, s, "/v1/customers?size=500", "")
	if len(first.ids) != 500 || first.body["totalCount"] != float64(500) || first.nextURI != "/v1/customers?size=500&seekOperation=Next" || first.nextToken == "" {
		t.Fatalf("first page: %d items, totalCount %v, next %q with token %q", len(first.ids), first.body["totalCount"], first.nextURI, first.nextToken)
	}
	if obj := first.body["attributes"].(map[string]any)["objectType"]; obj != "Collection" {
		t.Errorf("objectType = %v, want Collection", obj)
	}
	all, pages := listAll(t, s, "/v1/customers?size=500")
	if pages != 3 {
		t.Errorf("%d pages, want 3", pages)
	}
	seen := map[string]int{}
	for _, id := range all {
		seen[id]++
	}
	for _, id := range seeded {
		if seen[id] != 1 {
			t.Errorf("customer %s listed %d times", id, seen[id])
		}
	}
	if len(all) != len(seeded) {
		t.Errorf("%d customers listed, %d seeded", len(all), len(seeded))
	}
}

func TestAListedCustomerHasPartnerCentersShape(t *testing.T) {
	t.Parallel()
	s := New(token)
	ids, err := s.SeedCustomers(2)
	if err != nil {
		t.Fatal(err)
	}
	a := send(t, s, http.MethodGet, "/v1/customers/"+strings.ToUpper(ids[1]), nil, nil)
	if a.status != http.StatusOK {
		t.Fatalf("status %d: %s", a.status, a.raw)
	}
	profile := a.body["companyProfile"].(map[string]any)
	want := map[string]any{"tenantId": ids[1], "companyName": "Fabrikam 0001", "domain": "fabrikam0001.onmicrosoft.com"}
	for k, v := range want {
		if profile[k] != v {
			t.Errorf("companyProfile.%s = %v, want %v", k, profile[k], v)
		}
	}
	if a.body["id"] != ids[1] || a.body["relationshipToPartner"] != "reseller" || a.body["attributes"].(map[string]any)["objectType"] != "Customer" {
		t.Errorf("customer = %v", a.body)
	}
	if c, ok := a.body["commerceId"].(string); !ok || len(c) != 36 || c == ids[1] {
		t.Errorf("commerceId = %v, want a GUID of its own", a.body["commerceId"])
	}
	if a := send(t, s, http.MethodGet, "/v1/customers/00000000-0000-4000-8000-000000000000", nil, nil); a.status != 404 || a.body["code"] != float64(60003) {
		t.Errorf("unknown customer: status %d code %v, want 404 and 60003", a.status, a.body["code"])
	}
}

func TestCustomerSeededWithOnlyAProfileIsListedUnderItsCompanyName(t *testing.T) {
	t.Parallel()
	s := newSeeded(t)
	p := listCustomers(t, s, "/v1/customers", "")
	if len(p.ids) != 1 || p.ids[0] != customer {
		t.Fatalf("ids = %v, want the seeded customer", p.ids)
	}
	c, _ := s.Company(customer)
	if c.Name != "Contoso Ltd" || c.Domain != "contosoltd7c1e8a52.onmicrosoft.com" || c.Relationship != RelationshipReseller {
		t.Errorf("company = %+v", c)
	}
}

func TestCustomerFilters(t *testing.T) {
	t.Parallel()
	s := New(token)
	ids, err := s.SeedCustomers(1001)
	if err != nil {
		t.Fatal(err)
	}
	count := func(match func(Company) bool) int {
		n := 0
		for _, id := range ids {
			if c, _ := s.Company(id); match(c) {
				n++
			}
		}
		return n
	}
	tests := []struct {
		name, uri string
		want      int
	}{
		{"a company name prefix in any case", filterQuery("CompanyName", "fAbRi"),
			count(func(c Company) bool { return strings.HasPrefix(c.Name, "Fabrikam") })},
		{"a domain prefix", filterQuery("Domain", "contoso00"),
			count(func(c Company) bool { return strings.HasPrefix(c.Domain, "contoso00") })},
		{"a prefix nobody has", filterQuery("CompanyName", "Zzz"), 0},
		{"size=0, as Partner Center's own filter example sends", strings.Replace(filterQuery("companyname", "Contoso"), "size=500", "size=0", 1),
			count(func(c Company) bool { return strings.HasPrefix(c.Name, "Contoso") })},
	}
	for _, tt := range tests {
		t.Run("it filters by "+tt.name, func(t *testing.T) {
			got, _ := listAll(t, s, tt.uri)
			if len(got) != tt.want {
				t.Errorf("%d customers, want %d", len(got), tt.want)
			}
		})
	}
	if n := count(func(c Company) bool { return strings.HasPrefix(c.Domain, "contoso00") }); n != 99 {
		t.Errorf("the seeding changed: %d domains begin with contoso00, the filter cases expect 99", n)
	}
}

func TestBadListRequestsGet400(t *testing.T) {
	t.Parallel()
	s := New(token)
	if _, err := s.SeedCustomers(3); err != nil {
		t.Fatal(err)
	}
	first := listCustomers(t, s, "/v1/customers?size=1&filter="+url.QueryEscape(`{"Field":"CompanyName","Value":"","Operator":"starts_with"}`), "")
	// A token whose position was changed: its signature no longer matches.
	_, mac, _ := strings.Cut(first.nextToken, ".")
	forged := base64.RawURLEncoding.EncodeToString([]byte(`{"f":{"Field":"companyname","Value":""},"a":""}`)) + "." + mac
	tests := []struct{ name, uri, token, want string }{
		{"a filter that is not JSON", "/v1/customers?filter=CompanyName", "", "not a JSON object"},
		{"a filter on another field", filterQuery("Email", "a"), "", "not CompanyName or Domain"},
		{"a filter with another operator", "/v1/customers?filter=" + url.QueryEscape(`{"Field":"Domain","Value":"a","Operator":"contains"}`), "", "not starts_with"},
		{"a size that is not a number", "/v1/customers?size=many", "", "not a number"},
		{"a next page without a token", "/v1/customers?seekOperation=Next", "", "is missing"},
		{"a next page with a forged token", "/v1/customers?seekOperation=Next", forged, "not a continuation token"},
		{"a token used with another filter", filterQuery("Domain", "x") + "&seekOperation=Next", first.nextToken, "another filter"},
		{"an unknown seek operation", "/v1/customers?seekOperation=Previous", first.nextToken, "not supported"},
	}
	for _, tt := range tests {
		t.Run("it refuses "+tt.name, func(t *testing.T) {
			a := listCustomers(t, s, tt.uri, tt.token)
			desc, _ := a.body["description"].(string)
			if a.status != http.StatusBadRequest || !strings.Contains(desc, tt.want) {
				t.Errorf("status %d, description %q; want 400 saying %q", a.status, desc, tt.want)
			}
		})
	}
	if a := listCustomers(t, s, first.nextURI, first.nextToken); a.status != http.StatusOK || len(a.ids) != 1 {
		t.Errorf("the genuine token: status %d with %d customers, want 200 with 1", a.status, len(a.ids))
	}
}

func TestPagingSeeksPastCustomersThatLeaveBetweenPages(t *testing.T) {
	t.Parallel()
	s := New(token)
	ids, err := s.SeedCustomers(6)
	if err != nil {
		t.Fatal(err)
	}
	first := listCustomers(t, s, "/v1/customers?size=3", "")
	s.DeleteCustomer(first.ids[0]) // someone ends a relationship while the listing runs
	second := listCustomers(t, s, first.nextURI, first.nextToken)
	all := slices.Concat(first.ids, second.ids)
	if len(all) != len(ids) || second.nextURI != "" {
		t.Errorf("%d customers over two pages (next %q), want all %d: the deletion must not shift the second page", len(all), second.nextURI, len(ids))
	}
}

func TestExpiredContinuationTokensGet400(t *testing.T) {
	t.Parallel()
	s := New(token)
	if _, err := s.SeedCustomers(3); err != nil {
		t.Fatal(err)
	}
	s.SetClock(stopped(time.Now()))
	s.SetContinuationTokenLifetime(time.Minute)
	first := listCustomers(t, s, "/v1/customers?size=2", "")
	s.Advance(time.Minute)
	if a := listCustomers(t, s, first.nextURI, first.nextToken); a.status != http.StatusOK {
		t.Fatalf("status %d for a token as old as its lifetime, want the next page", a.status)
	}
	s.Advance(time.Nanosecond)
	a := listCustomers(t, s, first.nextURI, first.nextToken)
	if desc, _ := a.body["description"].(string); a.status != http.StatusBadRequest || !strings.Contains(desc, "expired") {
		t.Errorf("status %d, description %q; want 400 saying the token expired", a.status, desc)
	}
}
