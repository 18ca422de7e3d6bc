/* test-quality.c — a quick regression guard on plan quality
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plans random 7-job instances against their optimum found by trying
 * every order; then common-due-date and weighted-tardiness sets (all of
 * sch10, sch20, wt40, wt50, the first cases of sch50, sch100, sch500,
 * sch1000, wt100) under
 * a work bound (so the result does not depend on the machine's speed) and
 * asserts that the mean gap to the reference and the count of exact hits
 * stay at the level measured.  When the planner gets
 * better, raise the levels below.  The levels are skipped when the
 * benchmarks folder (meson option benchmarks-data) is missing.
 */

#define G_LOG_DOMAIN "test-quality"

#include <stdio.h>

#include "takt-orlib.h"

#define EVALUATIONS 2000000
#define SEED 1

typedef struct
{
  const char *set;
  guint       first;         /* 0: all */
  double      max_mean_gap;  /* as a fraction */
  int         min_hits;      /* exact hits among references > 0 */
  int         min_zero_hits; /* cost 0 among references of 0 */
} Level;

/* The levels, measured at 2,000,000 evaluations, seed 1 (the sequencing
 * search of takt-search.c, with its early/tardy partition search for a
 * common due date): sch10 and sch20 40/40 exact; sch50 #1-8 mean gap
 * -0.0084 %, 7/8 exact; sch100 #1-8 -0.0760 %, 4/8 exact; sch500 #1-4
 * -0.0467 %; sch1000 #1-4 +0.0212 %, 1/4 exact; wt40 125/125 (107 exact,
 * 18 references of 0 met); wt50 +0.0025 %, 106/108 exact and 17/17 of 0;
 * wt100 #1-25 +0.0476 %, 18/25 exact.  Mean gaps rounded up in the fifth
 * decimal. */
static const Level levels[] = {
  { "sch10", 0, 0.0, 40, 0 },
  { "sch20", 0, 0.0, 40, 0 },
  { "sch50", 8, -0.00008, 7, 0 },
  { "sch100", 8, -0.00076, 4, 0 },
  { "sch500", 4, -0.00046, 0, 0 },
  { "sch1000", 4, 0.00022, 1, 0 },
  { "wt40", 0, 0.0, 107, 18 },
  { "wt50", 0, 0.00003, 106, 17 },
  { "wt100", 25, 0.00048, 18, 0 },
};

static const char *data_dir;

static void
test_level (gconstpointer data)
{
  const Level *level = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) instances = takt_orlib_load_set (data_dir, level->set, &error);
  TaktOrlibSummary s = { 0 };
  double mean;

  g_assert_no_error (error);
  s.set = (char *) level->set;
  for (guint k = 0; k < instances->len && (level->first == 0 || k < level->first); k++)
    {
      const TaktOrlibInstance *inst = g_ptr_array_index (instances, k);
      TaktOrlibResult result;

      takt_orlib_solve (inst, -1, EVALUATIONS, SEED, &result);
      takt_orlib_summary_add (&s, inst, &result);
      if (result.cost != inst->reference)
        g_test_message ("%s: cost %.0f, reference %.0f", inst->label, result.cost, inst->reference);
    }
  mean = s.with_gap > 0 ? s.gap_sum / s.with_gap : 0;
  g_test_message ("%s: %d instances, mean gap %+.4f %%, worst %+.4f %%, %d/%d exact, %d better, "
                  "%d/%d zero references met, %.1f ms each (%d evaluations, seed %d)",
                  level->set, s.instances, 100 * mean, s.with_gap > 0 ? 100 * s.worst_gap : 0.0,
                  s.hits, s.with_gap, s.better, s.zero_hits, s.zero_refs, s.ms_sum / s.instances,
                  EVALUATIONS, SEED);
  /* The planner's own total is the benchmark's objective. */
  g_assert_cmpint (s.mismatches, ==, 0);
  g_assert_cmpfloat (mean, <=, level->max_mean_gap + 1e-9);
  g_assert_cmpint (s.hits, >=, level->min_hits);
  g_assert_cmpint (s.zero_hits, >=, level->min_zero_hits);
}

