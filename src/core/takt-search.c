/* takt-search.c — the improving local search after the construction
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The search works on what a jit solution is made of (see
 * takt-planner-private.h): the order π of the runs, which machine a run
 * takes at a station, and the runs themselves.  Its moves:
 *   - swap two neighbours in π, or move a run a few places in π (which
 *     changes the order on the machines they share);
 *   - put a run's step on another machine of the same station;
 *   - merge a run with the product's next run (one setup less), or split a
 *     run in two (at a demand boundary when it has one);
 * each followed by a decode (backward + forward pass) and the spec's cost.
 * A move is kept when it lowers the total cost (with never more unmet
 * units).  It is an iterated local search: after a stretch without
 * improvement it goes back to the best solution seen, kicks it (random
 * swaps and moves in π, harder each time) and searches on from there; it
 * returns the best solution seen — so never worse than the construction.
 *
 * It is deterministic: the random choices come from GRand seeded with the
 * seed, and the clock only decides when to stop.  It stops when the time
 * limit is spent, after options->evaluations candidate moves, when
 * options->cancellable is cancelled, when no move applies at all, or —
 * with neither bound — when a long stretch of moves and kicks found
 * nothing better.
 */

#define G_LOG_DOMAIN "takt-search"

#include "config.h"

#include "takt-planner-private.h"

#include <string.h>

typedef enum
{
  MOVE_SWAP,
  MOVE_INSERT,
  MOVE_MACHINE,
  MOVE_MERGE,
  MOVE_SPLIT,
  N_MOVES
} MoveKind;

typedef struct
{
  TaktModel                *model;
  const TaktPlannerOptions *options;
  GRand                    *rand;
  gint64                    deadline_us;
  gint64                    evaluations;
  gint64                    max_evaluations;
  gboolean                  cancelled;
  gint64                    started_us;
} Search;

static gboolean
search_should_stop (Search *search)
{
  if (search->max_evaluations > 0 && search->evaluations >= search->max_evaluations)
    return TRUE;
  if (g_cancellable_is_cancelled (search->options->cancellable))
    {
      search->cancelled = TRUE;
      return TRUE;
    }
  if (search->deadline_us != G_MAXINT64)
    {
      gint64 now = g_get_monotonic_time ();
      /* Stop early when one more evaluation, at the mean pace so far,
       * would end past the deadline (big plans take a while each). */
      gint64 pace = search->evaluations > 0 ? (now - search->started_us) / search->evaluations : 0;

      if (now + pace >= search->deadline_us)
        return TRUE;
    }
  return FALSE;
}

static int
rand_int (Search *search,
          int     n)
{
  return n <= 1 ? 0 : (int) g_rand_int_range (search->rand, 0, n);
}

/* The run that covers the plan units right after @run's, or -1. */
static int
next_of_product (const TaktSolution *solution,
                 const TaktPRun     *run)
{
  for (guint i = 0; i < solution->runs->len; i++)
    {
      const TaktPRun *o = g_ptr_array_index (solution->runs, i);

      if (o != run && o->product == run->product && o->a == run->b && o->b > o->a)
        return (int) i;
    }
  return -1;
}

static int
position_in_order (const TaktSolution *solution,
                   int                 run)
{
  for (guint i = 0; i < solution->order->len; i++)
    if (g_array_index (solution->order, int, i) == run)
      return (int) i;
  return -1;
}

/* Removes run @r from @solution (runs and π). */
static void
remove_run (TaktSolution *solution,
            int           r)
{
  int last = (int) solution->runs->len - 1;
  int pos = position_in_order (solution, r);

  if (pos >= 0)
    g_array_remove_index (solution->order, pos);
  g_ptr_array_remove_index_fast (solution->runs, r);
  if (r != last)
    for (guint i = 0; i < solution->order->len; i++)
      if (g_array_index (solution->order, int, i) == last)
        g_array_index (solution->order, int, i) = r;
}

/* Applies a merge or a split to @solution (a copy).  Returns FALSE when the
 * move does not apply. */
