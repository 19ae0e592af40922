// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// repoRoot is the repository's root, from this package's directory.
const repoRoot = "../.."

// Every managed resource follows one convention: it has an identity (Terraform 1.12+), imports
// by id and by identity, an example of each (import.sh, import-by-identity.tf, and the import
// block by id for Terraform 1.5-1.11), a usage example and a docs page. A new resource fails this
// test until it has them all.
func TestEveryManagedResourceHasIdentityImportExamplesAndADocsPage(t *testing.T) {
	t.Parallel()
	for _, s := range services() {
		for _, newResource := range s.Resources {
			r := newResource()
			name := typeName(r)
			if _, ok := r.(resource.ResourceWithIdentity); !ok {
				t.Errorf("%s has no identity (resource.ResourceWithIdentity)", name)
			}
			if _, ok := r.(resource.ResourceWithImportState); !ok {
				t.Errorf("%s cannot be imported (resource.ResourceWithImportState)", name)
			}
			for _, example := range []string{"resource.tf", "import.sh", "import-by-identity.tf", "import-by-string-id.tf"} {
				mustExist(t, name, filepath.Join("examples", "resources", name, example))
			}
			mustExist(t, name, filepath.Join("docs", "resources", strings.TrimPrefix(name, "partnercenter_")+".md"))
		}
	}
}

// Every data source has an example and a docs page, and every list resource is named as a
// managed resource, with its query example and docs page.
func TestEveryDataSourceAndListResourceHasItsExampleAndDocsPage(t *testing.T) {
	t.Parallel()
	managed := map[string]bool{}
	for _, s := range services() {
		for _, newResource := range s.Resources {
			managed[typeName(newResource())] = true
		}
	}
	for _, s := range services() {
		for _, newDataSource := range s.DataSources {
			name := dataSourceTypeName(newDataSource())
			mustExist(t, name, filepath.Join("examples", "data-sources", name, "data-source.tf"))
			mustExist(t, name, filepath.Join("docs", "data-sources", strings.TrimPrefix(name, "partnercenter_")+".md"))
		}
		for _, newList := range s.ListResources {
			name := typeName(newList())
			if !managed[name] {
				t.Errorf("list resource %s is named as no managed resource", name)
			}
			mustExist(t, name, filepath.Join("examples", "list-resources", name, "list-resource.tfquery.hcl"))
			mustExist(t, name, filepath.Join("docs", "list-resources", strings.TrimPrefix(name, "partnercenter_")+".md"))
		}
	}
}

var _ = list.ListResource(nil)

func mustExist(t *testing.T, typeName, rel string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(repoRoot, rel)); err != nil {
		t.Errorf("%s lacks %s", typeName, rel)
	}
}
