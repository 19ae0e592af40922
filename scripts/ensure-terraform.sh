# Copyright (c) The terraform-provider-partnercenter authors
# SPDX-License-Identifier: MPL-2.0
# Sourced by .ci/run and scripts/demo.sh: sets TF_BIN to a terraform-compatible CLI. The project's
# machines have terraform on PATH; where it is missing, OpenTofu is built from its Go module
# source (no binary can be downloaded here) and the acceptance tests are pointed at it.
TOFU_VERSION=v1.12.6

if command -v terraform >/dev/null 2>&1; then
  TF_BIN=$(command -v terraform)
else
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-partnercenter/tofu-$TOFU_VERSION"
  if [ ! -x "$cache/bin/tofu" ]; then
    echo "terraform not found: building OpenTofu $TOFU_VERSION from source (about 6 minutes the first time)"
    src=$(go mod download -json "github.com/opentofu/opentofu@$TOFU_VERSION" | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p')
    rm -rf "$cache" && mkdir -p "$cache" && cp -r "$src" "$cache/src" && chmod -R u+w "$cache/src"
    (cd "$cache/src" && go build -ldflags "-s -w -X github.com/opentofu/opentofu/version.dev=no" -o "$cache/bin/tofu" ./cmd/tofu)
  fi
  TF_BIN="$cache/bin/tofu"
  export TF_ACC_TERRAFORM_PATH="$TF_BIN"
  export TF_ACC_PROVIDER_NAMESPACE=hashicorp
  # Unqualified provider addresses resolve to OpenTofu's registry host under tofu.
  export TF_ACC_PROVIDER_HOST=registry.opentofu.org
fi
# terraform only warns about the preset, missing CLI config file, but the test library cannot
# parse tofu's version through that warning: give it an empty one when none exists.
if [ -z "${TF_CLI_CONFIG_FILE:-}" ] || [ ! -f "$TF_CLI_CONFIG_FILE" ]; then
  TF_CLI_CONFIG_FILE="$(mktemp)"
  export TF_CLI_CONFIG_FILE
fi
"$TF_BIN" version | sed -n 1p # sed reads it all: head would close the pipe (SIGPIPE under pipefail)
