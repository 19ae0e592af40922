// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"os/exec"
	"strings"
	"testing"
)

type apiA struct{ name string }
type apiB struct{}

func TestProviderDataHandsEachAPIItsOwnValue(t *testing.T) {
	t.Parallel()
	var notConfigured *apiB
	d := NewProviderData(&apiA{"a"}, notConfigured)
	if got := API[apiA](d); got == nil || got.name != "a" {
		t.Errorf("API[apiA] = %+v, want a", got)
	}
	if got := API[apiB](d); got != nil {
		t.Errorf("API[apiB] = %+v, want nil for an API handed over as nil", got)
	}
	if got := API[struct{}](d); got != nil {
		t.Errorf("API of a type never handed over = %+v, want nil", got)
	}
	if got := API[apiA](nil); got != nil {
		t.Errorf("API before Configure = %+v, want nil", got)
	}
}

func TestProviderDataRefusesWhatItCannotFindByType(t *testing.T) {
	t.Parallel()
	for name, apis := range map[string][]any{"a value, not a pointer": {apiA{}}, "two of one type": {&apiA{}, &apiA{}},
		"an untyped nil": {nil}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("NewProviderData took %s", name)
				}
			}()
			NewProviderData(apis...)
		}()
	}
}

// The shared layer knows no API: what it imports, directly or not, is no API client, credential,
// glue or service of this module.
func TestTheSharedLayerImportsNoAPI(t *testing.T) {
	t.Parallel()
	out, err := exec.CommandContext(t.Context(), "go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatal(err)
	}
	const module = "github.com/partnercenter-oss/terraform-provider-partnercenter/internal/"
	for _, pkg := range strings.Fields(string(out)) {
		rel, ours := strings.CutPrefix(pkg, module)
		if !ours || rel == "framework" {
			continue
		}
		if rel != "rules" && rel != "settings" { // facts and names, no API calls
			t.Errorf("the shared layer imports %s", pkg)
		}
	}
}

func TestAMemoryKeepsItsOwnKindOfFact(t *testing.T) {
	t.Parallel()
	d := NewProviderData()
	names, counts := NewMemory[string]("names"), NewMemory[int]("counts")
	names.Remember(d, "a", "Contoso")
	counts.Remember(d, "a", 3)
	if v, ok := names.Recall(d, "a"); !ok || v != "Contoso" {
		t.Errorf("names.Recall = %q, %v", v, ok)
	}
	if v, ok := counts.Take(d, "a"); !ok || v != 3 {
		t.Errorf("counts.Take = %d, %v", v, ok)
	}
	if _, ok := counts.Recall(d, "a"); ok {
		t.Error("a fact taken was recalled")
	}
	if _, ok := names.Recall(d, "b"); ok {
		t.Error("a fact never remembered was recalled")
	}
	var none *ProviderData
	names.Remember(none, "a", "x")
	if _, ok := names.Recall(none, "a"); ok {
		t.Error("a provider not configured remembered")
	}
	if _, ok := names.Take(none, "a"); ok {
		t.Error("a provider not configured gave a fact")
	}
}
