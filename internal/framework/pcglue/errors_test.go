// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package pcglue

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/credential"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// Diagnostics name the object their caller handles and give only advice that fits it: a data
// source has no timeouts block and no state entry to remove, and a customer or a list is not a
// billing profile.
func TestAPIErrorsFitTheObject(t *testing.T) {
	t.Parallel()
	const id = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
	errs := map[string]error{
		"a timeout":                          fmt.Errorf("GET /v1/x: %w", context.DeadlineExceeded),
		"an unusable answer":                 &partnercenter.AnswerError{Method: "GET", Path: "/v1/x", StatusCode: 200, Problem: "it has no id"},
		"a 404 that is not Partner Center's": &partnercenter.APIError{StatusCode: http.StatusNotFound},
		"a refusal":                          &partnercenter.APIError{StatusCode: http.StatusForbidden},
		"anything else":                      &partnercenter.APIError{StatusCode: http.StatusConflict},
	}
	subjects := []struct {
		name          string
		s             framework.Subject
		must, mustNot []string
	}{
		{"the customer data source", framework.ReadSubject("customer "+id, id), []string{id}, []string{"timeouts.", "removed block", "billing profile"}},
		{"the customers data source", framework.ReadSubject("the partner's customer list", ""), nil, []string{"timeouts.", "removed block", "billing profile", "customer_id"}},
		{"the billing profile data source", framework.ReadSubject("the billing profile of customer "+id, id), []string{id}, []string{"timeouts.", "removed block"}},
	}
	for _, sub := range subjects {
		for ename, err := range errs {
			t.Run(sub.name+" on "+ename, func(t *testing.T) {
				t.Parallel()
				summary, hint := Explain(sub.s, err)
				text := summary + "\n" + hint
				for _, m := range sub.must {
					if !strings.Contains(text, m) {
						t.Errorf("%q does not say %q", text, m)
					}
				}
				for _, n := range sub.mustNot {
					if strings.Contains(text, n) {
						t.Errorf("%q says %q, which does not fit %s", text, n, sub.name)
					}
				}
			})
		}
	}
}

func TestATimeoutsBlockIsAdvisedWhereThereIsOne(t *testing.T) {
	t.Parallel()
	_, hint := Explain(framework.Subject{Action: "update", Object: "the billing profile of customer x", Resource: true, Timeouts: true},
		context.DeadlineExceeded)
	if !strings.Contains(hint, "Raise timeouts.update") {
		t.Errorf("hint %q, want it to advise timeouts.update", hint)
	}
}

// A token the configuration gave none for was asked of no one: the diagnostic says so, and does
// not blame Entra ID.
func TestATokenNotGivenIsNotAnEntraIDRefusal(t *testing.T) {
	t.Parallel()
	ep, err := credential.ResolveEndpoints(credential.EndpointSettings{})
	if err != nil {
		t.Fatal(err)
	}
	sources, err := credential.NewSources(credential.Config{AccessToken: "a-partner-center-token"}, ep, http.DefaultClient)
	if err != nil {
		t.Fatal(err)
	}
	_, err = sources.Graph.Token(context.Background())
	summary, hint := Explain(framework.ReadSubject("a relationship", ""), err)
	if summary != "No Microsoft Graph token" || strings.Contains(hint, "Entra ID") {
		t.Errorf("summary %q, hint %q: want no Microsoft Graph token, without blaming Entra ID", summary, hint)
	}
}
