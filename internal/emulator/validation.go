// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"fmt"
	"net/http"
	"strings"
	"unicode"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// Partner Center's error codes for a rejected profile.
const (
	codeInvalidData  = 27002
	codePhoneMissing = 600051
)

// validateProfile applies the service's rules to a profile about to be stored. It returns a zero
// status when the profile is accepted, else the error answer to give.
func validateProfile(doc map[string]any) (status int, code any, description string, data []string) {
	var problems []string
	if email, ok := doc["email"].(string); ok && !rules.Email.MatchString(email) {
		problems = append(problems, "email: EmailInvalid - The email address is not valid.")
	}
	if _, present := doc["companyName"]; present {
		problems = appendLength(problems, doc, "companyName", "CompanyNameInvalid", rules.CompanyNameMinLength, rules.CompanyNameMaxLength)
	}
	problems = append(problems, textProblems(doc, "firstName", "lastName", "email", "culture", "language", "companyName")...)
	addr, _ := doc["defaultAddress"].(map[string]any)
	if addr != nil {
		problems = append(problems, textProblems(addr, "country", "region", "city", "state", "addressLine1", "addressLine2",
			"addressLine3", "postalCode", "firstName", "lastName", "phoneNumber")...)
		problems = append(problems, addressProblems(addr)...)
	}
	if len(problems) > 0 {
		return http.StatusBadRequest, codeInvalidData, "A property has invalid data.", problems
	}
	if addr != nil && phoneMissing(addr) {
		return http.StatusBadRequest, codePhoneMissing, "Customer phone number is missing.", nil
	}
	return 0, nil, "", nil
}

// addressProblems lists what the Address resource's rules reject, in the service's
// "property: Code - Details" form.
func addressProblems(a map[string]any) []string {
	var out []string
	country := str(a, "country")
	if !rules.Country.MatchString(country) {
		out = append(out, "country: CountryInvalid - The country must be an ISO 3166-1 alpha-2 code such as US.")
	}
	out = appendLength(out, a, "addressLine1", "AddressLine1Invalid", 1, rules.AddressLineMaxLength)
	out = appendLength(out, a, "addressLine2", "AddressLine2Invalid", 0, rules.AddressLineMaxLength)
	out = appendLength(out, a, "addressLine3", "AddressLine3Invalid", 0, rules.AddressLineMaxLength)
	out = appendLength(out, a, "firstName", "FirstNameInvalid", 1, rules.NameMaxLength)
	out = appendLength(out, a, "lastName", "LastNameInvalid", 1, rules.NameMaxLength)
	if country == "US" {
		out = append(out, usProblems(a)...)
	}
	return out
}

func usProblems(a map[string]any) []string {
	var out []string
	if str(a, "region") != "" {
		out = append(out, "region: StateInvalid - Region must not be set for US addresses.")
	}
	if len(str(a, "state")) > rules.USStateMaxLength {
		out = append(out, "state: StateInvalid - The state must be a two-letter code for US addresses.")
	}
	return out
}

func appendLength(out []string, a map[string]any, key, code string, minLen, maxLen int) []string {
	v, present := a[key]
	s, _ := v.(string)
	n := len([]rune(s))
	if (present || minLen > 0) && (n < minLen || n > maxLen) {
		out = append(out, fmt.Sprintf("%s: %s - The value must be %d to %d characters long.", key, code, minLen, maxLen))
	}
	return out
}

func phoneMissing(a map[string]any) bool {
	return rules.PhoneRequired(str(a, "country")) && strings.TrimSpace(str(a, "phoneNumber")) == ""
}

func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

// textProblems lists the keys whose text Partner Center would not keep as given: with control
// characters, or with whitespace around it.
func textProblems(m map[string]any, keys ...string) []string {
	var out []string
	for _, k := range keys {
		v, _ := m[k].(string)
		if strings.IndexFunc(v, unicode.IsControl) >= 0 || strings.TrimSpace(v) != v {
			out = append(out, k+": InvalidCharacters - The value has control characters or begins or ends with whitespace.")
		}
	}
	return out
}
