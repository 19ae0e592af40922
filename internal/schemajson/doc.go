// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package schemajson exports a provider server's schemas as `terraform providers schema -json`
// prints them, without terraform: `make generate` renders the docs from it (cmd/providers-schema).
//
// Terraform builds that document from the same protocol 6 RPCs (GetProviderSchema and
// GetResourceIdentitySchemas) and converts every schema the same way; this package repeats that
// conversion, as terraform v1.14.3 does it (internal/plugin6/convert, internal/command/jsonprovider):
//   - every block and attribute carries a description_kind, "plain" unless the provider says markdown;
//   - an attribute's type is the cty type its protocol type spells, and a nested attribute has none;
//   - a nested attribute's object lists its attributes and nesting mode, never item counts;
//   - a list resource's schema is its config block as the provider gives it;
//   - an identity attribute says only its type, description and whether import needs it.
//
// Only terraform 1.14 and later print list resources and identities, which the docs need; the
// test TestExportMatchesTerraform compares Export with that terraform's output where
// TF_QUERY_BIN names one (make test-terraform-1.14).
package schemajson
