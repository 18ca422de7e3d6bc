/* takt-planner.c — builds one-piece-flow plans
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See takt-planner-private.h for the model and how a solution is decoded
 * into times.  This file holds the model, the placing of pins, the lot
 * sizing of each strategy, the one-piece-flow timing of a run (forward from
 * a start, and backward from deadlines), the decoder and the export to a
 * TaktSchedule.
 *
 * The strategies:
 * - jit: runs from the lot sizing (Wagner–Whitin style, see
 *   lots_dynamic()); the construction decodes them three ways — pulled
 *   back from the deadlines in order of latest start, pushed forward in
 *   due-date order then shifted right, and (on plans of up to 400 runs)
 *   pulled back in due-date order — and keeps the cheapest whose holding
 *   cost is no higher than the push plan's; then the improving search.
 * - asap: lot for lot — a run per demand after stock and pins, cut at
 *   max_run, brought up to min_run (lots_for_lot()) — each pushed as early
 *   as possible in due-date order; no search.  The baseline jit is
 *   measured against (issue 4), so it does no lot sizing of its own.
 * - level: a run of the same size every k working days (lots_level());
 *   pushed from the start of its day; no search.
 * A pinned run's setup ends at the pin's start (or begins there when it
 * cannot end by then after the horizon start), its first unit starts at
 * the pin's start or the next working instant.
 */

#define G_LOG_DOMAIN "takt-planner"

#include "config.h"

#include "takt-planner-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "takt-time.h"

#define WEEK_S (7 * TAKT_DAY_S)
/* The lot sizing looks at most this many demands ahead for one run. */
#define LOT_WINDOW 96
/* Free gaps a step tries on a machine before it goes after the last run. */
#define GAP_TRIES 24

/* ---- small helpers ---- */

static inline const TaktStep *
product_step (const TaktProduct *product,
              guint              j)
{
  return g_ptr_array_index (product->routing, j);
}

const TaktProduct *
takt_model_product (const TaktModel *model,
                    int              product)
{
  return g_ptr_array_index (model->plan->products, product);
}

/* Working time extended below 0 as if it were all working time: only the
 * backward pass uses this, to let a run's latest times fall before the
 * horizon start when the deadlines cannot be met (the forward pass then
 * repairs them). */
static inline gint64
wt_worked (const TaktWorkTime *wt,
           gint64              t)
{
  return t < 0 ? t : takt_work_time_worked (wt, t);
}

static inline gint64
wt_start_at (const TaktWorkTime *wt,
             gint64              v)
{
  return v < 0 ? v : takt_work_time_start_at (wt, v);
}

static inline gint64
wt_end_at (const TaktWorkTime *wt,
           gint64              v)
{
  return v <= 0 ? v : takt_work_time_end_at (wt, v);
}

static void
ensure_scratch (TaktModel *model,
                gsize      n)
{
  if (n <= model->scratch_len)
    return;
  n = MAX (n, model->scratch_len * 2);
  for (guint i = 0; i < G_N_ELEMENTS (model->scratch); i++)
    model->scratch[i] = g_renew (gint64, model->scratch[i], n);
  model->scratch_len = n;
}

/* ---- runs and solutions ---- */

TaktPRun *
takt_prun_new (const TaktModel *model,
               int              product)
{
  const TaktProduct *prod = takt_model_product (model, product);
  guint n = prod->routing->len;
  TaktPRun *run = g_new0 (TaktPRun, 1);

  run->product = product;
  run->pin = -1;
  /* The per-step arrays in one block (the search copies runs often). */
  run->setup_start = g_malloc0 (MAX (n, 1) * (3 * sizeof (gint64) + 2 * sizeof (int)));
  run->start = run->setup_start + MAX (n, 1);
  run->end = run->start + MAX (n, 1);
  run->assign = (int *) (void *) (run->end + MAX (n, 1));
  run->use = run->assign + MAX (n, 1);
  for (guint j = 0; j < n; j++)
    run->assign[j] = run->use[j] = -1;
  return run;
}

TaktPRun *
takt_prun_copy (const TaktModel *model,
                const TaktPRun  *run)
{
  const TaktProduct *prod = takt_model_product (model, run->product);
  guint n = prod->routing->len;
  TaktPRun *copy = takt_prun_new (model, run->product);

  copy->a = run->a;
  copy->b = run->b;
  copy->quantity = run->quantity;
  copy->pin = run->pin;
  copy->release = run->release;
  copy->placed = run->placed;
  copy->latest = run->latest;
  memcpy (copy->assign, run->assign, n * sizeof (int));
  memcpy (copy->use, run->use, n * sizeof (int));
  memcpy (copy->setup_start, run->setup_start, n * sizeof (gint64));
  memcpy (copy->start, run->start, n * sizeof (gint64));
  memcpy (copy->end, run->end, n * sizeof (gint64));
  if (run->finish != NULL)
    {
      copy->finish = g_memdup2 (run->finish, run->finish_len * sizeof (gint64));
      copy->finish_len = run->finish_len;
    }
  if (run->memo != NULL)
    copy->memo = takt_run_memo_ref (run->memo);
  return copy;
}

void
takt_prun_free (TaktPRun *run)
{
  if (run == NULL)
    return;
  /* assign, use, start and end share the block of setup_start. */
  g_free (run->setup_start);
  g_free (run->finish);
  takt_run_memo_unref (run->memo);
  g_free (run);
}

static TaktSolution *
solution_new (void)
{
  TaktSolution *solution = g_new0 (TaktSolution, 1);

  solution->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_prun_free);
  solution->order = g_array_new (FALSE, FALSE, sizeof (int));
  return solution;
}

TaktSolution *
takt_solution_copy (const TaktModel    *model,
                    const TaktSolution *solution)
{
  TaktSolution *copy = solution_new ();

  for (guint i = 0; i < solution->runs->len; i++)
    g_ptr_array_add (copy->runs, takt_prun_copy (model, g_ptr_array_index (solution->runs, i)));
  g_array_append_vals (copy->order, solution->order->data, solution->order->len);
  copy->mode = solution->mode;
  copy->total = solution->total;
  copy->holding = solution->holding;
  copy->tardiness = solution->tardiness;
  copy->setup = solution->setup;
  copy->unmet = solution->unmet;
  return copy;
}

void
takt_solution_free (TaktSolution *solution)
{
  if (solution == NULL)
    return;
  g_ptr_array_unref (solution->runs);
  g_array_unref (solution->order);
  g_free (solution);
}

gboolean
takt_solution_better (const TaktSolution *a,
                      const TaktSolution *b)
{
  if (a->unmet != b->unmet)
    return a->unmet < b->unmet;
  /* Ignore differences in the last bits of the sums. */
  return a->total < b->total - 1e-9 * MAX (1.0, fabs (b->total));
}

/* ---- plan units ---- */

gint64
takt_model_unit_due (const TaktModel *model,
                     int              product,
                     gint64           u)
{
  int lo = model->block_start[product];
  int hi = model->block_start[product + 1];

  if (u < 0 || u >= model->plan_units[product])
    return TAKT_INF;
  /* The last block with first <= u. */
  while (hi - lo > 1)
    {
      int mid = lo + (hi - lo) / 2;

      if (g_array_index (model->blocks, TaktUnitBlock, mid).first <= u)
        lo = mid;
      else
        hi = mid;
    }
  return g_array_index (model->blocks, TaktUnitBlock, lo).due;
}

/* Fills @out[k] with the deadline of unit k of @run. */
static void
run_deadlines (const TaktModel *model,
               const TaktPRun  *run,
               gint64          *out)
{
  gint64 q = run->quantity;
  gint64 covered = MIN (run->b - run->a, q);
  int bi = model->block_start[run->product];
  int bend = model->block_start[run->product + 1];
  gint64 k = 0;
  gint64 last = 0;

  if (covered > 0)
    {
      /* Find the block of unit a. */
      int lo = bi, hi = bend;

      while (hi - lo > 1)
        {
          int mid = lo + (hi - lo) / 2;

          if (g_array_index (model->blocks, TaktUnitBlock, mid).first <= run->a)
            lo = mid;
          else
            hi = mid;
        }
      bi = lo;
      while (k < covered && bi < bend)
        {
          const TaktUnitBlock *blk = &g_array_index (model->blocks, TaktUnitBlock, bi);
          gint64 until = MIN (blk->first + blk->count, run->a + covered);

          for (gint64 u = run->a + k; u < until; u++)
            out[k++] = blk->due;
          last = blk->due;
          bi++;
        }
    }
  /* Units made to reach min_run have no demand of their own: they may
   * finish as late as the horizon end (or the run's last due). */
  for (; k < q; k++)
    out[k] = MAX (last, model->horizon);
}

/* ---- one-piece flow ---- */

/* Working-time conversions for sequences of nearby instants.  A cursor
 * walks the explicit working intervals of a station's calendar (copied
 * into a TaktWorkIndex with W at each interval's start, see
 * work_index_new()): inside the interval it is on, W is linear, so the
 * many units of a run inside one shift cost an addition each; elsewhere a
 * binary search finds the interval.  It answers exactly what
 * takt-calendar.c would (the same definitions on the same intervals), and
 * asks it past the explicit intervals, where the week repeats. */
typedef struct
{
  const TaktWorkIndex *ix;
  gsize                i;    /* the interval it is on (< ix->n when ix->n > 0) */
} Cursor;

static inline void
cursor_init (Cursor              *c,
             const TaktWorkIndex *ix)
{
  c->ix = ix;
  c->i = 0;
}

static G_GNUC_NO_INLINE gint64
cursor_worked_search (Cursor *c,
                      gint64  t)
{
  const TaktWorkIndex *ix = c->ix;
  gsize i = c->i, lo, hi;

  if (t <= 0)
    return 0;
  if (ix->n == 0 || t > ix->to[ix->n - 1])
    return takt_work_time_worked (ix->wt, t);
  if (t < ix->from[0])
    return 0;
  /* The last interval that starts at or before t (there is one): galloping
   * from the interval the cursor is on, the next instant asked for is
   * most often a shift or a day away. */
  if (ix->from[i] <= t)
    {
      gsize step = 1;

      lo = i;
      hi = i + 1;
      while (hi < ix->n && ix->from[hi] <= t)
        {
          lo = hi;
          hi = MIN (hi + step, ix->n);
          step *= 2;
        }
    }
  else
    {
      gsize step = 1;

      hi = i;
      lo = i > 0 ? i - 1 : 0;
      while (lo > 0 && ix->from[lo] > t)
        {
          hi = lo;
          lo = lo > step ? lo - step : 0;
          step *= 2;
        }
    }
  /* from[lo] <= t < from[hi] (hi == n: past the last start). */
  while (hi - lo > 1)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (ix->from[mid] <= t)
        lo = mid;
      else
        hi = mid;
    }
  c->i = lo;
  return ix->cum[lo] + (MIN (t, ix->to[lo]) - ix->from[lo]);
}

/* W(@t): working seconds in [0, t). */
static inline gint64
cursor_worked (Cursor *c,
               gint64  t)
{
  const TaktWorkIndex *ix = c->ix;
  gsize i = c->i;

  if (ix->n > 0 && t >= ix->from[i] && t <= ix->to[i])
    return ix->cum[i] + (t - ix->from[i]);
  return cursor_worked_search (c, t);
}

/* The first interval whose end in working time is >= @v (@strict: > v);
 * there is one (v below the last one's end). */
