/* takt-checker.c — an independent check of a computed schedule
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here follows the plan format's text, deliberately simply:
 * working time is found by walking a calendar's shifts day by day, each
 * unit of each run is timed one by one, and costs are summed unit by unit.
 */

#define G_LOG_DOMAIN "takt-checker"

#include "takt-checker.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "takt-time.h"

#define MAX_VIOLATIONS 200

/* ---- working time ---- */

typedef struct
{
  gint32 from;
  gint32 to;
} Span;

typedef struct
{
  gint64  date;
  GArray *spans;
} ExDay;

typedef struct
{
  gboolean always;     /* no calendar: 24/7 */
  GArray  *week[7];    /* of Span, sorted, touching spans merged */
  GArray  *exceptions; /* of ExDay, sorted by date */
  gint64   last_day;   /* no work on any day after this one */
} Cal;

static int
span_cmp (gconstpointer a,
          gconstpointer b)
{
  const Span *x = a, *y = b;

  return (x->from > y->from) - (x->from < y->from);
}

static GArray *
spans_from_shifts (const GArray *shifts)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (Span));

  for (guint i = 0; shifts != NULL && i < shifts->len; i++)
    {
      const TaktShift *s = &g_array_index (shifts, TaktShift, i);
      Span sp = { s->from, s->to };

      if (sp.to > sp.from)
        g_array_append_val (spans, sp);
    }
  g_array_sort (spans, span_cmp);
  for (guint i = 0; i < spans->len; i++)
    {
      Span sp = g_array_index (spans, Span, i);

      if (merged->len > 0 && g_array_index (merged, Span, merged->len - 1).to >= sp.from)
        {
          Span *last = &g_array_index (merged, Span, merged->len - 1);
          last->to = MAX (last->to, sp.to);
        }
      else
        g_array_append_val (merged, sp);
    }
  g_array_unref (spans);
  return merged;
}

static void
cal_init (Cal                *cal,
          const TaktCalendar *calendar)
{
  gboolean week_works = FALSE;

  memset (cal, 0, sizeof *cal);
  cal->exceptions = g_array_new (FALSE, FALSE, sizeof (ExDay));
  if (calendar == NULL)
    {
      cal->always = TRUE;
      cal->last_day = G_MAXINT64;
      return;
    }
  for (int d = 0; d < 7; d++)
    {
      cal->week[d] = spans_from_shifts (calendar->week[d]);
      week_works = week_works || cal->week[d]->len > 0;
    }
  cal->last_day = week_works ? G_MAXINT64 : G_MININT64;
  for (guint i = 0; calendar->exceptions != NULL && i < calendar->exceptions->len; i++)
    {
      const TaktCalendarException *ex = g_ptr_array_index (calendar->exceptions, i);
      ExDay day = { takt_day_start (ex->date), spans_from_shifts (ex->shifts) };

      g_array_append_val (cal->exceptions, day);
      if (!week_works && day.spans->len > 0)
        cal->last_day = MAX (cal->last_day, day.date);
    }
}

static void
cal_clear (Cal *cal)
{
  for (int d = 0; d < 7; d++)
    g_clear_pointer (&cal->week[d], g_array_unref);
  for (guint i = 0; i < cal->exceptions->len; i++)
    g_array_unref (g_array_index (cal->exceptions, ExDay, i).spans);
  g_clear_pointer (&cal->exceptions, g_array_unref);
}

