/* test-incremental.c — the decoder's caches change nothing
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The search decodes a solution after every move, and the decoder keeps
 * what it computed for each run (takt-memo.c), per product costs and the
 * like, to redo only what a move changed.  This is the proof that it is
 * an exact speed-up: on random plans (the checker's tiny ones, with pins
 * now and then), on generated S and M plans, a long sequence of random
 * moves of every kind the search makes (order, machine, merge, split, the
 * release of a run, the decode mode), some of them taken back the way the
 * search takes a move back (without decoding again), is decoded by a model
 * that caches and, after every move, by a second model that computes
 * everything from scratch (no_memo) on a copy whose times were wiped:
 * every run's placing, machines, times and unit finishes and every total
 * must be the same, bit for bit.  Then the whole search, bounded by work,
 * gives the same result either way.  With -m thorough, an L plan too.
 */

#define G_LOG_DOMAIN "test-incremental"

#include <string.h>

#include "takt-generator.h"
#include "takt-planner-private.h"

typedef struct
{
  guint decodes;
  guint runs;
  guint moves[8];
} Tally;

static guint
n_tiny (void)
{
  const char *env = g_getenv ("TAKT_INCREMENTAL_PLANS");
  guint64 n = 200;

  if (env != NULL && !g_ascii_string_to_unsigned (env, 10, 1, G_MAXUINT, &n, NULL))
    g_error ("TAKT_INCREMENTAL_PLANS=%s is not a count", env);
  return (guint) n;
}

static guint
steps_of (const TaktModel *model,
          const TaktPRun  *run)
{
  return takt_model_product (model, run->product)->routing->len;
}

/* A copy of @solution for @model with every decoded value wiped. */
static TaktSolution *
wiped_copy (const TaktModel    *model,
            const TaktSolution *solution)
{
  TaktSolution *copy = takt_solution_copy (model, solution);

  for (guint i = 0; i < copy->runs->len; i++)
    {
      TaktPRun *run = g_ptr_array_index (copy->runs, i);
      guint n = steps_of (model, run);

      run->placed = FALSE;
      run->latest = -7;
      for (guint j = 0; j < n; j++)
        {
          run->use[j] = 99;
          run->setup_start[j] = run->start[j] = run->end[j] = -7;
        }
      for (gsize u = 0; u < run->finish_len; u++)
        run->finish[u] = -7;
    }
  copy->total = copy->holding = copy->tardiness = copy->setup = -7;
  copy->unmet = -7;
  return copy;
}

