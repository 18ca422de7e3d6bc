#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Regenerates the benchmark tables of the README:
#   tests/bench/README-table.sh [--update README.md] [BUILDDIR]
#
# Builds BUILDDIR (default _build-bench), then prints as Markdown:
#   - the planner's speed and memory on the generated S/M/L plans
#     (takt-bench-plan, a few minutes);
#   - plan quality on the public benchmarks at 1 s per instance
#     (takt-bench-orlib: 655 instances, about 11 minutes).
# With --update FILE the tables replace what stands between the markers
#   <!-- bench-plan -->…<!-- /bench-plan --> and <!-- bench-orlib -->…<!-- /bench-orlib -->
# in FILE (markers that are missing are left alone).
# The benchmarks folder is the meson option benchmarks-data (default
# ../shared/benchmarks beside the source tree); TAKT_BENCHMARKS_DATA
# overrides it.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
update=
builddir=
while [ $# -gt 0 ]; do
  case "$1" in
    --update) update=$2; shift 2 ;;
    -h|--help) sed -n '3,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) builddir=$1; shift ;;
  esac
done
builddir=${builddir:-$root/_build-bench}

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$root" -Dgui=false >/dev/null
fi
meson compile -C "$builddir" -j 2 takt-bench-plan takt-bench-orlib >/dev/null

plan_table=$(mktemp)
orlib_table=$(mktemp)
trap 'rm -f "$plan_table" "$orlib_table"' EXIT

{
  echo "Measured on $(nproc) cores ($(uname -m)), $(date -u +%Y-%m-%d), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo "(not a git checkout)")."
  echo
  "$builddir/tests/bench/takt-bench-plan"
} | tee "$plan_table"
echo
{
  echo "Measured on $(nproc) cores ($(uname -m)), $(date -u +%Y-%m-%d), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo "(not a git checkout)")."
  echo
  "$builddir/tests/bench/takt-bench-orlib" --markdown --limit-ms 1000 --seed 1
} | tee "$orlib_table"

if [ -n "$update" ]; then
  python3 - "$update" "$plan_table" "$orlib_table" <<'EOF'
import re, sys
path, plan, orlib = sys.argv[1:4]
text = open(path, encoding='utf-8').read()
for tag, table in (('bench-plan', plan), ('bench-orlib', orlib)):
    body = open(table, encoding='utf-8').read().strip()
    pattern = re.compile(r'(<!-- %s -->\n).*?(\n<!-- /%s -->)' % (tag, tag), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda m: m.group(1) + body + m.group(2), text)
        print('updated the %s table in %s' % (tag, path), file=sys.stderr)
    else:
        print('no <!-- %s --> markers in %s: left alone' % (tag, path), file=sys.stderr)
open(path, 'w', encoding='utf-8').write(text)
EOF
fi
