#!/usr/bin/python3
# Copyright 2026 The Takt developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The German translation is complete: every string xgettext finds in the
# files po/POTFILES.in lists (with the keywords and flags of meson's 'glib'
# preset, as the takt-pot target runs it) has a translation in po/de.po that
# is neither empty nor fuzzy, in every plural form, and msgfmt accepts the
# file with its format checks.
#   check-translation.py SOURCE_ROOT [LANGUAGE]
# Exits 77 (skipped) when xgettext or msgfmt is not installed.

import os
import shutil
import subprocess
import sys
import tempfile

# The same arguments as i18n.gettext (preset: 'glib') in meson 1.0.
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format",
    "--flag=NC_:2:pass-c-format", "--flag=g_dngettext:2:pass-c-format",
    "--flag=g_strdup_printf:1:c-format", "--flag=g_string_printf:2:c-format",
    "--flag=g_string_append_printf:2:c-format", "--flag=g_error_new:3:c-format",
    "--flag=g_set_error:4:c-format", "--flag=g_markup_printf_escaped:1:c-format",
    "--flag=g_log:3:c-format", "--flag=g_print:1:c-format",
    "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format",
    "--flag=g_snprintf:3:c-format",
]

ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def unescape(text):
    out = []
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append(ESCAPES.get(text[i + 1], "\\" + text[i + 1]))
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def read_po(path):
    """The entries of a PO file as dicts: msgctxt, msgid, msgid_plural,
    msgstr (a dict of plural index to text), fuzzy, obsolete."""
    entries = []
    entry = None
    field = None

    def finish():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                finish()
                entry = None
                continue
            if entry is None:
                entry = {"msgstr": {}, "fuzzy": False, "obsolete": False}
            if line.startswith("#~"):
                entry["obsolete"] = True
                line = line[2:].strip()
                if not line:
                    continue
            if line.startswith("#,"):
                if "fuzzy" in [flag.strip() for flag in line[2:].split(",")]:
                    entry["fuzzy"] = True
                continue
            if line.startswith("#"):
                continue
            if line.startswith('"'):
                value = unescape(line[1:-1])
                if isinstance(field, int):
                    entry["msgstr"][field] += value
                else:
                    entry[field] += value
                continue
            keyword, _, rest = line.partition(" ")
            rest = rest.strip()
            if not (rest.startswith('"') and rest.endswith('"')):
                raise SystemExit("%s:%d: cannot read %r" % (path, number, line))
            value = unescape(rest[1:-1])
            if keyword.startswith("msgstr"):
                field = int(keyword[7:-1]) if keyword.startswith("msgstr[") else 0
                entry["msgstr"][field] = value
            elif keyword in ("msgctxt", "msgid", "msgid_plural"):
                field = keyword
                entry[keyword] = value
            else:
                raise SystemExit("%s:%d: unknown keyword %r" % (path, number, keyword))
    finish()
    return entries


def describe(entry):
    text = entry["msgid"].replace("\n", "\\n")
    if len(text) > 70:
        text = text[:67] + "..."
    if entry.get("msgctxt") is not None:
        return "[%s] \"%s\"" % (entry["msgctxt"], text)
    return "\"%s\"" % text


def main():
    root = sys.argv[1]
    language = sys.argv[2] if len(sys.argv) > 2 else "de"
    xgettext = shutil.which("xgettext")
    msgfmt = shutil.which("msgfmt")
    if xgettext is None or msgfmt is None:
        print("xgettext or msgfmt is not installed")
        return 77

    po_path = os.path.join(root, "po", language + ".po")
    problems = []

    check = subprocess.run([msgfmt, "-c", "--check-format", "-o", os.devnull, po_path],
                           capture_output=True, text=True)
    if check.returncode != 0:
        problems.append("msgfmt -c refuses po/%s.po:\n%s" % (language, check.stderr.rstrip()))

    with tempfile.TemporaryDirectory() as tmp:
        pot_path = os.path.join(tmp, "takt.pot")
        extract = subprocess.run(
            [xgettext, "--package-name=takt", "-D", root,
             "-f", os.path.join(root, "po", "POTFILES.in"), "-o", pot_path]
            + XGETTEXT_ARGS,
            capture_output=True, text=True)
        if extract.returncode != 0 or not os.path.exists(pot_path):
            print(extract.stderr)
            print("xgettext failed on po/POTFILES.in")
            return 1
        template = [e for e in read_po(pot_path) if e["msgid"] and not e["obsolete"]]

    translations = {}
    obsolete = 0
    for entry in read_po(po_path):
        if entry["obsolete"]:
            obsolete += 1
        elif entry["msgid"]:
            translations[(entry.get("msgctxt"), entry["msgid"])] = entry

    missing = []
    for entry in template:
        found = translations.get((entry.get("msgctxt"), entry["msgid"]))
        forms = 2 if entry.get("msgid_plural") is not None else 1
        if found is None:
            missing.append("not in po/%s.po: %s" % (language, describe(entry)))
        elif found["fuzzy"]:
            missing.append("fuzzy: %s" % describe(entry))
        elif (entry.get("msgid_plural") is not None) != (found.get("msgid_plural") is not None):
            missing.append("plural forms differ from the source: %s" % describe(entry))
        elif len(found["msgstr"]) < forms or not all(found["msgstr"].get(i) for i in range(forms)):
            missing.append("untranslated: %s" % describe(entry))

    print("%d strings in the sources, %d translated in po/%s.po, %d obsolete entries"
          % (len(template), len(template) - len(missing), language, obsolete))
    if missing:
        problems.append("%d strings lack a German translation (update po/%s.po with "
                        "meson compile takt-pot and msgmerge):\n  %s"
                        % (len(missing), language, "\n  ".join(missing)))
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
