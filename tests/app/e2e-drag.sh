#!/usr/bin/env bash
# Copyright 2026 The Takt developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end, with real input: starts takt on a copy of the sample plan
# under Xvfb, drags a bar of the Schedule chart with xdotool (press, the
# pointer moving in steps, a pause, release) one machine down and about two
# days later, saves with Ctrl+S, and checks the pin in the saved file: the
# machine below, the start where the pointer let go (± the snap interval).
#
# The app tells where the bar is through TAKT_DEBUG_GANTT_BAR=auto (see
# takt-gantt-view.c).  Prints TAP.
#
#   tests/app/e2e-drag.sh            (TAKT_BUILD_ROOT, TAKT_SOURCE_ROOT set by meson)
set -uo pipefail

build_root=${TAKT_BUILD_ROOT:?TAKT_BUILD_ROOT is not set}
source_root=${TAKT_SOURCE_ROOT:?TAKT_SOURCE_ROOT is not set}
takt="$build_root/src/app/takt"

for tool in xdotool python3; do
  if ! command -v "$tool" > /dev/null; then
    echo "1..0 # SKIP no $tool"
    exit 0
  fi
done
# A screen of its own even when the suite has one: other tests' windows on
# a shared screen would catch the pointer.  And a D-Bus session of its own.
if [ -z "${TAKT_E2E_OWN_SCREEN:-}" ]; then
  export TAKT_E2E_OWN_SCREEN=1
  if command -v xvfb-run > /dev/null; then
    if command -v dbus-run-session > /dev/null; then
      exec xvfb-run -a -s '-screen 0 1280x900x24' dbus-run-session -- "$0" "$@"
    fi
    exec xvfb-run -a -s '-screen 0 1280x900x24' "$0" "$@"
  fi
  if [ -z "${DISPLAY:-}" ]; then
    echo "1..0 # SKIP no display and no xvfb-run"
    exit 0
  fi
fi

echo "1..5"

tmp=$(mktemp -d)
pid=""
cleanup () {
  if [ -n "$pid" ]; then
    kill "$pid" 2> /dev/null
    wait "$pid" 2> /dev/null
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

fail () {
  echo "not ok $1 - $2"
  echo "# takt's log:"
  sed 's/^/#   /' "$tmp/log" | tail -n 40
  exit 1
}

export XDG_STATE_HOME="$tmp/state" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
export XDG_CACHE_HOME="$tmp/cache"
export GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 LC_ALL=C.UTF-8 LANGUAGE=
export GSETTINGS_SCHEMA_DIR="${GSETTINGS_SCHEMA_DIR:-$build_root/data}"
export TAKT_DEBUG_GANTT_BAR=auto
cp "$source_root/data/examples/print-farm.takt" "$tmp/plan.takt"

"$takt" "$tmp/plan.takt" > "$tmp/out" 2> "$tmp/log" &
pid=$!

# The window, then a bar once the plan is final and the chart stands still.
window=""
for _ in $(seq 100); do
  window=$(xdotool search --onlyvisible --name "Print farm" 2> /dev/null | head -n 1)
  [ -n "$window" ] && break
  sleep 0.2
done
[ -n "$window" ] || fail 1 "takt shows a window"
echo "ok 1 - takt shows a window"

line=""
for _ in $(seq 150); do
  last=$(grep '^takt-gantt-bar:' "$tmp/log" | tail -n 1)
  if [ -n "$last" ] && [[ "$last" == *"replanning=0"* ]]; then
    if [ "$last" = "$line" ]; then
      break
    fi
    line=$last
  fi
  sleep 0.4
done
[ -n "$line" ] || fail 2 "the chart shows a bar to drag"
echo "ok 2 - the chart shows a bar to drag"
echo "# $line"

field () {
  sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< "$line"
}
station=$(field station)
machine=$(field machine)
bar_x=$(field x)
bar_y=$(field y)
bar_w=$(field width)
bar_h=$(field height)
start_x=$(field bar_start_x)
row_h=$(field row_height)
spp=$(field seconds_per_px)
snap=$(field snap_s)
start=$(field start)

# Press inside the bar just past its setup, move 160 px right and one row
# down in 16 steps, wait, let go.
read -r gx gy tx ty expected <<< "$(python3 - "$start_x" "$bar_x" "$bar_w" "$bar_y" "$bar_h" "$row_h" "$spp" "$snap" "$start" <<'EOF'
import sys, datetime
start_x, bar_x, bar_w, bar_y, bar_h, row_h, spp = map(float, sys.argv[1:8])
snap = int(sys.argv[8])
start = datetime.datetime.fromisoformat(sys.argv[9])
gx = start_x + min(6.0, (bar_x + bar_w - start_x) / 2)
gy = bar_y + bar_h / 2
dx = 160
t = start + datetime.timedelta(seconds=dx * spp)
midnight = t.replace(hour=0, minute=0, second=0, microsecond=0)
s = (t - midnight).total_seconds()
t = midnight + datetime.timedelta(seconds=round(s / snap) * snap)
print(round(gx), round(gy), round(gx) + dx, round(gy + row_h), t.isoformat())
EOF
)"
echo "# drag from ($gx, $gy) to ($tx, $ty): machine $machine -> $((machine + 1)), start $start -> about $expected"

