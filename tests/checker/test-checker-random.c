/* test-checker-random.c — the planner's schedules under the checker
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For every strategy, on TAKT_CHECKER_PLANS (default 500) tiny random plans
 * from the generator (seeds 1…N), plus the sample plan and a generated S
 * plan:
 *   - the construction (time_limit_ms 0) and a work-bounded search
 *     (time_limit_ms −1, EVALUATIONS moves) both pass the checker;
 *   - the search never ends above the construction's total, and evaluates
 *     no more moves than its bound;
 *   - two runs with the same seed and work bound save the same bytes.
 * And across strategies: jit's holding cost is at most asap's.
 */

#define G_LOG_DOMAIN "test-checker-random"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "takt-checker.h"
#include "takt-generator.h"

#define EVALUATIONS 200
#define MAX_REPORTED 8

static guint
n_plans (void)
{
  const char *env = g_getenv ("TAKT_CHECKER_PLANS");
  guint64 n = 500;

  if (env != NULL && !g_ascii_string_to_unsigned (env, 10, 1, G_MAXUINT, &n, NULL))
    g_error ("TAKT_CHECKER_PLANS=%s is not a count", env);
  return (guint) n;
}

static TaktSchedule *
plan_with (const TaktPlan  *plan,
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
  g_assert_nonnull (*stats);
  return schedule;
}

/* The document with @schedule filled in, as saved. */
static char *
saved_with (TaktPlan     *plan,
            TaktSchedule *schedule)
{
  TaktSchedule *old = plan->schedule;
  char *data;

  plan->schedule = schedule;
  data = takt_plan_to_data (plan, NULL);
  plan->schedule = old;
  return data;
}

static gboolean
total_not_above (double search,
                 double construction)
{
  return search <= construction + 1e-9 * MAX (1.0, construction);
}

typedef struct
{
  guint    failures;
  GString *report;
} Failures;

