/* takt-calendar.c — a station's working time as sorted intervals
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-calendar"

#include "takt-calendar.h"

#include <stdlib.h>

#include "takt-time.h"

#define WEEK_S (7 * TAKT_DAY_S)
/* Exceptions this many days or more after the origin (the horizon start)
 * are ignored: they would only make the list of intervals long.  The bound
 * depends on the origin alone, so that every TaktWorkTime of a calendar
 * has the same working time whatever @min_end its caller asks for (the
 * planner lists up to the last due date, the costs up to the horizon's
 * end, and they must agree). */
#define MAX_EXCEPTION_DAYS (2 * 3660)
/* Intervals are listed for at most this many days after the origin
 * (besides the days up to the last exception): the longest horizon and the
 * two weeks callers add after it. */
#define MAX_LISTED_DAYS (3660 + 14)

typedef struct
{
  gint64 from;
  gint64 to;
  gint64 cum;   /* working seconds before this interval */
} Interval;

struct _TaktWorkTime
{
  Interval *main;       /* [0, tail_start), merged */
  gsize     n_main;
  gint64    main_total; /* working seconds in [0, tail_start) */
  gint64    tail_start; /* a midnight; the week repeats from here */
  Interval *tail;       /* one week from tail_start, relative to it */
  gsize     n_tail;
  gint64    week_work;  /* working seconds per week in the tail */
  gint64    last;       /* TAKT_TIME_LAST, relative: time ends there */
};

static int
compare_shifts (gconstpointer a,
                gconstpointer b)
{
  const TaktShift *sa = a;
  const TaktShift *sb = b;

  return (sa->from > sb->from) - (sa->from < sb->from);
}

static int
compare_exceptions (gconstpointer a,
                    gconstpointer b)
{
  const TaktCalendarException *ea = *(const TaktCalendarException * const *) a;
  const TaktCalendarException *eb = *(const TaktCalendarException * const *) b;

  return (ea->date > eb->date) - (ea->date < eb->date);
}

/* Appends [from, to) to @list, merging it with the last interval when they
 * touch or overlap. */
static void
push_interval (GArray *list,
               gint64  from,
               gint64  to)
{
  if (to <= from)
    return;
  if (list->len > 0)
    {
      Interval *last = &g_array_index (list, Interval, list->len - 1);

      if (from <= last->to)
        {
          last->to = MAX (last->to, to);
          return;
        }
    }
  {
    Interval iv = { from, to, 0 };

    g_array_append_val (list, iv);
  }
}

/* Appends one day's shifts, sorted, shifted by @offset and clipped to >= 0. */
static void
push_day (GArray       *list,
          const GArray *shifts,
          gint64        offset)
{
  TaktShift local[16];
  TaktShift *sorted = local;
  g_autofree TaktShift *heap = NULL;

  if (shifts == NULL || shifts->len == 0)
    return;
  if (shifts->len > G_N_ELEMENTS (local))
    sorted = heap = g_new (TaktShift, shifts->len);
  for (guint i = 0; i < shifts->len; i++)
    sorted[i] = g_array_index (shifts, TaktShift, i);
  qsort (sorted, shifts->len, sizeof (TaktShift), compare_shifts);
  for (guint i = 0; i < shifts->len; i++)
    push_interval (list, MAX (offset + sorted[i].from, 0), offset + sorted[i].to);
}

static Interval *
finish_list (GArray *list,
             gsize  *n,
             gint64 *total)
{
  gint64 cum = 0;

  for (guint i = 0; i < list->len; i++)
    {
      Interval *iv = &g_array_index (list, Interval, i);

      iv->cum = cum;
      cum += iv->to - iv->from;
    }
  *n = list->len;
  *total = cum;
  return (Interval *) (void *) g_array_free (list, FALSE);
}