/* The working spans of the day that begins at midnight @day. */
static const GArray *
cal_day (const Cal *cal,
         gint64     day)
{
  guint lo = 0, hi = cal->exceptions->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const ExDay *ex = &g_array_index (cal->exceptions, ExDay, mid);

      if (ex->date == day)
        return ex->spans;
      if (ex->date < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  /* A linear scan backs the binary search up in case the list was not
   * sorted as promised. */
  for (guint i = 0; i < cal->exceptions->len; i++)
    if (g_array_index (cal->exceptions, ExDay, i).date == day)
      return g_array_index (cal->exceptions, ExDay, i).spans;
  return cal->week[takt_weekday (day)];
}

/* The first working instant at or after @t. */
static gboolean
cal_next (const Cal *cal,
          gint64     t,
          gint64    *out)
{
  if (cal->always)
    {
      *out = t;
      return TRUE;
    }
  for (gint64 day = takt_day_start (t); day <= cal->last_day; day += TAKT_DAY_S)
    {
      const GArray *spans = cal_day (cal, day);

      for (guint i = 0; i < spans->len; i++)
        {
          const Span *s = &g_array_index (spans, Span, i);

          if (day + s->to > t)
            {
              *out = MAX (t, day + s->from);
              return TRUE;
            }
        }
    }
  return FALSE;
}

/* The earliest instant by which @work working seconds have passed from @t. */
static gboolean
cal_add (const Cal *cal,
         gint64     t,
         gint64     work,
         gint64    *out)
{
  if (cal->always || work == 0)
    {
      *out = t + work;
      return TRUE;
    }
  for (gint64 day = takt_day_start (t); day <= cal->last_day; day += TAKT_DAY_S)
    {
      const GArray *spans = cal_day (cal, day);

      for (guint i = 0; i < spans->len; i++)
        {
          const Span *s = &g_array_index (spans, Span, i);
          gint64 a = MAX (t, day + s->from);
          gint64 b = day + s->to;

          if (a >= b)
            continue;
          if (work <= b - a)
            {
              *out = a + work;
              return TRUE;
            }
          work -= b - a;
        }
    }
  return FALSE;
}

/* Working seconds in [a, b). */
static gint64
cal_measure (const Cal *cal,
             gint64     a,
             gint64     b)
{
  gint64 sum = 0;

  if (b <= a)
    return 0;
  if (cal->always)
    return b - a;
  for (gint64 day = takt_day_start (a); day < b && day <= cal->last_day; day += TAKT_DAY_S)
    {
      const GArray *spans = cal_day (cal, day);

      for (guint i = 0; i < spans->len; i++)
        {
          const Span *s = &g_array_index (spans, Span, i);
          gint64 x = MAX (a, day + s->from);
          gint64 y = MIN (b, day + s->to);

          if (y > x)
            sum += y - x;
        }
    }
  return sum;
}

/* ---- demand ---- */

typedef struct
{
  char   *name;
  int     product;
  gint64  quantity;
  gint64  due;
  gint64  from_stock;
  gint64  covered;
  int     group;      /* index (in its product's list) of the first demand with the same due */
} Demand;

static void
demand_free (Demand *d)
{
  g_free (d->name);
  g_free (d);
}

typedef struct
{
  const TaktPlan *plan;
  GPtrArray      *violations;
  guint           dropped;
  Cal            *cals;         /* per station */
  gboolean       *makeable;     /* per product */
  GPtrArray      *demands;      /* of Demand* */
  GHashTable     *by_name;      /* name → Demand* */
  GPtrArray     **per_product;  /* of Demand*, by due */
  GArray        **finishes;     /* per product: gint64 unit finish times */
} Check;

static void violation (Check *c, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
violation (Check      *c,
           const char *format,
           ...)
{
  va_list args;

  if (c->violations->len >= MAX_VIOLATIONS)
    {
      c->dropped++;
      return;
    }
  va_start (args, format);
  g_ptr_array_add (c->violations, g_strdup_vprintf (format, args));
  va_end (args);
}

static const TaktProduct *
product_at (const Check *c,
            int          p)
{
  return g_ptr_array_index (c->plan->products, p);
}

static void
add_demand (Check  *c,
            char   *name,   /* taken */
            int     product,
            gint64  quantity,
            gint64  due)
{
  Demand *d = g_hash_table_lookup (c->by_name, name);

  if (quantity <= 0)
    {
      g_free (name);
      return;
    }
  if (d != NULL)
    {
      /* The same name twice (e.g. two forecast lines for one day): one
       * demand of the summed quantity. */
      if (d->due != due || d->product != product)
        violation (c, "plan: demand %s appears twice with different due times", name);
      d->quantity += quantity;
      g_free (name);
      return;
    }
  d = g_new0 (Demand, 1);
  d->name = name;
  d->product = product;
  d->quantity = quantity;
  d->due = due;
  g_ptr_array_add (c->demands, d);
  g_hash_table_insert (c->by_name, d->name, d);
}

typedef struct
{
  int    day;
  gint64 remainder;
} DayRemainder;

static int
day_remainder_cmp (gconstpointer a,
                   gconstpointer b)
{
  const DayRemainder *x = a, *y = b;

  if (x->remainder != y->remainder)
    return x->remainder > y->remainder ? -1 : 1;
  return x->day - y->day;
}

/* Rounds to the nearest whole number, halves up.  The inputs are decimal
 * numbers, so a value a hair below a half is taken as the half. */
static gint64
round_half_up (double x)
{
  return (gint64) floor (x + 0.5 + 1e-9 * MAX (1.0, fabs (x)));
}

static void
expand_campaign (Check              *c,
                 const TaktCampaign *camp)
{
  gint64 d_days = (takt_day_start (camp->end) - takt_day_start (camp->start)) / TAKT_DAY_S + 1;
  double total = (double) camp->impressions / 1000.0 * camp->conversion_per_mille;
  double share_sum = 0;
  g_autofree gint64 *weight = NULL;
  gint64 weight_sum = 0;

  if (d_days < 1)
    {
      violation (c, "plan: campaign %s ends before it starts", camp->id);
      return;
    }
  /* The shapes' weights are rational: w_i = W_i / (3(D−1)) with whole W_i,
   * so each day's share total·W_i/ΣW is computed exactly. */
  weight = g_new0 (gint64, d_days);
  for (gint64 i = 0; i < d_days; i++)
    {
      switch (camp->shape)
        {
        case TAKT_SHAPE_LAUNCH:
          weight[i] = d_days == 1 ? 1 : 3 * (d_days - 1) - 2 * i;
          break;
        case TAKT_SHAPE_BUILD:
          weight[i] = d_days == 1 ? 1 : (d_days - 1) + 2 * i;
          break;
        case TAKT_SHAPE_FLAT:
        case TAKT_N_SHAPES:
        default:
          weight[i] = 1;
          break;
        }
      weight_sum += weight[i];
    }

  for (guint j = 0; j < camp->products->len; j++)
    share_sum += ((TaktCampaignProduct *) g_ptr_array_index (camp->products, j))->share;

  for (guint j = 0; j < camp->products->len; j++)
    {
      const TaktCampaignProduct *cp = g_ptr_array_index (camp->products, j);
      const TaktProduct *prod = product_at (c, cp->product_index);
      gint64 units = round_half_up (total * (cp->share / share_sum));
      g_autofree DayRemainder *rem = g_new0 (DayRemainder, d_days);
      g_autofree gint64 *per_day = g_new0 (gint64, d_days);
      gint64 given = 0;

      for (gint64 i = 0; i < d_days; i++)
        {
          per_day[i] = units * weight[i] / weight_sum;
          rem[i].day = (int) i;
          rem[i].remainder = units * weight[i] % weight_sum;
          given += per_day[i];
        }
      qsort (rem, d_days, sizeof (DayRemainder), day_remainder_cmp);
      for (gint64 k = 0; k < units - given; k++)
        per_day[rem[k].day]++;

      for (gint64 i = 0; i < d_days; i++)
        {
          gint64 date = takt_day_start (camp->start) + (i + camp->lag_days) * TAKT_DAY_S;
          g_autofree char *date_str = takt_format_date (date);

          add_demand (c, g_strdup_printf ("campaign:%s:%s:%s", camp->id, prod->id, date_str),
                      cp->product_index, per_day[i], date + TAKT_DAY_S);
        }
    }
}

static int
demand_due_cmp (gconstpointer a,
                gconstpointer b)
{
  const Demand *x = *(Demand **) a, *y = *(Demand **) b;

  if (x->due != y->due)
    return x->due < y->due ? -1 : 1;
  return strcmp (x->name, y->name);
}

static void
expand_demand (Check *c)
{
  const TaktPlan *plan = c->plan;
  guint n_products = plan->products->len;

  for (guint i = 0; i < plan->orders->len; i++)
    {
      const TaktOrder *o = g_ptr_array_index (plan->orders, i);
      add_demand (c, g_strdup (o->id), o->product_index, o->quantity, o->due);
    }
  for (guint i = 0; i < plan->forecast->len; i++)
    {
      const TaktForecast *f = g_ptr_array_index (plan->forecast, i);
      g_autofree char *date_str = takt_format_date (f->date);

      add_demand (c, g_strdup_printf ("forecast:%s:%s", product_at (c, f->product_index)->id, date_str),
                  f->product_index, f->quantity, takt_day_start (f->date) + TAKT_DAY_S);
    }
  for (guint i = 0; i < plan->campaigns->len; i++)
    expand_campaign (c, g_ptr_array_index (plan->campaigns, i));

  c->per_product = g_new0 (GPtrArray *, n_products);
  for (guint p = 0; p < n_products; p++)
    c->per_product[p] = g_ptr_array_new ();
  for (guint i = 0; i < c->demands->len; i++)
    {
      Demand *d = g_ptr_array_index (c->demands, i);
      g_ptr_array_add (c->per_product[d->product], d);
    }
  /* Initial stock covers the earliest-due demand first. */
  for (guint p = 0; p < n_products; p++)
    {
      GPtrArray *list = c->per_product[p];
      gint64 stock = product_at (c, p)->initial_stock;

      g_ptr_array_sort (list, demand_due_cmp);
      for (guint i = 0; i < list->len; i++)
        {
          Demand *d = g_ptr_array_index (list, i);
          Demand *prev = i > 0 ? g_ptr_array_index (list, i - 1) : NULL;

          d->from_stock = MIN (stock, d->quantity);
          stock -= d->from_stock;
          d->group = (prev != NULL && prev->due == d->due) ? prev->group : (int) i;
        }
    }
}

/* ---- runs ---- */

static char *
fmt_time (gint64 t)
{
  if (t == G_MININT64 || t == G_MAXINT64)
    return g_strdup ("(none)");
  return takt_format_datetime (t, TRUE);
}

typedef struct
{
  int    station;
  gint64 machine;
  gint64 from;
  gint64 to;
  guint  run;
  guint  step;
} Busy;

static int
busy_cmp (gconstpointer a,
          gconstpointer b)
{
  const Busy *x = a, *y = b;

  if (x->station != y->station)
    return x->station - y->station;
  if (x->machine != y->machine)
    return x->machine < y->machine ? -1 : 1;
  if (x->from != y->from)
    return x->from < y->from ? -1 : 1;
  return (x->run > y->run) - (x->run < y->run);
}

/* Times every unit of @run from its steps' starts and checks the steps.
 * Returns the units' finish times (leaving the last step), or NULL when the
 * run could not be timed. */
static GArray *
time_run (Check         *c,
          const TaktRun *run,
          const char    *label)
{
  const TaktPlan *plan = c->plan;
  const TaktProduct *prod = product_at (c, run->product_index);
  g_autofree gint64 *prev = g_new0 (gint64, run->quantity);
  g_autofree gint64 *leave = g_new0 (gint64, run->quantity);
  GArray *finishes;

  for (guint k = 0; k < run->steps->len; k++)
    {
      const TaktRunStep *rs = &g_array_index (run->steps, TaktRunStep, k);
      const TaktStep *step = g_ptr_array_index (prod->routing, k);
      const TaktStation *st = g_ptr_array_index (plan->stations, step->station_index);
      const Cal *cal = &c->cals[step->station_index];
      g_autofree char *start_s = fmt_time (rs->start);
      gint64 next;

      /* Nothing starts before the horizon, except a pin placed there. */
      if (rs->setup_start < plan->horizon_start && !run->pinned)
        violation (c, "%s step %u (%s): setup starts before the horizon", label, k + 1, st->id);
      if (rs->setup_start > rs->start)
        violation (c, "%s step %u (%s): setup_start after start", label, k + 1, st->id);
      else if (cal_measure (cal, rs->setup_start, rs->start) < step->setup_s)
        violation (c, "%s step %u (%s): setup of %" G_GINT64_FORMAT " s does not fit in the working "
                   "time between setup_start and start %s (%" G_GINT64_FORMAT " s)",
                   label, k + 1, st->id, step->setup_s, start_s,
                   cal_measure (cal, rs->setup_start, rs->start));
      if (!cal_next (cal, rs->start, &next))
        {
          violation (c, "%s step %u (%s): starts at %s but the station never works again",
                     label, k + 1, st->id, start_s);
          return NULL;
        }
      if (next != rs->start)
        {
          g_autofree char *next_s = fmt_time (next);

          violation (c, "%s step %u (%s): starts at %s, outside working time (next working "
                     "instant %s)", label, k + 1, st->id, start_s, next_s);
        }
      if (k > 0 && rs->start < prev[0])
        {
          g_autofree char *ready = fmt_time (prev[0]);
          violation (c, "%s step %u (%s): starts at %s before its first unit has left the "
                     "previous step (%s)", label, k + 1, st->id, start_s, ready);
        }

      /* One-piece flow: a unit begins when it has left the previous step
       * and the unit before it has left this one, in working time. */
      for (gint64 u = 0; u < run->quantity; u++)
        {
          gint64 ready = u == 0 ? rs->start : leave[u - 1];

          if (k > 0 && u > 0)
            ready = MAX (ready, prev[u]);
          if (!cal_add (cal, ready, step->cycle_s, &leave[u]))
            {
              violation (c, "%s step %u (%s): unit %" G_GINT64_FORMAT " cannot be finished, "
                         "the station stops working", label, k + 1, st->id, u + 1);
              return NULL;
            }
        }
      if (rs->end != leave[run->quantity - 1])
        {
          g_autofree char *end_s = fmt_time (rs->end);
          g_autofree char *want = fmt_time (leave[run->quantity - 1]);

          violation (c, "%s step %u (%s): end %s, but its last unit leaves at %s "
                     "(one-piece flow from start %s)", label, k + 1, st->id, end_s, want, start_s);
        }
      memcpy (prev, leave, sizeof (gint64) * run->quantity);
    }

  finishes = g_array_sized_new (FALSE, FALSE, sizeof (gint64), run->quantity);
  g_array_append_vals (finishes, leave, run->quantity);
  return finishes;
}

static gboolean
check_run_shape (Check         *c,
                 const TaktRun *run,
                 const char    *label)
{
  const TaktPlan *plan = c->plan;
  const TaktProduct *prod;
  gboolean ok = TRUE;

  if (run->product_index < 0 || run->product_index >= (int) plan->products->len)
    {
      violation (c, "%s: no such product (index %d)", label, run->product_index);
      return FALSE;
    }
  prod = product_at (c, run->product_index);
  if (run->quantity < 1)
    {
      violation (c, "%s: quantity %" G_GINT64_FORMAT " < 1", label, run->quantity);
      return FALSE;
    }
  if (!run->pinned && run->quantity < prod->min_run)
    violation (c, "%s: quantity %" G_GINT64_FORMAT " below min_run %" G_GINT64_FORMAT,
               label, run->quantity, prod->min_run);
  if (!run->pinned && prod->max_run > 0 && run->quantity > prod->max_run)
    violation (c, "%s: quantity %" G_GINT64_FORMAT " above max_run %" G_GINT64_FORMAT,
               label, run->quantity, prod->max_run);
  if (run->steps == NULL || run->steps->len != prod->routing->len)
    {
      violation (c, "%s: %u steps for a routing of %u", label,
                 run->steps != NULL ? run->steps->len : 0, prod->routing->len);
      return FALSE;
    }
  for (guint k = 0; k < run->steps->len; k++)
    {
      const TaktRunStep *rs = &g_array_index (run->steps, TaktRunStep, k);
      const TaktStep *step = g_ptr_array_index (prod->routing, k);
      const TaktStation *st = g_ptr_array_index (plan->stations, step->station_index);

      if (rs->station_index != step->station_index)
        {
          violation (c, "%s step %u: at station index %d, its routing says %s",
                     label, k + 1, rs->station_index, st->id);
          ok = FALSE;
        }
      if (rs->machine < 1 || rs->machine > st->machines)
        {
          violation (c, "%s step %u (%s): machine %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT,
                     label, k + 1, st->id, rs->machine, st->machines);
          ok = FALSE;
        }
      if (rs->end <= rs->start)
        violation (c, "%s step %u (%s): ends before it starts", label, k + 1, st->id);
    }
  return ok;
}

static void
check_overlaps (Check              *c,
                const TaktSchedule *schedule,
                const gboolean     *shaped,
                const TaktPlanStats *stats)
{
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (Busy));
  gboolean pin_overlap = FALSE;

  for (guint r = 0; r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);

      if (!shaped[r])
        continue;
      for (guint k = 0; k < run->steps->len; k++)
        {
          const TaktRunStep *rs = &g_array_index (run->steps, TaktRunStep, k);
          Busy b = { rs->station_index, rs->machine, MIN (rs->setup_start, rs->start), rs->end, r, k };

          g_array_append_val (busy, b);
        }
    }
  g_array_sort (busy, busy_cmp);
  for (guint i = 0; i < busy->len; i++)
    {
      const Busy *a = &g_array_index (busy, Busy, i);

      for (guint j = i + 1; j < busy->len; j++)
        {
          const Busy *b = &g_array_index (busy, Busy, j);
          const TaktRun *ra, *rb;

          if (b->station != a->station || b->machine != a->machine || b->from >= a->to)
            break;
          if (b->run == a->run)
            continue;
          ra = g_ptr_array_index (schedule->runs, a->run);
          rb = g_ptr_array_index (schedule->runs, b->run);
          if (ra->pinned && rb->pinned)
            {
              /* Two pins may clash: both are kept and the clash reported. */
              pin_overlap = TRUE;
              continue;
            }
          {
            const TaktStation *st = g_ptr_array_index (c->plan->stations, a->station);
            g_autofree char *a_from = fmt_time (a->from);
            g_autofree char *a_to = fmt_time (a->to);
            g_autofree char *b_from = fmt_time (b->from);
            g_autofree char *b_to = fmt_time (b->to);

            violation (c, "station %s machine %" G_GINT64_FORMAT ": run %s [%s, %s) overlaps run %s [%s, %s)",
                       st->id, a->machine, ra->id, a_from, a_to, rb->id, b_from, b_to);
          }
        }
    }
  if (pin_overlap && stats != NULL && (stats->conflicts == NULL || stats->conflicts->len == 0))
    violation (c, "two pinned runs overlap on a machine but no conflict is reported");
}

