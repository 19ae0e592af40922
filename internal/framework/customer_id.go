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

// CustomerIDDescription documents an attribute that names a customer.
const CustomerIDDescription = "The customer's tenant id (a GUID), as Partner Center knows the customer."

// Descriptions of the customer filters partnercenter_customers and the billing profiles' list
// resource share: the same prefixes, passed to the same client filter.
const (
	CompanyNamePrefixDescription = "List only the customers whose company name begins with this, in any case " +
		"(`cont` matches Contoso). Empty or left out: every company name."
	DomainPrefixDescription = "List only the customers whose domain begins with this, in any case " +
		"(`contoso` matches `contoso.onmicrosoft.com`). Empty or left out: every domain."
)

// GUIDValidator checks a customer id at plan time.
var GUIDValidator = stringvalidator.RegexMatches(rules.GUID,
	fmt.Sprintf("must be the customer's tenant id, a GUID such as %s", ExampleGUID))

// CanonicalID is the one form of a customer's tenant id the provider keeps in `id` and sends to
// Partner Center: tenant ids are GUIDs, the same customer in any case, written in lower case.
func CanonicalID(customerID string) string { return strings.ToLower(customerID) }
