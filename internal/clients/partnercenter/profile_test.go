// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
)

func TestProfileRoundTripKeepsEveryFieldItDoesNotModel(t *testing.T) {
	t.Parallel()
	in := transport.StripBOM([]byte(profileJSON))
	var p BillingProfile
	if err := json.Unmarshal(in, &p); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := decodeAny(t, out), decodeAny(t, in); !reflect.DeepEqual(got, want) {
		t.Errorf("round trip changed the profile:\n got %v\nwant %v", got, want)
	}
}

func TestProfileChangeWritesOnlyThatField(t *testing.T) {
	t.Parallel()
	in := transport.StripBOM([]byte(profileJSON))
	var p BillingProfile
	if err := json.Unmarshal(in, &p); err != nil {
		t.Fatal(err)
	}
	p.CompanyName = "Fabrikam"
	p.DefaultAddress.City = "Seattle"
	p.ETag = "42"
	out, _ := json.Marshal(p)

	want := decodeAny(t, in)
	want["companyName"] = "Fabrikam"
	want["defaultAddress"].(map[string]any)["city"] = "Seattle"
	want["attributes"].(map[string]any)["etag"] = "42"
	if got := decodeAny(t, out); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

func TestProfileKeysMatchWhateverTheirCase(t *testing.T) {
	t.Parallel()
	in := `{"Id":"p1","FirstName":"Ana","DefaultAddress":{"Country":"PL","PhoneNumber":"+48 22 000","Gmina":"Mokotów"},` +
		`"Attributes":{"Etag":"e1","ObjectType":"CustomerBillingProfile"}}`
	var p BillingProfile
	if err := json.Unmarshal([]byte(in), &p); err != nil {
		t.Fatal(err)
	}
	if p.ID != "p1" || p.FirstName != "Ana" || p.ETag != "e1" || p.DefaultAddress.Country != "PL" {
		t.Fatalf("decoded %+v", p)
	}
	p.FirstName = "Anna"
	out, _ := json.Marshal(p)
	got := decodeAny(t, out)
	if _, dup := got["FirstName"]; dup || got["firstName"] != "Anna" {
		t.Errorf("want one firstName key holding Anna, got %v", got)
	}
	addr := got["defaultAddress"].(map[string]any)
	if addr["Gmina"] != "Mokotów" || addr["phoneNumber"] != "+48 22 000" {
		t.Errorf("address lost fields: %v", addr)
	}
	if attrs := got["attributes"].(map[string]any); attrs["etag"] != "e1" || attrs["ObjectType"] != "CustomerBillingProfile" {
		t.Errorf("attributes = %v", attrs)
	}
}

func TestProfileEmptyFieldIsLeftOut(t *testing.T) {
	t.Parallel()
	var p BillingProfile
	if err := json.Unmarshal(transport.StripBOM([]byte(profileJSON)), &p); err != nil {
		t.Fatal(err)
	}
	p.DefaultAddress.State = ""
	out, _ := json.Marshal(p)
	if _, ok := decodeAny(t, out)["defaultAddress"].(map[string]any)["state"]; ok {
		t.Error("an emptied field was still sent")
	}
}

func TestProfileRejectsWrongTypes(t *testing.T) {
	t.Parallel()
	for name, in := range map[string]string{
		"a number where a string belongs": `{"firstName": 7}`,
		"an array for the profile":        `[1,2]`,
		"a string for the address":        `{"defaultAddress": "Redmond"}`,
	} {
		t.Run("it rejects "+name, func(t *testing.T) {
			var p BillingProfile
			if err := json.Unmarshal([]byte(in), &p); err == nil {
				t.Errorf("accepted %s", in)
			}
		})
	}
}
