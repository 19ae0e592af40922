// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Command floorprovider is a provider that does no work but serves this provider's exact schemas:
// perf/bench runs every phase once more with it in place of the provider, and reports each run as
// a ratio to the API calls' round-trip bound plus that run. Terraform's own CPU per instance grows
// with the schema (attributes to decode, plan, diff and write to state), so terraform_data, which
// has one attribute, is a floor unfair to a rich schema; this one is not.
//
// It answers every RPC without I/O and with as little work as Terraform allows:
//   - schemas, metadata and identity schemas come from the provider itself;
//   - validation and configuration accept everything;
//   - a read returns the prior state, a data source its configuration;
//   - a plan is the proposed new state, with computed attributes neither configured nor known
//     planned as unknown (as the framework does, so that references to them plan);
//   - an apply returns the plan, each unknown value made a placeholder of its type;
//   - an import holds the id given, every other attribute null.
package main

import (
	"log"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
)

func main() {
	if err := tf6server.Serve("registry.terraform.io/partnercenter-oss/partnercenter", newServer); err != nil {
		log.Fatal(err.Error())
	}
}