static void
check_pins (Check              *c,
            const TaktSchedule *schedule,
            const gboolean     *shaped)
{
  const TaktPlan *plan = c->plan;
  g_autofree gboolean *used = g_new0 (gboolean, schedule->runs->len);
  guint pinned_runs = 0;

  for (guint r = 0; r < schedule->runs->len; r++)
    if (((TaktRun *) g_ptr_array_index (schedule->runs, r))->pinned)
      pinned_runs++;
  if (pinned_runs != plan->pins->len)
    violation (c, "%u pins but %u pinned runs", plan->pins->len, pinned_runs);

  for (guint i = 0; i < plan->pins->len; i++)
    {
      const TaktPin *pin = g_ptr_array_index (plan->pins, i);
      const Cal *cal = &c->cals[pin->station_index];
      g_autofree char *pin_s = fmt_time (pin->start);
      gint64 at = pin->start;
      gboolean found = FALSE;

      if (!cal_next (cal, pin->start, &at))
        at = G_MAXINT64;
      for (guint r = 0; r < schedule->runs->len && !found; r++)
        {
          const TaktRun *run = g_ptr_array_index (schedule->runs, r);
          const TaktRunStep *first;

          if (used[r] || !shaped[r] || !run->pinned || run->product_index != pin->product_index ||
              run->quantity != pin->quantity)
            continue;
          first = &g_array_index (run->steps, TaktRunStep, 0);
          if (first->station_index != pin->station_index || first->machine != pin->machine)
            continue;
          /* "Starts its first step at start (or the next working instant)":
           * either the first unit or the setup before it begins there. */
          if (first->start == at || first->setup_start == at || first->setup_start == pin->start)
            {
              used[r] = TRUE;
              found = TRUE;
            }
        }
      if (!found)
        violation (c, "pin %u (%s × %" G_GINT64_FORMAT " on %s machine %" G_GINT64_FORMAT " at %s) "
                   "is not kept by any pinned run", i + 1, pin->product, pin->quantity,
                   pin->station, pin->machine, pin_s);
    }
}

