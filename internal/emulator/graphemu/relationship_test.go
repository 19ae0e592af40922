// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graphemu

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

const (
	customerID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
	readerRole = "f2ef992c-3afb-46b9-b7cf-a126ee74c451"
	gaRole     = "62e90394-69f5-4237-9190-012177145e10"
)

type answer struct {
	status int
	header http.Header
	body   map[string]any
}

func call(t *testing.T, h http.Handler, method, path, ifMatch string, body any) answer {
	t.Helper()
	var in io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		in = strings.NewReader(string(b))
	}
	req := httptest.NewRequest(method, path, in)
	if ifMatch != "" {
		req.Header.Set("If-Match", ifMatch)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	out := answer{status: rec.Code, header: rec.Header(), body: map[string]any{}}
	if rec.Body.Len() > 0 {
		if err := json.Unmarshal(rec.Body.Bytes(), &out.body); err != nil {
			t.Fatalf("%s %s: answer is not JSON: %s", method, path, rec.Body.String())
		}
	}
	return out
}

func (a answer) want(t *testing.T, status int) answer {
	t.Helper()
	if a.status != status {
		t.Fatalf("status %d, want %d: %v", a.status, status, a.body)
	}
	return a
}

func (a answer) str(key string) string { s, _ := a.body[key].(string); return s }

func newRelationship(name string, roles ...string) map[string]any {
	var unified []map[string]string
	for _, r := range roles {
		unified = append(unified, map[string]string{"roleDefinitionId": r})
	}
	return map[string]any{"displayName": name, "duration": "P730D", "customer": map[string]string{"tenantId": customerID},
		"accessDetails": map[string]any{"unifiedRoles": unified}}
}

func create(t *testing.T, s *Server, name string, roles ...string) answer {
	t.Helper()
	return call(t, s, "POST", relationshipsPath, "", newRelationship(name, roles...)).want(t, http.StatusCreated)
}

func TestARelationshipGoesFromCreatedToActiveToTerminated(t *testing.T) {
	s := New()
	rel := create(t, s, "Contoso admins", readerRole, gaRole)
	id, path := rel.str("id"), relationshipsPath+"/"+rel.str("id")
	if rel.str("status") != StatusCreated || !strings.HasPrefix(rel.str("@odata.etag"), `W/"`) ||
		!strings.HasSuffix(rel.header.Get("Location"), path) || len(id) != 73 {
		t.Fatalf("created relationship: %v, Location %s", rel.body, rel.header.Get("Location"))
	}

	call(t, s, "PATCH", path, "", map[string]any{"displayName": "x"}).want(t, http.StatusPreconditionRequired)
	call(t, s, "PATCH", path, `W/"stale"`, map[string]any{"displayName": "x"}).want(t, http.StatusPreconditionFailed)
	renamed := call(t, s, "PATCH", path, rel.str("@odata.etag"), map[string]any{"displayName": "Contoso admins 2"}).want(t, http.StatusOK)
	if renamed.str("displayName") != "Contoso admins 2" || renamed.str("@odata.etag") == rel.str("@odata.etag") {
		t.Fatalf("renamed: %v", renamed.body)
	}

	call(t, s, "POST", path+"/requests", "", map[string]string{"action": "lockForApproval"}).want(t, http.StatusCreated)
	locked := call(t, s, "GET", path, "", nil).want(t, http.StatusOK)
	if locked.str("status") != StatusApprovalPending {
		t.Fatalf("after lockForApproval: %v", locked.body)
	}
	call(t, s, "PATCH", path, locked.str("@odata.etag"), map[string]any{"displayName": "late"}).want(t, http.StatusBadRequest)

	if err := s.Approve(id, "0b6fd2a5-2c8b-4f3e-9b7a-000000000001", "Fabrikam"); err == nil {
		t.Fatal("another customer approved a relationship that names its customer")
	}
	if err := s.Approve(id, "", ""); err == nil {
		t.Fatal("a customer without a tenant id approved a relationship")
	}
	if err := s.Approve(id, customerID, "Contoso"); err != nil {
		t.Fatal(err)
	}
	active := call(t, s, "GET", path, "", nil).want(t, http.StatusOK)
	if active.str("status") != StatusActive || active.str("activatedDateTime") == "" || active.str("endDateTime") == "" {
		t.Fatalf("after approval: %v", active.body)
	}

	// Auto-extension with Global Administrator is refused; dropping it is a long-running operation.
	call(t, s, "PATCH", path, active.str("@odata.etag"), map[string]any{"autoExtendDuration": "P180D"}).want(t, http.StatusBadRequest)
	accepted := call(t, s, "PATCH", path, active.str("@odata.etag"),
		map[string]any{"accessDetails": map[string]any{"unifiedRoles": []map[string]string{{"roleDefinitionId": readerRole}}}}).
		want(t, http.StatusAccepted)
	op := strings.TrimPrefix(accepted.header.Get("Location"), "http://example.com")
	if got := call(t, s, "GET", op, "", nil).want(t, http.StatusOK).str("status"); got != "running" {
		t.Errorf("first poll of the operation: %s, want running", got)
	}
	if got := call(t, s, "GET", op, "", nil).want(t, http.StatusOK).str("status"); got != "succeeded" {
		t.Errorf("second poll of the operation: %s, want succeeded", got)
	}
	current := call(t, s, "GET", path, "", nil).want(t, http.StatusOK)
	call(t, s, "PATCH", path, current.str("@odata.etag"), map[string]any{"autoExtendDuration": "P180D"}).want(t, http.StatusOK)

	call(t, s, "DELETE", path, call(t, s, "GET", path, "", nil).str("@odata.etag"), nil).want(t, http.StatusBadRequest)
	call(t, s, "POST", path+"/requests", "", map[string]string{"action": "terminate"}).want(t, http.StatusCreated)
	if got := call(t, s, "GET", path, "", nil).str("status"); got != StatusTerminated {
		t.Errorf("after terminate: %s, want terminated", got)
	}
}

