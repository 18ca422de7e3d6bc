/* takt-chart-data.h — the series the cost, demand and capacity charts show
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Computed once from a checked plan, its schedule (may be NULL) and the
 * planner's stats for that schedule (may be NULL), then read by the chart
 * builders of takt-chart-views.h and by the widgets' read-outs.
 *
 * How the figures are found (plan-format.md, "Costs"):
 * - Demand is takt_demand_collect()'s: orders, forecast days and campaign
 *   days, with each product's initial_stock covering its earliest demand.
 *   A demand is counted on the day it is due at the end of: the day of
 *   (due − 1 s), so an order due 2026-12-05T12:00 and a forecast of
 *   2026-12-05 (due 12-06T00:00) both fall on 5 December.
 * - Each unit's finish is recomputed from the schedule by one-piece flow
 *   from the start of each step of its run, in each station's working time.
 *   Units of a product are matched first-finished to first-due to the
 *   demand left after initial stock; units beyond all demand are surplus.
 * - Costs are attributed to days so that each day's sum over all days is
 *   exactly the plan's total:
 *   holding of a unit, holding_cost_per_day × (due − finish) / 86400 s, is
 *   spread over the days of [finish, due) in proportion to the seconds of
 *   each day it waits (a surplus unit over [finish, horizon end));
 *   tardiness, late_cost_per_day × (finish − due) / 86400 s, over the days
 *   of [due, finish) in the same way; a run's setup_cost falls on the day
 *   its first step's setup starts.
 * - The days run from the midnight on or before the earliest of the horizon
 *   start, every due time and every setup start to the day of the latest of
 *   the horizon end, every due time and every finish, so that nothing is
 *   left outside.
 */

#pragma once

#include <glib.h>

#include "takt-plan.h"
#include "takt-planner.h"

G_BEGIN_DECLS

/* A step function: the level is v[i] from t[i] until t[i + 1]. */
typedef struct
{
  guint   n;
  gint64 *t;
  double *v;
} TaktChartSteps;

typedef struct
{
  const TaktPlan *plan;            /* not owned; must outlive the data */
  gboolean        has_schedule;    /* FALSE: only demand is known */
  gint64          horizon_start;
  gint64          horizon_end;

  /* ---- days ---- */
  gint64          first_day;       /* midnight of day 0 */
  guint           n_days;          /* >= 1 */
  guint           horizon_first;   /* the day of the horizon start */
  guint           horizon_days;

  /* Costs per day (n_days each) and their sums. */
  double         *holding;
  double         *setup;
  double         *tardiness;
  double          total_holding;
  double          total_setup;
  double          total_tardiness;

  /* Demand units per day by source (n_days each), and per campaign. */
  double         *demand_orders;
  double         *demand_forecast;
  double         *demand_campaigns;
  guint           n_campaigns;
  double        **campaign_demand; /* n_campaigns × n_days */
  gint64         *campaign_units;  /* what each campaign brings in all */
  gint64         *campaign_late;   /* of those, late or unmet in the schedule */
  gint64          demand_units;    /* all demand, stock-covered included */

  /* ---- per product; index n_products is all products together ---- */
  guint           n_products;
  TaktChartSteps *cumulative_demand;  /* units due so far */
  TaktChartSteps *cumulative_supply;  /* initial stock + units finished so far */
  TaktChartSteps *stock;              /* finished units on hand: initial stock until the
                                       * demand it covers is due, units finished early until
                                       * their due time, surplus and unused initial stock
                                       * until the horizon end (as the spec holds them) */
  double         *takt_demand;        /* units due within the horizon (stock-covered
                                       * included): what takt time divides by, as the
                                       * planner's station_takt_s counts it */

  /* ---- per station ---- */
  guint           n_stations;
  double         *utilisation;     /* busy ÷ (machines × working time) in the horizon, where
                                    * busy is the work of each step (setup_s + quantity ×
                                    * cycle_s), the part of it inside the horizon in
                                    * proportion to the step's working time there; the
                                    * stats' figures instead when stats are given */
  double         *available_s;     /* working seconds of one machine in the horizon */
  double         *takt_s;          /* available_s ÷ takt_demand of all products; NAN with
                                    * no demand */
  double         *load_s;          /* n_stations × n_products: for station s and product p,
                                    * (takt_demand of p ÷ of all) × the cycle_s of p's
                                    * steps at s ÷ the station's machines.  load ÷ takt
                                    * is the planner's station_load_per_unit_s ÷
                                    * station_takt_s: the share of the working time the
                                    * demand needs */
  int             bottleneck;      /* the highest utilisation (the stats' when given); -1 */

  /* ---- units ---- */
  gint64          units;           /* finished by the schedule's runs */
  gint64          late_units;
  gint64          unmet_units;
  gint64          surplus_units;
} TaktChartData;

TaktChartData *takt_chart_data_new        (const TaktPlan       *plan,
                                           const TaktSchedule   *schedule,
                                           const TaktPlanStats  *stats);
void           takt_chart_data_free       (TaktChartData        *data);

/* The day index of an instant (may be out of [0, n_days)). */
gint64         takt_chart_data_day_of     (const TaktChartData  *data,
                                           gint64                t);
/* The load per unit of station @s summed over the products. */
double         takt_chart_data_station_load (const TaktChartData *data,
                                             guint                s);
/* Launch readiness of campaign @c: TRUE when the schedule makes every unit
 * it brings by its due day.  FALSE also when nothing is planned. */
gboolean       takt_chart_data_campaign_ready (const TaktChartData *data,
                                               guint                c);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TaktChartData, takt_chart_data_free)

G_END_DECLS
