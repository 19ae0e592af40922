#!/usr/bin/env bash
# Copyright (c) The terraform-provider-partnercenter authors
# SPDX-License-Identifier: MPL-2.0
# make gdap-demo: applies examples/gdap (GDAP for every customer) against the emulator as a
# pipeline would, run after run: a relationship per customer and the invitations; the customers'
# approvals (the emulator's control endpoints play them) and the teams' access; then a tier
# change rolled over three customers, one who approves it, one who has not yet, and one who lets
# the invitation lapse and is invited anew. After every run each team must have an active access
# assignment in every customer tenant that has approved a relationship, and the plan after the
# last run must be empty: it fails when any of this does not happen.
set -euo pipefail
cd "$(dirname "$0")/.."

token=demo-token-$RANDOM$RANDOM
graph_token=demo-graph-token-$RANDOM$RANDOM
work=$(mktemp -d)
source scripts/emulator-session.sh
trap 'stop_emulator; rm -rf "$work"' EXIT

start_emulator -token "$token" -graph-token "$graph_token" -customers 3 >/dev/null
use_dev_overrides
export PARTNERCENTER_BASE_URL=$base_url PARTNERCENTER_ACCESS_TOKEN=$token
export PARTNERCENTER_GRAPH_BASE_URL=$base_url PARTNERCENTER_GRAPH_ACCESS_TOKEN=$graph_token
cp examples/gdap/*.tf "$work/"
cd "$work"

# relationships NAME_FILTER STATUS: "id tenant display name" of the relationships in STATUS.
relationships() {
  curl -sf -H "Authorization: Bearer $graph_token" \
    "$base_url/v1.0/tenantRelationships/delegatedAdminRelationships?\$filter=status%20eq%20'$1'" |
    python3 -c 'import json,sys
for r in json.load(sys.stdin)["value"]: print(r["id"], r["customer"]["tenantId"], r["displayName"])'
}

# every_team_has_access: each team of var.groups has an active assignment in every customer
# tenant with an active relationship, under one of that customer's active relationships.
every_team_has_access() {
  BASE="$base_url" TOKEN="$graph_token" python3 - <<'PY'
import json, os, sys, urllib.request
def get(path):
    req = urllib.request.Request(os.environ["BASE"] + path, headers={"Authorization": "Bearer " + os.environ["TOKEN"]})
    return json.load(urllib.request.urlopen(req))
groups = {"helpdesk": "6b7d8a10-0f1e-4c2b-9a3d-5e6f7a8b9c0d", "admins": "0d9c8b7a-6f5e-4d3c-2b1a-0f1e2d3c4b5a"}
rels = get("/v1.0/tenantRelationships/delegatedAdminRelationships?$filter=status%20eq%20'active'")["value"]
covered = {}
for r in rels:
    tenant = r["customer"]["tenantId"]
    for a in get(f"/v1.0/tenantRelationships/delegatedAdminRelationships/{r['id']}/accessAssignments")["value"]:
        if a["status"] == "active":
            covered.setdefault(tenant, set()).add(a["accessContainer"]["accessContainerId"])
missing = [(t, team) for t in {r["customer"]["tenantId"] for r in rels} for team, g in groups.items() if g not in covered.get(t, set())]
if missing:
    sys.exit("teams without access to an approved customer: " + ", ".join(f"{team} at {t}" for t, team in missing))
print(f"   every team has active access in all {len({r['customer']['tenantId'] for r in rels})} approved customer tenants")
PY
}

# run STEP ARGS...: apply with ARGS, show what changed, and check every team's access.
run() {
  local step=$1
  shift
  "$TF_BIN" apply -auto-approve -input=false -no-color "$@" >"$work/$step.log" || { cat "$work/$step.log"; exit 1; }
  grep -E "^Apply complete" "$work/$step.log" | sed 's/^/   /'
  every_team_has_access
}

echo "== First run: a relationship per customer, locked for approval"
run 1
expect invitations_to_send 3

echo "== A run before anyone approves changes nothing"
"$TF_BIN" plan -input=false -no-color -detailed-exitcode >/dev/null

echo "== The customers approve (the emulator plays them); the next run assigns the teams' access"
relationships approvalPending | while read -r id _ _; do control "relationships/$id/approve"; done
run 2
expect customers_with_access 3
"$TF_BIN" plan -input=false -no-color -detailed-exitcode >/dev/null

echo "== A tier change: every customer invited to a successor, everyone's access kept"
run 3 -var tier=security
expect invitations_to_send 3
expect tier_changes_in_progress 3
mapfile -t pending < <(relationships approvalPending)
approving=${pending[0]%% *}
lapsing_id=$(echo "${pending[2]}" | cut -d' ' -f1)
lapsing_tenant=$(echo "${pending[2]}" | cut -d' ' -f2)

echo "== One customer approves, one not yet, one lets the invitation lapse"
control "relationships/$approving/approve"
control "relationships/$lapsing_id/lapse"
run 4 -var tier=security
expect needs_new_name 1
expect invitations_to_send 1
expect access_by_tier 2

echo "== The run after: the approving customer's old relationship ends"
run 5 -var tier=security
[ "$(relationships terminated | wc -l)" = 1 ] || { echo "expected the approving customer's old relationship terminated" >&2; exit 1; }
expect tier_changes_in_progress 2

echo "== The lapsed customer is invited anew under a new number"
generations="generations={\"$lapsing_tenant\"=2}"
run 6 -var tier=security -var "$generations"
expect needs_new_name 0
expect invitations_to_send 2

echo "== The plan after it: expect no changes"
"$TF_BIN" plan -input=false -no-color -detailed-exitcode -var tier=security -var "$generations" | grep -E "^No changes|^Plan:"
