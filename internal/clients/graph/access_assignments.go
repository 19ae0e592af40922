// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// AccessAssignment gives a security group of the partner's tenant some of a relationship's roles.
type AccessAssignment struct {
	ID, RelationshipID string
	// SecurityGroupID is the group's object id in the partner's tenant.
	SecurityGroupID string
	// Roles are Entra role template ids, a subset of the relationship's.
	Roles []string
	// Status is pending, active, deleting, deleted or error.
	Status string
	// ETag is the @odata.etag to send back in If-Match.
	ETag string
}

type wireAssignment struct {
	ETag            string `json:"@odata.etag"`
	ID              string `json:"id"`
	Status          string `json:"status"`
	AccessContainer *struct {
		ID   string `json:"accessContainerId"`
		Type string `json:"accessContainerType"`
	} `json:"accessContainer"`
	AccessDetails *struct {
		UnifiedRoles *[]wireRole `json:"unifiedRoles"`
	} `json:"accessDetails"`
}

// assignment is w as the client hands it out, or what makes it no whole assignment.
func (w *wireAssignment) assignment(relationshipID string) (*AccessAssignment, error) {
	// Ifs rather than a tagless switch: mutation testing cannot see a switch case's condition.
	if w.ID == "" || w.Status == "" {
		return nil, fmt.Errorf("the access assignment %s lacks its id or status", quoteOrNone(w.ID))
	}
	if w.AccessContainer == nil || w.AccessContainer.ID == "" {
		return nil, fmt.Errorf("the access assignment %s names no security group", w.ID)
	}
	if w.AccessDetails == nil || w.AccessDetails.UnifiedRoles == nil {
		return nil, fmt.Errorf("the access assignment %s lacks accessDetails.unifiedRoles", w.ID)
	}
	if w.ETag == "" {
		return nil, fmt.Errorf("the access assignment %s lacks its @odata.etag, which every change must send back", w.ID)
	}
	roles, err := roleList(*w.AccessDetails.UnifiedRoles)
	if err != nil {
		return nil, fmt.Errorf("the access assignment %s %w", w.ID, err)
	}
	return &AccessAssignment{ID: w.ID, RelationshipID: relationshipID, SecurityGroupID: w.AccessContainer.ID,
		Status: w.Status, ETag: w.ETag, Roles: roles}, nil
}

func (c *Client) assignmentsURL(relationshipID string) *url.URL {
	return c.path(relationshipsPath+"/"+url.PathEscape(relationshipID)+"/accessAssignments", nil)
}

func (c *Client) assignmentURL(relationshipID, id string) *url.URL {
	return c.path(relationshipsPath+"/"+url.PathEscape(relationshipID)+"/accessAssignments/"+url.PathEscape(id), nil)
}

// CreateAccessAssignment gives securityGroupID roles under relationship relationshipID. Graph's
// opaque failures (500) on this call are common, so it is retried like a read; should a retry meet
// the assignment the first attempt made (Graph allows one per group and answers 409), that one is
// taken when it gives the same group, and the conflict is returned otherwise.
func (c *Client) CreateAccessAssignment(ctx context.Context, relationshipID, securityGroupID string, roles []string) (*AccessAssignment, error) {
	body := map[string]any{
		"accessContainer": map[string]string{"accessContainerId": securityGroupID, "accessContainerType": "securityGroup"},
		"accessDetails":   roleDetails(roles)}
	var w wireAssignment
	var a *AccessAssignment
	_, err := c.do(ctx, call{method: http.MethodPost, target: c.assignmentsURL(relationshipID), in: body, out: &w,
		check: func() error {
			var err error
			if a, err = w.assignment(relationshipID); err != nil {
				return err
			}
			if !strings.EqualFold(a.SecurityGroupID, securityGroupID) {
				return fmt.Errorf("it gives access to group %s, not %s, the one asked for", a.SecurityGroupID, securityGroupID)
			}
			return nil
		}})
	var apiErr *APIError
	if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusConflict {
		existing, findErr := c.AccessAssignmentForGroup(ctx, relationshipID, securityGroupID)
		if findErr != nil {
			return nil, fmt.Errorf("%w; looking for the group's assignment after it failed too: %w", err, findErr)
		}
		if existing != nil {
			return existing, &ConflictError{Existing: existing, Err: apiErr}
		}
	}
	return wholeOrNone(a, err)
}

