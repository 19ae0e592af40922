// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// applicationConsentsPath is the application consents of the customer whose tenant id fills %s.
// Partner Center documents a POST and a DELETE of one consent, and no GET or list.
const applicationConsentsPath = "/v1/customers/%s/applicationconsents"

// ApplicationConsent is a partner application consented into a customer's tenant, with the
// delegated scopes granted on each resource application.
type ApplicationConsent struct {
	// ApplicationID is the consented application's client id (appId).
	ApplicationID string
	// DisplayName is optional.
	DisplayName string
	Grants      []ApplicationGrant
}

// ApplicationGrant is the delegated scopes granted on one resource application, such as
// Microsoft Graph (00000003-0000-0000-c000-000000000000).
type ApplicationGrant struct {
	// ResourceApplicationID is the resource application's appId.
	ResourceApplicationID string
	Scopes                []string
}

type consentJSON struct {
	ApplicationID     string      `json:"applicationId"`
	DisplayName       string      `json:"displayName,omitempty"`
	ApplicationGrants []grantJSON `json:"applicationGrants"`
}

// grantJSON is a grant as Partner Center takes it: scopes joined by commas.
type grantJSON struct {
	EnterpriseApplicationID string `json:"enterpriseApplicationId"`
	Scope                   string `json:"scope"`
}

// consentExistsText is what Partner Center's error says when the application is consented in the
// tenant already. The status and code of that answer are not documented: the text is what the
// community's tools recognise it by.
var consentExistsText = regexp.MustCompile(`(?i)permission entry already exists`)

// IsConsentExists reports whether err is Partner Center's own answer (its error object, with a
// code) that the application is consented in the customer's tenant already: a page from anything
// between the client and Partner Center says nothing about the tenant.
func IsConsentExists(err error) bool {
	e, ok := asAPIError(err)
	return ok && e.Code != "" && e.StatusCode >= 400 && e.StatusCode < 500 && consentExistsText.MatchString(e.Description)
}

// CreateApplicationConsent consents c into the tenant of customer customerID: Partner Center
// creates the application's service principal there and grants the scopes. Its MS-RequestId,
// kept on every retry, is the call's idempotency key. An application consented there already
// gives an error for which IsConsentExists is true.
func (c *Client) CreateApplicationConsent(ctx context.Context, customerID string, consent ApplicationConsent) error {
	path, err := customerIDPath(applicationConsentsPath, customerID)
	if err != nil {
		return err
	}
	in, err := consent.wire()
	if err != nil {
		return err
	}
	var out consentJSON
	err = c.do(ctx, call{method: http.MethodPost, path: path, in: in, out: &out, about: func() error {
		if out.ApplicationID != "" && !strings.EqualFold(out.ApplicationID, consent.ApplicationID) {
			return fmt.Errorf("it is the consent of application %s, not of %s that was asked for", out.ApplicationID, consent.ApplicationID)
		}
		return nil
	}})
	if err != nil {
		return fmt.Errorf("consenting application %s in customer %s: %w", consent.ApplicationID, customerID, err)
	}
	return nil
}

// DeleteApplicationConsent removes application applicationID's consent from the tenant of customer
// customerID: its service principal and grants there.
func (c *Client) DeleteApplicationConsent(ctx context.Context, customerID, applicationID string) error {
	path, err := customerIDPath(applicationConsentsPath, customerID)
	if err != nil {
		return err
	}
	if !rules.GUID.MatchString(applicationID) {
		return fmt.Errorf("application id %q is not a GUID: use the application's client id", applicationID)
	}
	if err := c.do(ctx, call{method: http.MethodDelete, path: path + "/" + url.PathEscape(applicationID)}); err != nil {
		return fmt.Errorf("removing the consent of application %s from customer %s: %w", applicationID, customerID, err)
	}
	return nil
}

// wire is c as Partner Center takes it, or what makes it one Partner Center would refuse.
func (c ApplicationConsent) wire() (*consentJSON, error) {
	if !rules.GUID.MatchString(c.ApplicationID) {
		return nil, fmt.Errorf("application id %q is not a GUID: use the application's client id", c.ApplicationID)
	}
	if len(c.Grants) == 0 {
		return nil, errors.New("a consent needs at least one grant")
	}
	out := &consentJSON{ApplicationID: c.ApplicationID, DisplayName: c.DisplayName}
	for _, g := range c.Grants {
		if len(g.Scopes) == 0 {
			return nil, fmt.Errorf("the grant on %s names no scope", g.ResourceApplicationID)
		}
		out.ApplicationGrants = append(out.ApplicationGrants, grantJSON{EnterpriseApplicationID: g.ResourceApplicationID,
			Scope: strings.Join(g.Scopes, ",")})
	}
	return out, nil
}

// IsConsentNotFound reports whether err is Partner Center's own answer (a 404 in its error shape,
// with a code) that the application has no consent in the customer's tenant: not its answer that
// the customer is unknown (IsCustomerNotFound), and not the page of a proxy or a wrong path.
func IsConsentNotFound(err error) bool {
	e, ok := asAPIError(err)
	return ok && e.StatusCode == http.StatusNotFound && e.Code != "" && !IsCustomerNotFound(err)
}
