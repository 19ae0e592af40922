// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// Paths of the directory objects an application consent leaves in a tenant.
const (
	servicePrincipalsPath = "/v1.0/servicePrincipals"
	permissionGrantsPath  = "/v1.0/oauth2PermissionGrants"
)

// ServicePrincipal is an application's instance in a tenant.
type ServicePrincipal struct {
	ID, AppID, DisplayName string
}

// PermissionGrant is a delegated permission grant of a client service principal on a resource
// service principal (both by their ids in the tenant).
type PermissionGrant struct {
	ID, ClientID, ResourceID, ConsentType string
	// Scopes are the delegated permissions granted, in the order Graph gives them.
	Scopes []string
}

type wirePrincipal struct {
	ID          string `json:"id"`
	AppID       string `json:"appId"`
	DisplayName string `json:"displayName"`
}

func (w *wirePrincipal) principal() (*ServicePrincipal, error) {
	if w.ID == "" || w.AppID == "" {
		return nil, fmt.Errorf("the service principal %s lacks its id or appId", quoteOrNone(w.ID))
	}
	return &ServicePrincipal{ID: w.ID, AppID: w.AppID, DisplayName: w.DisplayName}, nil
}

// ServicePrincipalByAppID reads the service principal of application appID in the client's
// tenant: nil (and no error) when Graph's answer is a list without it, which is how Graph says
// the application has none there. An answer that is no list, or lists another application's, is
// an error.
func (c *Client) ServicePrincipalByAppID(ctx context.Context, appID string) (*ServicePrincipal, error) {
	q := url.Values{"$filter": {"appId eq '" + strings.ReplaceAll(appID, "'", "''") + "'"}}
	found, err := list(ctx, c, c.path(servicePrincipalsPath, q), listing[ServicePrincipal]{
		what: "service principals of application " + appID,
		key:  func(p *ServicePrincipal) string { return p.ID },
		item: func(raw json.RawMessage) (*ServicePrincipal, error) {
			var w wirePrincipal
			if err := json.Unmarshal(raw, &w); err != nil {
				return nil, fmt.Errorf("it holds an item that is no service principal: %w", err)
			}
			p, err := w.principal()
			if err == nil && !strings.EqualFold(p.AppID, appID) {
				err = fmt.Errorf("it holds the service principal of application %s, not of %s that was asked for", p.AppID, appID)
			}
			return p, err
		}})
	// Ifs rather than a tagless switch: mutation testing cannot see a switch case's condition.
	if err != nil {
		return nil, err
	}
	if len(found) > 1 {
		return nil, fmt.Errorf("listing service principals of application %s: Microsoft Graph lists %d, where a tenant holds one", appID, len(found))
	}
	if len(found) == 0 {
		return nil, nil
	}
	return &found[0], nil
}

// ServicePrincipal reads one service principal by its id in the client's tenant. An answer
// about another one is refused.
func (c *Client) ServicePrincipal(ctx context.Context, id string) (*ServicePrincipal, error) {
	return getOne(ctx, c, c.path(servicePrincipalsPath+"/"+url.PathEscape(id), nil), (*wirePrincipal).principal,
		func(p *ServicePrincipal) string { return p.ID }, id, "service principal")
}

type wireGrant struct {
	ID          string  `json:"id"`
	ClientID    string  `json:"clientId"`
	ConsentType string  `json:"consentType"`
	ResourceID  string  `json:"resourceId"`
	Scope       *string `json:"scope"`
}

// PermissionGrants reads every delegated permission grant of client service principal
// clientID in the client's tenant, scopes split at spaces (Graph joins them with spaces). A grant
// of another client is refused.
func (c *Client) PermissionGrants(ctx context.Context, clientID string) ([]PermissionGrant, error) {
	q := url.Values{"$filter": {"clientId eq '" + strings.ReplaceAll(clientID, "'", "''") + "'"}}
	return list(ctx, c, c.path(permissionGrantsPath, q), listing[PermissionGrant]{
		what: "permission grants of service principal " + clientID,
		key:  func(g *PermissionGrant) string { return g.ID },
		item: func(raw json.RawMessage) (*PermissionGrant, error) {
			var w wireGrant
			if err := json.Unmarshal(raw, &w); err != nil {
				return nil, fmt.Errorf("it holds an item that is no permission grant: %w", err)
			}
			if w.ID == "" || w.ResourceID == "" || w.Scope == nil {
				return nil, errors.New("it holds a permission grant without its id, resourceId or scope")
			}
			if !strings.EqualFold(w.ClientID, clientID) {
				return nil, fmt.Errorf("it holds grant %s of service principal %s, not of %s that was asked for", w.ID, w.ClientID, clientID)
			}
			return &PermissionGrant{ID: w.ID, ClientID: w.ClientID, ResourceID: w.ResourceID, ConsentType: w.ConsentType,
				Scopes: strings.Fields(*w.Scope)}, nil
		}})
}

// consentTypeAll is the consent type of a grant for every user of the tenant: an administrator's
// consent, which is what Partner Center's application consent gives.
const consentTypeAll = "AllPrincipals"

// TenantConsent is what a tenant holds of an application's consent: its service principal and
// the scopes granted for every user, by resource application (appId, lower case).
type TenantConsent struct {
	ServicePrincipalID, DisplayName string
	Scopes                          map[string][]string
}

// ApplicationConsent reads application appID's consent in the client's tenant: nil (and no error)
// when the tenant holds no service principal of it. Grants for single users are left out: only an
// administrator's consent for everyone is the application's consent.
func (c *Client) ApplicationConsent(ctx context.Context, appID string) (*TenantConsent, error) {
	sp, err := c.ServicePrincipalByAppID(ctx, appID)
	if err != nil || sp == nil {
		return nil, err
	}
	grants, err := c.PermissionGrants(ctx, sp.ID)
	if err != nil {
		return nil, err
	}
	out := &TenantConsent{ServicePrincipalID: sp.ID, DisplayName: sp.DisplayName, Scopes: map[string][]string{}}
	resources := map[string]string{} // service principal id → appId
	for _, g := range grants {
		if !strings.EqualFold(g.ConsentType, consentTypeAll) {
			continue
		}
		app, ok := resources[g.ResourceID]
		if !ok {
			r, err := c.ServicePrincipal(ctx, g.ResourceID)
			if err != nil {
				return nil, fmt.Errorf("reading the resource application of grant %s: %w", g.ID, err)
			}
			app = strings.ToLower(r.AppID)
			resources[g.ResourceID] = app
		}
		out.Scopes[app] = append(out.Scopes[app], g.Scopes...)
	}
	return out, nil
}
