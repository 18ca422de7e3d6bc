/* planner-fixture.h — small plans and schedules built in C, for the
 * planner's, the checker's and the CSV export's tests
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "takt-planner.h"
#include "takt-time.h"

G_BEGIN_DECLS

/* 2026-01-05 was a Monday. */
#define FIX_MONDAY (takt_days_from_civil (2026, 1, 5) * TAKT_DAY_S)
#define FIX_H(h)   ((gint64) (h) * 3600)
#define FIX_D(d)   ((gint64) (d) * TAKT_DAY_S)

static inline TaktPlan *
fix_plan_new (gint64 start,
              gint64 days)
{
  TaktPlan *plan = takt_plan_new ();

  g_free (plan->name);
  plan->name = g_strdup ("test plan");
  plan->horizon_start = start;
  plan->horizon_days = days;
  return plan;
}

static inline void
fix_add_shift (GArray *shifts,
               int     from_h,
               int     to_h)
{
  TaktShift s = { from_h * 3600, to_h * 3600 };

  g_array_append_val (shifts, s);
}

/* Monday to Friday, one shift from_h–to_h. */
static inline TaktCalendar *
fix_weekdays (int from_h,
              int to_h)
{
  TaktCalendar *cal = takt_calendar_new ();

  for (int d = 0; d < 5; d++)
    fix_add_shift (cal->week[d], from_h, to_h);
  return cal;
}

/* An exception: @date gets the shifts given (none: a holiday). */
static inline TaktCalendarException *
fix_add_exception (TaktCalendar *cal,
                   gint64        date)
{
  TaktCalendarException *ex = g_new0 (TaktCalendarException, 1);

  ex->date = date;
  ex->shifts = g_array_new (FALSE, FALSE, sizeof (TaktShift));
  g_ptr_array_add (cal->exceptions, ex);
  return ex;
}

static inline TaktStation *
fix_add_station (TaktPlan     *plan,
                 const char   *id,
                 gint64        machines,
                 TaktCalendar *calendar)
{
  TaktStation *st = takt_station_new ();

  st->id = g_strdup (id);
  st->machines = machines;
  st->calendar = calendar;
  g_ptr_array_add (plan->stations, st);
  return st;
}

static inline TaktProduct *
fix_add_product (TaktPlan   *plan,
                 const char *id,
                 double      setup_cost,
                 double      holding_per_day,
                 double      late_per_day)
{
  TaktProduct *p = takt_product_new ();

  p->id = g_strdup (id);
  p->setup_cost = setup_cost;
  p->holding_cost_per_day = holding_per_day;
  p->late_cost_per_day = late_per_day;
  g_ptr_array_add (plan->products, p);
  return p;
}

static inline void
fix_add_step (TaktProduct *product,
              const char  *station,
              gint64       cycle_s,
              gint64       setup_s)
{
  TaktStep *step = takt_step_new ();

  step->station = g_strdup (station);
  step->cycle_s = cycle_s;
  step->setup_s = setup_s;
  g_ptr_array_add (product->routing, step);
}

static inline TaktOrder *
fix_add_order (TaktPlan   *plan,
               const char *id,
               const char *product,
               gint64      quantity,
               gint64      due)
{
  TaktOrder *o = takt_order_new ();

  o->id = g_strdup (id);
  o->product = g_strdup (product);
  o->quantity = quantity;
  o->due = due;
  g_ptr_array_add (plan->orders, o);
  return o;
}

static inline TaktPin *
fix_add_pin (TaktPlan   *plan,
             const char *product,
             gint64      quantity,
             const char *station,
             gint64      machine,
             gint64      start)
{
  TaktPin *pin = takt_pin_new ();

  pin->product = g_strdup (product);
  pin->quantity = quantity;
  pin->station = g_strdup (station);
  pin->machine = machine;
  pin->start = start;
  g_ptr_array_add (plan->pins, pin);
  return pin;
}

static inline void
fix_check (TaktPlan *plan)
{
  g_autoptr(GPtrArray) problems = takt_plan_check (plan);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

static inline TaktSchedule *
fix_run (const TaktPlan  *plan,
         TaktStrategy     strategy,
         gint64           time_limit_ms,
         gint64           evaluations,
         guint64          seed,
         TaktPlanStats  **stats)
{
  TaktPlannerOptions options;
  g_autoptr(GError) error = NULL;
  TaktSchedule *schedule;

  takt_planner_options_init (&options, plan);
  options.strategy = strategy;
  options.time_limit_ms = time_limit_ms;
  options.evaluations = evaluations;
  options.seed = seed;
  schedule = takt_planner_run (plan, &options, stats, &error);
  g_assert_no_error (error);
  g_assert_nonnull (schedule);
  if (stats != NULL)
    g_assert_nonnull (*stats);
  return schedule;
}

/* A copy of @plan where both strategies make the same lots: setups cost
 * nothing (so jit's lot sizing has nothing to trade and makes a run per
 * demand, as asap does), runs are unbounded, no pins. */
static inline TaktPlan *
fix_lot_for_lot_copy (const TaktPlan *plan)
{
  TaktPlan *copy = takt_plan_copy (plan);

  g_ptr_array_set_size (copy->pins, 0);
  for (guint p = 0; p < copy->products->len; p++)
    {
      TaktProduct *prod = g_ptr_array_index (copy->products, p);

      prod->setup_cost = 0;
      prod->min_run = 1;
      prod->max_run = 0;
    }
  fix_check (copy);
  return copy;
}

/* The document of @plan with @schedule in it, as saved. */
static inline char *
fix_saved_with (TaktPlan     *plan,
                TaktSchedule *schedule)
{
  TaktSchedule *old = plan->schedule;
  char *data;

  plan->schedule = schedule;
  data = takt_plan_to_data (plan, NULL);
  plan->schedule = old;
  return data;
}

static inline TaktRun *
fix_add_run (TaktSchedule *schedule,
             const char   *id,
             int           product_index,
             gint64        quantity)
{
  TaktRun *run = takt_run_new ();

  run->id = g_strdup (id);
  run->product_index = product_index;
  run->quantity = quantity;
  g_ptr_array_add (schedule->runs, run);
  return run;
}

static inline void
fix_add_run_step (TaktRun *run,
                  int      station_index,
                  gint64   machine,
                  gint64   setup_start,
                  gint64   start,
                  gint64   end)
{
  TaktRunStep step = { station_index, machine, setup_start, start, end };

  g_array_append_val (run->steps, step);
}

static inline void
fix_add_cover (TaktRun    *run,
               const char *demand,
               gint64      quantity)
{
  TaktCover cover = { g_strdup (demand), quantity };

  g_array_append_val (run->covers, cover);
}

static inline void
fix_assert_time (gint64 got,
                 gint64 want)
{
  if (got != want)
    {
      g_autofree char *g = takt_format_datetime (got, TRUE);
      g_autofree char *w = takt_format_datetime (want, TRUE);

      g_test_message ("got %s, want %s", g, w);
    }
  g_assert_cmpint (got, ==, want);
}

static inline const TaktRunStep *
fix_step (const TaktRun *run,
          guint          j)
{
  g_assert_cmpuint (j, <, run->steps->len);
  return &g_array_index (run->steps, TaktRunStep, j);
}

G_END_DECLS
