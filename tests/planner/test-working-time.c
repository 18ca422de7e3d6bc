/* test-working-time.c — working time and demand, with hand-worked numbers
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-working-time"

#include "planner-fixture.h"
#include "takt-calendar.h"
#include "takt-demand.h"

/* Monday–Friday 06:00–14:00 + 14:00–22:00 (they touch: one interval),
 * Tuesday 2026-01-06 a holiday, Saturday 2026-01-10 08:00–12:00. */
static TaktCalendar *
two_shift_calendar (void)
{
  TaktCalendar *cal = takt_calendar_new ();
  TaktCalendarException *sat;

  for (int d = 0; d < 5; d++)
    {
      fix_add_shift (cal->week[d], 6, 14);
      fix_add_shift (cal->week[d], 14, 22);
    }
  fix_add_exception (cal, FIX_MONDAY + FIX_D (1));
  sat = fix_add_exception (cal, FIX_MONDAY + FIX_D (5));
  fix_add_shift (sat->shifts, 8, 12);
  return cal;
}

static void
test_intervals (void)
{
  g_autoptr(TaktCalendar) cal = two_shift_calendar ();
  g_autoptr(TaktWorkTime) wt = takt_work_time_new (cal, FIX_MONDAY, FIX_D (7));
  gint64 from, to;

  g_assert_false (takt_work_time_never_works (wt));
  g_assert_false (takt_work_time_is_finite (wt));
  /* Monday's two shifts are one interval; Tuesday has none. */
  takt_work_time_interval (wt, 0, &from, &to);
  g_assert_cmpint (from, ==, FIX_H (6));
  g_assert_cmpint (to, ==, FIX_H (22));
  takt_work_time_interval (wt, 1, &from, &to);
  g_assert_cmpint (from, ==, FIX_D (2) + FIX_H (6));
  g_assert_cmpint (to, ==, FIX_D (2) + FIX_H (22));
  /* Wed, Thu, Fri, then Saturday's exception. */
  takt_work_time_interval (wt, 4, &from, &to);
  g_assert_cmpint (from, ==, FIX_D (5) + FIX_H (8));
  g_assert_cmpint (to, ==, FIX_D (5) + FIX_H (12));
}

static void
test_queries (void)
{
  g_autoptr(TaktCalendar) cal = two_shift_calendar ();
  g_autoptr(TaktWorkTime) wt = takt_work_time_new (cal, FIX_MONDAY, FIX_D (7));

  /* The next working instant. */
  g_assert_cmpint (takt_work_time_next (wt, 0), ==, FIX_H (6));
  g_assert_cmpint (takt_work_time_next (wt, FIX_H (7)), ==, FIX_H (7));
  g_assert_cmpint (takt_work_time_next (wt, FIX_H (14)), ==, FIX_H (14));
  g_assert_cmpint (takt_work_time_next (wt, FIX_H (22)), ==, FIX_D (2) + FIX_H (6));
  g_assert_cmpint (takt_work_time_next (wt, -5), ==, FIX_H (6));

  /* Two hours from Monday 21:00: one on Monday, work stops at 22:00,
   * Tuesday is a holiday, the second hour is Wednesday 06:00–07:00. */
  g_assert_cmpint (takt_work_time_add (wt, FIX_H (21), 7200), ==, FIX_D (2) + FIX_H (7));
  /* Work that ends exactly at a shift's end stays there. */
  g_assert_cmpint (takt_work_time_add (wt, FIX_H (21), 3600), ==, FIX_H (22));
  /* From a closed time it starts at the next shift. */
  g_assert_cmpint (takt_work_time_add (wt, FIX_H (2), 1800), ==, FIX_H (6) + 1800);
  g_assert_cmpint (takt_work_time_add (wt, FIX_H (3), 0), ==, FIX_H (3));

  /* The latest start that ends two hours of work by Wednesday 07:00. */
  g_assert_cmpint (takt_work_time_latest_start (wt, FIX_D (2) + FIX_H (7), 7200), ==, FIX_H (21));
  /* By Wednesday 06:00 the last hour of Monday. */
  g_assert_cmpint (takt_work_time_latest_start (wt, FIX_D (2) + FIX_H (6), 3600), ==, FIX_H (21));
  /* Not enough working time since the origin. */
  g_assert_cmpint (takt_work_time_latest_start (wt, FIX_H (6) + 1800, 3600), ==, TAKT_TIME_NONE);

  /* Worked time: Monday 16 h, Wednesday 06:00–07:00. */
  g_assert_cmpint (takt_work_time_worked (wt, FIX_D (2) + FIX_H (7)), ==, 17 * 3600);
  g_assert_cmpint (takt_work_time_between (wt, FIX_H (12), FIX_D (2) + FIX_H (8)), ==, 12 * 3600);

  /* Past the horizon the week repeats: Saturday noon → next Monday
   * 06:00, and fifty weeks on likewise. */
  g_assert_cmpint (takt_work_time_next (wt, FIX_D (5) + FIX_H (12)), ==, FIX_D (7) + FIX_H (6));
  g_assert_cmpint (takt_work_time_next (wt, FIX_D (350) + FIX_H (23)), ==, FIX_D (351) + FIX_H (6));
  /* A week of the pattern has 5 × 16 h. */
  g_assert_cmpint (takt_work_time_between (wt, FIX_D (70), FIX_D (77)), ==, 80 * 3600);
}

