#!/usr/bin/env python3
# check-schema.py — the JSON Schema of the plan format agrees with the loader
#
# Copyright 2026 The Takt developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-schema.py SCHEMA PLAN-RESAVE EXAMPLES-DIR TEST-DATA-DIR
#
# Every *.takt under EXAMPLES-DIR (when it exists) and TEST-DATA-DIR must
# validate against SCHEMA, load in Takt (PLAN-RESAVE), and Takt's output
# must validate too and save to the same bytes again.  Documents that break
# a rule the schema can express must be refused by the schema.

import copy
import glob
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

failures = []


def fail(message):
    failures.append(message)
    print('FAIL: ' + message, file=sys.stderr)


def resave(tool, path):
    run = subprocess.run([tool, path], capture_output=True)
    if run.returncode != 0:
        fail('%s: Takt refuses it: %s' % (path, run.stderr.decode(errors='replace').strip()))
        return None
    return run.stdout


def errors_of(validator, document):
    return sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))


def main():
    schema_path, tool, examples_dir, data_dir = sys.argv[1:5]
    with open(schema_path, encoding='utf-8') as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)

    paths = sorted(glob.glob(os.path.join(examples_dir, '*.takt')))
    print('%d example plan(s) in %s' % (len(paths), examples_dir))
    paths += sorted(glob.glob(os.path.join(data_dir, '*.takt')))
    if len(paths) < 2:
        fail('no documents to validate')

    with tempfile.TemporaryDirectory() as tmp:
        for path in paths:
            with open(path, encoding='utf-8') as f:
                document = json.load(f)
            for e in errors_of(validator, document):
                fail('%s: %s: %s' % (path, '/'.join(map(str, e.absolute_path)), e.message))
            out = resave(tool, path)
            if out is None:
                continue
            saved = json.loads(out.decode('utf-8'))
            for e in errors_of(validator, saved):
                fail('%s (as Takt saves it): %s: %s' % (path, '/'.join(map(str, e.absolute_path)), e.message))
            again_path = os.path.join(tmp, 'again.takt')
            with open(again_path, 'wb') as f:
                f.write(out)
            again = resave(tool, again_path)
            if again is not None and again != out:
                fail('%s: a second save gives different bytes' % path)
            print('ok: %s' % path)

    # The schema is not empty: it refuses what it can see is wrong.
    with open(os.path.join(data_dir, 'minimal.takt'), encoding='utf-8') as f:
        minimal = json.load(f)

    def broken(change):
        d = copy.deepcopy(minimal)
        change(d)
        return d

    cases = {
        'wrong format': lambda d: d.update(format='takt'),
        'newer version': lambda d: d.update(version=2),
        'no stations': lambda d: d.update(stations=[]),
        'zero cycle': lambda d: d['products'][0]['routing'][0].update(cycle_s=0),
        'half unit': lambda d: d.update(orders=[{'id': 'o', 'product': 'p', 'quantity': 1.5,
                                                 'due': '2026-12-02T00:00'}]),
        'bad date-time': lambda d: d['horizon'].update(start='2026-12-01 00:00'),
        'bad colour': lambda d: d['stations'][0].update(color='blue'),
        'unknown channel': lambda d: d.update(campaigns=[{'id': 'c', 'start': '2026-12-01',
                                                          'end': '2026-12-01', 'channel': 'tv',
                                                          'products': [{'product': 'p'}]}]),
        '24:00 as a start': lambda d: d.update(calendar={'week': {'mon': [['24:00', '24:00']]}}),
        'unknown weekday': lambda d: d.update(calendar={'week': {'monday': []}}),
        'negative seed': lambda d: d.update(settings={'seed': -1}),
        'missing horizon': lambda d: d.pop('horizon'),
    }
    for name, change in cases.items():
        if not errors_of(validator, broken(change)):
            fail('the schema accepts a document with this problem: %s' % name)
        else:
            print('ok: the schema refuses: %s' % name)

    if failures:
        print('%d failure(s)' % len(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
