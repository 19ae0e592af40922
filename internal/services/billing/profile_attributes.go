// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// profileAttribute is one string attribute of a billing profile: the one place its Terraform
// name, its key in Partner Center's JSON, its documentation and its checks are written. The
// resource's and the data source's schemas, the conversions between state and the client's
// profile, the diagnostics that name a rejected field and the plan-time address checks all read
// these tables; adding a field is adding a line here (and its key in the client).
type profileAttribute struct {
	name string // the Terraform attribute
	key  string // the field in Partner Center's JSON (partnercenter.Key...)
	// description says what the value is; writing, what the resource accepts for it.
	description, writing string
	// required: Partner Center cannot hold the profile without it, so "" is refused.
	required bool
	// postal: an address attribute Partner Center's country rules and validation service judge.
	postal bool
	// checks are the attribute's own validators, besides plain text (and not "" when required).
	checks []validator.String
}

// validators are every validator of the attribute: plain text, never "" when required, and its
// own checks, which then judge only values other than "" (notCleared says what is wrong with "").
func (a profileAttribute) validators() []validator.String {
	out := []validator.String{framework.PlainText{}}
	if !a.required {
		return append(out, a.checks...)
	}
	out = append(out, notCleared{})
	for _, v := range a.checks {
		out = append(out, framework.UnlessEmpty{String: v})
	}
	return out
}

// resourceDescription is the attribute's description in the resource's schema.
func (a profileAttribute) resourceDescription() string {
	return a.description + " " + a.writing
}

// Names of default_address and of the address attributes the plan-time checks judge one by one.
const (
	attrDefaultAddress = "default_address"
	attrCountry        = "country"
	attrRegion         = "region"
	attrCity           = "city"
	attrState          = "state"
	attrAddressLine1   = "address_line1"
	attrAddressLine2   = "address_line2"
	attrAddressLine3   = "address_line3"
	attrPostalCode     = "postal_code"
	attrPhoneNumber    = "phone_number"
)

// profileAttributes are the top-level attributes of a billing profile.
var profileAttributes = []profileAttribute{
	{name: "first_name", key: partnercenter.KeyFirstName, description: "First name of the customer's billing contact.",
		writing: "1 to 50 characters; cannot be cleared.", required: true, checks: []validator.String{framework.AtMostCharacters(rules.NameMaxLength)}},
	{name: "last_name", key: partnercenter.KeyLastName, description: "Last name of the customer's billing contact.",
		writing: "1 to 50 characters; cannot be cleared.", required: true, checks: []validator.String{framework.AtMostCharacters(rules.NameMaxLength)}},
	{name: "email", key: partnercenter.KeyEmail, description: "Email address Partner Center sends the customer's billing mail to.",
		writing: "Cannot be cleared.", required: true, checks: []validator.String{framework.AtMostCharacters(rules.EmailAddressMaxLength),
			stringvalidator.RegexMatches(rules.Email, "must be an email address, such as billing@contoso.com")}},
	{name: "culture", key: partnercenter.KeyCulture, description: "Culture (BCP 47 tag) for the customer's invoices, such as `en-US`.",
		writing: "Cannot be cleared.", required: true,
		checks: []validator.String{stringvalidator.RegexMatches(rules.Culture, "must be a culture tag such as en-US or fr-FR")}},
	{name: "language", key: partnercenter.KeyLanguage,
		description: "Language (ISO 639-1 code) for the customer's billing communication, such as `en`.", writing: "Cannot be cleared.",
		required: true, checks: []validator.String{stringvalidator.RegexMatches(rules.Language,
			"must be a two- or three-letter lower-case language code such as en")}},
	{name: "company_name", key: partnercenter.KeyCompanyName, description: "Company name on the customer's invoices.",
		writing: "2 to 255 characters; cannot be cleared.", required: true,
		checks: []validator.String{framework.Characters(rules.CompanyNameMinLength, rules.CompanyNameMaxLength)}},
}

// addressAttributes are the attributes of default_address.
var addressAttributes = []profileAttribute{
	{name: attrCountry, key: partnercenter.KeyCountry, description: "Country, as an ISO 3166-1 alpha-2 code in upper case, such as " +
		"`US` or `DE`. Partner Center requires `phone_number` for some countries (for example PL, BR, IN, TR, UA).",
		writing: "Cannot be cleared.", required: true, postal: true, checks: []validator.String{stringvalidator.RegexMatches(rules.Country,
			"must be an ISO 3166-1 alpha-2 country code in upper case, such as US or DE")}},
	{name: attrRegion, key: partnercenter.KeyRegion, description: "Region.", postal: true,
		writing: "Leave it out, or set `\"\"` to clear it, for US addresses: Partner Center rejects a region there."},
	{name: attrCity, key: partnercenter.KeyCity, description: "City.", writing: "Required by Partner Center in most countries.", postal: true},
	{name: attrState, key: partnercenter.KeyState, description: "State or province.",
		writing: "For US addresses, the two-letter code such as `WA`.", postal: true},
	{name: attrAddressLine1, key: partnercenter.KeyAddressLine1, description: "First address line.",
		writing: "1 to 200 characters; cannot be cleared.", required: true, postal: true,
		checks: []validator.String{framework.AtMostCharacters(rules.AddressLineMaxLength)}},
	{name: attrAddressLine2, key: partnercenter.KeyAddressLine2, description: "Second address line.",
		writing: "Up to 200 characters; `\"\"` clears it.", postal: true, checks: []validator.String{framework.AtMostCharacters(rules.AddressLineMaxLength)}},
	{name: attrAddressLine3, key: partnercenter.KeyAddressLine3, description: "Third address line.",
		writing: "Up to 200 characters; `\"\"` clears it.", postal: true, checks: []validator.String{framework.AtMostCharacters(rules.AddressLineMaxLength)}},
	{name: attrPostalCode, key: partnercenter.KeyPostalCode, description: "Postal code.",
		writing: "Required by Partner Center in most countries.", postal: true},
	{name: "first_name", key: partnercenter.KeyFirstName, description: "First name of the contact at this address.",
		writing: "1 to 50 characters; cannot be cleared.", required: true, checks: []validator.String{framework.AtMostCharacters(rules.NameMaxLength)}},
	{name: "last_name", key: partnercenter.KeyLastName, description: "Last name of the contact at this address.",
		writing: "1 to 50 characters; cannot be cleared.", required: true, checks: []validator.String{framework.AtMostCharacters(rules.NameMaxLength)}},
	{name: attrPhoneNumber, key: partnercenter.KeyPhoneNumber, description: "Phone number of the contact.", postal: true,
		writing: "Required by Partner Center in some countries (see `country`); elsewhere `\"\"` clears it."},
}

// addressAttributeNames are the names of default_address's attributes; postalAttributes those
// the country rules and the validation service judge (a change to the others, the contact's
// names, needs no call); requiredAddressAttributes those every address in Partner Center has.
var addressAttributeNames, postalAttributes, requiredAddressAttributes = func() (all, postal, required []string) {
	for _, a := range addressAttributes {
		all = append(all, a.name)
		if a.postal {
			postal = append(postal, a.name)
		}
		if a.required {
			required = append(required, a.name)
		}
	}
	return all, postal, required
}()

const (
	etagDescription = "Partner Center's version of the profile. Every change gives a new ETag; " +
		"updates send it so that a profile changed by someone else in the meantime is re-read, not overwritten."
	addressDescription = "The customer's billing address and its contact."
)