func TestARelationshipIsDeletedOnlyWhileCreated(t *testing.T) {
	s := New()
	rel := create(t, s, "To delete", readerRole)
	path := relationshipsPath + "/" + rel.str("id")
	call(t, s, "DELETE", path, "", nil).want(t, http.StatusPreconditionRequired)
	call(t, s, "DELETE", path, rel.str("@odata.etag"), nil).want(t, http.StatusNoContent)
	call(t, s, "GET", path, "", nil).want(t, http.StatusNotFound)
}

func TestTimeExpiresInvitationsAndRelationships(t *testing.T) {
	s := New()
	pending := create(t, s, "Never answered", readerRole).str("id")
	call(t, s, "POST", relationshipsPath+"/"+pending+"/requests", "", map[string]string{"action": "lockForApproval"}).want(t, http.StatusCreated)
	short := newRelationship("One day", readerRole)
	short["duration"] = "P1D"
	oneDay := call(t, s, "POST", relationshipsPath, "", short).want(t, http.StatusCreated).str("id")
	short["displayName"], short["autoExtendDuration"] = "One day, extended", "P180D"
	extended := call(t, s, "POST", relationshipsPath, "", short).want(t, http.StatusCreated).str("id")
	for _, id := range []string{oneDay, extended} {
		call(t, s, "POST", relationshipsPath+"/"+id+"/requests", "", map[string]string{"action": "lockForApproval"}).want(t, http.StatusCreated)
		if err := s.Approve(id, customerID, "Contoso"); err != nil {
			t.Fatal(err)
		}
	}
	s.Advance(91 * 24 * time.Hour)
	want := map[string]string{pending: StatusExpired, oneDay: StatusExpired, extended: StatusActive}
	for id, status := range want {
		if got := call(t, s, "GET", relationshipsPath+"/"+id, "", nil).str("status"); got != status {
			t.Errorf("%s after 91 days: %s, want %s", id, got, status)
		}
	}
	got := call(t, s, "GET", relationshipsPath+"/"+extended, "", nil)
	activated, _ := time.Parse(time.RFC3339Nano, got.str("activatedDateTime"))
	ends, _ := time.Parse(time.RFC3339Nano, got.str("endDateTime"))
	if d := ends.Sub(activated); d != 181*24*time.Hour {
		t.Errorf("extended relationship ends %v after activation, want one day and one extension of 180 days", d)
	}
}

