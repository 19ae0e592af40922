// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
)

func TestVerdictDiagnostics(t *testing.T) {
	t.Parallel()
	suggestion := []partnercenter.PostalAddress{{AddressLine1: "One Microsoft Way", City: "Redmond", State: "WA", PostalCode: "98052", Country: "US"}}
	tests := []struct {
		status   string
		severity diag.Severity // zero: no diagnostic
		want     string
	}{
		{partnercenter.AddressVerified, 0, ""},
		{partnercenter.AddressVerifiedShippable, 0, ""},
		{partnercenter.AddressInteractionRequired, diag.SeverityWarning, "One Microsoft Way, Redmond, WA 98052, US"},
		{partnercenter.AddressStreetPartial, diag.SeverityWarning, "StreetPartial"},
		{partnercenter.AddressPremisesPartial, diag.SeverityWarning, "Suggested:"},
		{partnercenter.AddressMultiple, diag.SeverityWarning, "Multiple"},
		{partnercenter.AddressNotValidated, diag.SeverityWarning, "NotValidated"},
		{"ANewStatus", diag.SeverityWarning, "status ANewStatus"},
		{partnercenter.AddressNone, diag.SeverityError, "would reject it"},
	}
	for _, tt := range tests {
		t.Run("status "+tt.status, func(t *testing.T) {
			diags := verdictDiagnostics(&partnercenter.AddressValidation{Status: tt.status, Suggested: suggestion})
			if tt.severity == 0 {
				if len(diags) != 0 {
					t.Errorf("diagnostics for %s: %v", tt.status, diags)
				}
				return
			}
			if len(diags) != 1 || diags[0].Severity() != tt.severity || !strings.Contains(diags[0].Detail(), tt.want) {
				t.Errorf("diagnostics for %s: %v, want one of severity %v mentioning %q", tt.status, diags, tt.severity, tt.want)
			}
		})
	}
}
