#!/bin/sh
# Copyright 2026 The Takt developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build into a temporary DESTDIR and checks that it holds what
# Flatpak exports from /app.
#   check-install-layout.sh BUILDDIR APP_ID BINDIR DATADIR LOCALEDIR GUI
# GUI is "true" or "false" (-Dgui): without the app there is no bin/takt.
set -u
builddir=$1
app_id=$2
bindir=$3
datadir=$4
localedir=$5
gui=$6

destdir=$(mktemp -d "${TMPDIR:-/tmp}/takt-install.XXXXXX") || exit 1
trap 'rm -rf "$destdir"' EXIT

if ! meson install -C "$builddir" --destdir "$destdir" --no-rebuild --quiet >"$destdir.log" 2>&1; then
  cat "$destdir.log" >&2
  rm -f "$destdir.log"
  echo "meson install failed" >&2
  exit 1
fi
rm -f "$destdir.log"

missing=0
gui_files=
if [ "$gui" = true ]; then
  gui_files="$bindir/takt"
fi
for path in \
  $gui_files \
  "$bindir/takt-cli" \
  "$datadir/applications/$app_id.desktop" \
  "$datadir/metainfo/$app_id.metainfo.xml" \
  "$datadir/icons/hicolor/scalable/apps/$app_id.svg" \
  "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
  "$datadir/glib-2.0/schemas/$app_id.gschema.xml" \
  "$datadir/mime/packages/$app_id.xml" \
  "$localedir/de/LC_MESSAGES/takt.mo"
do
  if [ -f "$destdir$path" ]; then
    echo "# found $path"
  else
    echo "missing: $path" >&2
    missing=1
  fi
done
for exe in "$bindir/takt" "$bindir/takt-cli"; do
  if [ -f "$destdir$exe" ] && [ ! -x "$destdir$exe" ]; then
    echo "not executable: $exe" >&2
    missing=1
  fi
done
exit $missing
