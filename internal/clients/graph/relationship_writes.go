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
	"strings"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

// NewRelationship is what creating a relationship sends: every writable field.
type NewRelationship struct {
	DisplayName, Duration, AutoExtendDuration string
	// CustomerTenantID names the only customer who may approve the relationship.
	CustomerTenantID string
	// Roles are Entra role template ids.
	Roles []string
}

// RelationshipChange is what a PATCH sends: only the fields that are not nil.
type RelationshipChange struct {
	DisplayName, Duration, AutoExtendDuration, CustomerTenantID *string
	Roles                                                       []string
}

// IsEmpty reports whether the change changes nothing.
func (c RelationshipChange) IsEmpty() bool {
	return c.DisplayName == nil && c.Duration == nil && c.AutoExtendDuration == nil && c.CustomerTenantID == nil && c.Roles == nil
}

// wireChange is a relationship's writable fields in Graph's JSON; nil fields are left out.
type wireChange struct {
	DisplayName   *string            `json:"displayName,omitempty"`
	Duration      *string            `json:"duration,omitempty"`
	AutoExtend    *string            `json:"autoExtendDuration,omitempty"`
	Customer      *wireCustomer      `json:"customer,omitempty"`
	AccessDetails *wireAccessDetails `json:"accessDetails,omitempty"`
}

type wireCustomer struct {
	TenantID string `json:"tenantId"`
}

type wireAccessDetails struct {
	UnifiedRoles []wireRole `json:"unifiedRoles"`
}

type wireRole struct {
	RoleDefinitionID string `json:"roleDefinitionId"`
}

func (c RelationshipChange) wire() wireChange {
	w := wireChange{DisplayName: c.DisplayName, Duration: c.Duration, AutoExtend: c.AutoExtendDuration}
	if c.CustomerTenantID != nil {
		w.Customer = &wireCustomer{TenantID: *c.CustomerTenantID}
	}
	if c.Roles != nil {
		w.AccessDetails = roleDetails(c.Roles)
	}
	return w
}

func roleDetails(roles []string) *wireAccessDetails {
	d := &wireAccessDetails{UnifiedRoles: []wireRole{}}
	for _, id := range roles {
		d.UnifiedRoles = append(d.UnifiedRoles, wireRole{RoleDefinitionID: id})
	}
	return d
}

// CreateRelationship creates a relationship in status created. Graph is not asked twice: a POST
// whose answer was lost may have created it, and a second would be refused for its name (the
// caller can look for it by name, FindRelationshipByName). Only a throttled POST is sent again.
func (c *Client) CreateRelationship(ctx context.Context, in NewRelationship) (*Relationship, error) {
	body := RelationshipChange{DisplayName: &in.DisplayName, Duration: &in.Duration, Roles: in.Roles}.wire()
	if in.AutoExtendDuration != "" {
		body.AutoExtend = &in.AutoExtendDuration
	}
	if in.CustomerTenantID != "" {
		body.Customer = &wireCustomer{TenantID: in.CustomerTenantID}
	}
	var w wireRelationship
	var rel *Relationship
	_, err := c.do(transport.OnlyThrottlingRetried(ctx), call{method: http.MethodPost, target: c.path(relationshipsPath, nil), in: body, out: &w,
		check: func() error {
			var err error
			if rel, err = w.relationship(); err != nil {
				return err
			}
			if rel.DisplayName != in.DisplayName {
				return fmt.Errorf("it describes relationship %q, not %q, the one created", rel.DisplayName, in.DisplayName)
			}
			return nil
		}})
	return wholeOrNone(rel, err)
}

// FindRelationshipByName is the partner's relationship named name (display names are unique), or
// nil when there is none.
func (c *Client) FindRelationshipByName(ctx context.Context, name string) (*Relationship, error) {
	found, err := c.ListRelationships(ctx, Filter{DisplayName: name})
	if err != nil || len(found) == 0 {
		return nil, err
	}
	if len(found) > 1 {
		return nil, fmt.Errorf("microsoft graph lists %d relationships named %q, whose names are unique", len(found), name)
	}
	return &found[0], nil
}

// UpdateRelationship sends change with If-Match etag and gives the relationship as it is after
// it. A change Graph makes as a long-running operation (202 and an operation to poll, as when an
// active relationship drops Global Administrator) is followed until it ends. A stale etag is an
// *APIError whose IsStale is true: read the relationship again and decide again.
func (c *Client) UpdateRelationship(ctx context.Context, id, etag string, change RelationshipChange) (*Relationship, error) {
	match, err := ifMatch("relationship "+id, etag)
	if err != nil {
		return nil, err
	}
	var w wireRelationship
	header, status, err := c.doStatus(ctx, call{method: http.MethodPatch, target: c.relationshipURL(id),
		header: match, in: change.wire(), out: &w, bodiless: true})
	if err != nil {
		return nil, err
	}
	if status == http.StatusAccepted {
		if err := c.followOperation(ctx, header); err != nil {
			return nil, fmt.Errorf("updating relationship %s: %w", id, err)
		}
		return c.waitShown(ctx, id, change)
	}
	if w.ID == "" { // a 200 or 204 without the relationship
		return c.GetRelationship(ctx, id)
	}
	rel, err := w.relationship()
	if err != nil || !strings.EqualFold(rel.ID, id) {
		return c.GetRelationship(ctx, id)
	}
	return rel, nil
}

// DeleteRelationship deletes a relationship in status created, with If-Match etag; Graph deletes
// no relationship in another status (RequestTermination ends those).
func (c *Client) DeleteRelationship(ctx context.Context, id, etag string) error {
	match, err := ifMatch("relationship "+id, etag)
	if err != nil {
		return err
	}
	_, err = c.do(ctx, call{method: http.MethodDelete, target: c.relationshipURL(id), header: match})
	return err
}

