// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graphglue

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

func TestGraphErrorsAreExplainedForWhatTheyAreAbout(t *testing.T) {
	one := framework.Subject{Action: "read", Object: "GDAP relationship r1", Noun: "GDAP relationship"}
	list := framework.Subject{Action: "list", Object: "the GDAP relationships"}
	managed := framework.Subject{Action: "delete", Object: "GDAP relationship r1", Noun: "GDAP relationship", Resource: true}
	tests := []struct {
		name          string
		s             framework.Subject
		err           error
		summary, hint string
	}{
		{"a relationship that does not exist", one, &graph.APIError{StatusCode: 404, Code: "resourceNotFound"}, "GDAP relationship not found", "has no GDAP relationship r1"},
		{"a 404 page about a relationship", one, &graph.APIError{StatusCode: 404}, "Microsoft Graph endpoint not found", "without Microsoft Graph's error object"},
		{"a 404 page about a managed relationship", managed, &graph.APIError{StatusCode: 404}, "Microsoft Graph endpoint not found", "really is gone, remove it from the state"},
		{"a collection answered 404", list, &graph.APIError{StatusCode: 404}, "Microsoft Graph endpoint not found", "check graph_base_url"},
		{"a refused token", list, &graph.APIError{StatusCode: 401}, "Microsoft Graph rejected the credential", "graph_access_token"},
		{"a missing permission", list, &graph.APIError{StatusCode: 403}, "Access denied", "DelegatedAdminRelationship.Read.All"},
		{"a missing permission to change", managed, &graph.APIError{StatusCode: 403}, "Access denied", "needs the DelegatedAdminRelationship.ReadWrite.All permission"},
		{"throttling", list, &graph.APIError{StatusCode: 429}, "Microsoft Graph kept throttling requests", "-parallelism"},
		{"an unusable answer", list, &graph.AnswerError{StatusCode: 200}, "Unusable answer from Microsoft Graph", "used nothing of it"},
		{"a data source's deadline", list, fmt.Errorf("x: %w", context.DeadlineExceeded), "Timed out", "the most a data source waits"},
		{"another failure", list, &graph.APIError{StatusCode: 400}, "Microsoft Graph request failed", "Could not list the GDAP relationships"},
	}
	for _, tt := range tests {
		summary, hint := Explain(tt.s, tt.err)
		if summary != tt.summary || !strings.Contains(hint, tt.hint) {
			t.Errorf("%s: %q / %q; want %q and a hint saying %q", tt.name, summary, hint, tt.summary, tt.hint)
		}
	}
}
