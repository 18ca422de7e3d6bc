#!/usr/bin/python3
# Copyright 2026 The Takt developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The sample plan: its generator still writes exactly the committed file,
# the printer load stays in bounds, the figures issue 2 asks for hold, and it
# validates against the project's JSON Schema.
#   check-sample-plan.py SOURCE_ROOT

import json
import os
import subprocess
import sys
import tempfile


def main():
    src = sys.argv[1]
    examples = os.path.join(src, "data", "examples")
    committed = os.path.join(examples, "print-farm.takt")
    problems = []

    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "print-farm.takt")
        run = subprocess.run([sys.executable, os.path.join(examples, "print-farm.py"),
                              "--out", out], capture_output=True, text=True)
        for line in run.stdout.splitlines():
            print("# " + line)
        if run.returncode != 0:
            problems.append("print-farm.py failed: " + run.stderr.strip())
        else:
            with open(out, "rb") as a, open(committed, "rb") as b:
                if a.read() != b.read():
                    problems.append("print-farm.takt differs from what print-farm.py writes")

    with open(committed, encoding="utf-8") as f:
        plan = json.load(f)

    def need(cond, message):
        if not cond:
            problems.append(message)

    need(plan.get("format") == "takt-plan" and plan.get("version") == 1, "not a v1 plan")
    need(plan["horizon"]["start"] == "2026-11-30T00:00", "the horizon does not start on 30 November")
    need(35 <= plan["horizon"]["days"] <= 42, "the horizon is not 35 to 42 days")
    need(6 <= len(plan["products"]) <= 10, "not about 8 products")
    need(55 <= len(plan["orders"]) <= 65, "not about 60 orders")
    need(3 <= len(plan["campaigns"]) <= 4, "not 3 or 4 campaigns")
    channels = {c["channel"] for c in plan["campaigns"]}
    need({"email", "social", "event"} <= channels, "a newsletter, social push or fair is missing")
    printers = [s for s in plan["stations"] if s["id"] == "print"]
    need(printers and printers[0]["machines"] == 6, "the print farm does not have 6 printers")
    ids = [o["id"] for o in plan["orders"]]
    need(len(set(ids)) == len(ids), "order ids repeat")
    need(all(2 <= o["quantity"] <= 40 for o in plan["orders"]), "an order quantity is not 2 to 40")
    december = sum(1 for o in plan["orders"] if "2026-12-01" <= o["due"] < "2026-12-24")
    need(december > len(plan["orders"]) / 2, "most orders are not due before Christmas")
    forecast_products = {f["product"] for f in plan["forecast"]}
    need(len(forecast_products) == 3, "the forecast does not cover the 3 best sellers")
    for c in plan["campaigns"]:
        need(10000 <= c["impressions"] <= 400000, "%s: impressions out of range" % c["id"])
        need(0.3 <= c["conversion_per_mille"] <= 3, "%s: conversion out of range" % c["id"])

    schema_path = os.path.join(src, "data", "takt-plan.schema.json")
    try:
        import jsonschema
    except ImportError:
        jsonschema = None
        print("# python3-jsonschema is not installed; the schema is left to the core suite")
    if jsonschema is not None and os.path.exists(schema_path):
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        validator = jsonschema.validators.validator_for(schema)(schema)
        for error in validator.iter_errors(plan):
            problems.append("schema: %s: %s" % ("/".join(str(p) for p in error.absolute_path),
                                                error.message))
    elif jsonschema is not None:
        problems.append("data/takt-plan.schema.json is missing")

    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
