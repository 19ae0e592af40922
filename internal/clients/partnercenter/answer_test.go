// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// minimalProfileJSON is a real profile with only what every profile holds: Microsoft's own
// create-customer samples leave email empty and set no top-level names.
const minimalProfileJSON = `{"id":"p1","email":"","culture":"EN-US","language":"En","companyName":"Wingtip Toys",` +
	`"defaultAddress":{"country":"US","city":"Redmond","addressLine1":"One Microsoft Way","firstName":"Gena","lastName":"Soto"},` +
	`"attributes":{"etag":"-1","objectType":"CustomerBillingProfile"}}`

// unusableProfiles are answers a billing profile call must never hand on as a profile.
var unusableProfiles = []struct {
	name, body, want string
}{
	{"null", "null", "lacks attributes.etag, companyName, culture, language"},
	{"null behind a byte-order mark", "\ufeffnull", "lacks attributes.etag"},
	{"an empty object", "{}", "lacks attributes.etag, companyName, culture, language"},
	{"only an ETag", `{"attributes":{"etag":"-10"}}`, "lacks companyName, culture, language"},
	{"a profile without its ETag", strings.Replace(profileJSON, `"etag":"-2279334701316321663",`, "", 1), "lacks attributes.etag,"},
	{"a profile with an empty ETag", strings.Replace(profileJSON, `"etag":"-2279334701316321663"`, `"etag":" "`, 1), "lacks attributes.etag,"},
	{"a profile whose address has no country", strings.Replace(profileJSON, `"country":"US",`, "", 1), "lacks defaultAddress.country,"},
	{"a profile without culture and language", `{"companyName":"C","defaultAddress":{"country":"US"},"attributes":{"etag":"1"}}`, "lacks culture, language,"},
	{"an empty body", "", "decoding the response failed: unexpected end of JSON input"},
	{"a JSON array", "[]", "decoding the response failed"},
}

func TestUnusableGetAnswersAreErrorsNeverProfiles(t *testing.T) {
	t.Parallel()
	for _, tt := range unusableProfiles {
		t.Run("a GET answered with "+tt.name+" is an error naming the request", func(t *testing.T) {
			t.Parallel()
			c, rec := newScripted(t, reply{status: 200, body: tt.body})
			p, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
			assertAnswerError(t, err, http.MethodGet, rec.request(0), tt.want)
			if p != nil {
				t.Errorf("a profile was returned: %+v", p)
			}
		})
	}
}

func TestUnusablePutAnswersAreErrorsNeverProfiles(t *testing.T) {
	t.Parallel()
	for _, tt := range unusableProfiles {
		t.Run("a PUT answered with "+tt.name+" is an error that says the update may have been applied", func(t *testing.T) {
			t.Parallel()
			c, rec := newScripted(t, reply{status: 200, body: profileJSON}, reply{status: 200, body: tt.body})
			base, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
			if err != nil {
				t.Fatal(err)
			}
			p, err := c.ApplyCustomerBillingProfile(context.Background(), testCustomer, base, setEmail)
			assertAnswerError(t, err, http.MethodPut, rec.request(1), tt.want)
			if p != nil {
				t.Errorf("a profile was returned: %+v", p)
			}
			if !strings.Contains(err.Error(), "may have been applied") {
				t.Errorf("err = %v, want it to say the update may have been applied", err)
			}
		})
	}
}

