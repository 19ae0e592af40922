// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// The customer's relationships, read the same way from the emulator and from the real Microsoft
// Graph (PARTNERCENTER_TEST_GDAP_CUSTOMER_TENANT_ID, whose customer must have at least one GDAP
// relationship with the partner): every one listed is the customer's, with an id, a status and
// roles Graph can hold. Against the emulator, the customer has approved one.
func TestAccRelationshipsDataSource_readsOneCustomersRelationships(t *testing.T) {
	t.Parallel()
	env := acctest.NewGraphEnv(t)
	if env.Emulator != nil {
		id := seedRelationship(t, env, "Contoso readers", env.CustomerID, true, readerRole)
		if err := env.Emulator.Graph().Approve(id, env.CustomerID, "Contoso"); err != nil {
			t.Fatal(err)
		}
	}
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: env.Config(`
data "partnercenter_delegated_admin_relationships" "customer" {
  customer_tenant_id = "%[1]s"
}`),
		ConfigStateChecks: []statecheck.StateCheck{everyRelationshipIsTheCustomers{
			address: "data.partnercenter_delegated_admin_relationships.customer", customer: env.CustomerID}},
	}}})
}

// everyRelationshipIsTheCustomers checks a relationships data source's list: not empty, and each
// one the customer's, with a GDAP id, a status of Graph's and at least one role.
type everyRelationshipIsTheCustomers struct{ address, customer string }

func (c everyRelationshipIsTheCustomers) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	values, err := acctest.AttributeValues(req, c.address)
	if err != nil {
		resp.Error = err
		return
	}
	list, _ := values["relationships"].([]any)
	if len(list) == 0 {
		resp.Error = fmt.Errorf("%s lists no relationship of customer %s", c.address, c.customer)
		return
	}
	for _, item := range list {
		if resp.Error = c.checkOne(item); resp.Error != nil {
			return
		}
	}
}

func (c everyRelationshipIsTheCustomers) checkOne(item any) error {
	rel, _ := item.(map[string]any)
	id, _ := rel["id"].(string)
	customer, _ := rel["customer_tenant_id"].(string)
	status, _ := rel["status"].(string)
	roles, _ := rel["roles"].([]any)
	switch {
	case !rules.RelationshipID.MatchString(id):
		return fmt.Errorf("listed id %q is not a GDAP relationship id", id)
	case !strings.EqualFold(customer, c.customer):
		return fmt.Errorf("relationship %s is customer %s's, listed for %s", id, customer, c.customer)
	case !slices.Contains(rules.RelationshipStatuses, status):
		return fmt.Errorf("relationship %s has status %q, which Graph does not give", id, status)
	case len(roles) == 0:
		return fmt.Errorf("relationship %s lists no role", id)
	}
	return nil
}