/* Both decoded the same way, bit for bit. */
static gboolean
same_decode (const TaktModel    *model,
             const TaktSolution *a,
             const TaktSolution *b,
             gboolean            with_push_holding,
             const char         *where)
{
  if (a->runs->len != b->runs->len || a->order->len != b->order->len)
    {
      g_test_message ("%s: the solutions differ in size", where);
      return FALSE;
    }
  if (a->total != b->total || a->holding != b->holding || a->tardiness != b->tardiness ||
      a->setup != b->setup || a->unmet != b->unmet ||
      (with_push_holding && a->mode == TAKT_DECODE_PUSH_JUSTIFY && a->push_holding != b->push_holding))
    {
      g_test_message ("%s: totals %.17g/%.17g holding %.17g/%.17g tardiness %.17g/%.17g "
                      "setup %.17g/%.17g unmet %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                      where, a->total, b->total, a->holding, b->holding, a->tardiness,
                      b->tardiness, a->setup, b->setup, a->unmet, b->unmet);
      return FALSE;
    }
  for (guint i = 0; i < a->runs->len; i++)
    {
      const TaktPRun *x = g_ptr_array_index (a->runs, i);
      const TaktPRun *y = g_ptr_array_index (b->runs, i);
      guint n = steps_of (model, x);

      if (x->placed != y->placed)
        {
          g_test_message ("%s: run %u placed %d/%d", where, i, x->placed, y->placed);
          return FALSE;
        }
      if (!x->placed)
        continue;
      if (a->mode == TAKT_DECODE_PULL && x->latest != y->latest)
        {
          g_test_message ("%s: run %u latest start %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                          where, i, x->latest, y->latest);
          return FALSE;
        }
      for (guint j = 0; j < n; j++)
        if (x->use[j] != y->use[j] || x->setup_start[j] != y->setup_start[j] ||
            x->start[j] != y->start[j] || x->end[j] != y->end[j])
          {
            g_test_message ("%s: run %u step %u: machine %d/%d setup %" G_GINT64_FORMAT "/%"
                            G_GINT64_FORMAT " start %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
                            " end %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                            where, i, j, x->use[j], y->use[j], x->setup_start[j], y->setup_start[j],
                            x->start[j], y->start[j], x->end[j], y->end[j]);
            return FALSE;
          }
      if (x->finish_len != y->finish_len ||
          memcmp (x->finish, y->finish, x->finish_len * sizeof (gint64)) != 0)
        {
          g_test_message ("%s: run %u: the unit finishes differ", where, i);
          return FALSE;
        }
    }
  return TRUE;
}

static int
position_of (const TaktSolution *solution,
             int                 r)
{
  for (guint i = 0; i < solution->order->len; i++)
    if (g_array_index (solution->order, int, i) == r)
      return (int) i;
  return -1;
}

static void
remove_run (TaktSolution *solution,
            int           r)
{
  int last = (int) solution->runs->len - 1;
  int pos = position_of (solution, r);

  if (pos >= 0)
    g_array_remove_index (solution->order, pos);
  g_ptr_array_remove_index_fast (solution->runs, r);
  if (r != last)
    for (guint i = 0; i < solution->order->len; i++)
      if (g_array_index (solution->order, int, i) == last)
        g_array_index (solution->order, int, i) = r;
}

/* One random move on @solution; returns its kind, or -1 when none applied. */
static int
random_move (TaktModel    *model,
             TaktSolution *solution,
             GRand        *rand)
{
  int n = (int) solution->order->len;
  int kind = g_rand_int_range (rand, 0, 7);
  TaktPRun *run;
  const TaktProduct *prod;

  if (n == 0)
    return -1;
  run = g_ptr_array_index (solution->runs, g_rand_int_range (rand, 0, (int) solution->runs->len));
  prod = takt_model_product (model, run->product);

  switch (kind)
    {
    case 0:   /* swap two neighbours, or any two */
    case 1:   /* move one a few places */
      {
        int i = g_rand_int_range (rand, 0, n);
        int k = kind == 0 && g_rand_boolean (rand) ? i + 1
                : i + g_rand_int_range (rand, -6, 7);
        int v;

        k = CLAMP (k, 0, n - 1);
        if (k == i)
          return -1;
        v = g_array_index (solution->order, int, i);
        if (kind == 0)
          {
            g_array_index (solution->order, int, i) = g_array_index (solution->order, int, k);
            g_array_index (solution->order, int, k) = v;
          }
        else
          {
            g_array_remove_index (solution->order, i);
            g_array_insert_val (solution->order, k, v);
          }
        return kind;
      }
    case 2:   /* a step's machine: chosen, or free */
      {
        int j = g_rand_int_range (rand, 0, (int) prod->routing->len);
        int s = ((const TaktStep *) g_ptr_array_index (prod->routing, j))->station_index;

        run->assign[j] = g_rand_int_range (rand, -1, model->station_machines[s]);
        return kind;
      }
    case 3:   /* merge with the product's next run */
      {
        for (guint i = 0; i < solution->runs->len; i++)
          {
            TaktPRun *o = g_ptr_array_index (solution->runs, i);
            gint64 units = o->b - run->a;

            if (o == run || o->product != run->product || o->a != run->b || o->b <= o->a)
              continue;
            if (prod->max_run > 0 && units > prod->max_run)
              return -1;
            run->b = o->b;
            run->quantity = MAX (units, MAX (prod->min_run, 1));
            remove_run (solution, (int) i);
            return kind;
          }
        return -1;
      }
    case 4:   /* split in two */
      {
        gint64 lo = MAX (prod->min_run, 1);
        gint64 cut;
        TaktPRun *second;
        int r = -1, idx;

        if (run->b - run->a < 2 * lo)
          return -1;
        cut = run->a + lo + g_rand_int_range (rand, 0, (int) MIN (run->b - run->a - 2 * lo + 1, 1000));
        second = takt_prun_copy (model, run);
        second->a = cut;
        second->quantity = MAX (run->b - cut, lo);
        run->b = cut;
        run->quantity = MAX (cut - run->a, lo);
        for (guint i = 0; i < solution->runs->len; i++)
          if (g_ptr_array_index (solution->runs, i) == run)
            r = (int) i;
        g_ptr_array_add (solution->runs, second);
        idx = (int) solution->runs->len - 1;
        g_array_insert_val (solution->order, position_of (solution, r) + 1, idx);
        return kind;
      }
    case 5:   /* a run's release (level repair moves it) */
      run->release = g_rand_boolean (rand) ? 0 : g_rand_int_range (rand, 0, 20) * 3 * 3600;
      return kind;
    case 6:   /* the decode mode */
    default:
      solution->mode = solution->mode == TAKT_DECODE_PULL ? TAKT_DECODE_PUSH_JUSTIFY
                       : solution->mode == TAKT_DECODE_PUSH_JUSTIFY && g_rand_int_range (rand, 0, 4) == 0
                       ? TAKT_DECODE_PUSH : TAKT_DECODE_PULL;
      return 6;
    }
}

/* @moves random moves on the jit construction of @plan, each decoded both
 * ways; half of them are taken back (without a decode) as the search takes
 * back a move that did not help. */
static gboolean
check_plan (const TaktPlan *plan,
            guint64         seed,
            int             moves,
            Tally          *tally,
            const char     *name)
{
  TaktModel *cached = takt_model_new (plan, TAKT_STRATEGY_JIT);
  TaktModel *scratch = takt_model_new (plan, TAKT_STRATEGY_JIT);
  TaktSolution *solution, *fresh;
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) seed);
  gboolean ok = TRUE;

  scratch->no_memo = TRUE;
  solution = takt_solution_construct (cached, TAKT_STRATEGY_JIT);
  fresh = takt_solution_construct (scratch, TAKT_STRATEGY_JIT);
  {
    g_autofree char *where = g_strdup_printf ("%s: construction", name);

    ok = same_decode (cached, solution, fresh, TRUE, where);
  }
  takt_solution_free (fresh);

  for (int m = 0; m < moves && ok; m++)
    {
      TaktSolution *before = takt_solution_copy (cached, solution);
      TaktSolution *check;
      int kind = random_move (cached, solution, rand);
      g_autofree char *where = NULL;

      if (kind < 0)
        {
          takt_solution_free (before);
          continue;
        }
      tally->moves[kind]++;
      takt_solution_decode (cached, solution);
      check = wiped_copy (scratch, solution);
      takt_solution_decode (scratch, check);
      where = g_strdup_printf ("%s: move %d (kind %d)", name, m, kind);
      ok = same_decode (cached, solution, check, TRUE, where);
      tally->decodes++;
      tally->runs += solution->runs->len;
      takt_solution_free (check);
      if (g_rand_boolean (rand))
        {
          /* Taken back: the times are left as they are. */
          TaktSolution tmp = *solution;

          *solution = *before;
          *before = tmp;
        }
      takt_solution_free (before);
    }

  takt_solution_free (solution);
  takt_model_free (cached);
  takt_model_free (scratch);
  return ok;
}

