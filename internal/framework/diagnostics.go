// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/path"
)

// Subject is what a failed API call was about, so that its diagnostic names the object the caller
// handles and gives only the advice that fits it: a data source has no timeouts block, and only a
// resource in state can be removed from it. Each API's glue (pcglue, graphglue) words the
// diagnostic; the subject is the same for every API.
type Subject struct {
	// Action is what was tried, as a verb for the object: "read", "create", "update".
	Action string
	// Object names it in a sentence: "the billing profile of customer <id>", "the customer list".
	Object string
	// Noun names the kind of object in a summary: "Billing profile" ("Billing profile update
	// conflicted"); empty for a kind that is only read.
	Noun string
	// CustomerID is the customer concerned, "" for none.
	CustomerID string
	// Resource: the caller is a resource, with a state entry.
	Resource bool
	// Timeouts: the caller has a timeouts block.
	Timeouts bool
	// Rejected maps the fields an API's refusal of the request (a 400) names to the caller's
	// attributes; nil when it has none. It is given the API's error.
	Rejected func(error) []RejectedAttribute
}

// NounOrObject is Noun, "Object" when it is empty.
func (s Subject) NounOrObject() string {
	if s.Noun == "" {
		return "Object"
	}
	return s.Noun
}

// RejectedAttributes is what Rejected makes of err, nothing when s has no mapping.
func (s Subject) RejectedAttributes(err error) []RejectedAttribute {
	if s.Rejected == nil {
		return nil
	}
	return s.Rejected(err)
}

// RejectedAttribute is one field an API's refusal names, as an attribute path with the API's words.
type RejectedAttribute struct {
	Path    path.Path
	Problem string
}

// ReadSubject is a data source reading object, about customerID ("" for none).
func ReadSubject(object, customerID string) Subject {
	return Subject{Action: "read", Object: object, CustomerID: customerID}
}

// ExplainEnded explains what ended an operation with api (its name in a sentence, "Partner
// Center") before the API answered: its deadline or a cancellation. ok is false for any other
// failure.
func ExplainEnded(api string, s Subject, err error) (summary, hint string, ok bool) {
	switch {
	case errors.Is(err, context.DeadlineExceeded) && s.Timeouts:
		return "Timed out", api + " did not finish in the " + s.Action + " timeout. Raise timeouts." + s.Action +
			", or try again later.", true
	case errors.Is(err, context.DeadlineExceeded):
		return "Timed out", fmt.Sprintf("%s did not finish giving %s within %s, the most a data source waits. "+
			"Try again later.", api, s.Object, ShortDuration(DefaultDataSourceTimeout)), true
	case errors.Is(err, context.Canceled):
		return "Cancelled", "The operation was cancelled before " + api + " answered.", true
	}
	return "", "", false
}

// ExplainThrottled explains an api that answered 429 Too Many Requests after every retry.
func ExplainThrottled(api string) (summary, hint string) {
	return api + " kept throttling requests", api + " answered 429 Too Many Requests after every " +
		"retry. Run terraform with a lower -parallelism, or try again later."
}

// ShortDuration writes d as Terraform users write durations: "10m", not "10m0s".
func ShortDuration(d time.Duration) string {
	switch {
	case d%time.Hour == 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	case d%time.Minute == 0:
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	return d.String()
}

// TimeoutDescription documents the timeout of an operation (what), its default and a note.
func TimeoutDescription(what string, def time.Duration, note string) string {
	return fmt.Sprintf("How long %s may take, such as `\"30s\"` or `\"15m\"`; default `\"%s\"`. %s", what, ShortDuration(def), note)
}
