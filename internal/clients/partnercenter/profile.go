// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"encoding/json"
	"fmt"
	"strings"
)

// BillingProfile is a customer's billing profile. Besides the fields modelled here it keeps every
// other field Partner Center returned, so that a GET, a change to one field and a PUT send all
// the others back unchanged: the PUT replaces the whole profile.
type BillingProfile struct {
	// ID is the profile's id, assigned by Partner Center.
	ID          string
	FirstName   string
	LastName    string
	Email       string
	Culture     string
	Language    string
	CompanyName string
	// DefaultAddress is nil when the profile has none.
	DefaultAddress *Address
	// ETag is attributes.etag: the version the next PUT must name.
	ETag string

	raw map[string]json.RawMessage
}

// Address is a postal address with its contact, as in a billing profile's defaultAddress. Like
// BillingProfile it keeps the fields it does not model (district, middleName, ...).
type Address struct {
	Country      string
	Region       string
	City         string
	State        string
	AddressLine1 string
	AddressLine2 string
	AddressLine3 string
	PostalCode   string
	FirstName    string
	LastName     string
	PhoneNumber  string

	raw map[string]json.RawMessage
}

// The keys, in Partner Center's JSON, of the string fields a billing profile and its address model:
// the names callers read and write them by (Field, SetField). Keys match without regard to case,
// as the service matches them; the profile and its address both have a firstName and a lastName.
const (
	KeyFirstName    = "firstName"
	KeyLastName     = "lastName"
	KeyEmail        = "email"
	KeyCulture      = "culture"
	KeyLanguage     = "language"
	KeyCompanyName  = "companyName"
	KeyCountry      = "country"
	KeyRegion       = "region"
	KeyCity         = "city"
	KeyState        = "state"
	KeyAddressLine1 = "addressLine1"
	KeyAddressLine2 = "addressLine2"
	KeyAddressLine3 = "addressLine3"
	KeyPostalCode   = "postalCode"
	KeyPhoneNumber  = "phoneNumber"
	keyID           = "id"
)

// field ties a modelled string field to its JSON key as Partner Center answers it (camelCase).
type field struct {
	key string
	val *string
}

func (p *BillingProfile) fields() []field {
	return []field{
		{keyID, &p.ID}, {KeyFirstName, &p.FirstName}, {KeyLastName, &p.LastName}, {KeyEmail, &p.Email},
		{KeyCulture, &p.Culture}, {KeyLanguage, &p.Language}, {KeyCompanyName, &p.CompanyName},
	}
}

func (a *Address) fields() []field {
	return []field{
		{KeyCountry, &a.Country}, {KeyRegion, &a.Region}, {KeyCity, &a.City}, {KeyState, &a.State},
		{KeyAddressLine1, &a.AddressLine1}, {KeyAddressLine2, &a.AddressLine2}, {KeyAddressLine3, &a.AddressLine3},
		{KeyPostalCode, &a.PostalCode}, {KeyFirstName, &a.FirstName}, {KeyLastName, &a.LastName},
		{KeyPhoneNumber, &a.PhoneNumber},
	}
}

// Field returns the profile's modelled field key, "" when the profile holds none.
func (p *BillingProfile) Field(key string) string { return fieldValue(p.fields(), key) }

// SetField writes value into the profile's modelled field key; it reports whether key is one.
func (p *BillingProfile) SetField(key, value string) bool { return setField(p.fields(), key, value) }

// Field returns the address's modelled field key, "" when the address holds none.
func (a *Address) Field(key string) string { return fieldValue(a.fields(), key) }

// SetField writes value into the address's modelled field key; it reports whether key is one.
func (a *Address) SetField(key, value string) bool { return setField(a.fields(), key, value) }

func fieldValue(fields []field, key string) string {
	for _, f := range fields {
		if f.key == key {
			return *f.val
		}
	}
	return ""
}

func setField(fields []field, key, value string) bool {
	for _, f := range fields {
		if f.key == key {
			*f.val = value
			return true
		}
	}
	return false
}

