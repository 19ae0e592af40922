package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// profileAttribute describes one string attribute of the billing profile, shared by the
// resource's schema (optional and computed, validated) and the data source's (computed).
type profileAttribute struct {
	name string
	// description says what the value is; writing, what the resource accepts for it.
	description, writing string
	validators           []validator.String
}

// resourceDescription is the attribute's description in the resource's schema.
func (a profileAttribute) resourceDescription() string {
	return a.description + " " + a.writing
}

// profileAttributes are the top-level attributes of a billing profile.
var profileAttributes = []profileAttribute{
	{"first_name", "First name of the customer's billing contact.", "1 to 50 characters; cannot be cleared.",
		required(atMost(rules.NameMaxLength))},
	{"last_name", "Last name of the customer's billing contact.", "1 to 50 characters; cannot be cleared.",
		required(atMost(rules.NameMaxLength))},
	{"email", "Email address Partner Center sends the customer's billing mail to.", "Cannot be cleared.",
		required(atMost(rules.EmailAddressMaxLength),
			stringvalidator.RegexMatches(rules.Email, "must be an email address, such as billing@contoso.com"))},
	{"culture", "Culture (BCP 47 tag) for the customer's invoices, such as `en-US`.", "Cannot be cleared.",
		required(stringvalidator.RegexMatches(rules.Culture, "must be a culture tag such as en-US or fr-FR"))},
	{"language", "Language (ISO 639-1 code) for the customer's billing communication, such as `en`.", "Cannot be cleared.",
		required(stringvalidator.RegexMatches(rules.Language, "must be a two- or three-letter lower-case language code such as en"))},
	{"company_name", "Company name on the customer's invoices.", "2 to 255 characters; cannot be cleared.",
		required(characters{rules.CompanyNameMinLength, rules.CompanyNameMaxLength})},
}

// addressAttributes are the attributes of default_address.
var addressAttributes = []profileAttribute{
	{"country", "Country, as an ISO 3166-1 alpha-2 code in upper case, such as `US` or `DE`. Partner Center requires " +
		"`phone_number` for some countries (for example PL, BR, IN, TR, UA).", "Cannot be cleared.",
		required(stringvalidator.RegexMatches(rules.Country, "must be an ISO 3166-1 alpha-2 country code in upper case, such as US or DE"))},
	{"region", "Region.", "Leave it out, or set `\"\"` to clear it, for US addresses: Partner Center rejects a region there.",
		clearable()},
	{"city", "City.", "Required by Partner Center in most countries.", clearable()},
	{"state", "State or province.", "For US addresses, the two-letter code such as `WA`.", clearable()},
	{"address_line1", "First address line.", "1 to 200 characters; cannot be cleared.",
		required(atMost(rules.AddressLineMaxLength))},
	{"address_line2", "Second address line.", "Up to 200 characters; `\"\"` clears it.",
		clearable(atMost(rules.AddressLineMaxLength))},
	{"address_line3", "Third address line.", "Up to 200 characters; `\"\"` clears it.",
		clearable(atMost(rules.AddressLineMaxLength))},
	{"postal_code", "Postal code.", "Required by Partner Center in most countries.", clearable()},
	{"first_name", "First name of the contact at this address.", "1 to 50 characters; cannot be cleared.",
		required(atMost(rules.NameMaxLength))},
	{"last_name", "Last name of the contact at this address.", "1 to 50 characters; cannot be cleared.",
		required(atMost(rules.NameMaxLength))},
	{"phone_number", "Phone number of the contact.", "Required by Partner Center in some countries (see `country`); " +
		"elsewhere `\"\"` clears it.", clearable()},
}

// required are the validators of an attribute Partner Center cannot be without: plain text, never
// "", and more, which judge only values that are not "" (notCleared says what is wrong with "").
func required(more ...validator.String) []validator.String {
	out := []validator.String{plainText{}, notCleared{}}
	for _, v := range more {
		out = append(out, unlessEmpty{v})
	}
	return out
}

// clearable are the validators of an attribute that `""` clears: plain text, and more.
func clearable(more ...validator.String) []validator.String {
	return append([]validator.String{plainText{}}, more...)
}

const (
	customerIDDescription = "The customer's tenant id (a GUID), as Partner Center knows the customer."
	etagDescription       = "Partner Center's version of the profile. Every change gives a new ETag; " +
		"updates send it so that a profile changed by someone else in the meantime is re-read, not overwritten."
	addressDescription = "The customer's billing address and its contact."
)

// guidValidator checks a customer id at plan time.
var guidValidator = stringvalidator.RegexMatches(rules.GUID,
	fmt.Sprintf("must be the customer's tenant id, a GUID such as %s", exampleGUID))

const exampleGUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
