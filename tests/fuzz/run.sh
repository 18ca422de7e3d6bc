#!/usr/bin/env bash
# run.sh — builds the libFuzzer targets with clang and runs each for a while
#
# Copyright 2026 The Takt developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   tests/fuzz/run.sh [SECONDS] [TARGET…]
#
# Configures _build-fuzz (CC=clang, -Dfuzzing=true, ASan+UBSan, the whole
# code instrumented for coverage), builds the fuzz-TARGET binaries and runs
# each for SECONDS (default 60), one after the other, on one core.  The
# targets are plan-load, planner and csv-import (default: all that exist).
#
# libFuzzer's working corpus lives in _build-fuzz/corpus/TARGET and grows
# from run to run; the seeds in tests/fuzz/corpus/TARGET are only read.
# An input that crashes, leaks, times out (> 10 s) or runs out of memory
# (> 2 GiB) is saved as tests/fuzz/regressions/TARGET/crash-… (leak-,
# timeout-, oom-), where `meson test --suite fuzz` replays it from then on.
# The last lines are a table: target, seconds, executions, inputs saved.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

seconds=${1:-60}
shift || true
case "$seconds" in
  ''|*[!0-9]*) echo "usage: tests/fuzz/run.sh [SECONDS] [TARGET…]" >&2; exit 2 ;;
esac

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
        print(t["name"][5:])')
fi
meson compile -C "$builddir" -j 2 "${targets[@]/#/fuzz-}" >/dev/null

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
summary=()
for t in "${targets[@]}"; do
  bin="$builddir/tests/fuzz/fuzz-$t"
  work="$builddir/corpus/$t"
  saved="tests/fuzz/regressions/$t"
  dict=()
  case "$t" in
    plan-load|planner) dict=(-dict=tests/fuzz/takt-plan.dict) ;;
    csv-import) dict=(-dict=tests/fuzz/takt-csv.dict) ;;
  esac
  mkdir -p "$work" "$saved"
  before=$(find "$saved" -type f | wc -l)
  log="$builddir/fuzz-$t.log"
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
done

echo "== summary"
printf '%s\n' "${summary[@]}"