static gboolean
apply_structural (Search       *search,
                  TaktSolution *solution,
                  MoveKind      kind)
{
  TaktModel *model = search->model;
  int r = rand_int (search, (int) solution->runs->len);
  TaktPRun *run;
  const TaktProduct *prod;

  if (solution->runs->len == 0)
    return FALSE;
  run = g_ptr_array_index (solution->runs, r);
  prod = takt_model_product (model, run->product);

  if (kind == MOVE_MERGE)
    {
      int r2 = next_of_product (solution, run);
      TaktPRun *other;
      gint64 units;

      if (r2 < 0)
        return FALSE;
      other = g_ptr_array_index (solution->runs, r2);
      units = other->b - run->a;
      if (prod->max_run > 0 && units > prod->max_run)
        return FALSE;
      run->b = other->b;
      run->quantity = MAX (units, MAX (prod->min_run, 1));
      remove_run (solution, r2);
      return TRUE;
    }
  else
    {
      gint64 lo = MAX (prod->min_run, 1);
      gint64 cut = -1;
      TaktPRun *second;
      int pos;

      if (run->b - run->a < 2 * lo)
        return FALSE;
      /* A demand boundary inside the run, near its middle; else the middle. */
      {
        gint64 mid = run->a + (run->b - run->a) / 2;
        gint64 best_gap = G_MAXINT64;

        for (int bi = model->block_start[run->product]; bi < model->block_start[run->product + 1]; bi++)
          {
            const TaktUnitBlock *blk = &g_array_index (model->blocks, TaktUnitBlock, bi);
            gint64 at = blk->first;

            if (at <= run->a + lo - 1 || at > run->b - lo)
              continue;
            if (ABS (at - mid) < best_gap)
              {
                best_gap = ABS (at - mid);
                cut = at;
              }
          }
        if (cut < 0)
          cut = mid;
      }
      second = takt_prun_copy (model, run);
      second->a = cut;
      second->quantity = MAX (run->b - cut, lo);
      run->b = cut;
      run->quantity = MAX (cut - run->a, lo);
      g_ptr_array_add (solution->runs, second);
      pos = position_in_order (solution, r);
      {
        int idx = (int) solution->runs->len - 1;

        g_array_insert_val (solution->order, pos + 1, idx);
      }
      return TRUE;
    }
}

/* Swaps or moves a random run in π (a perturbation, kept whatever it
 * costs). */
static void
perturb (Search       *search,
         TaktSolution *solution,
         int           strength)
{
  int n = (int) solution->order->len;

  for (int k = 0; k < strength && n >= 2; k++)
    {
      int i = rand_int (search, n);
      int j = rand_int (search, n);
      int v = g_array_index (solution->order, int, i);

      if (i == j)
        continue;
      if (k % 2 == 0)
        {
          g_array_index (solution->order, int, i) = g_array_index (solution->order, int, j);
          g_array_index (solution->order, int, j) = v;
        }
      else
        {
          g_array_remove_index (solution->order, i);
          g_array_insert_val (solution->order, j, v);
        }
    }
}

