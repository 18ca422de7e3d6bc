#!/usr/bin/env bash
# Copyright 2026 The Takt developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Takes the screenshots the README and the metainfo show: each page of the
# window on the bundled sample plan, in the light and the dark style, at
# 1200×800, under Xvfb.  Needs xvfb-run, xdotool and ImageMagick's import.
#
#   data/screenshots/take-screenshots.sh [BUILDDIR]      (default: _build)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
builddir=$(cd "$root" && realpath "${1:-_build}")
out="$root/data/screenshots"
takt="$builddir/src/app/takt"
[ -x "$takt" ] || { echo "No $takt: build first" >&2; exit 1; }

if [ -z "${TAKT_SCREENSHOT_XVFB:-}" ]; then
  export TAKT_SCREENSHOT_XVFB=1
  exec xvfb-run -a -s '-screen 0 1280x900x24' dbus-run-session -- "$0" "$builddir"
fi

state=$(mktemp -d)
trap 'rm -rf "$state" 2>/dev/null || true' EXIT
export GSETTINGS_SCHEMA_DIR="$builddir/data" GSETTINGS_BACKEND=memory
export XDG_STATE_HOME="$state/state" XDG_DATA_HOME="$state/data" XDG_CONFIG_HOME="$state/config"
export NO_AT_BRIDGE=1 LC_ALL=C.UTF-8 LANGUAGE=

pages=(schedule campaigns demand products stations costs)
# The middle of each page's button in the header bar of a 1200 px window.
switcher_x=(150 282 418 552 686 816)
for style in light dark; do
  if [ "$style" = dark ]; then
    export ADW_DEBUG_COLOR_SCHEME=prefer-dark
  else
    export ADW_DEBUG_COLOR_SCHEME=prefer-light
  fi
  "$takt" > "$state/takt-$style.log" 2>&1 &
  pid=$!
  window=""
  for _ in $(seq 50); do
    window=$(xdotool search --name "Print farm" 2>/dev/null | head -1 || true)
    [ -n "$window" ] && break
    sleep 0.2
  done
  [ -n "$window" ] || { echo "Takt did not show a window" >&2; cat "$state/takt-$style.log" >&2; kill "$pid"; exit 1; }
  # Let the first plan and the search after it arrive.
  sleep 4
  for i in "${!pages[@]}"; do
    # A click on the page's button in the view switcher (a key would leave
    # a focus ring in the picture); then the pointer moves out of the way.
    xdotool mousemove --window "$window" "${switcher_x[$i]}" 26 click 1
    sleep 1.5
    xdotool mousemove 1270 890
    sleep 0.5
    import -window "$window" "$out/${pages[$i]}-$style.png"
    echo "wrote data/screenshots/${pages[$i]}-$style.png"
  done
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done
