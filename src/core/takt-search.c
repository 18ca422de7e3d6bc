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

#include <math.h>
#include <string.h>

#include "takt-time.h"

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
  gint64                    pace_us;       /* before the first evaluation: a decode's time */
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
      gint64 pace = search->evaluations > 0 ? (now - search->started_us) / search->evaluations
                                            : search->pace_us;

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

/* What takes a merge or a split back: the run changed (its units, and
 * its memo, kept for when it is as it was), and the run the merge took
 * out (where it was in the runs and in π) or the one the split added. */
typedef struct
{
  MoveKind     kind;
  TaktPRun    *run;
  gint64       b, quantity;
  TaktRunMemo *memo;
  TaktPRun    *removed;
  int          index;
  int          pos;
} StructUndo;

static void
undo_begin (StructUndo *undo,
            MoveKind    kind,
            TaktPRun   *run)
{
  undo->kind = kind;
  undo->run = run;
  undo->b = run->b;
  undo->quantity = run->quantity;
  undo->memo = run->memo != NULL ? takt_run_memo_ref (run->memo) : NULL;
  undo->removed = NULL;
  undo->index = -1;
  undo->pos = -1;
}

/* Takes run @r out of @solution (runs and π: the last run takes its
 * index); @undo says where it was.  Returns it (not freed). */
static TaktPRun *
remove_run (TaktSolution *solution,
            int           r,
            StructUndo   *undo)
{
  int last = (int) solution->runs->len - 1;
  int pos = position_in_order (solution, r);
  TaktPRun *run;

  if (pos >= 0)
    g_array_remove_index (solution->order, pos);
  run = g_ptr_array_steal_index_fast (solution->runs, r);
  if (r != last)
    for (guint i = 0; i < solution->order->len; i++)
      if (g_array_index (solution->order, int, i) == last)
        g_array_index (solution->order, int, i) = r;
  undo->removed = run;
  undo->index = r;
  undo->pos = pos;
  return run;
}

/* Takes the move back: @solution is again exactly as it was (the same
 * runs at the same indices, π, and the units of the changed run). */
static void
undo_structural (TaktSolution *solution,
                 StructUndo   *undo)
{
  if (undo->kind == MOVE_MERGE)
    {
      int last = (int) solution->runs->len;   /* the index it had */

      if (undo->index != last)
        {
          /* The run that took its index goes back to the end. */
          g_ptr_array_add (solution->runs, g_ptr_array_index (solution->runs, undo->index));
          g_ptr_array_index (solution->runs, undo->index) = undo->removed;
          for (guint i = 0; i < solution->order->len; i++)
            if (g_array_index (solution->order, int, i) == undo->index)
              g_array_index (solution->order, int, i) = last;
        }
      else
        g_ptr_array_add (solution->runs, undo->removed);
      if (undo->pos >= 0)
        g_array_insert_val (solution->order, undo->pos, undo->index);
    }
  else
    {
      /* The split's second run is the last one, right after the first in π. */
      g_array_remove_index (solution->order, undo->pos);
      g_ptr_array_remove_index (solution->runs, solution->runs->len - 1);
    }
  undo->run->b = undo->b;
  undo->run->quantity = undo->quantity;
  if (undo->run->memo != undo->memo)
    {
      takt_run_memo_unref (undo->run->memo);
      undo->run->memo = undo->memo;
      undo->memo = NULL;
    }
  takt_run_memo_unref (undo->memo);
  undo->memo = NULL;
}

/* The machines the runs of @solution got in their last decode, into
 * @machines. */
static void
save_machines (TaktModel          *model,
               const TaktSolution *solution,
               GArray            **machines)
{
  if (*machines == NULL)
    *machines = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_set_size (*machines, 0);
  for (guint i = 0; i < solution->runs->len; i++)
    {
      const TaktPRun *run = g_ptr_array_index (solution->runs, i);

      g_array_append_vals (*machines, run->use, takt_model_product (model, run->product)->routing->len);
    }
}

static void
restore_machines (TaktModel    *model,
                  TaktSolution *solution,
                  const GArray *machines)
{
  guint at = 0;

  for (guint i = 0; i < solution->runs->len; i++)
    {
      TaktPRun *run = g_ptr_array_index (solution->runs, i);
      guint n = takt_model_product (model, run->product)->routing->len;

      memcpy (run->use, &g_array_index (machines, int, at), n * sizeof (int));
      at += n;
    }
}

/* The move stays: what would take it back goes. */
static void
keep_structural (StructUndo *undo)
{
  if (undo->kind == MOVE_MERGE)
    takt_prun_free (undo->removed);
  takt_run_memo_unref (undo->memo);
  undo->memo = NULL;
}

/* Applies a merge or a split to @solution, with what takes it back in
 * @undo.  Returns FALSE when the move does not apply (nothing changed). */
static gboolean
apply_structural (Search       *search,
                  TaktSolution *solution,
                  MoveKind      kind,
                  StructUndo   *undo)
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
      undo_begin (undo, kind, run);
      run->b = other->b;
      run->quantity = MAX (units, MAX (prod->min_run, 1));
      remove_run (solution, r2, undo);
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
      undo_begin (undo, kind, run);
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
      undo->pos = pos + 1;
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