static void
test_special_calendars (void)
{
  g_autoptr(TaktWorkTime) always = takt_work_time_new (NULL, FIX_MONDAY, FIX_D (3));
  g_autoptr(TaktCalendar) empty = takt_calendar_new ();
  g_autoptr(TaktWorkTime) never = takt_work_time_new (empty, FIX_MONDAY, FIX_D (3));
  g_autoptr(TaktCalendar) finite_cal = takt_calendar_new ();
  g_autoptr(TaktWorkTime) finite = NULL;
  g_autoptr(TaktCalendar) day = fix_weekdays (8, 16);
  g_autoptr(TaktWorkTime) late_origin = NULL;
  TaktCalendarException *ex;

  /* 24/7. */
  g_assert_cmpint (takt_work_time_add (always, 1000, 5000), ==, 6000);
  g_assert_cmpint (takt_work_time_add (always, FIX_D (40), 5000), ==, FIX_D (40) + 5000);
  g_assert_cmpint (takt_work_time_latest_start (always, 6000, 5000), ==, 1000);
  g_assert_cmpint (takt_work_time_latest_start (always, 4000, 5000), ==, TAKT_TIME_NONE);

  /* No shifts at all. */
  g_assert_true (takt_work_time_never_works (never));
  g_assert_cmpint (takt_work_time_next (never, 0), ==, TAKT_TIME_NEVER);
  g_assert_cmpint (takt_work_time_add (never, 0, 1), ==, TAKT_TIME_NEVER);

  /* Only one day works: finite. */
  ex = fix_add_exception (finite_cal, FIX_MONDAY + FIX_D (1));
  fix_add_shift (ex->shifts, 8, 10);
  finite = takt_work_time_new (finite_cal, FIX_MONDAY, FIX_D (3));
  g_assert_false (takt_work_time_never_works (finite));
  g_assert_true (takt_work_time_is_finite (finite));
  g_assert_cmpint (takt_work_time_add (finite, 0, 7200), ==, FIX_D (1) + FIX_H (10));
  g_assert_cmpint (takt_work_time_add (finite, 0, 7201), ==, TAKT_TIME_NEVER);

  /* An origin at 10:00: the first interval is clipped to it. */
  late_origin = takt_work_time_new (day, FIX_MONDAY + FIX_H (10), FIX_D (3));
  g_assert_cmpint (takt_work_time_next (late_origin, 0), ==, 0);
  /* Six hours to 16:00, the seventh on Tuesday 08:00–09:00: 23 h later. */
  g_assert_cmpint (takt_work_time_add (late_origin, 0, FIX_H (7)), ==, FIX_H (23));
}

