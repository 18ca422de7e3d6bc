/* takt-generator.h — seeded plans for benchmarks and property tests
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every plan is built from the seed alone (GRand, a Mersenne Twister), so
 * the same size and seed give the same plan on every machine.
 *
 *   tiny  1–4 products, 1–3 stations of 1–2 machines, 0–12 orders, a few
 *         days; random shifts, holidays, setups, costs, run bounds, stock,
 *         forecast, campaigns and now and then a pin or two — for the
 *         property tests of the checker.
 *   S     8 products, 5 stations, 120 orders, 28 days.
 *   M     120 products, 12 stations (1–4 machines), 3,000 orders, 90 days,
 *         15 campaigns.
 *   L     1,000 products, 30 stations, 40,000 orders, 364 days,
 *         100 campaigns.
 *
 * S, M and L have two-shift Monday–Friday calendars with holidays (a few
 * stations run three shifts or one), routings of 1–5 steps along the line
 * whose steps take about as long (a balanced line), machines where the
 * work is, and initial stock for about the first four days of orders.
 * Cycle times aim each station's work (demand × cycle time plus setups) at
 * 55–80 % of its working time, then are scaled down where needed so that no
 * station is held more than 95 % of its time with one-piece flow when a
 * step starts as soon as its first unit arrives (a slow step then holds
 * the fast ones after it).  So the plants are loaded (typically 40–80 %
 * work, 60–95 % held at the busiest stations) and feasible: asap meets
 * every due date on most seeds.
 */

#pragma once

#include "takt-plan.h"

G_BEGIN_DECLS

typedef enum
{
  TAKT_GENERATOR_TINY,
  TAKT_GENERATOR_S,
  TAKT_GENERATOR_M,
  TAKT_GENERATOR_L,
  TAKT_GENERATOR_N_SIZES
} TaktGeneratorSize;

/* A new plan that takt_plan_check() accepts (its indices are resolved). */
TaktPlan   *takt_generator_make              (TaktGeneratorSize  size,
                                              guint64            seed);

/* "tiny", "S", "M", "L" (case-insensitive). */
gboolean    takt_generator_size_from_string  (const char        *str,
                                              TaktGeneratorSize *size);
const char *takt_generator_size_to_string    (TaktGeneratorSize  size);

/* The load the generator aimed at: for each station, the work of all
 * demand after initial stock (units × cycle time, plus a setup for every
 * two orders) over its machines' working time in the horizon.  Returns a
 * new array of plan->stations->len doubles. */
double     *takt_generator_estimate_load     (const TaktPlan    *plan);

/* The same, for the time machines are held with one-piece flow when each
 * step starts as soon as its first unit arrives: step k of a product costs
 * max(cycle of steps 0…k) per unit. */
double     *takt_generator_estimate_hold     (const TaktPlan    *plan);

G_END_DECLS
