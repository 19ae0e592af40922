// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
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
		UnifiedRoles *[]wireRole `json:"unifiedRoles"`
	} `json:"accessDetails"`
}

// relationship is w as the client hands it out, or what makes w no whole relationship.
func (w *wireRelationship) relationship() (*Relationship, error) {
	var lacks []string
	for name, v := range map[string]string{"id": w.ID, "displayName": w.DisplayName, "status": w.Status, "duration": w.Duration,
		"@odata.etag": w.ETag} {
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
	var err error
	if r.Roles, err = roleList(*w.AccessDetails.UnifiedRoles); err != nil {
		return nil, fmt.Errorf("the relationship %q %w", w.ID, err)
	}
	return r, nil
}

// roleList is the role template ids of unified, each once: role ids are GUIDs, one role in any
// case, and an answer that names a role twice grants it once.
func roleList(unified []wireRole) ([]string, error) {
	roles := []string{}
	for _, role := range unified {
		if role.RoleDefinitionID == "" {
			return nil, errors.New("holds a role without a roleDefinitionId")
		}
		if !slices.ContainsFunc(roles, func(r string) bool { return strings.EqualFold(r, role.RoleDefinitionID) }) {
			roles = append(roles, role.RoleDefinitionID)
		}
	}
	return roles, nil
}

// GetRelationship reads one relationship. An answer about another relationship is refused.
func (c *Client) GetRelationship(ctx context.Context, id string) (*Relationship, error) {
	return getOne(ctx, c, c.path(relationshipsPath+"/"+url.PathEscape(id), nil), (*wireRelationship).relationship,
		func(r *Relationship) string { return r.ID }, id, "relationship")
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

// ListRelationships reads every relationship f selects, following @odata.nextLink page after
// page (list), sorted by display name then id (Graph promises no order). A relationship repeated
// across pages is listed once; one that does not match the filter is an unusable answer.
func (c *Client) ListRelationships(ctx context.Context, f Filter) ([]Relationship, error) {
	q := url.Values{"$top": {strconv.Itoa(PageSize)}}
	if filter := f.odata(); filter != "" {
		q.Set("$filter", filter)
	}
	out, err := list(ctx, c, c.path(relationshipsPath, q), listing[Relationship]{what: "GDAP relationships", limit: f.Limit,
		key: func(r *Relationship) string { return r.ID },
		item: func(raw json.RawMessage) (*Relationship, error) {
			var w wireRelationship
			if err := json.Unmarshal(raw, &w); err != nil {
				return nil, fmt.Errorf("it holds an item that is no relationship: %w", err)
			}
			rel, err := w.relationship()
			if err == nil && !f.matches(rel) {
				err = fmt.Errorf("it holds relationship %s (status %s, customer %s), which the filter %q excludes",
					rel.ID, rel.Status, quoteOrNone(rel.CustomerTenantID), f.odata())
			}
			return rel, err
		}})
	sortRelationships(out)
	return out, err
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
