// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package gdap_test

import (
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

// seedRelationship creates a GDAP relationship of two years in the emulator through Graph's API,
// as a partner would in the portal, and returns its id; lock also locks it for the customer's
// approval.
func seedRelationship(t *testing.T, env *acctest.Env, name, customerTenantID string, lock bool, roles ...string) string {
	t.Helper()
	return acctest.SeedRelationship(t, env, acctest.SeededRelationship{Name: name, CustomerTenantID: customerTenantID,
		Roles: roles, Lock: lock})
}

// seedAssignment is acctest.SeedAssignment.
var seedAssignment = acctest.SeedAssignment
