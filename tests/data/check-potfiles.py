#!/usr/bin/python3
# Copyright 2026 The Takt developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# po/POTFILES.in must list every file under src/ with a translatable string
# (a gettext call such as _("…") or N_("…"), or translatable="yes" in a .ui
# file), and every file it lists must exist.
#
# And no message given to a gettext call in src/ is glued together from
# string literals and a macro such as G_GINT64_FORMAT or G_GSIZE_FORMAT:
# xgettext cannot expand those, so it cuts the message at the macro and the
# string stays untranslated.  (Of such macros xgettext knows only
# <inttypes.h>'s PRId64 and its kin; "%lld" with a (long long) cast is
# plainer.)
#   check-potfiles.py SOURCE_ROOT

import os
import re
import sys

TRANSLATABLE = re.compile(
    r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_)\s*\(|\bg_dn?gettext\s*\(|\bngettext\s*\(|translatable="yes"')
SCANNED = (".c", ".h", ".ui", ".blp", ".in", ".xml", ".js", ".py")

# The calls whose string arguments are messages: the keywords of meson's
# 'glib' preset and the plain gettext family.
GETTEXT_CALLS = {
    "_", "N_", "C_", "NC_", "Q_", "g_dgettext", "g_dcgettext", "g_dngettext", "g_dpgettext",
    "g_dpgettext2", "gettext", "dgettext", "dcgettext", "ngettext", "dngettext", "dcngettext",
}
# The <inttypes.h> macros xgettext expands itself.
XGETTEXT_KNOWN_MACRO = re.compile(
    r"PRI[diouxX](?:8|16|32|64|LEAST(?:8|16|32|64)|FAST(?:8|16|32|64)|MAX|PTR)$")
# String literal prefixes are not macros.
LITERAL_PREFIXES = {"u8", "u", "U", "L"}
TOKEN = re.compile(r"""
    (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<string>"(?:[^"\\\n]|\\.)*")
  | (?P<char>'(?:[^'\\\n]|\\.)*')
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<open>[(\[{])
  | (?P<close>[)\]}])
  | (?P<comma>,)
  | (?P<other>\S)
""", re.S | re.X)


def call_arguments(tokens, i):
    """The arguments of the call whose opening parenthesis is tokens[i], as
    lists of (kind, value), split at the commas of the call's own level."""
    depth = 0
    argument = []
    arguments = []
    for kind, value, _ in tokens[i:]:
        if kind == "open":
            depth += 1
            if depth == 1:
                continue
        elif kind == "close":
            depth -= 1
            if depth == 0:
                arguments.append(argument)
                break
        elif kind == "comma" and depth == 1:
            arguments.append(argument)
            argument = []
            continue
        argument.append((kind, value))
    return arguments


def glued_messages(text):
    """(line, call, macro) for every gettext call in the C source @text with
    a message argument that joins string literals with an identifier
    xgettext cannot expand."""
    tokens = [(m.lastgroup, m.group(), m.start()) for m in TOKEN.finditer(text)
              if m.lastgroup != "comment"]
    found = []
    for i, (kind, value, start) in enumerate(tokens):
        if kind != "ident" or value not in GETTEXT_CALLS:
            continue
        if i + 1 >= len(tokens) or tokens[i + 1][1] != "(":
            continue
        if i > 0 and tokens[i - 1][1] == "define":
            continue
        macros = [v for argument in call_arguments(tokens, i + 1)
                  if any(k == "string" for k, _ in argument)
                  for k, v in argument
                  if k == "ident" and v not in LITERAL_PREFIXES and not XGETTEXT_KNOWN_MACRO.match(v)]
        if macros:
            found.append((text.count("\n", 0, start) + 1, value, macros[0]))
    return found


def check_scanner():
    """The scanner finds what it must and nothing else, so that a broken
    scanner cannot pass the sources silently."""
    bad = (
        'x = _("%" G_GINT64_FORMAT " unmet");\n'
        'y = g_dngettext (GETTEXT_PACKAGE, "%" G_GSIZE_FORMAT " file",\n'
        '                 "%" G_GSIZE_FORMAT " files", (gulong) n);\n'
        'z = N_("a " /* comment ) */ SOME_MACRO " b");\n'
    )
    good = (
        'x = _("%lld unmet");\n'
        'y = g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files", (gulong) n);\n'
        'z = g_strdup_printf ("%" G_GINT64_FORMAT, n);  /* not a message: _("%" G_X) */\n'
        'w = _("%" PRId64 " units");\n'
        'v = C_("context, with (parens)", "text");\n'
        "c = _(\"it's\") [0] == '\"';\n"
    )
    problems = []
    hits = [(line, macro) for line, _, macro in glued_messages(bad)]
    if hits != [(1, "G_GINT64_FORMAT"), (2, "G_GSIZE_FORMAT"), (4, "SOME_MACRO")]:
        problems.append("the scanner for glued messages misreads its bad example: %r" % (hits,))
    hits = glued_messages(good)
    if hits:
        problems.append("the scanner for glued messages flags its good example: %r" % (hits,))
    return problems


def main():
    root = sys.argv[1]
    listed = []
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                listed.append(line)

    problems = check_scanner()
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
            if name.endswith((".c", ".h")):
                for line, call, macro in glued_messages(text):
                    problems.append("%s:%d: the message of %s () is glued together with %s, where "
                                    "xgettext cuts it off; write %%lld with a (long long) cast"
                                    % (rel, line, call, macro))
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
