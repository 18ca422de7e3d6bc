#!/bin/sh
# Copyright 2026 The Takt developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# flatpak-builder must accept the manifest without a single warning (an
# unknown or misspelt property is only a warning to it).
#   check-flatpak-manifest.sh MANIFEST.json
set -u
manifest=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
# flatpak-builder leaves its state folder in the current one: use a scratch one.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/takt-flatpak.XXXXXX") || exit 1
trap 'rm -rf "$scratch"' EXIT
out=$(cd "$scratch" && flatpak-builder --show-manifest "$manifest" 2>&1)
status=$?
if [ "$status" -ne 0 ]; then
  printf '%s\n' "$out" >&2
  echo "flatpak-builder --show-manifest failed with status $status" >&2
  exit 1
fi
if printf '%s\n' "$out" | grep -q 'WARNING'; then
  printf '%s\n' "$out" | grep 'WARNING' >&2
  exit 1
fi
# The manifest must name the command the build installs.
if ! printf '%s\n' "$out" | grep -q '"command" : "takt"'; then
  echo "the manifest does not run takt" >&2
  exit 1
fi
exit 0
