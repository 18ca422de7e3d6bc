/* test-search-limits.c — the search stops when it is told to
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Without measuring wall time where that can be avoided:
 *   - a search bounded by work evaluates exactly its bound (S), and more
 *     work never ends worse;
 *   - cancelled from its progress callback (the app's worker thread does
 *     the same from outside), the search stops at the next move: the
 *     planner returns nothing, cancelled, and the callback is not called
 *     again;
 *   - a decode that finds the planning cancelled ends within 64 runs of a
 *     pass (a big plan's construction does not run to its end);
 *   - a time limit that the construction alone has spent (1 ms on M) lets
 *     the search evaluate nothing.
 */

#define G_LOG_DOMAIN "test-search-limits"

#include <gio/gio.h>

#include "takt-generator.h"
#include "takt-planner-private.h"

static TaktPlanStats *
plan_stats (const TaktPlan *plan,
            gint64          time_limit_ms,
            gint64          evaluations)
{
  TaktPlannerOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(TaktSchedule) schedule = NULL;
  TaktPlanStats *stats = NULL;

  takt_planner_options_init (&options, plan);
  options.strategy = TAKT_STRATEGY_JIT;
  options.time_limit_ms = time_limit_ms;
  options.evaluations = evaluations;
  options.seed = 3;
  schedule = takt_planner_run (plan, &options, &stats, &error);
  g_assert_no_error (error);
  g_assert_nonnull (schedule);
  return stats;
}

static void
test_work_bound (void)
{
  g_autoptr(TaktPlan) plan = takt_generator_make (TAKT_GENERATOR_S, 1);
  g_autoptr(TaktPlanStats) a = plan_stats (plan, -1, 700);
  g_autoptr(TaktPlanStats) b = plan_stats (plan, -1, 1);

  g_test_message ("S: %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT " evaluations", a->evaluations,
                  b->evaluations);
  g_assert_cmpint (a->evaluations, ==, 700);
  g_assert_cmpint (b->evaluations, ==, 1);
  g_assert_cmpfloat (a->total, <=, b->total);
}

typedef struct
{
  GCancellable *cancellable;
  int           calls;
  int           after_cancel;
} Progress;

static void
on_progress (double   fraction,
             double   best_total,
             gpointer user_data)
{
  Progress *p = user_data;

  p->calls++;
  if (g_cancellable_is_cancelled (p->cancellable))
    p->after_cancel++;
  else if (p->calls == 2)
    g_cancellable_cancel (p->cancellable);
}

static void
test_cancel_in_search (void)
{
  g_autoptr(TaktPlan) plan = takt_generator_make (TAKT_GENERATOR_S, 2);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  TaktPlannerOptions options;
  TaktSchedule *schedule;
  Progress p = { cancellable, 0, 0 };

  takt_planner_options_init (&options, plan);
  options.strategy = TAKT_STRATEGY_JIT;
  options.time_limit_ms = -1;
  options.evaluations = 1000000;
  options.cancellable = cancellable;
  options.progress = on_progress;
  options.progress_data = &p;
  schedule = takt_planner_run (plan, &options, NULL, &error);
  g_test_message ("progress called %d times, %d after the cancel", p.calls, p.after_cancel);
  g_assert_null (schedule);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (p.calls, ==, 2);
  g_assert_cmpint (p.after_cancel, ==, 0);
}

static void
test_cancel_in_decode (void)
{
  g_autoptr(TaktPlan) plan = takt_generator_make (TAKT_GENERATOR_M, 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  TaktModel *model = takt_model_new (plan, TAKT_STRATEGY_JIT);
  TaktSolution *solution = takt_solution_construct (model, TAKT_STRATEGY_JIT);
  guint placed = 0;

  g_assert_false (model->cancelled);
  g_assert_cmpuint (solution->runs->len, >, 200);
  for (guint i = 0; i < solution->runs->len; i++)
    ((TaktPRun *) g_ptr_array_index (solution->runs, i))->placed = FALSE;
  g_cancellable_cancel (cancellable);
  model->cancellable = cancellable;
  solution->mode = TAKT_DECODE_PUSH;
  takt_solution_decode (model, solution);
  for (guint i = 0; i < solution->runs->len; i++)
    placed += ((TaktPRun *) g_ptr_array_index (solution->runs, i))->placed;
  g_test_message ("%u of %u runs placed after the cancel", placed, solution->runs->len);
  g_assert_true (model->cancelled);
  g_assert_cmpuint (placed, <, 64);
  takt_solution_free (solution);
  takt_model_free (model);
}

static void
test_limit_spent (void)
{
  g_autoptr(TaktPlan) plan = takt_generator_make (TAKT_GENERATOR_M, 1);
  g_autoptr(TaktPlanStats) stats = plan_stats (plan, 1, 0);

  g_test_message ("M with 1 ms: %" G_GINT64_FORMAT " evaluations, %.1f ms", stats->evaluations,
                  stats->plan_ms);
  g_assert_cmpint (stats->evaluations, ==, 0);
  g_assert_cmpint (stats->runs, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-limits/work-bound", test_work_bound);
  g_test_add_func ("/search-limits/cancel-in-search", test_cancel_in_search);
  g_test_add_func ("/search-limits/cancel-in-decode", test_cancel_in_decode);
  g_test_add_func ("/search-limits/limit-spent", test_limit_spent);
  return g_test_run ();
}
