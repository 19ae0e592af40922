#!/usr/bin/env bash
# Copyright (c) The terraform-provider-partnercenter authors
# SPDX-License-Identifier: MPL-2.0
# make mutation, make mutation-check: mutation testing with go-gremlins, one package at a time.
#
#   scripts/mutation.sh [-floor PERCENT] PACKAGE...
#
# For each package (./internal/clients/partnercenter, ...) gremlins changes the code one small mutation at a
# time and runs the package's tests; a mutant the tests do not notice has LIVED. This prints
# gremlins' report per package, then a summary: test efficacy (killed / (killed + lived)) and
# mutator coverage (mutants the tests judged / all mutants; one that timed out was not judged)
# per package, and every mutant left. With -floor, the run fails when a package's efficacy or
# coverage is below PERCENT.
#
# Three corrections to gremlins v0.6.0, two in the summary and one in how it runs the tests:
#   - It counts a mutant that does not compile (a string "a" + "b" turned into "a" - "b") as
#     KILLED, because `go test` exits 1 for a build failure as for a failing test. Each KILLED or
#     NOT COVERED arithmetic mutant is compiled here (go build -overlay; the tree is not touched)
#     and, when it does not compile, left out of the figures: they are what the tests achieve.
#   - Mutants of package-level constants (5 * time.Minute) are reported NOT COVERED and never
#     run, as Go's coverage has no block for a constant (go-gremlins/gremlins#299): they are
#     counted apart, as constants, and left out of the coverage. CONTRIBUTING.md lists the test
#     that kills each when it is applied by hand.
#   - Tests run with -short: the credential soak test takes eight seconds a mutant and is a
#     stress test, not a unit test. And with -count=1: gremlins times each mutant's tests against
#     its first run of the package's tests, which Go's test cache can answer in milliseconds.
#
# Environment: MUTATION_WORKERS (default 2), MUTATION_TIMEOUT_COEFFICIENT (default 5: a mutant's
# tests may run five times as long as the package's tests did, so that a loaded machine does not
# turn slow kills into time-outs), GOBIN (where gremlins is installed on first use).
set -euo pipefail
cd "$(dirname "$0")/.."

gremlins_version=v0.6.0
gobin=${GOBIN:-$(go env GOPATH)/bin}
workers=${MUTATION_WORKERS:-2}
coefficient=${MUTATION_TIMEOUT_COEFFICIENT:-5}
floor=""
if [ "${1:-}" = "-floor" ]; then
  floor=$2
  shift 2
