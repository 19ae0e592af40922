# Copyright (c) The terraform-provider-partnercenter authors
# SPDX-License-Identifier: MPL-2.0
# Sourced by the demo scripts: builds the provider and the emulator, and gives
#   start_emulator ARGS...  starts bin/partnercenter-emulator with ARGS on loopback, sets
#                           $emulator_pid and $base_url, and stops it when the script exits;
#   use_dev_overrides       points terraform at bin/ through a dev_overrides CLI configuration,
#                           so that no terraform init is needed;
#   control PATH            posts to the emulator's Graph control PATH (relationships/<id>/approve),
#                           with $graph_token;
#   expect OUTPUT COUNT     fails unless the output OUTPUT holds COUNT entries.
# The sourcing script sets $work, a scratch directory it removes itself.

source scripts/ensure-terraform.sh
make build >/dev/null
bin=$(pwd)/bin
emulator_pid=""

stop_emulator() {
  [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null && wait "$emulator_pid" 2>/dev/null
  return 0
}

start_emulator() {
  "$bin/partnercenter-emulator" "$@" -url-file "$work/url" &
  emulator_pid=$!
  for _ in $(seq 50); do [ -s "$work/url" ] && break; sleep 0.1; done
  [ -s "$work/url" ] || { echo "the emulator did not start" >&2; exit 1; }
  base_url=$(cat "$work/url")
}

use_dev_overrides() {
  cat >"$work/cli.tfrc" <<TFRC
provider_installation {
  dev_overrides {
    "partnercenter-oss/partnercenter" = "$bin"
  }
  direct {}
}
TFRC
  export TF_CLI_CONFIG_FILE="$work/cli.tfrc"
}

control() { curl -sf -X POST -H "Authorization: Bearer $graph_token" "$base_url/emulator/graph/$1" >/dev/null; }

expect() {
  local got
  got=$("$TF_BIN" output -json "$1" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
  [ "$got" = "$2" ] || { echo "expected $2 customers in $1, got $got" >&2; "$TF_BIN" output "$1" >&2; exit 1; }
  echo "   $1: $got"
}
