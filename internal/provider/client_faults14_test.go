package provider_test

// Faults of Partner Center's and Entra ID's answers, injected through terraform: what a user sees
// when an answer cannot be trusted, when a call times out, and when a token endpoint echoes the
// request. These tests use only the provider's exported server and the emulator.

import (
	"fmt"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/emulator"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/provider"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/serve"
)

const faultsToken = "faults14-token"

var faultsProviders = map[string]func() (tfprotov6.ProviderServer, error){
	"partnercenter": func() (tfprotov6.ProviderServer, error) { return serve.Wrap(provider.NewServer("test"))(), nil },
}

// faultsEnv is an emulator with one seeded customer and the provider block that reaches it.
type faultsEnv struct {
	emu        *emulator.Server
	url        string
	customerID string
}

func newFaultsEnv(t *testing.T) *faultsEnv {
	t.Helper()
	emu := emulator.New(faultsToken)
	id := uuid.NewString()
	if err := emu.SeedDefaultCustomer(id); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	return &faultsEnv{emu: emu, url: srv.URL, customerID: id}
}

func (e *faultsEnv) providerBlock() string {
	return fmt.Sprintf("provider \"partnercenter\" {\n  base_url     = %q\n  access_token = %q\n}\n", e.url, faultsToken)
}

// resource sets company_name only, with extra lines (a timeouts block) inside the resource.
func (e *faultsEnv) resource(companyName, extra string) string {
	return e.providerBlock() + fmt.Sprintf("resource \"partnercenter_customer_billing_profile\" \"test\" {\n  customer_id  = %q\n  company_name = %q\n%s}\n",
		e.customerID, companyName, extra)
}

// storedKeepsSeededFields checks that the fields the configuration does not manage survived.
func (e *faultsEnv) storedKeepsSeededFields(*terraform.State) error {
	stored, _ := e.emu.Profile(e.customerID)
	seeded := emulator.DefaultProfile()
	for _, k := range []string{"firstName", "lastName", "email", "culture", "language"} {
		if stored[k] != seeded[k] {
			return fmt.Errorf("stored %s = %v, want the seeded %v", k, stored[k], seeded[k])
		}
	}
	return nil
}

func pattern(parts ...string) *regexp.Regexp {
	for i, p := range parts {
		parts[i] = strings.ReplaceAll(p, " ", `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(parts, ".*"))
}

const requestIDs = `MS-RequestId: [0-9a-f-]{36}, MS-CorrelationId: [0-9a-f-]{36}`

func TestFaults14_anIncompleteProfileIsNeverWrittenBack(t *testing.T) {
	t.Parallel()
	env := newFaultsEnv(t)
	env.emu.Inject(emulator.Fault{Method: "GET", Times: 100, Status: 200, ContentType: "application/json",
		Body: `{"attributes":{"etag":"-10"}}`})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: faultsProviders,
		Steps: []resource.TestStep{{
			Config:      env.resource("Contoso Adopted", ""),
			ExpectError: pattern("Unusable answer from Partner Center", "answer cannot be used", "lacks companyName, culture, language", "HTTP 200 OK", requestIDs),
		}},
		CheckDestroy: func(s *terraform.State) error {
			if n := env.emu.Count("PUT", ""); n != 0 {
				return fmt.Errorf("%d PUTs were sent from an incomplete profile, want none", n)
			}
			return env.storedKeepsSeededFields(s)
		},
	})
}

func TestFaults14_aNullAnswerToAnUpdateLeavesAUsableState(t *testing.T) {
	t.Parallel()
	env := newFaultsEnv(t)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: faultsProviders,
		Steps: []resource.TestStep{
			{Config: env.resource("Contoso", "")},
			{
				PreConfig: func() {
					env.emu.Inject(emulator.Fault{Method: "PUT", Status: 200, ContentType: "application/json", Body: "null"})
				},
				Config:      env.resource("Contoso Renamed", ""),
				ExpectError: pattern("may have been applied", "answer cannot be used", "lacks attributes.etag", "HTTP 200 OK", requestIDs),
			},
			{
				// The next apply reads the profile and finishes the change.
				Config: env.resource("Contoso Renamed", ""),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("partnercenter_customer_billing_profile.test", "company_name", "Contoso Renamed"),
					resource.TestCheckResourceAttr("partnercenter_customer_billing_profile.test", "culture", "en-US"),
					env.storedKeepsSeededFields,
				),
			},
		},
	})
}

func TestFaults14_aDataSourceRefusesAnEmptyAnswer(t *testing.T) {
	t.Parallel()
	env := newFaultsEnv(t)
	env.emu.Inject(emulator.Fault{Method: "GET", Times: 100, Status: 200, ContentType: "application/json", Body: "{}"})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: faultsProviders,
		Steps: []resource.TestStep{{
			Config:      env.providerBlock() + fmt.Sprintf("data \"partnercenter_customer_billing_profile\" \"x\" {\n  customer_id = %q\n}\n", env.customerID),
			ExpectError: pattern("answer cannot be used", "lacks attributes.etag", "HTTP 200 OK", requestIDs),
		}},
	})
}

func TestFaults14_aTimeoutSaysWhatItWaitedFor(t *testing.T) {
	t.Parallel()
	env := newFaultsEnv(t)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: faultsProviders,
		Steps: []resource.TestStep{
			{Config: env.resource("Contoso", "")},
			{
				PreConfig: func() {
					env.emu.Inject(emulator.Fault{Method: "PUT", Times: 100, Status: 429, RetryAfter: 24 * time.Hour})
				},
				Config: env.resource("Contoso Throttled", "  timeouts = {\n    update = \"3s\"\n  }\n"),
				ExpectError: pattern("Timed out", "timed out after", "while Partner Center answered 429 Too Many Requests",
					`\(Retry-After 86400 s`, "context deadline exceeded"),
			},
		},
	})
}

// Secrets of the refresh-token credential, with characters a form body encodes.
const (
	faultsTenant  = "6f1c2b3a-0000-4000-8000-00000000aaaa"
	faultsClient  = "11111111-0000-4000-8000-00000000bbbb"
	faultsSecret  = "Xy9~q+faults14/secret=value"
	faultsRefresh = "0.AXoA-faults14+refresh/token=="
)

func TestFaults14_aTokenEndpointThatEchoesTheRequestShowsNoSecret(t *testing.T) {
	t.Parallel()
	env := newFaultsEnv(t)
	env.emu.RegisterApp(emulator.App{TenantID: faultsTenant, ClientID: faultsClient, ClientSecret: faultsSecret})
	env.emu.AddRefreshToken(faultsClient, faultsRefresh)
	env.emu.InjectTokenFault(emulator.TokenFault{Status: 401, AADSTS: 7000215, Echo: true, Times: 100})
	config := fmt.Sprintf(`provider "partnercenter" {
  base_url      = %q
  authority_url = %q
  tenant_id     = %q
  client_id     = %q
  client_secret = %q
  refresh_token = %q
}
resource "partnercenter_customer_billing_profile" "test" {
  customer_id  = %q
  company_name = "Contoso"
}
`, env.url, env.url, faultsTenant, faultsClient, faultsSecret, faultsRefresh, env.customerID)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: faultsProviders,
		Steps: []resource.TestStep{{
			Config: config,
			// The echo reaches the output with *** where each secret was; the secrets' own
			// characters (~, +, /, =) would not match \*\*\*.
			ExpectError: pattern("AADSTS7000215", "The request was:", `client_secret=\*\*\*&`, `refresh_token=\*\*\*&`),
		}},
	})
}