static void
test_hints (void)
{
  g_autoptr(TaktCalendar) cal = two_shift_calendar ();
  g_autoptr(TaktWorkTime) wt = takt_work_time_new (cal, FIX_MONDAY, FIX_D (30));
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gsize h1 = 0, h2 = 0, h3 = 0;

  /* The hinted lookups agree with the plain ones, whatever the order. */
  for (int i = 0; i < 5000; i++)
    {
      gint64 t = g_rand_int_range (rand, 0, (gint32) FIX_D (40));
      gint64 v = g_rand_int_range (rand, 0, 400 * 3600);

      g_assert_cmpint (takt_work_time_worked_hint (wt, t, &h1), ==, takt_work_time_worked (wt, t));
      g_assert_cmpint (takt_work_time_start_at_hint (wt, v, &h2), ==, takt_work_time_start_at (wt, v));
      g_assert_cmpint (takt_work_time_end_at_hint (wt, v + 1, &h3), ==, takt_work_time_end_at (wt, v + 1));
      /* And the round trips. */
      g_assert_cmpint (takt_work_time_worked (wt, takt_work_time_end_at (wt, v + 1)), ==, v + 1);
      g_assert_cmpint (takt_work_time_worked (wt, takt_work_time_start_at (wt, v)), ==, v);
    }
}

/* A calendar's working time does not depend on how far its caller asks
 * for the intervals to be listed: the planner (up to the last due date)
 * and the costs (up to the horizon's end) must see the same exceptions
 * (the planner fuzzer found a plan whose costs disagreed). */
static void
test_same_exceptions_for_every_caller (void)
{
  g_autoptr(TaktCalendar) cal = takt_calendar_new ();
  const gint64 min_ends[] = { FIX_D (1), FIX_D (21), FIX_D (5000), FIX_D (9000) };
  TaktCalendarException *near, *far;

  /* Only two dates work: 5000 days on (honoured) and 8000 days on
   * (more than 7320 days after the origin: ignored). */
  near = fix_add_exception (cal, FIX_MONDAY + FIX_D (5000));
  fix_add_shift (near->shifts, 8, 12);
  far = fix_add_exception (cal, FIX_MONDAY + FIX_D (8000));
  fix_add_shift (far->shifts, 8, 12);

  for (guint i = 0; i < G_N_ELEMENTS (min_ends); i++)
    {
      g_autoptr(TaktWorkTime) wt = takt_work_time_new (cal, FIX_MONDAY, min_ends[i]);

      g_assert_cmpint (takt_work_time_worked (wt, FIX_D (9000)), ==, FIX_H (4));
      g_assert_cmpint (takt_work_time_next (wt, 0), ==, FIX_D (5000) + FIX_H (8));
      g_assert_cmpint (takt_work_time_add (wt, 0, FIX_H (4)), ==, FIX_D (5000) + FIX_H (12));
      g_assert_cmpint (takt_work_time_add (wt, 0, FIX_H (4) + 1), ==, TAKT_TIME_NEVER);
    }
}

/* Time ends at 9999-12-31T23:59:59, the last instant a document can hold:
 * later ends are "never" (the planner leaves such work unmet instead of
 * writing a year no one can load). */
