#!/usr/bin/env bash
# run.sh — builds the libFuzzer targets with clang and runs them
#
# Copyright 2026 The Takt developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   tests/fuzz/run.sh [SECONDS] [TARGET…]        search for new finds
#   tests/fuzz/run.sh --ci [SECONDS] [TARGET…]   the reproducible CI run
#
# Both configure _build-fuzz (CC=clang, -Dfuzzing=true, ASan+UBSan, the
# whole code instrumented for coverage), build the fuzz-TARGET binaries and
# run them one after the other, on one core.  The targets are plan-load,
# planner and csv-import (default: all that exist).
#
# Search (the default): each target runs for SECONDS (default 60) of wall
# time in fork mode, which goes on after a find.  libFuzzer's working
# corpus lives in _build-fuzz/corpus/TARGET and grows from run to run; the
# seeds in tests/fuzz/corpus/TARGET are only read.  An input that crashes,
# leaks, times out (> 10 s) or runs out of memory (> 2 GiB) is saved as
# tests/fuzz/regressions/TARGET/crash-… (leak-, timeout-, oom-), where
# `meson test --suite fuzz` replays it from then on.
#
# --ci: the same search every time for the same sources.  Each target runs a
# fixed number of executions (its rate below × SECONDS, default 60) with
# -seed=1, starting from an empty corpus in memory and the seeds and kept
# inputs in a fixed order (-seed_inputs, names sorted), so a run does not
# depend on the clock, the machine's speed or earlier runs.  Only a hang
# counts as a timeout (60 s).  The first find of a target ends its run; it
# is saved in tests/fuzz/regressions/TARGET/ and the script fails, naming
# the file to keep.  TAKT_FUZZ_RUNS=N overrides the number of executions.
#
# The last lines are a table: target, seconds, executions, inputs saved.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

usage() {
  echo "usage: tests/fuzz/run.sh [--ci] [SECONDS] [TARGET…]" >&2
  exit 2
}

ci=
if [ "${1:-}" = --ci ]; then
  ci=1
  shift
fi
seconds=60
if [ $# -gt 0 ]; then
  case "$1" in
    ''|*[!0-9]*) ;;
    *) seconds=$1; shift ;;
  esac
fi
for t in "$@"; do
  case "$t" in
    plan-load|planner|csv-import) ;;
    *) usage ;;
  esac
done

# Executions per second of each target in the --ci run on the 2-core
# development machine (2026-11-27, the corpus of about 2,100 inputs, load
# average 1.4-2.7: 69 s, 74 s and 53 s for 60 × the rate; at load 10 about
# three times as long).  Only the counts matter for what is found.
ci_rate() {
  case "$1" in
    plan-load) echo 12000 ;;
    planner) echo 330 ;;
    csv-import) echo 1400 ;;
  esac
}

builddir=_build-fuzz
opts=(-Dfuzzing=true -Dgui=false -Db_sanitize=address,undefined -Db_lundef=false
      -Dc_args=-fsanitize=fuzzer-no-link -Dbuildtype=debugoptimized)
if [ -f "$builddir/build.ninja" ]; then
  meson setup --reconfigure "$builddir" "${opts[@]}" >/dev/null
else
  CC=clang meson setup "$builddir" "${opts[@]}" >/dev/null
fi

