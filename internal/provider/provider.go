// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package provider is the provider itself: its configuration, the clients and tokens it builds
// from it, the services (internal/services/...) whose resources and data sources it offers, and
// the protocol server that serves them.
package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/graph"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/transport"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/credential"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/pcglue"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/tenantglue"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/serve"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/settings"
)

var (
	_ provider.Provider                  = (*partnerCenterProvider)(nil)
	_ provider.ProviderWithListResources = (*partnerCenterProvider)(nil)
)

// NewServer returns the protocol 6 server of the provider at version: the framework's, which
// answers unchanged plans at once (unchanged_plan.go) and hands a create its planned private state
// (planned_private.go). main.go serves it through the workarounds
// of package serve, and so do the acceptance tests.
func NewServer(version string) func() serve.ProtocolServer {
	fw := providerserver.NewProtocol6(New(version)())
	unchanged := unchangedPlanTypes()
	return func() serve.ProtocolServer {
		inner, ok := fw().(serve.ProtocolServer)
		if !ok {
			// Only a terraform-plugin-framework upgrade can get here; serve's
			// TestTheServedServerOffersEveryRPCOfTheFramework names the RPCs it added.
			panic("terraform-plugin-framework's server no longer offers every RPC of serve.ProtocolServer")
		}
		return unchangedPlanServer{plannedPrivateServer{inner}, unchanged}
	}
}

// New returns a function that builds the provider at the given version, as providerserver wants.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &partnerCenterProvider{version: version} }
}

type partnerCenterProvider struct {
	version string
}

func (p *partnerCenterProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "partnercenter"
	resp.Version = p.version
}

func (p *partnerCenterProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = providerSchema()
}

// Configure builds the one Partner Center client and the one Microsoft Graph client, and the tokens
// they use, that every resource and data source of this provider instance shares. Nothing calls
// Graph until a GDAP resource or data source does.
func (p *partnerCenterProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || !req.Config.Raw.IsFullyKnown() {
		// Settings that depend on other resources are known at apply; configure then.
		return
	}
	endpoints := credential.EndpointSettings{Cloud: stringOrEnv(cfg.Cloud, settings.EnvCloud),
		BaseURL: stringOrEnv(cfg.BaseURL, settings.EnvBaseURL), AuthorityURL: stringOrEnv(cfg.AuthorityURL, settings.EnvAuthorityURL),
		GraphBaseURL: stringOrEnv(cfg.GraphBaseURL, settings.EnvGraphBaseURL)}
	if !checkEndpoints(endpoints, &resp.Diagnostics) {
		return
	}
	ep, err := credential.ResolveEndpoints(endpoints)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("cloud"), "Unknown Partner Center cloud", err.Error())
		return
	}
	// Each service gets its own pooled client, named in its log lines; connections are per host
	// anyway, so nothing is lost by not sharing one.
	hc := transport.NewHTTPClient(partnercenter.APIName)
	sources, err := credential.NewSources(cfg.credentialConfig(), ep, transport.NewHTTPClient("Entra ID"))
	if err != nil {
		addCredentialError(&resp.Diagnostics, err)
		return
	}
	src := sources.PartnerCenter
	tflog.Info(ctx, "Partner Center credential chosen", map[string]any{"kind": string(src.Kind), "api": ep.APIURL})
	c, err := partnercenter.New(partnercenter.Config{
		BaseURL:        ep.APIURL,
		TokenSource:    src,
		CredentialKind: string(src.Kind),
		HTTPClient:     hc,
		Version:        p.version,
		UserAgentExtra: "terraform/" + req.TerraformVersion,
	})
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("base_url"), "Invalid Partner Center endpoint", err.Error())
		return
	}
	graphCfg := graph.Config{BaseURL: ep.GraphURL, TokenSource: sources.Graph, HTTPClient: transport.NewHTTPClient(graph.APIName),
		UserAgent: partnercenter.UserAgent(p.version, "terraform/"+req.TerraformVersion)}
	gc, err := graph.New(graphCfg)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("graph_base_url"), "Invalid Microsoft Graph endpoint", err.Error())
		return
	}
	_, cannot := sources.CustomerTenants.Available()
	tenants := graph.NewCustomerTenants(graphCfg, sources.CustomerTenants.Source, cannot)
	data := framework.NewProviderData(c, gc, tenants,
		&pcglue.Settings{CheckAddresses: boolOrEnvDefault(cfg.ValidateAddress, settings.EnvValidateAddress, true)},
		&tenantglue.Settings{PartnerTenantID: cfg.credentialConfig().PartnerTenantID(),
			AppID: strings.ToLower(cfg.credentialConfig().ClientID)})
	resp.ResourceData = data
	resp.DataSourceData = data
	resp.ListResourceData = data
}

// checkEndpoints refuses an endpoint setting credentials cannot safely travel to (see
// transport.ParseEndpoint), naming the attribute and its environment variable.
func checkEndpoints(s credential.EndpointSettings, diags *diag.Diagnostics) bool {
	for _, e := range []struct {
		attr, env, value string
		use              transport.EndpointUse
	}{
		{"base_url", settings.EnvBaseURL, s.BaseURL, partnercenter.APIEndpoint},
		{"authority_url", settings.EnvAuthorityURL, s.AuthorityURL, credential.TokenEndpoint},
		{"graph_base_url", settings.EnvGraphBaseURL, s.GraphBaseURL, graph.Endpoint},
	} {
		if e.value == "" {
			continue
		}
		if _, err := transport.ParseEndpoint(e.value, e.use); err != nil {
			diags.AddAttributeError(path.Root(e.attr), "Invalid "+e.attr, e.attr+" (or "+e.env+") "+err.Error()+".")
		}
	}
	return !diags.HasError()
}

func (p *partnerCenterProvider) Resources(context.Context) []func() resource.Resource {
	var out []func() resource.Resource
	for _, s := range services() {
		out = append(out, s.Resources...)
	}
	return out
}

func (p *partnerCenterProvider) DataSources(context.Context) []func() datasource.DataSource {
	var out []func() datasource.DataSource
	for _, s := range services() {
		out = append(out, s.DataSources...)
	}
	return out
}

// ListResources are the list resources of every service, for terraform query.
func (p *partnerCenterProvider) ListResources(context.Context) []func() list.ListResource {
	var out []func() list.ListResource
	for _, s := range services() {
		out = append(out, s.ListResources...)
	}
	return out
}
