// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package partnercenter

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/rules"
)

// API paths of Partner Center's customers collection and of one customer in it.
const (
	customersPath = "/v1/customers"
	customerPath  = "/v1/customers/%s"
)

// CustomersPageSize is the number of customers ListCustomers asks for per page: Partner Center
// serves pages of up to 500.
const CustomersPageSize = 500

// Customer is one of the partner's customers, as the customers collection lists it.
type Customer struct {
	// ID is the customer's tenant id, the id every other customer API takes.
	ID         string
	CommerceID string
	// CompanyName and Domain come from the customer's company profile; Domain is the tenant's
	// initial domain, such as contoso.onmicrosoft.com.
	CompanyName string
	Domain      string
	// RelationshipToPartner says how the partner serves the customer, such as "reseller" or "advisor".
	RelationshipToPartner string
}

// customerJSON is a customer as Partner Center answers it: the names sit in companyProfile.
type customerJSON struct {
	ID             string `json:"id"`
	CommerceID     string `json:"commerceId"`
	CompanyProfile struct {
		TenantID    string `json:"tenantId"`
		Domain      string `json:"domain"`
		CompanyName string `json:"companyName"`
	} `json:"companyProfile"`
	RelationshipToPartner string `json:"relationshipToPartner"`
}

// checkAnswer refuses a customer that names no tenant, or two: such an answer cannot be managed
// and must not be read as a customer whose every attribute is empty.
func (j *customerJSON) checkAnswer() error {
	id := j.customer().ID
	if id == "" {
		return errors.New("it is not a customer: it has no id")
	}
	if !rules.GUID.MatchString(id) {
		return fmt.Errorf("it is not a customer: its id %q is not a tenant id (a GUID)", id)
	}
	if j.ID != "" && j.CompanyProfile.TenantID != "" && !strings.EqualFold(j.ID, j.CompanyProfile.TenantID) {
		return fmt.Errorf("it names two tenants: id %s and companyProfile.tenantId %s", j.ID, j.CompanyProfile.TenantID)
	}
	return nil
}

// of returns the check that j, once decoded, is customer customerID.
func (j *customerJSON) of(customerID string) func() error {
	return func() error {
		if id := j.customer().ID; !strings.EqualFold(id, customerID) {
			return fmt.Errorf("it is customer %s, not customer %s that was asked for", id, customerID)
		}
		return nil
	}
}

func (j customerJSON) customer() Customer {
	return Customer{
		ID:                    firstNonEmpty(j.ID, j.CompanyProfile.TenantID),
		CommerceID:            j.CommerceID,
		CompanyName:           j.CompanyProfile.CompanyName,
		Domain:                j.CompanyProfile.Domain,
		RelationshipToPartner: j.RelationshipToPartner,
	}
}

// GetCustomer reads one customer by tenant id; an unknown customer gives an error for which
// IsNotFound is true.
func (c *Client) GetCustomer(ctx context.Context, customerID string) (*Customer, error) {
	path, err := customerIDPath(customerPath, customerID)
	if err != nil {
		return nil, err
	}
	var j customerJSON
	if err := c.do(ctx, call{method: http.MethodGet, path: path, out: &j, about: j.of(customerID)}); err != nil {
		return nil, fmt.Errorf("reading customer %s: %w", customerID, err)
	}
	cust := j.customer()
	return &cust, nil
}

// CustomerFilter narrows ListCustomers to the customers whose company name, domain or both begin
// with a prefix, compared without regard to case. An empty prefix matches every customer.
type CustomerFilter struct {
	CompanyNamePrefix string
	DomainPrefix      string
	// Limit, when above 0, stops the listing at that many customers: no page is read once it has
	// them (terraform query's limit).
	Limit int
}

// full reports whether out holds all the customers f asks for.
func (f CustomerFilter) full(out []Customer) bool { return f.Limit > 0 && len(out) >= f.Limit }

// Fields and operator of Partner Center's customer filter, a JSON object in the filter parameter:
// {"Field": "CompanyName", "Value": "cont", "Operator": "starts_with"}. starts_with is the only
// operator, and one request takes one filter.
const (
	filterFieldCompanyName = "CompanyName"
	filterFieldDomain      = "Domain"
	filterStartsWith       = "starts_with"
)