const (
	keyDefaultAddress = "defaultAddress"
	keyLinks          = "links"
	keyAttributes     = "attributes"
	keyETag           = "etag"
)

// UnmarshalJSON reads a profile, keeping unmodelled fields. Keys match case-insensitively, as
// the service matches them.
func (p *BillingProfile) UnmarshalJSON(b []byte) error {
	raw, err := readObject(b)
	if err != nil {
		return err
	}
	*p = BillingProfile{raw: raw}
	if err := readFields(raw, p.fields()); err != nil {
		return err
	}
	if v, ok := lookup(raw, keyDefaultAddress); ok && string(v) != "null" {
		p.DefaultAddress = &Address{}
		if err := json.Unmarshal(v, p.DefaultAddress); err != nil {
			return err
		}
	}
	return p.readETag()
}

func (p *BillingProfile) readETag() error {
	v, ok := lookup(p.raw, keyAttributes)
	if !ok || string(v) == "null" {
		return nil
	}
	attrs, err := readObject(v)
	if err != nil {
		return err
	}
	return readFields(attrs, []field{{keyETag, &p.ETag}})
}

// MarshalJSON writes the profile: every field it was read with, with the modelled fields and the
// ETag written over them. An empty modelled field is left out, which Partner Center reads as null.
func (p BillingProfile) MarshalJSON() ([]byte, error) {
	out := cloneObject(p.raw)
	writeFields(out, p.fields())
	if err := p.writeAddress(out); err != nil {
		return nil, err
	}
	if err := p.writeETag(out); err != nil {
		return nil, err
	}
	return json.Marshal(out)
}

func (p BillingProfile) writeAddress(out map[string]json.RawMessage) error {
	deleteKey(out, keyDefaultAddress)
	if p.DefaultAddress == nil {
		return nil
	}
	b, err := json.Marshal(p.DefaultAddress)
	if err != nil {
		return err
	}
	out[keyDefaultAddress] = b
	return nil
}

func (p BillingProfile) writeETag(out map[string]json.RawMessage) error {
	attrs := map[string]json.RawMessage{}
	if v, ok := lookup(out, keyAttributes); ok && string(v) != "null" {
		var err error
		if attrs, err = readObject(v); err != nil {
			return err
		}
	}
	writeFields(attrs, []field{{keyETag, &p.ETag}})
	deleteKey(out, keyAttributes)
	if len(attrs) == 0 {
		return nil
	}
	b, err := json.Marshal(attrs)
	if err != nil {
		return err
	}
	out[keyAttributes] = b
	return nil
}

// UnmarshalJSON reads an address, keeping unmodelled fields.
func (a *Address) UnmarshalJSON(b []byte) error {
	raw, err := readObject(b)
	if err != nil {
		return err
	}
	*a = Address{raw: raw}
	return readFields(raw, a.fields())
}

// MarshalJSON writes the address with its unmodelled fields.
func (a Address) MarshalJSON() ([]byte, error) {
	out := cloneObject(a.raw)
	writeFields(out, a.fields())
	return json.Marshal(out)
}

func readObject(b []byte) (map[string]json.RawMessage, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, err
	}
	if raw == nil {
		raw = map[string]json.RawMessage{}
	}
	return raw, nil
}

func readFields(raw map[string]json.RawMessage, fields []field) error {
	for _, f := range fields {
		v, ok := lookup(raw, f.key)
		if !ok || string(v) == "null" {
			continue
		}
		if err := json.Unmarshal(v, f.val); err != nil {
			return fmt.Errorf("field %q: want a string, got %s", f.key, v)
		}
	}
	return nil
}

// writeFields replaces each field's key, whatever its case in the original, by the camelCase key
// with the field's value.
func writeFields(out map[string]json.RawMessage, fields []field) {
	for _, f := range fields {
		deleteKey(out, f.key)
		if *f.val == "" {
			continue
		}
		b, _ := json.Marshal(*f.val) // a string always marshals
		out[f.key] = b
	}
}

