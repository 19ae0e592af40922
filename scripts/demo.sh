#!/usr/bin/env bash
# Copyright (c) The terraform-provider-partnercenter authors
# SPDX-License-Identifier: MPL-2.0
# make demo: builds the provider and the emulator, starts the emulator on loopback with a seeded
# customer, applies examples/demo with terraform through a dev_overrides CLI config, shows that a
# second plan has nothing to do, prints the profile as the emulator now holds it, and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."

customer=3fa85f64-5717-4562-b3fc-2c963f66afa6
token=demo-token-$RANDOM$RANDOM
work=$(mktemp -d)
source scripts/emulator-session.sh
trap 'stop_emulator; rm -rf "$work"' EXIT

PARTNERCENTER_EMULATOR_TOKEN=$token start_emulator -demo-customer "$customer"
use_dev_overrides
export PARTNERCENTER_BASE_URL=$base_url PARTNERCENTER_ACCESS_TOKEN=$token TF_VAR_customer_id=$customer
cp examples/demo/main.tf "$work/"
cd "$work"

echo "== terraform apply (dev_overrides: no init needed)"
"$TF_BIN" apply -auto-approve -input=false -no-color
echo
echo "== terraform plan after apply: expect no changes"
"$TF_BIN" plan -input=false -no-color -detailed-exitcode
echo
echo "== The billing profile as Partner Center (the emulator at $base_url) now holds it"
curl -sf -H "Authorization: Bearer $token" "$base_url/v1/customers/$customer/profiles/billing" |
  sed '1s/^\xEF\xBB\xBF//' | { python3 -m json.tool 2>/dev/null || cat; }
echo
