/* test-chart-data.c — the series behind the charts, against worked numbers
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-chart"

#include <locale.h>
#include <pango/pangocairo.h>
#include <math.h>
#include <string.h>

#include "takt-chart-data.h"
#include "takt-chart-views.h"
#include "takt-export-csv.h"
#include "takt-planner.h"
#include "takt-time.h"
#include "test-chart-fixture.h"

#define H (1.0 / 24.0)   /* an hour, in days */

static void
assert_rel (double got,
            double want,
            double rel)
{
  if (fabs (got - want) > rel * MAX (1.0, fabs (want)))
    g_error ("%.17g is not %.17g (relative %g)", got, want, rel);
}

static double
sum (const double *v,
     guint         n)
{
  double s = 0;

  for (guint i = 0; i < n; i++)
    s += v[i];
  return s;
}

/* The step function's level at @t. */
static double
level_at (const TaktChartSteps *s,
          gint64                t)
{
  double v = 0;

  for (guint i = 0; i < s->n && s->t[i] <= t; i++)
    v = s->v[i];
  return v;
}

/*
 * The tiny plan (test-chart-fixture.c), 7–11 December 2026, 24/7, one
 * machine, one product at 1 h a unit, holding 1.0 and lateness 2.0 a day,
 * setup cost 5.  Demand by due time: O2 1 unit at 7 Dec 02:30, O1 2 units
 * at 8 Dec 12:00, O3 1 unit at 8 Dec 20:00; the campaign c1 (10 000
 * impressions × 0.5 ‰ = 5 units over 8–9 Dec, flat: 2.5 each → 2 + 2 and
 * the remainder to the earlier day → 3 + 2, a day later by lag_days) due at
 * the ends of 9 and 10 Dec; forecast 3 units for 10 Dec.
 *
 * Schedule: R1 makes 3 units leaving at 01:00, 02:00, 03:00 on 7 Dec; R2
 * one at 9 Dec 01:00.  Matching first finished to first due:
 *   01:00 → O2 (due 02:30): held 1.5 h, all on 7 Dec;
 *   02:00 → O1 (due 8 Dec 12:00): held 34 h: 22 h on 7 Dec, 12 h on 8 Dec;
 *   03:00 → O1: held 33 h: 21 h on 7 Dec, 12 h on 8 Dec;
 *   9 Dec 01:00 → O3 (due 8 Dec 20:00): 5 h late: 4 h on 8 Dec, 1 h on 9 Dec.
 * Holding 68.5 h × 1.0 / 24; tardiness 5 h × 2.0 / 24; setup 2 × 5 on the
 * days the runs start (7 and 9 Dec).  The campaign's 5 units and the
 * forecast's 3 are unmet.
 */
static void
test_tiny_costs_by_day (void)
{
  g_autoptr(TaktPlan) plan = fixture_tiny ();
  g_autoptr(TaktSchedule) schedule = fixture_tiny_schedule (plan);
  g_autoptr(TaktChartData) data = takt_chart_data_new (plan, schedule, NULL);
  gint64 dec7 = takt_days_from_civil (2026, 12, 7) * TAKT_DAY_S;

  g_assert_true (data->has_schedule);
  g_assert_cmpint (data->first_day, ==, dec7);
  g_assert_cmpuint (data->horizon_first, ==, 0);
  g_assert_cmpuint (data->horizon_days, ==, 5);
  g_assert_cmpuint (data->n_days, ==, 5);

  assert_rel (data->holding[0], (1.5 + 22 + 21) * H, 1e-12);
  assert_rel (data->holding[1], (12 + 12) * H, 1e-12);
  g_assert_cmpfloat (data->holding[2], ==, 0);
  assert_rel (data->tardiness[1], 4 * H * 2.0, 1e-12);
  assert_rel (data->tardiness[2], 1 * H * 2.0, 1e-12);
  g_assert_cmpfloat (data->tardiness[0], ==, 0);
  g_assert_cmpfloat (data->setup[0], ==, 5);
  g_assert_cmpfloat (data->setup[1], ==, 0);
  g_assert_cmpfloat (data->setup[2], ==, 5);

  assert_rel (data->total_holding, 68.5 * H, 1e-12);
  assert_rel (data->total_tardiness, 5 * H * 2.0, 1e-12);
  assert_rel (data->total_setup, 10, 1e-12);
  assert_rel (sum (data->holding, data->n_days), data->total_holding, 1e-12);
  assert_rel (sum (data->tardiness, data->n_days), data->total_tardiness, 1e-12);

  g_assert_cmpint (data->units, ==, 4);
  g_assert_cmpint (data->late_units, ==, 1);
  g_assert_cmpint (data->unmet_units, ==, 8);
  g_assert_cmpint (data->surplus_units, ==, 0);
}