type customerFilterJSON struct {
	Field    string `json:"Field"`
	Value    string `json:"Value"`
	Operator string `json:"Operator"`
}

// firstPageQuery asks for the largest page and hands Partner Center one prefix: the company
// name's when it is set, else the domain's. The other prefix, when both are set, is applied by
// keep to what the service returns.
func (f CustomerFilter) firstPageQuery() string {
	q := url.Values{"size": {strconv.Itoa(CustomersPageSize)}}
	field, value := filterFieldCompanyName, f.CompanyNamePrefix
	if value == "" {
		field, value = filterFieldDomain, f.DomainPrefix
	}
	if value != "" {
		b, _ := json.Marshal(customerFilterJSON{Field: field, Value: value, Operator: filterStartsWith}) // strings always marshal
		q.Set("filter", string(b))
	}
	return q.Encode()
}

// keep reports whether cust passes the part of the filter Partner Center was not given.
func (f CustomerFilter) keep(cust Customer) bool {
	if f.CompanyNamePrefix == "" || f.DomainPrefix == "" {
		return true
	}
	return hasPrefixFold(cust.Domain, f.DomainPrefix)
}

func hasPrefixFold(s, prefix string) bool {
	return strings.HasPrefix(strings.ToLower(s), strings.ToLower(prefix))
}

// ListCustomers returns the partner's customers that match f, in the order Partner Center lists
// them, following every page. A customer that shows on more than one page is returned once. When
// Partner Center refuses a continuation token it issued (an expired one, say), the listing starts
// over once from the first page; errors about the paging itself are *PagingError.
func (c *Client) ListCustomers(ctx context.Context, f CustomerFilter) ([]Customer, error) {
	customers, err := c.listCustomers(ctx, f, maxCustomerPages)
	if isRefusedToken(err) {
		tflog.Info(ctx, "Partner Center refused a continuation token; listing the customers again from the first page",
			map[string]any{"error": err.Error()})
		customers, err = c.listCustomers(ctx, f, maxCustomerPages)
	}
	if err != nil {
		return nil, fmt.Errorf("listing customers: %w", err)
	}
	return customers, nil
}

// customerPage is one page of the customers collection. Items is nil when the answer has no items
// list: an answer that is not a page, never a page without customers.
type customerPage struct {
	Items *[]customerJSON `json:"items"`
	Links struct {
		Next *link `json:"next"`
	} `json:"links"`
}

// checkAnswer refuses an answer that is not a page of customers: without an items list ({}, null,
// {"items": null}), or with an item that is not a customer. Read as a page, it would make a
// partner's estate look smaller than it is, or empty, and a configuration built on the list would
// plan to forget every customer left out.
func (p *customerPage) checkAnswer() error {
	if p.Items == nil {
		return errors.New("it is not a page of customers: it has no items list")
	}
	for i := range *p.Items {
		if err := (*p.Items)[i].checkAnswer(); err != nil {
			return fmt.Errorf("item %d of the page: %w", i+1, err)
		}
	}
	return nil
}

// items are the page's customers.
func (p *customerPage) items() []customerJSON {
	if p.Items == nil {
		return nil
	}
	return *p.Items
}

// listCustomers reads pages until one has no next link, at most maxPages of them.
func (c *Client) listCustomers(ctx context.Context, f CustomerFilter, maxPages int) ([]Customer, error) {
	var out []Customer
	p := newPager(maxPages)
	next := call{method: http.MethodGet, path: customersPath, query: f.firstPageQuery()}
	for {
		var page customerPage
		next.out = &page
		if err := c.do(ctx, next); err != nil {
			return nil, p.failed(err)
		}
		fresh := 0
		for _, j := range page.items() {
			cust := j.customer()
			if !p.firstSight(cust.ID) {
				continue
			}
			fresh++
			if f.keep(cust) && !f.full(out) {
				out = append(out, cust)
			}
		}
		tflog.Debug(ctx, "Read a page of customers", map[string]any{"page": p.page, "items": len(page.items()), "new": fresh})
		if page.Links.Next == nil || page.Links.Next.URI == "" || f.full(out) {
			return out, nil
		}
		var err error
		if next, err = p.follow(c.pipe.BaseURL(), *page.Links.Next, fresh); err != nil {
			return nil, err
		}
	}
}
