/* test-checker.c — the checker itself, on hand-worked schedules
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small plan whose schedule is worked out by hand below; the checker must
 * accept it and catch each deliberate fault.
 */

#define G_LOG_DOMAIN "test-checker"

#include <string.h>

#include "planner-fixture.h"
#include "takt-checker.h"
#include "takt-time.h"

#define H ((gint64) 3600)

/* Monday 2026-03-02, 00:00. */
static gint64
monday (void)
{
  return takt_days_from_civil (2026, 3, 2) * TAKT_DAY_S;
}

static void
set_str (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* The plan:
 *   plant calendar Mon–Fri 08:00–12:00 and 13:00–17:00;
 *   station "a" (plant calendar, 1 machine), station "b" (24/7, 1 machine);
 *   product "x": a (cycle 1 h, setup 30 min) then b (cycle 30 min, no
 *   setup); setup cost 10, holding 1/day, late 2/day;
 *   order SO-1: 4 × x due Tuesday 12:00. */
static TaktPlan *
make_plan (void)
{
  TaktPlan *plan = takt_plan_new ();
  TaktStation *a, *b;
  TaktProduct *x;

  plan->horizon_start = monday ();
  plan->horizon_days = 7;
  plan->calendar = takt_calendar_new ();
  for (int d = 0; d < 5; d++)
    {
      fix_add_shift (plan->calendar->week[d], 8, 12);
      fix_add_shift (plan->calendar->week[d], 13, 17);
    }

  a = fix_add_station (plan, "a", 1, NULL);
  set_str (&a->name, "A");
  b = fix_add_station (plan, "b", 1, takt_calendar_new ());
  set_str (&b->name, "B");
  for (int d = 0; d < 7; d++)
    fix_add_shift (b->calendar->week[d], 0, 24);

  x = fix_add_product (plan, "x", 10, 1.0, 2.0);
  set_str (&x->name, "X");
  fix_add_step (x, "a", H, H / 2);
  fix_add_step (x, "b", H / 2, 0);

  fix_add_order (plan, "SO-1", "x", 4, monday () + TAKT_DAY_S + 12 * H);

  fix_check (plan);
  return plan;
}

/* The hand-worked schedule, Monday:
 *   a: setup 08:00–08:30; units 08:30–09:30, 09:30–10:30, 10:30–11:30,
 *      11:30–12:00 + 13:00–13:30 (the lunch break pauses it) → end 13:30;
 *   b: first unit 09:30–10:00, then 10:30–11:00, 11:30–12:00,
 *      13:30–14:00 → end 14:00.
 * Finishes 10:00, 11:00, 12:00, 14:00 against the due Tuesday 12:00:
 * 26 + 25 + 24 + 22 = 97 hours early → holding 97/24 = 4.041666…;
 * setup 10; total 14.041666…. */
static TaktSchedule *
make_schedule (void)
{
  TaktSchedule *schedule = takt_schedule_new ();
  TaktRun *run = fix_add_run (schedule, "R1", 0, 4);
  gint64 m = monday ();

  fix_add_run_step (run, 0, 1, m + 8 * H, m + 8 * H + H / 2, m + 13 * H + H / 2);
  fix_add_run_step (run, 1, 1, m + 9 * H + H / 2, m + 9 * H + H / 2, m + 14 * H);
  fix_add_cover (run, "SO-1", 4);
  schedule->strategy = TAKT_STRATEGY_JIT;
  schedule->holding = 97.0 / 24.0;
  schedule->tardiness = 0;
  schedule->setup = 10;
  schedule->total = schedule->holding + schedule->setup;
  return schedule;
}

static TaktRunStep *
step_of (TaktSchedule *schedule,
         guint         run,
         guint         step)
{
  TaktRun *r = g_ptr_array_index (schedule->runs, run);

  return &g_array_index (r->steps, TaktRunStep, step);
}

/* Asserts that some violation contains @needle. */
static void
assert_caught (GPtrArray  *violations,
               const char *needle)
{
  g_autofree char *all = takt_schedule_checker_format (violations);

  g_test_message ("violations:\n%s", all);
  for (guint i = 0; i < violations->len; i++)
    if (strstr (g_ptr_array_index (violations, i), needle) != NULL)
      return;
  g_error ("no violation mentions \"%s\"; got:\n%s", needle, all);
}

static void
assert_clean (GPtrArray *violations)
{
  g_autofree char *all = takt_schedule_checker_format (violations);

  if (violations->len > 0)
    g_error ("unexpected violations:\n%s", all);
}

static void
test_hand_worked (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktSchedule) schedule = make_schedule ();
  TaktCheckerFigures fig;
  g_autoptr(GPtrArray) v = takt_schedule_checker_run (plan, schedule, NULL, &fig);

  assert_clean (v);
  g_assert_true (fig.timed);
  g_assert_cmpfloat_with_epsilon (fig.holding, 97.0 / 24.0, 1e-12);
  g_assert_cmpfloat (fig.tardiness, ==, 0.0);
  g_assert_cmpfloat (fig.setup, ==, 10.0);
  g_assert_cmpint (fig.units, ==, 4);
  g_assert_cmpint (fig.late_units, ==, 0);
  g_assert_cmpint (fig.unmet_units, ==, 0);
  g_assert_cmpint (fig.makespan_s, ==, 14 * H);
}

