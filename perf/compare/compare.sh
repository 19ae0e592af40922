#!/usr/bin/env bash
# Copyright (c) The terraform-provider-partnercenter authors
# SPDX-License-Identifier: MPL-2.0
# Compares the provider at two git revisions on the same estate, in turn (A B A B ...), so that a
# machine whose speed drifts moves both alike: N customers (default 300) behind an emulator each,
# every call 50 ms late, resources that set one attribute. Three jobs: an apply with no changes,
# an adopt (apply from an empty state, writing a new email into every profile), an apply that
# changes every profile. Prints each job's median wall seconds for A and B and the median of the
# pairwise ratios A/B. Revisions are commits (HEAD is the last commit, not uncommitted work) that
# have the partnercenter_customers data source.
#   perf/compare/compare.sh REV_A REV_B [N] [RUNS]     e.g. perf/compare/compare.sh HEAD main 300 7
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
rev_a=${1:?REV_A}
rev_b=${2:?REV_B}
n=${3:-300}
runs=${4:-7}
export LC_ALL=C # printf's decimal point
[ -n "${EPOCHREALTIME:-}" ] || { echo "compare.sh needs bash 5 or later (EPOCHREALTIME)" >&2; exit 2; }
for rev in "$rev_a" "$rev_b"; do
  git rev-parse --verify --quiet "$rev^{commit}" >/dev/null || { echo "$rev is no commit of this repository" >&2; exit 2; }
done
source scripts/ensure-terraform.sh # sets TF_BIN (OpenTofu where terraform is missing)
work=$(mktemp -d)
pids=()
cleanup() {
  for p in ${pids[@]+"${pids[@]}"}; do kill "$p" 2>/dev/null || true; done
  git -C "$repo" worktree remove --force "$work/src" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/emulator" ./cmd/partnercenter-emulator

# setup SIDE REV: builds the provider at REV, starts an emulator of its own and adopts the estate.
setup() {
  local side=$1 rev=$2 dir=$work/$1
  mkdir -p "$dir/bin" "$dir/tf"
  git -C "$repo" worktree add --detach "$work/src" "$rev" >/dev/null
  (cd "$work/src" && go build -o "$dir/bin/terraform-provider-partnercenter" .)
  git -C "$repo" worktree remove --force "$work/src" >/dev/null
  "$work/emulator" -token "token-$side" -customers "$n" -latency 50ms -url-file "$dir/url" >/dev/null &
  pids+=($!)
  for _ in $(seq 100); do [ -s "$dir/url" ] && break; sleep 0.1; done
  [ -s "$dir/url" ] || { echo "the emulator for $side did not start" >&2; exit 1; }
  printf 'provider_installation {\n  dev_overrides {\n    "partnercenter-oss/partnercenter" = "%s/bin"\n  }\n  direct {}\n}\n' "$dir" >"$dir/cli.tfrc"
  cat >"$dir/tf/main.tf" <<HCL
terraform {
  required_providers {
    partnercenter = { source = "partnercenter-oss/partnercenter" }
  }
}
provider "partnercenter" {
  base_url     = "$(cat "$dir/url")"
  access_token = "token-$side"
}
data "partnercenter_customers" "estate" {}
variable "email" {
  type    = string
  default = "billing@example.com"
}
resource "partnercenter_customer_billing_profile" "c" {
  for_each    = data.partnercenter_customers.estate.ids
  customer_id = each.value
  email       = var.email
}
HCL
  tf "$side" apply -auto-approve >/dev/null
}

# tf SIDE ARGS...: terraform in SIDE's configuration, with SIDE's provider.
tf() {
  local dir=$work/$1
  shift
  TF_CLI_CONFIG_FILE=$dir/cli.tfrc CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 "$TF_BIN" -chdir="$dir/tf" "$@" -no-color
}

# job SIDE NAME I: runs job NAME (its I-th run) for SIDE.
job() {
  case $2 in
  no-op) tf "$1" apply -auto-approve ;;
  adopt) rm -f "$work/$1/tf/terraform.tfstate"* && tf "$1" apply -auto-approve -var "email=adopt$3@example.com" ;;
  change-all) tf "$1" apply -auto-approve -var "email=run$3@example.com" ;;
  esac
}

# seconds SIDE NAME I: the wall seconds of one run of job NAME (bash's clock, to the microsecond).
seconds() {
  local start=$EPOCHREALTIME
  job "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; exit 1; }
  awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN {print b - a}'
}

median() { sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

setup a "$rev_a"
setup b "$rev_b"
printf '%s customers, %s runs each, in turn; A = %s (%s), B = %s (%s)\n' "$n" "$runs" \
  "$rev_a" "$(git rev-parse --short "$rev_a")" "$rev_b" "$(git rev-parse --short "$rev_b")"
printf '%-12s %10s %10s %12s\n' job "A median s" "B median s" "median A/B"
for name in no-op adopt change-all; do
  : >"$work/times-a" && : >"$work/times-b" && : >"$work/ratios"
  for i in $(seq "$runs"); do
    ta=$(seconds a "$name" "$i")
    tb=$(seconds b "$name" "$i")
    echo "$ta" >>"$work/times-a" && echo "$tb" >>"$work/times-b"
    awk -v a="$ta" -v b="$tb" 'BEGIN {print a / b}' >>"$work/ratios"
  done
  printf '%-12s %10.2f %10.2f %12.3f\n' "$name" "$(median <"$work/times-a")" "$(median <"$work/times-b")" "$(median <"$work/ratios")"
  # Every run, in the order taken, on stderr: a median hides a bimodal job, the runs do not.
  printf '  %s runs, A: %s; B: %s\n' "$name" "$(paste -sd' ' "$work/times-a")" "$(paste -sd' ' "$work/times-b")" >&2
done
