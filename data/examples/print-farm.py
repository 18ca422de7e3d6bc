#!/usr/bin/env python3
# Copyright 2026 The Takt developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes print-farm.takt, the sample plan Takt opens on its first start: a
# small 3D-print farm in December 2026.  The output is committed; run this
# again after changing the figures below:
#
#   python3 data/examples/print-farm.py              # rewrites print-farm.takt
#   python3 data/examples/print-farm.py --check      # only prints the load figures
#   python3 data/examples/print-farm.py --out FILE   # writes FILE instead
#
# The figures are made up but meant to be believable:
# - six printers run unattended around the clock (their own calendar); the
#   people who remove supports, finish, check and pack work two shifts on
#   weekdays and a Saturday morning, with the Christmas holidays off;
# - every post-processing station has as many benches as there are printers,
#   because one-piece flow keeps a bench with its run while the printer feeds it;
# - the load on the printers (units x print time, against 6 x 24 h a day) is
#   kept near 70 % over the horizon and never above about 90 % of the printer
#   time available before any due date, so a good plan has no late order.

import datetime
import json
import os
import random
import sys

HORIZON_START = datetime.datetime(2026, 11, 30, 0, 0)
HORIZON_DAYS = 42
PRINTERS = 6

MINUTE = 60

SHIFTS = [["06:00", "14:00"], ["14:00", "22:00"]]
PLANT_CALENDAR = {
    "week": {
        "mon": SHIFTS, "tue": SHIFTS, "wed": SHIFTS, "thu": SHIFTS, "fri": SHIFTS,
        "sat": [["08:00", "12:00"]],
        "sun": [],
    },
    "exceptions": [
        {"date": "2026-12-24", "shifts": [["06:00", "12:00"]]},
        {"date": "2026-12-25", "shifts": []},
        {"date": "2026-12-26", "shifts": []},
        {"date": "2026-12-31", "shifts": [["06:00", "12:00"]]},
        {"date": "2027-01-01", "shifts": []},
    ],
}