gboolean
takt_search_run (TaktModel                *model,
                 TaktSolution             *solution,
                 const TaktPlannerOptions *options,
                 gint64                    deadline_us,
                 gint64                   *evaluations)
{
  Search search = { 0 };
  TaktSolution *best;
  gint64 stall = 0, since_best = 0, idle = 0, kicks = 0;
  gint64 stall_limit, give_up;
  gboolean bounded = deadline_us != G_MAXINT64 || options->evaluations > 0;
  int n;

  search.model = model;
  search.options = options;
  search.rand = g_rand_new_with_seed_array ((const guint32[]) { (guint32) options->seed,
                                                               (guint32) (options->seed >> 32) }, 2);
  search.deadline_us = deadline_us;
  search.max_evaluations = MAX (options->evaluations, 0);
  search.started_us = g_get_monotonic_time ();

  n = (int) solution->order->len;
  best = takt_solution_copy (model, solution);
  /* Without improvement for this long, restart from the best with a kick;
   * with no bound at all, stop after this many fruitless evaluations. */
  stall_limit = MAX (100, 4 * (gint64) n);
  give_up = MAX (2000, 40 * (gint64) n);

  while (n > 0 && !search_should_stop (&search))
    {
      MoveKind kind = (MoveKind) rand_int (&search, N_MOVES);
      gboolean improved = FALSE;

      n = (int) solution->order->len;
      if (n == 0)
        break;
      /* Nothing applies to this plan (a single run on single machines …). */
      if (idle > 10000)
        break;

      if (kind == MOVE_MERGE || kind == MOVE_SPLIT)
        {
          TaktSolution *cand = takt_solution_copy (model, solution);

          if (!apply_structural (&search, cand, kind))
            {
              takt_solution_free (cand);
              idle++;
              continue;
            }
          takt_solution_decode (model, cand);
          search.evaluations++;
          if (takt_solution_better (cand, solution))
            {
              TaktSolution tmp = *solution;

              *solution = *cand;
              *cand = tmp;
              improved = TRUE;
            }
          takt_solution_free (cand);
        }
      else
        {
          double old_total = solution->total, old_holding = solution->holding;
          double old_tardiness = solution->tardiness, old_setup = solution->setup;
          gint64 old_unmet = solution->unmet;
          TaktSolution before = *solution;
          int i = rand_int (&search, n), k = -1, old_machine = -1, step = -1;
          TaktPRun *run = NULL;

          if (kind == MOVE_SWAP)
            {
              if (n < 2)
                {
                  idle++;
                  continue;
                }
              /* A neighbour most of the time, sometimes any other run. */
              if (rand_int (&search, 4) == 0)
                {
                  k = rand_int (&search, n);
                  if (k == i)
                    {
                      idle++;
                      continue;
                    }
                }
              else
                {
                  i = rand_int (&search, n - 1);
                  k = i + 1;
                }
              {
                int t = g_array_index (solution->order, int, i);

                g_array_index (solution->order, int, i) = g_array_index (solution->order, int, k);
                g_array_index (solution->order, int, k) = t;
              }
            }
          else if (kind == MOVE_INSERT)
            {
              int span = MIN (n - 1, 24);
              int v;

              if (span < 1)
                {
                  idle++;
                  continue;
                }
              k = i + rand_int (&search, 2 * span + 1) - span;
              k = CLAMP (k, 0, n - 1);
              if (k == i)
                {
                  idle++;
                  continue;
                }
              v = g_array_index (solution->order, int, i);
              g_array_remove_index (solution->order, i);
              g_array_insert_val (solution->order, k, v);
            }
          else
            {
              const TaktProduct *prod;
              int s, n_mach;

              run = g_ptr_array_index (solution->runs, g_array_index (solution->order, int, i));
              prod = takt_model_product (model, run->product);
              step = rand_int (&search, (int) prod->routing->len);
              s = ((const TaktStep *) g_ptr_array_index (prod->routing, step))->station_index;
              n_mach = model->station_machines[s];
              if (n_mach < 2)
                {
                  idle++;
                  continue;
                }
              old_machine = run->assign[step];
              run->assign[step] = (run->use[step] + 1 + rand_int (&search, n_mach - 1)) % n_mach;
            }

          takt_solution_decode (model, solution);
          search.evaluations++;
          if (takt_solution_better (solution, &before))
            improved = TRUE;
          else
            {
              /* Undo the move; the times are redone by the next decode. */
              if (kind == MOVE_SWAP)
                {
                  int t = g_array_index (solution->order, int, i);

                  g_array_index (solution->order, int, i) = g_array_index (solution->order, int, k);
                  g_array_index (solution->order, int, k) = t;
                }
              else if (kind == MOVE_INSERT)
                {
                  int v = g_array_index (solution->order, int, k);

                  g_array_remove_index (solution->order, k);
                  g_array_insert_val (solution->order, i, v);
                }
              else
                run->assign[step] = old_machine;
              solution->total = old_total;
              solution->holding = old_holding;
              solution->tardiness = old_tardiness;
              solution->setup = old_setup;
              solution->unmet = old_unmet;
            }
        }
      idle = 0;

      if (improved && takt_solution_better (solution, best))
        {
          takt_solution_free (best);
          best = takt_solution_copy (model, solution);
          since_best = 0;
          stall = 0;
        }
      else
        {
          since_best++;
          stall = improved ? 0 : stall + 1;
        }

      if (!bounded && since_best >= give_up)
        break;
      if (stall >= stall_limit && n >= 2)
        {
          /* Iterated local search: back to the best, kicked a little
           * harder each time. */
          TaktSolution *next = takt_solution_copy (model, best);
          TaktSolution tmp = *solution;

          *solution = *next;
          *next = tmp;
          takt_solution_free (next);
          perturb (&search, solution, 2 + (int) (kicks++ % 6));
          takt_solution_decode (model, solution);
          stall = 0;
        }

      if (options->progress != NULL && search.evaluations % 256 == 0)
        {
          double fraction = 0;

          if (search.max_evaluations > 0)
            fraction = (double) search.evaluations / (double) search.max_evaluations;
          if (deadline_us != G_MAXINT64 && options->time_limit_ms > 0)
            fraction = MAX (fraction, 1.0 - (double) (deadline_us - g_get_monotonic_time ())
                                            / (options->time_limit_ms * 1000.0));
          options->progress (CLAMP (fraction, 0.0, 1.0), best->total, options->progress_data);
        }
    }

  /* Return the best solution seen (its copy kept its times: a decode
   * depends on the solution alone). */
  {
    TaktSolution tmp = *solution;

    *solution = *best;
    *best = tmp;
  }
  takt_solution_free (best);

  g_rand_free (search.rand);
  *evaluations = search.evaluations;
  return !search.cancelled;
}