fi
if [ $# -eq 0 ]; then
  echo "usage: $0 [-floor PERCENT] PACKAGE..." >&2
  exit 2
fi

if ! go version -m "$gobin/gremlins" 2>/dev/null | grep -q "github.com/go-gremlins/gremlins[[:space:]]*$gremlins_version"; then
  echo "installing gremlins $gremlins_version into $gobin"
  GOBIN=$gobin go install "github.com/go-gremlins/gremlins/cmd/gremlins@$gremlins_version"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# compiles FILE LINE COLUMN PACKAGE: whether the package still compiles with the arithmetic
# operator at FILE:LINE:COLUMN (a byte column, as gremlins reports it) swapped as gremlins does.
compiles() {
  local file=$1 line=$2 col=$3 pkg=$4
  LC_ALL=C awk -v l="$line" -v c="$col" '
    NR == l {
      op = substr($0, c, 1)
      swap["+"] = "-"; swap["-"] = "+"; swap["*"] = "/"; swap["/"] = "*"; swap["%"] = "*"
      if (op in swap) $0 = substr($0, 1, c - 1) swap[op] substr($0, c + 1)
    }
    { print }' "$file" >"$work/mutant.go"
  printf '{"Replace":{"%s":"%s"}}' "$PWD/$file" "$work/mutant.go" >"$work/overlay.json"
  go build -overlay "$work/overlay.json" -o /dev/null "$pkg" >/dev/null 2>&1
}

# in_const FILE LINE: whether LINE of the gofmt-formatted FILE is in a package-level const
# declaration, whose mutants Go's coverage cannot map and gremlins therefore never runs.
in_const() {
  awk -v l="$2" '
    /^const \(/ { block = 1 }
    NR == l { found = block || /^const /; exit }
    block && /^\)/ { block = 0 }
    END { exit !found }' "$1"
}

summary=()
left=()
failed=()
for pkg in "$@"; do
  dir=${pkg#./}
  report="$work/report.txt"
  echo "== gremlins $pkg (workers $workers, timeout coefficient $coefficient)"
  start=$(date +%s)
  GOFLAGS="${GOFLAGS:+$GOFLAGS }-short -count=1" "$gobin/gremlins" unleash --workers "$workers" \
    --timeout-coefficient "$coefficient" "$pkg" | tee "$report"
  took=$(($(date +%s) - start))

  killed=0 lived=0 uncovered=0 timedout=0 uncompilable=0 constants=0
  while read -r status mutator _ where; do
    IFS=: read -r file line col <<<"$where"
    if [ "$mutator" = ARITHMETIC_BASE ] && { [ "$status" = KILLED ] || [ "$status" = NOT_COVERED ]; } &&
      ! compiles "$dir/$file" "$line" "$col" "$pkg"; then
      uncompilable=$((uncompilable + 1))
      continue
    fi
    if [ "$status" = NOT_COVERED ] && in_const "$dir/$file" "$line"; then
      constants=$((constants + 1))
      left+=("$(printf '%-11s %-22s %s' "CONSTANT" "$mutator" "$dir/$where")")
      continue
    fi
    case $status in
      KILLED) killed=$((killed + 1)) ;;
      LIVED) lived=$((lived + 1)) ;;
      NOT_COVERED) uncovered=$((uncovered + 1)) ;;
      TIMED_OUT) timedout=$((timedout + 1)) ;;
    esac
    [ "$status" = KILLED ] || left+=("$(printf '%-11s %-22s %s' "${status/_/ }" "$mutator" "$dir/$where")")
  done < <(sed -nE 's/^ *(KILLED|LIVED|NOT COVERED|TIMED OUT) /\1 /p' "$report" | sed -E 's/^(NOT|TIMED) /\1_/')

  said=$(sed -nE 's/^Test efficacy: (.*)%$/\1/p; s/^Mutator coverage: (.*)%$/\1/p' "$report" | xargs printf '%.2f%%/')
  tested=$((killed + lived))
  if [ $((tested + uncovered + timedout)) -eq 0 ]; then
    summary+=("$(printf '%-24s %9s %9s %6d %5d %9d %9d %9d %12d %6ss  %s' "$pkg" "-" "-" 0 0 0 "$constants" "$timedout" "$uncompilable" "$took" "-")")
    continue
  fi
  efficacy=$(awk -v k="$killed" -v t="$tested" 'BEGIN { printf "%.2f", t ? 100 * k / t : 0 }')
  # A mutant that timed out was not judged: it counts as not covered, so that a machine too
  # loaded for the tests fails the floor instead of passing it with fewer mutants.
  coverage=$(awk -v t="$tested" -v n="$((uncovered + timedout))" 'BEGIN { printf "%.2f", 100 * t / (t + n) }')
  summary+=("$(printf '%-24s %8s%% %8s%% %6d %5d %9d %9d %9d %12d %6ss  %s' "$pkg" "$efficacy" "$coverage" \
    "$killed" "$lived" "$uncovered" "$constants" "$timedout" "$uncompilable" "$took" "${said%/}")")
  if [ -n "$floor" ] && awk -v e="$efficacy" -v c="$coverage" -v f="$floor" 'BEGIN { exit !(e < f || c < f) }'; then
    failed+=("$pkg: efficacy $efficacy%, mutator coverage $coverage%, below the floor of $floor%")
  fi
done

echo
echo "== mutation testing: the tests' figures, without the mutants that do not compile or that gremlins cannot run"
printf '%-24s %9s %9s %6s %5s %9s %9s %9s %12s %7s  %s\n' package efficacy coverage killed lived uncovered constants timed-out uncompilable time \
  "gremlins' own efficacy/coverage"
printf '%s\n' "${summary[@]}"
if [ ${#left[@]} -gt 0 ]; then
  echo
  echo "Mutants left (CONTRIBUTING.md, \"Mutation testing\", says why each listed there is harmless):"
  printf '  %s\n' "${left[@]}"
fi
if [ ${#failed[@]} -gt 0 ]; then
  echo
  printf 'FAIL %s\n' "${failed[@]}"
  exit 1
fi
