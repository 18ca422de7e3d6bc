/* test-chart-fixture.c — plans and simple schedules for the charts' tests
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-chart"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "takt-calendar.h"
#include "takt-demand.h"
#include "takt-time.h"
#include "test-chart-fixture.h"

TaktPlan *
fixture_load (const char *json)
{
  g_autoptr(GError) error = NULL;
  TaktPlan *plan = takt_plan_load_from_data (json, -1, "fixture.takt", &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

TaktPlan *
fixture_load_sample (void)
{
  const char *root = g_getenv ("TAKT_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  TaktPlan *plan;

  if (root == NULL)
    return NULL;
  path = g_build_filename (root, "data", "examples", "print-farm.takt", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  plan = takt_plan_load_from_file (path, &error);
  g_assert_no_error (error);
  return plan;
}

/* Costs worked by hand in test-chart-data.c. */
static const char tiny_json[] =
  "{ \"format\": \"takt-plan\", \"version\": 1, \"name\": \"Tiny\", \"currency\": \"EUR\",\n"
  "  \"horizon\": { \"start\": \"2026-12-07T00:00\", \"days\": 5 },\n"
  "  \"stations\": [ { \"id\": \"s1\", \"name\": \"Printer\", \"machines\": 1 } ],\n"
  "  \"products\": [ { \"id\": \"p\", \"name\": \"Part\", \"color\": \"#3584e4\",\n"
  "                    \"routing\": [ { \"station\": \"s1\", \"cycle_s\": 3600, \"setup_s\": 0 } ],\n"
  "                    \"setup_cost\": 5.0, \"holding_cost_per_day\": 1.0, \"late_cost_per_day\": 2.0 } ],\n"
  "  \"orders\": [ { \"id\": \"O1\", \"product\": \"p\", \"quantity\": 2, \"due\": \"2026-12-08T12:00\" },\n"
  "              { \"id\": \"O2\", \"product\": \"p\", \"quantity\": 1, \"due\": \"2026-12-07T02:30\" },\n"
  "              { \"id\": \"O3\", \"product\": \"p\", \"quantity\": 1, \"due\": \"2026-12-08T20:00\" } ],\n"
  "  \"forecast\": [ { \"product\": \"p\", \"date\": \"2026-12-10\", \"quantity\": 3 } ],\n"
  "  \"campaigns\": [ { \"id\": \"c1\", \"name\": \"Mailing\", \"channel\": \"email\",\n"
  "                     \"start\": \"2026-12-08\", \"end\": \"2026-12-09\", \"spend\": 100.0,\n"
  "                     \"impressions\": 10000, \"conversion_per_mille\": 0.5, \"lag_days\": 1,\n"
  "                     \"shape\": \"flat\", \"products\": [ { \"product\": \"p\", \"share\": 1.0 } ] } ]\n"
  "}\n";

TaktPlan *
fixture_tiny (void)
{
  return fixture_load (tiny_json);
}

static void
add_step (TaktRun *run,
          int      station,
          gint64   machine,
          gint64   setup_start,
          gint64   start,
          gint64   end)
{
  TaktRunStep step = { station, machine, setup_start, start, end };

  g_array_append_val (run->steps, step);
}

TaktSchedule *
fixture_tiny_schedule (const TaktPlan *plan)
{
  TaktSchedule *schedule = takt_schedule_new ();
  TaktRun *run;
  gint64 t0 = plan->horizon_start;

  /* R1: three units from 7 Dec 00:00, leaving at 01:00, 02:00, 03:00. */
  run = takt_run_new ();
  run->id = g_strdup ("R1");
  run->product_index = 0;
  run->quantity = 3;
  add_step (run, 0, 1, t0, t0, t0 + 3 * 3600);
  g_ptr_array_add (schedule->runs, run);

  /* R2: one unit on 9 Dec 00:00–01:00, 5 h after O3 was due. */
  run = takt_run_new ();
  run->id = g_strdup ("R2");
  run->product_index = 0;
  run->quantity = 1;
  add_step (run, 0, 1, t0 + 2 * TAKT_DAY_S, t0 + 2 * TAKT_DAY_S, t0 + 2 * TAKT_DAY_S + 3600);
  g_ptr_array_add (schedule->runs, run);
  return schedule;
}

