// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graphemu

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// maxPageSize is the most items Graph puts on one page of relationships ($top at most 300).
const maxPageSize = 300

// filterClause is one `field eq 'value'` of a $filter; clauses are joined by `and`.
// A quote inside a value is doubled, as OData escapes it.
var filterClause = regexp.MustCompile(`^(status|customer/tenantId|displayName) eq '((?:[^']|'')*)'$`)

// listRelationships is GET .../delegatedAdminRelationships: the relationships that match $filter,
// in pages of $top (at most 300), each with an @odata.nextLink to the next while there is one. The
// link's $skiptoken names the last relationship given (its place in the order created), not a
// count: a relationship deleted between two pages moves no other from one page to the next.
func (s *Server) listRelationships(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	match, err := parseFilter(q.Get("$filter"))
	if err != nil {
		WriteError(w, r, http.StatusBadRequest, "BadRequest", err.Error())
		return
	}
	top, after, err := pageBounds(q)
	if err != nil {
		WriteError(w, r, http.StatusBadRequest, "BadRequest", err.Error())
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.nowLocked()
	var matched []*relationship
	for _, id := range s.order {
		rel := s.relationships[id]
		if rel.seq <= after || now.Before(s.visibleAt[id]) {
			continue
		}
		rel.settle(now)
		if match(rel) {
			matched = append(matched, rel)
		}
	}
	page := matched[:min(top, s.pageSize, len(matched))]
	value := []any{}
	for _, rel := range page {
		value = append(value, rel.toJSON())
	}
	body := map[string]any{
		"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#tenantRelationships/delegatedAdminRelationships",
		"value":          value,
	}
	if len(page) < len(matched) {
		next := url.Values{}
		for k, v := range q {
			next[k] = v
		}
		next.Set("$skiptoken", strconv.Itoa(page[len(page)-1].seq))
		body["@odata.nextLink"] = selfURL(r) + relationshipsPath + "?" + next.Encode()
	}
	writeJSON(w, http.StatusOK, body)
}

// parseFilter reads the $filter clauses the emulator knows, refusing any other as Graph refuses
// a filter it cannot apply.
func parseFilter(filter string) (func(*relationship) bool, error) {
	type clause struct{ field, value string }
	var clauses []clause
	if strings.TrimSpace(filter) != "" {
		for _, part := range strings.Split(filter, " and ") {
			m := filterClause.FindStringSubmatch(strings.TrimSpace(part))
			if m == nil {
				return nil, fmt.Errorf("invalid filter clause: %q is not supported", strings.TrimSpace(part))
			}
			clauses = append(clauses, clause{m[1], strings.ReplaceAll(m[2], "''", "'")})
		}
	}
	return func(rel *relationship) bool {
		for _, c := range clauses {
			got := map[string]string{"status": rel.Status, "customer/tenantId": rel.CustomerTenantID,
				"displayName": rel.DisplayName}[c.field]
			if !strings.EqualFold(got, c.value) {
				return false
			}
		}
		return true
	}, nil
}

// pageBounds reads $top (at most 300) and the $skiptoken of a next-page link: the place of the
// last relationship given, 0 for the first page.
func pageBounds(q url.Values) (top, after int, err error) {
	top = maxPageSize
	if v := q.Get("$top"); v != "" {
		if top, err = strconv.Atoi(v); err != nil || top < 1 || top > maxPageSize {
			return 0, 0, fmt.Errorf("invalid $top value %q: it must be between 1 and %d", v, maxPageSize)
		}
	}
	if v := q.Get("$skiptoken"); v != "" {
		if after, err = strconv.Atoi(v); err != nil || after < 0 {
			return 0, 0, fmt.Errorf("invalid $skiptoken %q", v)
		}
	}
	return top, after, nil
}