static void
test_end_of_time (void)
{
  g_autoptr(TaktWorkTime) always = takt_work_time_new (NULL, FIX_MONDAY, FIX_D (3));
  g_autoptr(TaktCalendar) cal = two_shift_calendar ();
  g_autoptr(TaktWorkTime) wt = takt_work_time_new (cal, FIX_MONDAY, FIX_D (7));
  g_autoptr(TaktCalendar) minute = takt_calendar_new ();
  g_autoptr(TaktWorkTime) rare = NULL;
  g_autoptr(TaktWorkTime) late = NULL;
  TaktShift shift = { 23 * 3600 + 59 * 60, 24 * 3600 };
  gint64 last = TAKT_TIME_LAST - FIX_MONDAY;
  gint64 late_origin = takt_days_from_civil (9999, 12, 20) * TAKT_DAY_S;
  gint64 late_last = TAKT_TIME_LAST - late_origin;
  gsize hint = 0;

  g_assert_cmpint (TAKT_TIME_LAST, ==, takt_days_from_civil (10000, 1, 1) * TAKT_DAY_S - 1);

  /* Around the clock: work may end on the last second, not after it. */
  g_assert_cmpint (takt_work_time_add (always, 0, last), ==, last);
  g_assert_cmpint (takt_work_time_add (always, 0, last + 1), ==, TAKT_TIME_NEVER);
  g_assert_cmpint (takt_work_time_next (always, last), ==, last);
  g_assert_cmpint (takt_work_time_next (always, last + 1), ==, TAKT_TIME_NEVER);

  /* Two shifts a day: the last working second of 9999 (a Friday, 22:00)
   * is the end of all work. */
  {
    gint64 all = takt_work_time_worked (wt, last + 1);
    gint64 end = takt_work_time_end_at (wt, all);

    g_assert_cmpint (end, <=, last);
    g_assert_cmpint (end, >, last - FIX_D (7));
    g_assert_cmpint (takt_work_time_end_at (wt, all + 1), ==, TAKT_TIME_NEVER);
    g_assert_cmpint (takt_work_time_start_at (wt, all), ==, TAKT_TIME_NEVER);
    g_assert_cmpint (takt_work_time_add (wt, 0, G_GINT64_CONSTANT (100000000000000)), ==, TAKT_TIME_NEVER);
  }

  /* One minute a week and work of 10^17 s: "never", without the week
   * count overflowing on the way (UBSan would say so). */
  g_array_append_val (minute->week[6], shift);
  rare = takt_work_time_new (minute, FIX_MONDAY, FIX_D (7));
  g_assert_cmpint (takt_work_time_end_at (rare, G_GINT64_CONSTANT (100000000000000000)), ==, TAKT_TIME_NEVER);
  g_assert_cmpint (takt_work_time_start_at (rare, G_GINT64_CONSTANT (100000000000000000)), ==, TAKT_TIME_NEVER);

  /* A horizon in the last days of 9999: its listed intervals run past
   * the end, and the hinted lookups stop there too. */
  late = takt_work_time_new (cal, late_origin, FIX_D (30));
  for (gint64 v = 1; v < FIX_D (30); v += 3600)
    {
      gint64 end = takt_work_time_end_at (late, v);

      g_assert_cmpint (takt_work_time_end_at_hint (late, v, &hint), ==, end);
      g_assert_true (end == TAKT_TIME_NEVER || end <= late_last);
    }
  g_assert_cmpint (takt_work_time_next (late, late_last + 1), ==, TAKT_TIME_NEVER);
  /* The planner looks up the listed intervals itself: none goes past the
   * end either. */
  g_assert_cmpuint (takt_work_time_n_intervals (late), >, 0);
  for (gsize i = 0; i < takt_work_time_n_intervals (late); i++)
    {
      gint64 from, to;

      takt_work_time_interval (late, i, &from, &to);
      g_assert_cmpint (from, <, to);
      g_assert_cmpint (to, <=, late_last);
    }
}

/* ---- demand ---- */