/* Due Monday 11:00: two units are late (12:00 by 1 h, 14:00 by 3 h). */
static void
test_tardiness (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktSchedule) schedule = make_schedule ();
  TaktCheckerFigures fig;
  g_autoptr(GPtrArray) v = NULL;

  ((TaktOrder *) g_ptr_array_index (plan->orders, 0))->due = monday () + 11 * H;
  schedule->holding = (1.0 + 0.0) / 24.0;
  schedule->tardiness = 2.0 * (1.0 + 3.0) / 24.0;
  schedule->total = schedule->holding + schedule->tardiness + 10;
  v = takt_schedule_checker_run (plan, schedule, NULL, &fig);
  assert_clean (v);
  g_assert_cmpint (fig.late_units, ==, 2);
}

static void
test_overlap (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktSchedule) schedule = make_schedule ();
  TaktRun *extra = fix_add_run (schedule, "R2", 0, 1);
  gint64 m = monday ();
  g_autoptr(GPtrArray) v = NULL;

  /* A one-unit run on a/1 from 13:00 collides with R1, which holds a/1
   * until 13:30. */
  fix_add_run_step (extra, 0, 1, m + 13 * H, m + 13 * H + H / 2, m + 14 * H + H / 2);
  fix_add_run_step (extra, 1, 1, m + 14 * H + H / 2, m + 14 * H + H / 2, m + 15 * H);
  v = takt_schedule_checker_run (plan, schedule, NULL, NULL);
  assert_caught (v, "overlaps run R2");
}

static void
test_wrong_end (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktSchedule) schedule = make_schedule ();
  g_autoptr(GPtrArray) v = NULL;

  /* Ignoring the lunch break would give 12:30 at a. */
  step_of (schedule, 0, 0)->end = monday () + 12 * H + H / 2;
  v = takt_schedule_checker_run (plan, schedule, NULL, NULL);
  assert_caught (v, "step 1 (a): end 2026-03-02T12:30:00, but its last unit leaves at 2026-03-02T13:30:00");
}

static void
test_wrong_cost (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktSchedule) schedule = make_schedule ();
  g_autoptr(GPtrArray) v = NULL;

  schedule->holding += 1e-6;
  schedule->total += 1e-6;
  v = takt_schedule_checker_run (plan, schedule, NULL, NULL);
  assert_caught (v, "schedule holding");
  assert_caught (v, "schedule total");
}

static void
test_setup_does_not_fit (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktSchedule) schedule = make_schedule ();
  g_autoptr(GPtrArray) v = NULL;

  step_of (schedule, 0, 0)->setup_start = monday () + 8 * H + 10 * 60;
  v = takt_schedule_checker_run (plan, schedule, NULL, NULL);
  assert_caught (v, "setup of 1800 s does not fit");
}

static void
test_start_too_early (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktSchedule) schedule = make_schedule ();
  g_autoptr(GPtrArray) v = NULL;

  /* Step b cannot start before the first unit leaves a at 09:30. */
  step_of (schedule, 0, 1)->setup_start = monday () + 9 * H;
  step_of (schedule, 0, 1)->start = monday () + 9 * H;
  v = takt_schedule_checker_run (plan, schedule, NULL, NULL);
  assert_caught (v, "before its first unit has left the previous step");
}

static void
test_outside_working_time (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktSchedule) schedule = make_schedule ();
  g_autoptr(GPtrArray) v = NULL;
  gint64 m = monday ();

  /* At 07:00 a is closed; 08:00 would be the first unit's real start. */
  step_of (schedule, 0, 0)->setup_start = m + 6 * H;
  step_of (schedule, 0, 0)->start = m + 7 * H;
  v = takt_schedule_checker_run (plan, schedule, NULL, NULL);
  assert_caught (v, "outside working time");
}

static void
test_wrong_machine (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktSchedule) schedule = make_schedule ();
  g_autoptr(GPtrArray) v = NULL;

  step_of (schedule, 0, 1)->machine = 2;
  v = takt_schedule_checker_run (plan, schedule, NULL, NULL);
  assert_caught (v, "machine 2 of 1");
}

