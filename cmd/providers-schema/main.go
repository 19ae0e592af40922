// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Command providers-schema prints the provider's schemas as `terraform providers schema -json`
// does, without terraform: `make generate` renders docs/ from it with tfplugindocs. The provider
// is named by its bare name, "partnercenter", which is what tfplugindocs looks for.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/provider"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/schemajson"
)

func main() {
	schema, err := schemajson.Export(context.Background(), provider.NewServer("dev")())
	if err == nil {
		err = json.NewEncoder(os.Stdout).Encode(schemajson.Document("partnercenter", schema))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "providers-schema:", err)
		os.Exit(1)
	}
}