/* ---- one machine, one-step runs: sequencing with incremental costs ----
 *
 * When every run is one step on the same round-the-clock machine with
 * no pins, and each product has a single run that makes exactly its plan
 * units, a plan is a sequence of jobs: job j takes p_j (its setup and its
 * units) and its cost depends on its completion C alone, the sum over its
 * units of h·(e − C)⁺ + l·(C − e)⁺ (e: the unit's deadline moved by the
 * units after it).  The search then works on the sequence itself, with the
 * jobs back to back from a start S ≥ 0 chosen optimally (the weighted
 * median of the breakpoints: either S = 0 or some unit finishes exactly on
 * its deadline), which is exact for regular costs (S = 0) and for a common
 * due date (where no optimal schedule has idle time inside), and a guide
 * otherwise (the block timing of the decode inserts idle time at the
 * end).  Moves: take a job out and put it back at every other position;
 * the cost change is summed as the insertion point walks away from the
 * job — the jobs passed over shift by p_j — so a whole scan of one job is
 * O(n) and each position O(1) (adjacent interchanges are the steps of the
 * walk).  Jobs whose neighbourhood did not change are not scanned again
 * ("don't look" bits).  Around it the same iterated local search as below:
 * kicks of a few random nearby interchanges from the best sequence, kept
 * when no worse.  Costs here are in day-cost × seconds; the plan's totals
 * come from the decode at the end. */

typedef struct
{
  gint64 e;
  double h;
  double l;
} Term;

typedef struct
{
  int      n;
  int      machine;         /* flat */
  gint64  *p;               /* per job (= index in solution->runs) */
  int     *t0;              /* per job + 1: its terms */
  Term    *terms;
  /* The current sequence. */
  int     *seq;
  int     *pos;
  gint64  *c;               /* completion per position */
  gint64   start;
  double   cost;
  gboolean *look;
} Seq;

static inline double
seq_job_cost (const Seq *q,
              int        j,
              gint64     c)
{
  double sum = 0;

  for (int t = q->t0[j]; t < q->t0[j + 1]; t++)
    {
      gint64 d = c - q->terms[t].e;

      sum += d > 0 ? q->terms[t].l * (double) d : -q->terms[t].h * (double) d;
    }
  return sum;
}

static void
seq_free (Seq *q)
{
  g_free (q->p);
  g_free (q->t0);
  g_free (q->terms);
  g_free (q->seq);
  g_free (q->pos);
  g_free (q->c);
  g_free (q->look);
  g_free (q);
}

/* The structure the sequencing needs, or NULL. */
static Seq *
seq_detect (TaktModel          *model,
            const TaktSolution *solution)
{
  int n = (int) solution->runs->len;
  int station = -1;
  gint64 total = 0, n_terms = 0;
  g_autofree gboolean *seen = NULL;
  Seq *q;

  if (n < 2 || model->pin_runs->len > 0)
    return NULL;
  seen = g_new0 (gboolean, model->n_products);
  for (int i = 0; i < n; i++)
    {
      const TaktPRun *run = g_ptr_array_index (solution->runs, i);
      const TaktProduct *prod = takt_model_product (model, run->product);
      const TaktStep *step;

      if (prod->routing->len != 1 || run->pin >= 0 || seen[run->product] ||
          run->a != 0 || run->b != model->plan_units[run->product] || run->quantity != run->b)
        return NULL;
      seen[run->product] = TRUE;
      step = g_ptr_array_index (prod->routing, 0);
      if (station < 0)
        station = step->station_index;
      if (step->station_index != station)
        return NULL;
      total += step->setup_s + run->quantity * step->cycle_s;
      n_terms += run->quantity;
      if (total > 300 * (gint64) TAKT_DAY_S || n_terms > 4 * 1000 * 1000)
        return NULL;
    }
  if (!model->station_always[station] || model->station_machines[station] != 1)
    return NULL;

  q = g_new0 (Seq, 1);
  q->n = n;
  q->machine = model->machine_base[station];
  q->p = g_new (gint64, n);
  q->t0 = g_new (int, n + 1);
  q->terms = g_new (Term, MAX (n_terms, 1));
  q->seq = g_new (int, n);
  q->pos = g_new (int, n);
  q->c = g_new (gint64, n);
  q->look = g_new0 (gboolean, n);
  n_terms = 0;
  for (int i = 0; i < n; i++)
    {
      const TaktPRun *run = g_ptr_array_index (solution->runs, i);
      const TaktProduct *prod = takt_model_product (model, run->product);
      const TaktStep *step = g_ptr_array_index (prod->routing, 0);
      gint64 qty = run->quantity;

      q->p[i] = step->setup_s + qty * step->cycle_s;
      q->t0[i] = (int) n_terms;
      for (gint64 u = 0; u < qty; u++)
        {
          Term *t = &q->terms[n_terms++];

          t->e = takt_model_unit_due (model, run->product, u) + (qty - 1 - u) * step->cycle_s;
          t->h = prod->holding_cost_per_day;
          t->l = prod->late_cost_per_day;
        }
    }
  q->t0[n] = (int) n_terms;
  return q;
}

/* Completion times from position @from on, and the cost. */
static void
seq_retime (Seq *q,
            int  from)
{
  gint64 t = from > 0 ? q->c[from - 1] : q->start;

  for (int k = from; k < q->n; k++)
    {
      t += q->p[q->seq[k]];
      q->c[k] = t;
      q->pos[q->seq[k]] = k;
    }
  q->cost = 0;
  for (int k = 0; k < q->n; k++)
    q->cost += seq_job_cost (q, q->seq[k], q->c[k]);
}

typedef struct
{
  gint64 b;
  double w;
} SeqPoint;

static int
compare_seq_points (gconstpointer a,
                    gconstpointer b)
{
  const SeqPoint *x = a;
  const SeqPoint *y = b;

  return (x->b > y->b) - (x->b < y->b);
}

