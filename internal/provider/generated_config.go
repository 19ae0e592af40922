// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
)

// configGenerators are the services' adjustments of generated configuration, by resource type
// (framework.Service.GeneratedConfig).
func configGenerators() map[string]framework.ConfigGenerator {
	out := map[string]framework.ConfigGenerator{}
	for _, s := range services() {
		for t, g := range s.GeneratedConfig {
			out[t] = g
		}
	}
	return out
}

// generatedConfigServer passes the configuration the framework generates for an imported or
// listed instance through its service's adjustment: terraform-plugin-framework offers resources
// no hook of their own for it. It also announces the GenerateResourceConfig capability, which
// terraform-plugin-framework v1.19.0 implements but leaves out of its schema answers, so that
// Terraform 1.14 calls it instead of generating the configuration itself.
type generatedConfigServer struct {
	framework.ProtocolServer
	generators map[string]framework.ConfigGenerator
}

// GetProviderSchema answers as the framework does, with the GenerateResourceConfig capability.
func (s generatedConfigServer) GetProviderSchema(ctx context.Context, req *tfprotov6.GetProviderSchemaRequest) (*tfprotov6.GetProviderSchemaResponse, error) {
	resp, err := s.ProtocolServer.GetProviderSchema(ctx, req)
	if resp != nil {
		resp.ServerCapabilities = withGenerateResourceConfig(resp.ServerCapabilities)
	}
	return resp, err
}

// GetMetadata answers as the framework does, with the GenerateResourceConfig capability.
func (s generatedConfigServer) GetMetadata(ctx context.Context, req *tfprotov6.GetMetadataRequest) (*tfprotov6.GetMetadataResponse, error) {
	resp, err := s.ProtocolServer.GetMetadata(ctx, req)
	if resp != nil {
		resp.ServerCapabilities = withGenerateResourceConfig(resp.ServerCapabilities)
	}
	return resp, err
}

// withGenerateResourceConfig is c with the GenerateResourceConfig capability.
func withGenerateResourceConfig(c *tfprotov6.ServerCapabilities) *tfprotov6.ServerCapabilities {
	out := tfprotov6.ServerCapabilities{}
	if c != nil {
		out = *c
	}
	out.GenerateResourceConfig = true
	return &out
}

// GenerateResourceConfig generates the configuration as the framework does, then adjusts it.
func (s generatedConfigServer) GenerateResourceConfig(ctx context.Context, req *tfprotov6.GenerateResourceConfigRequest) (*tfprotov6.GenerateResourceConfigResponse, error) {
	resp, err := s.ProtocolServer.GenerateResourceConfig(ctx, req)
	g, ok := s.generators[req.TypeName]
	if err != nil || !ok || resp == nil || resp.Config == nil || hasErrors(resp.Diagnostics) {
		return resp, err
	}
	t := g.Type(ctx)
	v, err := resp.Config.Unmarshal(t)
	if err != nil {
		return resp, err
	}
	adjusted, diags := g.Adjust(ctx, v)
	resp.Diagnostics = append(resp.Diagnostics, protocolDiagnostics(diags)...)
	if diags.HasError() {
		return resp, nil
	}
	config, err := tfprotov6.NewDynamicValue(t, adjusted)
	if err != nil {
		return resp, err
	}
	resp.Config = &config
	return resp, nil
}

// hasErrors reports whether diags hold an error.
func hasErrors(diags []*tfprotov6.Diagnostic) bool {
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return true
		}
	}
	return false
}

// protocolDiagnostics are diags as the protocol carries them (without attribute paths: generated
// configuration has no source to point at).
func protocolDiagnostics(diags diag.Diagnostics) []*tfprotov6.Diagnostic {
	out := make([]*tfprotov6.Diagnostic, 0, len(diags))
	for _, d := range diags {
		severity := tfprotov6.DiagnosticSeverityWarning
		if d.Severity() == diag.SeverityError {
			severity = tfprotov6.DiagnosticSeverityError
		}
		out = append(out, &tfprotov6.Diagnostic{Severity: severity, Summary: d.Summary(), Detail: d.Detail()})
	}
	return out
}