func TestRelationshipsPageAndFilter(t *testing.T) {
	s := New()
	for i := range 5 {
		create(t, s, fmt.Sprintf("Relationship %d", i), readerRole)
	}
	other := newRelationship("Other customer", readerRole)
	other["customer"] = map[string]string{"tenantId": "0b6fd2a5-2c8b-4f3e-9b7a-000000000001"}
	call(t, s, "POST", relationshipsPath, "", other).want(t, http.StatusCreated)
	s.SetPageSize(2)

	var names []string
	pages := 0
	for next := relationshipsPath + "?$filter=" + strings.ReplaceAll("status eq 'created' and customer/tenantId eq '"+customerID+"'", " ", "%20"); next != ""; pages++ {
		page := call(t, s, "GET", next, "", nil).want(t, http.StatusOK)
		for _, v := range page.body["value"].([]any) {
			names = append(names, v.(map[string]any)["displayName"].(string))
		}
		next = strings.TrimPrefix(page.str("@odata.nextLink"), "http://example.com")
	}
	if pages != 3 || len(names) != 5 || names[0] != "Relationship 0" || names[4] != "Relationship 4" {
		t.Errorf("%d pages of %v, want 3 pages of Relationship 0..4", pages, names)
	}
	create(t, s, "O'Brien", readerRole)
	quoted := call(t, s, "GET", relationshipsPath+"?$filter="+strings.ReplaceAll("displayName eq 'O''Brien'", " ", "%20"), "", nil).want(t, http.StatusOK)
	if got := quoted.body["value"].([]any); len(got) != 1 {
		t.Errorf("a quote doubled in a filter found %d relationships, want O'Brien", len(got))
	}
	call(t, s, "GET", relationshipsPath+"?$top=301", "", nil).want(t, http.StatusBadRequest)
	call(t, s, "GET", relationshipsPath+"?$filter=startswith(displayName,'R')", "", nil).want(t, http.StatusBadRequest)
}

func TestGraphRefusesWhatGDAPDoesNotAllow(t *testing.T) {
	s := New()
	create(t, s, "Taken", readerRole)
	tests := map[string]func(map[string]any){
		"a name already taken":          func(m map[string]any) { m["displayName"] = "taken" },
		"a name over 50 characters":     func(m map[string]any) { m["displayName"] = strings.Repeat("x", 51) },
		"no role":                       func(m map[string]any) { m["accessDetails"] = map[string]any{"unifiedRoles": []any{}} },
		"a duration over two years":     func(m map[string]any) { m["duration"] = "P731D" },
		"a duration that is no ISO one": func(m map[string]any) { m["duration"] = "730 days" },
		"an auto-extension of 90 days":  func(m map[string]any) { m["autoExtendDuration"] = "P90D" },
		"auto-extending Global Administrator": func(m map[string]any) {
			m["autoExtendDuration"] = "P180D"
			m["accessDetails"] = map[string]any{"unifiedRoles": []map[string]string{{"roleDefinitionId": gaRole}}}
		},
	}
	for name, change := range tests {
		body := newRelationship("Fresh", readerRole)
		change(body)
		if got := call(t, s, "POST", relationshipsPath, "", body); got.status != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", name, got.status)
		}
	}
}

func TestANewRelationshipMayNotShowAtOnce(t *testing.T) {
	s := New()
	s.SetCreateLag(time.Minute)
	path := relationshipsPath + "/" + create(t, s, "Lagging", readerRole).str("id")
	call(t, s, "GET", path, "", nil).want(t, http.StatusNotFound)
	s.Advance(time.Minute)
	call(t, s, "GET", path, "", nil).want(t, http.StatusOK)
}

