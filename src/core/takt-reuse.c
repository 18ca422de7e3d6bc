/* takt-reuse.c — what the last decode placed, to take over what a move left alone
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The forward pass places the runs one after the other on the machines'
 * timelines; the right-justification then moves them one after the other
 * in a fixed order.  What a run gets depends on what it is (its identity,
 * start wanted and machines: its key) and on the timelines of the machines
 * it looks at, as they are when its turn comes.  A decode keeps a log of
 * each pass (TaktPassLog: per turn, the run's key and what it got); the
 * next decode walks its own turns beside the logged ones and keeps a
 * difference per machine (TaktDiff): the slots on that machine's timeline
 * now but not then, and then but not now.  A run whose key is the logged
 * one at its turn, on machines with no difference, gets what it got then,
 * without being placed again.  Timelines are sets of disjoint slots, so
 * equal sets are equal timelines: this is exact.
 */

#define G_LOG_DOMAIN "takt-reuse"

#include "config.h"

#include "takt-planner-private.h"

#include <string.h>

/* A machine whose timeline differs in this many slots is taken as
 * different from then on in the pass (its difference is not followed any
 * more): after a move the differences spread, and following them costs
 * more than it can save. */
#define MAX_DIFF 12

typedef struct
{
  gint64 from;
  gint64 to;
  int    count;     /* now − then: 1 or −1 */
} DiffEntry;

TaktDiff *
takt_diff_new (int n_machines)
{
  TaktDiff *diff = g_new0 (TaktDiff, 1);

  diff->n_machines = n_machines;
  diff->slots = g_new0 (GArray *, MAX (n_machines, 1));
  diff->given_up = g_new0 (gboolean, MAX (n_machines, 1));
  for (int i = 0; i < n_machines; i++)
    diff->slots[i] = g_array_new (FALSE, FALSE, sizeof (DiffEntry));
  return diff;
}

void
takt_diff_free (TaktDiff *diff)
{
  if (diff == NULL)
    return;
  for (int i = 0; i < diff->n_machines; i++)
    g_array_unref (diff->slots[i]);
  g_free (diff->slots);
  g_free (diff->given_up);
  g_free (diff);
}

void
takt_diff_clear (TaktDiff *diff)
{
  g_return_if_fail (diff != NULL);

  for (int i = 0; i < diff->n_machines; i++)
    {
      g_array_set_size (diff->slots[i], 0);
      diff->given_up[i] = FALSE;
    }
  diff->dirty = 0;
}

void
takt_diff_add (TaktDiff *diff,
               int       machine,
               gint64    from,
               gint64    to,
               int       count)
{
  GArray *list;
  DiffEntry *e;
  guint lo = 0, hi;

  g_return_if_fail (diff != NULL && machine >= 0 && machine < diff->n_machines);

  /* An empty slot is never on a timeline. */
  if (to <= from || diff->given_up[machine])
    return;
  /* By (from, to). */
  list = diff->slots[machine];
  e = (DiffEntry *) (void *) list->data;
  hi = list->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (e[mid].from < from || (e[mid].from == from && e[mid].to < to))
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < list->len && e[lo].from == from && e[lo].to == to)
    {
      e[lo].count += count;
      if (e[lo].count == 0)
        {
          g_array_remove_index (list, lo);
          if (list->len == 0)
            diff->dirty--;
        }
      return;
    }
  {
    DiffEntry n = { from, to, count };

    if (list->len == 0)
      diff->dirty++;
    if (list->len >= MAX_DIFF)
      {
        diff->given_up[machine] = TRUE;
        g_array_set_size (list, 0);
        /* (Still counted dirty.) */
        return;
      }
    g_array_insert_val (list, lo, n);
  }
}

void
takt_diff_give_up (TaktDiff *diff,
                   int       machine)
{
  g_return_if_fail (diff != NULL && machine >= 0 && machine < diff->n_machines);

  if (diff->given_up[machine])
    return;
  if (diff->slots[machine]->len == 0)
    diff->dirty++;
  g_array_set_size (diff->slots[machine], 0);
  diff->given_up[machine] = TRUE;
}

void
takt_pass_log_init (TaktPassLog *log)
{
  g_return_if_fail (log != NULL);

  memset (log, 0, sizeof *log);
  log->runs = g_array_new (FALSE, FALSE, sizeof (TaktLogRun));
  log->ints = g_array_new (FALSE, FALSE, sizeof (int));
  log->longs = g_array_new (FALSE, FALSE, sizeof (gint64));
}

void
takt_pass_log_clear (TaktPassLog *log)
{
  g_return_if_fail (log != NULL);

  g_clear_pointer (&log->runs, g_array_unref);
  g_clear_pointer (&log->ints, g_array_unref);
  g_clear_pointer (&log->longs, g_array_unref);
  log->valid = FALSE;
}

void
takt_pass_log_begin (TaktPassLog *log,
                     int          mode)
{
  g_return_if_fail (log != NULL);

  g_array_set_size (log->runs, 0);
  g_array_set_size (log->ints, 0);
  g_array_set_size (log->longs, 0);
  log->mode = mode;
  log->valid = FALSE;
}

TaktLogRun *
takt_pass_log_add (TaktPassLog *log,
                   guint        n_ints,
                   guint        n_longs)
{
  TaktLogRun *e;

  g_return_val_if_fail (log != NULL, NULL);

  g_array_set_size (log->runs, log->runs->len + 1);
  e = &g_array_index (log->runs, TaktLogRun, log->runs->len - 1);
  memset (e, 0, sizeof *e);
  e->ints = log->ints->len;
  e->longs = log->longs->len;
  g_array_set_size (log->ints, log->ints->len + n_ints);
  g_array_set_size (log->longs, log->longs->len + n_longs);
  return e;
}
