// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// ExampleGUID is the tenant id the documentation and messages show.
const ExampleGUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"

// GUIDValidator checks a customer id at plan time.
var GUIDValidator = stringvalidator.RegexMatches(rules.GUID,
	fmt.Sprintf("must be the customer's tenant id, a GUID such as %s", ExampleGUID))

// CanonicalID is the one form of a tenant id the provider keeps in state and sends to every API:
// tenant ids are GUIDs, the same customer in any case, written in lower case.
func CanonicalID(customerID string) string { return strings.ToLower(customerID) }