TaktWorkTime *
takt_work_time_new (const TaktCalendar *calendar,
                    gint64              origin,
                    gint64              min_end)
{
  TaktWorkTime *self = g_new0 (TaktWorkTime, 1);
  gint64 day0 = takt_day_start (origin);
  /* Listed at most a little past the longest horizon: after that the week
   * repeats (or the last exception is listed), and a due date in 9999 must
   * not make millions of days of intervals. */
  gint64 day_end = takt_day_start (origin + CLAMP (min_end, 0, MAX_LISTED_DAYS * TAKT_DAY_S)) + TAKT_DAY_S;
  GArray *main_list = g_array_new (FALSE, FALSE, sizeof (Interval));
  GArray *tail_list = g_array_new (FALSE, FALSE, sizeof (Interval));
  g_autoptr(GPtrArray) exceptions = g_ptr_array_new ();
  guint ex = 0;

  if (calendar != NULL && calendar->exceptions != NULL)
    {
      gint64 limit = day0 + MAX_EXCEPTION_DAYS * TAKT_DAY_S;

      for (guint i = 0; i < calendar->exceptions->len; i++)
        {
          TaktCalendarException *e = g_ptr_array_index (calendar->exceptions, i);

          if (e->date >= day0 && e->date < limit)
            g_ptr_array_add (exceptions, e);
        }
      g_ptr_array_sort (exceptions, compare_exceptions);
      if (exceptions->len > 0)
        {
          const TaktCalendarException *last = g_ptr_array_index (exceptions, exceptions->len - 1);

          day_end = MAX (day_end, takt_day_start (last->date) + TAKT_DAY_S);
        }
    }

  for (gint64 day = day0; day < day_end; day += TAKT_DAY_S)
    {
      const GArray *shifts;

      if (calendar == NULL)
        {
          push_interval (main_list, MAX (day - origin, 0), day + TAKT_DAY_S - origin);
          continue;
        }
      while (ex < exceptions->len &&
             ((const TaktCalendarException *) g_ptr_array_index (exceptions, ex))->date < day)
        ex++;
      if (ex < exceptions->len &&
          ((const TaktCalendarException *) g_ptr_array_index (exceptions, ex))->date == day)
        shifts = ((const TaktCalendarException *) g_ptr_array_index (exceptions, ex))->shifts;
      else
        shifts = calendar->week[takt_weekday (day)];
      push_day (main_list, shifts, day - origin);
    }

  for (int i = 0; i < 7; i++)
    {
      gint64 day = day_end + i * TAKT_DAY_S;

      if (calendar == NULL)
        push_interval (tail_list, i * TAKT_DAY_S, (i + 1) * TAKT_DAY_S);
      else
        push_day (tail_list, calendar->week[takt_weekday (day)], i * TAKT_DAY_S);
    }

  self->tail_start = day_end - origin;
  self->last = TAKT_TIME_LAST - origin;
  /* The listed intervals stop where time ends too (a horizon in 9999 lists
   * days past it), so that even a lookup of its own in them never goes
   * beyond it. */
  while (main_list->len > 0 && g_array_index (main_list, Interval, main_list->len - 1).from >= self->last)
    g_array_set_size (main_list, main_list->len - 1);
  if (main_list->len > 0)
    {
      Interval *end = &g_array_index (main_list, Interval, main_list->len - 1);

      end->to = MIN (end->to, self->last);
    }
  self->main = finish_list (main_list, &self->n_main, &self->main_total);
  self->tail = finish_list (tail_list, &self->n_tail, &self->week_work);
  return self;
}

void
takt_work_time_free (TaktWorkTime *self)
{
  if (self == NULL)
    return;
  g_free (self->main);
  g_free (self->tail);
  g_free (self);
}

gboolean
takt_work_time_never_works (const TaktWorkTime *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->main_total == 0 && self->week_work == 0;
}

gboolean
takt_work_time_is_finite (const TaktWorkTime *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->week_work == 0;
}

