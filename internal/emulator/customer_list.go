// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// Routes of the customers collection and of one customer.
const (
	customersRoute = "GET /v1/customers"
	customerRoute  = "GET /v1/customers/{id}"
)

// Paging of the customers collection: pages of up to 500, seek-based. While more customers
// follow, links.next is GET {customersNextURI} with the position in the MS-ContinuationToken header.
const (
	maxCustomersPageSize    = 500
	headerContinuationToken = "MS-ContinuationToken"
	seekOperationNext       = "Next"
	customersNextURI        = "/v1/customers?size=%d&seekOperation=" + seekOperationNext
)

// Customer filter: the filter parameter is a JSON object such as
// {"Field":"CompanyName","Value":"cont","Operator":"starts_with"}, matched without regard to case.
const (
	filterCompanyName = "companyname"
	filterDomain      = "domain"
	filterStartsWith  = "starts_with"
)

// customerFilter is a parsed filter; the zero value matches every customer.
type customerFilter struct {
	Field string `json:"Field"`
	Value string `json:"Value"`
	// Operator is only read from the request; tokens keep the field and the value.
	Operator string `json:"Operator,omitempty"`
}

func (f customerFilter) matches(c Company) bool {
	var v string
	switch f.Field {
	case "":
		return true
	case filterCompanyName:
		v = c.Name
	case filterDomain:
		v = c.Domain
	}
	return strings.HasPrefix(strings.ToLower(v), strings.ToLower(f.Value))
}

func parseFilter(raw string) (customerFilter, error) {
	if raw == "" {
		return customerFilter{}, nil
	}
	var f customerFilter
	if err := json.Unmarshal([]byte(raw), &f); err != nil {
		return customerFilter{}, fmt.Errorf("the filter is not a JSON object: %w", err)
	}
	f.Field = strings.ToLower(f.Field)
	if f.Field != filterCompanyName && f.Field != filterDomain {
		return customerFilter{}, fmt.Errorf("the filter's Field %q is not CompanyName or Domain", f.Field)
	}
	if !strings.EqualFold(f.Operator, filterStartsWith) {
		return customerFilter{}, fmt.Errorf("the filter's Operator %q is not %s, the only one supported", f.Operator, filterStartsWith)
	}
	f.Operator = ""
	return f, nil
}

// listQuery is what one request for a page asks for.
type listQuery struct {
	size   int
	filter customerFilter
	after  string // the last customer id of the previous page; "" for the first page
}

func pageSize(raw string) (int, error) {
	if raw == "" {
		return maxCustomersPageSize, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("size %q is not a number of customers", raw)
	}
	if n == 0 || n > maxCustomersPageSize {
		return maxCustomersPageSize, nil // size=0 asks for the default page
	}
	return n, nil
}

// parseListQuery reads a first-page request, or with seekOperation=Next a next-page request, whose
// MS-ContinuationToken must be one this emulator issued for the same filter.
func (s *Server) parseListQuery(r *http.Request) (listQuery, error) {
	q := r.URL.Query()
	size, err := pageSize(q.Get("size"))
	if err != nil {
		return listQuery{}, err
	}
	filter, err := parseFilter(q.Get("filter"))
	if err != nil {
		return listQuery{}, err
	}
	op := q.Get("seekOperation")
	if op == "" {
		return listQuery{size: size, filter: filter}, nil
	}
	if !strings.EqualFold(op, seekOperationNext) {
		return listQuery{}, fmt.Errorf("seekOperation %q is not supported: use %s", op, seekOperationNext)
	}
	c, err := s.readToken(r.Header.Get(headerContinuationToken))
	if err != nil {
		return listQuery{}, err
	}
	if q.Has("filter") && filter != c.Filter {
		return listQuery{}, errors.New("the continuation token belongs to a listing with another filter")
	}
	return listQuery{size: size, filter: c.Filter, after: c.After}, nil
}

func (s *Server) handleListCustomers(w http.ResponseWriter, r *http.Request) {
	q, err := s.parseListQuery(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, http.StatusBadRequest, sentence(err))
		return
	}
	items, next, err := s.customerPage(q)
	if err != nil {
		writeError(w, http.StatusInternalServerError, http.StatusInternalServerError, err.Error())
		return
	}
	links := selfLink(r.URL.RequestURI())
	if next != "" {
		links["next"] = map[string]any{
			"uri":     fmt.Sprintf(customersNextURI, q.size),
			"method":  "GET",
			"headers": []any{map[string]any{"key": headerContinuationToken, "value": next}},
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"totalCount": len(items),
		"items":      items,
		"links":      links,
		"attributes": map[string]any{"objectType": "Collection"},
	})
}

// customerPage returns the page q asks for, in the order of the customers' ids, and the
// continuation token of the page after it ("" when this page is the last).
func (s *Server) customerPage(q listQuery) ([]any, string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var matching []string
	for id := range s.customers {
		if id > q.after && q.filter.matches(s.companyLocked(id)) {
			matching = append(matching, id)
		}
	}
	slices.Sort(matching)
	page := matching[:min(q.size, len(matching))]
	items := make([]any, len(page))
	for i, id := range page {
		items[i] = s.customerDocLocked(id)
	}
	if len(page) == len(matching) {
		return items, "", nil
	}
	token, err := s.issueTokenLocked(continuation{Filter: q.filter, After: page[len(page)-1]})
	return items, token, err
}

func (s *Server) handleGetCustomer(w http.ResponseWriter, r *http.Request) {
	id := strings.ToLower(r.PathValue("id"))
	s.mu.Lock()
	_, ok := s.customers[id]
	var doc map[string]any
	if ok {
		doc = s.customerDocLocked(id)
	}
	s.mu.Unlock()
	if !ok {
		writeTenantNotFound(w)
		return
	}
	writeJSON(w, http.StatusOK, doc)
}

// sentence makes an error a description as Partner Center writes them: capitalised, with a full stop.
func sentence(err error) string {
	msg := err.Error()
	if msg == "" {
		return msg
	}
	return strings.ToUpper(msg[:1]) + msg[1:] + "."
}
