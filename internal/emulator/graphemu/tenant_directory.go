// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graphemu

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// GraphAppID is Microsoft Graph's application id, a resource application every tenant holds.
const GraphAppID = rules.GraphApplicationID

// PartnerTenant names the partner's own tenant among the directories: the tenant of the tokens
// the partner's own Graph calls carry.
const PartnerTenant = ""

// ErrConsentExists is Consent's error for an application consented in the tenant already.
var ErrConsentExists = errors.New("permission entry already exists")

// ErrNoConsent is RemoveConsent's error for an application not consented in the tenant.
var ErrNoConsent = errors.New("no consent of this application in the tenant")

// servicePrincipal is an application's instance in one tenant.
type servicePrincipal struct {
	ID, AppID, DisplayName string
	// visibleAt is when reads first show it: consents take a while to appear (SetConsentDelay).
	visibleAt time.Time
}

// permissionGrant is a delegated permission grant (oauth2PermissionGrant) of one client service
// principal on one resource service principal, for every user of the tenant.
type permissionGrant struct {
	ID, ClientID, ResourceID string
	Scopes                   []string
	visibleAt                time.Time
}

// tenantDirectory is what one tenant's Graph holds of service principals and grants.
type tenantDirectory struct {
	principals map[string]*servicePrincipal // by id
	grants     map[string]*permissionGrant  // by id
}

// tenantKey is the context key of the tenant a Graph request's token was issued in.
type tenantKey struct{}

// WithTenant is ctx for a Graph request whose token was issued in tenant (PartnerTenant for the
// partner's own): the directory routes answer from that tenant's directory.
func WithTenant(ctx context.Context, tenant string) context.Context {
	return context.WithValue(ctx, tenantKey{}, strings.ToLower(tenant))
}

func tenantOf(ctx context.Context) string {
	t, _ := ctx.Value(tenantKey{}).(string)
	return t
}

// directoryLocked is tenant's directory, made on first use with Microsoft Graph's service
// principal in it, as every tenant has; s.mu must be held.
func (s *Server) directoryLocked(tenant string) *tenantDirectory {
	tenant = strings.ToLower(tenant)
	if s.tenants == nil {
		s.tenants = map[string]*tenantDirectory{}
	}
	d := s.tenants[tenant]
	if d == nil {
		d = &tenantDirectory{principals: map[string]*servicePrincipal{}, grants: map[string]*permissionGrant{}}
		sp := &servicePrincipal{ID: uuid.NewString(), AppID: GraphAppID, DisplayName: "Microsoft Graph"}
		d.principals[sp.ID] = sp
		s.tenants[tenant] = d
	}
	return d
}

// principalOfLocked is the service principal of appID in d, visible at now or not, nil for none.
func (d *tenantDirectory) principalOfLocked(appID string) *servicePrincipal {
	for _, sp := range d.principals {
		if strings.EqualFold(sp.AppID, appID) {
			return sp
		}
	}
	return nil
}

// Consent does in tenant what Partner Center's application consent does: it creates appID's
// service principal and grants it scopes on each resource application (by appId), creating a
// resource's service principal where the tenant has none. Reads show them after the consent
// delay (SetConsentDelay). An application with a service principal there already gives
// ErrConsentExists.
func (s *Server) Consent(tenant, appID, displayName string, grants map[string][]string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.directoryLocked(tenant)
	if d.principalOfLocked(appID) != nil {
		return ErrConsentExists
	}
	visible := s.nowLocked().Add(s.consentDelay)
	if displayName == "" {
		displayName = "Application " + appID[:8]
	}
	client := &servicePrincipal{ID: uuid.NewString(), AppID: strings.ToLower(appID), DisplayName: displayName, visibleAt: visible}
	d.principals[client.ID] = client
	for resourceApp, scopes := range grants {
		resource := d.principalOfLocked(resourceApp)
		if resource == nil {
			resource = &servicePrincipal{ID: uuid.NewString(), AppID: strings.ToLower(resourceApp),
				DisplayName: "Resource " + resourceApp[:min(8, len(resourceApp))]}
			d.principals[resource.ID] = resource
		}
		g := &permissionGrant{ID: uuid.NewString(), ClientID: client.ID, ResourceID: resource.ID,
			Scopes: slices.Clone(scopes), visibleAt: visible}
		d.grants[g.ID] = g
	}
	return nil
}

// RemoveConsent removes appID's service principal and its grants from tenant, as Partner
// Center's DELETE of a consent does; ErrNoConsent when it has none there.
func (s *Server) RemoveConsent(tenant, appID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.directoryLocked(tenant)
	sp := d.principalOfLocked(appID)
	if sp == nil {
		return ErrNoConsent
	}
	delete(d.principals, sp.ID)
	for id, g := range d.grants {
		if g.ClientID == sp.ID {
			delete(d.grants, id)
		}
	}
	return nil
}

// Consented reports whether reads in tenant show appID's service principal now: what Entra ID
// needs before it issues the application a token in that tenant.
func (s *Server) Consented(tenant, appID string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	sp := s.directoryLocked(tenant).principalOfLocked(appID)
	return sp != nil && !s.nowLocked().Before(sp.visibleAt)
}

// RevokeScope removes scope from appID's grant on resourceApp in tenant, as an administrator of
// the customer could in the Entra admin center; the grant goes when its last scope does.
func (s *Server) RevokeScope(tenant, appID, resourceApp, scope string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.directoryLocked(tenant)
	client, resource := d.principalOfLocked(appID), d.principalOfLocked(resourceApp)
	if client == nil || resource == nil {
		return fmt.Errorf("emulator: tenant %s has no service principal of %s or of %s", tenant, appID, resourceApp)
	}
	for id, g := range d.grants {
		if g.ClientID == client.ID && g.ResourceID == resource.ID {
			g.Scopes = slices.DeleteFunc(g.Scopes, func(s string) bool { return strings.EqualFold(s, scope) })
			if len(g.Scopes) == 0 {
				delete(d.grants, id)
			}
			return nil
		}
	}
	return fmt.Errorf("emulator: %s has no grant on %s in tenant %s", appID, resourceApp, tenant)
}

// SetConsentDelay makes a new consent's service principal and grants appear to reads d after
// the consent.
func (s *Server) SetConsentDelay(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.consentDelay = d
}

// ActiveRoles are the Entra role template ids the partner's active relationships with customer
// tenant grant, each once: what Partner Center checks before it consents an application there.
func (s *Server) ActiveRoles(tenant string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.nowLocked()
	var roles []string
	for _, id := range s.order {
		rel := s.relationships[id]
		rel.settle(now)
		if rel.Status == StatusActive && strings.EqualFold(rel.CustomerTenantID, tenant) {
			roles = append(roles, rel.Roles...)
		}
	}
	slices.Sort(roles)
	return slices.Compact(roles)
}

// ConsentOf is what tenant holds of appID's consent, visible yet or not: its grants' scopes by
// resource application id; ok is false when tenant has no service principal of appID.
func (s *Server) ConsentOf(tenant, appID string) (scopes map[string][]string, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.directoryLocked(tenant)
	client := d.principalOfLocked(appID)
	if client == nil {
		return nil, false
	}
	scopes = map[string][]string{}
	for _, g := range d.grants {
		if g.ClientID != client.ID {
			continue
		}
		for _, sp := range d.principals {
			if sp.ID == g.ResourceID {
				scopes[sp.AppID] = append(scopes[sp.AppID], g.Scopes...)
			}
		}
	}
	return scopes, true
}
