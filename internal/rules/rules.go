// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package rules holds the published rules of Partner Center for customer data and of Microsoft
// Graph for GDAP relationships (gdap.go): the one place both the provider's plan-time checks and
// the emulator's server-side checks read them from. The sources are listed in CONTRIBUTING.md
// ("Partner Center facts the code relies on").
package rules

import (
	"regexp"
	"slices"
)

// Field lengths Partner Center accepts, in characters: the Address resource's (1 to 200 for the
// first address line, up to 200 for the others, 1 to 50 for names, 2 for a US state), the
// company name rules of customer records (more than one and fewer than 256 characters), and the
// longest email address mail can carry (RFC 5321).
const (
	AddressLineMaxLength  = 200
	NameMaxLength         = 50
	USStateMaxLength      = 2
	CompanyNameMinLength  = 2
	CompanyNameMaxLength  = 255
	EmailAddressMaxLength = 254
)

// phoneRequired are the countries whose addresses need a phone number.
var phoneRequired = []string{
	"AM", "AZ", "BY", "HU", "KZ", "KG", "MD", "RU", "TJ", "UZ", "UA",
	"IN", "BR", "ZA", "PL", "AE", "SA", "TR", "TH", "VN", "MM", "IQ", "SS", "VE",
}

// PhoneRequired reports whether an address in country (ISO 3166-1 alpha-2) needs a phone number.
func PhoneRequired(country string) bool { return slices.Contains(phoneRequired, country) }

// Patterns for the formats Partner Center expects.
var (
	// GUID is a customer tenant id in canonical 8-4-4-4-12 form.
	GUID = regexp.MustCompile(`^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$`)
	// Country is an ISO 3166-1 alpha-2 code in upper case.
	Country = regexp.MustCompile(`^[A-Z]{2}$`)
	// Email is a plausible email address: one @, no spaces, a dot in the domain.
	Email = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
	// Culture is a BCP 47 tag such as en-US or zh-Hans-CN; Language is its language part (en).
	Culture  = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
	Language = regexp.MustCompile(`^[a-z]{2,3}$`)
)

// CountryRules are Partner Center's rules for addresses and profiles in one country, in the shape
// of its answer to GET /v1/countryvalidationrules/{iso2}: the client reads it, the emulator writes it.
type CountryRules struct {
	Country              string   `json:"iso2Code"`
	DefaultCulture       string   `json:"defaultCulture"`
	IsStateRequired      bool     `json:"isStateRequired"`
	SupportedStates      []string `json:"supportedStatesList"`
	SupportedLanguages   []string `json:"supportedLanguagesList"`
	SupportedCultures    []string `json:"supportedCulturesList"`
	IsPostalCodeRequired bool     `json:"isPostalCodeRequired"`
	PostalCodeRegex      string   `json:"postalCodeRegex"`
	IsCityRequired       bool     `json:"isCityRequired"`
	PhoneNumberRegex     string   `json:"phoneNumberRegex"`
}
