// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package schemajson

import (
	"context"
	"fmt"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// FormatVersion is the format_version terraform writes in `providers schema -json`.
const FormatVersion = "1.0"

// Document is the whole `providers schema -json` document for one provider, under address (what
// terraform prints is the provider's source address; tfplugindocs also takes its bare name).
func Document(address string, schema *tfjson.ProviderSchema) *tfjson.ProviderSchemas {
	return &tfjson.ProviderSchemas{FormatVersion: FormatVersion,
		Schemas: map[string]*tfjson.ProviderSchema{address: schema}}
}

// Export asks server for its schemas and resource identities and converts them as terraform does.
// Any diagnostic the server returns is an error: a schema it could not build is no schema.
func Export(ctx context.Context, server tfprotov6.ProviderServer) (*tfjson.ProviderSchema, error) {
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		return nil, fmt.Errorf("GetProviderSchema: %w", err)
	}
	if err := diagnosticsError("GetProviderSchema", schemas.Diagnostics); err != nil {
		return nil, err
	}
	identities, err := server.GetResourceIdentitySchemas(ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil {
		return nil, fmt.Errorf("GetResourceIdentitySchemas: %w", err)
	}
	if err := diagnosticsError("GetResourceIdentitySchemas", identities.Diagnostics); err != nil {
		return nil, err
	}
	if len(schemas.Functions) > 0 || len(schemas.ActionSchemas) > 0 {
		// Their JSON has shapes of its own; this provider has none, and an export that left them
		// out would silently drop them from the docs.
		return nil, fmt.Errorf("the provider serves functions or actions, which this export does not convert")
	}
	return convertProvider(schemas, identities)
}

// convertProvider is terraform's jsonprovider.marshalProvider on the protocol's answers.
func convertProvider(s *tfprotov6.GetProviderSchemaResponse, ids *tfprotov6.GetResourceIdentitySchemasResponse) (*tfjson.ProviderSchema, error) {
	out := &tfjson.ProviderSchema{}
	var err error
	if out.ConfigSchema, err = convertSchema(s.Provider); err != nil {
		return nil, fmt.Errorf("provider: %w", err)
	}
	for _, group := range []struct {
		kind string
		in   map[string]*tfprotov6.Schema
		out  *map[string]*tfjson.Schema
	}{
		{"resource", s.ResourceSchemas, &out.ResourceSchemas},
		{"data source", s.DataSourceSchemas, &out.DataSourceSchemas},
		{"ephemeral resource", s.EphemeralResourceSchemas, &out.EphemeralResourceSchemas},
		{"list resource", s.ListResourceSchemas, &out.ListResourceSchemas},
	} {
		if *group.out, err = convertSchemas(group.in); err != nil {
			return nil, fmt.Errorf("%s %w", group.kind, err)
		}
	}
	out.ResourceIdentitySchemas = map[string]*tfjson.IdentitySchema{}
	for name, id := range ids.IdentitySchemas {
		if out.ResourceIdentitySchemas[name], err = convertIdentity(id); err != nil {
			return nil, fmt.Errorf("resource identity %s: %w", name, err)
		}
	}
	return out, nil
}

// convertSchemas converts every schema of a kind, naming the one that fails.
func convertSchemas(in map[string]*tfprotov6.Schema) (map[string]*tfjson.Schema, error) {
	out := make(map[string]*tfjson.Schema, len(in))
	for name, s := range in {
		converted, err := convertSchema(s)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out[name] = converted
	}
	return out, nil
}

// convertSchema is one schema; terraform prints a schema without a body as an empty object.
func convertSchema(s *tfprotov6.Schema) (*tfjson.Schema, error) {
	if s == nil || s.Block == nil {
		return &tfjson.Schema{}, nil
	}
	block, err := convertBlock(s.Block)
	if err != nil {
		return nil, err
	}
	return &tfjson.Schema{Version: uint64(s.Version), Block: block}, nil //nolint:gosec // schema versions are never negative
}

// diagnosticsError is every diagnostic an RPC answered with, as one error, or nil for none.
func diagnosticsError(rpc string, diags []*tfprotov6.Diagnostic) error {
	var said []string
	for _, d := range diags {
		if d != nil {
			said = append(said, strings.TrimSpace(d.Summary+": "+d.Detail))
		}
	}
	if len(said) == 0 {
		return nil
	}
	return fmt.Errorf("%s answered: %s", rpc, strings.Join(said, "; "))
}