/* By key, then by job. */
static int
compare_seq_keys (gconstpointer a,
                  gconstpointer b)
{
  const SeqPoint *x = a;
  const SeqPoint *y = b;

  if (x->b != y->b)
    return x->b < y->b ? -1 : 1;
  return (x->w > y->w) - (x->w < y->w);
}

/* The best start of the block (see above); returns TRUE when it moved. */
static gboolean
seq_best_start (Seq *q)
{
  int n_terms = q->t0[q->n];
  g_autofree SeqPoint *pts = g_new (SeqPoint, MAX (n_terms, 1));
  double slope = 0;
  gint64 s = 0, old = q->start;
  int m = 0;

  for (int k = 0; k < q->n; k++)
    {
      int j = q->seq[k];
      gint64 rel = q->c[k] - q->start;

      for (int t = q->t0[j]; t < q->t0[j + 1]; t++)
        {
          pts[m].b = q->terms[t].e - rel;
          pts[m].w = q->terms[t].h + q->terms[t].l;
          slope -= q->terms[t].h;
          m++;
        }
    }
  if (slope < 0)
    {
      qsort (pts, m, sizeof (SeqPoint), compare_seq_points);
      for (int i = 0; i < m && slope < -1e-9; i++)
        {
          s = pts[i].b;
          slope += pts[i].w;
        }
    }
  q->start = MAX (s, 0);
  seq_retime (q, 0);
  return q->start != old;
}

/* Scans job @j at every other position and applies the best insertion
 * when it lowers the cost.  Returns TRUE when it moved the job. */
static gboolean
seq_scan_job (Search *search,
              Seq    *q,
              int     j)
{
  int i = q->pos[j], n = q->n, best_k = -1;
  gint64 pj = q->p[j];
  double base = seq_job_cost (q, j, q->c[i]);
  double acc = 0, best = -1e-9 * MAX (1.0, fabs (q->cost));

  for (int k = i + 1; k < n; k++)
    {
      int m = q->seq[k];
      double d;

      acc += seq_job_cost (q, m, q->c[k] - pj) - seq_job_cost (q, m, q->c[k]);
      d = acc + seq_job_cost (q, j, q->c[k]) - base;
      if (d < best)
        {
          best = d;
          best_k = k;
        }
    }
  acc = 0;
  for (int k = i - 1; k >= 0; k--)
    {
      int m = q->seq[k];
      double d;

      acc += seq_job_cost (q, m, q->c[k] + pj) - seq_job_cost (q, m, q->c[k]);
      d = acc + seq_job_cost (q, j, (k > 0 ? q->c[k - 1] : q->start) + pj) - base;
      if (d < best)
        {
          best = d;
          best_k = k;
        }
    }
  search->evaluations += n - 1;
  if (best_k < 0)
    return FALSE;

  if (best_k > i)
    memmove (q->seq + i, q->seq + i + 1, (best_k - i) * sizeof (int));
  else
    memmove (q->seq + best_k + 1, q->seq + best_k, (i - best_k) * sizeof (int));
  q->seq[best_k] = j;
  {
    int lo = MIN (i, best_k), hi = MAX (i, best_k);
    gint64 t = lo > 0 ? q->c[lo - 1] : q->start;

    for (int k = lo; k <= hi; k++)
      {
        t += q->p[q->seq[k]];
        q->c[k] = t;
        q->pos[q->seq[k]] = k;
      }
    for (int k = MAX (lo - 1, 0); k <= MIN (hi + 1, n - 1); k++)
      q->look[q->seq[k]] = TRUE;
    q->look[j] = TRUE;
    if (i > 0)
      q->look[q->seq[i - 1]] = TRUE;
    if (i < n)
      q->look[q->seq[MIN (i, n - 1)]] = TRUE;
  }
  q->cost += best;
  return TRUE;
}

/* Insertion descent to a local optimum (with the start re-chosen at the
 * end).  Returns FALSE when the search has to stop. */
static gboolean
seq_descend (Search *search,
             Seq    *q)
{
  for (int round = 0; round < 8; round++)
    {
      gboolean any = TRUE;

      while (any)
        {
          any = FALSE;
          for (int k = 0; k < q->n; k++)
            {
              int j = q->seq[k];

              if (!q->look[j])
                continue;
              if (search_should_stop (search))
                return FALSE;
              q->look[j] = FALSE;
              if (seq_scan_job (search, q, j))
                any = TRUE;
            }
        }
      if (!seq_best_start (q))
        break;
      for (int k = 0; k < q->n; k++)
        q->look[k] = TRUE;
    }
  return TRUE;
}

/* ---- a common due date: the early/tardy partition ----
 *
 * When every job is one unit and all share one deadline d (a common due
 * date), some optimal sequence is V-shaped: the early jobs, done by d, in
 * order of non-increasing p/h, then the tardy ones in order of
 * non-decreasing p/l (adjacent interchange arguments); and either a job
 * finishes exactly at d or the block starts at 0.  So the search works on
 * the partition alone.  With the early set E ending at d its cost is a sum
 * over pairs,
 *   F = Σ_{i<j in E} min (h_i p_j, h_j p_i)
 *     + Σ_{j in T} l_j p_j + Σ_{i<j in T} min (l_i p_j, l_j p_i),
 * so each job keeps what it would add to either side (its gains): moving
 * a job to the other side is evaluated in O(1), interchanging an early
 * and a tardy job in O(1) too, and applying a move updates all gains in
 * O(n).  E has to fit before d (P(E) ≤ d).  With room δ = d − P(E)
 * left, the block can start earlier: by min (δ, p of the first tardy
 * job) with the tardy jobs in their order, or by all of δ with a tardy
 * job s (p_s ≥ δ) taken to their front to straddle d, which costs
 * g(s) = p_s·L(T before s) − l_s·P(T before s).  Starting earlier pays
 * when the tardy weights outweigh the early ones:
 *   cost = F + min (0, min (δ, p_first)·(H(E) − L(T)),
 *                      δ·(H(E) − L(T)) + g(s)).
 * The best straddler is found again after each move (O(n)) and kept, its
 * g updated, while a move is evaluated.  Around the descent (the best
 * move of one job, else the first improving interchange, pruned by a
 * bound) an iterated local search: from the best partition, kicks of a
 * few moves that cost little, each the cheapest of a few drawn at
 * random.  The best partition becomes the sequence for the insertion
 * search above, which gets the rest of the budget. */