// ConflictError is a create Graph refused because the group already has an assignment in the
// relationship: Existing is that assignment.
type ConflictError struct {
	Existing *AccessAssignment
	Err      *APIError
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("security group %s already has access assignment %s in relationship %s: %v",
		e.Existing.SecurityGroupID, e.Existing.ID, e.Existing.RelationshipID, e.Err)
}

func (e *ConflictError) Unwrap() error { return e.Err }

// AccessAssignmentForGroup is the assignment of securityGroupID in relationship relationshipID
// that is not being deleted, or nil when there is none.
func (c *Client) AccessAssignmentForGroup(ctx context.Context, relationshipID, securityGroupID string) (*AccessAssignment, error) {
	all, err := c.ListAccessAssignments(ctx, relationshipID)
	if err != nil {
		return nil, err
	}
	for i := range all {
		a := &all[i]
		if strings.EqualFold(a.SecurityGroupID, securityGroupID) && a.Status != "deleting" && a.Status != "deleted" {
			return a, nil
		}
	}
	return nil, nil
}

// ListAccessAssignments reads every access assignment of relationship relationshipID, page after
// page (list).
func (c *Client) ListAccessAssignments(ctx context.Context, relationshipID string) ([]AccessAssignment, error) {
	return list(ctx, c, c.assignmentsURL(relationshipID), listing[AccessAssignment]{
		what: "the access assignments of relationship " + relationshipID,
		key:  func(a *AccessAssignment) string { return a.ID },
		item: func(raw json.RawMessage) (*AccessAssignment, error) {
			var w wireAssignment
			if err := json.Unmarshal(raw, &w); err != nil {
				return nil, fmt.Errorf("it holds an item that is no access assignment: %w", err)
			}
			return w.assignment(relationshipID)
		}})
}

// GetAccessAssignment reads one access assignment. An answer about another one is refused.
func (c *Client) GetAccessAssignment(ctx context.Context, relationshipID, id string) (*AccessAssignment, error) {
	return getOne(ctx, c, c.assignmentURL(relationshipID, id),
		func(w *wireAssignment) (*AccessAssignment, error) { return w.assignment(relationshipID) },
		func(a *AccessAssignment) string { return a.ID }, id, "access assignment")
}

// UpdateAccessAssignment gives the assignment roles, with If-Match etag, following the
// long-running operation Graph may make of it, and gives the assignment as it is then.
func (c *Client) UpdateAccessAssignment(ctx context.Context, relationshipID, id, etag string, roles []string) (*AccessAssignment, error) {
	match, err := ifMatch("access assignment "+id, etag)
	if err != nil {
		return nil, err
	}
	header, status, err := c.doStatus(ctx, call{method: http.MethodPatch, target: c.assignmentURL(relationshipID, id),
		header: match, in: map[string]any{"accessDetails": roleDetails(roles)}})
	if err != nil {
		return nil, err
	}
	if status == http.StatusAccepted {
		if err := c.followOperation(ctx, header); err != nil {
			return nil, fmt.Errorf("changing access assignment %s: %w", id, err)
		}
	}
	return c.GetAccessAssignment(ctx, relationshipID, id)
}

// DeleteAccessAssignment deletes an access assignment with If-Match etag; Graph then passes it
// through deleting (WaitAccessAssignment).
func (c *Client) DeleteAccessAssignment(ctx context.Context, relationshipID, id, etag string) error {
	match, err := ifMatch("access assignment "+id, etag)
	if err != nil {
		return err
	}
	_, err = c.do(ctx, call{method: http.MethodDelete, target: c.assignmentURL(relationshipID, id), header: match})
	return err
}

// WaitAccessAssignment reads the assignment until done says it is where the caller waits for it
// (nil: Graph no longer has it) and gives it then; ctx's deadline bounds the wait.
func (c *Client) WaitAccessAssignment(ctx context.Context, relationshipID, id string,
	done func(*AccessAssignment) bool) (*AccessAssignment, error) {
	var last *AccessAssignment
	err := poll(ctx, func(int) (bool, time.Duration, error) {
		a, err := c.GetAccessAssignment(ctx, relationshipID, id)
		var apiErr *APIError
		if errors.As(err, &apiErr) && apiErr.IsNotFound() {
			last = nil
			return done(nil), 0, nil
		}
		if err != nil {
			return false, 0, err
		}
		last = a
		return done(a), 0, nil
	})
	if err != nil && last != nil && ctx.Err() != nil {
		return last, fmt.Errorf("access assignment %s is still %s: %w", id, last.Status, err)
	}
	return last, err
}
