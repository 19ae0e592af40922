#!/usr/bin/env bash
# Copyright (c) The terraform-provider-partnercenter authors
# SPDX-License-Identifier: MPL-2.0
# make generate: renders docs/ with tfplugindocs. The schema is exported here, through a
# dev_overrides CLI config, by terraform 1.14 (scripts/ensure-terraform-query.sh builds it once):
# older terraform and OpenTofu leave the list resources and resource identities out of
# `providers schema -json`, and the docs would lose them. tfplugindocs gets it as a file.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-terraform-query.sh >/dev/null
docs=(go run "github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs@${TFPLUGINDOCS_VERSION:-v0.25.0}" generate --provider-name partnercenter)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/bin/terraform-provider-partnercenter" .
cat >"$work/cli.tfrc" <<TFRC
provider_installation {
  dev_overrides {
    "hashicorp/partnercenter" = "$work/bin"
  }
  direct {}
}
TFRC
cat >"$work/main.tf" <<'TF'
terraform {
  required_providers {
    partnercenter = { source = "hashicorp/partnercenter" }
  }
}
TF
(cd "$work" && TF_CLI_CONFIG_FILE="$work/cli.tfrc" "$TF_QUERY_BIN" providers schema -json) |
  sed 's#"registry\.[a-z.]*/hashicorp/partnercenter"#"partnercenter"#' >"$work/schema.json"
"${docs[@]}" --providers-schema "$work/schema.json"
