#!/usr/bin/python3
# Copyright 2026 The Takt developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The app icon is a 128x128 SVG; the symbolic one a 16x16 SVG drawn in the
# single colour #2e3436 that GTK recolours, with no strokes, text or images.
#   check-icons.py SOURCE_ROOT APP_ID

import os
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def size_of(root):
    return (root.get("width"), root.get("height"), root.get("viewBox"))


def main():
    src, app_id = sys.argv[1], sys.argv[2]
    problems = []
    icons = os.path.join(src, "data", "icons", "hicolor")

    app = ET.parse(os.path.join(icons, "scalable", "apps", app_id + ".svg")).getroot()
    if size_of(app) != ("128", "128", "0 0 128 128"):
        problems.append("the app icon is not 128x128: %s" % (size_of(app),))
    shapes = [e for e in app.iter() if e.tag in (SVG + "rect", SVG + "path", SVG + "ellipse",
                                                 SVG + "circle")]
    if len(shapes) < 5:
        problems.append("the app icon has only %d shapes" % len(shapes))

    sym = ET.parse(os.path.join(icons, "symbolic", "apps", app_id + "-symbolic.svg")).getroot()
    if size_of(sym) != ("16", "16", "0 0 16 16"):
        problems.append("the symbolic icon is not 16x16: %s" % (size_of(sym),))
    colours = set()
    for e in sym.iter():
        for attr in ("fill", "stroke", "style", "stop-color"):
            value = e.get(attr)
            if value:
                colours.update(c.lower() for c in re.findall(r"#[0-9a-fA-F]{3,6}", value))
        if e.get("stroke") not in (None, "none"):
            problems.append("the symbolic icon uses a stroke")
        if e.tag in (SVG + "text", SVG + "image"):
            problems.append("the symbolic icon holds a <%s>" % e.tag[len(SVG):])
    if colours != {"#2e3436"}:
        problems.append("the symbolic icon's colours are %s, not only #2e3436" % sorted(colours))

    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