func TestTheControlEndpointsApproveAndMoveTheClock(t *testing.T) {
	s := New()
	control := http.HandlerFunc(s.ServeControl)
	id := create(t, s, "Approved by script", readerRole).str("id")
	approve := ControlPrefix + "relationships/" + id + "/approve"
	customer := map[string]string{"customerTenantId": customerID, "customerDisplayName": "Contoso"}
	call(t, control, "POST", approve, "", customer).want(t, http.StatusBadRequest) // not locked for approval yet
	call(t, s, "POST", relationshipsPath+"/"+id+"/requests", "", map[string]string{"action": "lockForApproval"}).want(t, http.StatusCreated)
	call(t, control, "POST", approve, "", customer).want(t, http.StatusNoContent)
	if got := call(t, s, "GET", relationshipsPath+"/"+id, "", nil).str("status"); got != StatusActive {
		t.Fatalf("after approval through the control endpoint: %s", got)
	}
	call(t, control, "POST", ControlPrefix+"advance?by=17520h", "", nil).want(t, http.StatusNoContent) // two years
	if got := call(t, s, "GET", relationshipsPath+"/"+id, "", nil).str("status"); got != StatusExpired {
		t.Errorf("two years on: %s, want expired", got)
	}
	call(t, control, "POST", ControlPrefix+"advance?by=soon", "", nil).want(t, http.StatusBadRequest)
	call(t, control, "GET", ControlPrefix+"elsewhere", "", nil).want(t, http.StatusNotFound)
}

func TestADeleteBetweenPagesMovesNothingAcrossThem(t *testing.T) {
	s := New()
	var etags = map[string]string{}
	for i := range 4 {
		rel := create(t, s, fmt.Sprintf("Relationship %d", i), readerRole)
		etags[rel.str("id")] = rel.str("@odata.etag")
	}
	s.SetPageSize(2)
	first := call(t, s, "GET", relationshipsPath, "", nil).want(t, http.StatusOK)
	given := first.body["value"].([]any)
	gone := given[1].(map[string]any)["id"].(string)
	call(t, s, "DELETE", relationshipsPath+"/"+gone, etags[gone], nil).want(t, http.StatusNoContent)
	second := call(t, s, "GET", strings.TrimPrefix(first.str("@odata.nextLink"), "http://example.com"), "", nil).want(t, http.StatusOK)
	var names []string
	for _, v := range second.body["value"].([]any) {
		names = append(names, v.(map[string]any)["displayName"].(string))
	}
	if strings.Join(names, ", ") != "Relationship 2, Relationship 3" {
		t.Errorf("the page after a delete holds %v, want Relationship 2 and 3", names)
	}
}

func TestTheControlEndpointsSayWhatIsWrong(t *testing.T) {
	s := New()
	control := http.HandlerFunc(s.ServeControl)
	lock := func(id string) {
		call(t, s, "POST", relationshipsPath+"/"+id+"/requests", "", map[string]string{"action": "lockForApproval"}).want(t, http.StatusCreated)
	}
	body := newRelationship("No customer named", readerRole)
	delete(body, "customer")
	unnamed := call(t, s, "POST", relationshipsPath, "", body).want(t, http.StatusCreated).str("id")
	lock(unnamed)
	for name, tc := range map[string]struct {
		path   string
		body   any
		status int
		says   string
	}{
		"no customer for a relationship naming none": {"relationships/" + unnamed + "/approve", map[string]string{}, http.StatusBadRequest, "customerTenantId is required"},
		"a customer that is no tenant id":            {"relationships/" + unnamed + "/approve", map[string]string{"customerTenantId": "contoso"}, http.StatusBadRequest, `customerTenantId "contoso" is not a tenant id`},
		"a relationship the emulator does not hold":  {"relationships/nope/lapse", nil, http.StatusNotFound, "holds no relationship nope"},
		"an unknown control":                         {"relationships/" + unnamed + "/revive", nil, http.StatusNotFound, "lapse"},
	} {
		got := call(t, control, "POST", ControlPrefix+tc.path, "", tc.body).want(t, tc.status)
		if msg := got.body["error"].(map[string]any)["message"].(string); !strings.Contains(msg, tc.says) {
			t.Errorf("%s: %q, want it to say %q", name, msg, tc.says)
		}
	}
	named := create(t, s, "Customer named", readerRole)
	lock(named.str("id"))
	call(t, control, "POST", ControlPrefix+"relationships/"+named.str("id")+"/approve", "", nil).want(t, http.StatusNoContent)
	call(t, control, "POST", ControlPrefix+"relationships/"+unnamed+"/lapse", "", nil).want(t, http.StatusNoContent)
	if got := call(t, s, "GET", relationshipsPath+"/"+unnamed, "", nil).str("status"); got != StatusExpired {
		t.Errorf("a lapsed invitation is %s, want expired", got)
	}
	call(t, control, "POST", ControlPrefix+"relationships/"+unnamed+"/lapse", "", nil).want(t, http.StatusBadRequest)
}
