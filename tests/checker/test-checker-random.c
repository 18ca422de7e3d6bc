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
 * And across strategies: jit's holding cost is at most asap's where that
 * must hold (see test_jit_vs_asap); on the generator's S and M plans jit's
 * total after a work-bounded search is at least 30 % below asap's, the
 * lot-for-lot push baseline (issue 4; see test_jit_vs_asap_generated);
 * runs that cover no demand are counted.
 */

#define G_LOG_DOMAIN "test-checker-random"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "planner-fixture.h"
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
  g_autoptr(TaktSchedule) s0 = fix_run (plan, strategy, 0, 0, seed, &st0);
  g_autoptr(TaktSchedule) s1 = fix_run (plan, strategy, -1, evaluations, seed, &st1);
  g_autoptr(TaktSchedule) s2 = fix_run (plan, strategy, -1, evaluations, seed, &st2);
  g_autoptr(GPtrArray) v0 = takt_schedule_checker_run (plan, s0, st0, NULL);
  g_autoptr(GPtrArray) v1 = takt_schedule_checker_run (plan, s1, st1, NULL);
  g_autofree char *d1 = fix_saved_with (plan, s1);
  g_autofree char *d2 = fix_saved_with (plan, s2);
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

static gboolean
not_above (double a,
           double b)
{
  return a <= b + 1e-9 * MAX (1.0, b);
}

/* jit pulls every run as late as it can; asap pushes it as early as it can.
 * Is jit's holding cost at most asap's?  Not on every plan, and the
 * measurements (1,000 and 2,000 seeds, November 2026) say why:
 *   - jit groups demand into runs to save setup cost (a lot-sizing trade
 *     of holding for setups), where asap makes a run per demand (lot for
 *     lot, the baseline of issue 4), so the two hold different lots;
 *   - in an overloaded plan asap is late, and a late unit holds nothing,
 *     while jit's due-date order keeps more units on time (and early);
 *   - a pin placed early forces stock in any strategy.
 * So the property is asserted where it must hold: on a lot-for-lot copy of
 * each plan (free setups, no run bounds, no pins) on which asap delivers
 * everything on time — there jit never finished a unit earlier than
 * needed more than asap did, for the construction and after a
 * work-bounded search (0 exceptions in 1,024 such plans).  On the plans as
 * generated the exceptions are counted and the first ones reported. */
static void
test_jit_vs_asap (void)
{
  guint n = n_plans ();
  guint checked = 0, exceptions[2] = { 0, 0 }, worse_total = 0, pinned = 0;
  Failures f = { 0, g_string_new (NULL) };
  GString *reported = g_string_new (NULL);

  for (guint seed = 1; seed <= n; seed++)
    {
      g_autoptr(TaktPlan) plan = takt_generator_make (TAKT_GENERATOR_TINY, seed);
      g_autoptr(TaktPlan) l4l = fix_lot_for_lot_copy (plan);
      g_autoptr(TaktPlanStats) jit = NULL;
      g_autoptr(TaktPlanStats) asap = NULL;
      g_autoptr(TaktPlanStats) l_jit = NULL;
      g_autoptr(TaktPlanStats) l_search = NULL;
      g_autoptr(TaktPlanStats) l_asap = NULL;
      g_autoptr(TaktSchedule) s_jit = fix_run (plan, TAKT_STRATEGY_JIT, 0, 0, seed, &jit);
      g_autoptr(TaktSchedule) s_asap = fix_run (plan, TAKT_STRATEGY_ASAP, 0, 0, seed, &asap);
      g_autoptr(TaktSchedule) sl_jit = fix_run (l4l, TAKT_STRATEGY_JIT, 0, 0, seed, &l_jit);
      g_autoptr(TaktSchedule) sl_search = fix_run (l4l, TAKT_STRATEGY_JIT, -1, EVALUATIONS, seed, &l_search);
      g_autoptr(TaktSchedule) sl_asap = fix_run (l4l, TAKT_STRATEGY_ASAP, 0, 0, seed, &l_asap);
      gboolean has_pins = plan->pins->len > 0;

      pinned += has_pins;
      if (!not_above (jit->holding, asap->holding))
        {
          exceptions[has_pins]++;
          if (!not_above (jit->total, asap->total))
            worse_total++;
          if (exceptions[0] + exceptions[1] <= MAX_REPORTED)
            g_string_append_printf (reported, "tiny plan %u%s: jit holding %.6f > asap %.6f "
                                    "(totals %.6f, %.6f)\n", seed, has_pins ? " (pins)" : "",
                                    jit->holding, asap->holding, jit->total, asap->total);
        }

      if (l_asap->late_units > 0 || l_asap->unmet_units > 0)
        continue;
      checked++;
      if (!not_above (l_jit->holding, l_asap->holding))
        failure (&f, "lot-for-lot copy of tiny plan %u: jit holding %.9g > asap holding %.9g",
                 seed, l_jit->holding, l_asap->holding);
      if (!not_above (l_search->holding, l_asap->holding))
        failure (&f, "lot-for-lot copy of tiny plan %u: jit holding after the search %.9g > "
                 "asap holding %.9g", seed, l_search->holding, l_asap->holding);
    }
  g_test_message ("plans as generated: jit holding above asap's on %u of %u pin-free plans and "
                  "%u of %u with pins; %u of those also have a higher total (reported only)",
                  exceptions[0], n - pinned, exceptions[1], pinned, worse_total);
  if (reported->len > 0)
    g_test_message ("first of them:\n%s", reported->str);
  g_test_message ("lot-for-lot copies on which asap is on time: %u checked, %u exceptions",
                  checked, f.failures);
  if (f.failures > 0)
    g_test_message ("first failures:\n%s", f.report->str);
  g_assert_cmpuint (checked, >, n / 4);
  g_assert_cmpuint (f.failures, ==, 0);
  g_string_free (f.report, TRUE);
  g_string_free (reported, TRUE);
}