static void
test_uncovered (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktSchedule) schedule = make_schedule ();
  TaktRun *run = g_ptr_array_index (schedule->runs, 0);
  g_autoptr(GPtrArray) v = NULL;

  g_array_index (run->covers, TaktCover, 0).quantity = 3;
  v = takt_schedule_checker_run (plan, schedule, NULL, NULL);
  assert_caught (v, "demand SO-1: 4 units to make (4 ordered, 0 from stock), 3 covered");
}

static void
test_stock_and_surplus (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktSchedule) schedule = make_schedule ();
  TaktRun *run = g_ptr_array_index (schedule->runs, 0);
  TaktCheckerFigures fig;
  g_autoptr(GPtrArray) v = NULL;

  /* One unit on hand: the run's last unit (14:00) is surplus, held to the
   * end of the horizon (Monday + 7 days): 6 days 10 h. */
  ((TaktProduct *) g_ptr_array_index (plan->products, 0))->initial_stock = 1;
  g_array_index (run->covers, TaktCover, 0).quantity = 3;
  schedule->holding = (26.0 + 25.0 + 24.0) / 24.0 + (6 * 24.0 + 10.0) / 24.0;
  schedule->total = schedule->holding + 10;
  v = takt_schedule_checker_run (plan, schedule, NULL, &fig);
  assert_clean (v);
  g_assert_cmpfloat_with_epsilon (fig.holding, schedule->holding, 1e-12);
}

static void
test_min_max_run (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktSchedule) schedule = make_schedule ();
  g_autoptr(GPtrArray) v = NULL;

  ((TaktProduct *) g_ptr_array_index (plan->products, 0))->max_run = 3;
  v = takt_schedule_checker_run (plan, schedule, NULL, NULL);
  assert_caught (v, "above max_run 3");
}

static TaktPin *
pin_new (gint64 machine,
         gint64 start,
         gint64 quantity)
{
  TaktPin *pin = takt_pin_new ();

  set_str (&pin->product, "x");
  set_str (&pin->station, "a");
  pin->quantity = quantity;
  pin->machine = machine;
  pin->start = start;
  return pin;
}

static void
test_pin (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktSchedule) schedule = make_schedule ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) v1 = NULL;
  g_autoptr(GPtrArray) v2 = NULL;
  g_autoptr(GPtrArray) v3 = NULL;

  /* Pinned at 07:00 (before the shift): the setup starts at the next
   * working instant, 08:00. */
  g_ptr_array_add (plan->pins, pin_new (1, monday () + 7 * H, 4));
  problems = takt_plan_check (plan);
  g_assert_cmpuint (problems->len, ==, 0);

  v1 = takt_schedule_checker_run (plan, schedule, NULL, NULL);
  assert_caught (v1, "1 pins but 0 pinned runs");
  assert_caught (v1, "pin 1 (x × 4 on a machine 1 at 2026-03-02T07:00:00) is not kept");

  ((TaktRun *) g_ptr_array_index (schedule->runs, 0))->pinned = TRUE;
  v2 = takt_schedule_checker_run (plan, schedule, NULL, NULL);
  assert_clean (v2);

  /* Moved to 09:00 the run no longer keeps it. */
  ((TaktPin *) g_ptr_array_index (plan->pins, 0))->start = monday () + 9 * H;
  v3 = takt_schedule_checker_run (plan, schedule, NULL, NULL);
  assert_caught (v3, "is not kept");
}

static TaktCampaign *
campaign_new (const char *id,
              gint64      impressions,
              double      conversion_per_mille,
              TaktShape   shape,
              gint64      days,
              gint64      lag_days)
{
  TaktCampaign *c = takt_campaign_new ();

  set_str (&c->id, id);
  set_str (&c->name, id);
  c->impressions = impressions;
  c->conversion_per_mille = conversion_per_mille;
  c->shape = shape;
  c->start = monday ();
  c->end = monday () + (days - 1) * TAKT_DAY_S;
  c->lag_days = lag_days;
  return c;
}

static void
campaign_add (TaktCampaign *c,
              const char   *product,
              double        share)
{
  TaktCampaignProduct *cp = takt_campaign_product_new ();

  set_str (&cp->product, product);
  cp->share = share;
  g_ptr_array_add (c->products, cp);
}

/* Campaign expansion, by hand:
 *   "l": 10 000 impressions × 1.0 ‰ = 10 units, launch over 3 days, lag 1:
 *        weights 1, 2/3, 1/3 → 5, 3.33, 1.67 → floors 5, 3, 1, the left-over
 *        unit to the largest remainder (day 2) → 5, 3, 2 on Tue, Wed, Thu;
 *   "b": the same as build → 2, 3, 5 on Mon, Tue, Wed (lag 0);
 *   "f": 2 500 × 1.4 ‰ = 3.5 units, a half, rounded up to 4; flat over
 *        2 days: 2 and 2 on Mon, Tue.
 * Shares are normalised, so b's single share of 3.0 and f's 0.5 count as 1. */