static void
test_tiny_demand_by_day (void)
{
  g_autoptr(TaktPlan) plan = fixture_tiny ();
  g_autoptr(TaktChartData) data = takt_chart_data_new (plan, NULL, NULL);

  g_assert_false (data->has_schedule);
  g_assert_cmpint (data->demand_units, ==, 1 + 2 + 1 + 5 + 3);
  /* Orders: O2 on the 7th, O1 and O3 on the 8th. */
  g_assert_cmpfloat (data->demand_orders[0], ==, 1);
  g_assert_cmpfloat (data->demand_orders[1], ==, 3);
  g_assert_cmpfloat (sum (data->demand_orders, data->n_days), ==, 4);
  /* The forecast of the 10th falls on the 10th (due at its end). */
  g_assert_cmpfloat (data->demand_forecast[3], ==, 3);
  /* The campaign: 3 then 2, a day after its days 8 and 9 Dec. */
  g_assert_cmpfloat (data->demand_campaigns[1], ==, 0);
  g_assert_cmpfloat (data->demand_campaigns[2], ==, 3);
  g_assert_cmpfloat (data->demand_campaigns[3], ==, 2);
  g_assert_cmpuint (data->n_campaigns, ==, 1);
  g_assert_cmpfloat (data->campaign_demand[0][2], ==, 3);
  g_assert_cmpfloat (data->campaign_demand[0][3], ==, 2);
  g_assert_cmpint (data->campaign_units[0], ==, 5);
  /* Nothing planned: no costs, readiness unknown. */
  g_assert_cmpfloat (sum (data->holding, data->n_days), ==, 0);
  g_assert_false (takt_chart_data_campaign_ready (data, 0));
}

static void
test_tiny_stock_and_supply (void)
{
  g_autoptr(TaktPlan) plan = fixture_tiny ();
  g_autoptr(TaktSchedule) schedule = fixture_tiny_schedule (plan);
  g_autoptr(TaktChartData) data = takt_chart_data_new (plan, schedule, NULL);
  gint64 t0 = plan->horizon_start;
  const TaktChartSteps *stock = &data->stock[0];
  const TaktChartSteps *supply = &data->cumulative_supply[0];
  const TaktChartSteps *demand = &data->cumulative_demand[1];   /* all products */

  g_assert_cmpuint (data->n_products, ==, 1);
  /* 01:30: one unit waits for O2; 02:45: O2 left, two wait for O1. */
  g_assert_cmpfloat (level_at (stock, t0 + 5400), ==, 1);
  g_assert_cmpfloat (level_at (stock, t0 + 9900), ==, 1);
  g_assert_cmpfloat (level_at (stock, t0 + 3 * 3600 + 60), ==, 2);
  g_assert_cmpfloat (level_at (stock, t0 + 36 * 3600), ==, 0);
  /* The late unit never waits in stock. */
  g_assert_cmpfloat (level_at (stock, t0 + 49 * 3600 + 60), ==, 0);

  g_assert_cmpfloat (level_at (supply, t0 + 3 * 3600), ==, 3);
  g_assert_cmpfloat (level_at (supply, t0 + 4 * TAKT_DAY_S), ==, 4);
  g_assert_cmpfloat (level_at (demand, t0 + 36 * 3600), ==, 3);
  g_assert_cmpfloat (level_at (demand, t0 + 5 * TAKT_DAY_S), ==, 12);
}

static void
test_tiny_stations (void)
{
  g_autoptr(TaktPlan) plan = fixture_tiny ();
  g_autoptr(TaktSchedule) schedule = fixture_tiny_schedule (plan);
  g_autoptr(TaktChartData) data = takt_chart_data_new (plan, schedule, NULL);

  g_assert_cmpuint (data->n_stations, ==, 1);
  /* 4 units × 1 h of 5 days × 24 h. */
  assert_rel (data->utilisation[0], 4.0 / 120.0, 1e-12);
  assert_rel (data->available_s[0], 5 * 86400.0, 1e-12);
  /* 12 units to make in 5 days: one each 10 h; 1 h of work a unit. */
  assert_rel (data->takt_s[0], 36000, 1e-12);
  assert_rel (takt_chart_data_station_load (data, 0), 3600, 1e-12);
  g_assert_cmpint (data->bottleneck, ==, 0);
}

