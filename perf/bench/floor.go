// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/google/uuid"
)

// floorSuffix marks a run of the same-schema floor (perf/floorprovider): the same configuration,
// phases and terraform, with a provider that serves this provider's exact schemas and does no
// work. Its wall time is what terraform itself costs for resources of this shape.
const floorSuffix = " (same-schema floor)"

// floorBinDir is where the floor provider is built, under the bench's work directory.
const floorBinDir = "floorbin"

// buildFloorProvider builds perf/floorprovider and a CLI configuration that serves it as the
// provider.
func buildFloorProvider(work string) error {
	bin := filepath.Join(work, floorBinDir)
	build := exec.CommandContext(context.Background(), "go", "build", "-o", filepath.Join(bin, providerBinary), "./perf/floorprovider")
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("building the floor provider: %w\n%s", err, out)
	}
	cfg := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"partnercenter-oss/partnercenter\" = %q\n  }\n  direct {}\n}\n", bin)
	return os.WriteFile(filepath.Join(work, "floor.tfrc"), []byte(cfg), 0o600)
}

// floorEnv is the environment of the floor runs: the floor provider, and no API to call.
func floorEnv(work string) []string {
	return append(os.Environ(), "TF_CLI_CONFIG_FILE="+filepath.Join(work, "floor.tfrc"), "TF_IN_AUTOMATION=1")
}

// runFloorPhase times phase p over config with the floor provider.
func runFloorPhase(o options, dir string, env []string, config string, n int, p phase) (result, error) {
	return runFloorRun(o, dir, env, config, n, p, floorSuffix)
}

// manageFloor runs the manage phases over the same configuration with the floor provider.
func manageFloor(o options, work string, n int) ([]result, error) {
	dir := filepath.Join(work, fmt.Sprintf("floor%d", n))
	ids := newIDs(n)
	env := floorEnv(work)
	return runPhases(o, dir, env, false, func(address, company string) string {
		return terraformBlock(true, address) + configuration(ids, company)
	}, func(config string, p phase) (result, error) {
		return runFloorPhase(o, dir, env, config, n, p)
	})
}

// gdapFloor runs the GDAP phases over an estate of the same shape with the floor provider. The
// floor provider does not do what the provider does on its own (move access once customers
// approve, end predecessors), so those two phases change as many instances in the configuration
// instead: every assignment's roles (access moved), then every relationship's name (predecessors
// ended), as the terraform_data floor does.
func gdapFloor(o options, work string, n int) ([]result, error) {
	dir := filepath.Join(work, fmt.Sprintf("gdap-floor%d", n))
	env := floorEnv(work)
	est := gdapEstate{relationships: map[string][2]string{}, assignments: map[string]string{}}
	for i := range n {
		id := uuid.NewString()
		est.relationships[id] = [2]string{uuid.NewString(), fmt.Sprintf("Customer %04d managed services", i)}
		for _, team := range gdapTeams {
			est.assignments[id+"/"+uuid.NewString()] = team.name
		}
	}
	return inStateDir(o, dir, env, func(address string) ([]result, error) {
		var out []result
		for _, p := range gdapPhases() {
			config := terraformBlock(true, address) + gdapFloorConfiguration(est, p)
			r, err := runFloorPhase(o, dir, env, config, n, p)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
		}
		return out, nil
	})
}

// gdapFloorConfiguration is gdapConfiguration, with the changes the provider makes on its own in
// the tier change written into the configuration.
func gdapFloorConfiguration(est gdapEstate, p phase) string {
	config := gdapConfiguration(est, p.company)
	moved, ended := false, false
	switch p.name {
	case "gdap: tier change, access moved":
		moved = true
	case "gdap: tier change, predecessors ended", "gdap: tier change, plan after it":
		moved, ended = true, true
	}
	if moved {
		config = replaceOnce(config, "roles             = local.team_roles[each.value]",
			fmt.Sprintf("roles             = concat(local.team_roles[each.value], [%q])", tier2Role))
	}
	if ended {
		config = replaceOnce(config, `display_name       = "${each.value.name} 2"`, `display_name       = "${each.value.name} 2 ended"`)
	}
	return config
}

// replaceOnce replaces the one old in s with new. A gdapConfiguration written otherwise would
// leave the floor's configuration unchanged, and its run would time fewer changes than the
// provider's: it panics instead (TestTheGDAPFloorChangesWhatTheProviderChangesOnItsOwn).
func replaceOnce(s, old, new string) string {
	if strings.Count(s, old) != 1 {
		panic(fmt.Sprintf("the GDAP configuration no longer holds %q once", old))
	}
	return strings.Replace(s, old, new, 1)
}