func lookup(raw map[string]json.RawMessage, key string) (json.RawMessage, bool) {
	if v, ok := raw[key]; ok {
		return v, true
	}
	for k, v := range raw {
		if strings.EqualFold(k, key) {
			return v, true
		}
	}
	return nil, false
}

func deleteKey(raw map[string]json.RawMessage, key string) {
	for k := range raw {
		if strings.EqualFold(k, key) {
			delete(raw, k)
		}
	}
}

func cloneObject(raw map[string]json.RawMessage) map[string]json.RawMessage {
	out := make(map[string]json.RawMessage, len(raw)+2)
	for k, v := range raw {
		out[k] = v
	}
	return out
}

// Unmodelled returns, as a JSON object, what p holds besides its ETag and the fields callers read
// and write by key: its id, links and other attributes, every field the client does not model, and
// the same of its address. A caller that keeps the keyed fields and the ETag elsewhere (Terraform's
// state) keeps only this, and ProfileFromUnmodelled with those fields gives the profile back.
func (p *BillingProfile) Unmodelled() ([]byte, error) {
	out := cloneObject(p.raw)
	for _, f := range p.fields() {
		deleteKey(out, f.key)
	}
	writeFields(out, []field{{keyID, &p.ID}})
	deleteKey(out, keyDefaultAddress)
	if p.DefaultAddress != nil {
		addr := cloneObject(p.DefaultAddress.raw)
		for _, f := range p.DefaultAddress.fields() {
			deleteKey(addr, f.key)
		}
		b, err := json.Marshal(addr)
		if err != nil {
			return nil, err
		}
		out[keyDefaultAddress] = b
	}
	if err := (BillingProfile{}).writeETag(out); err != nil { // drops attributes.etag, keeps the rest
		return nil, err
	}
	return json.Marshal(out)
}

// ProfileFromUnmodelled returns the profile that holds what Unmodelled returned, and no ETag or
// keyed field yet: the caller sets them. A copy that holds a field this release models was kept
// by an older release that did not model it, and the caller's state has no value for it: rebuilt
// from that state, the profile would send the field as empty and erase it (the ETag still
// matching), so such a copy is refused and the caller reads the profile again.
func ProfileFromUnmodelled(unmodelled []byte) (*BillingProfile, error) {
	var p BillingProfile
	if err := json.Unmarshal(unmodelled, &p); err != nil {
		return nil, fmt.Errorf("the kept part of a billing profile: %w", err)
	}
	if held := p.modelledHeld(); len(held) > 0 {
		return nil, fmt.Errorf("the kept part of a billing profile holds %s, which this release models: an older "+
			"release kept it, so it cannot be rebuilt from the state", strings.Join(held, ", "))
	}
	return &p, nil
}

// modelledHeld lists the modelled fields p was read with, but its id, which the unmodelled part
// keeps (an address's as defaultAddress.<key>).
func (p *BillingProfile) modelledHeld() []string {
	var out []string
	for _, f := range p.fields() {
		if _, ok := lookup(p.raw, f.key); ok && f.key != keyID {
			out = append(out, f.key)
		}
	}
	if p.DefaultAddress == nil {
		return out
	}
	for _, f := range p.DefaultAddress.fields() {
		if _, ok := lookup(p.DefaultAddress.raw, f.key); ok {
			out = append(out, keyDefaultAddress+"."+f.key)
		}
	}
	return out
}

// Clone returns a copy of p that can be changed without changing p.
func (p *BillingProfile) Clone() *BillingProfile {
	c := *p
	if p.DefaultAddress != nil {
		a := *p.DefaultAddress
		c.DefaultAddress = &a
	}
	// raw is never written after decoding (MarshalJSON works on a copy), so sharing it is safe.
	return &c
}

// Equal reports whether p and o would send the same profile, unmodelled fields included.
func (p *BillingProfile) Equal(o *BillingProfile) bool {
	a, errA := json.Marshal(p)
	b, errB := json.Marshal(o)
	return errA == nil && errB == nil && string(a) == string(b)
}