static void failure (Failures *f, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
failure (Failures   *f,
         const char *format,
         ...)
{
  va_list args;

  f->failures++;
  if (f->failures > MAX_REPORTED)
    return;
  va_start (args, format);
  g_string_append_vprintf (f->report, format, args);
  va_end (args);
  g_string_append_c (f->report, '\n');
}

/* Checks one plan under one strategy; every problem goes to @f. */
static void
check_plan (TaktPlan     *plan,
            const char   *what,
            TaktStrategy  strategy,
            guint64       seed,
            gint64        evaluations,
            Failures     *f)
{
  g_autoptr(TaktPlanStats) st0 = NULL;
  g_autoptr(TaktPlanStats) st1 = NULL;
  g_autoptr(TaktPlanStats) st2 = NULL;
  g_autoptr(TaktSchedule) s0 = plan_with (plan, strategy, 0, 0, seed, &st0);
  g_autoptr(TaktSchedule) s1 = plan_with (plan, strategy, -1, evaluations, seed, &st1);
  g_autoptr(TaktSchedule) s2 = plan_with (plan, strategy, -1, evaluations, seed, &st2);
  g_autoptr(GPtrArray) v0 = takt_schedule_checker_run (plan, s0, st0, NULL);
  g_autoptr(GPtrArray) v1 = takt_schedule_checker_run (plan, s1, st1, NULL);
  g_autofree char *d1 = saved_with (plan, s1);
  g_autofree char *d2 = saved_with (plan, s2);
  const char *name = takt_strategy_to_string (strategy);

  if (v0->len > 0)
    {
      g_autofree char *text = takt_schedule_checker_format (v0);
      failure (f, "%s, %s construction:\n%s", what, name, text);
    }
  if (v1->len > 0)
    {
      g_autofree char *text = takt_schedule_checker_format (v1);
      failure (f, "%s, %s search (%" G_GINT64_FORMAT " evaluations):\n%s", what, name,
               evaluations, text);
    }
  if (!total_not_above (st1->total, st0->total))
    failure (f, "%s, %s: the search raised the total from %.17g to %.17g", what, name,
             st0->total, st1->total);
  if (st1->evaluations > evaluations)
    failure (f, "%s, %s: %" G_GINT64_FORMAT " evaluations under a bound of %" G_GINT64_FORMAT,
             what, name, st1->evaluations, evaluations);
  if (g_strcmp0 (d1, d2) != 0)
    failure (f, "%s, %s: two runs with seed %" G_GUINT64_FORMAT " and %" G_GINT64_FORMAT
             " evaluations saved different documents", what, name, seed, evaluations);
}

static void
test_random (gconstpointer data)
{
  TaktStrategy strategy = GPOINTER_TO_INT (data);
  guint n = n_plans ();
  Failures f = { 0, g_string_new (NULL) };
  gint64 t0 = g_get_monotonic_time ();

  for (guint seed = 1; seed <= n; seed++)
    {
      g_autoptr(TaktPlan) plan = takt_generator_make (TAKT_GENERATOR_TINY, seed);
      g_autofree char *what = g_strdup_printf ("tiny plan %u (takt-generate tiny %u)", seed, seed);

      check_plan (plan, what, strategy, seed, EVALUATIONS, &f);
    }
  g_test_message ("%s: %u tiny plans, %u failures, %.1f s", takt_strategy_to_string (strategy),
                  n, f.failures, (g_get_monotonic_time () - t0) / 1e6);
  if (f.failures > 0)
    g_test_message ("first failures:\n%s", f.report->str);
  g_assert_cmpuint (f.failures, ==, 0);
  g_string_free (f.report, TRUE);
}

/* jit pulls every run as late as it can; asap pushes it as early as it can.
 * So jit's holding cost should not exceed asap's.  Both are compared on
 * the construction (time_limit_ms 0).  The property is asserted on plans
 * without pins; with pins it is not a theorem (a pin placed early forces
 * stock in any strategy and jit may then trade holding for tardiness), so
 * exceptions there are only reported. */
static void
test_jit_vs_asap (void)
{
  guint n = n_plans ();
  guint checked = 0, pinned = 0, pinned_exceptions = 0;
  Failures f = { 0, g_string_new (NULL) };

  for (guint seed = 1; seed <= n; seed++)
    {
      g_autoptr(TaktPlan) plan = takt_generator_make (TAKT_GENERATOR_TINY, seed);
      g_autoptr(TaktPlanStats) jit = NULL;
      g_autoptr(TaktPlanStats) asap = NULL;
      g_autoptr(TaktSchedule) s_jit = plan_with (plan, TAKT_STRATEGY_JIT, 0, 0, seed, &jit);
      g_autoptr(TaktSchedule) s_asap = plan_with (plan, TAKT_STRATEGY_ASAP, 0, 0, seed, &asap);
      gboolean ok = jit->holding <= asap->holding + 1e-9 * MAX (1.0, asap->holding);

      if (plan->pins->len > 0)
        {
          pinned++;
          if (!ok)
            {
              pinned_exceptions++;
              g_test_message ("tiny plan %u (with pins): jit holding %.6f > asap holding %.6f",
                              seed, jit->holding, asap->holding);
            }
          continue;
        }
      checked++;
      if (!ok)
        failure (&f, "tiny plan %u: jit holding %.9g > asap holding %.9g (totals %.9g, %.9g)",
                 seed, jit->holding, asap->holding, jit->total, asap->total);
    }
  g_test_message ("jit vs asap: %u pin-free plans checked, %u exceptions; %u plans with pins, "
                  "%u exceptions (reported only)", checked, f.failures, pinned, pinned_exceptions);
  if (f.failures > 0)
    g_test_message ("first failures:\n%s", f.report->str);
  g_assert_cmpuint (checked, >, n / 2);
  g_assert_cmpuint (f.failures, ==, 0);
  g_string_free (f.report, TRUE);
}

static void
test_sample (void)
{
  const char *root = g_getenv ("TAKT_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autoptr(TaktPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  Failures f = { 0, g_string_new (NULL) };

  if (root == NULL)
    root = g_getenv ("G_TEST_SRCDIR");
  path = root != NULL ? g_build_filename (root, "data", "examples", "print-farm.takt", NULL) : NULL;
  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no data/examples/print-farm.takt");
      g_string_free (f.report, TRUE);
      return;
    }
  plan = takt_plan_load_from_file (path, &error);
  g_assert_no_error (error);
  for (int s = 0; s < TAKT_N_STRATEGIES; s++)
    check_plan (plan, "print-farm.takt", s, 1, 2000, &f);
  if (f.failures > 0)
    g_test_message ("failures:\n%s", f.report->str);
  g_assert_cmpuint (f.failures, ==, 0);
  g_string_free (f.report, TRUE);
}

static void
test_generated_s (void)
{
  g_autoptr(TaktPlan) plan = takt_generator_make (TAKT_GENERATOR_S, 1);
  Failures f = { 0, g_string_new (NULL) };

  for (int s = 0; s < TAKT_N_STRATEGIES; s++)
    check_plan (plan, "generated S plan 1", s, 1, 2000, &f);
  if (f.failures > 0)
    g_test_message ("failures:\n%s", f.report->str);
  g_assert_cmpuint (f.failures, ==, 0);
  g_string_free (f.report, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/checker/random/jit", GINT_TO_POINTER (TAKT_STRATEGY_JIT), test_random);
  g_test_add_data_func ("/checker/random/level", GINT_TO_POINTER (TAKT_STRATEGY_LEVEL), test_random);
  g_test_add_data_func ("/checker/random/asap", GINT_TO_POINTER (TAKT_STRATEGY_ASAP), test_random);
  g_test_add_func ("/checker/random/jit-vs-asap", test_jit_vs_asap);
  g_test_add_func ("/checker/sample", test_sample);
  g_test_add_func ("/checker/generated-s", test_generated_s);

  return g_test_run ();
}
