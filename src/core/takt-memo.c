/* takt-memo.c — what the decoder remembers about a run between decodes
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The search decodes a solution again after every move, and most runs
 * are placed exactly as before.  The costly parts of placing a run are
 * pure functions, so their results can be kept and looked up:
 *   - the latest times of a run (run_backward) depend on its identity and
 *     on the bound of each step;
 *   - the one-piece-flow timing of one step of a run placed forward
 *     (step_forward) depends on its identity, on the timings picked for
 *     the steps before it (the units' arrivals) and on the instant the
 *     machine is free.
 * A run's identity is what fixes its units and their deadlines: product,
 * plan units [a, b) and quantity.  The memo belongs to that identity; a
 * run whose identity changes (a merge, a split) gets a new one.  Copies of
 * a run share it (it only ever holds results that are true for every
 * holder).
 *
 * The forward placing is remembered as traces, one per first-unit start
 * tried (the forward pass and the right-justification start a run at
 * different instants): the step timings it computed, keyed by step and
 * free instant, and the free instant of the timing it picked at each step.
 * takt-planner.c replays a trace while each step picks what the trace
 * picked (so the arrivals are the same) and every timing asked for is in
 * it; otherwise it places the run again from scratch and records anew.
 * Everything that depends on the machines' timelines is decided afresh
 * each time, so a replay gives exactly what a computation gives.
 */

#define G_LOG_DOMAIN "takt-memo"

#include "config.h"

#include "takt-planner-private.h"

#include <string.h>

/* Kept per run: latest-time results, and forward traces. */
#define N_BACK 8
#define N_FWD  4
/* A trace that grew this long (a run pushed through many gaps) is not
 * kept: replaying it would cost about what computing does. */
#define MAX_CALLS 512

typedef struct
{
  gboolean used;
  gint64   x;
  gint64  *data;     /* bound, lss, le: n_steps each (in memo->back_data) */
} BackEntry;

struct _TaktRunMemo
{
  int          ref;
  int          product;
  gint64       a, b, quantity;
  int          n_steps;
  BackEntry    back[N_BACK];
  gint64      *back_data;
  int          back_next;
  TaktFwdTrace fwd[N_FWD];
  guint64      clock;
};

TaktRunMemo *
takt_run_memo_ref (TaktRunMemo *memo)
{
  g_return_val_if_fail (memo != NULL, NULL);

  memo->ref++;
  return memo;
}

void
takt_run_memo_unref (TaktRunMemo *memo)
{
  if (memo == NULL || --memo->ref > 0)
    return;
  g_free (memo->back_data);
  for (int i = 0; i < N_FWD; i++)
    {
      TaktFwdTrace *t = &memo->fwd[i];

      /* arrive0 shares the block of pick_free. */
      g_free (t->pick_free);
      g_free (t->finish);
      g_free (t->calls);
    }
  g_free (memo);
}

TaktRunMemo *
takt_run_memo_for (const TaktModel *model,
                   TaktPRun        *run)
{
  TaktRunMemo *memo = run->memo;
  const TaktProduct *prod;

  g_return_val_if_fail (model != NULL && run != NULL, NULL);

  if (memo != NULL && memo->product == run->product && memo->a == run->a &&
      memo->b == run->b && memo->quantity == run->quantity)
    return memo;

  /* Other holders keep the old one for their own (unchanged) run. */
  takt_run_memo_unref (memo);
  prod = takt_model_product (model, run->product);
  memo = g_new0 (TaktRunMemo, 1);
  memo->ref = 1;
  memo->product = run->product;
  memo->a = run->a;
  memo->b = run->b;
  memo->quantity = run->quantity;
  memo->n_steps = (int) prod->routing->len;
  run->memo = memo;
  return memo;
}

gboolean
takt_run_memo_backward_get (TaktRunMemo  *memo,
                            const gint64 *bound,
                            gint64       *x,
                            gint64       *lss,
                            gint64       *le)
{
  int n;

  g_return_val_if_fail (memo != NULL, FALSE);

  n = memo->n_steps;
  for (int i = 0; i < N_BACK; i++)
    {
      const BackEntry *e = &memo->back[i];

      if (!e->used || memcmp (e->data, bound, n * sizeof (gint64)) != 0)
        continue;
      *x = e->x;
      memcpy (lss, e->data + n, n * sizeof (gint64));
      memcpy (le, e->data + 2 * n, n * sizeof (gint64));
      return TRUE;
    }
  return FALSE;
}

