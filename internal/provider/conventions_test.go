// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
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
			var md resource.MetadataResponse
			r.Metadata(context.Background(), resource.MetadataRequest{ProviderTypeName: "partnercenter"}, &md)
			if _, ok := r.(resource.ResourceWithIdentity); !ok {
				t.Errorf("%s has no identity (resource.ResourceWithIdentity)", md.TypeName)
			}
			if _, ok := r.(resource.ResourceWithImportState); !ok {
				t.Errorf("%s cannot be imported (resource.ResourceWithImportState)", md.TypeName)
			}
			for _, example := range []string{"resource.tf", "import.sh", "import-by-identity.tf", "import-by-string-id.tf"} {
				mustExist(t, md.TypeName, filepath.Join("examples", "resources", md.TypeName, example))
			}
			mustExist(t, md.TypeName, filepath.Join("docs", "resources", strings.TrimPrefix(md.TypeName, "partnercenter_")+".md"))
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
			var md resource.MetadataResponse
			newResource().Metadata(context.Background(), resource.MetadataRequest{ProviderTypeName: "partnercenter"}, &md)
			managed[md.TypeName] = true
		}
	}
	for _, s := range services() {
		for _, newDataSource := range s.DataSources {
			var md datasource.MetadataResponse
			newDataSource().Metadata(context.Background(), datasource.MetadataRequest{ProviderTypeName: "partnercenter"}, &md)
			mustExist(t, md.TypeName, filepath.Join("examples", "data-sources", md.TypeName, "data-source.tf"))
			mustExist(t, md.TypeName, filepath.Join("docs", "data-sources", strings.TrimPrefix(md.TypeName, "partnercenter_")+".md"))
		}
		for _, newList := range s.ListResources {
			var md resource.MetadataResponse
			newList().Metadata(context.Background(), resource.MetadataRequest{ProviderTypeName: "partnercenter"}, &md)
			if !managed[md.TypeName] {
				t.Errorf("list resource %s is named as no managed resource", md.TypeName)
			}
			mustExist(t, md.TypeName, filepath.Join("examples", "list-resources", md.TypeName, "list-resource.tfquery.hcl"))
			mustExist(t, md.TypeName, filepath.Join("docs", "list-resources", strings.TrimPrefix(md.TypeName, "partnercenter_")+".md"))
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