/* The optimum of a small instance by trying every order: jobs back to
 * back from a start S >= 0 (no idle time is needed for a common due date
 * nor for weighted tardiness); the best S makes some job finish on the
 * due date, or is 0. */
static double
brute_force (const TaktOrlibInstance *inst)
{
  int n = inst->n, perm[8], c[8] = { 0 };
  double best = G_MAXDOUBLE;
  int i = 0;

  g_assert_cmpint (n, <=, 8);
  for (int k = 0; k < n; k++)
    perm[k] = k;
  /* Heap's algorithm. */
  for (gboolean first = TRUE;; first = FALSE)
    {
      if (!first)
        {
          while (i < n && c[i] >= i)
            c[i++] = 0;
          if (i >= n)
            break;
          {
            int a = i % 2 == 0 ? 0 : c[i], t = perm[a];

            perm[a] = perm[i];
            perm[i] = t;
          }
          c[i]++;
          i = 0;
        }
      for (int anchor = -1; anchor < n; anchor++)
        {
          gint64 s = 0, t;
          double cost = 0;

          if (anchor >= 0)
            {
              for (int k = 0; k <= anchor; k++)
                s += inst->p[perm[k]];
              s = inst->due[perm[anchor]] - s;
              if (s < 0)
                continue;
            }
          t = s;
          for (int k = 0; k < n; k++)
            {
              int j = perm[k];

              t += inst->p[j];
              cost += t < inst->due[j] ? (double) inst->early[j] * (double) (inst->due[j] - t)
                                       : (double) inst->late[j] * (double) (t - inst->due[j]);
            }
          best = MIN (best, cost);
        }
    }
  return best;
}

/* Random instances of 7 jobs, half with a common due date, half weighted
 * tardiness with due dates of their own: the planner (under a work bound)
 * finds the optimum found by trying all 5040 orders. */
static void
test_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);

  for (int r = 0; r < 24; r++)
    {
      TaktOrlibInstance inst = { 0 };
      gint64 p[7], early[7], late[7], due[7], sum = 0;
      TaktOrlibResult result;
      gboolean common = r % 2 == 0;
      double optimum;

      inst.set = (char *) (common ? "cdd" : "wt");
      inst.label = (char *) (common ? "random common due date" : "random weighted tardiness");
      inst.n = 7;
      inst.p = p;
      inst.early = early;
      inst.late = late;
      inst.due = due;
      for (int j = 0; j < 7; j++)
        {
          p[j] = g_rand_int_range (rand, 1, 21);
          early[j] = common ? g_rand_int_range (rand, 1, 11) : 0;
          late[j] = g_rand_int_range (rand, 1, 16);
          sum += p[j];
        }
      for (int j = 0; j < 7; j++)
        due[j] = common ? (gint64) (sum * (0.2 + 0.2 * (r / 2 % 4)))
                        : g_rand_int_range (rand, 0, (gint32) sum);
      optimum = brute_force (&inst);
      inst.reference = optimum;
      takt_orlib_solve (&inst, -1, 200000, SEED, &result);
      g_test_message ("%s %d: cost %.0f, optimum %.0f", inst.label, r, result.cost, optimum);
      g_assert_cmpfloat (result.cost, ==, result.objective);
      g_assert_cmpfloat (result.cost, ==, optimum);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quality/brute-force", test_brute_force);

  data_dir = g_getenv ("TAKT_BENCHMARKS_DATA");
  if (data_dir == NULL || !g_file_test (data_dir, G_FILE_TEST_IS_DIR))
    {
      g_test_message ("no benchmarks folder (TAKT_BENCHMARKS_DATA=%s): levels skipped",
                      data_dir != NULL ? data_dir : "(unset)");
      return g_test_run ();
    }
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autofree char *path = g_strdup_printf ("/quality/%s", levels[i].set);
      g_test_add_data_func (path, &levels[i], test_level);
    }
  return g_test_run ();
}
