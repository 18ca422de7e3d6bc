#!/bin/sh
# Copyright 2026 The Takt developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# appstreamcli validate --no-net on the built metainfo.  Errors and warnings
# fail (appstreamcli's own exit status); so does any hint, except that
# AppStream 0.16 (Debian 12) does not know the <developer> tag of AppStream 1.0.
#   validate-metainfo.sh FILE.metainfo.xml
set -u
file=$1
out=$(appstreamcli validate --no-net "$file" 2>&1)
status=$?
printf '%s\n' "$out" | sed 's/^/# /'
if [ "$status" -ne 0 ]; then
  echo "appstreamcli validate failed with status $status" >&2
  exit 1
fi
hints=$(printf '%s\n' "$out" | grep -E '^[EWI]: ' | grep -v -E '^I: [^ ]+ unknown-tag developer$')
if [ -n "$hints" ]; then
  echo "appstreamcli reported:" >&2
  printf '%s\n' "$hints" >&2
  exit 1
fi
exit 0