xdotool windowactivate --sync "$window" > /dev/null 2>&1 || true

# Esc while dragging: the bar goes back, nothing is pinned (checked with
# the saved file below: one pin only, from the second drag).
xdotool mousemove --window "$window" "$gx" "$gy"
sleep 0.3
xdotool mousedown 1
for i in $(seq 8); do
  xdotool mousemove --window "$window" $((gx + 9 * i)) $((gy + 4 * i))
  sleep 0.04
done
sleep 0.3
xdotool key Escape
sleep 0.2
xdotool mouseup 1
sleep 0.8
if grep -q "^takt-gantt-bar: run=[^ ]* .*replanning=1" <(tail -n 1 "$tmp/log"); then
  fail 3 "Esc cancels a drag"
fi
echo "ok 3 - Esc cancels a drag"

xdotool mousemove --window "$window" "$gx" "$gy"
sleep 0.3
xdotool mousedown 1
sleep 0.1
for i in $(seq 16); do
  xdotool mousemove --window "$window" $((gx + (tx - gx) * i / 16)) $((gy + (ty - gy) * i / 16))
  sleep 0.04
done
sleep 0.5
xdotool mouseup 1
sleep 1
echo "ok 4 - the bar was dragged"

# Save, and read the pin back.
xdotool key --window "$window" ctrl+s
saved=""
for _ in $(seq 50); do
  if python3 -c "import json,sys; sys.exit(0 if json.load(open('$tmp/plan.takt'))['pins'] else 1)" 2> /dev/null; then
    saved=yes
    break
  fi
  sleep 0.2
done
[ -n "$saved" ] || fail 5 "the saved plan has the pin"

if python3 - "$tmp/plan.takt" "$((machine + 1))" "$expected" "$snap" "$station" <<'EOF'
import json, sys, datetime
plan = json.load(open(sys.argv[1]))
machine, expected, snap = int(sys.argv[2]), datetime.datetime.fromisoformat(sys.argv[3]), int(sys.argv[4])
station = sys.argv[5]
pins = plan["pins"]
print("# saved pins: %s" % json.dumps(pins))
assert len(pins) == 1, "one pin"
pin = pins[0]
assert pin["station"] == station, "on %s" % station
assert pin["machine"] == machine, "machine %d, not %d" % (pin["machine"], machine)
start = datetime.datetime.fromisoformat(pin["start"])
off = abs((start - expected).total_seconds())
assert off <= snap, "starts %s, %d s from %s" % (start, off, expected)
assert (start.hour * 3600 + start.minute * 60 + start.second) % snap == 0, "on the snap grid"
EOF
then
  echo "ok 5 - the saved pin is on the machine below, where the pointer let go"
else
  fail 5 "the saved pin is on the machine below, where the pointer let go"
fi
