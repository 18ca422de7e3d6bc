/* takt-checker.h — an independent check of a computed schedule
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written from the plan format's text alone (docs/file-format.md, i.e.
 * plan-format.md of the design), without reading the planner: its own
 * working-time walk, its own demand expansion (campaign rounding and day
 * spreading in exact integer arithmetic), its own one-piece-flow unit
 * timing and its own first-finished-to-first-due matching.
 */

#pragma once

#include "takt-plan.h"
#include "takt-planner.h"

G_BEGIN_DECLS

typedef struct
{
  double total;
  double holding;
  double tardiness;
  double setup;
  double campaign_spend;
  gint64 runs;
  gint64 units;          /* units made by the runs */
  gint64 demanded_units; /* all demand, before initial stock */
  gint64 late_units;     /* matched units finished after their due time */
  gint64 unmet_units;    /* demand of products that cannot be made, after stock */
  gint64 makespan_s;     /* last finish − horizon start; 0 with no runs */
  gboolean timed;        /* FALSE when some run could not be timed (costs unknown) */
} TaktCheckerFigures;

/* Checks @schedule against @plan (already accepted by takt_plan_check())
 * and, when @stats is not NULL, the figures the planner reported.  Returns
 * the violations as human-readable strings; an empty array means none.
 * @figures (may be NULL) receives what the checker computed itself. */
GPtrArray  *takt_schedule_checker_run    (const TaktPlan      *plan,
                                         const TaktSchedule  *schedule,
                                         const TaktPlanStats *stats,
                                         TaktCheckerFigures  *figures);

/* The violations joined one per line (for test messages). */
char       *takt_schedule_checker_format (GPtrArray           *violations);

G_END_DECLS
