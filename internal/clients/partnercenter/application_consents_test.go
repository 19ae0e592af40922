// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

const (
	partnerApp = "8f2d1c3b-4a5e-4f60-9a7b-1c2d3e4f5a6b"
	graphApp   = "00000003-0000-0000-c000-000000000000"
)

func testConsent() ApplicationConsent {
	return ApplicationConsent{ApplicationID: partnerApp, DisplayName: "Partner automation",
		Grants: []ApplicationGrant{{ResourceApplicationID: graphApp, Scopes: []string{"Directory.Read.All", "User.Read.All"}}}}
}

func TestAConsentIsPostedAsPartnerCenterTakesIt(t *testing.T) {
	t.Parallel()
	c, rec := newScripted(t, reply{status: http.StatusCreated, body: `{"applicationId":"` + partnerApp + `"}`})
	if err := c.CreateApplicationConsent(context.Background(), testCustomer, testConsent()); err != nil {
		t.Fatal(err)
	}
	req := rec.request(0)
	if req.Method != http.MethodPost || req.URL.Path != "/v1/customers/"+testCustomer+"/applicationconsents" {
		t.Errorf("sent %s %s", req.Method, req.URL.Path)
	}
	var sent map[string]any
	_ = json.Unmarshal(rec.bodies[0], &sent)
	grants, _ := sent["applicationGrants"].([]any)
	if sent["applicationId"] != partnerApp || sent["displayName"] != "Partner automation" || len(grants) != 1 ||
		grants[0].(map[string]any)["scope"] != "Directory.Read.All,User.Read.All" ||
		grants[0].(map[string]any)["enterpriseApplicationId"] != graphApp {
		t.Errorf("body %s: scopes go comma-separated, under the resource's appId", rec.bodies[0])
	}
	if req.Header.Get(HeaderRequestID) == "" {
		t.Error("no MS-RequestId: it is the POST's idempotency key")
	}
}

func TestAnExistingConsentIsToldApartFromOtherRefusals(t *testing.T) {
	t.Parallel()
	for name, tt := range map[string]struct {
		status int
		body   string
		exists bool
	}{
		"409 saying it exists": {409, `{"code":600041,"description":"Permission entry already exists."}`, true},
		"400 saying it exists": {400, `{"code":"x","description":"Consent failed: permission entry already exists for app"}`, true},
		"403 for a missing role": {403, `{"code":600040,"description":"The partner does not hold the Application Administrator role."}`,
			false},
		"a proxy's page":           {409, `<html>Permission entry already exists</html>`, false},
		"a server error saying it": {500, `{"code":"1","description":"Permission entry already exists"}`, false},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := reply{status: tt.status, body: tt.body}
			c, _ := newScripted(t, r, r, r, r) // a 500 is retried
			err := c.CreateApplicationConsent(context.Background(), testCustomer, testConsent())
			if err == nil || IsConsentExists(err) != tt.exists {
				t.Errorf("IsConsentExists(%v) = %v, want %v", err, IsConsentExists(err), tt.exists)
			}
		})
	}
}

func TestAConsentAnswerAboutAnotherApplicationIsRefused(t *testing.T) {
	t.Parallel()
	c, rec := newScripted(t, reply{status: http.StatusOK, body: `{"applicationId":"` + graphApp + `"}`})
	err := c.CreateApplicationConsent(context.Background(), testCustomer, testConsent())
	assertAnswerError(t, err, http.MethodPost, rec.request(0), "it is the consent of application "+graphApp)
}

func TestAConsentPartnerCenterWouldRefuseIsNotSent(t *testing.T) {
	t.Parallel()
	for name, change := range map[string]func(*ApplicationConsent){
		"an application id that is no GUID": func(c *ApplicationConsent) { c.ApplicationID = "automation" },
		"no grant":                          func(c *ApplicationConsent) { c.Grants = nil },
		"a grant without scopes":            func(c *ApplicationConsent) { c.Grants[0].Scopes = nil },
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, rec := newScripted(t)
			consent := testConsent()
			change(&consent)
			if err := c.CreateApplicationConsent(context.Background(), testCustomer, consent); err == nil || rec.count() != 0 {
				t.Errorf("err %v after %d requests; want an error and no request", err, rec.count())
			}
		})
	}
}

func TestAConsentIsDeletedByApplicationID(t *testing.T) {
	t.Parallel()
	c, rec := newScripted(t, reply{status: http.StatusNoContent})
	if err := c.DeleteApplicationConsent(context.Background(), testCustomer, partnerApp); err != nil {
		t.Fatal(err)
	}
	if req := rec.request(0); req.Method != http.MethodDelete ||
		req.URL.Path != "/v1/customers/"+testCustomer+"/applicationconsents/"+partnerApp {
		t.Errorf("sent %s %s", req.Method, req.URL.Path)
	}
	if err := c.DeleteApplicationConsent(context.Background(), testCustomer, "not-a-guid"); err == nil ||
		!strings.Contains(err.Error(), "not a GUID") || rec.count() != 1 {
		t.Errorf("an application id that is no GUID: %v", err)
	}
}

func TestOnlyPartnerCentersOwnNotFoundOfTheConsentSaysItIsNone(t *testing.T) {
	t.Parallel()
	for name, tt := range map[string]struct {
		status int
		body   string
		want   bool
	}{
		"Partner Center's 404": {404, `{"code":600042,"description":"The application has no consent in the customer's tenant."}`, true},
		"a proxy's 404":        {404, `<html>Not Found</html>`, false},
		"Partner Center's 400": {400, `{"code":600043,"description":"Bad request."}`, false},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, _ := newScripted(t, reply{status: tt.status, body: tt.body})
			err := c.DeleteApplicationConsent(context.Background(), testCustomer, partnerApp)
			if IsConsentNotFound(err) != tt.want {
				t.Errorf("IsConsentNotFound(%v) = %v, want %v", err, IsConsentNotFound(err), tt.want)
			}
		})
	}
}