typedef struct
{
  double key;
  int    job;
} CddKey;

typedef struct
{
  int       n;
  gint64    d;
  const gint64 *p;          /* per job */
  double   *h, *l;          /* per job */
  /* Per rank in the early order (p/h non-increasing) and the tardy order
   * (p/l non-decreasing). */
  int      *e_job, *t_job;
  int      *e_rank, *t_rank; /* per job */
  double   *ep, *eh;        /* p and h by early rank */
  double   *tp, *tl;        /* p and l by tardy rank */
  double   *ge;             /* by early rank: what the job adds to F when early */
  double   *gt;             /* by tardy rank: … when tardy */
  gboolean *early;          /* per job */
  int      *tmp;            /* n scratch entries */
  gint64    pe;             /* P(E) */
  double    he;             /* H(E) */
  double    lt;             /* L(T) */
  double    f;
  int       first, second;  /* tardy ranks of the first two tardy jobs (n: none) */
  int       strad;          /* the best straddler (−1: none) */
  double    strad_g;        /* what it costs to take it to the front */
  double    p_min, p_max, h_max, l_max;
  CddKey   *keys;           /* n scratch entries */
} Cdd;

static void
cdd_free (Cdd *c)
{
  g_free (c->h);
  g_free (c->l);
  g_free (c->e_job);
  g_free (c->t_job);
  g_free (c->e_rank);
  g_free (c->t_rank);
  g_free (c->ep);
  g_free (c->eh);
  g_free (c->tp);
  g_free (c->tl);
  g_free (c->ge);
  g_free (c->gt);
  g_free (c->early);
  g_free (c->tmp);
  g_free (c->keys);
  g_free (c);
}

/* Early order: p/h non-increasing (h = 0 first), then by job. */
static int
cdd_compare_early (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  const Cdd *c = data;
  int i = *(const int *) a, j = *(const int *) b;
  double x = (double) c->p[i] * c->h[j], y = (double) c->p[j] * c->h[i];

  if (x != y)
    return x > y ? -1 : 1;
  return (i > j) - (i < j);
}

/* Tardy order: p/l non-decreasing (l = 0 last), then by job. */
static int
cdd_compare_tardy (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  const Cdd *c = data;
  int i = *(const int *) a, j = *(const int *) b;
  double x = (double) c->p[i] * c->l[j], y = (double) c->p[j] * c->l[i];

  if (x != y)
    return x < y ? -1 : 1;
  return (i > j) - (i < j);
}

/* The structure, when the jobs of @q have a common due date; else NULL. */
static Cdd *
cdd_new (const Seq *q)
{
  int n = q->n;
  gint64 d;
  Cdd *c;

  for (int j = 0; j < n; j++)
    if (q->t0[j + 1] - q->t0[j] != 1 || q->p[j] <= 0 ||
        q->terms[q->t0[j]].e != q->terms[0].e ||
        q->terms[q->t0[j]].h < 0 || q->terms[q->t0[j]].l < 0)
      return NULL;
  d = q->terms[0].e;
  if (d < 0)
    return NULL;

  c = g_new0 (Cdd, 1);
  c->n = n;
  c->d = d;
  c->p = q->p;
  c->h = g_new (double, n);
  c->l = g_new (double, n);
  c->e_job = g_new (int, n);
  c->t_job = g_new (int, n);
  c->e_rank = g_new (int, n);
  c->t_rank = g_new (int, n);
  c->ep = g_new (double, n);
  c->eh = g_new (double, n);
  c->tp = g_new (double, n);
  c->tl = g_new (double, n);
  c->ge = g_new (double, n);
  c->gt = g_new (double, n);
  c->early = g_new0 (gboolean, n);
  c->tmp = g_new (int, n);
  c->keys = g_new (CddKey, n);
  c->p_min = G_MAXDOUBLE;
  for (int j = 0; j < n; j++)
    {
      c->h[j] = q->terms[q->t0[j]].h;
      c->l[j] = q->terms[q->t0[j]].l;
      c->p_min = MIN (c->p_min, (double) c->p[j]);
      c->p_max = MAX (c->p_max, (double) c->p[j]);
      c->h_max = MAX (c->h_max, c->h[j]);
      c->l_max = MAX (c->l_max, c->l[j]);
      c->e_job[j] = j;
      c->t_job[j] = j;
    }
  g_qsort_with_data (c->e_job, n, sizeof (int), cdd_compare_early, c);
  g_qsort_with_data (c->t_job, n, sizeof (int), cdd_compare_tardy, c);
  for (int r = 0; r < n; r++)
    {
      int je = c->e_job[r], jt = c->t_job[r];

      c->e_rank[je] = r;
      c->ep[r] = (double) c->p[je];
      c->eh[r] = c->h[je];
      c->t_rank[jt] = r;
      c->tp[r] = (double) c->p[jt];
      c->tl[r] = c->l[jt];
    }
  return c;
}

