// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package schemajson_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/acctest"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/provider"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/schemajson"
)

// TestExportMatchesTerraform compares the export with what terraform 1.14 prints for the same
// provider (make test-terraform-1.14 runs it; older terraform leaves list resources and
// identities out, so it is skipped there). The docs are rendered from the export, so a
// difference here would be a difference in docs/.
func TestExportMatchesTerraform(t *testing.T) {
	cli := acctest.NewCLI(t)
	cli.SkipBelow(t, "1.14.0")
	cli.Init(t, "")
	printed, err := cli.Run(t, "providers", "schema", "-json")
	if err != nil {
		t.Fatalf("terraform providers schema -json: %v\n%s", err, printed)
	}
	schema, err := schemajson.Export(t.Context(), provider.NewServer("test")())
	if err != nil {
		t.Fatal(err)
	}
	exported, err := json.Marshal(schemajson.Document(acctest.ProviderSource(), schema))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(asJSON(t, printed), asJSON(t, exported)); diff != "" {
		t.Errorf("the export differs from terraform's (-terraform +export):\n%s", diff)
	}
}

// asJSON is doc decoded into plain values, which compare whatever the key order.
func asJSON(t *testing.T, doc []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		t.Fatalf("%v in %s", err, doc)
	}
	return v
}
