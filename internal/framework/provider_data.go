// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
)

// ProviderData is what the provider's Configure hands every resource and data source: the API
// clients, the provider's settings they read, and the memory of this provider process.
type ProviderData struct {
	// PartnerCenter is the Partner Center API client.
	PartnerCenter *partnercenter.Client
	// Graph is the Microsoft Graph client, for GDAP.
	Graph *graph.Client
	// CheckAddresses is the provider's validate_address setting.
	CheckAddresses bool

	// memory holds what one RPC of this provider process learns for a later one of the same
	// process (Remember): Terraform serves a plan's refresh and planning, or a plan's data sources
	// and imports, from one process, and a fact met in one need not be asked for again in the other.
	memory sync.Map
}

// AddressChecksOn says whether to check addresses at plan time against Partner Center's address
// services: the resource's validate_address when set (override), else the provider's.
func (d *ProviderData) AddressChecksOn(override types.Bool) bool {
	if !override.IsNull() && !override.IsUnknown() {
		return override.ValueBool()
	}
	return d.CheckAddresses
}

// Remember keeps v under key for the rest of this provider process.
func (d *ProviderData) Remember(key string, v any) { d.memory.Store(key, v) }

// Recall returns what was remembered under key, if anything.
func (d *ProviderData) Recall(key string) (any, bool) { return d.memory.Load(key) }

// Take returns what was remembered under key, if anything, and forgets it.
func (d *ProviderData) Take(key string) (any, bool) { return d.memory.LoadAndDelete(key) }

// Configured takes what the provider's Configure handed over (nil before that).
func Configured(data any, diags *diag.Diagnostics) *ProviderData {
	if data == nil {
		return nil
	}
	d, ok := data.(*ProviderData)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *framework.ProviderData, got %T. This is a bug in the provider; please report it.", data))
	}
	return d
}

// GraphClient returns d's Microsoft Graph client, or nil before Configure.
func GraphClient(d *ProviderData) *graph.Client {
	if d == nil {
		return nil
	}
	return d.Graph
}

// PartnerCenterClient returns d's Partner Center client, or nil before Configure.
func PartnerCenterClient(d *ProviderData) *partnercenter.Client {
	if d == nil {
		return nil
	}
	return d.PartnerCenter
}