static void
check_covers (Check              *c,
              const TaktSchedule *schedule,
              gint64             *unmet)
{
  guint n_products = c->plan->products->len;

  *unmet = 0;
  for (guint r = 0; r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);
      gint64 sum = 0;

      for (guint i = 0; run->covers != NULL && i < run->covers->len; i++)
        {
          const TaktCover *cover = &g_array_index (run->covers, TaktCover, i);
          Demand *d = cover->demand != NULL ? g_hash_table_lookup (c->by_name, cover->demand) : NULL;

          if (d == NULL)
            {
              violation (c, "run %s covers an unknown demand \"%s\"", run->id,
                         cover->demand != NULL ? cover->demand : "(null)");
              continue;
            }
          if (d->product != run->product_index)
            violation (c, "run %s covers demand %s of another product", run->id, d->name);
          if (cover->quantity < 1)
            violation (c, "run %s covers %" G_GINT64_FORMAT " units of %s", run->id,
                       cover->quantity, d->name);
          d->covered += cover->quantity;
          sum += cover->quantity;
        }
      if (sum > run->quantity)
        violation (c, "run %s covers %" G_GINT64_FORMAT " units but makes %" G_GINT64_FORMAT,
                   run->id, sum, run->quantity);
    }

  for (guint p = 0; p < n_products; p++)
    {
      GPtrArray *list = c->per_product[p];

      for (guint i = 0; i < list->len; i++)
        {
          Demand *d = g_ptr_array_index (list, i);
          gint64 need = 0, covered = 0;
          guint j;

          if (d->covered > d->quantity)
            violation (c, "demand %s (%" G_GINT64_FORMAT " units) is covered %" G_GINT64_FORMAT " times",
                       d->name, d->quantity, d->covered);
          if (d->group != (int) i)
            continue;
          /* Demands due at the same instant share the stock in any order:
           * check them as a group. */
          for (j = i; j < list->len && ((Demand *) g_ptr_array_index (list, j))->group == (int) i; j++)
            {
              const Demand *e = g_ptr_array_index (list, j);

              need += e->quantity - e->from_stock;
              covered += e->covered;
            }
          if (!c->makeable[p])
            {
              *unmet += need;
              if (covered > 0)
                violation (c, "demand %s of %s, which cannot be made, is covered", d->name,
                           product_at (c, p)->id);
            }
          else if (covered != need)
            {
              if (j - i == 1)
                violation (c, "demand %s: %" G_GINT64_FORMAT " units to make (%" G_GINT64_FORMAT
                           " ordered, %" G_GINT64_FORMAT " from stock), %" G_GINT64_FORMAT " covered",
                           d->name, need, d->quantity, d->from_stock, covered);
              else
                violation (c, "demands due with %s: %" G_GINT64_FORMAT " units to make after stock, "
                           "%" G_GINT64_FORMAT " covered", d->name, need, covered);
            }
        }
    }
}