/* The first two tardy jobs, and the best straddler: the tardy job s
 * with p_s ≥ δ that costs least to take to the front of the tardy ones,
 * g(s) = p_s·L(T before s) − l_s·P(T before s). */
static void
cdd_find_first (Cdd *c)
{
  int n = c->n, r = 0;
  double room = (double) (c->d - c->pe), sum_p = 0, sum_l = 0;

  while (r < n && c->early[c->t_job[r]])
    r++;
  c->first = r;
  if (r < n)
    r++;
  while (r < n && c->early[c->t_job[r]])
    r++;
  c->second = r;

  c->strad = -1;
  c->strad_g = G_MAXDOUBLE;
  if (room <= 0)
    return;
  for (r = c->first; r < n; r++)
    if (!c->early[c->t_job[r]])
      {
        if (c->tp[r] >= room)
          {
            double g = c->tp[r] * sum_l - c->tl[r] * sum_p;

            if (g < c->strad_g)
              {
                c->strad_g = g;
                c->strad = c->t_job[r];
              }
          }
        sum_p += c->tp[r];
        sum_l += c->tl[r];
      }
}

/* The gains, sums and F from the partition alone. */
static void
cdd_recompute (Cdd *c)
{
  int n = c->n;
  double sum_h = 0, sum_p = 0, sum_l = 0;

  c->pe = 0;
  c->he = 0;
  c->lt = 0;
  c->f = 0;
  /* Early: ge = h·P(E after) + p·H(E before). */
  for (int r = 0; r < n; r++)
    {
      c->ge[r] = c->ep[r] * sum_h;
      if (c->early[c->e_job[r]])
        sum_h += c->eh[r];
    }
  for (int r = n - 1; r >= 0; r--)
    {
      c->ge[r] += c->eh[r] * sum_p;
      if (c->early[c->e_job[r]])
        {
          c->f += c->eh[r] * sum_p;
          sum_p += c->ep[r];
        }
    }
  c->pe = (gint64) sum_p;
  c->he = sum_h;
  /* Tardy: gt = l·(P(T before) + p) + p·L(T after). */
  sum_p = 0;
  for (int r = 0; r < n; r++)
    {
      c->gt[r] = c->tl[r] * (sum_p + c->tp[r]);
      if (!c->early[c->t_job[r]])
        {
          c->f += c->gt[r];
          sum_p += c->tp[r];
        }
    }
  for (int r = n - 1; r >= 0; r--)
    {
      c->gt[r] += c->tp[r] * sum_l;
      if (!c->early[c->t_job[r]])
        sum_l += c->tl[r];
    }
  c->lt = sum_l;
  cdd_find_first (c);
}

/* The total for F and the sums given, with the first tardy job at tardy
 * rank @first and a straddler of length @sp that costs @sg to take to the
 * front (G_MAXDOUBLE: none). */
static inline double
cdd_cost (const Cdd *c,
          double     f,
          gint64     pe,
          double     he,
          double     lt,
          int        first,
          double     sp,
          double     sg)
{
  double room = (double) (c->d - pe);
  double shift = he - lt, best = 0;

  if (room > 0 && shift < 0)
    {
      if (first < c->n)
        best = MIN (room, c->tp[first]) * shift;
      if (sg < G_MAXDOUBLE && sp >= room)
        best = MIN (best, room * shift + sg);
    }
  return f + best;
}

static inline double
cdd_total (const Cdd *c)
{
  return cdd_cost (c, c->f, c->pe, c->he, c->lt, c->first,
                   c->strad >= 0 ? (double) c->p[c->strad] : 0, c->strad_g);
}

/* How g(s) changes when job @j joins the tardy jobs. */
static inline double
cdd_strad_change (const Cdd *c,
                  int        j)
{
  int s = c->strad;

  if (s < 0 || c->t_rank[j] > c->t_rank[s])
    return 0;
  return (double) c->p[s] * c->l[j] - c->l[s] * (double) c->p[j];
}

/* The total after moving job @j to the other side; G_MAXDOUBLE when the
 * early jobs would not fit before d. */
static inline double
cdd_flip_total (const Cdd *c,
                int        j)
{
  int re = c->e_rank[j], rt = c->t_rank[j];
  double sp = c->strad >= 0 ? (double) c->p[c->strad] : 0;

  if (c->early[j])
    return cdd_cost (c, c->f + c->gt[rt] - c->ge[re], c->pe - c->p[j], c->he - c->h[j],
                     c->lt + c->l[j], MIN (c->first, rt), sp,
                     c->strad >= 0 ? c->strad_g + cdd_strad_change (c, j) : G_MAXDOUBLE);
  if (c->pe + c->p[j] > c->d)
    return G_MAXDOUBLE;
  return cdd_cost (c, c->f + c->ge[re] - c->gt[rt], c->pe + c->p[j], c->he + c->h[j],
                   c->lt - c->l[j], rt == c->first ? c->second : c->first, sp,
                   c->strad >= 0 && c->strad != j ? c->strad_g - cdd_strad_change (c, j) : G_MAXDOUBLE);
}