/* ---- the simple planner ---- */

typedef struct
{
  int    product;
  gint64 due;        /* absolute */
  gint64 quantity;
} Batch;

static int
compare_batches (gconstpointer a,
                 gconstpointer b)
{
  const Batch *x = a;
  const Batch *y = b;

  if (x->due != y->due)
    return x->due < y->due ? -1 : 1;
  return x->product - y->product;
}

TaktSchedule *
fixture_schedule (const TaktPlan *plan)
{
  g_autoptr(GArray) demands = takt_demand_collect (plan);
  g_autoptr(GArray) batches = g_array_new (FALSE, FALSE, sizeof (Batch));
  guint n_stations = plan->stations->len;
  g_autofree TaktWorkTime **work = g_new0 (TaktWorkTime *, n_stations);
  g_autofree gint64 **free_at = g_new0 (gint64 *, n_stations);
  TaktSchedule *schedule = takt_schedule_new ();
  gint64 h = plan->horizon_days * TAKT_DAY_S;
  guint n_runs = 0;

  for (guint s = 0; s < n_stations; s++)
    {
      const TaktStation *st = g_ptr_array_index (plan->stations, s);

      work[s] = takt_work_time_new (takt_plan_station_calendar (plan, (int) s), plan->horizon_start,
                                    h + 60 * TAKT_DAY_S);
      free_at[s] = g_new0 (gint64, st->machines);
    }

  /* A batch per product and due day. */
  for (guint i = 0; i < demands->len; i++)
    {
      const TaktDemand *d = &g_array_index (demands, TaktDemand, i);
      gint64 need = d->quantity - d->from_stock;
      Batch *last = batches->len > 0 ? &g_array_index (batches, Batch, batches->len - 1) : NULL;

      if (need <= 0)
        continue;
      if (last != NULL && last->product == d->product_index &&
          takt_day_start (last->due - 1) == takt_day_start (d->due - 1))
        last->quantity += need;
      else
        {
          Batch b = { d->product_index, d->due, need };

          g_array_append_val (batches, b);
        }
    }
  g_array_sort (batches, compare_batches);

  for (guint i = 0; i < batches->len; i++)
    {
      const Batch *b = &g_array_index (batches, Batch, i);
      const TaktProduct *product = g_ptr_array_index (plan->products, b->product);
      gint64 q = b->quantity;
      gint64 w = 0, max_cycle = 0;
      gint64 due = b->due - plan->horizon_start;
      gint64 target;
      g_autofree gint64 *leave = g_new (gint64, q);
      TaktRun *run;
      const TaktStep *first = g_ptr_array_index (product->routing, 0);

      for (guint j = 0; j < product->routing->len; j++)
        {
          const TaktStep *rs = g_ptr_array_index (product->routing, j);

          w += rs->setup_s + rs->cycle_s;
          max_cycle = MAX (max_cycle, rs->cycle_s);
        }
      w += (q - 1) * max_cycle;
      /* Backwards from the due time on the first station, with a margin. */
      target = takt_work_time_latest_start (work[first->station_index], due, w + w / 2);
      if (target == TAKT_TIME_NONE)
        target = 0;

      run = takt_run_new ();
      run->id = g_strdup_printf ("R%u", ++n_runs);
      run->product_index = b->product;
      run->quantity = q;
      for (guint j = 0; j < product->routing->len; j++)
        {
          const TaktStep *rs = g_ptr_array_index (product->routing, j);
          int s = rs->station_index;
          const TaktWorkTime *wt = work[s];
          const TaktStation *st = g_ptr_array_index (plan->stations, s);
          gint64 m = 0, setup_start, start;

          for (gint64 k = 1; k < st->machines; k++)
            if (free_at[s][k] < free_at[s][m])
              m = k;
          if (j == 0)
            {
              setup_start = takt_work_time_next (wt, MAX (free_at[s][m], target));
              start = takt_work_time_next (wt, takt_work_time_add (wt, setup_start, rs->setup_s));
            }
          else
            {
              /* The setup is done before the first unit arrives, if it can be. */
              gint64 latest = takt_work_time_latest_start (wt, leave[0], rs->setup_s);

              setup_start = takt_work_time_next (wt, MAX (free_at[s][m], latest == TAKT_TIME_NONE ? 0 : latest));
              start = takt_work_time_next (wt, MAX (takt_work_time_add (wt, setup_start, rs->setup_s), leave[0]));
            }
          for (gint64 k = 0; k < q; k++)
            {
              gint64 begin = start;

              if (j > 0)
                begin = MAX (begin, leave[k]);
              if (k > 0)
                begin = MAX (begin, leave[k - 1]);
              leave[k] = takt_work_time_add (wt, begin, rs->cycle_s);
            }
          add_step (run, s, m + 1, setup_start + plan->horizon_start, start + plan->horizon_start,
                    leave[q - 1] + plan->horizon_start);
          free_at[s][m] = leave[q - 1];
        }
      g_ptr_array_add (schedule->runs, run);
    }

  for (guint s = 0; s < n_stations; s++)
    {
      takt_work_time_free (work[s]);
      g_free (free_at[s]);
    }
  fixture_costs (plan, schedule, &schedule->holding, &schedule->setup, &schedule->tardiness);
  schedule->total = schedule->holding + schedule->setup + schedule->tardiness;
  return schedule;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

void
fixture_costs (const TaktPlan     *plan,
               const TaktSchedule *schedule,
               double             *holding,
               double             *setup,
               double             *tardiness)
{
  g_autoptr(GArray) demands = takt_demand_collect (plan);
  guint n_stations = plan->stations->len;
  g_autofree TaktWorkTime **work = g_new0 (TaktWorkTime *, n_stations);
  gint64 end = plan->horizon_start + plan->horizon_days * TAKT_DAY_S;

  *holding = *setup = *tardiness = 0;
  for (guint s = 0; s < n_stations; s++)
    work[s] = takt_work_time_new (takt_plan_station_calendar (plan, (int) s), plan->horizon_start,
                                  plan->horizon_days * TAKT_DAY_S);

  for (guint p = 0; p < plan->products->len; p++)
    {
      const TaktProduct *product = g_ptr_array_index (plan->products, p);
      g_autoptr(GArray) finish = g_array_new (FALSE, FALSE, sizeof (gint64));
      guint u = 0;

      for (guint r = 0; r < schedule->runs->len; r++)
        {
          const TaktRun *run = g_ptr_array_index (schedule->runs, r);
          g_autofree gint64 *at = NULL;

          if (run->product_index != (int) p)
            continue;
          *setup += product->setup_cost;
          at = g_new (gint64, run->quantity);
          for (guint j = 0; j < run->steps->len; j++)
            {
              const TaktRunStep *step = &g_array_index (run->steps, TaktRunStep, j);
              const TaktStep *rs = g_ptr_array_index (product->routing, j);

              for (gint64 k = 0; k < run->quantity; k++)
                {
                  gint64 begin = step->start - plan->horizon_start;

                  if (j > 0)
                    begin = MAX (begin, at[k]);
                  if (k > 0)
                    begin = MAX (begin, at[k - 1]);
                  at[k] = takt_work_time_add (work[step->station_index], begin, rs->cycle_s);
                }
            }
          for (gint64 k = 0; k < run->quantity; k++)
            {
              gint64 f = at[k] + plan->horizon_start;

              g_array_append_val (finish, f);
            }
        }
      g_array_sort (finish, compare_gint64);

      for (guint i = 0; i < demands->len; i++)
        {
          const TaktDemand *d = &g_array_index (demands, TaktDemand, i);

          if (d->product_index != (int) p)
            continue;
          for (gint64 k = d->from_stock; k < d->quantity && u < finish->len; k++, u++)
            {
              gint64 f = g_array_index (finish, gint64, u);

              if (f < d->due)
                *holding += product->holding_cost_per_day * (d->due - f) / 86400.0;
              else
                *tardiness += product->late_cost_per_day * (f - d->due) / 86400.0;
            }
        }
      for (; u < finish->len; u++)
        {
          gint64 f = g_array_index (finish, gint64, u);

          if (f < end)
            *holding += product->holding_cost_per_day * (end - f) / 86400.0;
        }
    }
  for (guint s = 0; s < n_stations; s++)
    takt_work_time_free (work[s]);
}

void
fixture_release_fonts (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_atomic_int_get (&G_OBJECT (map)->ref_count) > 1 && g_get_monotonic_time () < until)
    g_usleep (1000);
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
}
