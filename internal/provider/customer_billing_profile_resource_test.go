package provider

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const testResource = "partnercenter_customer_billing_profile.test"

func profileConfig(companyName, city string) string {
	return fmt.Sprintf(`
resource "partnercenter_customer_billing_profile" "test" {
  customer_id  = "%%[1]s"
  company_name = %q
  default_address = {
    city = %q
  }
}
`, companyName, city)
}

func expectString(attr string, want string) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(testResource, tfjsonpath.New(attr), knownvalue.StringExact(want))
}

func expectAddress(attr string, want string) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(testResource, tfjsonpath.New("default_address").AtMapKey(attr), knownvalue.StringExact(want))
}

// emulatorCheck runs check only against the emulator.
func (e *testEnv) emulatorCheck(check func() error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if e.emu == nil {
			return nil
		}
		return check()
	}
}

// expectOperations checks the Partner Center calls of every operation that wrote.
func (e *testEnv) expectOperations(want ...[]string) resource.TestCheckFunc {
	return e.emulatorCheck(func() error {
		got := e.writingOperations()
		if !slices.EqualFunc(got, want, slices.Equal) {
			return fmt.Errorf("writing operations made calls %v, want %v", got, want)
		}
		return nil
	})
}

func (e *testEnv) expectStored(key, want string) resource.TestCheckFunc {
	return e.emulatorCheck(func() error {
		p, _ := e.emu.Profile(e.customerID)
		if got := lookupPath(p, key); got != want {
			return fmt.Errorf("Partner Center holds %s = %v, want %q", key, got, want)
		}
		return nil
	})
}

func lookupPath(doc map[string]any, key string) any {
	if addr, ok := doc["defaultAddress"].(map[string]any); ok && len(key) > 15 && key[:15] == "defaultAddress." {
		return addr[key[15:]]
	}
	return doc[key]
}

func TestAccBillingProfile_adoptsThenUpdatesOneAttribute(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	env.run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config: env.config(profileConfig("Contoso Adopted", "Bellevue")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testResource, plancheck.ResourceActionCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					expectString("company_name", "Contoso Adopted"),
					expectAddress("city", "Bellevue"),
					expectString("id", env.customerID),
					statecheck.ExpectKnownValue(testResource, tfjsonpath.New("etag"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(testResource, tfjsonpath.New("email"), knownvalue.NotNull()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectOperations([]string{"GET", "PUT"}),
					env.expectStored("middleName", "J"),
					env.expectStored("vatId", "US-4255550100"),
					env.expectStored("defaultAddress.district", "King County"),
					env.expectStored("defaultAddress.middleName", "J"),
					env.expectStored("email", "avery.howard@contoso.example"),
				),
			},
			{
				Config: env.config(profileConfig("Contoso Renamed", "Bellevue")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(testResource, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(testResource, tfjsonpath.New("etag")),
						plancheck.ExpectKnownValue(testResource, tfjsonpath.New("company_name"), knownvalue.StringExact("Contoso Renamed")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{expectString("company_name", "Contoso Renamed")},
				// The update PUTs with the ETag and profile from the last read: no GET of its own.
				Check: resource.ComposeAggregateTestCheckFunc(
					env.expectOperations([]string{"GET", "PUT"}, []string{"PUT"}),
					env.expectStored("companyName", "Contoso Renamed"),
					env.expectStored("vatId", "US-4255550100"),
					env.expectStored("defaultAddress.district", "King County"),
				),
			},
		},
	})
}

func TestAccBillingProfile_adoptingMatchingValuesSendsNoPut(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	env.needsEmulator(t)
	env.run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.config(profileConfig("Contoso Ltd", "Redmond")),
			ConfigStateChecks: []statecheck.StateCheck{
				expectString("company_name", "Contoso Ltd"),
				expectString("culture", "en-US"),
				expectAddress("phone_number", "4255550100"),
				statecheck.ExpectKnownValue(testResource, tfjsonpath.New("default_address").AtMapKey("region"), knownvalue.Null()),
			},
			Check: env.expectOperations(),
		}},
	})
}
