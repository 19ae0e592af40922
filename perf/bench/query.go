// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The query runs onboard the estate the way of Terraform 1.14: terraform query lists every
// billing profile and writes an import block and a resource block for each; apply imports them;
// the plan after it must have nothing to do. They need -terraform pointing at terraform 1.14 or
// later (scripts/ensure-terraform-query.sh builds one).
var queryPhases = []phase{
	{name: "query: list profiles, generate configuration", args: []string{"query", "-generate-config-out=generated.tf"}},
	{name: "query: apply the generated configuration", args: []string{"apply", "-auto-approve"}},
	{name: "plan after query", args: []string{"plan", "-detailed-exitcode"}},
}

// queryList is the .tfquery.hcl of the query runs: every profile, with its values.
const queryList = `list "partnercenter_customer_billing_profile" "estate" {
  provider         = partnercenter
  include_resource = true
  limit            = 100000
}
`

// querySize seeds n customers with distinct companies and onboards them through terraform query.
func querySize(o options, work string, n int) ([]result, error) {
	emu, env, stopEmulator, err := serveEstate(o, work, n)
	if err != nil {
		return nil, err
	}
	defer stopEmulator()
	dir := filepath.Join(work, fmt.Sprintf("query%d", n))
	return inStateDir(o, dir, env, func(address string) ([]result, error) {
		if err := os.WriteFile(filepath.Join(dir, "estate.tfquery.hcl"), []byte(queryList), 0o600); err != nil {
			return nil, err
		}
		var out []result
		for _, p := range queryPhases {
			r, err := runPhase(o, emu, dir, env, terraformBlock(true, address)+"provider \"partnercenter\" {}\n", n, p)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", p.name, err)
			}
			out = append(out, r)
		}
		return out, nil
	})
}

// queryBaseline imports n terraform_data instances in the shape terraform query generates: an
// import block and a resource block for each. It is terraform's own floor for the apply and the
// plan after it; listing has no terraform_data counterpart.
func queryBaseline(o options, work string, n int) ([]result, error) {
	env, err := baselineEnv(work)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(work, fmt.Sprintf("query-baseline%d", n))
	config := generatedBaseline(newIDs(n))
	return inStateDir(o, dir, env, func(address string) ([]result, error) {
		var out []result
		for _, p := range queryPhases[1:] {
			r, err := runBaselinePhase(o, dir, env, terraformBlock(false, address)+config, n, p)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
		}
		return out, nil
	})
}

// generatedBaseline is one import block and one terraform_data per id, as a generated file is.
// The resources set nothing (an imported terraform_data holds no input, and one set would plan an
// update of each): the import alone, as the provider's run imports without writing.
func generatedBaseline(ids []string) string {
	var b strings.Builder
	for i, id := range ids {
		fmt.Fprintf(&b, "resource \"terraform_data\" \"estate_%d\" {}\n\nimport {\n  to = terraform_data.estate_%d\n  id = %q\n}\n\n",
			i, i, id)
	}
	return b.String()
}