static void
test_spread (void)
{
  gint64 out[4];
  gint64 one[1];
  gint64 two[2];

  /* 10 units over 4 days.  Flat: 2.5 each, floors 2, the two units left
   * go to the earliest of the equal remainders. */
  takt_campaign_spread (10, 4, TAKT_SHAPE_FLAT, out);
  g_assert_cmpint (out[0], ==, 3);
  g_assert_cmpint (out[1], ==, 3);
  g_assert_cmpint (out[2], ==, 2);
  g_assert_cmpint (out[3], ==, 2);
  /* Launch: weights 1, 7/9, 5/9, 3/9 → 3.75, 2.92, 2.08, 1.25 → floors
   * 3 2 2 1; the two units left go to the largest remainders, 0.92 (the
   * second day) and 0.75 (the first). */
  takt_campaign_spread (10, 4, TAKT_SHAPE_LAUNCH, out);
  g_assert_cmpint (out[0], ==, 4);
  g_assert_cmpint (out[1], ==, 3);
  g_assert_cmpint (out[2], ==, 2);
  g_assert_cmpint (out[3], ==, 1);
  /* Build is the mirror. */
  takt_campaign_spread (10, 4, TAKT_SHAPE_BUILD, out);
  g_assert_cmpint (out[0], ==, 1);
  g_assert_cmpint (out[1], ==, 2);
  g_assert_cmpint (out[2], ==, 3);
  g_assert_cmpint (out[3], ==, 4);
  /* One day takes all; launch over two days: 1 and 1/3 → 3.75, 1.25. */
  takt_campaign_spread (7, 1, TAKT_SHAPE_LAUNCH, one);
  g_assert_cmpint (one[0], ==, 7);
  takt_campaign_spread (5, 2, TAKT_SHAPE_LAUNCH, two);
  g_assert_cmpint (two[0], ==, 4);
  g_assert_cmpint (two[1], ==, 1);
  /* 7 flat over 3: 2.33 each → 3 2 2 (the earliest gets the one left). */
  takt_campaign_spread (7, 3, TAKT_SHAPE_FLAT, out);
  g_assert_cmpint (out[0], ==, 3);
  g_assert_cmpint (out[1], ==, 2);
  g_assert_cmpint (out[2], ==, 2);
}

static TaktPlan *
demand_plan (void)
{
  TaktPlan *plan = fix_plan_new (FIX_MONDAY, 14);
  TaktProduct *vase, *lamp;
  TaktCampaign *c = takt_campaign_new ();
  TaktCampaignProduct *cp;
  TaktForecast *f = takt_forecast_new ();

  fix_add_station (plan, "A", 1, NULL);
  vase = fix_add_product (plan, "vase", 0, 1, 1);
  fix_add_step (vase, "A", 60, 0);
  vase->initial_stock = 5;
  lamp = fix_add_product (plan, "lamp", 0, 1, 1);
  fix_add_step (lamp, "A", 60, 0);
  fix_add_order (plan, "SO-2", "vase", 4, FIX_MONDAY + FIX_D (3) + FIX_H (12));
  fix_add_order (plan, "SO-1", "vase", 3, FIX_MONDAY + FIX_D (2) + FIX_H (12));
  f->product = g_strdup ("vase");
  f->date = FIX_MONDAY + FIX_D (2);
  f->quantity = 6;
  g_ptr_array_add (plan->forecast, f);

  /* 5000 impressions × 1.0 per mille = 5 units, half each: 2.5 → 3 and 3
   * (each product's total rounds half up on its own); over 4 days from
   * Thursday, 2 days late. */
  c->id = g_strdup ("mail");
  c->start = FIX_MONDAY + FIX_D (3);
  c->end = FIX_MONDAY + FIX_D (6);
  c->impressions = 5000;
  c->conversion_per_mille = 1.0;
  c->lag_days = 2;
  c->shape = TAKT_SHAPE_FLAT;
  c->spend = 100;
  cp = takt_campaign_product_new ();
  cp->product = g_strdup ("vase");
  cp->share = 0.5;
  g_ptr_array_add (c->products, cp);
  cp = takt_campaign_product_new ();
  cp->product = g_strdup ("lamp");
  cp->share = 0.5;
  g_ptr_array_add (c->products, cp);
  g_ptr_array_add (plan->campaigns, c);
  fix_check (plan);
  return plan;
}

