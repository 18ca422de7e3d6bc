#!/usr/bin/python3
# Copyright 2026 The Takt developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# po/POTFILES.in must list every file under src/ with a translatable string
# (a gettext call such as _("…") or N_("…"), or translatable="yes" in a .ui
# file), and every file it lists must exist.
#   check-potfiles.py SOURCE_ROOT

import os
import re
import sys

TRANSLATABLE = re.compile(
    r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_)\s*\(|\bg_dn?gettext\s*\(|\bngettext\s*\(|translatable="yes"')
SCANNED = (".c", ".h", ".ui", ".blp", ".in", ".xml", ".js", ".py")


def main():
    root = sys.argv[1]
    listed = []
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                listed.append(line)

    problems = []
    seen = set()
    for path in listed:
        if path in seen:
            problems.append("po/POTFILES.in lists %s twice" % path)
        seen.add(path)
        if not os.path.isfile(os.path.join(root, path)):
            problems.append("po/POTFILES.in lists %s, which does not exist" % path)

    found = 0
    for folder, dirs, files in os.walk(os.path.join(root, "src")):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(SCANNED):
                continue
            full = os.path.join(folder, name)
            rel = os.path.relpath(full, root).replace(os.sep, "/")
            with open(full, encoding="utf-8", errors="replace") as f:
                text = f.read()
            if TRANSLATABLE.search(text):
                found += 1
                if rel not in seen:
                    problems.append("%s has translatable strings but is missing from po/POTFILES.in"
                                    % rel)

    print("# %d files listed, %d files under src/ with translatable strings" % (len(listed), found))
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
