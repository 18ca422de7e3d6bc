#!/usr/bin/env python3
# check-write-paths.py — file names from the document never choose where files are written
#
# Copyright 2026 The Takt developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-write-paths.py SOURCE_ROOT
#
# A grep-level check of src/ (the runtime check is test-paths.c):
#  1. every call that writes, creates or names a file (the "sinks" below)
#     is found, and its path argument mentions no value of the document: a plan member (plan->…), an id, name, customer, product,
#     station or demand of a record, or the document's title;
#  2. every file that suggests a file name in a file chooser
#     (gtk_file_chooser_set_current_name) takes the folder separators out
#     of it with g_strdelimit (the user still confirms the name).
# Output is TAP.

import os
import re
import sys

# Calls that write, create or name a file, and which of their arguments
# is the path (None: every argument).
SINKS = {
    'g_file_set_contents': [0], 'g_file_set_contents_full': [0],
    'g_file_replace': [0], 'g_file_replace_async': [0], 'g_file_replace_contents': [0],
    'g_file_replace_contents_async': [0], 'g_file_replace_contents_bytes_async': [0],
    'g_file_replace_readwrite': [0], 'g_file_create': [0], 'g_file_create_async': [0],
    'g_file_new_for_path': [0], 'g_file_get_child': None, 'g_file_make_directory': [0],
    'g_file_make_directory_with_parents': [0], 'g_file_copy': [0, 1], 'g_file_move': [0, 1],
    'g_mkdir': [0], 'g_mkdir_with_parents': [0], 'g_creat': [0], 'g_open': [0], 'open': [0],
    'fopen': [0], 'g_fopen': [0], 'g_freopen': [0], 'g_rename': [0, 1], 'rename': [0, 1],
    'g_key_file_save_to_file': [1], 'takt_plan_save_to_file': [1],
    'takt_csv_export_to_file': [4], 'takt_csv_export_sibling_path': [0],
    'cairo_pdf_surface_create': [0], 'cairo_svg_surface_create': [0],
    'cairo_ps_surface_create': [0], 'cairo_surface_write_to_png': [1],
    'g_build_filename': None, 'g_build_path': None, 'gtk_file_chooser_set_current_name': [1],
}

# Values that come from the document.
DOCUMENT = re.compile(r'\bplan->|->(name|id|customer|product|station|demand|currency|color)\b'
                      r'|takt_document_get_title|\btitle\b')

# Hits that were reviewed: (file, sink, reason).  Empty today.
REVIEWED = []

sink_call = re.compile(r'\b(' + '|'.join(sorted(SINKS, key=len, reverse=True)) + r')\s*\(')


def strip_comments(text):
    text = re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n'), text, flags=re.S)
    return re.sub(r'//[^\n]*', '', text)


def arguments(text, start):
    """The text between the parenthesis at @start and its partner."""
    depth = 0
    in_str = None
    i = start
    while i < len(text):
        c = text[i]
        if in_str:
            if c == '\\':
                i += 2
                continue
            if c == in_str:
                in_str = None
        elif c in '"\'':
            in_str = c
        elif c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
            if depth == 0:
                return text[start + 1:i]
        i += 1
    return text[start + 1:]


def split_arguments(args):
    """@args split at the commas outside parentheses and strings."""
    parts, depth, in_str, cur, i = [], 0, None, '', 0
    while i < len(args):
        c = args[i]
        if in_str:
            if c == '\\':
                cur += args[i:i + 2]
                i += 2
                continue
            if c == in_str:
                in_str = None
        elif c in '"\'':
            in_str = c
        elif c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
        elif c == ',' and depth == 0:
            parts.append(cur)
            cur = ''
            i += 1
            continue
        cur += c
        i += 1
    parts.append(cur)
    return parts


def main():
    root = sys.argv[1]
    src = os.path.join(root, 'src')
    results = []   # (ok, description, diagnostics)
    sites = 0
    choosers = []

    for folder, _, files in sorted(os.walk(src)):
        for name in sorted(files):
            if not name.endswith('.c'):
                continue
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            with open(path, encoding='utf-8') as f:
                text = strip_comments(f.read())
            for m in sink_call.finditer(text):
                # A definition or declaration of a sink is not a call.
                before = text[max(0, m.start() - 40):m.start()]
                if re.search(r'(gboolean|char\s*\*|void|int)\s*$', before):
                    continue
                sites += 1
                args = arguments(text, m.end() - 1)
                line = text.count('\n', 0, m.start()) + 1
                parts = split_arguments(args)
                wanted = SINKS[m.group(1)]
                paths = ' , '.join(parts if wanted is None else
                                   [parts[k] for k in wanted if k < len(parts)])
                hit = DOCUMENT.search(paths)
                if hit and not any(r[0] == rel and r[1] == m.group(1) for r in REVIEWED):
                    results.append((False, '%s:%d: the path given to %s uses a value of the document (%s)'
                                    % (rel, line, m.group(1), hit.group(0)),
                                    ' '.join(paths.split())))
                if m.group(1) == 'gtk_file_chooser_set_current_name':
                    choosers.append((rel, line, text))

    results.insert(0, (sites > 0, 'found %d calls that write or name files in src/' % sites, ''))
    if not any(not ok for ok, _, _ in results[1:]):
        results.append((True, 'no call that writes or names a file takes a value of the document', ''))

    for rel, line, text in choosers:
        ok = re.search(r'g_strdelimit\s*\([^;]*"[^"]*/[^"]*"', text) is not None
        results.append((ok, '%s:%d: the suggested file name has its folder separators replaced'
                        % (rel, line), ''))

    print('1..%d' % len(results))
    for n, (ok, description, diagnostics) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', n, description))
        if diagnostics:
            print('# ' + diagnostics)
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
