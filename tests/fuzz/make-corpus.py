#!/usr/bin/env python3
# make-corpus.py — writes the seed corpus of the fuzz targets
#
# Copyright 2026 The Takt developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   tests/fuzz/make-corpus.py     (from the source root)
#
# The seeds are small, valid (or nearly valid) inputs that reach the
# interesting parts of each target quickly; libFuzzer mutates them.  The
# script rewrites corpus/<target>/seed-* only; files libFuzzer added and
# kept are left alone.

import copy
import json
import os
import sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
out = os.path.join(root, 'tests', 'fuzz', 'corpus')


def write(target, name, data):
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode('utf-8')
    with open(os.path.join(folder, 'seed-' + name), 'wb') as f:
        f.write(data)


def doc(d):
    return json.dumps(d, indent=2, ensure_ascii=False) + '\n'


def read(*parts):
    with open(os.path.join(root, *parts), encoding='utf-8') as f:
        return f.read()


sample_text = read('data', 'examples', 'print-farm.takt')
sample = json.loads(sample_text)

minimal = {
    'format': 'takt-plan', 'version': 1,
    'horizon': {'start': '2026-12-01T00:00', 'days': 7},
    'stations': [{'id': 'm'}],
    'products': [{'id': 'p', 'routing': [{'station': 'm', 'cycle_s': 60}]}],
}

two_shifts = {'mon': [['06:00', '14:00'], ['14:00', '22:00']],
              'tue': [['06:00', '22:00']], 'wed': [['06:00', '22:00']],
              'thu': [['06:00', '22:00']], 'fri': [['06:00', '14:00']],
              'sat': [['08:00', '12:00']], 'sun': []}

small = {
    'format': 'takt-plan', 'version': 1, 'name': 'Small shop', 'currency': 'EUR',
    'horizon': {'start': '2026-12-01T00:00', 'days': 21},
    'calendar': {'week': two_shifts,
                 'exceptions': [{'date': '2026-12-08', 'shifts': []},
                                {'date': '2026-12-12', 'shifts': [['09:00', '11:30']]}]},
    'stations': [
        {'id': 'cut', 'machines': 2},
        {'id': 'weld', 'machines': 1, 'setup_note': 'x',
         'calendar': {'week': {'mon': [['08:00', '16:00']], 'wed': [['08:00', '16:00']],
                               'fri': [['08:00', '16:00']]}}},
        {'id': 'pack', 'machines': 1},
    ],
    'products': [
        {'id': 'a', 'name': 'Bracket', 'routing': [{'station': 'cut', 'cycle_s': 300, 'setup_s': 900},
                                                   {'station': 'weld', 'cycle_s': 600, 'setup_s': 300},
                                                   {'station': 'pack', 'cycle_s': 60}],
         'setup_cost': 40.0, 'holding_cost_per_day': 0.2, 'late_cost_per_day': 5.0,
         'initial_stock': 3, 'min_run': 5, 'max_run': 40},
        {'id': 'b', 'routing': [{'station': 'cut', 'cycle_s': 120},
                                {'station': 'pack', 'cycle_s': 45, 'setup_s': 120}],
         'setup_cost': 10.0, 'holding_cost_per_day': 0.05, 'late_cost_per_day': 1.0},
    ],
    'orders': [
        {'id': 'SO-1', 'product': 'a', 'quantity': 12, 'due': '2026-12-04T12:00', 'customer': 'Acme'},
        {'id': 'SO-2', 'product': 'b', 'quantity': 30, 'due': '2026-12-03T08:00'},
        {'id': 'SO-3', 'product': 'a', 'quantity': 8, 'due': '2026-11-28T08:00'},
        {'id': 'SO-4', 'product': 'b', 'quantity': 20, 'due': '2026-12-15T16:00'},
    ],
    'forecast': [{'product': 'b', 'date': '2026-12-10', 'quantity': 15},
                 {'product': 'a', 'date': '2026-12-11', 'quantity': 4}],
    'campaigns': [{'id': 'news', 'name': 'Newsletter', 'channel': 'email',
                   'start': '2026-12-02', 'end': '2026-12-06', 'spend': 100.0,
                   'impressions': 10000, 'conversion_per_mille': 3.0, 'lag_days': 2,
                   'shape': 'launch', 'products': [{'product': 'a', 'share': 2}, {'product': 'b'}]}],
    'pins': [{'product': 'b', 'quantity': 10, 'station': 'cut', 'machine': 2,
              'start': '2026-12-02T06:00'}],
    'settings': {'strategy': 'jit', 'time_limit_ms': 0, 'seed': 7},
}


def trimmed_sample():
    d = copy.deepcopy(sample)
    for s in d['stations']:
        s['machines'] = min(s['machines'], 3)
    d['products'] = d['products'][:6]
    keep = {p['id'] for p in d['products']}
    d['orders'] = [o for o in d['orders'] if o['product'] in keep][:24]
    d['forecast'] = [f for f in d['forecast'] if f['product'] in keep][:12]
    camps = []
    for c in d['campaigns']:
        c['products'] = [p for p in c['products'] if p['product'] in keep]
        if c['products']:
            camps.append(c)
    d['campaigns'] = camps[:2]
    d['name'] = 'Print farm (trimmed for fuzzing)'
    return d


def variant(**changes):
    d = copy.deepcopy(small)
    for k, v in changes.items():
        if v is None:
            d.pop(k, None)
        else:
            d[k] = v
    return d


