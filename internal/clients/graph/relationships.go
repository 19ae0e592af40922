// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graph

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// relationshipsPath is the collection of the partner's GDAP relationships.
const relationshipsPath = "/v1.0/tenantRelationships/delegatedAdminRelationships"

// PageSize is how many relationships the client asks for per page: the most Graph gives.
const PageSize = 300

// Relationship is a GDAP relationship as Graph describes it.
type Relationship struct {
	ID, DisplayName, Status string
	// Duration and AutoExtendDuration are ISO 8601 durations (P730D, PT0S).
	Duration, AutoExtendDuration string
	// CustomerTenantID and CustomerDisplayName are empty until a relationship names its customer
	// or the customer approves it.
	CustomerTenantID, CustomerDisplayName string
	// Roles are the Entra role template ids the relationship grants.
	Roles []string
	// The times Graph gives, in RFC 3339; Activated and Ends are empty until the relationship is
	// active.
	Created, LastModified, Activated, Ends string
	// ETag is the @odata.etag to send back in If-Match.
	ETag string
}

// wireRelationship is a relationship in Graph's JSON.
type wireRelationship struct {
	ETag        string  `json:"@odata.etag"`
	ID          string  `json:"id"`
	DisplayName string  `json:"displayName"`
	Duration    string  `json:"duration"`
	AutoExtend  string  `json:"autoExtendDuration"`
	Status      string  `json:"status"`
	Created     string  `json:"createdDateTime"`
	Modified    string  `json:"lastModifiedDateTime"`
	Activated   *string `json:"activatedDateTime"`
	Ends        *string `json:"endDateTime"`
	Customer    *struct {
		TenantID    string `json:"tenantId"`
		DisplayName string `json:"displayName"`
	} `json:"customer"`
	AccessDetails *struct {
		UnifiedRoles *[]struct {
			RoleDefinitionID string `json:"roleDefinitionId"`
		} `json:"unifiedRoles"`
	} `json:"accessDetails"`
}

// relationship is w as the client hands it out, or what makes w no whole relationship.
func (w *wireRelationship) relationship() (*Relationship, error) {
	var lacks []string
	for name, v := range map[string]string{"id": w.ID, "displayName": w.DisplayName, "status": w.Status, "duration": w.Duration} {
		if v == "" {
			lacks = append(lacks, name)
		}
	}
	if w.AccessDetails == nil || w.AccessDetails.UnifiedRoles == nil {
		lacks = append(lacks, "accessDetails.unifiedRoles")
	}
	slices.Sort(lacks)
	if len(lacks) > 0 {
		return nil, fmt.Errorf("the relationship %s lacks %s, which every relationship has", quoteOrNone(w.ID), strings.Join(lacks, ", "))
	}
	r := &Relationship{ID: w.ID, DisplayName: w.DisplayName, Status: w.Status, Duration: w.Duration,
		AutoExtendDuration: w.AutoExtend, Created: w.Created, LastModified: w.Modified,
		Activated: deref(w.Activated), Ends: deref(w.Ends), ETag: w.ETag, Roles: []string{}}
	if w.Customer != nil {
		r.CustomerTenantID, r.CustomerDisplayName = w.Customer.TenantID, w.Customer.DisplayName
	}
	for _, role := range *w.AccessDetails.UnifiedRoles {
		if role.RoleDefinitionID == "" {
			return nil, fmt.Errorf("the relationship %q holds a role without a roleDefinitionId", w.ID)
		}
		r.Roles = append(r.Roles, role.RoleDefinitionID)
	}
	return r, nil
}

// GetRelationship reads one relationship. An answer about another relationship is refused.
func (c *Client) GetRelationship(ctx context.Context, id string) (*Relationship, error) {
	var w wireRelationship
	var rel *Relationship
	_, err := c.do(ctx, call{method: http.MethodGet, target: c.path(relationshipsPath+"/"+url.PathEscape(id), nil), out: &w,
		check: func() error {
			var err error
			if rel, err = w.relationship(); err != nil {
				return err
			}
			if !strings.EqualFold(rel.ID, id) {
				return fmt.Errorf("it describes relationship %s, not %s, the one asked for", rel.ID, id)
			}
			return nil
		}})
	return rel, err
}

// Filter narrows a list of relationships; empty fields do not filter.
type Filter struct {
	Status, CustomerTenantID, DisplayName string
	// Limit, when above 0, stops ListRelationships at that many relationships: no page is read
	// once it has them (terraform query's limit).
	Limit int
}

// odata is f as an OData $filter, with quotes in values doubled as OData escapes them.
func (f Filter) odata() string {
	var clauses []string
	quote := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	if f.Status != "" {
		clauses = append(clauses, "status eq "+quote(f.Status))
	}
	if f.CustomerTenantID != "" {
		clauses = append(clauses, "customer/tenantId eq "+quote(f.CustomerTenantID))
	}
	if f.DisplayName != "" {
		clauses = append(clauses, "displayName eq "+quote(f.DisplayName))
	}
	return strings.Join(clauses, " and ")
}

