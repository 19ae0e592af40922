// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// delegatedAdminCustomersPath is the collection of the customers the partner has at least one GDAP
// relationship with: a customer is listed while any relationship with it exists.
const delegatedAdminCustomersPath = "/v1.0/tenantRelationships/delegatedAdminCustomers"

// DelegatedAdminCustomer is a customer as Graph's GDAP customers collection lists it.
type DelegatedAdminCustomer struct {
	// TenantID is the customer's tenant id; Graph gives it as both id and tenantId.
	TenantID, DisplayName string
}

// ServiceManagementDetail is one admin portal in which the partner manages a service of the
// customer (such as the Microsoft 365 admin center), with its URL for that customer.
type ServiceManagementDetail struct {
	ID, ServiceName, ServiceManagementURL string
}

type wireDelegatedAdminCustomer struct {
	ID          string `json:"id"`
	TenantID    string `json:"tenantId"`
	DisplayName string `json:"displayName"`
}

// customer is w as the client hands it out, or what makes w no customer: an id that is not a
// tenant id, or an id and a tenantId that name two tenants.
func (w *wireDelegatedAdminCustomer) customer() (*DelegatedAdminCustomer, error) {
	tenant := w.TenantID
	if tenant == "" {
		tenant = w.ID
	}
	// Ifs rather than a tagless switch: mutation testing cannot see a switch case's condition.
	if tenant == "" {
		return nil, errors.New("it holds a GDAP customer without id or tenantId")
	}
	if !rules.GUID.MatchString(tenant) {
		return nil, fmt.Errorf("it holds a GDAP customer whose tenant id %q is not a GUID", tenant)
	}
	if w.ID != "" && !strings.EqualFold(w.ID, tenant) {
		return nil, fmt.Errorf("it holds a GDAP customer that names two tenants: id %s and tenantId %s", w.ID, w.TenantID)
	}
	return &DelegatedAdminCustomer{TenantID: strings.ToLower(tenant), DisplayName: w.DisplayName}, nil
}

// ListDelegatedAdminCustomers reads every customer the partner has a GDAP relationship with,
// every page of them, sorted by display name, then tenant id.
func (c *Client) ListDelegatedAdminCustomers(ctx context.Context) ([]DelegatedAdminCustomer, error) {
	q := url.Values{"$top": {strconv.Itoa(PageSize)}}
	out, err := list(ctx, c, c.path(delegatedAdminCustomersPath, q), listing[DelegatedAdminCustomer]{what: "GDAP customers",
		key: func(d *DelegatedAdminCustomer) string { return d.TenantID },
		item: func(raw json.RawMessage) (*DelegatedAdminCustomer, error) {
			var w wireDelegatedAdminCustomer
			if err := json.Unmarshal(raw, &w); err != nil {
				return nil, fmt.Errorf("it holds an item that is no GDAP customer: %w", err)
			}
			return w.customer()
		}})
	slices.SortStableFunc(out, func(a, b DelegatedAdminCustomer) int {
		if c := strings.Compare(strings.ToLower(a.DisplayName), strings.ToLower(b.DisplayName)); c != 0 {
			return c
		}
		return strings.Compare(a.TenantID, b.TenantID)
	})
	return out, err
}

// GetDelegatedAdminCustomer reads one GDAP customer by tenant id. Graph answers 404 with its
// error body when the partner has no relationship with the customer (APIError.IsNotFound); an
// answer about another customer is refused.
func (c *Client) GetDelegatedAdminCustomer(ctx context.Context, tenantID string) (*DelegatedAdminCustomer, error) {
	return getOne(ctx, c, c.path(delegatedAdminCustomersPath+"/"+url.PathEscape(tenantID), nil),
		(*wireDelegatedAdminCustomer).customer, func(d *DelegatedAdminCustomer) string { return d.TenantID }, tenantID,
		"GDAP customer")
}

type wireServiceManagementDetail struct {
	ID          string `json:"id"`
	ServiceName string `json:"serviceName"`
	URL         string `json:"serviceManagementUrl"`
}

// ServiceManagementDetails reads every admin portal Graph lists for the GDAP customer with tenant
// id tenantID, every page, sorted by service name. A detail without a service name or URL is an
// unusable answer, not one to show empty.
func (c *Client) ServiceManagementDetails(ctx context.Context, tenantID string) ([]ServiceManagementDetail, error) {
	target := c.path(delegatedAdminCustomersPath+"/"+url.PathEscape(tenantID)+"/serviceManagementDetails", nil)
	out, err := list(ctx, c, target, listing[ServiceManagementDetail]{what: "service management details of customer " + tenantID,
		key: func(d *ServiceManagementDetail) string { return d.ID + "\x00" + d.ServiceName },
		item: func(raw json.RawMessage) (*ServiceManagementDetail, error) {
			var w wireServiceManagementDetail
			if err := json.Unmarshal(raw, &w); err != nil {
				return nil, fmt.Errorf("it holds an item that is no service management detail: %w", err)
			}
			if w.ServiceName == "" || w.URL == "" {
				return nil, fmt.Errorf("it holds a service management detail (id %s) without serviceName or serviceManagementUrl",
					quoteOrNone(w.ID))
			}
			return &ServiceManagementDetail{ID: w.ID, ServiceName: w.ServiceName, ServiceManagementURL: w.URL}, nil
		}})
	slices.SortStableFunc(out, func(a, b ServiceManagementDetail) int {
		return strings.Compare(strings.ToLower(a.ServiceName), strings.ToLower(b.ServiceName))
	})
	return out, err
}