static void
test_campaign_units (void)
{
  g_autoptr(TaktPlan) plan = demand_plan ();
  const TaktCampaign *c = g_ptr_array_index (plan->campaigns, 0);
  TaktCampaign *big = takt_campaign_new ();
  TaktCampaignProduct *cp;

  g_assert_cmpint (takt_campaign_days (c), ==, 4);
  g_assert_cmpint (takt_campaign_product_units (c, 0), ==, 3);
  g_assert_cmpint (takt_campaign_product_units (c, 1), ==, 3);

  /* The spec's example: 250000 × 0.8 / 1000 = 200, split 0.6 / 0.4. */
  big->impressions = 250000;
  big->conversion_per_mille = 0.8;
  cp = takt_campaign_product_new ();
  cp->share = 0.6;
  g_ptr_array_add (big->products, cp);
  cp = takt_campaign_product_new ();
  cp->share = 0.4;
  g_ptr_array_add (big->products, cp);
  g_assert_cmpint (takt_campaign_product_units (big, 0), ==, 120);
  g_assert_cmpint (takt_campaign_product_units (big, 1), ==, 80);
  /* Shares are normalised: 3 : 1 of 10 units → 7.5 → 8 and 2.5 → 3. */
  big->impressions = 10000;
  big->conversion_per_mille = 1.0;
  ((TaktCampaignProduct *) g_ptr_array_index (big->products, 0))->share = 3;
  ((TaktCampaignProduct *) g_ptr_array_index (big->products, 1))->share = 1;
  g_assert_cmpint (takt_campaign_product_units (big, 0), ==, 8);
  g_assert_cmpint (takt_campaign_product_units (big, 1), ==, 3);
  takt_campaign_free (big);
}

static void
test_demand_list (void)
{
  g_autoptr(TaktPlan) plan = demand_plan ();
  g_autoptr(GArray) list = takt_demand_collect (plan);
  const TaktDemand *d;

  /* vase: SO-1 (Wed 12:00), forecast Wed (due Thu 00:00), SO-2 (Thu 12:00),
   * campaign days Sat, Sun, Mon (3 units flat over 4 days: 1 1 1 0), then
   * lamp's campaign days. */
  g_assert_cmpuint (list->len, ==, 9);
  d = &g_array_index (list, TaktDemand, 0);
  g_assert_cmpstr (d->name, ==, "SO-1");
  g_assert_cmpint (d->quantity, ==, 3);
  g_assert_cmpint (d->from_stock, ==, 3);
  d = &g_array_index (list, TaktDemand, 1);
  g_assert_cmpstr (d->name, ==, "forecast:vase:2026-01-07");
  g_assert_cmpint (d->due, ==, FIX_MONDAY + FIX_D (3));
  /* Initial stock 5: SO-1 takes 3, the forecast the other 2. */
  g_assert_cmpint (d->from_stock, ==, 2);
  d = &g_array_index (list, TaktDemand, 2);
  g_assert_cmpstr (d->name, ==, "SO-2");
  g_assert_cmpint (d->from_stock, ==, 0);
  d = &g_array_index (list, TaktDemand, 3);
  g_assert_cmpstr (d->name, ==, "campaign:mail:vase:2026-01-10");
  g_assert_cmpint (d->quantity, ==, 1);
  g_assert_cmpint (d->due, ==, FIX_MONDAY + FIX_D (6));
  d = &g_array_index (list, TaktDemand, 5);
  g_assert_cmpstr (d->name, ==, "campaign:mail:vase:2026-01-12");
  g_assert_cmpint (d->due, ==, FIX_MONDAY + FIX_D (8));
  d = &g_array_index (list, TaktDemand, 6);
  g_assert_cmpint (d->product_index, ==, 1);
  g_assert_cmpstr (d->name, ==, "campaign:mail:lamp:2026-01-10");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/working-time/intervals", test_intervals);
  g_test_add_func ("/working-time/queries", test_queries);
  g_test_add_func ("/working-time/special", test_special_calendars);
  g_test_add_func ("/working-time/hints", test_hints);
  g_test_add_func ("/working-time/end-of-time", test_end_of_time);
  g_test_add_func ("/working-time/same-exceptions-for-every-caller", test_same_exceptions_for_every_caller);
  g_test_add_func ("/demand/spread", test_spread);
  g_test_add_func ("/demand/campaign-units", test_campaign_units);
  g_test_add_func ("/demand/list", test_demand_list);
  return g_test_run ();
}