static inline gsize
cursor_find_end (const TaktWorkIndex *ix,
                 gint64               v,
                 gboolean             strict)
{
  gsize lo = 0, hi = ix->n - 1;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (strict ? ix->cend[mid] > v : ix->cend[mid] >= v)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

static G_GNUC_NO_INLINE gint64
cursor_end_at_search (Cursor *c,
                      gint64  v)
{
  const TaktWorkIndex *ix = c->ix;
  gsize i;

  if (v <= 0)
    return 0;
  if (ix->n == 0 || v > ix->cend[ix->n - 1])
    return takt_work_time_end_at (ix->wt, v);
  i = cursor_find_end (ix, v, FALSE);
  c->i = i;
  return ix->from[i] + (v - ix->cum[i]);
}

/* takt_work_time_end_at (): the first instant where W reaches @v. */
static inline gint64
cursor_end_at (Cursor *c,
               gint64  v)
{
  const TaktWorkIndex *ix = c->ix;
  gsize i = c->i;

  if (ix->n > 0 && v > ix->cum[i] && v <= ix->cend[i])
    return ix->from[i] + (v - ix->cum[i]);
  return cursor_end_at_search (c, v);
}

static G_GNUC_NO_INLINE gint64
cursor_start_at_search (Cursor *c,
                        gint64  v)
{
  const TaktWorkIndex *ix = c->ix;
  gsize i;

  if (ix->n == 0 || v >= ix->cend[ix->n - 1])
    return takt_work_time_start_at (ix->wt, v);
  i = cursor_find_end (ix, v, TRUE);
  c->i = i;
  return ix->from[i] + (v - ix->cum[i]);
}

/* takt_work_time_start_at (): the working instant where W passes @v. */
static inline gint64
cursor_start_at (Cursor *c,
                 gint64  v)
{
  const TaktWorkIndex *ix = c->ix;
  gsize i = c->i;

  v = MAX (v, 0);
  if (ix->n > 0 && v >= ix->cum[i] && v < ix->cend[i])
    return ix->from[i] + (v - ix->cum[i]);
  return cursor_start_at_search (c, v);
}

/* takt_work_time_between (). */
static inline gint64
cursor_between (Cursor *c,
                gint64  a,
                gint64  b)
{
  if (b <= a)
    return 0;
  return cursor_worked (c, b) - cursor_worked (c, a);
}

/* The compositions of takt-calendar.c, through a cursor: the same
 * definitions in terms of W, start_at and end_at. */
static inline gint64
cursor_next (Cursor *c,
             gint64  t)
{
  if (t == TAKT_TIME_NEVER)
    return TAKT_TIME_NEVER;
  return cursor_start_at (c, cursor_worked (c, t));
}

static inline gint64
cursor_add (Cursor *c,
            gint64  t,
            gint64  w)
{
  if (t == TAKT_TIME_NEVER)
    return TAKT_TIME_NEVER;
  if (w == 0)
    return MAX (t, 0);
  return cursor_end_at (c, cursor_worked (c, t) + w);
}

static inline gint64
cursor_latest_start (Cursor *c,
                     gint64  t,
                     gint64  w)
{
  gint64 v;

  if (t < 0 || t == TAKT_TIME_NONE)
    return TAKT_TIME_NONE;
  if (w == 0)
    return t;
  v = cursor_worked (c, t) - w;
  if (v < 0)
    return TAKT_TIME_NONE;
  return cursor_start_at (c, v);
}

/* The units' departures from one step: in working time of the station
 * (w, always there) and as instants (real, made when needed).  Steps at
 * stations with the same calendar pass working time on unchanged. */
typedef struct
{
  const TaktWorkIndex *ix;
  gint64              *w;
  gint64              *real;
  gboolean             has_real;
} Flow;

static void
flow_make_real (Flow  *flow,
                gint64 q)
{
  Cursor c;

  if (flow->has_real)
    return;
  cursor_init (&c, flow->ix);
  for (gint64 k = 0; k < q; k++)
    flow->real[k] = cursor_end_at (&c, flow->w[k]);
  flow->has_real = TRUE;
}

static inline gint64
flow_real0 (const Flow *flow)
{
  Cursor c;

  if (flow->has_real)
    return flow->real[0];
  cursor_init (&c, flow->ix);
  return cursor_end_at (&c, flow->w[0]);
}

/* One step of a run, forward, in three parts.  Unit 1 arrives at
 * @arrive0 (for step 1: the wanted start); later units as the flow @prev
 * of the step before says (NULL at step 1: they are there as soon as the
 * unit before has left).  Unit k leaves at
 *   w_k = max (w_{k-1}, a_k) + cycle,  w_0 = W(start) + cycle
 * (a_k: its arrival, all in the station's working time), so the last one
 * leaves at max (W(start) + q·cycle, max over k >= 1 of a_k + (q − k)·cycle):
 * the second term does not depend on where the step starts.
 *
 * step_arrivals(): the arrivals a_k (k >= 1; *@aw, NULL at step 1) and
 * that second term (G_MININT64 when there is none). */
static gint64
step_arrivals (const TaktWorkIndex *ix,
               gint64               cycle,
               Flow                *prev,
               gint64               q,
               gint64              *aw_buf,
               const gint64       **aw)
{
  gint64 bound = G_MININT64;

  *aw = NULL;
  if (prev == NULL)
    return bound;
  if (prev->ix == ix)
    *aw = prev->w;
  else
    {
      Cursor c;

      flow_make_real (prev, q);
      cursor_init (&c, ix);
      for (gint64 k = 1; k < q; k++)
        aw_buf[k] = cursor_worked (&c, prev->real[k]);
      *aw = aw_buf;
    }
  for (gint64 k = 1; k < q; k++)
    bound = MAX (bound, (*aw)[k] + (q - k) * cycle);
  return bound;
}

/* step_timing(): where the step lies when the machine is free from
 * @free: its setup start, its first unit's start and its end (the last
 * unit's departure), from the arrivals' @bound.  Returns FALSE when the
 * station never finishes the step. */
static gboolean
step_timing (Cursor             *c,
             gint64              cycle,
             gint64              setup,
             gint64              arrive0,
             gint64              ls,
             gint64              q,
             gint64              bound,
             gint64              free,
             gint64             *setup_start,
             gint64             *start,
             gint64             *end)
{
  gint64 f = cursor_next (c, MAX (free, 0));
  gint64 ss = 0, sd, st, ew;

  if (f == TAKT_TIME_NEVER)
    return FALSE;
  if (setup > 0)
    {
      /* @ls: the latest setup start that ends by arrive0. */
      ss = (ls == TAKT_TIME_NONE || ls < f) ? f : ls;
      sd = cursor_add (c, ss, setup);
      if (sd == TAKT_TIME_NEVER)
        return FALSE;
    }
  else
    sd = f;
  st = cursor_next (c, MAX (arrive0, sd));
  if (st == TAKT_TIME_NEVER)
    return FALSE;
  if (setup == 0)
    ss = st;
  ew = MAX (cursor_worked (c, st) + q * cycle, bound);
  *end = cursor_end_at (c, ew);
  if (*end == TAKT_TIME_NEVER)
    return FALSE;
  *setup_start = ss;
  *start = st;
  return TRUE;
}

/* step_fill(): the departures of every unit when the step starts at
 * @start, into @out. */
static void
step_fill (const TaktWorkIndex *ix,
           gint64               cycle,
           const gint64        *aw,
           gint64               q,
           gint64               start,
           Flow                *out)
{
  Cursor c;
  gint64 ew;

  cursor_init (&c, ix);
  ew = cursor_worked (&c, start) + cycle;

  out->w[0] = ew;
  for (gint64 k = 1; k < q; k++)
    {
      gint64 sw = ew;

      if (aw != NULL)
        sw = MAX (sw, aw[k]);
      ew = sw + cycle;
      out->w[k] = ew;
    }
  out->ix = ix;
  out->has_real = FALSE;
}

/* All three: fills @out and *@end; @aw_buf holds q values. */
static gboolean
step_forward (const TaktWorkIndex *ix,
              gint64               cycle,
              gint64               setup,
              gint64               arrive0,
              Flow                *prev,
              gint64               q,
              gint64               free,
              gint64              *aw_buf,
              gint64              *setup_start,
              gint64              *start,
              Flow                *out,
              gint64              *end)
{
  const gint64 *aw;
  gint64 bound = step_arrivals (ix, cycle, prev, q, aw_buf, &aw);
  Cursor c;

  cursor_init (&c, ix);
  if (!step_timing (&c, cycle, setup, arrive0, cursor_latest_start (&c, arrive0, setup),
                    q, bound, free, setup_start, start, end))
    return FALSE;
  step_fill (ix, cycle, aw, q, *start, out);
  return TRUE;
}

/* The first pin window on machine @mach that overlaps [from, to), or NULL. */
static const TaktWindow *
pin_overlap (const TaktModel *model,
             int              mach,
             gint64           from,
             gint64           to,
             int              skip_pin)
{
  const GArray *wins = model->pin_windows[mach];

  for (guint i = 0; i < wins->len; i++)
    {
      const TaktWindow *w = &g_array_index (wins, TaktWindow, i);

      if (w->from >= to)
        break;
      if (w->to > from && w->pin != skip_pin && w->to > w->from)
        return w;
    }
  return NULL;
}

/* A timeline's slots with room before the first one as well as after the
 * last: the backward pass enters its windows mostly at the front (it goes
 * from the latest runs to the earliest), and moving the few slots before
 * the place costs less than moving all those after it. */
static void
slots_set (TaktSlots      *slots,
           const TaktSlot *from,
           guint           n)
{
  if (slots->cap < 2 * n + 16)
    {
      g_free (slots->alloc);
      slots->cap = 2 * n + 16;
      slots->alloc = g_new (TaktSlot, slots->cap);
    }
  /* Half the room in front. */
  slots->data = slots->alloc + (slots->cap - n) / 2;
  slots->len = n;
  if (n > 0)
    memcpy (slots->data, from, n * sizeof (TaktSlot));
}

static void
slots_insert (TaktSlots      *slots,
              guint           at,
              const TaktSlot *slot)
{
  guint head = (guint) (slots->data - slots->alloc);

  if (at < slots->len - at && head > 0)
    {
      memmove (slots->data - 1, slots->data, at * sizeof (TaktSlot));
      slots->data--;
    }
  else
    {
      if (head + slots->len == slots->cap)
        {
          /* Full at the back: twice the room, centred again. */
          guint cap = 2 * slots->cap + 16;
          TaktSlot *alloc = g_new (TaktSlot, cap);
          TaktSlot *data = alloc + (cap - slots->len) / 2;

          if (slots->len > 0)
            memcpy (data, slots->data, slots->len * sizeof (TaktSlot));
          g_free (slots->alloc);
          slots->alloc = alloc;
          slots->cap = cap;
          slots->data = data;
        }
      memmove (slots->data + at + 1, slots->data + at, (slots->len - at) * sizeof (TaktSlot));
    }
  slots->data[at] = *slot;
  slots->len++;
}

static void
slots_remove (TaktSlots *slots,
              guint      at)
{
  if (at < slots->len - 1 - at)
    {
      memmove (slots->data + 1, slots->data, at * sizeof (TaktSlot));
      slots->data++;
    }
  else
    memmove (slots->data + at, slots->data + at + 1, (slots->len - 1 - at) * sizeof (TaktSlot));
  slots->len--;
}

/* The first slot of @slots (sorted, disjoint) that overlaps [from, to), or
 * NULL. */
static const TaktSlot *
slot_overlap (const TaktSlots *slots,
              gint64        from,
              gint64        to)
{
  guint lo = 0, hi = slots->len;

  /* The first slot that ends after from. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (slots, TaktSlot, mid).to <= from)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < slots->len && g_array_index (slots, TaktSlot, lo).from < to)
    return &g_array_index (slots, TaktSlot, lo);
  return NULL;
}

static guint
slot_insert (TaktSlots *slots,
             gint64     from,
             gint64     to)
{
  TaktSlot slot = { from, to };
  guint lo = 0, hi = slots->len;

  if (to <= from)
    return G_MAXUINT;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (slots, TaktSlot, mid).from < from)
        lo = mid + 1;
      else
        hi = mid;
    }
  slots_insert (slots, lo, &slot);
  return lo;
}

/* How run_forward() uses the run's memo: replaying a trace (each step
 * timing asked for is looked up; a miss or a different pick ends the
 * replay), recording one, or neither. */
typedef struct
{
  TaktFwdTrace *replay;
  TaktFwdTrace *record;
  gboolean      diverged;
} FwdCtx;

/* One step of a run being placed forward: what its timings need. */
typedef struct
{
  const TaktWorkIndex *ix;
  gint64              cycle;
  gint64              setup;
  gint64              arrive0;
  gint64              ls;         /* latest start of a setup that ends by arrive0 */
  gint64              q;
  Cursor              cursor;     /* on ix */
  Flow               *prev;       /* NULL at step 1 (and unused when replaying) */
  gint64             *aw_buf;
  const gint64       *aw;
  gint64              bound;
  gboolean            prepared;   /* aw and bound are set */
} StepIn;

/* step_timing() of step @j from @free, through @ctx (may be NULL). */
static gboolean
fwd_step (FwdCtx  *ctx,
          guint    j,
          StepIn  *in,
          gint64   free,
          gint64  *setup_start,
          gint64  *start,
          gint64  *end)
{
  TaktFwdCall call = { (int) j, FALSE, free, 0, 0, 0 };

  if (ctx != NULL && ctx->replay != NULL)
    {
      const TaktFwdCall *c;

      if (ctx->diverged)
        return FALSE;
      c = takt_fwd_trace_lookup (ctx->replay, (int) j, free);
      if (c == NULL)
        {
          ctx->diverged = TRUE;
          return FALSE;
        }
      *setup_start = c->setup_start;
      *start = c->start;
      *end = c->end;
      return c->ok;
    }
  if (!in->prepared)
    {
      in->bound = step_arrivals (in->ix, in->cycle, in->prev, in->q, in->aw_buf, &in->aw);
      in->prepared = TRUE;
    }
  call.ok = step_timing (&in->cursor, in->cycle, in->setup, in->arrive0, in->ls, in->q, in->bound, free,
                         &call.setup_start, &call.start, &call.end);
  if (ctx != NULL && ctx->record != NULL)
    takt_fwd_trace_add (ctx->record, &call);
  *setup_start = call.setup_start;
  *start = call.start;
  *end = call.end;
  return call.ok;
}

/* Computes step @j of @run on flat machine @mach, in a free gap of its
 * timeline: when the step would overlap a slot, its setup moves after it.
 * Sets *@pushed when it had to move, *@used_free to the free instant the
 * timing it returns was computed from. */
static gboolean
step_on_machine (TaktModel    *model,
                 TaktPRun     *run,
                 guint         j,
                 int           mach,
                 gint64        free,
                 StepIn       *in,
                 FwdCtx       *ctx,
                 gint64       *setup_start,
                 gint64       *start,
                 gint64       *end,
                 gboolean     *pushed,
                 gint64       *used_free)
{
  const TaktProduct *prod = takt_model_product (model, run->product);
  const TaktStep *step = product_step (prod, j);
  const TaktSlots *slots = model->timeline[mach];
  /* A gap can only hold the step if it has the step's work content of
   * working time after the setup could start at the earliest. */
  gint64 work = step->setup_s + run->quantity * step->cycle_s;
  gint64 earliest = in->arrive0;
  Cursor *c = &in->cursor;

  if (step->setup_s > 0)
    {
      earliest = in->ls;
      if (earliest == TAKT_TIME_NONE)
        earliest = 0;
    }

  *pushed = FALSE;
  if (model->use_watermark)
    {
      /* Skip the leading slots whose gaps no step here can use. */
      guint w = model->watermark[mach];
      gint64 least = model->min_work[step->station_index];

      /* (When the gap at w was found long enough and is unchanged, the
       * walk would stop at once.) */
      if (!model->watermark_ok[mach])
        {
          while (w < slots->len &&
                 cursor_between (c, w == 0 ? 0 : g_array_index (slots, TaktSlot, w - 1).to,
                                 g_array_index (slots, TaktSlot, w).from) < least)
            w++;
          model->watermark[mach] = w;
          model->watermark_ok[mach] = TRUE;
        }
      if (w > 0 && g_array_index (slots, TaktSlot, w - 1).to > MAX (free, earliest))
        {
          /* That delays the step: other machines may do better. */
          free = g_array_index (slots, TaktSlot, w - 1).to;
          *pushed = TRUE;
        }
    }
  for (int tries = 0;; tries++)
    {
      const TaktSlot *slot;
      guint k;

      if (!fwd_step (ctx, j, in, free, setup_start, start, end))
        return FALSE;
      slot = slot_overlap (slots, *setup_start, *end);
      if (slot == NULL)
        {
          *used_free = free;
          return TRUE;
        }
      *pushed = TRUE;
      /* Gaps are tried one by one near the wanted start; after a few
       * dozen the step goes after the machine's last slot. */
      if (tries >= GAP_TRIES)
        {
          free = MAX (slot->to, g_array_index (slots, TaktSlot, slots->len - 1).to);
          continue;
        }
      k = (guint) (slot - (const TaktSlot *) (const void *) slots->data);
      free = slot->to;
      while (k + 1 < slots->len)
        {
          const TaktSlot *next = &g_array_index (slots, TaktSlot, k + 1);

          if (cursor_between (c, MAX (free, earliest), next->from) >= work)
            break;
          free = next->to;
          k++;
        }
    }
}

/* Places @run forward: its first unit starts at @x or later, each step in
 * a free gap, step j not before @floor[j] when given.  A step keeps the
 * machine of the last decode (or the search's choice) when it fits there
 * without waiting; otherwise it takes the machine where it ends first.
 * Records the times and the units' finishes but does not enter them in
 * the timelines.  Returns FALSE when the run can never be finished (or,
 * replaying, when the replay cannot go on: ctx->diverged). */
static gboolean
run_forward_with (TaktModel    *model,
                  TaktPRun     *run,
                  gint64        x,
                  const gint64 *floor,
                  FwdCtx       *ctx)
{
  const TaktProduct *prod = takt_model_product (model, run->product);
  gint64 q = run->quantity;
  Flow flows[2];
  Flow *prev = NULL;
  TaktFwdTrace *replay = ctx != NULL ? ctx->replay : NULL;
  TaktFwdTrace *record = ctx != NULL ? ctx->record : NULL;

  ensure_scratch (model, q);
  for (int i = 0; i < 2; i++)
    {
      flows[i].w = model->scratch[2 * i];
      flows[i].real = model->scratch[2 * i + 1];
      flows[i].has_real = FALSE;
      flows[i].ix = NULL;
    }

  for (guint j = 0; j < prod->routing->len; j++)
    {
      const TaktStep *step = product_step (prod, j);
      int s = step->station_index;
      int base = model->machine_base[s];
      int n_mach = model->station_machines[s];
      int prefer = run->assign[j] >= 0 ? run->assign[j] : run->use[j];
      int pick = -1;
      gint64 best_ss = 0, best_st = 0, best_end = G_MAXINT64, best_free = 0;
      gint64 ss, st, end, used = 0, fl = floor != NULL ? floor[j] : 0;
      gboolean pushed;
      StepIn in;

      in.ix = model->station_ix[s];
      in.cycle = step->cycle_s;
      in.setup = step->setup_s;
      /* Replaying, the units' arrivals are the trace's (its picks so far
       * were the same); the flows themselves are not computed. */
      in.arrive0 = j == 0 ? x : replay != NULL ? replay->arrive0[j] : flow_real0 (prev);
      cursor_init (&in.cursor, in.ix);
      in.ls = in.setup > 0 ? cursor_latest_start (&in.cursor, in.arrive0, in.setup) : TAKT_TIME_NONE;
      in.q = q;
      in.prev = replay != NULL ? NULL : prev;
      in.aw_buf = model->scratch[4];
      in.aw = NULL;
      in.bound = G_MININT64;
      in.prepared = FALSE;

      if (prefer >= n_mach)
        prefer = -1;
      if (prefer >= 0)
        {
          if (step_on_machine (model, run, j, base + prefer, fl, &in, ctx,
                               &ss, &st, &end, &pushed, &used))
            {
              pick = prefer;
              best_ss = ss;
              best_st = st;
              best_end = end;
              best_free = used;
            }
          else
            pushed = TRUE;
          if (run->assign[j] >= 0)
            pushed = FALSE;
        }
      else
        pushed = TRUE;

      if (pushed)
        for (int i = 0; i < n_mach; i++)
          {
            gboolean p2;

            if (i == prefer)
              continue;
            if (!step_on_machine (model, run, j, base + i, fl, &in, ctx,
                                  &ss, &st, &end, &p2, &used))
              continue;
            if (end < best_end)
              {
                pick = i;
                best_ss = ss;
                best_st = st;
                best_end = end;
                best_free = used;
              }
            if (!p2)
              break;
          }
      if (ctx != NULL && ctx->diverged)
        return FALSE;
      if (replay != NULL && pick >= 0 &&
          ((int) j >= replay->n_picked || replay->pick_free[j] != best_free))
        {
          ctx->diverged = TRUE;
          return FALSE;
        }
      if (pick < 0)
        return FALSE;

      run->use[j] = pick;
      run->setup_start[j] = best_ss;
      run->start[j] = best_st;
      run->end[j] = best_end;
      if (record != NULL)
        {
          record->pick_free[j] = best_free;
          record->arrive0[j] = in.arrive0;
          record->n_picked = (int) j + 1;
        }
      if (replay == NULL)
        {
          /* The departures of the picked timing, for the next step. */
          Flow *next = prev == &flows[0] ? &flows[1] : &flows[0];

          if (!in.prepared)
            in.bound = step_arrivals (in.ix, in.cycle, prev, q, in.aw_buf, &in.aw);
          step_fill (in.ix, in.cycle, in.aw, q, best_st, next);
          prev = next;
        }
    }

  if (run->finish_len != (gsize) q)
    {
      run->finish = g_renew (gint64, run->finish, q);
      run->finish_len = q;
    }
  if (replay != NULL)
    {
      if (!replay->ok)
        {
          /* The trace ended otherwise: it cannot be this run's. */
          ctx->diverged = TRUE;
          return FALSE;
        }
      memcpy (run->finish, replay->finish, q * sizeof (gint64));
      return TRUE;
    }
  flow_make_real (prev, q);
  memcpy (run->finish, prev->real, q * sizeof (gint64));
  return TRUE;
}

static gboolean
run_forward (TaktModel    *model,
             TaktPRun     *run,
             gint64        x,
             const gint64 *floor)
{
  guint n = takt_model_product (model, run->product)->routing->len;
  TaktRunMemo *memo;
  TaktFwdTrace *trace;
  FwdCtx ctx = { NULL, NULL, FALSE };
  gboolean ok;

  if (model->no_memo)
    return run_forward_with (model, run, x, floor, NULL);

  memo = takt_run_memo_for (model, run);
  trace = takt_run_memo_trace_find (memo, x);
  if (trace != NULL)
    {
      /* run->use steers the machine choice: keep it for a second try. */
      memcpy (model->use_buf, run->use, n * sizeof (int));
      ctx.replay = trace;
      ok = run_forward_with (model, run, x, floor, &ctx);
      if (!ctx.diverged)
        return ok;
      memcpy (run->use, model->use_buf, n * sizeof (int));
      ctx.replay = NULL;
      ctx.diverged = FALSE;
    }
  ctx.record = takt_run_memo_trace_begin (memo, x);
  ok = run_forward_with (model, run, x, floor, &ctx);
  takt_run_memo_trace_end (memo, ctx.record, ok, run->finish);
  return ok;
}

/* The latest times of @run: unit k leaves the last step by its deadline,
 * the last unit leaves step j by @bound[j].  Sets @lss[j] (latest setup
 * start) and @le[j] (latest end) and returns the latest start of the first
 * unit at step 1; values may lie before 0 (the deadlines cannot be met) or
 * be TAKT_INF (nothing bounds them).  Working time is passed on unchanged
 * between steps with the same calendar. */
static gint64
run_backward_compute (TaktModel    *model,
                      TaktPRun     *run,
                      const gint64 *bound,
                      gint64       *lss,
                      gint64       *le)
{
  const TaktProduct *prod = takt_model_product (model, run->product);
  gint64 q = run->quantity;
  gint64 *dl, *sw;
  const TaktWorkTime *dl_wt = NULL;   /* non-NULL: dl holds working time of it */
  gint64 x = TAKT_INF;

  ensure_scratch (model, q);
  dl = model->scratch[6];
  sw = model->scratch[7];
  run_deadlines (model, run, dl);

  for (int j = (int) prod->routing->len - 1; j >= 0; j--)
    {
      const TaktStep *step = product_step (prod, j);
      const TaktWorkTime *wt = model->station_wt[step->station_index];
      gint64 c = step->cycle_s;
      gint64 next_start = TAKT_INF;
      gboolean in_w = dl_wt == wt;
      Cursor c_wt;

      cursor_init (&c_wt, model->station_ix[step->station_index]);
      for (gint64 k = q - 1; k >= 0; k--)
        {
          gint64 lw;

          if (dl[k] >= TAKT_INF)
            lw = TAKT_INF;
          else if (in_w)
            lw = dl[k];
          else if (dl[k] < 0)
            lw = dl[k];
          else
            lw = cursor_worked (&c_wt, dl[k]);
          if (k == q - 1 && bound[j] < TAKT_INF)
            lw = MIN (lw, wt_worked (wt, bound[j]));
          lw = MIN (lw, next_start);
          if (lw >= TAKT_INF)
            {
              if (k == q - 1)
                le[j] = TAKT_INF;
              sw[k] = TAKT_INF;
              next_start = TAKT_INF;
              continue;
            }
          if (k == q - 1)
            le[j] = wt_end_at (wt, lw);
          next_start = lw - c;
          sw[k] = next_start;
        }

      if (sw[0] >= TAKT_INF)
        {
          lss[j] = TAKT_INF;
          x = TAKT_INF;
        }
      else
        {
          x = wt_start_at (wt, sw[0]);
          lss[j] = step->setup_s > 0 ? wt_start_at (wt, sw[0] - step->setup_s) : x;
        }

      /* Deadlines of the step before: these latest starts. */
      if (j > 0 && model->station_wt[product_step (prod, j - 1)->station_index] == wt)
        {
          gint64 *t = dl;

          dl = sw;
          sw = t;
          dl_wt = wt;
        }
      else if (j > 0)
        {
          cursor_init (&c_wt, model->station_ix[step->station_index]);
          for (gint64 k = q - 1; k >= 0; k--)
            dl[k] = sw[k] >= TAKT_INF ? TAKT_INF
                    : sw[k] < 0 ? sw[k]
                    : cursor_start_at (&c_wt, sw[k]);
          dl_wt = NULL;
        }
    }
  return x;
}

static gint64
run_backward (TaktModel    *model,
              TaktPRun     *run,
              const gint64 *bound,
              gint64       *lss,
              gint64       *le)
{
  TaktRunMemo *memo;
  gint64 x;

  if (model->no_memo)
    return run_backward_compute (model, run, bound, lss, le);
  memo = takt_run_memo_for (model, run);
  if (!takt_run_memo_backward_get (memo, bound, &x, lss, le))
    {
      x = run_backward_compute (model, run, bound, lss, le);
      takt_run_memo_backward_put (memo, bound, x, lss, le);
    }
  return x;
}

/* ---- the model ---- */

static int
compare_pins_by_start (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  const TaktPlan *plan = user_data;
  int ia = *(const int *) a;
  int ib = *(const int *) b;
  const TaktPin *pa = g_ptr_array_index (plan->pins, ia);
  const TaktPin *pb = g_ptr_array_index (plan->pins, ib);

  if (pa->start != pb->start)
    return pa->start < pb->start ? -1 : 1;
  return (ia > ib) - (ia < ib);
}

static int
compare_windows (gconstpointer a,
                 gconstpointer b)
{
  const TaktWindow *wa = a;
  const TaktWindow *wb = b;

  if (wa->from != wb->from)
    return wa->from < wb->from ? -1 : 1;
  return (wa->pin > wb->pin) - (wa->pin < wb->pin);
}

static char *
format_rel (const TaktModel *model,
            gint64           t)
{
  return takt_format_datetime (model->origin + t, FALSE);
}

/* Places the pins in order of their start: the first step where the pin
 * says (the first unit starts at the pin's start or the next working
 * instant, the setup just before it), the later steps by one-piece flow on
 * the machine where they end first, after earlier pins there.  Overlaps of
 * first steps are reported, both pins kept. */
static void
place_pins (TaktModel *model)
{
  const TaktPlan *plan = model->plan;
  guint n = plan->pins != NULL ? plan->pins->len : 0;
  g_autofree int *idx = g_new (int, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    idx[i] = (int) i;
  g_qsort_with_data (idx, n, sizeof (int), compare_pins_by_start, (gpointer) plan);

  for (guint ii = 0; ii < n; ii++)
    {
      int pi = idx[ii];
      const TaktPin *pin = g_ptr_array_index (plan->pins, pi);
      const TaktProduct *prod = takt_model_product (model, pin->product_index);
      TaktPRun *run;
      Flow flows[2];
      Flow *prev, *cur;
      gint64 q = pin->quantity;
      gboolean ok = TRUE;

      if (model->dead_station[pin->product_index] >= 0)
        {
          const TaktStation *st = g_ptr_array_index (plan->stations,
                                                     model->dead_station[pin->product_index]);

          g_ptr_array_add (model->conflicts,
                           g_strdup_printf ("pin %d (%s): cannot be made, station %s never works",
                                            pi + 1, prod->id, st->id));
          continue;
        }

      run = takt_prun_new (model, pin->product_index);
      run->pin = pi;
      run->quantity = q;
      run->release = MAX (pin->start - model->origin, 0);
      ensure_scratch (model, q);
      for (int i = 0; i < 2; i++)
        {
          flows[i].w = model->scratch[2 * i];
          flows[i].real = model->scratch[2 * i + 1];
          flows[i].has_real = FALSE;
          flows[i].ix = NULL;
        }
      prev = NULL;
      cur = &flows[0];

      for (guint j = 0; j < prod->routing->len && ok; j++)
        {
          const TaktStep *step = product_step (prod, j);
          int s = step->station_index;
          int base = model->machine_base[s];
          const TaktWorkTime *wt = model->station_wt[s];
          gint64 ss = 0, st = 0, end = 0;

          if (j == 0)
            {
              int m = (int) CLAMP (pin->machine - 1, 0, model->station_machines[s] - 1);
              gint64 free = 0;

              /* The setup ends at the pin's start; when it cannot (not
               * enough working time since the horizon start), it begins
               * there instead. */
              if (step->setup_s > 0 &&
                  takt_work_time_latest_start (wt, run->release, step->setup_s) == TAKT_TIME_NONE)
                free = run->release;
              ok = step_forward (model->station_ix[s], step->cycle_s, step->setup_s, run->release, NULL, q, free,
                                 model->scratch[4],
                                 &ss, &st, cur, &end);
              run->use[0] = m;
            }
          else
            {
              gint64 best_end = G_MAXINT64;
              int best = -1;
              gint64 arrive0 = flow_real0 (prev);

              /* Later steps: by one-piece flow, on the machine where the
               * step ends first, after the pins already there. */
              for (int i = 0; i < model->station_machines[s]; i++)
                {
                  gint64 free = 0, ss_i, st_i, end_i;
                  const TaktWindow *w;

                  for (;;)
                    {
                      if (!step_forward (model->station_ix[s], step->cycle_s, step->setup_s, arrive0, prev, q, free,
                                         model->scratch[4],
                                         &ss_i, &st_i, cur, &end_i))
                        break;
                      w = pin_overlap (model, base + i, ss_i, end_i, -1);
                      if (w == NULL)
                        {
                          if (end_i < best_end)
                            {
                              best_end = end_i;
                              best = i;
                            }
                          break;
                        }
                      free = w->to;
                    }
                }
              ok = best >= 0;
              if (ok)
                {
                  gint64 free = 0;
                  const TaktWindow *w;

                  for (;;)
                    {
                      step_forward (model->station_ix[s], step->cycle_s, step->setup_s, arrive0, prev, q, free,
                                    model->scratch[4],
                                    &ss, &st, cur, &end);
                      w = pin_overlap (model, base + best, ss, end, -1);
                      if (w == NULL)
                        break;
                      free = w->to;
                    }
                }
              run->use[j] = best;
            }
          if (!ok)
            break;
          run->setup_start[j] = ss;
          run->start[j] = st;
          run->end[j] = end;

          if (j == 0)
            {
              const TaktWindow *w = pin_overlap (model, base + run->use[0], ss, end, -1);
              gint64 from = ss;

              for (; w != NULL; w = pin_overlap (model, base + run->use[0], from, end, -1))
                {
                  g_autofree char *a = format_rel (model, MAX (ss, w->from));
                  g_autofree char *b = format_rel (model, MIN (end, w->to));
                  const TaktStation *sta = g_ptr_array_index (plan->stations, s);

                  g_ptr_array_add (model->conflicts,
                                   g_strdup_printf ("pins %d and %d overlap on %s machine %d from %s to %s",
                                                    w->pin + 1, pi + 1, sta->id, run->use[0] + 1, a, b));
                  from = w->to;
                  if (from >= end)
                    break;
                }
            }
          {
            TaktWindow w = { ss, end, pi };
            GArray *wins = model->pin_windows[base + run->use[j]];

            g_array_append_val (wins, w);
            g_array_sort (wins, compare_windows);
          }
          prev = cur;
          cur = prev == &flows[0] ? &flows[1] : &flows[0];
        }

      if (!ok)
        {
          g_ptr_array_add (model->conflicts,
                           g_strdup_printf ("pin %d (%s): cannot be finished, a station of its routing has no working time left",
                                            pi + 1, prod->id));
          takt_prun_free (run);
          continue;
        }
      flow_make_real (prev, q);
      run->placed = TRUE;
      run->finish = g_memdup2 (prev->real, q * sizeof (gint64));
      run->finish_len = q;
      g_ptr_array_add (model->pin_runs, run);
    }
}

/* The units still to make of each product, after stock and pins: a pin
 * takes the units due soonest at or after its first unit's finish that no
 * earlier pin took, then the latest ones due before it; what it makes
 * beyond all demand is surplus. */
static void
build_plan_units (TaktModel *model)
{
  model->blocks = g_array_new (FALSE, FALSE, sizeof (TaktUnitBlock));
  model->block_start = g_new0 (int, model->n_products + 1);
  model->plan_units = g_new0 (gint64, model->n_products);

  for (int p = 0; p < model->n_products; p++)
    {
      int d0 = model->demand_start[p], d1 = model->demand_start[p + 1];
      gint64 total = 0;
      g_autofree gint64 *taken = g_new0 (gint64, MAX (d1 - d0, 1));
      gint64 first = 0;

      for (int d = d0; d < d1; d++)
        {
          const TaktDemand *dem = &g_array_index (model->demands, TaktDemand, d);

          total += dem->quantity - dem->from_stock;
        }

      /* Pins of this product, in order of their first finish. */
      if (total > 0)
        {
          g_autoptr(GArray) pins = g_array_new (FALSE, FALSE, sizeof (int));

          for (guint i = 0; i < model->pin_runs->len; i++)
            {
              const TaktPRun *pr = g_ptr_array_index (model->pin_runs, i);
              int k = (int) i;

              if (pr->product == p)
                {
                  guint at = pins->len;

                  while (at > 0)
                    {
                      const TaktPRun *o = g_ptr_array_index (model->pin_runs,
                                                             g_array_index (pins, int, at - 1));

                      if (o->finish[0] <= pr->finish[0])
                        break;
                      at--;
                    }
                  g_array_insert_val (pins, at, k);
                }
            }
          for (guint i = 0; i < pins->len; i++)
            {
              const TaktPRun *pr = g_ptr_array_index (model->pin_runs, g_array_index (pins, int, i));
              gint64 want = pr->quantity;

              for (int d = d0; d < d1 && want > 0; d++)
                {
                  const TaktDemand *dem = &g_array_index (model->demands, TaktDemand, d);
                  gint64 left = dem->quantity - dem->from_stock - taken[d - d0];
                  gint64 take;

                  if (dem->due - model->origin < pr->finish[0] || left <= 0)
                    continue;
                  take = MIN (left, want);
                  taken[d - d0] += take;
                  want -= take;
                }
              /* Units left over cover the latest demand before it (late,
               * but made), rather than idle stock and a run for nothing. */
              for (int d = d1 - 1; d >= d0 && want > 0; d--)
                {
                  const TaktDemand *dem = &g_array_index (model->demands, TaktDemand, d);
                  gint64 left = dem->quantity - dem->from_stock - taken[d - d0];
                  gint64 take = MIN (MAX (left, 0), want);

                  taken[d - d0] += take;
                  want -= take;
                }
            }
        }

      model->block_start[p] = (int) model->blocks->len;
      for (int d = d0; d < d1; d++)
        {
          const TaktDemand *dem = &g_array_index (model->demands, TaktDemand, d);
          gint64 left = dem->quantity - dem->from_stock - taken[d - d0];
          TaktUnitBlock blk;

          if (left <= 0)
            continue;
          blk.demand = d;
          blk.first = first;
          blk.count = left;
          blk.due = dem->due - model->origin;
          g_array_append_val (model->blocks, blk);
          first += left;
        }
      model->plan_units[p] = first;
    }
  model->block_start[model->n_products] = (int) model->blocks->len;
}

/* The index of @wt's explicit intervals (shared by stations with the
 * same calendar), for cursors: each interval's start, end, W at its start
 * and W at its end, in one block. */
static TaktWorkIndex *
work_index_for (TaktModel          *model,
                const TaktWorkTime *wt)
{
  gsize n = takt_work_time_n_intervals (wt);
  TaktWorkIndex *ix;

  for (guint i = 0; i < model->work_ix->len; i++)
    {
      ix = g_ptr_array_index (model->work_ix, i);
      if (ix->wt == wt)
        return ix;
    }
  ix = g_malloc0 (sizeof (TaktWorkIndex) + 4 * MAX (n, 1) * sizeof (gint64));
  ix->wt = wt;
  ix->n = n;
  ix->from = (gint64 *) (void *) (ix + 1);
  ix->to = ix->from + MAX (n, 1);
  ix->cum = ix->to + MAX (n, 1);
  ix->cend = ix->cum + MAX (n, 1);
  for (gsize i = 0; i < n; i++)
    {
      takt_work_time_interval (wt, i, &ix->from[i], &ix->to[i]);
      ix->cum[i] = takt_work_time_worked (wt, ix->from[i]);
      ix->cend[i] = ix->cum[i] + (ix->to[i] - ix->from[i]);
    }
  g_ptr_array_add (model->work_ix, ix);
  return ix;
}

TaktModel *
takt_model_new (const TaktPlan *plan,
                TaktStrategy    strategy)
{
  TaktModel *model = g_new0 (TaktModel, 1);
  g_autoptr(GHashTable) by_calendar = g_hash_table_new (NULL, NULL);
  gint64 last_due = 0;

  model->plan = plan;
  model->origin = plan->horizon_start;
  model->horizon = plan->horizon_days * TAKT_DAY_S;
  model->n_stations = (int) plan->stations->len;
  model->n_products = (int) plan->products->len;
  model->conflicts = g_ptr_array_new_with_free_func (g_free);

  model->demands = takt_demand_collect (plan);
  model->demand_start = g_new0 (int, model->n_products + 1);
  for (guint i = 0; i < model->demands->len; i++)
    {
      const TaktDemand *d = &g_array_index (model->demands, TaktDemand, i);

      model->demand_start[d->product_index + 1]++;
      last_due = MAX (last_due, d->due - model->origin);
    }
  for (int p = 0; p < model->n_products; p++)
    model->demand_start[p + 1] += model->demand_start[p];

  /* Working time: one TaktWorkTime per distinct calendar. */
  model->work_times = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_work_time_free);
  model->station_wt = g_new0 (TaktWorkTime *, MAX (model->n_stations, 1));
  model->station_ix = g_new0 (TaktWorkIndex *, MAX (model->n_stations, 1));
  model->work_ix = g_ptr_array_new_with_free_func (g_free);
  model->station_always = g_new0 (gboolean, MAX (model->n_stations, 1));
  model->machine_base = g_new0 (int, model->n_stations + 1);
  model->station_machines = g_new0 (int, MAX (model->n_stations, 1));
  for (int s = 0; s < model->n_stations; s++)
    {
      const TaktStation *st = g_ptr_array_index (plan->stations, s);
      const TaktCalendar *cal = takt_plan_station_calendar (plan, s);
      TaktWorkTime *wt = g_hash_table_lookup (by_calendar, cal);

      if (wt == NULL)
        {
          wt = takt_work_time_new (cal, model->origin, MAX (model->horizon, last_due) + 14 * TAKT_DAY_S);
          g_ptr_array_add (model->work_times, wt);
          g_hash_table_insert (by_calendar, (gpointer) cal, wt);
        }
      model->station_wt[s] = wt;
      model->station_ix[s] = work_index_for (model, wt);
      /* Around the clock (at least for a year past the horizon): instants
       * and working time move together there. */
      model->station_always[s] =
        takt_work_time_between (wt, 0, model->horizon + 366 * TAKT_DAY_S) == model->horizon + 366 * TAKT_DAY_S;
      model->machine_base[s] = model->n_machines;
      model->station_machines[s] = (int) MAX (st->machines, 1);
      model->n_machines += model->station_machines[s];
    }
  model->machine_base[model->n_stations] = model->n_machines;
  model->pin_windows = g_new0 (GArray *, MAX (model->n_machines, 1));
  model->watermark = g_new0 (guint, MAX (model->n_machines, 1));
  model->watermark_ok = g_new0 (gboolean, MAX (model->n_machines, 1));
  model->pin_blocks = g_new0 (GArray *, MAX (model->n_machines, 1));
  model->timeline = g_new0 (TaktSlots *, MAX (model->n_machines, 1));
  for (int i = 0; i < model->n_machines; i++)
    {
      model->pin_windows[i] = g_array_new (FALSE, FALSE, sizeof (TaktWindow));
      model->pin_blocks[i] = g_array_new (FALSE, FALSE, sizeof (TaktSlot));
      model->timeline[i] = g_new0 (TaktSlots, 1);
    }

  model->dead_station = g_new (int, MAX (model->n_products, 1));
  model->min_work = g_new (gint64, MAX (model->n_stations, 1));
  for (int st = 0; st < model->n_stations; st++)
    model->min_work[st] = G_MAXINT64;
  for (int p = 0; p < model->n_products; p++)
    {
      const TaktProduct *prod = takt_model_product (model, p);

      for (guint j = 0; j < prod->routing->len; j++)
        {
          const TaktStep *step = product_step (prod, j);

          model->min_work[step->station_index] = MIN (model->min_work[step->station_index],
                                                      step->setup_s + MAX (prod->min_run, 1) * step->cycle_s);
        }
    }
  for (int p = 0; p < model->n_products; p++)
    {
      const TaktProduct *prod = takt_model_product (model, p);

      model->dead_station[p] = -1;
      model->max_steps = MAX (model->max_steps, (int) prod->routing->len);
      for (guint j = 0; j < prod->routing->len; j++)
        {
          int s = product_step (prod, j)->station_index;

          if (takt_work_time_never_works (model->station_wt[s]))
            {
              model->dead_station[p] = s;
              break;
            }
        }
    }

  model->pin_runs = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_prun_free);
  place_pins (model);
  /* The machines' time the pins hold, as disjoint blocks. */
  for (int i = 0; i < model->n_machines; i++)
    {
      const GArray *wins = model->pin_windows[i];

      for (guint k = 0; k < wins->len; k++)
        {
          const TaktWindow *w = &g_array_index (wins, TaktWindow, k);
          GArray *blocks = model->pin_blocks[i];
          TaktSlot *last = blocks->len > 0 ? &g_array_index (blocks, TaktSlot, blocks->len - 1) : NULL;

          if (last != NULL && w->from < last->to)
            last->to = MAX (last->to, w->to);
          else
            {
              TaktSlot slot = { w->from, w->to };

              g_array_append_val (blocks, slot);
            }
        }
    }
  build_plan_units (model);
  ensure_scratch (model, 64);
  model->use_buf = g_new0 (int, MAX (model->max_steps, 1));
  model->prefer_buf = g_new0 (int, MAX (model->max_steps, 1));
  for (int i = 0; i < 2; i++)
    {
      takt_pass_log_init (&model->fwd_log[i]);
      takt_pass_log_init (&model->back_log[i]);
    }
  model->diff = takt_diff_new (model->n_machines);
  model->cost_cache = g_new0 (TaktCostEntry, 2 * MAX (model->n_products, 1));
  model->cost_next = g_new0 (guint8, MAX (model->n_products, 1));
  return model;
}

void
takt_model_free (TaktModel *model)
{
  if (model == NULL)
    return;
  g_clear_pointer (&model->work_times, g_ptr_array_unref);
  g_free (model->station_wt);
  g_free (model->station_ix);
  g_clear_pointer (&model->work_ix, g_ptr_array_unref);
  g_free (model->station_always);
  g_free (model->machine_base);
  g_free (model->station_machines);
  g_free (model->dead_station);
  g_clear_pointer (&model->demands, g_array_unref);
  g_free (model->demand_start);
  g_clear_pointer (&model->blocks, g_array_unref);
  g_free (model->block_start);
  g_free (model->plan_units);
  g_clear_pointer (&model->pin_runs, g_ptr_array_unref);
  for (int i = 0; i < model->n_machines; i++)
    {
      g_array_unref (model->pin_windows[i]);
      g_array_unref (model->pin_blocks[i]);
      g_free (model->timeline[i]->alloc);
      g_free (model->timeline[i]);
    }
  g_free (model->pin_windows);
  g_free (model->watermark);
  g_free (model->watermark_ok);
  g_free (model->min_work);
  g_free (model->pin_blocks);
  g_free (model->timeline);
  g_clear_pointer (&model->conflicts, g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (model->scratch); i++)
    g_free (model->scratch[i]);
  g_free (model->product_units_buf);
  g_free (model->merge_buf);
  g_free (model->offsets);
  g_free (model->use_buf);
  g_free (model->prefer_buf);
  for (int i = 0; i < 2; i++)
    {
      takt_pass_log_clear (&model->fwd_log[i]);
      takt_pass_log_clear (&model->back_log[i]);
    }
  takt_diff_free (model->diff);
  for (int i = 0; i < 2 * model->n_products; i++)
    g_free (model->cost_cache[i].finish);
  g_free (model->cost_cache);
  g_free (model->cost_next);
  g_free (model);
}

/* ---- decoding ---- */

static void
timelines_reset (TaktModel *model)
{
  for (int i = 0; i < model->n_machines; i++)
    {
      slots_set (model->timeline[i], (const TaktSlot *) (const void *) model->pin_blocks[i]->data,
                 model->pin_blocks[i]->len);
    }
}

/* TRUE when the planning was cancelled (looked at every 64 runs of a
 * pass, so a big plan stops within a fraction of a decode); the decode
 * then ends early and its result means nothing. */
static inline gboolean
decode_cancelled (TaktModel *model,
                  int        i)
{
  if ((i & 63) == 0 && !model->cancelled && model->cancellable != NULL)
    model->cancelled = g_cancellable_is_cancelled (model->cancellable);
  return model->cancelled;
}

/* ---- taking over what the last decode placed (takt-reuse.c) ---- */

static inline int
run_machine (const TaktModel *model,
             const TaktPRun  *run,
             guint            j,
             int              use)
{
  return model->machine_base[product_step (takt_model_product (model, run->product), j)->station_index] + use;
}

/* The forward pass's log entry: ints assign, prefer, use; longs
 * setup_start, start, end (n each), then the finishes. */
static gboolean
fwd_entry_is (const TaktPassLog *log,
              const TaktLogRun  *e,
              const TaktPRun    *run,
              guint              n,
              gint64             x,
              const int         *prefer)
{
  const int *ints;

  if (e->product != run->product || e->a != run->a || e->b != run->b ||
      e->quantity != run->quantity || e->x != x || e->n_steps != n)
    return FALSE;
  ints = &g_array_index (log->ints, int, e->ints);
  return memcmp (ints, run->assign, n * sizeof (int)) == 0 &&
         memcmp (ints + n, prefer, n * sizeof (int)) == 0;
}

/* Enters the slots of forward entry @e in the difference, @count each. */
static void
fwd_entry_diff (TaktModel         *model,
                const TaktPassLog *log,
                const TaktLogRun  *e,
                int                count)
{
  const TaktProduct *prod = takt_model_product (model, e->product);
  const int *use = &g_array_index (log->ints, int, e->ints) + 2 * e->n_steps;
  const gint64 *l = &g_array_index (log->longs, gint64, e->longs);

  if (!e->placed)
    return;
  for (guint j = 0; j < e->n_steps; j++)
    takt_diff_add (model->diff, model->machine_base[product_step (prod, j)->station_index] + use[j],
                   l[j], l[2 * e->n_steps + j], count);
}

/* The slots of @run (as placed) in the difference, @count each. */
static void
run_diff (TaktModel      *model,
          const TaktPRun *run,
          int             count)
{
  guint n = takt_model_product (model, run->product)->routing->len;

  if (!run->placed)
    return;
  for (guint j = 0; j < n; j++)
    takt_diff_add (model->diff, run_machine (model, run, j, run->use[j]),
                   run->setup_start[j], run->end[j], count);
}

/* TRUE when no machine that placing @run forward can look at differs. */
static gboolean
fwd_reads_clean (const TaktModel *model,
                 const TaktPRun  *run)
{
  const TaktProduct *prod = takt_model_product (model, run->product);

  if (model->diff->dirty == 0)
    return TRUE;
  for (guint j = 0; j < prod->routing->len; j++)
    {
      int s = product_step (prod, j)->station_index;

      for (int m = 0; m < model->station_machines[s]; m++)
        if (!takt_diff_clean (model->diff, model->machine_base[s] + m))
          return FALSE;
    }
  return TRUE;
}

static void
run_set_finish (TaktPRun     *run,
                const gint64 *finish,
                gsize         q)
{
  if (run->finish_len != q)
    {
      run->finish = g_renew (gint64, run->finish, q);
      run->finish_len = q;
    }
  memcpy (run->finish, finish, q * sizeof (gint64));
}

/* @run gets what forward entry @e got. */
static void
fwd_entry_take (const TaktPassLog *log,
                const TaktLogRun  *e,
                TaktPRun          *run)
{
  guint n = e->n_steps;
  const gint64 *l = &g_array_index (log->longs, gint64, e->longs);

  run->placed = e->placed;
  if (!e->placed)
    return;
  memcpy (run->use, &g_array_index (log->ints, int, e->ints) + 2 * n, n * sizeof (int));
  memcpy (run->setup_start, l, n * sizeof (gint64));
  memcpy (run->start, l + n, n * sizeof (gint64));
  memcpy (run->end, l + 2 * n, n * sizeof (gint64));
  run_set_finish (run, l + 3 * n, (gsize) run->quantity);
}

static void
fwd_log_add (TaktPassLog    *log,
             const TaktPRun *run,
             guint           n,
             gint64          x,
             const int      *prefer)
{
  gsize q = run->placed ? (gsize) run->quantity : 0;
  TaktLogRun *e = takt_pass_log_add (log, 3 * n, 3 * n + q);
  int *ints = &g_array_index (log->ints, int, e->ints);
  gint64 *l = &g_array_index (log->longs, gint64, e->longs);

  e->product = run->product;
  e->a = run->a;
  e->b = run->b;
  e->quantity = run->quantity;
  e->x = x;
  e->n_steps = n;
  e->placed = run->placed;
  memcpy (ints, run->assign, n * sizeof (int));
  memcpy (ints + n, prefer, n * sizeof (int));
  memcpy (ints + 2 * n, run->use, n * sizeof (int));
  if (!run->placed)
    return;
  memcpy (l, run->setup_start, n * sizeof (gint64));
  memcpy (l + n, run->start, n * sizeof (gint64));
  memcpy (l + 2 * n, run->end, n * sizeof (gint64));
  memcpy (l + 3 * n, run->finish, q * sizeof (gint64));
}

/* The backward pass: each run, in reverse π, at the latest start where
 * its deadlines are met and each step's latest window lies in a free gap
 * of a machine of its station. */

/* Where @run goes in the backward pass (its machines in run->use, its
 * windows in @lss and @le); returns its latest first-unit start. */
static gint64
backward_run (TaktModel    *model,
              TaktPRun     *run,
              gint64       *bound,
              gint64       *lss,
              gint64       *le)
{
  const TaktProduct *prod = takt_model_product (model, run->product);
  guint n = prod->routing->len;
  gint64 x = 0;

  for (guint j = 0; j < n; j++)
    bound[j] = TAKT_INF;

  for (int guard = 0; guard < 100000; guard++)
    {
      gboolean moved = FALSE;

      x = run_backward (model, run, bound, lss, le);
      for (guint j = 0; j < n; j++)
        {
          int s = product_step (prod, j)->station_index;
          int base = model->machine_base[s];
          int n_mach = model->station_machines[s];
          gint64 to = le[j] >= TAKT_INF ? TAKT_INF : MAX (le[j], lss[j] + 1);
          gint64 best_bound = G_MININT64;
          int best = -1;

          if (lss[j] >= TAKT_INF)
            continue;
          /* On each machine the window must end before the first slot
           * it overlaps; take the machine that lets it end latest (the
           * one it had on a tie). */
          for (int i = 0; i < n_mach; i++)
            {
              const TaktSlot *slot;
              gint64 b;

              if (run->assign[j] >= 0 && run->assign[j] < n_mach && i != run->assign[j])
                continue;
              slot = slot_overlap (model->timeline[base + i], lss[j], to);
              b = bound[j];
              if (slot != NULL)
                {
                  const TaktSlots *slots = model->timeline[base + i];
                  const TaktWorkTime *wt = model->station_wt[s];
                  const TaktStep *step = product_step (prod, j);
                  gint64 work = step->setup_s + run->quantity * step->cycle_s;
                  guint k = (guint) (slot - (const TaktSlot *) (const void *) slots->data);

                  /* Before that slot, skipping gaps too short for the
                   * step's work content. */
                  b = MIN (b, slot->from);
                  while (k > 0 &&
                         wt_worked (wt, b) - wt_worked (wt, g_array_index (slots, TaktSlot, k - 1).to) < work)
                    {
                      k--;
                      b = MIN (b, g_array_index (slots, TaktSlot, k).from);
                    }
                }
              if (b > best_bound || (b == best_bound && i == run->use[j]))
                {
                  best_bound = b;
                  best = i;
                }
            }
          if (best < 0)
            best = 0;
          run->use[j] = best;
          if (best_bound < bound[j])
            {
              bound[j] = best_bound;
              moved = TRUE;
            }
        }
      if (!moved)
        break;
    }

  return x;
}

/* The backward log's entry: ints assign, use at the turn, use after;
 * longs latest, then lss and le (n each). */
static gboolean
back_entry_is (const TaktPassLog *log,
               const TaktLogRun  *e,
               const TaktPRun    *run,
               guint              n)
{
  const int *ints;

  if (e->product != run->product || e->a != run->a || e->b != run->b ||
      e->quantity != run->quantity || e->n_steps != n)
    return FALSE;
  ints = &g_array_index (log->ints, int, e->ints);
  return memcmp (ints, run->assign, n * sizeof (int)) == 0 &&
         memcmp (ints + n, run->use, n * sizeof (int)) == 0;
}

/* The windows of backward entry @e in the difference, @count each. */
static void
back_entry_diff (TaktModel         *model,
                 const TaktPassLog *log,
                 const TaktLogRun  *e,
                 int                count)
{
  const TaktProduct *prod = takt_model_product (model, e->product);
  const int *use = &g_array_index (log->ints, int, e->ints) + 2 * e->n_steps;
  const gint64 *l = &g_array_index (log->longs, gint64, e->longs) + 1;
  guint n = e->n_steps;

  for (guint j = 0; j < n; j++)
    if (l[j] < TAKT_INF && l[n + j] < TAKT_INF)
      takt_diff_add (model->diff, model->machine_base[product_step (prod, j)->station_index] + use[j],
                     l[j], MAX (l[n + j], l[j] + 1), count);
}

/* Enters a slot in a timeline; a slot that starts where another does
 * makes the order of the two depend on what came first, and that machine
 * is no longer compared with the log. */
static guint
slot_enter (TaktModel *model,
            int        mach,
            gint64     from,
            gint64     to)
{
  TaktSlots *slots = model->timeline[mach];
  guint at = slot_insert (slots, from, to);

  if (at != G_MAXUINT && at + 1 < slots->len && g_array_index (slots, TaktSlot, at + 1).from == from)
    takt_diff_give_up (model->diff, mach);
  return at;
}

static void
backward_pass (TaktModel    *model,
               TaktSolution *solution)
{
  g_autofree gint64 *bound = g_new (gint64, MAX (model->max_steps, 1));
  g_autofree gint64 *lss = g_new (gint64, MAX (model->max_steps, 1));
  g_autofree gint64 *le = g_new (gint64, MAX (model->max_steps, 1));
  TaktPassLog *old = &model->back_log[model->back_cur];
  TaktPassLog *log = &model->back_log[1 - model->back_cur];
  gboolean reuse = !model->no_memo && old->valid;
  guint q_old = 0, n_old = reuse ? old->runs->len : 0;
  gboolean cancelled = FALSE;

  timelines_reset (model);
  takt_pass_log_begin (log, TAKT_DECODE_PULL);
  takt_diff_clear (model->diff);

  for (int oi = (int) solution->order->len - 1; oi >= 0; oi--)
    {
      TaktPRun *run = g_ptr_array_index (solution->runs, g_array_index (solution->order, int, oi));
      const TaktProduct *prod = takt_model_product (model, run->product);
      guint n = prod->routing->len;
      const TaktLogRun *match = NULL;
      TaktLogRun *e;
      int *ints;
      gint64 *l;
      gboolean took;

      if (decode_cancelled (model, oi))
        {
          cancelled = TRUE;
          break;
        }

      if (q_old < n_old)
        {
          const TaktLogRun *o = &g_array_index (old->runs, TaktLogRun, q_old);

          if (back_entry_is (old, o, run, n))
            match = o;
          else if (q_old + 1 < n_old && back_entry_is (old, o + 1, run, n))
            {
              back_entry_diff (model, old, o, -1);
              q_old++;
              match = o + 1;
            }
        }

      e = takt_pass_log_add (log, 3 * n, 1 + 2 * n);
      ints = &g_array_index (log->ints, int, e->ints);
      l = &g_array_index (log->longs, gint64, e->longs);
      e->product = run->product;
      e->a = run->a;
      e->b = run->b;
      e->quantity = run->quantity;
      e->n_steps = n;
      memcpy (ints, run->assign, n * sizeof (int));
      memcpy (ints + n, run->use, n * sizeof (int));

      took = match != NULL && fwd_reads_clean (model, run);
      if (took)
        {
          const gint64 *ol = &g_array_index (old->longs, gint64, match->longs);

          /* As then. */
          memcpy (run->use, &g_array_index (old->ints, int, match->ints) + 2 * n, n * sizeof (int));
          run->latest = ol[0];
          memcpy (lss, ol + 1, n * sizeof (gint64));
          memcpy (le, ol + 1 + n, n * sizeof (gint64));
        }
      else
        {
          run->latest = backward_run (model, run, bound, lss, le);
          if (match != NULL)
            back_entry_diff (model, old, match, -1);
        }
      if (match != NULL)
        q_old++;

      memcpy (ints + 2 * n, run->use, n * sizeof (int));
      l[0] = run->latest;
      memcpy (l + 1, lss, n * sizeof (gint64));
      memcpy (l + 1 + n, le, n * sizeof (gint64));
      for (guint j = 0; j < n; j++)
        {
          int mach = model->machine_base[product_step (prod, j)->station_index] + run->use[j];

          if (lss[j] >= TAKT_INF || le[j] >= TAKT_INF)
            continue;
          slot_enter (model, mach, lss[j], MAX (le[j], lss[j] + 1));
          if (reuse && !took)
            takt_diff_add (model->diff, mach, lss[j], MAX (le[j], lss[j] + 1), 1);
        }
    }
  log->valid = !cancelled;
  model->back_cur = 1 - model->back_cur;
}

/* The forward pass: each run, in π order, from its release (jit: from its
 * latest start) or later, in free gaps.  Turn by turn beside the last
 * decode's (a run left out or put in between is passed over), a run with
 * the same key as then, on machines that are as they were, gets what it
 * got then. */
static void
forward_pass (TaktModel    *model,
              TaktSolution *solution,
              gboolean      backward)
{
  TaktPassLog *old = &model->fwd_log[model->fwd_cur];
  TaktPassLog *log = &model->fwd_log[1 - model->fwd_cur];
  gboolean reuse = !model->no_memo && old->valid && old->mode == (int) solution->mode;
  guint q_old = 0, n_old = reuse ? old->runs->len : 0;
  gboolean cancelled = FALSE;

  timelines_reset (model);
  model->use_watermark = TRUE;
  memset (model->watermark, 0, MAX (model->n_machines, 1) * sizeof (guint));
  memset (model->watermark_ok, 0, MAX (model->n_machines, 1) * sizeof (gboolean));
  takt_pass_log_begin (log, solution->mode);
  takt_diff_clear (model->diff);

  for (guint oi = 0; oi < solution->order->len; oi++)
    {
      TaktPRun *run = g_ptr_array_index (solution->runs, g_array_index (solution->order, int, oi));
      const TaktProduct *prod = takt_model_product (model, run->product);
      guint n = prod->routing->len;
      gint64 x = run->release;
      const TaktLogRun *match = NULL;

      if (decode_cancelled (model, (int) oi))
        {
          cancelled = TRUE;
          break;
        }

      if (backward && run->latest < TAKT_INF)
        x = MAX (x, run->latest);
      else if (backward)
        x = MAX (x, model->horizon);
      x = MAX (x, 0);
      memcpy (model->prefer_buf, run->use, n * sizeof (int));

      if (q_old < n_old)
        {
          const TaktLogRun *e = &g_array_index (old->runs, TaktLogRun, q_old);

          if (fwd_entry_is (old, e, run, n, x, model->prefer_buf))
            match = e;
          else if (q_old + 1 < n_old &&
                   fwd_entry_is (old, e + 1, run, n, x, model->prefer_buf))
            {
              /* The logged run at this turn is not here any more. */
              fwd_entry_diff (model, old, e, -1);
              q_old++;
              match = e + 1;
            }
        }

      if (match != NULL && fwd_reads_clean (model, run))
        fwd_entry_take (old, match, run);
      else
        {
          run->placed = run_forward (model, run, x, NULL);
          if (reuse)
            {
              run_diff (model, run, 1);
              if (match != NULL)
                fwd_entry_diff (model, old, match, -1);
            }
        }
      if (match != NULL)
        q_old++;
      fwd_log_add (log, run, n, x, model->prefer_buf);

      if (!run->placed)
        continue;
      for (guint j = 0; j < n; j++)
        {
          int mach = model->machine_base[product_step (prod, j)->station_index] + run->use[j];
          /* A slot entered before the watermark splits a gap that was
           * too short already: the gaps before it stay too short.  One
           * entered at it makes a new gap there. */
          guint at = slot_enter (model, mach, run->setup_start[j], run->end[j]);

          if (at < model->watermark[mach])
            model->watermark[mach]++;
          else if (at == model->watermark[mach])
            model->watermark_ok[mach] = FALSE;
        }
    }
  model->use_watermark = FALSE;

  log->valid = !cancelled;
  model->fwd_cur = 1 - model->fwd_cur;
}

static void
slot_remove (TaktSlots *slots,
             gint64     from,
             gint64     to)
{
  guint lo = 0, hi = slots->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (slots, TaktSlot, mid).from < from)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < slots->len && g_array_index (slots, TaktSlot, lo).from == from &&
      g_array_index (slots, TaktSlot, lo).to == to)
    slots_remove (slots, lo);
}

