/* takt-planner.h — builds one-piece-flow plans and measures them
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The planner reads a checked TaktPlan (takt_plan_check() returned no
 * problem) and returns a TaktSchedule with every time in naive seconds
 * (absolute, like the rest of the model) plus the KPIs.  It never changes
 * the plan.  It is deterministic: the same plan, options and seed give the
 * same schedule when the search is bounded by work (time_limit_ms == 0, or
 * evaluations > 0 with time_limit_ms < 0).
 */

#pragma once

#include <gio/gio.h>

#include "takt-plan.h"

G_BEGIN_DECLS

typedef void (*TaktPlannerProgress) (double   fraction,
                                     double   best_total,
                                     gpointer user_data);

typedef struct
{
  TaktStrategy         strategy;
  gint64               time_limit_ms;  /* 0: construction only; < 0: no clock bound */
  gint64               evaluations;    /* 0: no work bound */
  guint64              seed;
  GCancellable        *cancellable;    /* may be NULL; checked during the search */
  TaktPlannerProgress  progress;       /* may be NULL; called from the planning thread */
  gpointer             progress_data;
} TaktPlannerOptions;

/* Options as the plan's settings give them. */
void          takt_planner_options_init    (TaktPlannerOptions *options,
                                            const TaktPlan     *plan);

typedef struct
{
  char   *demand;       /* demand name as in TaktCover */
  int     product_index;
  gint64  quantity;
  gint64  due;
  gint64  finish;       /* finish of its last unit; G_MININT64 when none */
  gint64  unmet;        /* units not covered */
  gint64  late_units;
} TaktDemandResult;

typedef struct
{
  double   total, holding, tardiness, setup;
  double   campaign_spend;
  double   campaign_cost_per_mille;   /* spend / impressions × 1000 over all campaigns */
  gint64   runs;
  gint64   units;                     /* units made by the runs */
  gint64   late_units;
  gint64   unmet_units;
  double   on_time_rate;              /* on-time units / demanded units, 1 when none */
  gint64   late_orders;               /* orders with at least one late unit */
  gint64   makespan_s;                /* last finish − horizon start, 0 with no runs */
  double   average_stock;             /* finished units held, averaged over the horizon */
  double   average_wip;               /* units started but not finished, averaged */
  gint64   changeovers;               /* setups between runs of different products on a machine */
  int      bottleneck_station;        /* highest utilisation, -1 when none */
  double   bottleneck_utilisation;
  double  *station_utilisation;       /* n_stations: busy ÷ available working time in the horizon */
  double  *station_takt_s;            /* n_stations: available time ÷ demanded units (0: no demand) */
  double  *station_load_per_unit_s;   /* n_stations: demand-weighted work per unit */
  int      n_stations;
  double  *machine_utilisation;       /* n_machines: like station_utilisation, per machine;
                                       * station s's machines start at station_first_machine[s] */
  int     *station_first_machine;     /* n_stations + 1 */
  int      n_machines;
  GPtrArray *demands;                 /* of TaktDemandResult*, by due time */
  GPtrArray *conflicts;               /* of char*: pin overlaps, unmet reasons */
  gint64   evaluations;               /* candidate moves the search evaluated */
  double   plan_ms;                   /* wall time spent planning */
} TaktPlanStats;

void          takt_plan_stats_free         (TaktPlanStats      *stats);

/* Plans @plan.  Returns NULL only when @options->cancellable was cancelled
 * (with G_IO_ERROR_CANCELLED) or the plan fails takt_plan_check(). */
TaktSchedule *takt_planner_run             (const TaktPlan           *plan,
                                            const TaktPlannerOptions *options,
                                            TaktPlanStats           **stats,
                                            GError                  **error);

/* Recomputes the costs and KPIs of a given schedule (e.g. one loaded from a
 * file, or edited by hand) from scratch, exactly as the spec defines them. */
TaktPlanStats *takt_planner_evaluate       (const TaktPlan           *plan,
                                            const TaktSchedule       *schedule);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TaktPlanStats, takt_plan_stats_free)

G_END_DECLS
