#!/usr/bin/env bash
# Copyright (c) The terraform-provider-partnercenter authors
# SPDX-License-Identifier: MPL-2.0
# make onboarding-chain-demo: applies examples/onboarding-chain against the emulator as a pipeline
# would, run after run, over three customers: one approves at once, one not yet, and one lets the
# invitation lapse and is invited anew. The provider signs in as the secure application model does
# (App+User), the credential that gets tokens in customers' tenants. After every run it checks,
# in each customer's tenant and independently of the provider, that both apps are consented in
# exactly the customers whose access is active; the plan after the last run must be empty. It
# fails when any run does not do what the guide "The onboarding chain" says.
set -euo pipefail
cd "$(dirname "$0")/.."

token=demo-token-$RANDOM$RANDOM
graph_token=demo-graph-token-$RANDOM$RANDOM
tenant=6f1c2b3a-0000-4000-8000-00000000aaaa
client=11111111-0000-4000-8000-00000000bbbb
secret=demo-secret-$RANDOM$RANDOM
refresh=demo-refresh-$RANDOM$RANDOM
psa=5d2b6c1e-7f3a-4e8b-9c0d-1a2b3c4d5e6f
work=$(mktemp -d)
source scripts/emulator-session.sh
trap 'stop_emulator; rm -rf "$work"' EXIT

start_emulator -token "$token" -graph-token "$graph_token" -customers 3 -app "$tenant:$client:$secret:$refresh" \
  -consent-delay 2s >/dev/null
use_dev_overrides
export PARTNERCENTER_BASE_URL=$base_url PARTNERCENTER_GRAPH_BASE_URL=$base_url PARTNERCENTER_AUTHORITY_URL=$base_url
export PARTNERCENTER_TENANT_ID=$tenant PARTNERCENTER_CLIENT_ID=$client PARTNERCENTER_CLIENT_SECRET=$secret
export PARTNERCENTER_REFRESH_TOKEN=$refresh TF_VAR_provider_app_id=$client
cp examples/onboarding-chain/*.tf "$work/"
cd "$work"

# relationships STATUS: "id tenant" of the relationships in STATUS.
relationships() {
  curl -sf -H "Authorization: Bearer $graph_token" \
    "$base_url/v1.0/tenantRelationships/delegatedAdminRelationships?\$filter=status%20eq%20'$1'" |
    python3 -c 'import json,sys
for r in json.load(sys.stdin)["value"]: print(r["id"], r["customer"]["tenantId"])'
}

# consented_where_access_is: reads each customer's tenant as an admin would (a token at the
# customer's authority) and checks both apps are consented exactly where the admins' access is
# active; prints how many customers are onboarded.
consented_where_access_is() {
  BASE="$base_url" TOKEN="$graph_token" CLIENT="$client" SECRET="$secret" RT="$refresh" PSA="$psa" python3 - <<'PY'
import json, os, sys, urllib.parse, urllib.request, urllib.error
env = os.environ
def get(path, token):
    req = urllib.request.Request(env["BASE"] + path, headers={"Authorization": "Bearer " + token})
    return json.load(urllib.request.urlopen(req))
def tenant_token(tenant):
    form = urllib.parse.urlencode({"grant_type": "refresh_token", "client_id": env["CLIENT"], "client_secret": env["SECRET"],
        "refresh_token": env["RT"], "scope": "https://graph.microsoft.com/.default"}).encode()
    try:
        return json.load(urllib.request.urlopen(env["BASE"] + "/" + tenant + "/oauth2/v2.0/token", form))["access_token"]
    except urllib.error.HTTPError:
        return None  # AADSTS65001: the provider's app is not consented there
def consented(tenant, token, app):
    q = urllib.parse.quote(f"appId eq '{app}'")
    return bool(get(f"/v1.0/servicePrincipals?$filter={q}", token)["value"])
rels = get("/v1.0/tenantRelationships/delegatedAdminRelationships", env["TOKEN"])["value"]
tenants = {r["customer"]["tenantId"] for r in rels if r.get("customer")}
with_access = set()
for r in rels:
    if r["status"] != "active":
        continue
    for a in get(f"/v1.0/tenantRelationships/delegatedAdminRelationships/{r['id']}/accessAssignments", env["TOKEN"])["value"]:
        if a["status"] == "active":
            with_access.add(r["customer"]["tenantId"])
wrong = []
for t in sorted(tenants):
    token = tenant_token(t)
    apps = {app for app in (env["CLIENT"], env["PSA"]) if token and consented(t, token, app)}
    if t in with_access and len(apps) != 2:
        wrong.append(f"{t} has active access but {2 - len(apps)} app(s) not consented")
    if t not in with_access and apps:
        wrong.append(f"{t} has apps consented without active access")
if wrong:
    sys.exit("; ".join(wrong))
print(f"   onboarded in their tenants: {len(with_access)} of {len(tenants)} customers")
PY
}

# run STEP ARGS...: apply with ARGS, show what changed, and check the tenants.
run() {
  local step=$1
  shift
  "$TF_BIN" apply -auto-approve -input=false -no-color "$@" >"$work/$step.log" || { cat "$work/$step.log"; exit 1; }
  grep -E "^Apply complete" "$work/$step.log" | sed 's/^/   /'
  consented_where_access_is
}

# no_changes ARGS...: the plan with ARGS has nothing to do.
no_changes() { "$TF_BIN" plan -input=false -no-color -detailed-exitcode "$@" >/dev/null; }

echo "== First run: a relationship per customer, locked for approval; nothing else yet"
run 1
expect invitations_to_send 3
expect onboarded 0

echo "== A run before anyone approves changes nothing"
no_changes

echo "== One customer approves, one not yet, one lets the invitation lapse"
mapfile -t pending < <(relationships approvalPending)
control "relationships/${pending[0]%% *}/approve"
lapsing_id=$(echo "${pending[2]}" | cut -d' ' -f1)
lapsing_tenant=$(echo "${pending[2]}" | cut -d' ' -f2)
control "relationships/$lapsing_id/lapse"

echo "== The next run: access for the approving customer, then both apps consented there"
run 2
expect onboarded 1
expect invitations_to_send 1
expect needs_new_name 1
no_changes

echo "== The lapsed customer is invited anew under a new number"
generations="generations={\"$lapsing_tenant\"=2}"
run 3 -var "$generations"
expect needs_new_name 0
expect invitations_to_send 2

echo "== Both remaining customers approve; the next run onboards them"
relationships approvalPending | while read -r id _; do control "relationships/$id/approve"; done
run 4 -var "$generations"
expect onboarded 3
expect invitations_to_send 0

echo "== The plan after it: expect no changes"
"$TF_BIN" plan -input=false -no-color -detailed-exitcode -var "$generations" | grep -E "^No changes|^Plan:"