static void
report (const Tally *tally)
{
  g_test_message ("%u decodes compared (%u runs); moves by kind: order %u + %u, machine %u, "
                  "merge %u, split %u, release %u, mode %u",
                  tally->decodes, tally->runs, tally->moves[0], tally->moves[1], tally->moves[2],
                  tally->moves[3], tally->moves[4], tally->moves[5], tally->moves[6]);
}

static void
test_tiny (void)
{
  Tally tally = { 0 };
  guint n = n_tiny (), failed = 0;

  for (guint seed = 1; seed <= n; seed++)
    {
      g_autoptr(TaktPlan) plan = takt_generator_make (TAKT_GENERATOR_TINY, seed);
      g_autofree char *name = g_strdup_printf ("tiny %u", seed);

      if (!check_plan (plan, seed, 40, &tally, name))
        failed++;
    }
  report (&tally);
  g_assert_cmpuint (failed, ==, 0);
  g_assert_cmpuint (tally.decodes, >, 20 * n);
  /* Every kind of move was made. */
  for (int k = 0; k < 7; k++)
    g_assert_cmpuint (tally.moves[k], >, 0);
}

static void
test_generated (gconstpointer data)
{
  TaktGeneratorSize size = GPOINTER_TO_INT (data);
  Tally tally = { 0 };
  int moves = size == TAKT_GENERATOR_S ? 400 : size == TAKT_GENERATOR_M ? 120 : 12;
  guint failed = 0;

  for (guint64 seed = 1; seed <= (size == TAKT_GENERATOR_S ? 3 : 1); seed++)
    {
      g_autoptr(TaktPlan) plan = takt_generator_make (size, seed);
      g_autofree char *name = g_strdup_printf ("%s %" G_GUINT64_FORMAT,
                                               takt_generator_size_to_string (size), seed);

      if (!check_plan (plan, seed, moves, &tally, name))
        failed++;
    }
  report (&tally);
  g_assert_cmpuint (failed, ==, 0);
  g_assert_cmpuint (tally.decodes, >, moves / 2);
}