static int
gint64_cmp (gconstpointer a,
            gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Costs from scratch: each product's units, first finished to first due. */
static void
compute_costs (Check              *c,
               TaktCheckerFigures *fig)
{
  gint64 horizon_end = c->plan->horizon_start + c->plan->horizon_days * TAKT_DAY_S;

  for (guint p = 0; p < c->plan->products->len; p++)
    {
      const TaktProduct *prod = product_at (c, p);
      GArray *fin = c->finishes[p];
      GPtrArray *list = c->per_product[p];
      guint next = 0;

      g_array_sort (fin, gint64_cmp);
      for (guint i = 0; i < list->len; i++)
        {
          const Demand *d = g_ptr_array_index (list, i);

          for (gint64 n = d->from_stock; n < d->quantity && next < fin->len; n++)
            {
              gint64 f = g_array_index (fin, gint64, next++);

              if (f < d->due)
                fig->holding += prod->holding_cost_per_day * (double) (d->due - f) / 86400.0;
              else if (f > d->due)
                {
                  fig->tardiness += prod->late_cost_per_day * (double) (f - d->due) / 86400.0;
                  fig->late_units++;
                }
            }
        }
      /* Surplus: held from its finish to the end of the horizon. */
      for (; next < fin->len; next++)
        {
          gint64 f = g_array_index (fin, gint64, next);

          if (f < horizon_end)
            fig->holding += prod->holding_cost_per_day * (double) (horizon_end - f) / 86400.0;
        }
    }
  fig->total = fig->holding + fig->tardiness + fig->setup;
}

static gboolean
same_cost (double a,
           double b)
{
  return fabs (a - b) <= 1e-9 * MAX (fabs (a), fabs (b)) + 1e-12;
}

static void
compare_cost (Check      *c,
              const char *who,
              const char *what,
              double      reported,
              double      computed)
{
  if (!same_cost (reported, computed))
    violation (c, "%s %s %.17g, recomputed %.17g (difference %.3g)", who, what, reported,
               computed, reported - computed);
}

static void
compare_count (Check      *c,
               const char *what,
               gint64      reported,
               gint64      computed)
{
  if (reported != computed)
    violation (c, "stats %s %" G_GINT64_FORMAT ", recomputed %" G_GINT64_FORMAT, what, reported,
               computed);
}

GPtrArray *
takt_schedule_checker_run (const TaktPlan      *plan,
                           const TaktSchedule  *schedule,
                           const TaktPlanStats *stats,
                           TaktCheckerFigures  *figures)
{
  Check c = { 0 };
  TaktCheckerFigures fig = { 0 };
  guint n_stations, n_products;
  g_autofree gboolean *shaped = NULL;
  g_autoptr(GHashTable) run_ids = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 unmet = 0;
  gint64 last_finish = G_MININT64;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (schedule != NULL, NULL);

  n_stations = plan->stations->len;
  n_products = plan->products->len;
  c.plan = plan;
  c.violations = g_ptr_array_new_with_free_func (g_free);
  c.cals = g_new0 (Cal, n_stations);
  c.makeable = g_new0 (gboolean, n_products);
  c.demands = g_ptr_array_new_with_free_func ((GDestroyNotify) demand_free);
  c.by_name = g_hash_table_new (g_str_hash, g_str_equal);
  c.finishes = g_new0 (GArray *, n_products);
  fig.timed = TRUE;

  for (guint s = 0; s < n_stations; s++)
    cal_init (&c.cals[s], takt_plan_station_calendar (plan, (int) s));
  for (guint p = 0; p < n_products; p++)
    {
      const TaktProduct *prod = product_at (&c, (int) p);
      gint64 ignored;

      c.makeable[p] = TRUE;
      for (guint k = 0; k < prod->routing->len; k++)
        {
          const TaktStep *step = g_ptr_array_index (prod->routing, k);

          if (!cal_next (&c.cals[step->station_index], plan->horizon_start, &ignored))
            c.makeable[p] = FALSE;
        }
      c.finishes[p] = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  expand_demand (&c);
  for (guint i = 0; i < c.demands->len; i++)
    fig.demanded_units += ((Demand *) g_ptr_array_index (c.demands, i))->quantity;
  for (guint i = 0; i < plan->campaigns->len; i++)
    fig.campaign_spend += ((TaktCampaign *) g_ptr_array_index (plan->campaigns, i))->spend;

  /* Each run on its own. */
  shaped = g_new0 (gboolean, schedule->runs->len);
  for (guint r = 0; r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);
      g_autofree char *label = NULL;
      g_autoptr(GArray) fin = NULL;

      label = g_strdup_printf ("run %s (%s × %" G_GINT64_FORMAT "%s)",
                               run->id != NULL ? run->id : "(no id)",
                               run->product_index >= 0 && run->product_index < (int) n_products
                                 ? product_at (&c, run->product_index)->id : "?",
                               run->quantity, run->pinned ? ", pinned" : "");
      if (run->id == NULL || run->id[0] == '\0')
        violation (&c, "%s: no id", label);
      else if (!g_hash_table_add (run_ids, run->id))
        violation (&c, "%s: the id is used twice", label);

      fig.runs++;
      shaped[r] = check_run_shape (&c, run, label);
      if (!shaped[r])
        {
          fig.timed = FALSE;
          continue;
        }
      fig.units += run->quantity;
      fig.setup += product_at (&c, run->product_index)->setup_cost;
      if (!c.makeable[run->product_index])
        violation (&c, "%s: its product cannot be made (a station of its routing never works)", label);
      fin = time_run (&c, run, label);
      if (fin == NULL)
        {
          fig.timed = FALSE;
          continue;
        }
      last_finish = MAX (last_finish, g_array_index (fin, gint64, fin->len - 1));
      g_array_append_vals (c.finishes[run->product_index], fin->data, fin->len);
    }

  check_overlaps (&c, schedule, shaped, stats);
  check_pins (&c, schedule, shaped);
  check_covers (&c, schedule, &unmet);
  fig.unmet_units = unmet;
  fig.makespan_s = last_finish == G_MININT64 ? 0 : last_finish - plan->horizon_start;

  if (fig.timed)
    {
      compute_costs (&c, &fig);
      compare_cost (&c, "schedule", "total", schedule->total, fig.total);
      compare_cost (&c, "schedule", "holding", schedule->holding, fig.holding);
      compare_cost (&c, "schedule", "tardiness", schedule->tardiness, fig.tardiness);
      compare_cost (&c, "schedule", "setup", schedule->setup, fig.setup);
      if (stats != NULL)
        {
          compare_cost (&c, "stats", "total", stats->total, fig.total);
          compare_cost (&c, "stats", "holding", stats->holding, fig.holding);
          compare_cost (&c, "stats", "tardiness", stats->tardiness, fig.tardiness);
          compare_cost (&c, "stats", "setup", stats->setup, fig.setup);
          compare_count (&c, "late_units", stats->late_units, fig.late_units);
          compare_count (&c, "makespan_s", stats->makespan_s, fig.makespan_s);
        }
    }
  if (stats != NULL)
    {
      compare_cost (&c, "stats", "campaign_spend", stats->campaign_spend, fig.campaign_spend);
      compare_count (&c, "runs", stats->runs, fig.runs);
      compare_count (&c, "units", stats->units, fig.units);
      compare_count (&c, "unmet_units", stats->unmet_units, fig.unmet_units);
    }

  if (c.dropped > 0)
    g_ptr_array_add (c.violations, g_strdup_printf ("… and %u more", c.dropped));

  if (figures != NULL)
    *figures = fig;

  for (guint s = 0; s < n_stations; s++)
    cal_clear (&c.cals[s]);
  for (guint p = 0; p < n_products; p++)
    {
      g_ptr_array_unref (c.per_product[p]);
      g_array_unref (c.finishes[p]);
    }
  g_free (c.per_product);
  g_free (c.finishes);
  g_free (c.cals);
  g_free (c.makeable);
  g_hash_table_unref (c.by_name);
  g_ptr_array_unref (c.demands);
  return c.violations;
}

char *
takt_schedule_checker_format (GPtrArray *violations)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (violations != NULL, NULL);

  for (guint i = 0; i < violations->len; i++)
    g_string_append_printf (s, "%s\n", (const char *) g_ptr_array_index (violations, i));
  return g_string_free (s, FALSE);
}