/* The total after interchanging early job @j and tardy job @k. */
static inline double
cdd_swap_total (const Cdd *c,
                int        j,
                int        k)
{
  int rej = c->e_rank[j], rtj = c->t_rank[j], rek = c->e_rank[k], rtk = c->t_rank[k];
  gint64 pe = c->pe - c->p[j] + c->p[k];
  double ce, ct, f, sg = G_MAXDOUBLE;
  int first;

  if (pe > c->d)
    return G_MAXDOUBLE;
  ce = rej < rek ? c->h[j] * (double) c->p[k] : c->h[k] * (double) c->p[j];
  ct = rtk < rtj ? c->l[j] * (double) c->p[k] : c->l[k] * (double) c->p[j];
  f = c->f + (c->gt[rtj] - c->ge[rej]) + (c->ge[rek] - c->gt[rtk]) - ce - ct;
  first = MIN (rtk == c->first ? c->second : c->first, rtj);
  if (c->strad >= 0 && c->strad != k)
    sg = c->strad_g + cdd_strad_change (c, j) - cdd_strad_change (c, k);
  return cdd_cost (c, f, pe, c->he - c->h[j] + c->h[k], c->lt + c->l[j] - c->l[k], first,
                   c->strad >= 0 ? (double) c->p[c->strad] : 0, sg);
}

/* Moves job @j to the other side. */
static void
cdd_flip (Cdd *c,
          int  j)
{
  int n = c->n, re = c->e_rank[j], rt = c->t_rank[j];
  double s = c->early[j] ? -1.0 : 1.0;  /* +1: into E */
  double pj = (double) c->p[j];
  double sp = s * pj, sh = s * c->h[j], tp = -s * pj, tl = -s * c->l[j];

  c->f += s * (c->ge[re] - c->gt[rt]);
  c->early[j] = !c->early[j];
  c->pe += (gint64) (s * pj);
  c->he += s * c->h[j];
  c->lt -= s * c->l[j];
  /* Early gains: jobs before j see its p, jobs after it its h. */
  for (int r = 0; r < re; r++)
    c->ge[r] += sp * c->eh[r];
  for (int r = re + 1; r < n; r++)
    c->ge[r] += sh * c->ep[r];
  /* Tardy gains: jobs before j see its l, jobs after it its p. */
  for (int r = 0; r < rt; r++)
    c->gt[r] += tl * c->tp[r];
  for (int r = rt + 1; r < n; r++)
    c->gt[r] += tp * c->tl[r];
  cdd_find_first (c);
}

static int
compare_cdd_keys (gconstpointer a,
                  gconstpointer b)
{
  const CddKey *x = a;
  const CddKey *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return (x->job > y->job) - (x->job < y->job);
}

/* The first interchange of an early and a tardy job that brings the total
 * below @below; applies it and returns TRUE.  An interchange changes F by
 * the two moves' changes less what the two jobs share on either side, so
 * with a key per job (its own move's change, and the start term's part
 * that is linear in it) the tardy jobs are tried in order of their keys
 * and only while the pair can still go below:
 *   - when the tardy weights outweigh the early ones by more than any two
 *     jobs weigh (so also after the interchange), the total is at least
 *     F + δ·(H − L) and that bound is linear in each job up to a product
 *     of the changes in P(E) and in H − L;
 *   - else the start term is bounded as a whole. */
static gboolean
cdd_interchange (Search *search,
                 Cdd    *c,
                 double  below)
{
  int n = c->n, n_e = 0, n_t = 0, off;
  int *early = c->tmp;
  CddKey *tardy = c->keys;
  double room = (double) (c->d - c->pe);
  double shift = c->he - c->lt;
  double cur = cdd_total (c);
  gboolean linear = shift + c->h_max + c->l_max < 0;
  double slack = below - (linear ? c->f + room * shift : cur);

  for (int j = 0; j < n; j++)
    if (c->early[j])
      early[n_e++] = j;
    else
      {
        tardy[n_t].key = c->ge[c->e_rank[j]] - c->gt[c->t_rank[j]];
        if (linear)
          tardy[n_t].key += -(double) c->p[j] * shift + room * (c->h[j] + c->l[j]);
        tardy[n_t].job = j;
        n_t++;
      }
  if (n_e == 0 || n_t == 0)
    return FALSE;
  qsort (tardy, n_t, sizeof (CddKey), compare_cdd_keys);
  off = rand_int (search, n_e);
  for (int x = 0; x < n_e; x++)
    {
      int j = early[(x + off) % n_e];
      double pj = (double) c->p[j];
      double key = c->gt[c->t_rank[j]] - c->ge[c->e_rank[j]];
      /* What j shares with any tardy job on either side. */
      double bound = MIN (c->h[j] * c->p_max, c->h_max * pj) + MIN (c->l[j] * c->p_max, c->l_max * pj);
      int y;

      /* A very long scan still stops in time. */
      if (x % 64 == 63 && search_should_stop (search))
        return FALSE;
      if (linear)
        {
          key += pj * shift - room * (c->h[j] + c->l[j]);
          bound += MAX (c->p_max - pj, pj - c->p_min) * (c->h_max + c->l_max);
        }
      else
        /* How much further the start at 0 can lower the total (the room
         * grows by at most p_j − p_min, the weights by h_j and l_j). */
        bound += MIN (c->p_max, MAX (0.0, room + pj - c->p_min)) * MAX (0.0, c->lt - c->he + c->h[j] + c->l[j]);
      bound += slack;
      for (y = 0; y < n_t && key + tardy[y].key < bound; y++)
        if (cdd_swap_total (c, j, tardy[y].job) < below)
          {
            search->evaluations += y + 1;
            cdd_flip (c, j);
            cdd_flip (c, tardy[y].job);
            return TRUE;
          }
      search->evaluations += MAX (y, 1);
    }
  return FALSE;
}