/* The last interval with from <= t, or -1. */
static gssize
last_from_le (const Interval *list,
              gsize           n,
              gint64          t)
{
  gsize lo = 0, hi = n;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (list[mid].from <= t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return (gssize) lo - 1;
}

/* The first interval whose end in worked time (cum + length) is >= v
 * (@strict: > v).  n when none. */
static gsize
first_end_ge (const Interval *list,
              gsize           n,
              gint64          v,
              gboolean        strict)
{
  gsize lo = 0, hi = n;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      gint64 end = list[mid].cum + (list[mid].to - list[mid].from);

      if (strict ? end > v : end >= v)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

static gint64
worked_in (const Interval *list,
           gsize           n,
           gint64          t)
{
  gssize i = last_from_le (list, n, t);

  if (i < 0)
    return 0;
  return list[i].cum + MIN (t, list[i].to) - list[i].from;
}

gint64
takt_work_time_worked (const TaktWorkTime *self,
                       gint64              t)
{
  gint64 x, k;

  g_return_val_if_fail (self != NULL, 0);

  if (t <= 0)
    return 0;
  if (t < self->tail_start)
    return worked_in (self->main, self->n_main, t);
  x = t - self->tail_start;
  k = x / WEEK_S;
  return self->main_total + k * self->week_work + worked_in (self->tail, self->n_tail, x - k * WEEK_S);
}

/* Time ends at TAKT_TIME_LAST: an instant after it is "never". */
static inline gint64
not_after_last (const TaktWorkTime *self,
                gint64              t)
{
  return t > self->last ? TAKT_TIME_NEVER : t;
}

gint64
takt_work_time_start_at (const TaktWorkTime *self,
                         gint64              v)
{
  gint64 x, k, rx;
  gsize i;

  g_return_val_if_fail (self != NULL, TAKT_TIME_NEVER);

  v = MAX (v, 0);
  if (v < self->main_total)
    {
      i = first_end_ge (self->main, self->n_main, v, TRUE);
      return not_after_last (self, self->main[i].from + v - self->main[i].cum);
    }
  if (self->week_work == 0)
    return TAKT_TIME_NEVER;
  x = v - self->main_total;
  k = x / self->week_work;
  if (k > (self->last - self->tail_start) / WEEK_S)
    return TAKT_TIME_NEVER;
  rx = x - k * self->week_work;
  i = first_end_ge (self->tail, self->n_tail, rx, TRUE);
  return not_after_last (self, self->tail_start + k * WEEK_S + self->tail[i].from + rx - self->tail[i].cum);
}

gint64
takt_work_time_end_at (const TaktWorkTime *self,
                       gint64              v)
{
  gint64 x, k, rx;
  gsize i;

  g_return_val_if_fail (self != NULL, TAKT_TIME_NEVER);

  if (v <= 0)
    return 0;
  if (v <= self->main_total)
    {
      i = first_end_ge (self->main, self->n_main, v, FALSE);
      return not_after_last (self, self->main[i].from + v - self->main[i].cum);
    }
  if (self->week_work == 0)
    return TAKT_TIME_NEVER;
  x = v - self->main_total;
  k = (x - 1) / self->week_work;
  if (k > (self->last - self->tail_start) / WEEK_S)
    return TAKT_TIME_NEVER;
  rx = x - k * self->week_work;
  i = first_end_ge (self->tail, self->n_tail, rx, FALSE);
  return not_after_last (self, self->tail_start + k * WEEK_S + self->tail[i].from + rx - self->tail[i].cum);
}

gint64
takt_work_time_next (const TaktWorkTime *self,
                     gint64              t)
{
  g_return_val_if_fail (self != NULL, TAKT_TIME_NEVER);

  if (t == TAKT_TIME_NEVER)
    return TAKT_TIME_NEVER;
  return takt_work_time_start_at (self, takt_work_time_worked (self, t));
}

gint64
takt_work_time_add (const TaktWorkTime *self,
                    gint64              t,
                    gint64              w)
{
  g_return_val_if_fail (self != NULL, TAKT_TIME_NEVER);
  g_return_val_if_fail (w >= 0, TAKT_TIME_NEVER);

  if (t == TAKT_TIME_NEVER)
    return TAKT_TIME_NEVER;
  if (w == 0)
    return MAX (t, 0);
  return takt_work_time_end_at (self, takt_work_time_worked (self, t) + w);
}

gint64
takt_work_time_latest_start (const TaktWorkTime *self,
                             gint64              t,
                             gint64              w)
{
  gint64 v;

  g_return_val_if_fail (self != NULL, TAKT_TIME_NONE);
  g_return_val_if_fail (w >= 0, TAKT_TIME_NONE);

  if (t < 0 || t == TAKT_TIME_NONE)
    return TAKT_TIME_NONE;
  if (w == 0)
    return t;
  v = takt_work_time_worked (self, t) - w;
  if (v < 0)
    return TAKT_TIME_NONE;
  return takt_work_time_start_at (self, v);
}

gint64
takt_work_time_between (const TaktWorkTime *self,
                        gint64              a,
                        gint64              b)
{
  g_return_val_if_fail (self != NULL, 0);

  if (b <= a)
    return 0;
  return takt_work_time_worked (self, b) - takt_work_time_worked (self, a);
}

/* Predicates over the main list, false then true as i grows. */
typedef enum
{
  PRED_FROM_GT,     /* from > x          (first such, minus one: last from <= x) */
  PRED_END_GE,      /* cum + len >= x */
  PRED_END_GT,      /* cum + len > x */
} Pred;

static inline gboolean
pred_at (const Interval *iv,
         Pred            pred,
         gint64          x)
{
  switch (pred)
    {
    case PRED_FROM_GT:
      return iv->from > x;
    case PRED_END_GE:
      return iv->cum + (iv->to - iv->from) >= x;
    case PRED_END_GT:
    default:
      return iv->cum + (iv->to - iv->from) > x;
    }
}

/* The first i in [0, n] where the predicate holds, galloping from @hint. */
static gsize
gallop_first (const Interval *list,
              gsize           n,
              gsize           hint,
              Pred            pred,
              gint64          x)
{
  gsize lo, hi, step;

  if (hint > n)
    hint = n;
  if (hint < n && !pred_at (&list[hint], pred, x))
    {
      /* Forward: the answer is in (hint, n]. */
      lo = hint + 1;
      step = 1;
      hi = lo;
      while (hi < n && !pred_at (&list[hi], pred, x))
        {
          lo = hi + 1;
          hi = hi + step;
          step *= 2;
        }
      hi = MIN (hi, n);
    }
  else
    {
      /* Backward: the answer is in [0, hint]. */
      hi = hint;
      step = 1;
      lo = hint;
      while (lo > 0 && pred_at (&list[lo - 1], pred, x))
        {
          hi = lo - 1;
          lo = lo > step ? lo - step : 0;
          step *= 2;
        }
    }
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (pred_at (&list[mid], pred, x))
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

gint64
takt_work_time_worked_hint (const TaktWorkTime *self,
                            gint64              t,
                            gsize              *hint)
{
  gsize i;

  if (t <= 0 || t >= self->tail_start || self->n_main == 0)
    return takt_work_time_worked (self, t);
  i = gallop_first (self->main, self->n_main, *hint, PRED_FROM_GT, t);
  *hint = i > 0 ? i - 1 : 0;
  if (i == 0)
    return 0;
  i--;
  return self->main[i].cum + MIN (t, self->main[i].to) - self->main[i].from;
}

gint64
takt_work_time_start_at_hint (const TaktWorkTime *self,
                              gint64              v,
                              gsize              *hint)
{
  gsize i;

  if (v < 0 || v >= self->main_total)
    return takt_work_time_start_at (self, v);
  i = gallop_first (self->main, self->n_main, *hint, PRED_END_GT, v);
  *hint = i;
  return not_after_last (self, self->main[i].from + v - self->main[i].cum);
}

gint64
takt_work_time_end_at_hint (const TaktWorkTime *self,
                            gint64              v,
                            gsize              *hint)
{
  gsize i;

  if (v <= 0 || v > self->main_total)
    return takt_work_time_end_at (self, v);
  i = gallop_first (self->main, self->n_main, *hint, PRED_END_GE, v);
  *hint = i;
  return not_after_last (self, self->main[i].from + v - self->main[i].cum);
}

gsize
takt_work_time_n_intervals (const TaktWorkTime *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_main;
}

void
takt_work_time_interval (const TaktWorkTime *self,
                         gsize               i,
                         gint64             *from,
                         gint64             *to)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (i < self->n_main);

  if (from != NULL)
    *from = self->main[i].from;
  if (to != NULL)
    *to = self->main[i].to;
}