/* Campaign shapes and rounding, as the spec's rule spreads them. */
static void
test_campaign_spread (void)
{
  static const char json[] =
    "{ \"format\": \"takt-plan\", \"version\": 1,\n"
    "  \"horizon\": { \"start\": \"2026-12-01T00:00\", \"days\": 20 },\n"
    "  \"stations\": [ { \"id\": \"s\" } ],\n"
    "  \"products\": [ { \"id\": \"a\", \"routing\": [ { \"station\": \"s\", \"cycle_s\": 60 } ] },\n"
    "                  { \"id\": \"b\", \"routing\": [ { \"station\": \"s\", \"cycle_s\": 60 } ] } ],\n"
    "  \"campaigns\": [\n"
    "    { \"id\": \"launch\", \"channel\": \"social\", \"start\": \"2026-12-02\", \"end\": \"2026-12-06\",\n"
    "      \"impressions\": 24000, \"conversion_per_mille\": 0.5, \"lag_days\": 0, \"shape\": \"launch\",\n"
    "      \"products\": [ { \"product\": \"a\", \"share\": 1 } ] },\n"
    "    { \"id\": \"build\", \"channel\": \"email\", \"start\": \"2026-12-02\", \"end\": \"2026-12-06\",\n"
    "      \"impressions\": 24000, \"conversion_per_mille\": 0.5, \"lag_days\": 3, \"shape\": \"build\",\n"
    "      \"products\": [ { \"product\": \"a\", \"share\": 1 } ] },\n"
    "    { \"id\": \"split\", \"channel\": \"video\", \"start\": \"2026-12-10\", \"end\": \"2026-12-10\",\n"
    "      \"impressions\": 20000, \"conversion_per_mille\": 0.5, \"shape\": \"flat\",\n"
    "      \"products\": [ { \"product\": \"a\", \"share\": 1 }, { \"product\": \"b\", \"share\": 3 } ] } ] }\n";
  g_autoptr(TaktPlan) plan = fixture_load (json);
  g_autoptr(TaktChartData) data = takt_chart_data_new (plan, NULL, NULL);
  /* 12 units over 5 days, launch weights 12, 10, 8, 6, 4 (of 40): 3.6, 3, 2.4,
   * 1.8, 1.2 → floors 3, 3, 2, 1, 1 (10) and the two left to the largest
   * remainders, days 3 (0.8) and 0 (0.6): 4, 3, 2, 2, 1. */
  const double launch[] = { 4, 3, 2, 2, 1 };
  /* build mirrors it: weights 4 … 12: 1.2, 1.8, 2.4, 3, 3.6 → 1, 1, 2, 3, 3 and
   * the remainders .8 (day 1) and .6 (day 4): 1, 2, 2, 3, 4. */
  const double build[] = { 1, 2, 2, 3, 4 };

  g_assert_cmpuint (data->first_day, ==, takt_days_from_civil (2026, 12, 1) * TAKT_DAY_S);
  for (int i = 0; i < 5; i++)
    {
      g_assert_cmpfloat (data->campaign_demand[0][1 + i], ==, launch[i]);
      g_assert_cmpfloat (data->campaign_demand[1][1 + 3 + i], ==, build[i]);
    }
  g_assert_cmpint (data->campaign_units[0], ==, 12);
  g_assert_cmpint (data->campaign_units[1], ==, 12);
  /* 10 units split 1 : 3 → 2.5 and 7.5, halves up: 3 and 8. */
  g_assert_cmpint (data->campaign_units[2], ==, 11);
  g_assert_cmpfloat (data->campaign_demand[2][9], ==, 11);
  g_assert_cmpfloat (data->demand_campaigns[9], ==, 11);
}

/* Each day's costs add up to the plan's totals, on the sample plan. */
static void
test_daily_sums_match_totals (void)
{
  g_autoptr(TaktPlan) plan = fixture_load_sample ();
  g_autoptr(TaktSchedule) schedule = NULL;
  g_autoptr(TaktChartData) data = NULL;
  double holding, setup, tardiness;

  if (plan == NULL)
    {
      g_test_skip ("the sample plan is not found (TAKT_SOURCE_ROOT)");
      return;
    }
  schedule = fixture_schedule (plan);
  fixture_costs (plan, schedule, &holding, &setup, &tardiness);
  data = takt_chart_data_new (plan, schedule, NULL);
  g_test_message ("sample: %u runs, %" G_GINT64_FORMAT " units, %" G_GINT64_FORMAT " late; "
                  "holding %.4f setup %.2f tardiness %.4f over %u days",
                  schedule->runs->len, data->units, data->late_units, holding, setup, tardiness, data->n_days);

  g_assert_cmpfloat (holding + tardiness, >, 0);
  assert_rel (sum (data->holding, data->n_days), holding, 1e-6);
  assert_rel (sum (data->setup, data->n_days), setup, 1e-6);
  assert_rel (sum (data->tardiness, data->n_days), tardiness, 1e-6);
  assert_rel (data->total_holding, holding, 1e-9);
  assert_rel (data->total_tardiness, tardiness, 1e-9);

  /* Demand: the days add up to all of it. */
  g_assert_cmpfloat (sum (data->demand_orders, data->n_days) + sum (data->demand_forecast, data->n_days) +
                     sum (data->demand_campaigns, data->n_days), ==, (double) data->demand_units);
  for (guint c = 0; c < data->n_campaigns; c++)
    g_assert_cmpfloat (sum (data->campaign_demand[c], data->n_days), ==, (double) data->campaign_units[c]);
}

