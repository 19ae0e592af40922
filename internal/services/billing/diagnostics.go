// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// phoneMissingCode is Partner Center's code for "Customer phone number is missing".
const phoneMissingCode = "600051"

// profileSubject is a billing profile resource's operation on customerID's profile.
func profileSubject(action, customerID string) framework.Subject {
	return framework.Subject{Action: action, Object: "the billing profile of customer " + customerID, Noun: "Billing profile",
		CustomerID: customerID, Resource: true, Timeouts: true, Rejected: rejectedAttributes}
}

// rejectedAttributes maps the fields a 400 names ("addressLine1: AddressLine1Invalid - ...") to
// attribute paths; err is Partner Center's error.
func rejectedAttributes(err error) []framework.RejectedAttribute {
	var e *partnercenter.APIError
	if !errors.As(err, &e) {
		return nil
	}
	if e.Code == phoneMissingCode {
		return []framework.RejectedAttribute{{Path: addressPath.AtName(attrPhoneNumber), Problem: e.Description}}
	}
	var out []framework.RejectedAttribute
	for _, entry := range e.Data {
		name, problem, found := strings.Cut(entry, ":")
		if !found {
			continue
		}
		if p, ok := apiFieldPath(strings.TrimSpace(name)); ok {
			out = append(out, framework.RejectedAttribute{Path: p, Problem: strings.TrimSpace(problem)})
		}
	}
	return out
}

// fieldPaths maps the fields Partner Center names in a 400, by lower-case key, to attribute paths.
// A field of both the profile and its address (firstName, lastName) is the address's: Partner
// Center's validation errors come from its Address rules.
var fieldPaths = func() map[string]path.Path {
	out := map[string]path.Path{}
	for _, a := range profileAttributes {
		out[strings.ToLower(a.key)] = path.Root(a.name)
	}
	for _, a := range addressAttributes {
		out[strings.ToLower(a.key)] = addressPath.AtName(a.name)
	}
	return out
}()

func apiFieldPath(name string) (path.Path, bool) {
	key := strings.ToLower(name)
	if _, rest, ok := strings.Cut(key, "."); ok {
		key = rest // "defaultAddress.city"
	}
	p, ok := fieldPaths[key]
	return p, ok
}

// addGoneCustomerError says that Partner Center answered that customerID no longer exists (answer),
// so that its billing profile cannot be managed, and what to do.
func addGoneCustomerError(diags *diag.Diagnostics, customerID string, answer error) {
	diags.AddAttributeError(path.Root("customer_id"), "Customer no longer exists",
		"Partner Center answered that customer "+customerID+" no longer exists, or that this partner can no longer "+
			"reach it (HTTP 404, code 60003), so its billing profile cannot be managed: Terraform would propose to adopt "+
			"it again, and Partner Center would refuse. Remove this resource from the configuration; its state entry "+
			"goes with the next apply. A configuration that takes its customers from partnercenter_customers drops it "+
			"by itself.\n\n"+answer.Error())
}

// addUnconfiguredChangesWarning tells the user which attributes, left out of the configuration,
// changed in Partner Center while Terraform applied: they were kept, and the state catches up at
// the next refresh.
func addUnconfiguredChangesWarning(diags *diag.Diagnostics, customerID string, changes []unconfiguredChange) {
	if len(changes) == 0 {
		return
	}
	sort.Slice(changes, func(i, j int) bool { return changes[i].attr < changes[j].attr })
	var b strings.Builder
	for _, c := range changes {
		fmt.Fprintf(&b, "\n  - %s: %s in Partner Center, was %s", c.attr, c.after, c.before)
	}
	diags.AddWarning("Billing profile changed in Partner Center during apply",
		"While Terraform updated the billing profile of customer "+customerID+", attributes this apply does not "+
			"write (left out of the configuration, in lifecycle ignore_changes, or unchanged in the plan) changed in "+
			"Partner Center: someone else changed them between Terraform's read and its update, or Partner Center "+
			"adjusted them. They were kept, not overwritten:"+b.String()+"\n\n"+
			"This apply recorded the planned values in the state, and anything in this apply that refers to them "+
			"received those; the next refresh reads Partner Center's, and the next plan changes back those the configuration "+
			"sets. To manage the others, set them in the configuration.")
}
