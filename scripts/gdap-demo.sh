#!/usr/bin/env bash
# Copyright (c) The terraform-provider-partnercenter authors
# SPDX-License-Identifier: MPL-2.0
# make gdap-demo: applies examples/gdap (GDAP for every customer) against the emulator as a
# pipeline would, run after run: the first apply creates a relationship per customer and prints
# the invitations; the customers then approve (the emulator's control endpoint plays them); the
# next apply assigns the teams' access; the plan after it has nothing to do. It fails when any of
# these does not happen.
set -euo pipefail
cd "$(dirname "$0")/.."

customers=${GDAP_DEMO_CUSTOMERS:-3}
token=demo-token-$RANDOM$RANDOM
graph_token=demo-graph-token-$RANDOM$RANDOM
work=$(mktemp -d)
source scripts/emulator-session.sh
trap 'stop_emulator; rm -rf "$work"' EXIT

start_emulator -token "$token" -graph-token "$graph_token" -customers "$customers" >/dev/null
use_dev_overrides
export PARTNERCENTER_BASE_URL=$base_url PARTNERCENTER_ACCESS_TOKEN=$token
export PARTNERCENTER_GRAPH_BASE_URL=$base_url PARTNERCENTER_GRAPH_ACCESS_TOKEN=$graph_token
cp examples/gdap/main.tf "$work/"
cd "$work"

graph() { curl -sf -H "Authorization: Bearer $graph_token" "$@"; }

echo "== First run: a relationship per customer, locked for approval"
"$TF_BIN" apply -auto-approve -input=false -no-color >"$work/apply1.log" || { cat "$work/apply1.log"; exit 1; }
grep -E "^Apply complete|^  \"|invitations_to_send" "$work/apply1.log" || true
pending=$("$TF_BIN" output -json invitations_to_send | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$pending" = "$customers" ] || { echo "expected $customers invitations, got $pending" >&2; exit 1; }

echo
echo "== A run before anyone approves changes nothing"
"$TF_BIN" plan -input=false -no-color -detailed-exitcode >/dev/null

echo
echo "== The customers approve (the emulator plays them)"
graph "$base_url/v1.0/tenantRelationships/delegatedAdminRelationships?\$filter=status%20eq%20'approvalPending'" |
  python3 -c 'import json,sys
for r in json.load(sys.stdin)["value"]: print(r["id"], r["customer"]["tenantId"])' |
  while read -r id tenant; do
    graph -X POST -H "Content-Type: application/json" -d "{\"customerTenantId\": \"$tenant\"}" \
      "$base_url/emulator/graph/relationships/$id/approve"
    echo "approved $id"
  done

echo
echo "== Next run: the teams' access under each approved relationship"
"$TF_BIN" apply -auto-approve -input=false -no-color >"$work/apply2.log" || { cat "$work/apply2.log"; exit 1; }
grep -E "^Apply complete" "$work/apply2.log"
assigned=$("$TF_BIN" state list | grep -c '^partnercenter_delegated_admin_access_assignment' || true)
[ "$assigned" = "$((customers * 2))" ] || { echo "expected $((customers * 2)) access assignments, got $assigned" >&2; exit 1; }
"$TF_BIN" output customers_with_access

echo
echo "== The plan after it: expect no changes"
"$TF_BIN" plan -input=false -no-color -detailed-exitcode | tail -3
