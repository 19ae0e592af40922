// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Every managed resource's code is in files of the same names, in its service's directory, after
// a stem its type name ends with: <stem>_resource.go, <stem>_resource_schema.go,
// <stem>_resource_model.go, <stem>_identity.go, and <stem>_list.go when terraform query lists it.
// A reader who knows one resource finds the same piece of another in the same place.
func TestEveryManagedResourceHasItsFilesUnderTheSameNames(t *testing.T) {
	t.Parallel()
	for _, s := range services() {
		dir := filepath.Join(repoRoot, "internal", "services", s.Name)
		stems := resourceStems(t, dir)
		if len(stems) != len(s.Resources) {
			t.Errorf("service %s: %d files *_resource.go (%v) for %d managed resources", s.Name, len(stems), stems, len(s.Resources))
		}
		listed := map[string]bool{}
		for _, newList := range s.ListResources {
			listed[typeName(newList())] = true
		}
		for _, newResource := range s.Resources {
			name := typeName(newResource())
			i := slices.IndexFunc(stems, func(stem string) bool { return strings.HasSuffix(name, "_"+stem) })
			if i < 0 {
				t.Errorf("%s: no file <stem>_resource.go in %s whose stem ends its type name", name, dir)
				continue
			}
			want := []string{"_resource_schema.go", "_resource_model.go", "_identity.go"}
			if listed[name] {
				want = append(want, "_list.go")
			}
			for _, suffix := range want {
				if _, err := os.Stat(filepath.Join(dir, stems[i]+suffix)); err != nil {
					t.Errorf("%s lacks %s in %s", name, stems[i]+suffix, dir)
				}
			}
		}
	}
}

// resourceStems are the stems of the files *_resource.go in dir.
func resourceStems(t *testing.T, dir string) []string {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("no service directory %s: %v", dir, err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*_resource.go")) // the pattern is well-formed
	stems := make([]string, 0, len(files))
	for _, f := range files {
		stems = append(stems, strings.TrimSuffix(filepath.Base(f), "_resource.go"))
	}
	return stems
}

// typeName is the type name a resource or list resource declares.
func typeName(r interface {
	Metadata(context.Context, resource.MetadataRequest, *resource.MetadataResponse)
}) string {
	var md resource.MetadataResponse
	r.Metadata(context.Background(), resource.MetadataRequest{ProviderTypeName: "partnercenter"}, &md)
	return md.TypeName
}

// dataSourceTypeName is the type name a data source declares.
func dataSourceTypeName(d datasource.DataSource) string {
	var md datasource.MetadataResponse
	d.Metadata(context.Background(), datasource.MetadataRequest{ProviderTypeName: "partnercenter"}, &md)
	return md.TypeName
}