/* Descends to a partition that no move of one job and no interchange
 * improves.  Returns FALSE when the search has to stop. */
static gboolean
cdd_descend (Search *search,
             Cdd    *c)
{
  int n = c->n;

  for (;;)
    {
      double cur = cdd_total (c);
      double best = cur - 1e-10 * MAX (1.0, fabs (cur));
      int best_j = -1;

      if (search_should_stop (search))
        return FALSE;
      for (int j = 0; j < n; j++)
        {
          double t = cdd_flip_total (c, j);

          if (t < best)
            {
              best = t;
              best_j = j;
            }
        }
      search->evaluations += n;
      if (best_j >= 0)
        cdd_flip (c, best_j);
      else if (!cdd_interchange (search, c, best))
        return TRUE;
    }
}

/* A kick: @moves moves, each the cheapest of a few drawn at random —
 * moves of one job to the other side and interchanges, alternately. */
static void
cdd_kick (Search *search,
          Cdd    *c,
          int     moves)
{
  for (int m = 0; m < moves; m++)
    {
      int best_j = -1, best_k = -1;
      double best = G_MAXDOUBLE;

      for (int x = 0; x < 6; x++)
        {
          int j = rand_int (search, c->n), k = -1;
          double t;

          if (m % 2 == 1)
            {
              k = rand_int (search, c->n);
              if (c->early[j] == c->early[k])
                continue;
              if (!c->early[j])
                {
                  int y = j;

                  j = k;
                  k = y;
                }
              t = cdd_swap_total (c, j, k);
            }
          else
            t = cdd_flip_total (c, j);
          if (t < best)
            {
              best = t;
              best_j = j;
              best_k = k;
            }
        }
      if (best_j >= 0)
        cdd_flip (c, best_j);
      if (best_k >= 0)
        cdd_flip (c, best_k);
    }
}

/* Searches the partition from the sequence in @q and leaves the best one
 * found in @q (sequence and start).  Returns FALSE when the search has to
 * stop. */
static gboolean
cdd_search (Search *search,
            Cdd    *c,
            Seq    *q)
{
  int n = c->n;
  g_autofree gboolean *best_early = g_new (gboolean, n);
  double best_cost;
  gboolean go_on = TRUE;
  gboolean bounded = search->deadline_us != G_MAXINT64 || search->max_evaluations > 0;
  gint64 kicks = 0, since_best = 0;

  /* The jobs done by d in the sequence (they fit before d). */
  for (int k = 0; k < n; k++)
    c->early[q->seq[k]] = q->c[k] <= c->d;
  cdd_recompute (c);
  go_on = cdd_descend (search, c);
  memcpy (best_early, c->early, n * sizeof (gboolean));
  best_cost = cdd_total (c);

  while (go_on && !search_should_stop (search))
    {
      double cost;

      memcpy (c->early, best_early, n * sizeof (gboolean));
      cdd_recompute (c);
      cdd_kick (search, c, 2 + (int) (kicks++ % 4));
      go_on = cdd_descend (search, c);
      cdd_recompute (c);
      cost = cdd_total (c);
      since_best = cost < best_cost - 1e-10 * MAX (1.0, fabs (best_cost)) ? 0 : since_best + 1;
      if (cost <= best_cost + 1e-10 * MAX (1.0, fabs (best_cost)))
        {
          memcpy (best_early, c->early, n * sizeof (gboolean));
          best_cost = MIN (cost, best_cost);
        }
      /* With neither a time nor a work bound: until kicks stop paying. */
      if (!bounded && since_best > 2000)
        break;
    }

  /* The best partition as a sequence. */
  memcpy (c->early, best_early, n * sizeof (gboolean));
  cdd_recompute (c);
  {
    int k = 0, strad = -1;
    gint64 room = c->d - c->pe;
    double shift = c->he - c->lt;

    for (int r = 0; r < n; r++)
      if (c->early[c->e_job[r]])
        q->seq[k++] = c->e_job[r];
    q->start = room;
    if (room > 0 && shift < 0)
      {
        double at_first = c->first < n ? MIN ((double) room, c->tp[c->first]) * shift : 0;

        if (c->strad >= 0 && (double) room * shift + c->strad_g < MIN (0, at_first))
          {
            strad = c->strad;
            q->seq[k++] = strad;
            q->start = 0;
          }
        else if (c->first < n)
          q->start = room - MIN (room, (gint64) c->tp[c->first]);
      }
    for (int r = 0; r < n; r++)
      if (!c->early[c->t_job[r]] && c->t_job[r] != strad)
        q->seq[k++] = c->t_job[r];
  }
  seq_retime (q, 0);
  g_debug ("common due date: partition cost %.0f, sequence cost %.0f, %" G_GINT64_FORMAT " kicks",
           best_cost, q->cost, kicks);
  return go_on;
}

/* Runs the sequencing search on @solution (see above); returns FALSE when
 * the plan does not have that structure. */
