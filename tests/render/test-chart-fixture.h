/* test-chart-fixture.h — plans and simple schedules for the charts' tests
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plans come from JSON text through the real loader; schedules are built
 * here by a deliberately simple planner (a run per product and due day,
 * placed backwards from its due time on the first free machine, one-piece
 * flow through the routing), so the charts can be tested before and apart
 * from the real planner.  The costs are recomputed here too, unit by unit,
 * independently of takt-chart-data.c, to check its per-day figures.
 */

#pragma once

#include "takt-plan.h"

G_BEGIN_DECLS

/* Loads a plan from JSON text; aborts the test on any problem. */
TaktPlan     *fixture_load          (const char         *json);
/* The project's sample plan (data/examples/print-farm.takt), or NULL when
 * it cannot be found. */
TaktPlan     *fixture_load_sample   (void);
/* A small plan with hand-worked costs: see test-chart-data.c. */
TaktPlan     *fixture_tiny          (void);
/* The tiny plan's schedule, written out by hand. */
TaktSchedule *fixture_tiny_schedule (const TaktPlan     *plan);

/* The simple planner described above. */
TaktSchedule *fixture_schedule      (const TaktPlan     *plan);

/* Costs of a schedule as the spec defines them, unit by unit. */
void          fixture_costs         (const TaktPlan     *plan,
                                     const TaktSchedule *schedule,
                                     double             *holding,
                                     double             *setup,
                                     double             *tardiness);

/* At the end of a test program: releases Pango's default font map and
 * cairo's static caches, so that valgrind sees only what the code under
 * test leaks.  The font map's fontconfig set-up runs in a GLib worker
 * thread that holds a reference to the map for a while; this waits (up to
 * 5 s) until that reference is dropped, else the map would be finalized in
 * that thread while cairo's caches are torn down here. */
void          fixture_release_fonts (void);

G_END_DECLS
