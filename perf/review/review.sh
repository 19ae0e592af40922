#!/usr/bin/env bash
# Copyright (c) The terraform-provider-partnercenter authors
# SPDX-License-Identifier: MPL-2.0
# Measures how reviewable plans over an estate are (the GitOps guide's figures): against the
# emulator with N customers (default 1,000), the onboarding plan and a plan that renames ten
# customers, with resources keyed by tenant id and by a name (the initial domain's first label),
# each as terraform shows it and as examples/gitops/plan-summary.jq summarises it.
#   perf/review/review.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
n=${1:-1000}
source scripts/ensure-terraform.sh >/dev/null
make build >/dev/null
work=$(mktemp -d)
emulator_pid=""
cleanup() { [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

bin/partnercenter-emulator -token review-token -customers "$n" -url-file "$work/url" >/dev/null &
emulator_pid=$!
for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.1; done
export PARTNERCENTER_BASE_URL=$(cat "$work/url") PARTNERCENTER_ACCESS_TOKEN=review-token
printf 'provider_installation {\n  dev_overrides {\n    "partnercenter-oss/partnercenter" = "%s/bin"\n  }\n  direct {}\n}\n' "$repo" >"$work/cli.tfrc"
export TF_CLI_CONFIG_FILE=$work/cli.tfrc CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1

# config KEY RENAMED: the onboarding configuration keyed by KEY (an expression of c), with the
# company names of RENAMED (a map by key) set.
config() {
  cat <<HCL
terraform {
  required_providers {
    partnercenter = { source = "partnercenter-oss/partnercenter" }
  }
}
data "partnercenter_customers" "estate" {}
locals {
  customers = { for c in data.partnercenter_customers.estate.customers : $1 => c }
  renamed   = $2
}
import {
  for_each = local.customers
  to       = partnercenter_customer_billing_profile.this[each.key]
  id       = each.value.id
}
resource "partnercenter_customer_billing_profile" "this" {
  for_each     = local.customers
  customer_id  = each.value.id
  company_name = lookup(local.renamed, each.key, null)
}
HCL
}

# measure LABEL: the plan in the current directory as terraform shows it, as JSON, and summarised.
measure() {
  "$TF_BIN" plan -input=false -out=tfplan >/dev/null
  local human json summary start
  human=$("$TF_BIN" show -no-color tfplan | wc -c)
  start=$(date +%s.%N)
  "$TF_BIN" show -json tfplan >plan.json
  jq -r -f "$repo/examples/gitops/plan-summary.jq" plan.json >summary.txt
  local took
  took=$(echo "$(date +%s.%N) - $start" | bc)
  json=$(wc -c <plan.json)
  summary=$(wc -c <summary.txt)
  printf '| %s | %s | %s | %s (%s lines) | %.1f s |\n' "$1" "$(numfmt --to=si "$human")B" "$(numfmt --to=si "$json")B" \
    "$(numfmt --to=si "$summary")B" "$(wc -l <summary.txt)" "$took"
}

echo "| plan ($n customers) | terraform show | show -json | plan-summary.jq | show -json + jq |"
echo "|---|---:|---:|---:|---:|"
for key in id name; do
  expr='c.id'
  [ "$key" = name ] && expr='split(".", c.domain)[0]'
  dir=$work/$key && mkdir -p "$dir" && cd "$dir"
  config "$expr" "{}" >main.tf
  measure "onboarding, keyed by $key"
  "$TF_BIN" apply -input=false -auto-approve tfplan >/dev/null
  renamed="{"
  for i in 1 2 3 4 5 6 7 8 9 10; do
    k="contoso$(printf '%04d' "$i")"
    if [ "$key" = id ]; then
      filter=$(jq -rn --arg d "$k." '{Field: "Domain", Value: $d, Operator: "starts_with"} | tojson | @uri')
      k=$(curl -sf -H "Authorization: Bearer review-token" "$PARTNERCENTER_BASE_URL/v1/customers?size=0&filter=$filter" |
        sed '1s/^\xEF\xBB\xBF//' | jq -r '.items[0].id')
    fi
    renamed+="\"$k\" = \"Contoso $i Renamed\", "
  done
  renamed+="}"
  config "$expr" "$renamed" >main.tf
  measure "rename 10, keyed by $key"
  [ "$key" = name ] && { echo; echo "The summary of the rename, keyed by name:"; echo '```'; head -4 summary.txt; echo "..."; tail -1 summary.txt; echo '```'; }
  cd "$repo"
done
