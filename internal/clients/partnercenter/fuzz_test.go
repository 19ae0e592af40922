// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

// The fuzz targets run their seed corpus (testdata/fuzz) in every `go test`; `make fuzz` explores
// further. Each asserts that bad input gives an error or a well-formed value, never a panic.

func FuzzDecodeBillingProfile(f *testing.F) {
	f.Add([]byte(profileJSON))
	f.Add([]byte(`{"defaultAddress":null,"attributes":{"etag":7}}`))
	f.Add([]byte(`{"FirstName":"A","firstName":"B","DefaultAddress":{"Country":"US"}}`))
	f.Add([]byte("\ufeff[]"))
	f.Add([]byte(`{"fieldAddedLater":"X1","FIELDADDEDLATER":7,"links":{"self":null},"attributes":{"etag":"e","objectType":"P","Extra":[1]},` +
		`"defaultAddress":{"country":"US","district":"D","middleName":null}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var p BillingProfile
		if err := json.Unmarshal(transport.StripBOM(body), &p); err != nil {
			return
		}
		out, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("a decoded profile does not encode: %v", err)
		}
		assertUnmodelledFieldsKept(t, transport.StripBOM(body), out)
		var again BillingProfile
		if err := json.Unmarshal(out, &again); err != nil {
			t.Fatalf("an encoded profile does not decode: %v\n%s", err, out)
		}
		if !again.Equal(&p) {
			t.Fatalf("encoding the profile again changed it:\n%s", out)
		}
	})
}

// assertUnmodelledFieldsKept checks the fields a billing profile does not model against the
// document it was read from, not against another encoding: every such field of the profile, of
// its address and of its attributes is written back with its value.
func assertUnmodelledFieldsKept(t *testing.T, in, out []byte) {
	t.Helper()
	var p BillingProfile
	var a Address
	modelled := func(fields []field, extra ...string) []string {
		keys := slices.Clone(extra)
		for _, f := range fields {
			keys = append(keys, f.key)
		}
		return keys
	}
	assertObjectKeeps(t, "the profile", in, out, modelled(p.fields(), keyDefaultAddress, keyAttributes))
	for _, nested := range []struct {
		key      string
		modelled []string
	}{{keyDefaultAddress, modelled(a.fields())}, {keyAttributes, []string{keyETag}}} {
		inner, ok := onlyKey(in, nested.key)
		if !ok {
			continue
		}
		innerOut, _ := onlyKey(out, nested.key)
		assertObjectKeeps(t, nested.key, inner, innerOut, nested.modelled)
	}
}

// assertObjectKeeps checks that each key of the object in that is not one of modelled (in any
// case) is in the object out with the same value.
func assertObjectKeeps(t *testing.T, what string, in, out []byte, modelled []string) {
	t.Helper()
	var inFields map[string]any
	if decodeNumbers(in, &inFields) != nil {
		return // not an object whose values decode: nothing to compare
	}
	for k := range inFields {
		if slices.ContainsFunc(modelled, func(m string) bool { return strings.EqualFold(m, k) }) {
			delete(inFields, k)
		}
	}
	if len(inFields) == 0 {
		return
	}
	var outFields map[string]any
	if err := decodeNumbers(out, &outFields); err != nil {
		t.Fatalf("%s was written as %s: %v", what, out, err)
	}
	for k, v := range inFields {
		if got, ok := outFields[k]; !ok || !reflect.DeepEqual(got, v) {
			t.Fatalf("%s field %q was read as %v and written as %v (present %v):\nin  %s\nout %s", what, k, v, got, ok, in, out)
		}
	}
}

// onlyKey returns the value of key in the object doc when exactly one key matches it in any case.
func onlyKey(doc []byte, key string) ([]byte, bool) {
	var fields map[string]json.RawMessage
	if json.Unmarshal(doc, &fields) != nil {
		return nil, false
	}
	var found []json.RawMessage
	for k, v := range fields {
		if strings.EqualFold(k, key) {
			found = append(found, v)
		}
	}
	if len(found) != 1 {
		return nil, false
	}
	return found[0], true
}

func decodeNumbers(b []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	return d.Decode(v)
}

func FuzzParseAPIError(f *testing.F) {
	f.Add(404, "application/json", "\ufeff"+`{"code":60003,"description":"Tenant not found.","data":[]}`)
	f.Add(429, "application/json", `{"statusCode":429,"message":"Rate limit is exceeded. Try again in 57 seconds."}`)
	f.Add(400, "application/json", `{"code":"27002","data":["a: b - c", 7, null, {"x":1}]}`)
	f.Add(400, "application/json", `{"code":27002,"description":"A property has invalid data.","data":"city: CityInvalid"}`)
	f.Add(400, "application/json", `{"code":"InvalidInput","description":"Bad.","data":{"field":"postalCode"}}`)
	f.Add(400, "application/json", `{"code":{"inner":1},"description":7,"data":true}`)
	f.Add(502, "text/html", "<html><body>Bad gateway</body></html>")
	f.Add(500, "", "")
	f.Fuzz(func(t *testing.T, status int, contentType, body string) {
		req := &http.Request{Method: http.MethodGet, URL: &url.URL{Path: "/v1/x"}, Header: http.Header{}}
		req.Header.Set(HeaderRequestID, "r")
		resp := &http.Response{StatusCode: status, Header: http.Header{"Content-Type": {contentType}}}
		e := newAPIError(req, resp, []byte(body))
		msg := e.Error()
		if !strings.Contains(msg, "MS-RequestId: r") {
			t.Fatalf("the error lost the request id: %s", msg)
		}
		if len(e.Description) > 1000 && !json.Valid([]byte(body)) {
			t.Fatalf("a non-JSON body was not summarised: %d bytes", len(e.Description))
		}
		assertCodeAndDescriptionSurvive(t, body, e)
	})
}

// assertCodeAndDescriptionSurvive checks that an error body whose code and description are plain
// strings gives them back whatever its other fields hold.
func assertCodeAndDescriptionSurvive(t *testing.T, body string, e *APIError) {
	t.Helper()
	var plain struct {
		Code        *string `json:"code"`
		Description *string `json:"description"`
	}
	if json.Unmarshal(transport.StripBOM([]byte(body)), &plain) != nil || plain.Code == nil || plain.Description == nil || *plain.Description == "" {
		return
	}
	if e.Code != *plain.Code || e.Description != *plain.Description {
		t.Fatalf("code %q and description %q became %q and %q", *plain.Code, *plain.Description, e.Code, e.Description)
	}
}