/* The same with the planner's schedules: the days add up to the totals
 * takt_planner_evaluate() reports, for every strategy. */
static void
test_daily_sums_match_planner (void)
{
  g_autoptr(TaktPlan) plan = fixture_load_sample ();

  if (plan == NULL)
    {
      g_test_skip ("the sample plan is not found (TAKT_SOURCE_ROOT)");
      return;
    }
  for (int s = 0; s < TAKT_N_STRATEGIES; s++)
    {
      TaktPlannerOptions options;
      g_autoptr(GError) error = NULL;
      g_autoptr(TaktPlanStats) run_stats = NULL;
      g_autoptr(TaktPlanStats) stats = NULL;
      g_autoptr(TaktSchedule) schedule = NULL;
      g_autoptr(TaktChartData) data = NULL;
      g_autoptr(TaktChartData) own = NULL;

      takt_planner_options_init (&options, plan);
      options.strategy = (TaktStrategy) s;
      options.time_limit_ms = 0;
      options.evaluations = 0;
      schedule = takt_planner_run (plan, &options, &run_stats, &error);
      g_assert_no_error (error);
      g_assert_nonnull (schedule);
      stats = takt_planner_evaluate (plan, schedule);
      data = takt_chart_data_new (plan, schedule, stats);
      own = takt_chart_data_new (plan, schedule, NULL);
      g_test_message ("%s: %u runs; holding %.6f setup %.2f tardiness %.6f; %" G_GINT64_FORMAT " late units",
                      takt_strategy_to_string ((TaktStrategy) s), schedule->runs->len,
                      stats->holding, stats->setup, stats->tardiness, stats->late_units);

      assert_rel (sum (data->holding, data->n_days), stats->holding, 1e-6);
      assert_rel (sum (data->setup, data->n_days), stats->setup, 1e-6);
      assert_rel (sum (data->tardiness, data->n_days), stats->tardiness, 1e-6);
      assert_rel (stats->holding + stats->setup + stats->tardiness, stats->total, 1e-9);
      g_assert_cmpint (data->late_units, ==, stats->late_units);
      g_assert_cmpint (data->unmet_units, ==, stats->unmet_units);
      g_assert_cmpint (data->units, ==, stats->units);

      /* The CSV export of daily costs (written apart, in the core) gives
       * the same figures day by day, and the same stock at each day's end. */
      {
        g_autoptr(GString) csv = g_string_new (NULL);
        g_auto(GStrv) lines = NULL;
        TaktCsvOptions csv_options;
        guint rows = 0;

        takt_csv_options_init (&csv_options);
        g_assert_true (takt_csv_export (plan, schedule, TAKT_CSV_EXPORT_DAILY_COSTS, &csv_options, csv, &error));
        g_assert_no_error (error);
        lines = g_strsplit (csv->str, "\r\n", -1);
        g_assert_true (g_str_has_prefix (lines[0], "date,holding,setup,tardiness,total,finished_stock"));
        for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
          {
            g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);
            gint64 day, index;

            g_assert_cmpuint (g_strv_length (cells), >=, 6);
            g_assert_true (takt_parse_date (cells[0], &day));
            index = takt_chart_data_day_of (data, day);
            if (index < 0 || index >= data->n_days)
              {
                g_assert_cmpfloat (g_ascii_strtod (cells[1], NULL) + g_ascii_strtod (cells[2], NULL) +
                                   g_ascii_strtod (cells[3], NULL), ==, 0);
                continue;
              }
            g_assert_cmpfloat (fabs (g_ascii_strtod (cells[1], NULL) - data->holding[index]), <, 1e-9);
            g_assert_cmpfloat (fabs (g_ascii_strtod (cells[2], NULL) - data->setup[index]), <, 1e-9);
            g_assert_cmpfloat (fabs (g_ascii_strtod (cells[3], NULL) - data->tardiness[index]), <, 1e-9);
            g_assert_cmpfloat (g_ascii_strtod (cells[5], NULL), ==,
                               level_at (&data->stock[data->n_products], day + TAKT_DAY_S));
            rows++;
          }
        g_assert_cmpuint (rows, >=, data->horizon_days);
      }

      /* Line balance: load ÷ takt is the planner's, station by station. */
      g_assert_cmpint (stats->n_stations, ==, (int) data->n_stations);
      for (guint st = 0; st < data->n_stations; st++)
        if (stats->station_takt_s[st] > 0)
          assert_rel (takt_chart_data_station_load (data, st) / data->takt_s[st],
                      stats->station_load_per_unit_s[st] / stats->station_takt_s[st], 1e-9);

      /* Readiness from the planner's per-demand results agrees with our own. */
      for (guint c = 0; c < data->n_campaigns; c++)
        g_assert_cmpint (data->campaign_late[c], ==, own->campaign_late[c]);
    }
}