void
takt_run_memo_backward_put (TaktRunMemo  *memo,
                            const gint64 *bound,
                            gint64        x,
                            const gint64 *lss,
                            const gint64 *le)
{
  BackEntry *e;
  int n;

  g_return_if_fail (memo != NULL);

  n = memo->n_steps;
  if (memo->back_data == NULL)
    {
      memo->back_data = g_new (gint64, N_BACK * 3 * MAX (n, 1));
      for (int i = 0; i < N_BACK; i++)
        memo->back[i].data = memo->back_data + i * 3 * MAX (n, 1);
    }
  e = &memo->back[memo->back_next];
  memo->back_next = (memo->back_next + 1) % N_BACK;
  e->used = TRUE;
  e->x = x;
  memcpy (e->data, bound, n * sizeof (gint64));
  memcpy (e->data + n, lss, n * sizeof (gint64));
  memcpy (e->data + 2 * n, le, n * sizeof (gint64));
}

TaktFwdTrace *
takt_run_memo_trace_find (TaktRunMemo *memo,
                          gint64       x)
{
  g_return_val_if_fail (memo != NULL, NULL);

  for (int i = 0; i < N_FWD; i++)
    {
      TaktFwdTrace *t = &memo->fwd[i];

      if (t->used && t->complete && t->x == x)
        {
          t->stamp = ++memo->clock;
          return t;
        }
    }
  return NULL;
}

TaktFwdTrace *
takt_run_memo_trace_begin (TaktRunMemo *memo,
                           gint64       x)
{
  TaktFwdTrace *t = NULL;

  g_return_val_if_fail (memo != NULL, NULL);

  for (int i = 0; i < N_FWD && t == NULL; i++)
    if (memo->fwd[i].used && memo->fwd[i].x == x)
      t = &memo->fwd[i];
  for (int i = 0; i < N_FWD && t == NULL; i++)
    if (!memo->fwd[i].used)
      t = &memo->fwd[i];
  if (t == NULL)
    {
      t = &memo->fwd[0];
      for (int i = 1; i < N_FWD; i++)
        if (memo->fwd[i].stamp < t->stamp)
          t = &memo->fwd[i];
    }
  if (t->pick_free == NULL)
    {
      t->pick_free = g_new (gint64, 2 * MAX (memo->n_steps, 1));
      t->arrive0 = t->pick_free + MAX (memo->n_steps, 1);
    }
  t->n_calls = 0;
  t->used = TRUE;
  t->complete = FALSE;
  t->ok = FALSE;
  t->x = x;
  t->n_picked = 0;
  t->stamp = ++memo->clock;
  return t;
}

void
takt_run_memo_trace_end (TaktRunMemo  *memo,
                         TaktFwdTrace *trace,
                         gboolean      ok,
                         const gint64 *finish)
{
  g_return_if_fail (memo != NULL && trace != NULL);

  trace->ok = ok;
  if (trace->n_calls > MAX_CALLS)
    {
      trace->used = FALSE;
      return;
    }
  if (ok)
    {
      if (trace->finish == NULL)
        trace->finish = g_new (gint64, MAX (memo->quantity, 1));
      memcpy (trace->finish, finish, memo->quantity * sizeof (gint64));
    }
  trace->complete = TRUE;
}

const TaktFwdCall *
takt_fwd_trace_lookup (const TaktFwdTrace *trace,
                       int                 step,
                       gint64              free)
{
  const TaktFwdCall *calls = trace->calls;

  for (guint i = 0; i < trace->n_calls; i++)
    if (calls[i].free == free && calls[i].step == step)
      return &calls[i];
  return NULL;
}

void
takt_fwd_trace_add (TaktFwdTrace      *trace,
                    const TaktFwdCall *call)
{
  if (trace->n_calls == trace->calls_len)
    {
      trace->calls_len = MAX (8, 2 * trace->calls_len);
      trace->calls = g_renew (TaktFwdCall, trace->calls, trace->calls_len);
    }
  trace->calls[trace->n_calls++] = *call;
}