// ChangeShownWithin bounds how long UpdateRelationship waits, after Graph reports a long-running
// change succeeded, for Graph's reads to show it: they may lag behind the operation for a moment.
const ChangeShownWithin = 2 * time.Minute

// waitShown reads relationship id until it shows the roles change sent, within ChangeShownWithin,
// and gives it then.
func (c *Client) waitShown(ctx context.Context, id string, change RelationshipChange) (*Relationship, error) {
	if change.Roles == nil {
		return c.GetRelationship(ctx, id)
	}
	waitCtx, cancel := context.WithTimeout(ctx, c.changeShownWithin)
	defer cancel()
	rel, err := c.WaitRelationship(waitCtx, id, "", false, func(rel *Relationship) bool { return SameRoles(rel.Roles, change.Roles) })
	if err != nil && ctx.Err() == nil && rel != nil {
		return nil, fmt.Errorf("microsoft graph reported the change of relationship %s succeeded, but still shows roles %s "+
			"instead of %s after %s", id, strings.Join(rel.Roles, ", "), strings.Join(change.Roles, ", "), c.changeShownWithin)
	}
	return rel, err
}

// SameRoles reports whether a and b grant the same roles: role template ids are GUIDs, one role
// in any case, and a list grants each role once in any order.
func SameRoles(a, b []string) bool {
	covers := func(x, y []string) bool {
		return !slices.ContainsFunc(x, func(r string) bool {
			return !slices.ContainsFunc(y, func(o string) bool { return strings.EqualFold(r, o) })
		})
	}
	return covers(a, b) && covers(b, a)
}

// Relationship requests, the actions Graph carries out on a relationship.
const (
	ActionLockForApproval = "lockForApproval"
	ActionTerminate       = "terminate"
)

// RequestAction asks Graph to carry out action (ActionLockForApproval, ActionTerminate) on
// relationship id and gives the request's id. Graph does it on its own: the caller waits for the
// relationship's status with WaitRelationship, which also watches the request. A relationship
// Graph does not show yet (just created) is an *APIError with IsNotFound.
func (c *Client) RequestAction(ctx context.Context, id, action string) (string, error) {
	var out relationshipRequest
	_, err := c.do(ctx, call{method: http.MethodPost, target: c.requestsURL(id, ""),
		in: map[string]string{"action": action}, out: &out, check: out.check(action)})
	if err == nil && out.Status == "failed" {
		err = &RequestFailedError{Action: action, RequestID: out.ID}
	}
	return out.ID, err
}

// RequestActionOnNew is RequestAction for a relationship just created, which Graph may not show
// for a moment: while Graph answers 404, the request is sent again on the polling schedule
// (pollWait), until ctx's deadline.
func (c *Client) RequestActionOnNew(ctx context.Context, id, action string) (string, error) {
	var requestID string
	hidden := false
	err := poll(ctx, func(int) (bool, time.Duration, error) {
		var err error
		requestID, err = c.RequestAction(ctx, id, action)
		var apiErr *APIError
		if hidden = errors.As(err, &apiErr) && apiErr.IsNotFound(); hidden {
			return false, 0, nil
		}
		return true, 0, err
	})
	if err != nil && hidden {
		return "", fmt.Errorf("microsoft graph did not show the relationship %s it had created: %w", id, err)
	}
	return requestID, err
}

// relationshipRequest is a relationship request (lockForApproval, terminate) as Graph gives it.
type relationshipRequest struct {
	ID     string `json:"id"`
	Action string `json:"action"`
	Status string `json:"status"`
}

// check refuses a request Graph gives without its status.
func (q *relationshipRequest) check(action string) func() error {
	return func() error {
		if q.Status == "" {
			return fmt.Errorf("it gives the %s request no status", action)
		}
		return nil
	}
}

// RequestFailedError is a relationship request that Graph reports failed.
type RequestFailedError struct {
	Action, RequestID string
}

func (e *RequestFailedError) Error() string {
	return fmt.Sprintf("microsoft graph reports that its %s request %s failed", e.Action, e.RequestID)
}

// requestsURL is a relationship's requests, or one of them.
func (c *Client) requestsURL(relationshipID, requestID string) *url.URL {
	p := relationshipsPath + "/" + url.PathEscape(relationshipID) + "/requests"
	if requestID != "" {
		p += "/" + url.PathEscape(requestID)
	}
	return c.path(p, nil)
}

// requestFailed reports, as an error, that relationship request requestID has failed.
func (c *Client) requestFailed(ctx context.Context, relationshipID, requestID string) error {
	var q relationshipRequest
	_, err := c.do(ctx, call{method: http.MethodGet, target: c.requestsURL(relationshipID, requestID), out: &q,
		check: q.check("relationship")})
	if err == nil && q.Status == "failed" {
		err = &RequestFailedError{Action: q.Action, RequestID: q.ID}
	}
	return err
}

func (c *Client) relationshipURL(id string) *url.URL {
	return c.path(relationshipsPath+"/"+url.PathEscape(id), nil)
}

// ifMatch is the If-Match header of a change to object, refused before anything is sent when
// there is no ETag to send: Graph documents If-Match as required, and an empty one would ask it to
// skip the check that keeps someone else's change from being overwritten unseen.
func ifMatch(object, etag string) (http.Header, error) {
	if strings.TrimSpace(etag) == "" {
		return nil, fmt.Errorf("no ETag is known for %s, so no change is sent: read it again", object)
	}
	return http.Header{"If-Match": {etag}}, nil
}