ALL_DAY = [["00:00", "24:00"]]
PRINTER_CALENDAR = {
    "week": {day: ALL_DAY for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")},
    # Nobody is there to clear a build plate on Christmas Day and New Year's Day.
    "exceptions": [
        {"date": "2026-12-25", "shifts": []},
        {"date": "2027-01-01", "shifts": []},
    ],
}

STATIONS = [
    {"id": "print", "name": "Print farm", "machines": PRINTERS,
     "calendar": PRINTER_CALENDAR, "color": "#1c71d8"},
    {"id": "support", "name": "Support removal", "machines": 6, "color": "#c64600"},
    {"id": "finish", "name": "Finishing", "machines": 6, "color": "#813d9c"},
    {"id": "qc", "name": "Quality check", "machines": 6, "color": "#26a269"},
    {"id": "pack", "name": "Packing", "machines": 6, "color": "#865e3c"},
]


def step(station, cycle_min, setup_min):
    return {"station": station, "cycle_s": round(cycle_min * MINUTE),
            "setup_s": round(setup_min * MINUTE)}


# id, name, colour, routing, setup cost, holding/day, late/day, stock,
# min run, max run, unit cost, price
PRODUCTS = [
    ("vase", "Spiral vase", "#e66100",
     [step("print", 150, 15), step("finish", 4, 0), step("qc", 1.5, 0), step("pack", 3, 2)],
     12.0, 0.06, 3.0, 30, 1, 0, 4.8, 29.0),
    ("lamp", "Lamp shade", "#e5a50a",
     [step("print", 240, 20), step("support", 6, 0), step("finish", 8, 5),
      step("qc", 2, 0), step("pack", 4, 2)],
     15.0, 0.1, 5.0, 8, 1, 10, 9.5, 59.0),
    ("stand", "Phone stand", "#3584e4",
     [step("print", 75, 10), step("support", 3, 0), step("finish", 2, 0),
      step("qc", 1, 0), step("pack", 1.5, 2)],
     8.0, 0.02, 1.2, 16, 1, 0, 1.9, 14.9),
    ("planter", "Hex planter", "#2ec27e",
     [step("print", 180, 15), step("support", 4, 0), step("finish", 5, 0),
      step("qc", 2, 0), step("pack", 3, 2)],
     12.0, 0.07, 3.0, 0, 1, 0, 5.6, 34.0),
    ("cable", "Cable organiser", "#9141ac",
     [step("print", 60, 10), step("finish", 1.5, 0), step("qc", 1, 0), step("pack", 1, 2)],
     6.0, 0.01, 0.8, 0, 4, 0, 0.9, 9.9),
    ("tidy", "Desk tidy", "#986a44",
     [step("print", 210, 15), step("support", 5, 0), step("finish", 4, 0),
      step("qc", 2, 0), step("pack", 2, 2)],
     12.0, 0.06, 2.5, 0, 1, 0, 5.2, 32.0),
    ("bookend", "Bookend pair", "#5e5c64",
     [step("print", 120, 15), step("support", 3, 0), step("finish", 4, 0),
      step("qc", 2, 0), step("pack", 2.5, 2)],
     10.0, 0.05, 2.0, 0, 1, 0, 4.1, 27.0),
    ("coaster", "Coaster set (4)", "#c01c28",
     [step("print", 90, 10), step("finish", 2, 0), step("qc", 1, 0), step("pack", 1.5, 2)],
     8.0, 0.03, 1.5, 30, 1, 0, 2.4, 19.9),
]

# How many of the 60 orders are for each product (the best sellers first).
ORDER_MIX = {"vase": 11, "coaster": 9, "lamp": 8, "stand": 7, "planter": 7,
             "cable": 6, "tidy": 6, "bookend": 6}

# (customer, smallest, largest quantity)
CUSTOMERS = [
    ("Etsy", 2, 6), ("Etsy", 2, 6), ("Etsy", 2, 5), ("Etsy", 2, 8),
    ("Webshop", 2, 6), ("Webshop", 2, 8),
    ("Formwerk Berlin", 10, 24), ("Papierhaus Leipzig", 8, 20),
    ("Kontor 21 Hamburg", 10, 24), ("Studio Nord, Kiel", 8, 18),
    ("Maison Verte, Lyon", 10, 24), ("Design Store Lund", 8, 20),
    ("Greenhouse Café", 6, 12), ("Buchhandlung am Markt", 6, 16),
    ("Nordlicht Home (wholesale)", 20, 40), ("Casa Lumo (wholesale)", 20, 36),
]

WHOLESALE_ONLY_LATE = {"Nordlicht Home (wholesale)", "Casa Lumo (wholesale)"}

CAMPAIGNS = [
    {"id": "advent-mail", "name": "Advent newsletter", "channel": "email",
     "start": "2026-12-03", "end": "2026-12-05", "spend": 180.0,
     "impressions": 24000, "conversion_per_mille": 2.5, "lag_days": 1,
     "shape": "launch",
     "products": [{"product": "vase", "share": 0.5}, {"product": "coaster", "share": 0.3},
                  {"product": "lamp", "share": 0.2}]},
    {"id": "fair", "name": "Makers' trade fair, Leipzig", "channel": "event",
     "start": "2026-12-01", "end": "2026-12-03", "spend": 1450.0,
     "impressions": 20000, "conversion_per_mille": 2.8, "lag_days": 33,
     "shape": "flat",
     "products": [{"product": "tidy", "share": 0.3}, {"product": "bookend", "share": 0.3},
                  {"product": "planter", "share": 0.2}, {"product": "cable", "share": 0.2}]},
    {"id": "xmas-social", "name": "Christmas gift push", "channel": "social",
     "start": "2026-12-07", "end": "2026-12-18", "spend": 2400.0,
     "impressions": 320000, "conversion_per_mille": 0.6, "lag_days": 2,
     "shape": "launch",
     "products": [{"product": "vase", "share": 0.35}, {"product": "lamp", "share": 0.25},
                  {"product": "planter", "share": 0.2}, {"product": "stand", "share": 0.2}]},
    {"id": "desk-search", "name": "New year desk refresh", "channel": "search",
     "start": "2027-01-02", "end": "2027-01-08", "spend": 600.0,
     "impressions": 150000, "conversion_per_mille": 0.7, "lag_days": 1,
     "shape": "flat",
     "products": [{"product": "tidy", "share": 0.4}, {"product": "stand", "share": 0.35},
                  {"product": "cable", "share": 0.25}]},
]


def fmt_date(d):
    return d.strftime("%Y-%m-%d")


def fmt_time(t):
    return t.strftime("%Y-%m-%dT%H:%M")


def make_orders(rng):
    """About 60 orders: most due before Christmas, a January restock."""
    products = [p for p, n in ORDER_MIX.items() for _ in range(n)]
    rng.shuffle(products)
    working_days = []
    for i in range(HORIZON_DAYS):
        d = (HORIZON_START + datetime.timedelta(days=i)).date()
        if d.weekday() < 5 and d.isoformat() not in (
                "2026-12-24", "2026-12-25", "2026-12-31", "2027-01-01"):
            working_days.append(d)
    before_xmas = [d for d in working_days
                   if datetime.date(2026, 12, 3) <= d <= datetime.date(2026, 12, 23)]
    after_xmas = [d for d in working_days if d >= datetime.date(2026, 12, 28)]

    orders = []
    for n in range(len(products)):
        customer, lo, hi = CUSTOMERS[rng.randrange(len(CUSTOMERS))]
        if n < 42:
            # Shops want their stock early in December; people buying
            # online order until the last parcel reaches them by Christmas.
            last = 21 if customer in ("Etsy", "Webshop") else 18
            day = rng.choice([d for d in before_xmas if d.day <= last])
        else:
            day = rng.choice(after_xmas)
            if customer in ("Etsy", "Webshop") and rng.random() < 0.6:
                # January restocks come from the shops.
                customer, lo, hi = CUSTOMERS[6 + rng.randrange(len(CUSTOMERS) - 6)]
        if customer in WHOLESALE_ONLY_LATE and day < datetime.date(2026, 12, 7):
            day = datetime.date(2026, 12, 7) + datetime.timedelta(days=rng.randrange(3))
        hour = 16 if customer in ("Etsy", "Webshop") else rng.choice((10, 12, 14, 16))
        due = datetime.datetime.combine(day, datetime.time(hour, 0))
        product = products[n]
        quantity = rng.randint(lo, hi)
        if product in ("lamp", "tidy", "planter") and quantity > 24:
            quantity = 24  # nobody orders a pallet of lamp shades
        orders.append({"id": None, "product": product, "quantity": quantity,
                       "due": due, "customer": customer})

    orders.sort(key=lambda o: (o["due"], o["customer"], o["product"]))
    for i, order in enumerate(orders):
        order["id"] = "SO-%d" % (1001 + i)
        order["due"] = fmt_time(order["due"])
    return orders


def make_forecast():
    """The web shop's own sales of the three best sellers, Mon/Wed/Fri."""
    rows = []
    base = {"vase": 6, "coaster": 6, "lamp": 3}
    for i in range(HORIZON_DAYS):
        d = (HORIZON_START + datetime.timedelta(days=i)).date()
        if d.weekday() not in (0, 2, 4):
            continue
        if d <= datetime.date(2026, 12, 6):
            factor = 1.0
        elif d <= datetime.date(2026, 12, 20):
            factor = 1.6      # the run-up to Christmas
        elif d <= datetime.date(2026, 12, 23):
            factor = 1.2
        elif d <= datetime.date(2027, 1, 3):
            factor = 0.5      # between the years
        else:
            factor = 1.0      # January sales
        for product, qty in base.items():
            q = max(1, round(qty * factor))
            rows.append({"product": product, "date": fmt_date(d), "quantity": q})
    return rows


def campaign_units(campaign):
    """Per product and day, as plan-format.md spreads them."""
    total = campaign["impressions"] / 1000.0 * campaign["conversion_per_mille"]
    share_sum = sum(p["share"] for p in campaign["products"])
    start = datetime.date.fromisoformat(campaign["start"])
    end = datetime.date.fromisoformat(campaign["end"])
    days = (end - start).days + 1
    weights = []
    for i in range(days):
        if campaign["shape"] == "flat" or days == 1:
            w = 1.0
        elif campaign["shape"] == "launch":
            w = 1 - (2 / 3) * i / (days - 1)
        else:
            w = 1 - (2 / 3) * (days - 1 - i) / (days - 1)
        weights.append(w)
    out = []
    for p in campaign["products"]:
        units = int(total * p["share"] / share_sum + 0.5)
        raw = [units * w / sum(weights) for w in weights]
        got = [int(r) for r in raw]
        left = units - sum(got)
        order = sorted(range(days), key=lambda i: (-(raw[i] - got[i]), i))
        for i in order[:left]:
            got[i] += 1
        for i, q in enumerate(got):
            if q:
                day = start + datetime.timedelta(days=i + campaign["lag_days"])
                out.append((p["product"], day, q))
    return out


def check(plan):
    """Prints the printer load; returns False when it is out of bounds."""
    print_s = {p["id"]: p["routing"][0]["cycle_s"] for p in plan["products"]}
    stock = {p["id"]: p["initial_stock"] for p in plan["products"]}
    demand = []   # (due date-time, product, units)
    for o in plan["orders"]:
        demand.append((datetime.datetime.fromisoformat(o["due"]), o["product"], o["quantity"]))
    for f in plan["forecast"]:
        due = datetime.datetime.fromisoformat(f["date"]) + datetime.timedelta(days=1)
        demand.append((due, f["product"], f["quantity"]))
    for c in plan["campaigns"]:
        for product, day, q in campaign_units(c):
            due = datetime.datetime.combine(day, datetime.time()) + datetime.timedelta(days=1)
            demand.append((due, product, q))
    demand.sort()

    units = {"orders": sum(o["quantity"] for o in plan["orders"]),
             "forecast": sum(f["quantity"] for f in plan["forecast"]),
             "campaigns": sum(q for c in plan["campaigns"] for _, _, q in campaign_units(c))}
    closed_days = [datetime.datetime.fromisoformat(e["date"])
                   for e in PRINTER_CALENDAR["exceptions"]]

    def capacity_h(until):
        hours = (until - HORIZON_START).total_seconds() / 3600
        hours -= 24 * sum(1 for d in closed_days if d + datetime.timedelta(days=1) <= until)
        return PRINTERS * max(hours, 0)

    load_h = 0.0
    worst = 0.0
    worst_due = None
    left = dict(stock)
    for due, product, q in demand:
        used = min(left[product], q)
        left[product] -= used
        load_h += (q - used) * print_s[product] / 3600
        if due > HORIZON_START + datetime.timedelta(days=3):
            if load_h / capacity_h(due) > worst:
                worst, worst_due = load_h / capacity_h(due), due
    end = HORIZON_START + datetime.timedelta(days=HORIZON_DAYS)
    share = load_h / capacity_h(end)
    print("units: %d orders, %d forecast, %d campaigns" %
          (units["orders"], units["forecast"], units["campaigns"]))
    print("printer load: %.0f h of %.0f h over the horizon = %.0f %%; "
          "at worst %.0f %% of the time before %s"
          % (load_h, capacity_h(end), 100 * share, 100 * worst, worst_due))
    return 0.6 <= share <= 0.8 and worst <= 0.9


def to_json(value, indent="", expand=False):
    """JSON laid out as Takt itself saves it (so that opening and saving the
    sample changes nothing): 2-space indents; small rows (a shift list, an
    order, a routing step, a forecast day, an exception) on one line; the
    stations, products and campaigns one member per line."""
    def flat(v):
        if isinstance(v, dict):
            return "{ " + ", ".join(json.dumps(k) + ": " + flat(x) for k, x in v.items()) + " }" \
                if v else "{}"
        if isinstance(v, list):
            return "[" + ", ".join(flat(x) for x in v) + "]"
        return json.dumps(v, ensure_ascii=False)

    def is_leaf(v):
        if isinstance(v, dict):
            return all(not isinstance(x, dict) and (not isinstance(x, list) or is_leaf(x))
                       for x in v.values())
        if isinstance(v, list):
            return all(not isinstance(x, dict) and (not isinstance(x, list) or is_leaf(x))
                       for x in v)
        return True

    if not expand and is_leaf(value):
        return flat(value)
    inner = indent + "  "
    if isinstance(value, dict):
        rows = [inner + json.dumps(k) + ": " + to_json(x, inner, expand=(k in ("stations", "week")))
                for k, x in value.items()]
        return "{\n" + ",\n".join(rows) + "\n" + indent + "}"
    rows = [inner + to_json(x, inner, expand=expand) for x in value]
    return "[\n" + ",\n".join(rows) + "\n" + indent + "]"


def main():
    rng = random.Random(2026)
    plan = {
        "format": "takt-plan",
        "version": 1,
        "name": "Print farm, December 2026",
        "currency": "EUR",
        "horizon": {"start": fmt_time(HORIZON_START), "days": HORIZON_DAYS},
        "calendar": PLANT_CALENDAR,
        "stations": STATIONS,
        "products": [
            {"id": pid, "name": name, "color": color, "routing": routing,
             "setup_cost": setup_cost, "holding_cost_per_day": holding,
             "late_cost_per_day": late, "initial_stock": stock, "min_run": min_run,
             "max_run": max_run, "unit_cost": unit_cost, "price": price}
            for (pid, name, color, routing, setup_cost, holding, late, stock,
                 min_run, max_run, unit_cost, price) in PRODUCTS
        ],
        "orders": make_orders(rng),
        "forecast": make_forecast(),
        "campaigns": CAMPAIGNS,
        "pins": [],
        "settings": {"strategy": "jit", "time_limit_ms": 300, "seed": 1},
    }
    ok = check(plan)
    if "--check" in sys.argv[1:]:
        return 0 if ok else 1
    if not ok:
        print("the load is out of bounds; not writing", file=sys.stderr)
        return 1
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "print-farm.takt")
    if "--out" in sys.argv[1:-1]:
        path = sys.argv[sys.argv.index("--out") + 1]
    with open(path, "w", encoding="utf-8") as f:
        f.write(to_json(plan))
        f.write("\n")
    print("wrote", path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
