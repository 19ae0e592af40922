// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"fmt"
	"reflect"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// ProviderData is what the provider's Configure hands every resource and data source: each API's
// client and settings (whatever the provider configured, found by type with API), and the memory
// of this provider process. It names no API: a new one adds its client to NewProviderData's
// arguments, and its glue package reads it with API.
type ProviderData struct {
	// apis holds one value per type, set by NewProviderData and only read after.
	apis map[reflect.Type]any

	// memory holds what one RPC of this provider process learns for a later one of the same
	// process (Memory): Terraform serves a plan's refresh and planning, or a plan's data sources
	// and imports, from one process, and a fact met in one need not be asked for again in the other.
	memory sync.Map
}

// NewProviderData holds apis, pointers of distinct types (API clients, their settings), for the
// provider's resources and data sources. A nil pointer stands for an API that is not configured.
func NewProviderData(apis ...any) *ProviderData {
	d := &ProviderData{apis: make(map[reflect.Type]any, len(apis))}
	for _, a := range apis {
		t := reflect.TypeOf(a)
		if t == nil || t.Kind() != reflect.Pointer {
			panic(fmt.Sprintf("framework.NewProviderData takes pointers, not %T", a))
		}
		if _, twice := d.apis[t]; twice {
			panic(fmt.Sprintf("framework.NewProviderData got two %s", t))
		}
		d.apis[t] = a
	}
	return d
}

// API is the *T the provider's Configure handed over in d, nil before Configure (d nil) or when
// it handed none.
func API[T any](d *ProviderData) *T {
	if d == nil {
		return nil
	}
	v, _ := d.apis[reflect.TypeFor[*T]()].(*T)
	return v
}

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