/* The start of the first slot at or after @t, or TAKT_INF. */
static gint64
next_slot_from (const TaktSlots *slots,
                gint64        t)
{
  guint lo = 0, hi = slots->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (slots, TaktSlot, mid).from < t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < slots->len ? g_array_index (slots, TaktSlot, lo).from : TAKT_INF;
}

typedef struct
{
  gint64 key;
  int    index;
} StartKey;

static int
compare_start_desc (gconstpointer a,
                    gconstpointer b)
{
  const StartKey *x = a;
  const StartKey *y = b;

  if (x->key != y->key)
    return x->key > y->key ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

typedef struct
{
  gint64 *bound, *lss, *le, *saved, *saved_ss, *finish;
  int    *assign, *use;
  gsize   finish_len;
} JustifyBufs;

/* Moves @run as late as its deadlines and the next runs on its machines
 * allow (on the same machines), and enters it in the timelines again. */
static void
justify_run (TaktModel   *model,
             TaktPRun    *run,
             JustifyBufs *b)
{
  const TaktProduct *prod = takt_model_product (model, run->product);
  guint n = prod->routing->len;
  gboolean ok = TRUE;
  gint64 x;

  for (guint j = 0; j < n; j++)
    {
      TaktSlots *slots = model->timeline[model->machine_base[product_step (prod, j)->station_index] + run->use[j]];

      slot_remove (slots, run->setup_start[j], run->end[j]);
      b->bound[j] = next_slot_from (slots, run->setup_start[j]);
    }
  x = run_backward (model, run, b->bound, b->lss, b->le);
  if (x < TAKT_INF && x > run->start[0])
    {
      for (guint j = 0; j < n; j++)
        {
          b->saved[3 * j] = run->setup_start[j];
          b->saved_ss[j] = run->setup_start[j];
          b->saved[3 * j + 1] = run->start[j];
          b->saved[3 * j + 2] = run->end[j];
          b->assign[j] = run->assign[j];
          b->use[j] = run->use[j];
          run->assign[j] = run->use[j];
        }
      if (b->finish_len < run->finish_len)
        {
          b->finish_len = run->finish_len;
          b->finish = g_renew (gint64, b->finish, b->finish_len);
        }
      memcpy (b->finish, run->finish, run->finish_len * sizeof (gint64));
      ok = run_forward (model, run, x, b->saved_ss);
      for (guint j = 0; j < n && ok; j++)
        {
          const TaktSlots *slots = model->timeline[model->machine_base[product_step (prod, j)->station_index] + run->use[j]];

          /* Same machines, clear of the others, within the latest
           * times (so no unit is later than its deadline). */
          if (run->use[j] != b->use[j] || run->end[j] > b->le[j] ||
              slot_overlap (slots, run->setup_start[j], run->end[j]) != NULL)
            ok = FALSE;
        }
      for (guint j = 0; j < n; j++)
        run->assign[j] = b->assign[j];
      if (!ok)
        {
          for (guint j = 0; j < n; j++)
            {
              run->use[j] = b->use[j];
              run->setup_start[j] = b->saved[3 * j];
              run->start[j] = b->saved[3 * j + 1];
              run->end[j] = b->saved[3 * j + 2];
            }
          memcpy (run->finish, b->finish, run->finish_len * sizeof (gint64));
        }
    }
  for (guint j = 0; j < n; j++)
    slot_insert (model->timeline[model->machine_base[product_step (prod, j)->station_index] + run->use[j]],
                 run->setup_start[j], run->end[j]);
}

/* Right-justification after the forward pass: from the last run to the
 * first, each run moves as late as its deadlines and the next runs on its
 * machines allow (on the same machines).  Only units that would be early
 * move, so stock falls and no unit becomes late.  (Following the
 * differences from the last decode here, as the passes before do, costs
 * more than it saves: a move changes where most runs start.) */
static void
justify_pass (TaktModel    *model,
              TaktSolution *solution)
{
  g_autofree StartKey *keys = g_new (StartKey, MAX (solution->runs->len, 1));
  int steps = MAX (model->max_steps, 1);
  g_autofree gint64 *longs = g_new (gint64, 7 * steps);
  g_autofree int *ints = g_new (int, 2 * steps);
  JustifyBufs b = { longs, longs + steps, longs + 2 * steps, longs + 3 * steps, longs + 6 * steps, NULL,
                    ints, ints + steps, 0 };
  guint n_keys = 0;

  for (guint i = 0; i < solution->runs->len; i++)
    {
      const TaktPRun *run = g_ptr_array_index (solution->runs, i);

      if (!run->placed)
        continue;
      keys[n_keys].key = run->start[0];
      keys[n_keys].index = (int) i;
      n_keys++;
    }
  qsort (keys, n_keys, sizeof (StartKey), compare_start_desc);

  for (guint k = 0; k < n_keys; k++)
    {
      if (decode_cancelled (model, (int) k))
        break;
      justify_run (model, g_ptr_array_index (solution->runs, keys[k].index), &b);
    }
  g_free (b.finish);
}

typedef struct
{
  gint64 b;       /* the shift at which the unit turns from early to late */
  double h;       /* holding per second */
  double l;       /* lateness per second */
} Breakpoint;

static int
compare_breakpoints (gconstpointer a,
                     gconstpointer b)
{
  const Breakpoint *x = a;
  const Breakpoint *y = b;

  return (x->b > y->b) - (x->b < y->b);
}

typedef struct
{
  gint64    from;
  TaktPRun *run;
} Movable;

static int
compare_movables (gconstpointer a,
                  gconstpointer b)
{
  const Movable *x = a;
  const Movable *y = b;

  return (x->from > y->from) - (x->from < y->from);
}

/* Optimal timing of blocks: on a machine that works around the clock,
 * runs of one step that follow each other without a gap form a block; the
 * block moves as a whole (earlier or later, up to its neighbours and not
 * before 0) to where the earliness and lateness of its units (against
 * their deadlines) cost least — the weighted median of their slacks, as in
 * the classic single-machine timing of a fixed sequence.  Blocks that come
 * to touch merge; repeated until nothing moves. */
static void
shift_blocks_pass (TaktModel    *model,
                   TaktSolution *solution)
{
  g_autoptr(GArray) movables = g_array_new (FALSE, FALSE, sizeof (Movable));
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (Breakpoint));

  for (int s = 0; s < model->n_stations; s++)
    {
      if (!model->station_always[s])
        continue;
      for (int m = 0; m < model->station_machines[s]; m++)
        {
          int mach = model->machine_base[s] + m;
          TaktSlots *slots = model->timeline[mach];

          g_array_set_size (movables, 0);
          for (guint i = 0; i < solution->runs->len; i++)
            {
              TaktPRun *run = g_ptr_array_index (solution->runs, i);
              const TaktProduct *prod = takt_model_product (model, run->product);
              Movable mv;

              if (!run->placed || prod->routing->len != 1 ||
                  product_step (prod, 0)->station_index != s || run->use[0] != m)
                continue;
              mv.from = run->setup_start[0];
              mv.run = run;
              g_array_append_val (movables, mv);
            }
          if (movables->len == 0)
            continue;
          g_array_sort (movables, compare_movables);

          for (int pass = 0; pass < 50; pass++)
            {
              gboolean moved = FALSE;
              guint i = 0;

              while (i < movables->len)
                {
                  guint j = i + 1;
                  TaktPRun *first = g_array_index (movables, Movable, i).run;
                  TaktPRun *last;
                  gint64 lo, hi, delta;
                  double slope = 0;
                  const TaktSlot *before = NULL, *after = NULL;
                  guint k;

                  while (j < movables->len &&
                         g_array_index (movables, Movable, j).run->setup_start[0] ==
                         g_array_index (movables, Movable, j - 1).run->end[0])
                    j++;
                  last = g_array_index (movables, Movable, j - 1).run;

                  /* Room: up to the slots before and after the block. */
                  for (k = 0; k < slots->len && g_array_index (slots, TaktSlot, k).from < first->setup_start[0]; k++)
                    before = &g_array_index (slots, TaktSlot, k);
                  for (; k < slots->len; k++)
                    if (g_array_index (slots, TaktSlot, k).from >= last->end[0])
                      {
                        after = &g_array_index (slots, TaktSlot, k);
                        break;
                      }
                  lo = (before != NULL ? before->to : 0) - first->setup_start[0];
                  hi = after != NULL ? after->from - last->end[0] : TAKT_INF;

                  /* The block's cost is convex in the shift: walk its
                   * breakpoints from the left until the slope turns. */
                  g_array_set_size (points, 0);
                  for (guint r = i; r < j; r++)
                    {
                      TaktPRun *run = g_array_index (movables, Movable, r).run;
                      const TaktProduct *prod = takt_model_product (model, run->product);
                      gint64 q = run->quantity;
                      gint64 *dl;

                      ensure_scratch (model, q);
                      dl = model->scratch[7];
                      run_deadlines (model, run, dl);
                      for (gint64 u = 0; u < q; u++)
                        {
                          Breakpoint bp;

                          bp.b = dl[u] - run->finish[u];
                          bp.h = prod->holding_cost_per_day;
                          bp.l = u < run->b - run->a ? prod->late_cost_per_day : 0;
                          slope -= bp.h;
                          g_array_append_val (points, bp);
                        }
                    }
                  g_array_sort (points, compare_breakpoints);
                  delta = lo;
                  if (slope < 0)
                    {
                      delta = hi;
                      for (guint p = 0; p < points->len; p++)
                        {
                          const Breakpoint *bp = &g_array_index (points, Breakpoint, p);

                          slope += bp->h + bp->l;
                          if (slope >= -1e-12)
                            {
                              delta = bp->b;
                              break;
                            }
                        }
                    }
                  delta = CLAMP (delta, lo, hi);
                  if (delta >= TAKT_INF / 2)
                    delta = 0;

                  if (delta != 0)
                    {
                      for (guint r = i; r < j; r++)
                        {
                          TaktPRun *run = g_array_index (movables, Movable, r).run;

                          slot_remove (slots, run->setup_start[0], run->end[0]);
                          run->setup_start[0] += delta;
                          run->start[0] += delta;
                          run->end[0] += delta;
                          for (gsize u = 0; u < run->finish_len; u++)
                            run->finish[u] += delta;
                          g_array_index (movables, Movable, r).from = run->setup_start[0];
                        }
                      for (guint r = i; r < j; r++)
                        {
                          TaktPRun *run = g_array_index (movables, Movable, r).run;

                          slot_insert (slots, run->setup_start[0], run->end[0]);
                        }
                      moved = TRUE;
                    }
                  i = j;
                }
              if (!moved)
                break;
            }
        }
    }
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static inline const TaktPRun *
run_by_code (const TaktModel    *model,
             const TaktSolution *solution,
             int                 r)
{
  return r >= 0 ? g_ptr_array_index (solution->runs, r) : g_ptr_array_index (model->pin_runs, -1 - r);
}

/* The @n unit finishes of the runs @codes (solution runs, and pins as
 * -1 − index), as gathered in model->product_units_buf, sorted: each run's
 * own are in order already (units leave a step one after the other), so
 * they are merged pairwise, O(n log runs). */
static const gint64 *
units_sorted (TaktModel          *model,
              const TaktSolution *solution,
              const int          *codes,
              int                 n_codes,
              gsize               n)
{
  gsize *off;
  int k = 0;
  gsize at = 0;
  gint64 *src = model->product_units_buf, *dst;

  if (model->merge_len < n)
    {
      model->merge_len = MAX (n, 2 * model->merge_len);
      model->merge_buf = g_renew (gint64, model->merge_buf, model->merge_len);
    }
  if (model->offsets_len < (gsize) n_codes + 1)
    {
      model->offsets_len = MAX ((gsize) n_codes + 1, 2 * model->offsets_len);
      model->offsets = g_renew (gsize, model->offsets, model->offsets_len);
    }
  dst = model->merge_buf;
  off = model->offsets;
  /* The runs' stretches of the buffer (gathered in this order). */
  for (int i = 0; i < n_codes; i++)
    {
      const TaktPRun *run = run_by_code (model, solution, codes[i]);

      if (!run->placed || run->finish_len == 0)
        continue;
      for (gsize u = at + 1; u < at + run->finish_len; u++)
        if (src[u] < src[u - 1])
          {
            qsort (src, n, sizeof (gint64), compare_gint64);
            return src;
          }
      off[k++] = at;
      at += run->finish_len;
    }
  off[k] = at;

  while (k > 1)
    {
      int m = 0;
      gint64 *t;

      for (int i = 0; i < k; i += 2)
        {
          gsize a = off[i], a_end = off[i + 1];
          gsize b = a_end, b_end = i + 2 <= k ? off[MIN (i + 2, k)] : a_end;
          gsize o = a;

          if (i + 1 >= k)
            b = b_end = a_end;
          while (a < a_end && b < b_end)
            dst[o++] = src[b] < src[a] ? src[b++] : src[a++];
          while (a < a_end)
            dst[o++] = src[a++];
          while (b < b_end)
            dst[o++] = src[b++];
          off[m++] = off[i];
        }
      off[m] = off[k];
      k = m;
      t = src;
      src = dst;
      dst = t;
    }
  return src;
}

/* The matching of product @p's units gathered in model->product_units_buf
 * (@n of them), when one of the last two matchings had the same. */
static gboolean
cost_cached (TaktModel *model,
             int        p,
             gsize      n,
             gint64    *early,
             gint64    *late,
             gint64    *surplus,
             gint64    *missing)
{
  if (model->no_memo)
    return FALSE;
  for (int k = 0; k < 2; k++)
    {
      const TaktCostEntry *e = &model->cost_cache[2 * p + k];

      if (!e->valid || e->n != n ||
          (n > 0 && memcmp (e->finish, model->product_units_buf, n * sizeof (gint64)) != 0))
        continue;
      *early = e->early;
      *late = e->late;
      *surplus = e->surplus;
      *missing = e->missing;
      /* The other entry goes first when a new one is needed. */
      model->cost_next[p] = (guint8) (1 - k);
      return TRUE;
    }
  return FALSE;
}

/* Sets the solution's totals from the decoded runs, with the spec's
 * matching per product. */
static void
solution_cost (TaktModel    *model,
               TaktSolution *solution)
{
  g_autofree int *count = g_new0 (int, model->n_products + 1);
  g_autofree int *by_product = NULL;
  gsize total_runs = solution->runs->len + model->pin_runs->len;

  solution->holding = solution->tardiness = solution->setup = 0;
  solution->unmet = 0;

  by_product = g_new (int, MAX (total_runs, 1));
  /* Counting sort of runs (and pins, as negative indices) by product. */
  for (guint i = 0; i < solution->runs->len; i++)
    count[((TaktPRun *) g_ptr_array_index (solution->runs, i))->product + 1]++;
  for (guint i = 0; i < model->pin_runs->len; i++)
    count[((TaktPRun *) g_ptr_array_index (model->pin_runs, i))->product + 1]++;
  for (int p = 0; p < model->n_products; p++)
    count[p + 1] += count[p];
  {
    g_autofree int *fill = g_memdup2 (count, (model->n_products + 1) * sizeof (int));

    for (guint i = 0; i < solution->runs->len; i++)
      by_product[fill[((TaktPRun *) g_ptr_array_index (solution->runs, i))->product]++] = (int) i;
    for (guint i = 0; i < model->pin_runs->len; i++)
      by_product[fill[((TaktPRun *) g_ptr_array_index (model->pin_runs, i))->product]++] = -1 - (int) i;
  }

  for (int p = 0; p < model->n_products; p++)
    {
      const TaktProduct *prod = takt_model_product (model, p);
      gsize n = 0;
      gboolean sorted = TRUE;
      gint64 early, late, surplus, missing;
      const gint64 *units;

      for (int k = count[p]; k < count[p + 1]; k++)
        {
          int r = by_product[k];
          const TaktPRun *run = r >= 0 ? g_ptr_array_index (solution->runs, r)
                                       : g_ptr_array_index (model->pin_runs, -1 - r);

          if (!run->placed)
            continue;
          solution->setup += prod->setup_cost;
          if (n + run->finish_len > model->product_units_len)
            {
              model->product_units_len = MAX (n + run->finish_len, model->product_units_len * 2);
              model->product_units_buf = g_renew (gint64, model->product_units_buf,
                                                  model->product_units_len);
            }
          if (n > 0 && run->finish_len > 0 && run->finish[0] < model->product_units_buf[n - 1])
            sorted = FALSE;
          if (run->finish_len > 0)
            memcpy (model->product_units_buf + n, run->finish, run->finish_len * sizeof (gint64));
          n += run->finish_len;
        }
      if (!cost_cached (model, p, n, &early, &late, &surplus, &missing))
        {
          TaktCostEntry *e = &model->cost_cache[2 * p + model->cost_next[p]];

          /* Remember the units as gathered (the matching sorts them). */
          if (!model->no_memo)
            {
              model->cost_next[p] ^= 1;
              if (e->cap < n)
                {
                  e->cap = MAX (n, 2 * e->cap);
                  e->finish = g_renew (gint64, e->finish, e->cap);
                }
              if (n > 0)
                memcpy (e->finish, model->product_units_buf, n * sizeof (gint64));
              e->n = n;
            }
          units = model->product_units_buf;
          if (!sorted)
            units = units_sorted (model, solution, by_product + count[p], count[p + 1] - count[p], n);
          /* A plan without demand has no storage in model->demands to point into. */
          takt_match_product (model->demands->len > 0
                                ? &g_array_index (model->demands, TaktDemand, model->demand_start[p])
                                : NULL,
                              model->demand_start[p + 1] - model->demand_start[p],
                              model->origin, model->horizon,
                              units, n, &early, &late, &surplus, &missing);
          if (!model->no_memo)
            {
              e->valid = TRUE;
              e->early = early;
              e->late = late;
              e->surplus = surplus;
              e->missing = missing;
            }
        }
      solution->holding += prod->holding_cost_per_day * (double) (early + surplus) / (double) TAKT_DAY_S;
      solution->tardiness += prod->late_cost_per_day * (double) late / (double) TAKT_DAY_S;
      solution->unmet += missing;
    }
  solution->total = solution->holding + solution->tardiness + solution->setup;
}

void
takt_solution_decode (TaktModel    *model,
                      TaktSolution *solution)
{
  gboolean pull = solution->mode == TAKT_DECODE_PULL;
  gint64 t0 = g_get_monotonic_time ();

  /* A decode depends on the solution alone: forget the machines of the
   * last one. */
  for (guint i = 0; i < solution->runs->len; i++)
    {
      TaktPRun *run = g_ptr_array_index (solution->runs, i);
      guint n = takt_model_product (model, run->product)->routing->len;

      for (guint j = 0; j < n; j++)
        run->use[j] = run->assign[j];
    }
  if (pull)
    backward_pass (model, solution);
  forward_pass (model, solution, pull);
  /* (Only the construction compares the push plan's stock.) */
  if (solution->mode == TAKT_DECODE_PUSH_JUSTIFY && !model->in_search)
    {
      solution_cost (model, solution);
      solution->push_holding = solution->holding;
    }
  /* After the pull decode runs already sit at their latest starts (or are
   * late): only the push decode gains from shifting right. */
  if (solution->mode == TAKT_DECODE_PUSH_JUSTIFY)
    justify_pass (model, solution);
  if (solution->mode != TAKT_DECODE_PUSH)
    shift_blocks_pass (model, solution);
  solution_cost (model, solution);
  model->last_decode_us = g_get_monotonic_time () - t0;
}

/* Places the runs of @solution back to back on flat machine @machine (of
 * a round-the-clock station) in the order @seq, from @start: each run has
 * one step, and its setup, if any, comes right before its first unit.
 * Then the block timing and the cost, as a decode would do; π becomes
 * @seq. */
void
takt_solution_place_sequence (TaktModel    *model,
                              TaktSolution *solution,
                              int           machine,
                              const int    *seq,
                              int           n,
                              gint64        start)
{
  gint64 t = start;
  int station = 0;

  while (station + 1 < model->n_stations && model->machine_base[station + 1] <= machine)
    station++;
  timelines_reset (model);
  g_array_set_size (solution->order, 0);
  for (int k = 0; k < n; k++)
    {
      TaktPRun *run = g_ptr_array_index (solution->runs, seq[k]);
      const TaktStep *step = product_step (takt_model_product (model, run->product), 0);
      gint64 q = run->quantity;

      run->use[0] = machine - model->machine_base[station];
      run->setup_start[0] = t;
      run->start[0] = t + step->setup_s;
      if (run->finish_len != (gsize) q)
        {
          run->finish = g_renew (gint64, run->finish, q);
          run->finish_len = q;
        }
      for (gint64 u = 0; u < q; u++)
        run->finish[u] = run->start[0] + (u + 1) * step->cycle_s;
      run->end[0] = run->start[0] + q * step->cycle_s;
      run->placed = TRUE;
      slot_insert (model->timeline[machine], run->setup_start[0], run->end[0]);
      t = run->end[0];
      g_array_append_val (solution->order, seq[k]);
    }
  shift_blocks_pass (model, solution);
  solution_cost (model, solution);
}

/* ---- lot sizing ---- */

typedef struct
{
  gint64 first;
  gint64 count;
  gint64 due;
} LotItem;

/* The demands of @product's plan units in [0, n), cut into pieces of at
 * most max_run. */
static GArray *
lot_items (const TaktModel *model,
           int              product)
{
  const TaktProduct *prod = takt_model_product (model, product);
  GArray *items = g_array_new (FALSE, FALSE, sizeof (LotItem));

  for (int bi = model->block_start[product]; bi < model->block_start[product + 1]; bi++)
    {
      const TaktUnitBlock *blk = &g_array_index (model->blocks, TaktUnitBlock, bi);
      gint64 left = blk->count;
      gint64 at = blk->first;

      while (left > 0)
        {
          gint64 take = prod->max_run > 0 ? MIN (left, prod->max_run) : left;
          LotItem it = { at, take, blk->due };

          g_array_append_val (items, it);
          at += take;
          left -= take;
        }
    }
  return items;
}

static void
add_run (const TaktModel *model,
         TaktSolution    *solution,
         int              product,
         gint64           a,
         gint64           b,
         gint64           release)
{
  const TaktProduct *prod = takt_model_product (model, product);
  TaktPRun *run = takt_prun_new (model, product);

  run->a = a;
  run->b = b;
  run->quantity = MAX (b - a, MAX (prod->min_run, 1));
  run->release = MAX (release, 0);
  g_ptr_array_add (solution->runs, run);
}

/* The runs of one product from @first on (consecutive ranges of its plan
 * units, in order) are brought within [min_run, max_run]: a run below
 * min_run takes units from the next one (or the one before, at the end)
 * rather than making surplus; a run left empty goes.  Only when the
 * product needs fewer than min_run units in all is surplus made. */
static void
normalize_runs (const TaktModel *model,
                TaktSolution    *solution,
                guint            first)
{
  TaktPRun *run;
  const TaktProduct *prod;
  gint64 lo, hi;
  guint i;

  if (first >= solution->runs->len)
    return;
  run = g_ptr_array_index (solution->runs, first);
  prod = takt_model_product (model, run->product);
  lo = MAX (prod->min_run, 1);
  hi = prod->max_run > 0 ? prod->max_run : G_MAXINT64;

  for (i = first; i < solution->runs->len; i++)
    {
      TaktPRun *r = g_ptr_array_index (solution->runs, i);

      while (r->b - r->a < lo && i + 1 < solution->runs->len)
        {
          TaktPRun *next = g_ptr_array_index (solution->runs, i + 1);
          gint64 take = MIN (lo - (r->b - r->a), next->b - next->a);

          r->b += take;
          next->a += take;
          if (next->b <= next->a)
            g_ptr_array_remove_index (solution->runs, i + 1);
        }
    }
  /* The last one: from the runs before it, as long as they keep min_run. */
  for (i = solution->runs->len - 1; i > first; i--)
    {
      TaktPRun *r = g_ptr_array_index (solution->runs, i);
      TaktPRun *prev = g_ptr_array_index (solution->runs, i - 1);
      gint64 need = lo - (r->b - r->a);

      if (need <= 0)
        break;
      if (prev->b - prev->a + (r->b - r->a) <= hi)
        {
          /* Both fit in one run. */
          prev->b = r->b;
          g_ptr_array_remove_index (solution->runs, i);
          continue;
        }
      need = MIN (need, prev->b - prev->a - lo);
      if (need <= 0)
        break;
      prev->b -= need;
      r->a -= need;
    }
  for (i = first; i < solution->runs->len; i++)
    {
      TaktPRun *r = g_ptr_array_index (solution->runs, i);

      r->quantity = MAX (r->b - r->a, lo);
    }
}

/* The real time one unit takes at the product's slowest step, counting the
 * station's idle hours (a rough pace for the lot sizing). */
static double
product_pace (const TaktModel *model,
              int              product)
{
  const TaktProduct *prod = takt_model_product (model, product);
  gint64 span = MAX (model->horizon, WEEK_S);
  double pace = 0;

  for (guint j = 0; j < prod->routing->len; j++)
    {
      const TaktStep *step = product_step (prod, j);
      gint64 work = takt_work_time_between (model->station_wt[step->station_index], 0, span);

      if (work > 0)
        pace = MAX (pace, (double) step->cycle_s * (double) span / (double) work);
    }
  return pace;
}

/* Groups demands into runs that trade one setup against holding the units
 * made early (dynamic programming over the demands in due order, as
 * Wagner and Whitin do).  The estimate of a run's costs: its units finish
 * one after the other at the product's pace, the run as late as its
 * deadlines allow but not before 0 (units that cannot be on time then
 * count as late).  A run never holds more than max_run units, nor spans
 * more than LOT_MAX_SPAN at its pace (a run holds a machine at every
 * station of its routing for all that time); one below min_run pays for
 * holding its surplus.  The search may still merge runs beyond that. */
#define LOT_MAX_SPAN (2 * TAKT_DAY_S)

static void
lots_dynamic (const TaktModel *model,
              TaktSolution    *solution,
              int              product)
{
  const TaktProduct *prod = takt_model_product (model, product);
  g_autoptr(GArray) items = lot_items (model, product);
  guint n = items->len;
  g_autofree double *best = g_new (double, n + 1);
  g_autofree guint *pred = g_new (guint, n + 1);
  double h = prod->holding_cost_per_day / (double) TAKT_DAY_S;
  double l = prod->late_cost_per_day / (double) TAKT_DAY_S;
  double pace = product_pace (model, product);
  guint e;

  if (n == 0)
    return;
  best[0] = 0;
  for (guint i = 1; i <= n; i++)
    best[i] = G_MAXDOUBLE;

  for (guint s = 0; s < n; s++)
    {
      /* With units U, the run starts at x = min over its items of
       * (due − pace × units up to the item), and item i finishes about
       * x + pace × U_i.  Holding is Σ count × (due − finish), i.e.
       * Σ count × due − x × units − pace × Σ count × U_i. */
      double x = G_MAXDOUBLE;
      double sum_due = 0, sum_cu = 0;
      gint64 units = 0;

      for (e = s; e < n && e < s + LOT_WINDOW; e++)
        {
          const LotItem *it = &g_array_index (items, LotItem, e);
          double cost, start, hold = 0, late = 0;

          if (prod->max_run > 0 && units + it->count > prod->max_run)
            break;
          if (e > s && pace * (double) (units + it->count) > LOT_MAX_SPAN)
            break;
          units += it->count;
          x = MIN (x, (double) it->due - pace * (double) units);
          sum_due += (double) it->count * (double) it->due;
          /* Σ over the item's units of their finish offset (pace × k). */
          sum_cu += pace * ((double) it->count * (double) (units - it->count) +
                            (double) it->count * (double) (it->count + 1) / 2.0);
          start = MAX (x, 0.0);
          if (start > x)
            {
              /* Started at 0 the run is late where x + offset > due: count
               * the late seconds item by item. */
              gint64 u = 0;

              for (guint k = s; k <= e; k++)
                {
                  const LotItem *ik = &g_array_index (items, LotItem, k);
                  double fin = start + pace * (double) (u + ik->count);

                  u += ik->count;
                  if (fin > (double) ik->due)
                    late += (double) ik->count * (fin - (double) ik->due);
                  else
                    hold += (double) ik->count * ((double) ik->due - fin);
                }
            }
          else
            hold = sum_due - start * (double) units - sum_cu;
          cost = best[s] + prod->setup_cost + h * MAX (hold, 0.0) + l * late;
          if (units < prod->min_run)
            cost += h * (double) (prod->min_run - units) * MAX (0.0, (double) model->horizon - start);
          if (cost < best[e + 1])
            {
              best[e + 1] = cost;
              pred[e + 1] = s;
            }
          /* Once holding this item alone costs more than a setup, a longer
           * run cannot pay. */
          if (e > s && units >= prod->min_run &&
              h * (double) it->count * ((double) it->due - (double) g_array_index (items, LotItem, s).due - pace * (double) (units - it->count)) > prod->setup_cost)
            break;
        }
    }

  {
    g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (guint));
    gint64 pos = 0, total = model->plan_units[product];

    guint first_run = solution->runs->len;

    for (e = n; e > 0; e = pred[e])
      g_array_prepend_val (cuts, e);
    for (guint i = 0; i < cuts->len && pos < total; i++)
      {
        const LotItem *b = &g_array_index (items, LotItem, g_array_index (cuts, guint, i) - 1);
        gint64 end = b->first + b->count;

        if (end <= pos)
          continue;
        add_run (model, solution, product, pos, end, 0);
        pos = end;
      }
    normalize_runs (model, solution, first_run);
  }
}