if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(meson introspect --targets "$builddir" |
    python3 -c 'import json, sys
for t in json.load(sys.stdin):
    if t["name"].startswith("fuzz-"):
        print(t["name"][5:])' | sort)
fi
meson compile -C "$builddir" -j 2 "${targets[@]/#/fuzz-}" >/dev/null

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1
# GLib's slice allocator would keep leaked lists, hash tables and JSON
# nodes out of LeakSanitizer's sight.
export G_SLICE=always-malloc
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
summary=()
kept=()
for t in "${targets[@]}"; do
  bin="$builddir/tests/fuzz/fuzz-$t"
  saved="tests/fuzz/regressions/$t"
  dict=()
  case "$t" in
    plan-load|planner) dict=(-dict=tests/fuzz/takt-plan.dict) ;;
    csv-import) dict=(-dict=tests/fuzz/takt-csv.dict) ;;
  esac
  mkdir -p "$saved"
  before=$(find "$saved" -type f | wc -l)
  log="$builddir/fuzz-$t.log"

  if [ -n "$ci" ]; then
    runs=${TAKT_FUZZ_RUNS:-$(( $(ci_rate "$t") * seconds ))}
    artifacts=$(mktemp -d)
    seeds="$artifacts.seeds"
    # Seeds, then kept inputs, each sorted by name: the order libFuzzer
    # reads them in is part of what makes the run repeatable.
    { LC_ALL=C find "tests/fuzz/corpus/$t" -maxdepth 1 -type f ! -name '.*' | LC_ALL=C sort
      LC_ALL=C find "$saved" -maxdepth 1 -type f ! -name '.*' ! -name 'README*' | LC_ALL=C sort
    } | paste -sd, - | tr -d '\n' >"$seeds"
    echo "== fuzz-$t: $runs executions, seed 1 (log: $log)"
    start=$(date +%s)
    status=0
    "$bin" -runs="$runs" -seed=1 -timeout=60 -rss_limit_mb=2048 -max_len=65536 \
           -report_slow_units=100000 -print_final_stats=1 \
           -artifact_prefix="$artifacts/" -seed_inputs=@"$seeds" "${dict[@]}" \
           >"$log" 2>&1 || status=$?
    elapsed=$(( $(date +%s) - start ))
    rm -f "$seeds"
    execs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$log" | tail -1)
    found=()
    for f in "$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* "$artifacts"/oom-*; do
      [ -f "$f" ] || continue
      mv "$f" "$saved/"
      found+=("$saved/$(basename "$f")")
    done
    rm -rf "$artifacts"
    if [ ${#found[@]} -eq 0 ] && [ "$status" -ne 0 ]; then
      echo "fuzz-$t stopped with status $status and saved nothing; see $log" >&2
      kept+=("(fuzz-$t failed without an input; see $log)")
    fi
    for f in "${found[@]}"; do
      echo "fuzz-$t FOUND A PROBLEM (see $log):" >&2
      grep -E 'ERROR|property broken|SUMMARY' "$log" | head -5 >&2 || true
      kept+=("$f")
    done
    summary+=("$(printf '%-12s %6s s %12s executions  seed 1  %3d inputs saved' \
                "$t" "$elapsed" "${execs:-?}" ${#found[@]})")
  else
    work="$builddir/corpus/$t"
    mkdir -p "$work"
    echo "== fuzz-$t for $seconds s (log: $log)"
    # -fork keeps going after a crash, so that one run can find several.
    "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
           -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
           -print_final_stats=1 -artifact_prefix="$saved/" "${dict[@]}" \
           "$work" "tests/fuzz/corpus/$t" >"$log" 2>&1 || true
    # Fork mode reports "#EXECS: cov: … oom/timeout/crash: O/T/C time: …".
    last=$(grep -E '^#[0-9]+: ' "$log" | tail -1 || true)
    execs=$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$last")
    found=$(grep -Eo 'oom/timeout/crash: [0-9]+/[0-9]+/[0-9]+' <<<"$last" | cut -d' ' -f2 || true)
    after=$(find "$saved" -type f | wc -l)
    summary+=("$(printf '%-12s %6s s %12s executions  oom/timeout/crash %-8s %3d inputs saved' \
                "$t" "$seconds" "${execs:-?}" "${found:-?}" $((after - before)))")
  fi
done

echo "== summary"
printf '%s\n' "${summary[@]}"
if [ ${#kept[@]} -gt 0 ]; then
  echo
  echo "The fuzzers found a problem.  Keep each input below (git add it): it is"
  echo "replayed by 'meson test --suite fuzz' and fails until the cause is fixed;"
  echo "then name it after what it found and add a row to"
  echo "tests/fuzz/regressions/README.md."
  printf '  %s\n' "${kept[@]}"
  exit 1
fi
