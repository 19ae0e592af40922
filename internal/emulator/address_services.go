// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// CountryRules are Partner Center's rules for one country, as the emulator answers them.
type CountryRules = rules.CountryRules

var usStates = []string{"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
	"KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH",
	"OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY"}

// defaultCountryRules are the countries the emulator knows, shaped like the real answers.
func defaultCountryRules() map[string]CountryRules {
	return map[string]CountryRules{
		"US": {Country: "US", DefaultCulture: "en-US", IsStateRequired: true, SupportedStates: usStates,
			SupportedLanguages: []string{"en", "es"}, SupportedCultures: []string{"en-US", "es-US"},
			IsPostalCodeRequired: true, PostalCodeRegex: `^\d{5}(-\d{4})?$`, IsCityRequired: true, PhoneNumberRegex: `^\+?1?[ -]?\(?\d{3}\)?[ -]?\d{3}[ -]?\d{4}$`},
		"CA": {Country: "CA", DefaultCulture: "en-CA", IsStateRequired: true,
			SupportedStates:    []string{"AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"},
			SupportedLanguages: []string{"en", "fr"}, SupportedCultures: []string{"en-CA", "fr-CA"},
			IsPostalCodeRequired: true, PostalCodeRegex: `^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$`, IsCityRequired: true},
		"DE": {Country: "DE", DefaultCulture: "de-DE", SupportedLanguages: []string{"de", "en"}, SupportedCultures: []string{"de-DE", "en-US"},
			IsPostalCodeRequired: true, PostalCodeRegex: `^\d{5}$`, IsCityRequired: true},
		"GB": {Country: "GB", DefaultCulture: "en-GB", SupportedLanguages: []string{"en"}, SupportedCultures: []string{"en-GB"},
			IsPostalCodeRequired: true, PostalCodeRegex: `^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$`, IsCityRequired: true},
		"PL": {Country: "PL", DefaultCulture: "pl-PL", SupportedLanguages: []string{"pl", "en"}, SupportedCultures: []string{"pl-PL", "en-US"},
			IsPostalCodeRequired: true, PostalCodeRegex: `^\d{2}-\d{3}$`, IsCityRequired: true, PhoneNumberRegex: `^\+?[\d ]{9,15}$`},
	}
}

// SetAddressVerdict makes the validation service answer status, with the suggested addresses
// and message, for every address whose first line is addressLine1 (case-insensitive).
func (s *Server) SetAddressVerdict(addressLine1, status, message string, suggested ...map[string]string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.verdicts[strings.ToLower(addressLine1)] = addressVerdict{status: status, message: message, suggested: suggested}
}

type addressVerdict struct {
	status    string
	message   string
	suggested []map[string]string
}

func (s *Server) handleCountryRules(w http.ResponseWriter, r *http.Request) {
	country := strings.ToUpper(r.PathValue("country"))
	rules, ok := s.countryRules[country]
	if !ok {
		writeError(w, http.StatusNotFound, 1000, "No validation rules found for country "+country+".")
		return
	}
	writeJSON(w, http.StatusOK, rules)
}

// handleValidateAddress answers POST /v1/validations/address: the country's rules first (an
// address they reject is "None"), then a verdict a test set, else "Verified".
func (s *Server) handleValidateAddress(w http.ResponseWriter, r *http.Request) {
	b, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes))
	var addr map[string]string
	if err != nil || json.Unmarshal(b, &addr) != nil {
		writeError(w, http.StatusBadRequest, "InvalidRequestBody", "The request body is not an address.")
		return
	}
	addr = lowerKeys(addr)
	original := map[string]string{"addressLine1": addr["addressline1"], "addressLine2": addr["addressline2"],
		"city": addr["city"], "state": addr["state"], "postalCode": addr["postalcode"], "country": addr["country"]}
	status, message, suggested := s.verdict(addr)
	if suggested == nil {
		suggested = []map[string]string{}
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"originalAddress": original, "suggestedAddresses": suggested, "status": status, "validationMessage": message,
	})
}

func (s *Server) verdict(addr map[string]string) (string, string, []map[string]string) {
	if msg := s.ruleViolation(addr); msg != "" {
		return "None", msg, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok := s.verdicts[strings.ToLower(addr["addressline1"])]; ok {
		return v.status, v.message, v.suggested
	}
	return "Verified", "Address is valid.", nil
}

func (s *Server) ruleViolation(addr map[string]string) string {
	rules, ok := s.countryRules[strings.ToUpper(addr["country"])]
	if !ok {
		return ""
	}
	if rules.IsStateRequired && !slices.Contains(rules.SupportedStates, strings.ToUpper(addr["state"])) {
		return "The state '" + addr["state"] + "' is not valid for " + rules.Country + "."
	}
	if rules.PostalCodeRegex != "" && !regexp.MustCompile(rules.PostalCodeRegex).MatchString(addr["postalcode"]) {
		return "The postal code '" + addr["postalcode"] + "' is not valid for " + rules.Country + "."
	}
	return ""
}

func lowerKeys(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[strings.ToLower(k)] = v
	}
	return out
}