# ---- plan-load: anything the loader reads, valid or broken ----
write('plan-load', 'sample.takt', sample_text)
write('plan-load', 'minimal.takt', read('tests', 'core', 'data', 'minimal.takt'))
write('plan-load', 'full.takt', read('tests', 'core', 'data', 'full.takt'))
write('plan-load', 'small.takt', doc(small))
write('plan-load', 'bom.takt', b'\xef\xbb\xbf' + doc(minimal).encode())
write('plan-load', 'syntax.takt', '{ "format": "takt-plan", "version": 1, }\n')
write('plan-load', 'nested.takt', '{"x":' + '[' * 70 + ']' * 70 + '}\n')
write('plan-load', 'duplicate.takt', '{"format": "takt-plan", "format": "takt-plan"}\n')
write('plan-load', 'strings.takt',
      doc(dict(minimal, name='tab\t"quote" \\ \u00e9 \U0001F600 \u2028 \x7f end')))
write('plan-load', 'numbers.takt',
      '{"format": "takt-plan", "version": 1.0, "horizon": {"start": "2026-12-01T00:00:00", "days": 7e0},'
      ' "stations": [{"id": "m", "machines": 1e4}], "products": [{"id": "p", "routing": [{"station": "m",'
      ' "cycle_s": 99999999999999999999}]}], "orders": [{"id": "o", "product": "p", "quantity": 1.5,'
      ' "due": "2026-02-29T24:00"}], "settings": {"seed": 18446744073709551615}}\n')

# ---- planner: small valid plans that reach its branches ----
write('planner', 'sample-trimmed.takt', doc(trimmed_sample()))
write('planner', 'minimal.takt', doc(dict(minimal, orders=[
    {'id': 'o', 'product': 'p', 'quantity': 3, 'due': '2026-12-02T00:00'}])))
write('planner', 'small.takt', doc(small))
write('planner', 'level.takt', doc(variant(settings={'strategy': 'level', 'time_limit_ms': 0, 'seed': 1})))
write('planner', 'asap.takt', doc(variant(settings={'strategy': 'asap', 'time_limit_ms': 0, 'seed': 2})))
write('planner', 'no-working-time.takt', doc(variant(calendar={'week': {}})))
write('planner', 'loop-routing.takt', doc(variant(products=[
    {'id': 'a', 'routing': [{'station': 'cut', 'cycle_s': 300, 'setup_s': 60},
                            {'station': 'cut', 'cycle_s': 200},
                            {'station': 'cut', 'cycle_s': 100, 'setup_s': 30}]},
    {'id': 'b', 'routing': [{'station': 'cut', 'cycle_s': 45}, {'station': 'pack', 'cycle_s': 45}]}])))
write('planner', 'clashing-pins.takt', doc(variant(pins=[
    {'product': 'b', 'quantity': 10, 'station': 'cut', 'machine': 1, 'start': '2026-12-02T06:00'},
    {'product': 'a', 'quantity': 5, 'station': 'cut', 'machine': 1, 'start': '2026-12-02T06:30'},
    {'product': 'b', 'quantity': 4, 'station': 'cut', 'machine': 2, 'start': '2026-11-20T06:00'}])))
write('planner', 'dead-station.takt', doc(variant(stations=[
    {'id': 'cut', 'machines': 2},
    {'id': 'weld', 'calendar': {'week': {}, 'exceptions': [{'date': '2026-12-03', 'shifts': []}]}},
    {'id': 'pack'}])))

# ---- csv-import: a flag byte, then the file (see fuzz-csv-import.c) ----
def csv(flags, text, encoding='utf-8'):
    return bytes([flags]) + (text.encode(encoding) if isinstance(text, str) else text)


write('csv-import', 'orders.csv', csv(0,
      'id,product,quantity,due,customer\r\n'
      'SO-7,vase,4,2026-12-04,Shop A\r\n'
      'SO-8,Desk lamp,2,2026-12-05T14:30,"Smith, J."\r\n'
      'SO-9,lamp,ten,2026-12-06,\r\n'))
write('csv-import', 'orders-de.csv', csv(0,
      'Auftrag;Artikel;Menge;Liefertermin;Kunde\n'
      'A-1;vase;3;04.12.2026;Müller GmbH\n'
      'A-2;VASE;1;05.12.2026 08:00;"Mehr; Zeilen\nim Feld"\n'))
write('csv-import', 'orders-us.csv', csv(2,
      'Order No,SKU,Qty,Ship Date\n1001,vase,5,12/04/2026\n1002,lamp,1,1/5/2026\n'))
write('csv-import', 'orders-new-products.csv', csv(4,
      'order,item,units,date\nX-1,widget,7,2026-12-09\nX-2,Widget,2,2026-12-10\n'))
write('csv-import', 'orders-cp1252.csv', csv(0,
      'id,product,quantity,due,customer\nSO-20,vase,1,2026-12-04,Café Börse\n', 'cp1252'))
write('csv-import', 'orders-utf16.csv', csv(0,
      b'\xff\xfe' + 'id,product,quantity,due\nSO-30,lamp,2,2026-12-04\n'.encode('utf-16-le')))
write('csv-import', 'orders-formulas.csv', csv(0,
      'id,product,quantity,due,customer\n=1+1,vase,1,2026-12-04,"=HYPERLINK(""x"")"\n'
      '@SUM,lamp,2,2026-12-05,+49 30\n-3,vase,3,2026-12-06,\t=cmd\n'))
write('csv-import', 'forecast.csv', csv(1,
      'product,date,quantity\nvase,2026-12-08,10\nlamp,2026-12-07,3\nvase,2026-12-08,1\n'))
write('csv-import', 'forecast-noheader.csv', csv(33,
      'vase;08.12.2026;10\r\nlamp;09.12.2026;4\r\n'))
write('csv-import', 'broken-quotes.csv', csv(64, 'a;"b""c";"d\ne"x\n'))
