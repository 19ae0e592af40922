// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package rules

import (
	"strings"
	"testing"
)

func TestEntraRolesAreOneIDPerName(t *testing.T) {
	names, ids := map[string]bool{}, map[string]bool{}
	for _, r := range EntraRoles {
		if !GUID.MatchString(r.TemplateID) || r.TemplateID != strings.ToLower(r.TemplateID) {
			t.Errorf("%s: template id %q is not a lower-case GUID", r.Name, r.TemplateID)
		}
		if names[roleKey(r.Name)] || ids[r.TemplateID] {
			t.Errorf("%s (%s) is listed twice", r.Name, r.TemplateID)
		}
		names[roleKey(r.Name)], ids[r.TemplateID] = true, true
	}
	if id, _ := EntraRoleID("Global Administrator"); id != GlobalAdministratorRoleID {
		t.Errorf("Global Administrator is %s in the table and %s in the GDAP rules", id, GlobalAdministratorRoleID)
	}
}

func TestEntraRoleIDReadsNamesAsPeopleWriteThem(t *testing.T) {
	for _, name := range []string{"Global Reader", "global reader", "  Global   READER "} {
		if id, err := EntraRoleID(name); err != nil || id != "f2ef992c-3afb-46b9-b7cf-a126ee74c451" {
			t.Errorf("EntraRoleID(%q) = %s, %v", name, id, err)
		}
	}
	for old, current := range map[string]string{"Power BI Administrator": "Fabric Administrator",
		"Azure AD Joined Device Local Administrator": "Microsoft Entra Joined Device Local Administrator"} {
		want, _ := EntraRoleID(current)
		if got, err := EntraRoleID(old); err != nil || got != want || want == "" {
			t.Errorf("the former name %q = %s, %v; want %s, the id of %q", old, got, err, want, current)
		}
	}
	_, err := EntraRoleID("Helpdesk Admin")
	if err == nil || !strings.Contains(err.Error(), `"Helpdesk Admin" is not a Microsoft Entra built-in role this provider knows `+
		`(did you mean "Helpdesk Administrator"`) || !strings.Contains(err.Error(), "by its template id") {
		t.Errorf("an unknown name: %v", err)
	}
	if _, err := EntraRoleID("Zzz"); err == nil || strings.Contains(err.Error(), "did you mean") {
		t.Errorf("a name like no role: %v", err)
	}
}

func TestEntraRoleNameIsTheTablesNameForATemplateID(t *testing.T) {
	if name, ok := EntraRoleName("F2EF992C-3AFB-46B9-B7CF-A126EE74C451"); !ok || name != "Global Reader" {
		t.Errorf("got %q, %v; want Global Reader", name, ok)
	}
	if name, ok := EntraRoleName("00000000-0000-0000-0000-000000000000"); ok {
		t.Errorf("an unknown id is named %q", name)
	}
}