/* The search itself, bounded by work, with and without the caches. */
static gboolean
same_search (const TaktPlan *plan,
             guint64         seed,
             gint64          evaluations,
             const char     *name)
{
  TaktPlannerOptions options;
  TaktModel *models[2];
  TaktSolution *solutions[2];
  gint64 done[2];
  gboolean ok;

  takt_planner_options_init (&options, plan);
  options.strategy = TAKT_STRATEGY_JIT;
  options.time_limit_ms = -1;
  options.evaluations = evaluations;
  options.seed = seed;
  for (int i = 0; i < 2; i++)
    {
      models[i] = takt_model_new (plan, TAKT_STRATEGY_JIT);
      models[i]->no_memo = i == 1;
      solutions[i] = takt_solution_construct (models[i], TAKT_STRATEGY_JIT);
      takt_search_run (models[i], solutions[i], &options, G_MAXINT64, &done[i]);
    }
  ok = done[0] == done[1] && same_decode (models[0], solutions[0], solutions[1], FALSE, name);
  if (done[0] != done[1])
    g_test_message ("%s: %" G_GINT64_FORMAT " against %" G_GINT64_FORMAT " evaluations",
                    name, done[0], done[1]);
  for (int i = 0; i < 2; i++)
    {
      takt_solution_free (solutions[i]);
      takt_model_free (models[i]);
    }
  return ok;
}

static void
test_search (void)
{
  guint failed = 0, n = MIN (n_tiny (), 60);

  for (guint seed = 1; seed <= n; seed++)
    {
      g_autoptr(TaktPlan) plan = takt_generator_make (TAKT_GENERATOR_TINY, seed);
      g_autofree char *name = g_strdup_printf ("search, tiny %u", seed);

      if (!same_search (plan, seed, 300, name))
        failed++;
    }
  {
    g_autoptr(TaktPlan) plan = takt_generator_make (TAKT_GENERATOR_S, 2);

    if (!same_search (plan, 5, 1500, "search, S 2"))
      failed++;
  }
  g_test_message ("%u searches differ", failed);
  g_assert_cmpuint (failed, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/incremental/tiny", test_tiny);
  g_test_add_data_func ("/incremental/S", GINT_TO_POINTER (TAKT_GENERATOR_S), test_generated);
  g_test_add_data_func ("/incremental/M", GINT_TO_POINTER (TAKT_GENERATOR_M), test_generated);
  /* (About 3 s more; -m thorough.) */
  if (g_test_thorough ())
    g_test_add_data_func ("/incremental/L", GINT_TO_POINTER (TAKT_GENERATOR_L), test_generated);
  g_test_add_func ("/incremental/search", test_search);
  return g_test_run ();
}
