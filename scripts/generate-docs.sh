#!/usr/bin/env bash
# Copyright (c) The terraform-provider-partnercenter authors
# SPDX-License-Identifier: MPL-2.0
# make generate: renders docs/ with tfplugindocs from the provider's schema, exported in process by
# cmd/providers-schema as `terraform providers schema -json` prints it (list resources and resource
# identities included, which only terraform 1.14 prints). No terraform is needed;
# internal/schemajson's TestExportMatchesTerraform holds the export to terraform 1.14's output
# (make test-terraform-1.14).
set -euo pipefail
cd "$(dirname "$0")/.."
docs=(go run "github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs@${TFPLUGINDOCS_VERSION:-v0.25.0}" generate --provider-name partnercenter)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go run ./cmd/providers-schema >"$work/schema.json"
"${docs[@]}" --providers-schema "$work/schema.json"
