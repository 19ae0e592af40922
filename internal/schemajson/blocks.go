// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package schemajson

import (
	"encoding/json"
	"fmt"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/zclconf/go-cty/cty"
)

// convertBlock is a block with its attributes and nested blocks; terraform leaves empty maps out.
func convertBlock(b *tfprotov6.SchemaBlock) (*tfjson.SchemaBlock, error) {
	out := &tfjson.SchemaBlock{Description: b.Description, DescriptionKind: descriptionKind(b.DescriptionKind),
		Deprecated: b.Deprecated}
	var err error
	if out.Attributes, err = convertAttributes(b.Attributes); err != nil {
		return nil, err
	}
	if len(b.BlockTypes) > 0 {
		out.NestedBlocks = make(map[string]*tfjson.SchemaBlockType, len(b.BlockTypes))
	}
	for _, nested := range b.BlockTypes {
		mode, ok := blockNesting[nested.Nesting]
		if !ok {
			return nil, fmt.Errorf("block %s: nesting mode %s", nested.TypeName, nested.Nesting)
		}
		block, err := convertBlock(nested.Block)
		if err != nil {
			return nil, fmt.Errorf("block %s: %w", nested.TypeName, err)
		}
		out.NestedBlocks[nested.TypeName] = &tfjson.SchemaBlockType{NestingMode: mode, Block: block,
			MinItems: uint64(nested.MinItems), MaxItems: uint64(nested.MaxItems)} //nolint:gosec // item counts are never negative
	}
	return out, nil
}

// convertAttributes is a block's or a nested object's attributes, nil for none.
func convertAttributes(attrs []*tfprotov6.SchemaAttribute) (map[string]*tfjson.SchemaAttribute, error) {
	if len(attrs) == 0 {
		return nil, nil
	}
	out := make(map[string]*tfjson.SchemaAttribute, len(attrs))
	for _, a := range attrs {
		converted, err := convertAttribute(a)
		if err != nil {
			return nil, fmt.Errorf("attribute %s: %w", a.Name, err)
		}
		out[a.Name] = converted
	}
	return out, nil
}

// convertAttribute is one attribute: its type, or the object it nests, and its flags.
func convertAttribute(a *tfprotov6.SchemaAttribute) (*tfjson.SchemaAttribute, error) {
	out := &tfjson.SchemaAttribute{Description: a.Description, DescriptionKind: descriptionKind(a.DescriptionKind),
		Deprecated: a.Deprecated, Required: a.Required, Optional: a.Optional, Computed: a.Computed,
		Sensitive: a.Sensitive, WriteOnly: a.WriteOnly}
	var err error
	if a.Type != nil {
		if out.AttributeType, err = convertType(a.Type); err != nil {
			return nil, err
		}
	}
	if a.NestedType != nil {
		mode, ok := objectNesting[a.NestedType.Nesting]
		if !ok {
			return nil, fmt.Errorf("nesting mode %s", a.NestedType.Nesting)
		}
		nested := &tfjson.SchemaNestedAttributeType{NestingMode: mode}
		if nested.Attributes, err = convertAttributes(a.NestedType.Attributes); err != nil {
			return nil, err
		}
		if nested.Attributes == nil {
			// terraform prints a nested object's attributes even when there are none.
			nested.Attributes = map[string]*tfjson.SchemaAttribute{}
		}
		out.AttributeNestedType = nested
	}
	return out, nil
}

// convertIdentity is a resource's identity schema.
func convertIdentity(s *tfprotov6.ResourceIdentitySchema) (*tfjson.IdentitySchema, error) {
	out := &tfjson.IdentitySchema{Version: uint64(s.Version), //nolint:gosec // identity versions are never negative
		Attributes: make(map[string]*tfjson.IdentityAttribute, len(s.IdentityAttributes))}
	for _, a := range s.IdentityAttributes {
		attr := &tfjson.IdentityAttribute{Description: a.Description, RequiredForImport: a.RequiredForImport,
			OptionalForImport: a.OptionalForImport}
		if a.Type != nil {
			var err error
			if attr.IdentityType, err = convertType(a.Type); err != nil {
				return nil, fmt.Errorf("attribute %s: %w", a.Name, err)
			}
		}
		out.Attributes[a.Name] = attr
	}
	return out, nil
}

// convertType is the cty type a protocol type spells: the protocol sends types as JSON, and
// terraform reads that JSON into cty.
func convertType(t tftypes.Type) (cty.Type, error) {
	// Deprecated for providers, whose types the framework spells; it is the spelling the protocol
	// sends terraform (terraform-plugin-go's toproto calls it), which is what this export repeats.
	spelled, err := t.MarshalJSON() //nolint:staticcheck // see above

	if err != nil {
		return cty.NilType, fmt.Errorf("type %s: %w", t, err)
	}
	var out cty.Type
	if err := json.Unmarshal(spelled, &out); err != nil {
		return cty.NilType, fmt.Errorf("type %s: %w", spelled, err)
	}
	return out, nil
}

// descriptionKind is terraform's spelling of a description's kind: anything but markdown is plain.
func descriptionKind(k tfprotov6.StringKind) tfjson.SchemaDescriptionKind {
	if k == tfprotov6.StringKindMarkdown {
		return tfjson.SchemaDescriptionKindMarkdown
	}
	return tfjson.SchemaDescriptionKindPlain
}

// blockNesting and objectNesting spell the protocol's nesting modes as terraform does.
var (
	blockNesting = map[tfprotov6.SchemaNestedBlockNestingMode]tfjson.SchemaNestingMode{
		tfprotov6.SchemaNestedBlockNestingModeSingle: tfjson.SchemaNestingModeSingle,
		tfprotov6.SchemaNestedBlockNestingModeGroup:  tfjson.SchemaNestingModeGroup,
		tfprotov6.SchemaNestedBlockNestingModeList:   tfjson.SchemaNestingModeList,
		tfprotov6.SchemaNestedBlockNestingModeSet:    tfjson.SchemaNestingModeSet,
		tfprotov6.SchemaNestedBlockNestingModeMap:    tfjson.SchemaNestingModeMap,
	}
	objectNesting = map[tfprotov6.SchemaObjectNestingMode]tfjson.SchemaNestingMode{
		tfprotov6.SchemaObjectNestingModeSingle: tfjson.SchemaNestingModeSingle,
		tfprotov6.SchemaObjectNestingModeList:   tfjson.SchemaNestingModeList,
		tfprotov6.SchemaObjectNestingModeSet:    tfjson.SchemaNestingModeSet,
		tfprotov6.SchemaObjectNestingModeMap:    tfjson.SchemaNestingModeMap,
	}
)