static gboolean
seq_search (Search       *search,
            TaktSolution *solution)
{
  TaktModel *model = search->model;
  Seq *q = seq_detect (model, solution);
  g_autofree int *best_seq = NULL;
  gint64 best_start;
  double best_cost;
  gboolean bounded = search->deadline_us != G_MAXINT64 || search->max_evaluations > 0;
  gint64 kicks = 0, since_best = 0;
  int n;

  if (q == NULL)
    return FALSE;
  n = q->n;

  /* Start from the construction's sequence on the machine. */
  {
    g_autofree gint64 *key = g_new (gint64, n);

    for (int i = 0; i < n; i++)
      {
        const TaktPRun *run = g_ptr_array_index (solution->runs, i);

        key[i] = run->placed ? run->setup_start[0] : TAKT_INF;
        q->seq[i] = i;
      }
    {
      g_autofree SeqPoint *by_key = g_new (SeqPoint, n);

      for (int i = 0; i < n; i++)
        {
          by_key[i].b = key[i];
          by_key[i].w = i;
        }
      qsort (by_key, n, sizeof (SeqPoint), compare_seq_keys);
      for (int i = 0; i < n; i++)
        q->seq[i] = (int) by_key[i].w;
    }
  }
  q->start = 0;
  seq_retime (q, 0);
  seq_best_start (q);

  /* A common due date: most of the budget goes to the partition. */
  {
    Cdd *c = cdd_new (q);

    if (c != NULL)
      {
        gint64 deadline = search->deadline_us, max = search->max_evaluations;
        gint64 now = g_get_monotonic_time ();

        if (deadline != G_MAXINT64 && deadline > now)
          search->deadline_us = now + (deadline - now) / 10 * 9;
        if (max > 0 && max > search->evaluations)
          search->max_evaluations = search->evaluations + MAX (1, (max - search->evaluations) / 10 * 9);
        cdd_search (search, c, q);
        search->deadline_us = deadline;
        search->max_evaluations = max;
        cdd_free (c);
        seq_best_start (q);
      }
  }
  for (int k = 0; k < n; k++)
    q->look[k] = TRUE;
  seq_descend (search, q);

  best_seq = g_memdup2 (q->seq, n * sizeof (int));
  best_start = q->start;
  best_cost = q->cost;

  while (!search_should_stop (search))
    {
      int width = MAX (2, MIN (n - 1, 8));
      int moves = 1 + rand_int (search, 2) + (int) (kicks++ % 3);

      memcpy (q->seq, best_seq, n * sizeof (int));
      q->start = best_start;
      seq_retime (q, 0);
      for (int m = 0; m < moves; m++)
        {
          int i = rand_int (search, n);
          int k = i + 1 + rand_int (search, width);
          int t;

          k = MIN (k, n - 1);
          if (k == i)
            continue;
          if (m % 2 == 1)
            {
              /* Every other kick move takes a job anywhere. */
              k = rand_int (search, n);
              t = q->seq[i];
              if (k > i)
                memmove (q->seq + i, q->seq + i + 1, (k - i) * sizeof (int));
              else
                memmove (q->seq + k + 1, q->seq + k, (i - k) * sizeof (int));
              q->seq[k] = t;
            }
          else
            {
              t = q->seq[i];
              q->seq[i] = q->seq[k];
              q->seq[k] = t;
            }
          for (int x = MAX (i - 1, 0); x <= MIN (i + 1, n - 1); x++)
            q->look[q->seq[x]] = TRUE;
          for (int x = MAX (k - 1, 0); x <= MIN (k + 1, n - 1); x++)
            q->look[q->seq[x]] = TRUE;
        }
      seq_retime (q, 0);
      seq_best_start (q);
      if (!seq_descend (search, q))
        break;
      seq_retime (q, 0);
      since_best = q->cost < best_cost - 1e-9 * MAX (1.0, fabs (best_cost)) ? 0 : since_best + 1;
      if (q->cost <= best_cost + 1e-9 * MAX (1.0, fabs (best_cost)))
        {
          memcpy (best_seq, q->seq, n * sizeof (int));
          best_start = q->start;
          best_cost = MIN (q->cost, best_cost);
        }
      /* With neither a time nor a work bound: until kicks stop paying. */
      if (!bounded && since_best > 2000)
        break;
      if (search->options->progress != NULL && kicks % 64 == 0)
        search->options->progress (0.5, solution->total, search->options->progress_data);
    }

  /* The best sequence as a plan, when it beats what came in. */
  {
    TaktSolution *cand = takt_solution_copy (model, solution);

    takt_solution_place_sequence (model, cand, q->machine, best_seq, n, best_start);
    if (takt_solution_better (cand, solution))
      {
        TaktSolution tmp = *solution;

        *solution = *cand;
        *cand = tmp;
      }
    takt_solution_free (cand);
  }
  seq_free (q);
  return TRUE;
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
  g_autoptr(GArray) machines = NULL;
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
  search.pace_us = model->last_decode_us;
  model->in_search = TRUE;

  /* A plan that is one sequence on one machine: the sequencing search
   * takes the whole budget. */
  if (seq_search (&search, solution))
    {
      g_rand_free (search.rand);
      model->in_search = FALSE;
      *evaluations = search.evaluations;
      return !search.cancelled;
    }

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
          /* In place, taken back when it does not help (copying the
           * solution for it cost as much as a decode on big plans).  The
           * machines the runs got stay as they were (a machine move starts
           * from them), the rest of the decode is redone by the next one. */
          TaktSolution before = *solution;
          StructUndo undo;

          save_machines (model, solution, &machines);
          if (!apply_structural (&search, solution, kind, &undo))
            {
              idle++;
              continue;
            }
          takt_solution_decode (model, solution);
          search.evaluations++;
          if (takt_solution_better (solution, &before))
            {
              keep_structural (&undo);
              improved = TRUE;
            }
          else
            {
              undo_structural (solution, &undo);
              restore_machines (model, solution, machines);
              solution->total = before.total;
              solution->holding = before.holding;
              solution->tardiness = before.tardiness;
              solution->setup = before.setup;
              solution->unmet = before.unmet;
            }
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
  model->in_search = FALSE;
  *evaluations = search.evaluations;
  return !search.cancelled;
}