/* The builders make the charts the pages show, each with its series. */
static void
test_views (void)
{
  g_autoptr(TaktPlan) plan = fixture_tiny ();
  g_autoptr(TaktSchedule) schedule = fixture_tiny_schedule (plan);
  g_autoptr(TaktChartData) data = takt_chart_data_new (plan, schedule, NULL);
  g_autoptr(TaktChartData) unplanned = takt_chart_data_new (plan, NULL, NULL);
  TaktPlanStats jit = { 0 }, push = { 0 };
  const TaktPlanStats *stats[TAKT_N_STRATEGIES] = { &jit, NULL, &push };
  TaktChart *chart;

  chart = takt_chart_new_daily_cost (data);
  g_assert_cmpuint (takt_chart_get_n_series (chart), ==, 3);
  g_assert_cmpuint (takt_chart_get_n_categories (chart), ==, data->n_days);
  g_assert_false (takt_chart_is_empty (chart));
  takt_chart_free (chart);

  chart = takt_chart_new_daily_cost (unplanned);
  g_assert_true (takt_chart_is_empty (chart));
  takt_chart_free (chart);

  chart = takt_chart_new_cumulative (data, 0);
  g_assert_cmpuint (takt_chart_get_n_series (chart), ==, 2);
  takt_chart_free (chart);
  chart = takt_chart_new_cumulative (unplanned, -1);
  g_assert_cmpuint (takt_chart_get_n_series (chart), ==, 1);
  takt_chart_free (chart);

  chart = takt_chart_new_stock (data);
  g_assert_cmpuint (takt_chart_get_n_series (chart), ==, 1);
  takt_chart_free (chart);

  chart = takt_chart_new_utilisation (data);
  g_assert_cmpuint (takt_chart_get_n_categories (chart), ==, 1);
  takt_chart_free (chart);

  chart = takt_chart_new_line_balance (data);
  g_assert_cmpuint (takt_chart_get_n_series (chart), ==, 1);
  g_assert_false (takt_chart_is_empty (chart));
  takt_chart_free (chart);

  chart = takt_chart_new_demand_by_source (unplanned);
  g_assert_cmpuint (takt_chart_get_n_series (chart), ==, 3);
  takt_chart_free (chart);

  chart = takt_chart_new_campaign_demand (unplanned);
  g_assert_cmpuint (takt_chart_get_n_series (chart), ==, 1);
  takt_chart_free (chart);

  jit.total = 10;
  jit.holding = 4;
  push.total = 30;
  push.holding = 25;
  push.average_stock = 12;
  chart = takt_chart_new_strategy_comparison (stats, "EUR");
  g_assert_cmpuint (takt_chart_get_n_series (chart), ==, 2);
  g_assert_cmpuint (takt_chart_get_n_categories (chart), ==, 5);
  takt_chart_free (chart);
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-data/tiny/costs-by-day", test_tiny_costs_by_day);
  g_test_add_func ("/chart-data/tiny/demand-by-day", test_tiny_demand_by_day);
  g_test_add_func ("/chart-data/tiny/stock-and-supply", test_tiny_stock_and_supply);
  g_test_add_func ("/chart-data/tiny/stations", test_tiny_stations);
  g_test_add_func ("/chart-data/campaign-spread", test_campaign_spread);
  g_test_add_func ("/chart-data/sample/daily-sums", test_daily_sums_match_totals);
  g_test_add_func ("/chart-data/sample/planner", test_daily_sums_match_planner);
  g_test_add_func ("/chart-data/views", test_views);
  rc = g_test_run ();
  fixture_release_fonts ();
  return rc;
}
