// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// billingProfilePath is the billing profile of the customer whose tenant id fills %s.
const billingProfilePath = "/v1/customers/%s/profiles/billing"

// GetCustomerBillingProfile reads the billing profile of the customer with tenant id customerID.
func (c *Client) GetCustomerBillingProfile(ctx context.Context, customerID string) (*BillingProfile, error) {
	path, err := profilePath(customerID)
	if err != nil {
		return nil, err
	}
	var p BillingProfile
	if err := c.do(ctx, call{method: http.MethodGet, path: path, out: &p, about: p.of(customerID)}); err != nil {
		return nil, fmt.Errorf("reading the billing profile of customer %s: %w", customerID, err)
	}
	return &p, nil
}

// UpdateCustomerBillingProfile replaces the customer's billing profile with p, on condition that
// p.ETag is still current. p should be the profile a GET returned with changes written over it,
// so that the fields it does not model are sent back. It returns the stored profile with its new
// ETag; a stale ETag gives an error for which IsPreconditionFailed is true.
func (c *Client) UpdateCustomerBillingProfile(ctx context.Context, customerID string, p *BillingProfile) (*BillingProfile, error) {
	path, err := profilePath(customerID)
	if err != nil {
		return nil, err
	}
	if p == nil || p.ETag == "" {
		return nil, errors.New("updating a billing profile needs the ETag of the profile it changes: read it first")
	}
	// The ETag goes both in If-Match, as the REST docs ask, and in attributes.etag, which is
	// what Microsoft's SDKs send.
	h := http.Header{"If-Match": {ifMatch(p.ETag)}}
	var out BillingProfile
	if err := c.do(ctx, call{method: http.MethodPut, path: path, header: h, in: p, out: &out, about: out.of(customerID)}); err != nil {
		var answerErr *AnswerError
		if errors.As(err, &answerErr) {
			return nil, fmt.Errorf("updating the billing profile of customer %s: Partner Center accepted the update, "+
				"so it may have been applied, but its answer cannot be used; the next read shows the profile as stored: %w", customerID, err)
		}
		return nil, fmt.Errorf("updating the billing profile of customer %s: %w", customerID, err)
	}
	return &out, nil
}

func profilePath(customerID string) (string, error) {
	return customerIDPath(billingProfilePath, customerID)
}

// customerIDPath fills a path format with customerID, which must be a tenant id (a GUID).
func customerIDPath(format, customerID string) (string, error) {
	if !rules.GUID.MatchString(customerID) {
		return "", fmt.Errorf("customer id %q is not a GUID: use the customer's tenant id, such as 3fa85f64-5717-4562-b3fc-2c963f66afa6", customerID)
	}
	return fmt.Sprintf(format, customerID), nil
}

// ifMatch renders an ETag for If-Match. ETags are opaque: one Partner Center gave in an entity-tag
// form already, strong ("x") or weak (W/"x"), is sent exactly as given; a bare one (Partner
// Center's usual -2279334701316321663) is quoted, as the REST docs ask.
func ifMatch(etag string) string {
	if isQuoted(etag) || (strings.HasPrefix(etag, "W/") && isQuoted(etag[2:])) {
		return etag
	}
	return `"` + etag + `"`
}

func isQuoted(s string) bool {
	return len(s) > 1 && strings.HasPrefix(s, `"`) && strings.HasSuffix(s, `"`)
}
