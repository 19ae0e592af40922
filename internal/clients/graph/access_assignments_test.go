// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graph

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
)

const helpdeskGroup = "6b7d8a10-0f1e-4c2b-9a3d-5e6f7a8b9c0d"

func TestAnAccessAssignmentIsCreatedChangedListedAndDeleted(t *testing.T) {
	t.Parallel()
	c, emu, base := emulated(t)
	ctx := bounded(t)
	rel := seedLockedAndApproved(t, c, emu, base, readerRole, globalAdmin)
	emu.Graph().SetAssignmentDelay(300 * time.Millisecond)
	a, err := c.CreateAccessAssignment(ctx, rel, strings.ToUpper(helpdeskGroup), []string{readerRole})
	if err != nil || a.Status != "pending" || a.RelationshipID != rel || a.ETag == "" {
		t.Fatalf("created %+v, %v", a, err)
	}
	active, err := c.WaitAccessAssignment(ctx, rel, a.ID, func(a *AccessAssignment) bool { return a != nil && a.Status == "active" })
	if err != nil || active.Status != "active" || active.SecurityGroupID != helpdeskGroup {
		t.Fatalf("waited for %+v, %v", active, err)
	}
	if _, err := c.UpdateAccessAssignment(ctx, rel, a.ID, a.ETag, []string{readerRole, globalAdmin}); !isStale(err) {
		t.Fatalf("a change with the ETag of the pending assignment: %v, want a stale ETag", err)
	}
	changed, err := c.UpdateAccessAssignment(ctx, rel, a.ID, active.ETag, []string{readerRole, globalAdmin})
	if err != nil || len(changed.Roles) != 2 {
		t.Fatalf("changed %+v, %v", changed, err)
	}
	found, err := c.AccessAssignmentForGroup(ctx, rel, helpdeskGroup)
	if err != nil || found == nil || found.ID != a.ID {
		t.Fatalf("found %+v, %v", found, err)
	}
	if none, err := c.AccessAssignmentForGroup(ctx, rel, customer); none != nil || err != nil {
		t.Fatalf("found %+v, %v for a group without access", none, err)
	}
	if err := c.DeleteAccessAssignment(ctx, rel, a.ID, changed.ETag); err != nil {
		t.Fatal(err)
	}
	gone, err := c.WaitAccessAssignment(ctx, rel, a.ID, func(a *AccessAssignment) bool { return a == nil })
	if err != nil || gone != nil {
		t.Fatalf("after the delete: %+v, %v", gone, err)
	}
	if all, err := c.ListAccessAssignments(ctx, rel); err != nil || len(all) != 0 {
		t.Fatalf("listed %+v, %v after the delete", all, err)
	}
}

func TestASecondAssignmentForAGroupIsAConflictNamingTheFirst(t *testing.T) {
	t.Parallel()
	c, emu, base := emulated(t)
	rel := seedLockedAndApproved(t, c, emu, base, readerRole)
	first, err := c.CreateAccessAssignment(bounded(t), rel, helpdeskGroup, []string{readerRole})
	if err != nil {
		t.Fatal(err)
	}
	existing, err := c.CreateAccessAssignment(bounded(t), rel, helpdeskGroup, []string{readerRole})
	var conflict *ConflictError
	if !errors.As(err, &conflict) || existing == nil || existing.ID != first.ID || conflict.Existing.ID != first.ID {
		t.Fatalf("got %+v, %v; want a conflict naming %s", existing, err, first.ID)
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusConflict || !strings.Contains(err.Error(), first.ID) {
		t.Fatalf("the conflict %v does not carry Graph's 409 and the existing id", err)
	}
	emu.Inject(emulator.Fault{Method: http.MethodPost, Status: http.StatusInternalServerError})
	if _, err := c.CreateAccessAssignment(bounded(t), rel, customer, []string{readerRole}); err != nil {
		t.Fatalf("an opaque 500 on an assignment's create was not retried: %v", err)
	}
}

func TestAnAssignmentAnswerTheClientCannotTrustIsAnError(t *testing.T) {
	t.Parallel()
	const rel = "r-1"
	for name, tc := range map[string]struct{ body, want string }{
		"no id":              {`{"status": "active", "accessContainer": {"accessContainerId": "g"}, "accessDetails": {"unifiedRoles": []}}`, "lacks its id"},
		"no group":           {`{"id": "a-1", "status": "active", "accessDetails": {"unifiedRoles": []}}`, "names no security group"},
		"no roles":           {`{"id": "a-1", "status": "active", "accessContainer": {"accessContainerId": "g"}}`, "lacks accessDetails.unifiedRoles"},
		"a role without id":  {`{"@odata.etag": "W/\"1\"", "id": "a-1", "status": "active", "accessContainer": {"accessContainerId": "g"}, "accessDetails": {"unifiedRoles": [{}]}}`, "without a roleDefinitionId"},
		"another assignment": {`{"@odata.etag": "W/\"1\"", "id": "a-2", "status": "active", "accessContainer": {"accessContainerId": "g"}, "accessDetails": {"unifiedRoles": []}}`, "describes access assignment a-2"},
		"no ETag":            {`{"id": "a-1", "status": "active", "accessContainer": {"accessContainerId": "g"}, "accessDetails": {"unifiedRoles": []}}`, "lacks its @odata.etag"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(&hostile{answers: []func(http.ResponseWriter, *http.Request){page(http.StatusOK, tc.body)}})
			t.Cleanup(srv.Close)
			_, err := newClient(t, srv.URL).GetAccessAssignment(bounded(t), rel, "a-1")
			var unusable *AnswerError
			if !errors.As(err, &unusable) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an unusable answer saying %q", err, tc.want)
			}
		})
	}
}