/* Lot for lot: a run per demand after stock and pins (what a push line
 * without lot sizing makes), cut at max_run and brought up to min_run as
 * usual.  The asap baseline. */
static void
lots_for_lot (const TaktModel *model,
              TaktSolution    *solution,
              int              product)
{
  g_autoptr(GArray) items = lot_items (model, product);
  guint first_run = solution->runs->len;

  for (guint i = 0; i < items->len; i++)
    {
      const LotItem *it = &g_array_index (items, LotItem, i);

      add_run (model, solution, product, it->first, it->first + it->count, 0);
    }
  normalize_runs (model, solution, first_run);
}

/* Heijunka: the product's units are spread evenly over the working days
 * of its first station: a run of the same size every k working days (k
 * the economic interval of its setup against holding, 1 to 5 days; 1 when
 * setups cost nothing), never later than the demand needs them. */
static void
lots_level (const TaktModel *model,
            TaktSolution    *solution,
            int              product)
{
  const TaktProduct *prod = takt_model_product (model, product);
  const TaktWorkTime *wt = model->station_wt[product_step (prod, 0)->station_index];
  gint64 n = model->plan_units[product];
  gint64 day0 = takt_day_start (model->origin) - model->origin;
  gint64 last_due = 0;
  gint64 n_days;
  g_autofree gboolean *working = NULL;
  g_autofree gint64 *due_by = NULL;
  gint64 n_work = 0, made = 0, pending_from = 0, pending_release = -1;
  guint first_run = solution->runs->len;
  int bi;

  if (n == 0)
    return;
  last_due = g_array_index (model->blocks, TaktUnitBlock, model->block_start[product + 1] - 1).due;
  n_days = (MAX (model->horizon, last_due) - day0 + TAKT_DAY_S - 1) / TAKT_DAY_S;
  n_days = MAX (n_days, 1);
  working = g_new0 (gboolean, n_days);
  due_by = g_new0 (gint64, n_days + 1);

  for (gint64 d = 0; d < n_days; d++)
    {
      gint64 from = MAX (day0 + d * TAKT_DAY_S, 0);

      working[d] = takt_work_time_between (wt, from, day0 + (d + 1) * TAKT_DAY_S) > 0;
      n_work += working[d];
    }
  if (n_work == 0)
    {
      lots_dynamic (model, solution, product);
      return;
    }

  /* due_by[d]: plan units due before the end of day d. */
  bi = model->block_start[product];
  for (gint64 d = 0; d <= n_days; d++)
    {
      gint64 end = day0 + (d + 1) * TAKT_DAY_S;

      while (bi < model->block_start[product + 1] &&
             g_array_index (model->blocks, TaktUnitBlock, bi).due <= end)
        {
          const TaktUnitBlock *blk = &g_array_index (model->blocks, TaktUnitBlock, bi);

          made = blk->first + blk->count;
          bi++;
        }
      due_by[d] = made;
    }
  made = 0;

  /* Every k-th working day, k from the economic interval of the setup
   * against holding a day's volume (at most a week). */
  {
    g_autofree gint64 *work_days = g_new (gint64, n_work);
    double per_day = (double) n / (double) n_work;
    double h = prod->holding_cost_per_day;
    gint64 k = 1, w = 0;

    for (gint64 d = 0; d < n_days; d++)
      if (working[d])
        work_days[w++] = d;
    if (prod->setup_cost > 0 && h > 0)
      k = (gint64) floor (sqrt (2.0 * prod->setup_cost / (h * per_day)) + 0.5);
    else if (prod->setup_cost > 0)
      k = 5;
    k = CLAMP (k, 1, 5);

    for (gint64 e = 0; e < n_work && made < n; e += k)
      {
        gint64 d = work_days[e];
        gint64 next = e + k < n_work ? work_days[e + k] : n_days;
        gint64 target = (n * MIN (e + k, n_work) + n_work - 1) / n_work;

        /* Never later than the demand needs: all that is due before the
         * next of these days ends is made now. */
        target = MAX (target, due_by[MIN (next, n_days)]);
        if (e + k >= n_work)
          target = n;
        target = MIN (target, n);
        if (target <= made)
          continue;
        if (pending_release < 0)
          {
            pending_release = MAX (day0 + d * TAKT_DAY_S, 0);
            pending_from = made;
          }
        made = target;
        if (made - pending_from < prod->min_run && made < n)
          continue;
        while (pending_from < made)
          {
            gint64 end = made;

            if (prod->max_run > 0 && end - pending_from > prod->max_run)
              end = pending_from + prod->max_run;
            add_run (model, solution, product, pending_from, end, pending_release);
            pending_from = end;
          }
        pending_release = -1;
      }
  }
  if (pending_release >= 0 && pending_from < n)
    add_run (model, solution, product, pending_from, n, pending_release);
  normalize_runs (model, solution, first_run);
}

