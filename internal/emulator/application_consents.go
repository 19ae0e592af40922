// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator/graphemu"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// Routes of application consents: Partner Center documents a POST and a DELETE, and no read.
const (
	applicationConsentsRoute = "POST /v1/customers/{id}/applicationconsents"
	applicationConsentRoute  = "DELETE /v1/customers/{id}/applicationconsents/{app}"
)

// Error codes of the emulator's consent answers. Partner Center documents none of them: the
// provider recognises an existing consent by its text, as the community's tools do.
const (
	codeMFARequired   = 900419
	codeNoConsentRole = 600040
	codeConsentExists = 600041
	codeNoConsent     = 600042
	codeBadConsent    = 600043
)

type consentBody struct {
	ApplicationID     string `json:"applicationId"`
	DisplayName       string `json:"displayName"`
	ApplicationGrants []struct {
		EnterpriseApplicationID string `json:"enterpriseApplicationId"`
		Scope                   string `json:"scope"`
	} `json:"applicationGrants"`
}

// SetConsentRequiresMFA makes Partner Center refuse application consents, as it does when the
// partner user's token was issued without multi-factor authentication.
func (s *Server) SetConsentRequiresMFA(required bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.consentNeedsMFA = required
}

// handleCreateConsent consents an application into a customer's tenant: the customer must exist,
// the partner must hold Application Administrator or Cloud Application Administrator there through
// an active GDAP relationship, and the application must not be consented there yet.
func (s *Server) handleCreateConsent(w http.ResponseWriter, r *http.Request) {
	id := strings.ToLower(r.PathValue("id"))
	if !s.knownCustomer(id) {
		writeTenantNotFound(w)
		return
	}
	if s.mfaRequired() {
		writeError(w, http.StatusUnauthorized, codeMFARequired, "Multi-factor authentication is required for this "+
			"operation: the partner user's token was issued without MFA.")
		return
	}
	var in consentBody
	grants, err := in.read(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, codeBadConsent, sentence(err))
		return
	}
	roles := s.graph.ActiveRoles(id)
	if !slices.ContainsFunc(roles, rules.IsApplicationConsentRole) {
		writeError(w, http.StatusForbidden, codeNoConsentRole, "The partner does not hold the Application Administrator "+
			"or Cloud Application Administrator role in the customer's tenant through an active GDAP relationship.")
		return
	}
	if err := s.graph.Consent(id, in.ApplicationID, in.DisplayName, grants); errors.Is(err, graphemu.ErrConsentExists) {
		writeError(w, http.StatusConflict, codeConsentExists, "Permission entry already exists.")
		return
	}
	writeJSON(w, http.StatusCreated, in)
}

// read decodes r's body into b and returns its grants by resource application, scopes split at
// commas, or what makes the body no consent.
func (b *consentBody) read(r *http.Request) (map[string][]string, error) {
	if err := json.NewDecoder(r.Body).Decode(b); err != nil {
		return nil, errors.New("the body is no application consent")
	}
	if !rules.GUID.MatchString(b.ApplicationID) {
		return nil, errors.New("applicationId must be an application's client id (a GUID)")
	}
	if len(b.ApplicationGrants) == 0 {
		return nil, errors.New("applicationGrants must hold at least one grant")
	}
	grants := map[string][]string{}
	for _, g := range b.ApplicationGrants {
		if !rules.GUID.MatchString(g.EnterpriseApplicationID) || strings.TrimSpace(g.Scope) == "" {
			return nil, errors.New("each grant needs an enterpriseApplicationId (a GUID) and a scope")
		}
		for _, sc := range strings.Split(g.Scope, ",") {
			grants[strings.ToLower(g.EnterpriseApplicationID)] = append(grants[strings.ToLower(g.EnterpriseApplicationID)],
				strings.TrimSpace(sc))
		}
	}
	return grants, nil
}

// handleDeleteConsent removes an application's consent from a customer's tenant.
func (s *Server) handleDeleteConsent(w http.ResponseWriter, r *http.Request) {
	id := strings.ToLower(r.PathValue("id"))
	if !s.knownCustomer(id) {
		writeTenantNotFound(w)
		return
	}
	if err := s.graph.RemoveConsent(id, r.PathValue("app")); err != nil {
		writeError(w, http.StatusNotFound, codeNoConsent, "The application has no consent in the customer's tenant.")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) knownCustomer(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.customers[id]
	return ok
}

func (s *Server) mfaRequired() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.consentNeedsMFA
}
