// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing_test

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
)

// asOlderRelease rewrites the state in dir as a release that did not model attr (whose Partner
// Center key is key) would have left it: the attribute null, and the field's value in the private
// copy of what the profile holds that the attributes do not.
func asOlderRelease(t *testing.T, dir, attr, key, value string) {
	t.Helper()
	path := filepath.Join(dir, "terraform.tfstate")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var state map[string]any
	if err := json.Unmarshal(raw, &state); err != nil {
		t.Fatal(err)
	}
	instance := state["resources"].([]any)[0].(map[string]any)["instances"].([]any)[0].(map[string]any)
	instance["attributes"].(map[string]any)[attr] = nil
	private := decodePrivate(t, instance["private"].(string))
	var kept map[string]any
	if err := json.Unmarshal(private["unmodelled"], &kept); err != nil {
		t.Fatalf("the private state keeps no unmodelled part: %v (%s)", err, private["unmodelled"])
	}
	kept[key] = value
	if private["unmodelled"], err = json.Marshal(kept); err != nil {
		t.Fatal(err)
	}
	outer, err := json.Marshal(private) // the framework's private state: each key's JSON in base64
	if err != nil {
		t.Fatal(err)
	}
	instance["private"] = base64.StdEncoding.EncodeToString(outer)
	state["serial"] = state["serial"].(float64) + 1
	if raw, err = json.Marshal(state); err != nil {
		t.Fatal(err)
	}
	acctest.WriteFile(t, path, string(raw))
}

func decodePrivate(t *testing.T, encoded string) map[string][]byte {
	t.Helper()
	outer, err := base64.StdEncoding.DecodeString(encoded)
	if err != nil {
		t.Fatal(err)
	}
	var private map[string][]byte
	if err := json.Unmarshal(outer, &private); err != nil {
		t.Fatal(err)
	}
	return private
}

// A newer release models a field an older one kept as unmodelled (here email): an apply that does
// not refresh after the upgrade must not rebuild the profile from a state that lacks the field's
// value, which would send it empty and erase it, the ETag still matching. The copy is refused and
// the profile read again, so Partner Center keeps the value.
func TestAnUpgradeAcrossANewlyModelledFieldKeepsItsValue(t *testing.T) {
	t.Parallel()
	env := acctest.NewEnv(t)
	env.NeedsEmulator(t)
	cli := acctest.NewCLI(t)
	cli.Apply(t, env.Config(companyConfig("Contoso Ltd", "")))
	stored, _ := env.Emulator.Profile(env.CustomerID)
	email := stored["email"].(string)
	asOlderRelease(t, cli.Dir, "email", "email", email)
	cli.Apply(t, env.Config(companyConfig("Contoso Upgraded", "")), "-refresh=false")
	stored, _ = env.Emulator.Profile(env.CustomerID)
	if stored["email"] != email || stored["companyName"] != "Contoso Upgraded" {
		t.Errorf("Partner Center holds email %v and company name %v, want %s kept and Contoso Upgraded", stored["email"],
			stored["companyName"], email)
	}
}
