#!/usr/bin/env bash
# Copyright (c) The terraform-provider-partnercenter authors
# SPDX-License-Identifier: MPL-2.0
# make quickstart-check: does what README.md's "In your own configuration" says, command by
# command as README writes them, in a scratch home directory (so that nothing installed earlier
# helps): make install, start the emulator, export the line it prints, terraform init and apply
# examples/quickstart. Then the plan must be empty and the emulator must hold the change, and
# every other example must initialise and validate with the installed provider.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

source scripts/ensure-terraform.sh
# Keep Go's caches where they are; everything else starts from an empty home.
export GOPATH=$(go env GOPATH) GOMODCACHE=$(go env GOMODCACHE) GOCACHE=$(go env GOCACHE)
scratch=$(mktemp -d)
export HOME=$scratch/home CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
mkdir -p "$HOME"
unset TF_CLI_CONFIG_FILE PARTNERCENTER_BASE_URL PARTNERCENTER_ACCESS_TOKEN
emulator_pid=""
# kill_tree stops a process and its descendants: go run's child is the emulator itself.
kill_tree() {
  local child
  for child in $(pgrep -P "$1"); do kill_tree "$child"; done
  kill "$1" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  if [ -n "$emulator_pid" ]; then
    kill_tree "$emulator_pid"
    wait "$emulator_pid" 2>/dev/null || true
  fi
  rm -rf "$scratch"
  exit "$rc"
}
trap cleanup EXIT

# The sh blocks of README's section, one command a line, comments and blank lines dropped.
commands=$(awk '/^## In your own configuration/{f=1; next} f && /^## /{exit}
  f && /^```sh/{b=1; next} b && /^```/{b=0; next} b && !/^#/ && NF' README.md)
[ -n "$commands" ] || { echo "README.md has no commands under 'In your own configuration'" >&2; exit 1; }

run_line() {
  local line=$1
  case "$line" in
    "go run ./cmd/partnercenter-emulator"*)
      echo "+ $line &"
      bash -c "$line" >"$scratch/emulator.out" 2>&1 &
      emulator_pid=$!
      for _ in $(seq 600); do grep -q '^export ' "$scratch/emulator.out" && break; sleep 0.1; done
      local printed
      printed=$(grep '^export ' "$scratch/emulator.out") || { cat "$scratch/emulator.out" >&2; echo "the emulator printed no export line" >&2; exit 1; }
      echo "  the emulator printed: $printed"
      eval "$printed" ;;
    "export PARTNERCENTER_BASE_URL="*)
      # README shows the line's form; the one the emulator printed was exported above.
      [[ "$PARTNERCENTER_BASE_URL" == http://127.0.0.1:* && "$PARTNERCENTER_ACCESS_TOKEN" == local-token ]] ||
        { echo "the emulator's export line does not have README's form: $line" >&2; exit 1; } ;;
    "terraform apply"*) echo "+ $line -auto-approve -input=false"; "$TF_BIN" ${line#terraform} -auto-approve -input=false ;;
    "terraform "*) echo "+ $line"; "$TF_BIN" ${line#terraform} ;;
    *) echo "+ $line"; eval "$line" ;;
  esac
}
while IFS= read -r line; do run_line "$line"; done <<<"$commands"

echo "+ terraform plan -detailed-exitcode: expect no changes"
"$TF_BIN" plan -input=false -detailed-exitcode >/dev/null
rm -rf .terraform .terraform.lock.hcl terraform.tfstate terraform.tfstate.backup
curl -sf -H "Authorization: Bearer $PARTNERCENTER_ACCESS_TOKEN" \
  "$PARTNERCENTER_BASE_URL/v1/customers/3fa85f64-5717-4562-b3fc-2c963f66afa6/profiles/billing" |
  grep -q '"companyName":"Contoso Holdings"' || { echo "the emulator does not hold the applied company name" >&2; exit 1; }

# Every example that is a whole configuration initialises and validates with the installed provider.
for dir in "$repo"/examples/*/; do
  name=$(basename "$dir")
  case "$name" in data-sources | resources | list-resources | provider) continue ;; esac
  work=$scratch/examples/$name
  mkdir -p "$work" && cp "$dir"*.tf "$work/"
  echo "+ terraform init && terraform validate in examples/$name"
  (cd "$work" && "$TF_BIN" init -input=false >/dev/null && "$TF_BIN" validate >/dev/null)
done
echo "quickstart-check: README's commands work from a scratch home, and every example validates"
