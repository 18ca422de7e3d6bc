#!/usr/bin/python3
# Copyright 2026 The Takt developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every screenshot the metainfo names is a PNG in data/screenshots/ (the
# URLs point at that folder in the repository).  Skipped until the folder
# exists.
#   check-screenshots.py SOURCE_ROOT APP_ID

import os
import re
import sys

PREFIX = "https://raw.githubusercontent.com/taktplanner/takt/main/"


def main():
    src, app_id = sys.argv[1], sys.argv[2]
    with open(os.path.join(src, "data", app_id + ".metainfo.xml.in.in"), encoding="utf-8") as f:
        urls = re.findall(r"<image>([^<]+)</image>", f.read())
    problems = []
    if not urls:
        problems.append("the metainfo names no screenshot")
    if not os.path.isdir(os.path.join(src, "data", "screenshots")):
        print("# data/screenshots/ is not there yet")
        return 77
    for url in urls:
        if not url.startswith(PREFIX + "data/screenshots/"):
            problems.append("%s is not in data/screenshots/ of the repository" % url)
            continue
        path = os.path.join(src, *url[len(PREFIX):].split("/"))
        if not os.path.isfile(path):
            problems.append("%s is missing" % os.path.relpath(path, src))
            continue
        with open(path, "rb") as f:
            if f.read(8) != b"\x89PNG\r\n\x1a\n":
                problems.append("%s is not a PNG" % os.path.relpath(path, src))
        print("# found %s" % os.path.relpath(path, src))
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