func TestRealProfilesAreNeverRefused(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"a full profile": profileJSON,
		"a profile with no email and no own name": minimalProfileJSON,
		"a profile in PascalCase":                 `{"Culture":"en-US","Language":"en","CompanyName":"C","DefaultAddress":{"Country":"PL"},"Attributes":{"Etag":"e"}}`,
		"a profile without an address":            `{"companyName":"C","culture":"en-US","language":"en","attributes":{"etag":"1"}}`,
	} {
		t.Run(name+" is accepted", func(t *testing.T) {
			t.Parallel()
			c, _ := newScripted(t, reply{status: 200, body: body})
			if _, err := c.GetCustomerBillingProfile(context.Background(), testCustomer); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestAnAnswerCutAtTheSizeLimitSaysSo(t *testing.T) {
	// Not parallel: the TRACE case sets TF_LOG, and logging must not hide the cut.
	huge := `{"companyName":"` + strings.Repeat("x", 5<<20) + `"}`
	for _, level := range []string{"", "TRACE"} {
		t.Run("a 5 MiB answer is reported as cut with TF_LOG="+level, func(t *testing.T) {
			t.Setenv("TF_LOG", level)
			var logs bytes.Buffer
			ctx := tflogtest.RootLogger(context.Background(), &logs)
			c, rec := newScripted(t, reply{status: 200, body: huge})
			bound := 5 * time.Second // a body that never ends fails the test rather than hanging it
			if raceDetector {
				bound = 2 * time.Minute
			}
			var err error
			within(t, bound, "reading the answer", func() { _, err = c.GetCustomerBillingProfile(ctx, testCustomer) })
			assertAnswerError(t, err, http.MethodGet, rec.request(0), "larger than 4194304 bytes, the most the client reads, and was cut there")
			if strings.Contains(err.Error(), "unexpected end of JSON input") {
				t.Errorf("err = %v, want the cut named rather than a decoding error", err)
			}
		})
	}
}

func TestApplyNeverWritesBackAnIncompleteBase(t *testing.T) {
	t.Parallel()
	c, emu := newEmulated(t)
	before, _ := emu.Profile(testCustomer)
	etag := before["attributes"].(map[string]any)["etag"].(string)
	// As a profile kept from an older run that held only its ETag.
	base := &BillingProfile{ETag: etag}
	if _, err := c.ApplyCustomerBillingProfile(context.Background(), testCustomer, base, setEmail); err != nil {
		t.Fatal(err)
	}
	after, _ := emu.Profile(testCustomer)
	if after["email"] != "finance@contoso.example" {
		t.Errorf("email %v, want the change", after["email"])
	}
	for _, key := range []string{"firstName", "lastName", "culture", "language", "companyName", "defaultAddress"} {
		if after[key] == nil {
			t.Errorf("%s was erased: stored profile %v", key, after)
		}
	}
}

func assertAnswerError(t *testing.T, err error, method string, sent *http.Request, want string) {
	t.Helper()
	var ae *AnswerError
	if !errors.As(err, &ae) {
		t.Fatalf("err = %v, want an *AnswerError", err)
	}
	id := sent.Header.Get(HeaderRequestID)
	if ae.Method != method || ae.StatusCode != http.StatusOK || ae.RequestID != id {
		t.Errorf("AnswerError %+v, want %s, HTTP 200 and MS-RequestId %s", ae, method, id)
	}
	for _, part := range []string{want, "HTTP 200 OK", HeaderRequestID + ": " + id, HeaderCorrelationID + ": "} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("err = %v\nwant it to say %q", err, part)
		}
	}
}

func TestAnswerErrorNamesTheCallTheProblemAndTheRequestIDs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		err  *AnswerError
		want string
	}{
		{"it quotes the start of the body", &AnswerError{Method: "GET", Path: "/v1/x", StatusCode: 200, RequestID: "r1", CorrelationID: "c1",
			Problem: "it is not a whole billing profile", BodyStart: "{}"},
			"GET /v1/x: Partner Center's answer cannot be used: it is not a whole billing profile; body begins: {} " +
				"[HTTP 200 OK, MS-RequestId: r1, MS-CorrelationId: c1]"},
		{"it leaves out a body start it does not have", &AnswerError{Method: "PUT", Path: "/v1/y", StatusCode: 201, RequestID: "r2", CorrelationID: "c2",
			Problem: "decoding the response failed"},
			"PUT /v1/y: Partner Center's answer cannot be used: decoding the response failed [HTTP 201 Created, MS-RequestId: r2, MS-CorrelationId: c2]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestTheBodyStartOfAnUnusableAnswer(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, contentType, body, want string
	}{
		{"an empty body is named empty", "application/json", "", "(empty)"},
		{"a body of white space is named empty", "", " \r\n\t", "(empty)"},
		{"a JSON body is quoted with its white space folded", "application/json; charset=utf-8", "\ufeff{\n  \"a\": 1\n}", `{ "a": 1 }`},
		{"a body without a content type is quoted alone", "", "null", "null"},
		{"another content type is named before the body", "text/html", "<html>Gateway</html>", "text/html: <html>Gateway</html>"},
		{"a long body is cut at 200 characters", "", strings.Repeat("é", 250), strings.Repeat("é", 200) + "..."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			resp := &http.Response{Header: http.Header{}}
			if tt.contentType != "" {
				resp.Header.Set("Content-Type", tt.contentType)
			}
			if got := bodyStart(resp, []byte(tt.body)); got != tt.want {
				t.Errorf("bodyStart = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOnlyAStoredProfileWithoutAFieldIsIncomplete(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		want       bool
	}{
		{"a profile without its culture", strings.Replace(profileJSON, `"culture":"en-US",`, "", 1), true},
		{"a profile whose address has no country", strings.Replace(profileJSON, `"country":"US",`, "", 1), true},
		{"an empty object, no profile at all", "{}", false},
		{"a profile without its ETag", strings.Replace(profileJSON, `"etag":"-2279334701316321663",`, "", 1), false},
		{"a body that is not JSON", "<html>", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, _ := newScripted(t, reply{status: 200, body: tt.body})
			_, err := c.GetCustomerBillingProfile(context.Background(), testCustomer)
			if got := IsIncompleteProfile(err); got != tt.want {
				t.Errorf("IsIncompleteProfile(%v) = %v, want %v", err, got, tt.want)
			}
		})
	}
	if IsIncompleteProfile(nil) || IsIncompleteProfile(&APIError{StatusCode: 500}) {
		t.Error("an error that is no answer at all is incomplete")
	}
}