/* What jit is for, on plans like a plant's (issue 4): on the generator's S
 * and M plans (seed 1), jit after a work-bounded search (deterministic,
 * unlike the 1 s) costs at least 30 % less in total than asap, the
 * push baseline with a run per demand.  This replaces asserting "jit holds
 * less stock than asap" on the random plans as drawn, which is not true in
 * general now that the two make different lots.  The bounds take about
 * 0.5 s on S and 2 s on M here (M evaluates some 100 moves a second). */
static void
test_jit_vs_asap_generated (void)
{
  static const struct
  {
    TaktGeneratorSize size;
    gint64            evaluations;
  } cases[] = { { TAKT_GENERATOR_S, 2000 }, { TAKT_GENERATOR_M, 200 } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TaktPlan) plan = takt_generator_make (cases[i].size, 1);
      g_autoptr(TaktPlanStats) jit = NULL;
      g_autoptr(TaktPlanStats) asap = NULL;
      g_autoptr(TaktSchedule) s_jit = fix_run (plan, TAKT_STRATEGY_JIT, -1,
                                               cases[i].evaluations, 1, &jit);
      g_autoptr(TaktSchedule) s_asap = fix_run (plan, TAKT_STRATEGY_ASAP, 0, 0, 1, &asap);
      const char *name = takt_generator_size_to_string (cases[i].size);

      g_test_message ("%s plan 1: asap total %.2f (%u runs, setup %.2f, holding %.2f, "
                      "tardiness %.2f); jit after %" G_GINT64_FORMAT " evaluations %.2f "
                      "(%u runs), %.1f %% below", name, asap->total, s_asap->runs->len,
                      asap->setup, asap->holding, asap->tardiness, jit->evaluations,
                      jit->total, s_jit->runs->len,
                      100.0 * (asap->total - jit->total) / asap->total);
      g_assert_cmpfloat (asap->total, >, 0);
      g_assert_cmpfloat (jit->total, <=, 0.7 * asap->total);
      /* Nothing is bought by dropping demand. */
      g_assert_cmpint (jit->unmet_units, ==, asap->unmet_units);
    }
}

/* Not a rule of the format, but a run that covers no demand (and is not a
 * pin) only adds setup and surplus stock: the planner should not make
 * one.  Known to happen (see the message); marked incomplete, not failed,
 * until the planner stops it. */
static void
test_idle_runs (void)
{
  guint n = n_plans ();
  guint plans[TAKT_N_STRATEGIES] = { 0 }, runs[TAKT_N_STRATEGIES] = { 0 };
  GString *seeds = g_string_new (NULL);
  guint total = 0;

  for (guint seed = 1; seed <= n; seed++)
    {
      g_autoptr(TaktPlan) plan = takt_generator_make (TAKT_GENERATOR_TINY, seed);

      for (int s = 0; s < TAKT_N_STRATEGIES; s++)
        {
          g_autoptr(TaktPlanStats) stats = NULL;
          g_autoptr(TaktSchedule) schedule = fix_run (plan, s, 0, 0, seed, &stats);
          guint idle = 0;

          for (guint r = 0; r < schedule->runs->len; r++)
            {
              const TaktRun *run = g_ptr_array_index (schedule->runs, r);

              if (!run->pinned && (run->covers == NULL || run->covers->len == 0))
                idle++;
            }
          if (idle == 0)
            continue;
          plans[s]++;
          runs[s] += idle;
          if (++total <= MAX_REPORTED)
            g_string_append_printf (seeds, " %s:%u", takt_strategy_to_string (s), seed);
        }
    }
  g_test_message ("unpinned runs that cover no demand: jit %u runs in %u plans, level %u in %u, "
                  "asap %u in %u (of %u plans); first:%s", runs[0], plans[0], runs[1], plans[1],
                  runs[2], plans[2], n, seeds->len > 0 ? seeds->str : " none");
  if (total > 0)
    g_test_incomplete ("the planner makes runs that cover no demand");
  g_string_free (seeds, TRUE);
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
  g_test_add_func ("/checker/generated/jit-vs-asap", test_jit_vs_asap_generated);
  g_test_add_func ("/checker/random/idle-runs", test_idle_runs);
  g_test_add_func ("/checker/sample", test_sample);
  g_test_add_func ("/checker/generated-s", test_generated_s);

  return g_test_run ();
}