/* ---- construction ---- */

typedef struct
{
  gint64 key1;
  gint64 key2;
  int    product;
  gint64 a;
  int    index;
} OrderKey;

static int
compare_order_keys (gconstpointer a,
                    gconstpointer b)
{
  const OrderKey *x = a;
  const OrderKey *y = b;

  if (x->key1 != y->key1)
    return x->key1 < y->key1 ? -1 : 1;
  if (x->key2 != y->key2)
    return x->key2 < y->key2 ? -1 : 1;
  if (x->product != y->product)
    return x->product < y->product ? -1 : 1;
  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

/* π for level runs: day by day, within a day by due date. */
static void
level_order (TaktModel    *model,
             TaktSolution *solution)
{
  g_autofree OrderKey *keys = g_new (OrderKey, MAX (solution->runs->len, 1));

  for (guint i = 0; i < solution->runs->len; i++)
    {
      TaktPRun *run = g_ptr_array_index (solution->runs, i);

      keys[i].key1 = run->release;
      keys[i].key2 = takt_model_unit_due (model, run->product, run->a);
      keys[i].product = run->product;
      keys[i].a = run->a;
      keys[i].index = (int) i;
    }
  qsort (keys, solution->runs->len, sizeof (OrderKey), compare_order_keys);
  g_array_set_size (solution->order, 0);
  for (guint i = 0; i < solution->runs->len; i++)
    g_array_append_val (solution->order, keys[i].index);
}

/* Level, then repair lateness: a run that finishes units after their
 * deadlines is released earlier (a day, then two, four … days before its
 * own day, never before the horizon start) and the plan decoded again;
 * kept while the tardiness falls.  Heijunka spreads the volume, but never
 * past the due dates when capacity allows. */
static void
level_repair (TaktModel    *model,
              TaktSolution *solution)
{
  gint64 step = TAKT_DAY_S;

  for (int iter = 0; iter < 64 && solution->tardiness > 0 && solution->runs->len > 0; iter++)
    {
      TaktSolution *cand = takt_solution_copy (model, solution);
      gboolean changed = FALSE;

      for (guint i = 0; i < cand->runs->len; i++)
        {
          TaktPRun *run = g_ptr_array_index (cand->runs, i);
          gint64 covered = MIN (run->b - run->a, (gint64) run->finish_len);
          gboolean late = FALSE;

          if (!run->placed || run->release <= 0)
            continue;
          for (gint64 u = 0; u < covered && !late; u++)
            late = run->finish[u] > takt_model_unit_due (model, run->product, run->a + u);
          if (!late)
            continue;
          run->release = MAX (run->release - step, 0);
          changed = TRUE;
        }
      if (!changed)
        {
          takt_solution_free (cand);
          break;
        }
      level_order (model, cand);
      takt_solution_decode (model, cand);
      if (cand->unmet <= solution->unmet && cand->tardiness < solution->tardiness)
        {
          TaktSolution tmp = *solution;

          *solution = *cand;
          *cand = tmp;
          step = TAKT_DAY_S;
        }
      else
        step *= 2;
      takt_solution_free (cand);
      if (step > 32 * TAKT_DAY_S)
        break;
    }
}

static TaktSolution *
construct (TaktModel    *model,
           TaktStrategy  strategy)
{
  TaktSolution *solution = solution_new ();
  g_autofree OrderKey *keys = NULL;
  g_autofree gint64 *bound = g_new (gint64, MAX (model->max_steps, 1));
  g_autofree gint64 *lss = g_new (gint64, MAX (model->max_steps, 1));
  g_autofree gint64 *le = g_new (gint64, MAX (model->max_steps, 1));

  for (int p = 0; p < model->n_products; p++)
    {
      if (model->dead_station[p] >= 0 || model->plan_units[p] == 0)
        continue;
      switch (strategy)
        {
        case TAKT_STRATEGY_ASAP:
          lots_for_lot (model, solution, p);
          break;
        case TAKT_STRATEGY_LEVEL:
          lots_level (model, solution, p);
          break;
        case TAKT_STRATEGY_JIT:
        case TAKT_N_STRATEGIES:
        default:
          lots_dynamic (model, solution, p);
          break;
        }
    }

  for (int i = 0; i < model->max_steps; i++)
    bound[i] = TAKT_INF;
  keys = g_new (OrderKey, MAX (solution->runs->len, 1));
  for (guint i = 0; i < solution->runs->len; i++)
    {
      TaktPRun *run = g_ptr_array_index (solution->runs, i);
      gint64 due = takt_model_unit_due (model, run->product, run->a);

      keys[i].product = run->product;
      keys[i].a = run->a;
      keys[i].index = (int) i;
      switch (strategy)
        {
        case TAKT_STRATEGY_JIT:
          /* By the latest start that meets the run's deadlines. */
          keys[i].key1 = run_backward (model, run, bound, lss, le);
          keys[i].key2 = due;
          break;
        case TAKT_STRATEGY_LEVEL:
          /* Day by day; within a day, the mix by due date. */
          keys[i].key1 = run->release;
          keys[i].key2 = due;
          break;
        case TAKT_STRATEGY_ASAP:
        case TAKT_N_STRATEGIES:
        default:
          keys[i].key1 = due;
          keys[i].key2 = 0;
          break;
        }
    }
  qsort (keys, solution->runs->len, sizeof (OrderKey), compare_order_keys);
  for (guint i = 0; i < solution->runs->len; i++)
    g_array_append_val (solution->order, keys[i].index);

  solution->mode = strategy == TAKT_STRATEGY_JIT ? TAKT_DECODE_PULL : TAKT_DECODE_PUSH;
  takt_solution_decode (model, solution);
  if (strategy == TAKT_STRATEGY_LEVEL)
    level_repair (model, solution);

  if (strategy == TAKT_STRATEGY_JIT && solution->runs->len > 0)
    {
      /* Two more candidates: jit's runs pushed in due-date order (as asap
       * pushes its own) then shifted right, and the backward pass in that
       * order (better when capacity is short).  Keep the cheapest whose
       * stock costs no more than the push plan's own. */
      TaktSolution *best = takt_solution_copy (model, solution);
      double push_holding;

      for (guint i = 0; i < solution->runs->len; i++)
        {
          /* The order asap uses: by due date alone. */
          keys[i].key1 = keys[i].key2;
          keys[i].key2 = 0;
        }
      qsort (keys, solution->runs->len, sizeof (OrderKey), compare_order_keys);
      for (guint i = 0; i < solution->runs->len; i++)
        g_array_index (solution->order, int, i) = keys[i].index;

      solution->mode = TAKT_DECODE_PUSH_JUSTIFY;
      takt_solution_decode (model, solution);
      push_holding = solution->push_holding;

      for (int c = 0; c < 2; c++)
        {
          double bar = push_holding + 1e-9 * MAX (1.0, push_holding);
          gboolean best_fits = best->holding <= bar;

          /* The backward pass in due-date order pays off on small plans;
           * on big ones its time is better spent searching. */
          if (c == 1)
            {
              if (solution->runs->len > 400)
                break;
              solution->mode = TAKT_DECODE_PULL;
              takt_solution_decode (model, solution);
            }
          if (solution->holding <= bar &&
              (!best_fits || solution->unmet < best->unmet ||
               (solution->unmet == best->unmet && solution->total < best->total)))
            {
              takt_solution_free (best);
              best = takt_solution_copy (model, solution);
            }
        }
      {
        TaktSolution tmp = *solution;

        *solution = *best;
        *best = tmp;
      }
      takt_solution_free (best);
    }
  return solution;
}

TaktSolution *
takt_solution_construct (TaktModel    *model,
                         TaktStrategy  strategy)
{
  g_return_val_if_fail (model != NULL, NULL);

  return construct (model, strategy);
}

/* ---- export ---- */

typedef struct
{
  const TaktPRun *run;
  gint64          key;
  int             index;
} ExportKey;

static int
compare_export (gconstpointer a,
                gconstpointer b)
{
  const ExportKey *x = a;
  const ExportKey *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  if (x->run->start[0] != y->run->start[0])
    return x->run->start[0] < y->run->start[0] ? -1 : 1;
  if (x->run->product != y->run->product)
    return x->run->product < y->run->product ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

static void
cover_clear (gpointer data)
{
  TaktCover *c = data;

  g_clear_pointer (&c->demand, g_free);
}

static TaktSchedule *
export_schedule (const TaktModel    *model,
                 const TaktSolution *solution,
                 TaktStrategy        strategy,
                 GPtrArray          *finishes)
{
  TaktSchedule *schedule = takt_schedule_new ();
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (ExportKey));

  schedule->strategy = strategy;
  for (guint i = 0; i < model->pin_runs->len; i++)
    {
      const TaktPRun *run = g_ptr_array_index (model->pin_runs, i);
      ExportKey k = { run, run->setup_start[0], (int) i };

      if (run->placed)
        g_array_append_val (keys, k);
    }
  for (guint i = 0; i < solution->runs->len; i++)
    {
      const TaktPRun *run = g_ptr_array_index (solution->runs, i);
      ExportKey k = { run, run->setup_start[0], (int) (model->pin_runs->len + i) };

      if (run->placed)
        g_array_append_val (keys, k);
    }
  g_array_sort (keys, compare_export);

  if (schedule->runs == NULL)
    schedule->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) takt_run_free);
  for (guint i = 0; i < keys->len; i++)
    {
      const TaktPRun *run = g_array_index (keys, ExportKey, i).run;
      const TaktProduct *prod = takt_model_product (model, run->product);
      TaktRun *out = takt_run_new ();

      g_free (out->id);
      out->id = g_strdup_printf ("R%u", i + 1);
      out->product_index = run->product;
      out->quantity = run->quantity;
      out->pinned = run->pin >= 0;
      if (out->steps == NULL)
        out->steps = g_array_new (FALSE, FALSE, sizeof (TaktRunStep));
      if (out->covers == NULL)
        {
          out->covers = g_array_new (FALSE, FALSE, sizeof (TaktCover));
          g_array_set_clear_func (out->covers, cover_clear);
        }
      for (guint j = 0; j < prod->routing->len; j++)
        {
          TaktRunStep st;

          st.station_index = product_step (prod, j)->station_index;
          st.machine = run->use[j] + 1;
          st.setup_start = model->origin + run->setup_start[j];
          st.start = model->origin + run->start[j];
          st.end = model->origin + run->end[j];
          g_array_append_val (out->steps, st);
        }
      g_ptr_array_add (schedule->runs, out);
      g_ptr_array_add (finishes, run->finish);
    }
  return schedule;
}