// matches reports whether r is what f asks for: Graph applies the filter, the client checks it.
func (f Filter) matches(r *Relationship) bool {
	return (f.Status == "" || strings.EqualFold(r.Status, f.Status)) &&
		(f.CustomerTenantID == "" || strings.EqualFold(r.CustomerTenantID, f.CustomerTenantID)) &&
		(f.DisplayName == "" || strings.EqualFold(r.DisplayName, f.DisplayName))
}

// Bounds of a listing that does not end: pages in a row that bring no relationship not listed
// before (empty, or repeating earlier ones) while Graph still links to another, and pages in all
// (300 relationships each: far beyond any partner's estate).
const (
	maxStalePages = 5
	maxPages      = 1000
)

// ListRelationships reads every relationship f selects, following @odata.nextLink page after
// page, sorted by display name then id (Graph promises no order). A relationship repeated across
// pages is listed once. A page that is not a collection, an item that is no whole relationship or
// does not match the filter, a link seen before or off the configured endpoint, and paging that
// brings nothing new page after page are errors: an answer the client cannot trust is never taken
// for a shorter list.
func (c *Client) ListRelationships(ctx context.Context, f Filter) ([]Relationship, error) {
	q := url.Values{"$top": {strconv.Itoa(PageSize)}}
	if filter := f.odata(); filter != "" {
		q.Set("$filter", filter)
	}
	target := c.path(relationshipsPath, q)
	seenLinks, seenIDs := map[string]bool{target.String(): true}, map[string]bool{}
	var out []Relationship
	for page, stale := 1, 0; ; page++ {
		got, err := c.relationshipsPage(ctx, target, f)
		if err != nil {
			return nil, err
		}
		fresh := 0
		for _, r := range got.items {
			if key := strings.ToLower(r.ID); !seenIDs[key] {
				seenIDs[key] = true
				out = append(out, r)
				fresh++
			}
		}
		full := f.Limit > 0 && len(out) >= f.Limit
		if full {
			out = out[:f.Limit]
		}
		if got.next == "" || full {
			sortRelationships(out)
			return out, nil
		}
		if stale = staleRun(stale, fresh); stale >= maxStalePages || page >= maxPages {
			return nil, fmt.Errorf("listing GDAP relationships: Microsoft Graph still links to another page after %d pages, "+
				"the last %d of which brought no relationship not listed before: its paging does not end "+
				"(%d relationships read) [request-id: %s]", page, stale, len(out), got.requestID)
		}
		if target, err = c.link(got.next); err != nil {
			return nil, fmt.Errorf("listing GDAP relationships, page %d [request-id: %s]: %w", page, got.requestID, err)
		}
		if seenLinks[target.String()] {
			return nil, fmt.Errorf("listing GDAP relationships: Microsoft Graph linked to a page it had already given (%s), "+
				"so the list would never end; %d relationships were read before it [request-id: %s]", target.Redacted(), len(out), got.requestID)
		}
		seenLinks[target.String()] = true
	}
}

// staleRun is the run of pages without a fresh relationship, after a page that brought fresh.
func staleRun(run, fresh int) int {
	if fresh == 0 {
		return run + 1
	}
	return 0
}

// sortRelationships orders a list as people read it: by display name, then by id.
func sortRelationships(rs []Relationship) {
	slices.SortStableFunc(rs, func(a, b Relationship) int {
		if c := strings.Compare(strings.ToLower(a.DisplayName), strings.ToLower(b.DisplayName)); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

type relationshipsPage struct {
	items     []Relationship
	next      string
	requestID string // Graph's request-id of the page, for errors about what it linked to
}

// relationshipsPage reads one page of a list of relationships.
func (c *Client) relationshipsPage(ctx context.Context, target *url.URL, f Filter) (*relationshipsPage, error) {
	var raw struct {
		Value    *[]wireRelationship `json:"value"`
		NextLink string              `json:"@odata.nextLink"`
	}
	page := &relationshipsPage{}
	header, err := c.do(ctx, call{method: http.MethodGet, target: target, out: &raw, check: func() error {
		if raw.Value == nil {
			return errors.New("it holds no value array, so it is no page of relationships")
		}
		for i := range *raw.Value {
			rel, err := (*raw.Value)[i].relationship()
			if err != nil {
				return err
			}
			if !f.matches(rel) {
				return fmt.Errorf("it holds relationship %s (status %s, customer %s), which the filter %q excludes",
					rel.ID, rel.Status, quoteOrNone(rel.CustomerTenantID), f.odata())
			}
			page.items = append(page.items, *rel)
		}
		page.next = raw.NextLink
		return nil
	}})
	if err != nil {
		return nil, err
	}
	page.requestID = header.Get(headerRequestID)
	return page, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func quoteOrNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return strconv.Quote(s)
}
