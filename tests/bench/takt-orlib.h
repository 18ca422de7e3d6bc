/* takt-orlib.h — the public single-machine benchmarks as Takt plans
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the Biskup–Feldmann common-due-date set (common-due-date/schN.txt)
 * and OR-Library's weighted tardiness sets (weighted-tardiness/wtN.txt)
 * with their reference.csv files, and turns an instance into a plan exactly
 * as the benchmarks' README says: horizon start a Monday 00:00, 24/7, one
 * station "m" with one machine, one product per job (routing m with
 * cycle_s = p, no setup, no setup cost), one order of one unit per job;
 * holding_cost_per_day = a × 86400 (0 for weighted tardiness),
 * late_cost_per_day = b × 86400 (w × 86400), due = start + d seconds.
 * With one time unit = one second, the plan's total cost is the objective.
 */

#pragma once

#include "takt-plan.h"
#include "takt-planner.h"

G_BEGIN_DECLS

typedef struct
{
  char   *set;        /* "sch10", "wt40", … */
  char   *label;      /* "sch10 k=3 h=0.4", "wt40 #17" */
  int     n;
  gint64 *p;          /* processing times */
  gint64 *early;      /* earliness cost per time unit (0 for wt) */
  gint64 *late;       /* tardiness cost per time unit (weight for wt) */
  gint64 *due;        /* due date per job */
  double  reference;
} TaktOrlibInstance;

/* The set names, in table order: sch10 … sch1000, wt40, wt50, wt100. */
const char * const *takt_orlib_set_names (void);

/* All instances of @set (in reference.csv order), or NULL with @error. */
GPtrArray  *takt_orlib_load_set        (const char              *data_dir,
                                        const char              *set,
                                        GError                 **error);
void        takt_orlib_instance_free   (TaktOrlibInstance       *instance);

TaktPlan   *takt_orlib_to_plan         (const TaktOrlibInstance *instance);

/* The benchmark's objective of @schedule, from its finish times alone
 * (Σ early·max(0, d − C) + late·max(0, C − d)); −1 when the schedule does
 * not have exactly one one-unit run per job. */
double      takt_orlib_objective       (const TaktOrlibInstance *instance,
                                        const TaktPlan          *plan,
                                        const TaktSchedule      *schedule);

typedef struct
{
  double cost;        /* the planner's total */
  double objective;   /* takt_orlib_objective() of its schedule */
  double ms;          /* wall time of takt_planner_run */
  gint64 evaluations;
} TaktOrlibResult;

/* Plans one instance with the jit strategy. */
void        takt_orlib_solve           (const TaktOrlibInstance *instance,
                                        gint64                   time_limit_ms,
                                        gint64                   evaluations,
                                        guint64                  seed,
                                        TaktOrlibResult         *result);

/* Per set figures. */
typedef struct
{
  char  *set;
  int    instances;
  int    with_gap;        /* reference > 0 */
  double gap_sum;         /* Σ (cost − ref) / ref over with_gap */
  double worst_gap;
  int    hits;            /* cost == reference (reference > 0) */
  int    zero_refs;       /* reference == 0 */
  int    zero_hits;       /* cost == 0 where the reference is 0 */
  int    better;          /* cost < reference */
  int    mismatches;      /* planner total != objective of its schedule */
  double ms_sum;
} TaktOrlibSummary;

void        takt_orlib_summary_add     (TaktOrlibSummary        *summary,
                                        const TaktOrlibInstance *instance,
                                        const TaktOrlibResult   *result);

G_END_DECLS