/* ---- public API ---- */

void
takt_planner_options_init (TaktPlannerOptions *options,
                           const TaktPlan     *plan)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->strategy = TAKT_STRATEGY_JIT;
  options->time_limit_ms = 300;
  options->seed = 1;
  if (plan != NULL)
    {
      options->strategy = plan->settings.strategy;
      options->time_limit_ms = plan->settings.time_limit_ms;
      options->seed = plan->settings.seed;
    }
}

TaktSchedule *
takt_planner_run (const TaktPlan            *plan,
                  const TaktPlannerOptions  *options,
                  TaktPlanStats            **stats,
                  GError                   **error)
{
  TaktPlannerOptions defaults;
  g_autoptr(GPtrArray) problems = NULL;
  TaktModel *model;
  TaktSolution *solution;
  TaktSchedule *schedule;
  TaktPlanStats *st;
  gint64 t0 = g_get_monotonic_time ();
  gint64 evaluations = 0;
  gboolean cancelled = FALSE;
  g_autoptr(GPtrArray) finishes = NULL;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      takt_planner_options_init (&defaults, plan);
      options = &defaults;
    }

  /* takt_plan_check() only resolves indices that a checked plan already
   * has, so calling it on the caller's plan changes nothing visible. */
  problems = takt_plan_check ((TaktPlan *) plan);
  if (problems->len > 0)
    {
      g_autofree char *first = g_strdup (g_ptr_array_index (problems, 0));

      g_set_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_INVALID,
                   "the plan is not valid: %s", first);
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (options->cancellable, error))
    return NULL;

  model = takt_model_new (plan, options->strategy);
  model->cancellable = options->cancellable;
  solution = construct (model, options->strategy);

  if (options->strategy == TAKT_STRATEGY_JIT && options->time_limit_ms != 0 && !model->cancelled)
    {
      gint64 deadline = G_MAXINT64;

      if (options->time_limit_ms > 0)
        {
          /* What comes after the search (the schedule, its KPIs, freeing)
           * takes up to about half of what came before it (checking the
           * plan, the model, the construction; measured on the
           * generator's plans): the search leaves that time over. */
          gint64 before = g_get_monotonic_time () - t0;

          deadline = t0 + options->time_limit_ms * 1000 - before / 2;
        }
      cancelled = !takt_search_run (model, solution, options, deadline, &evaluations);
    }

  if (cancelled || model->cancelled || g_cancellable_is_cancelled (options->cancellable))
    {
      takt_solution_free (solution);
      takt_model_free (model);
      g_cancellable_set_error_if_cancelled (options->cancellable, error);
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      return NULL;
    }

  finishes = g_ptr_array_new ();
  schedule = export_schedule (model, solution, options->strategy, finishes);
  st = takt_evaluate_schedule (plan, schedule, TRUE, FALSE, (const gint64 *const *) finishes->pdata);
  schedule->total = st->total;
  schedule->holding = st->holding;
  schedule->tardiness = st->tardiness;
  schedule->setup = st->setup;
  /* Pins: overlaps, and pins that cannot be made. */
  for (guint i = 0; i < model->conflicts->len; i++)
    g_ptr_array_insert (st->conflicts, (int) i, g_strdup (g_ptr_array_index (model->conflicts, i)));
  st->evaluations = evaluations;
  st->plan_ms = (double) (g_get_monotonic_time () - t0) / 1000.0;

  takt_solution_free (solution);
  takt_model_free (model);

  if (stats != NULL)
    *stats = st;
  else
    takt_plan_stats_free (st);
  return schedule;
}
