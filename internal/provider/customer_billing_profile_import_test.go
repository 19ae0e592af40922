// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

func TestAccBillingProfile_importByCustomerID(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	env.run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: env.config(profileConfig("Contoso Imported", "Redmond"))},
			{
				ResourceName:      testResource,
				ImportState:       true,
				ImportStateId:     env.customerID,
				ImportStateVerify: true,
			},
			{
				ResourceName:    testResource,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   env.customerID,
			},
		},
	})
}

func TestAccBillingProfile_generatedConfigPlansClean(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	env.run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config:          env.providerConfig,
			ResourceName:    testResource,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
			ImportStateId:   env.customerID,
			GenerateConfig:  true,
		}},
	})
}

func TestAccBillingProfile_importRejectsANonGUID(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	env.run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: env.config(profileConfig("Contoso", "Redmond"))},
			{
				ResourceName:  testResource,
				ImportState:   true,
				ImportStateId: "contoso.onmicrosoft.com",
				ExpectError:   regexp.MustCompile(`Invalid import id`),
			},
		},
	})
}

func TestAccBillingProfile_destroyLeavesTheProfileInPartnerCenter(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	env.needsEmulator(t)
	var afterApply map[string]any
	env.run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.config(profileConfig("Contoso Kept", "Redmond")),
			Check: func(*terraform.State) error {
				afterApply, _ = env.emu.Profile(env.customerID)
				return nil
			},
		}},
		CheckDestroy: func(*terraform.State) error {
			now, ok := env.emu.Profile(env.customerID)
			if !ok || fmt.Sprint(now) != fmt.Sprint(afterApply) {
				return fmt.Errorf("destroy changed the profile:\nbefore %v\nafter  %v", afterApply, now)
			}
			if puts := env.emu.Count("PUT", ""); puts != 1 {
				return fmt.Errorf("%d PUTs, want only the adopting one", puts)
			}
			return nil
		},
	})
}