func TestAnAssignmentListThatIsNoListOrDoesNotEndIsAnError(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		answers []func(http.ResponseWriter, *http.Request)
		want    string
	}{
		"no value":        {[]func(http.ResponseWriter, *http.Request){page(http.StatusOK, `{}`)}, "no value array"},
		"a repeated link": {[]func(http.ResponseWriter, *http.Request){page(http.StatusOK, `{"value": [], "@odata.nextLink": "SELF/v1.0/x"}`)}, "would never end"},
		"another host":    {[]func(http.ResponseWriter, *http.Request){page(http.StatusOK, `{"value": [], "@odata.nextLink": "https://elsewhere.example/v1.0/x"}`)}, "leaves"},
		"fresh links to empty pages without end": {[]func(http.ResponseWriter, *http.Request){func(w http.ResponseWriter, r *http.Request) {
			page(http.StatusOK, fmt.Sprintf(`{"value": [], "@odata.nextLink": "SELF/v1.0/x?p=%d"}`, time.Now().UnixNano()))(w, r)
		}}, "after 5 pages, the last 5 of which brought nothing"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			h := &hostile{answers: tc.answers}
			srv := httptest.NewServer(h)
			t.Cleanup(srv.Close)
			_, err := newClient(t, srv.URL).ListAccessAssignments(bounded(t), "r-1")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error saying %q", err, tc.want)
			}
			if calls := h.calls.Load(); calls > maxStalePages {
				t.Errorf("%d pages were read, want at most %d", calls, maxStalePages)
			}
		})
	}
}

func TestAnAnswerNamingARoleTwiceGrantsItOnce(t *testing.T) {
	t.Parallel()
	upper := strings.ToUpper(readerRole)
	srv := httptest.NewServer(&hostile{answers: []func(http.ResponseWriter, *http.Request){
		page(http.StatusOK, `{"@odata.etag": "W/\"1\"", "id": "a-1", "status": "active", "accessContainer": {"accessContainerId": "g"}, `+
			`"accessDetails": {"unifiedRoles": [{"roleDefinitionId": "`+readerRole+`"}, {"roleDefinitionId": "`+upper+`"}]}}`),
		page(http.StatusOK, `{"value": [`+strings.Replace(oneRelationship, `"unifiedRoles": []`,
			`"unifiedRoles": [{"roleDefinitionId": "`+upper+`"}, {"roleDefinitionId": "`+readerRole+`"}]`, 1)+`]}`),
	}})
	t.Cleanup(srv.Close)
	c := newClient(t, srv.URL)
	a, err := c.GetAccessAssignment(bounded(t), "r-1", "a-1")
	if err != nil || len(a.Roles) != 1 || a.Roles[0] != readerRole {
		t.Fatalf("assignment %+v, %v; want its role once", a, err)
	}
	rels, err := c.ListRelationships(bounded(t), Filter{})
	if err != nil || len(rels) != 1 || len(rels[0].Roles) != 1 || rels[0].Roles[0] != upper {
		t.Fatalf("relationships %+v, %v; want the role once", rels, err)
	}
}