static void
test_campaign_demand (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktSchedule) schedule = make_schedule ();
  TaktCampaign *l = campaign_new ("l", 10000, 1.0, TAKT_SHAPE_LAUNCH, 3, 1);
  TaktCampaign *b = campaign_new ("b", 10000, 1.0, TAKT_SHAPE_BUILD, 3, 0);
  TaktCampaign *f = campaign_new ("f", 2500, 1.4, TAKT_SHAPE_FLAT, 2, 0);
  TaktRun *run = g_ptr_array_index (schedule->runs, 0);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) v = NULL;
  TaktCheckerFigures fig;
  static const struct { const char *demand; gint64 quantity; } expected[] = {
    { "campaign:l:x:2026-03-03", 5 },
    { "campaign:l:x:2026-03-04", 3 },
    { "campaign:l:x:2026-03-05", 2 },
    { "campaign:b:x:2026-03-02", 2 },
    { "campaign:b:x:2026-03-03", 3 },
    { "campaign:b:x:2026-03-04", 5 },
    { "campaign:f:x:2026-03-02", 2 },
    { "campaign:f:x:2026-03-03", 2 },
  };

  campaign_add (l, "x", 1.0);
  campaign_add (b, "x", 3.0);
  campaign_add (f, "x", 0.5);
  g_ptr_array_add (plan->campaigns, l);
  g_ptr_array_add (plan->campaigns, b);
  g_ptr_array_add (plan->campaigns, f);
  problems = takt_plan_check (plan);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Cover exactly the expected campaign demand with the same run. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    fix_add_cover (run, expected[i].demand, expected[i].quantity);
  v = takt_schedule_checker_run (plan, schedule, NULL, &fig);
  g_assert_cmpint (fig.demanded_units, ==, 4 + 24);
  /* The run makes 4 but now covers 28: that (and the cost) is all that
   * may be wrong. */
  assert_caught (v, "run R1 covers 28 units but makes 4");
  for (guint i = 0; i < v->len; i++)
    g_assert_null (strstr (g_ptr_array_index (v, i), "demand campaign"));

  /* Two units moved from l's Wednesday to its Thursday are caught: the
   * Wednesday is checked together with b's Wednesday (same due time). */
  g_array_index (run->covers, TaktCover, 2).quantity = 1;
  g_array_index (run->covers, TaktCover, 3).quantity = 4;
  g_clear_pointer (&v, g_ptr_array_unref);
  v = takt_schedule_checker_run (plan, schedule, NULL, NULL);
  assert_caught (v, "demand campaign:l:x:2026-03-05 (2 units) is covered 4 times");
  assert_caught (v, "demands due with campaign:b:x:2026-03-04: 8 units to make after stock, 6 covered");
}

/* A station that never works: the product's demand is unmet, not covered. */
static void
test_never_works (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktSchedule) schedule = takt_schedule_new ();
  TaktStation *b = g_ptr_array_index (plan->stations, 1);
  TaktCheckerFigures fig;
  g_autoptr(GPtrArray) v = NULL;

  for (int d = 0; d < 7; d++)
    g_array_set_size (b->calendar->week[d], 0);
  ((TaktProduct *) g_ptr_array_index (plan->products, 0))->initial_stock = 1;
  v = takt_schedule_checker_run (plan, schedule, NULL, &fig);
  assert_clean (v);
  g_assert_cmpint (fig.unmet_units, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checker/self/hand-worked", test_hand_worked);
  g_test_add_func ("/checker/self/tardiness", test_tardiness);
  g_test_add_func ("/checker/self/overlap", test_overlap);
  g_test_add_func ("/checker/self/wrong-end", test_wrong_end);
  g_test_add_func ("/checker/self/wrong-cost", test_wrong_cost);
  g_test_add_func ("/checker/self/setup-does-not-fit", test_setup_does_not_fit);
  g_test_add_func ("/checker/self/start-too-early", test_start_too_early);
  g_test_add_func ("/checker/self/outside-working-time", test_outside_working_time);
  g_test_add_func ("/checker/self/wrong-machine", test_wrong_machine);
  g_test_add_func ("/checker/self/uncovered", test_uncovered);
  g_test_add_func ("/checker/self/stock-and-surplus", test_stock_and_surplus);
  g_test_add_func ("/checker/self/min-max-run", test_min_max_run);
  g_test_add_func ("/checker/self/pin", test_pin);
  g_test_add_func ("/checker/self/campaign-demand", test_campaign_demand);
  g_test_add_func ("/checker/self/never-works", test_never_works);

  return g_test_run ();
}
