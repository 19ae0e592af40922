// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

func TestAccBillingProfile_importByCustomerID(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: env.Config(profileConfig("Contoso Imported", "Redmond"))},
			{
				ResourceName:      testProfile,
				ImportState:       true,
				ImportStateId:     env.CustomerID,
				ImportStateVerify: true,
			},
			{
				ResourceName:    testProfile,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   env.CustomerID,
			},
		},
	})
}

func TestAccBillingProfile_generatedConfigPlansClean(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config:          env.ProviderConfig,
			ResourceName:    testProfile,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
			ImportStateId:   env.CustomerID,
			GenerateConfig:  true,
		}},
	})
}

func TestAccBillingProfile_importRejectsANonGUID(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: env.Config(profileConfig("Contoso", "Redmond"))},
			{
				ResourceName:  testProfile,
				ImportState:   true,
				ImportStateId: "contoso.onmicrosoft.com",
				ExpectError:   regexp.MustCompile(`Invalid import id`),
			},
		},
	})
}

func TestAccBillingProfile_destroyLeavesTheProfileInPartnerCenter(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	var afterApply map[string]any
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: env.Config(profileConfig("Contoso Kept", "Redmond")),
			Check: func(*terraform.State) error {
				afterApply, _ = env.Emulator.Profile(env.CustomerID)
				return nil
			},
		}},
		CheckDestroy: func(*terraform.State) error {
			now, ok := env.Emulator.Profile(env.CustomerID)
			if !ok || fmt.Sprint(now) != fmt.Sprint(afterApply) {
				return fmt.Errorf("destroy changed the profile:\nbefore %v\nafter  %v", afterApply, now)
			}
			if puts := env.Emulator.Count("PUT", ""); puts != 1 {
				return fmt.Errorf("%d PUTs, want only the adopting one", puts)
			}
			return nil
		},
	})
}
