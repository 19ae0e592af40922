// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// companyProfilePath is the company profile of the customer whose tenant id fills %s.
const companyProfilePath = "/v1/customers/%s/profiles/company"

// CompanyProfile is a customer's company profile. Partner Center leaves Domain, Email and Address
// out for a partner that holds no delegated admin role in the customer: those are then empty (nil
// for Address), which is not the same as a customer that has none.
type CompanyProfile struct {
	TenantID    string
	Domain      string
	CompanyName string
	Email       string
	// OrganizationRegistrationNumber is the customer's registration number where its country
	// requires one, else empty.
	OrganizationRegistrationNumber string
	Address                        *Address
}

type companyProfileJSON struct {
	TenantID                       string   `json:"tenantId"`
	Domain                         string   `json:"domain"`
	CompanyName                    string   `json:"companyName"`
	Email                          string   `json:"email"`
	OrganizationRegistrationNumber string   `json:"organizationRegistrationNumber"`
	Address                        *Address `json:"address"`
}

// of returns the check that j, once decoded, is the company profile of customer customerID: an
// answer without a tenant id (an empty object, another API's answer) is no company profile.
func (j *companyProfileJSON) of(customerID string) func() error {
	return func() error {
		// Ifs rather than a tagless switch: mutation testing cannot see a switch case's condition.
		if j.TenantID == "" {
			return errors.New("it is no company profile: it has no tenantId")
		}
		if !strings.EqualFold(j.TenantID, customerID) {
			return fmt.Errorf("it is the company profile of customer %s, not of customer %s that was asked for", j.TenantID, customerID)
		}
		if j.CompanyName == "" {
			return errors.New("it is no whole company profile: it has no companyName, which every customer has")
		}
		return nil
	}
}

// GetCustomerCompanyProfile reads the company profile of the customer with tenant id customerID;
// an unknown customer gives an error for which IsNotFound is true.
func (c *Client) GetCustomerCompanyProfile(ctx context.Context, customerID string) (*CompanyProfile, error) {
	path, err := customerIDPath(companyProfilePath, customerID)
	if err != nil {
		return nil, err
	}
	var j companyProfileJSON
	if err := c.do(ctx, call{method: http.MethodGet, path: path, out: &j, about: j.of(customerID)}); err != nil {
		return nil, fmt.Errorf("reading the company profile of customer %s: %w", customerID, err)
	}
	return &CompanyProfile{TenantID: strings.ToLower(j.TenantID), Domain: j.Domain, CompanyName: j.CompanyName, Email: j.Email,
		OrganizationRegistrationNumber: j.OrganizationRegistrationNumber, Address: j.Address}, nil
}
