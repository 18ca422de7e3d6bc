/* takt-export-csv.c — a computed plan as CSV for the ERP and the spreadsheet
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fulfilment and daily-cost exports need each unit's finish.  They
 * follow from the start of each step of a run by one-piece flow on the
 * stations' working time (plan format, "products"), which is recomputed
 * here; the units are then matched to the demand as the format defines
 * costs.
 */

#define G_LOG_DOMAIN "takt-export-csv"

#include "takt-export-csv.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "takt-calendar.h"
#include "takt-csv.h"
#include "takt-demand.h"
#include "takt-plan-private.h"
#include "takt-time.h"

/* More units than this in one schedule are refused rather than simulated. */
#define MAX_UNITS ((gint64) 100000000)
/* "on time": the last unit finishes at most this long before the due time. */
#define ON_TIME_WINDOW_S TAKT_DAY_S

static const char * const export_names[TAKT_CSV_N_EXPORTS] = {
  "runs", "fulfilment", "costs",
};

void
takt_csv_options_init (TaktCsvOptions *options)
{
  g_return_if_fail (options != NULL);

  options->delimiter = ',';
  options->bom = FALSE;
}

void
takt_csv_options_init_excel (TaktCsvOptions *options)
{
  g_return_if_fail (options != NULL);

  options->delimiter = ';';
  options->bom = TRUE;
}

const char *
takt_csv_export_to_string (TaktCsvExport what)
{
  g_return_val_if_fail (what < TAKT_CSV_N_EXPORTS, NULL);

  return export_names[what];
}

gboolean
takt_csv_export_from_string (const char    *str,
                             TaktCsvExport *what)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (int i = 0; i < TAKT_CSV_N_EXPORTS; i++)
    if (strcmp (str, export_names[i]) == 0)
      {
        if (what != NULL)
          *what = (TaktCsvExport) i;
        return TRUE;
      }
  return FALSE;
}

char *
takt_csv_export_sibling_path (const char    *path,
                              TaktCsvExport  what)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  const char *dot;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (what < TAKT_CSV_N_EXPORTS, NULL);

  if (what == TAKT_CSV_EXPORT_RUNS)
    return g_strdup (path);
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    name = g_strdup_printf ("%.*s-%s%s", (int) (dot - base), base, export_names[what], dot);
  else
    name = g_strdup_printf ("%s-%s.csv", base, export_names[what]);
  return g_build_filename (dir, name, NULL);
}

/* ---- units and their matching ---- */

typedef struct
{
  gint64 begin;       /* the unit starts at the run's first step (absolute) */
  gint64 finish;      /* it leaves the last step (absolute) */
  guint  run;
  guint  k;
} Unit;

typedef struct
{
  guint  run;
  gint64 quantity;
} Share;

typedef struct
{
  gint64  finish;     /* G_MININT64: no unit */
  gint64  late_units;
  gint64  unmet;
  GArray *shares;     /* of Share */
} Outcome;

typedef enum
{
  SPAN_HOLD,          /* units held at a cost (and in stock) */
  SPAN_LATE,          /* a late unit's tardiness */
  SPAN_STOCK,         /* initial stock on hand, at no cost */
} SpanKind;

typedef struct
{
  gint64   a, b;      /* [a, b), absolute */
  gint64   count;     /* units */
  int      product;
  SpanKind kind;
} Span;

typedef struct
{
  const TaktPlan     *plan;
  const TaktSchedule *schedule;
  GArray             *demands;   /* of TaktDemand */
  Outcome            *outcomes;  /* per demand */
  GArray             *units;     /* of Unit: every unit made, grouped by product */
  GArray             *spans;     /* of Span, grouped by product */
} Evaluation;

static void
evaluation_free (Evaluation *ev)
{
  if (ev == NULL)
    return;
  if (ev->outcomes != NULL)
    for (guint i = 0; i < ev->demands->len; i++)
      g_clear_pointer (&ev->outcomes[i].shares, g_array_unref);
  g_free (ev->outcomes);
  g_clear_pointer (&ev->demands, g_array_unref);
  g_clear_pointer (&ev->units, g_array_unref);
  g_clear_pointer (&ev->spans, g_array_unref);
  g_free (ev);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Evaluation, evaluation_free)

static int
compare_units (gconstpointer a,
               gconstpointer b)
{
  const Unit *x = a;
  const Unit *y = b;

  if (x->finish != y->finish)
    return x->finish < y->finish ? -1 : 1;
  if (x->run != y->run)
    return x->run < y->run ? -1 : 1;
  return (x->k > y->k) - (x->k < y->k);
}

/* One-piece flow through @run: at each step a unit starts when it has
 * left the previous step, the previous unit has left this step, the step
 * has started (its setup is done) and a shift is open.  Appends the units
 * that finish to @units. */
static void
simulate_run (const TaktPlan  *plan,
              TaktWorkTime   **work_times,
              guint            r,
              const TaktRun   *run,
              GArray          *units)
{
  const TaktProduct *product = g_ptr_array_index (plan->products, run->product_index);
  gint64 origin = plan->horizon_start;
  gint64 q = run->quantity;
  g_autofree gint64 *begin = NULL;
  g_autofree gint64 *done = NULL;

  if (q <= 0)
    return;
  begin = g_new (gint64, q);
  done = g_new (gint64, q);

  for (guint j = 0; j < run->steps->len; j++)
    {
      const TaktRunStep *rs = &g_array_index (run->steps, TaktRunStep, j);
      const TaktStep *step = g_ptr_array_index (product->routing, j);
      const TaktWorkTime *wt = work_times[rs->station_index];
      gint64 start = rs->start - origin;
      gint64 previous = start;

      for (gint64 k = 0; k < q; k++)
        {
          gint64 ready = j == 0 ? previous : MAX (done[k], previous);

          if (ready == TAKT_TIME_NEVER)
            {
              if (j == 0)
                begin[k] = TAKT_TIME_NEVER;
              done[k] = previous = TAKT_TIME_NEVER;
              continue;
            }
          if (j == 0)
            begin[k] = takt_work_time_next (wt, ready);
          done[k] = takt_work_time_add (wt, ready, step->cycle_s);
          previous = done[k];
        }
    }

  for (gint64 k = 0; k < q; k++)
    {
      Unit u;

      if (done[k] == TAKT_TIME_NEVER || begin[k] == TAKT_TIME_NEVER)
        continue;
      u.begin = begin[k] + origin;
      u.finish = done[k] + origin;
      u.run = r;
      u.k = (guint) k;
      g_array_append_val (units, u);
    }
}

static void
add_share (Outcome *outcome,
           guint    run)
{
  if (outcome->shares == NULL)
    outcome->shares = g_array_new (FALSE, FALSE, sizeof (Share));
  for (guint i = outcome->shares->len; i > 0; i--)
    {
      Share *s = &g_array_index (outcome->shares, Share, i - 1);

      if (s->run == run)
        {
          s->quantity++;
          return;
        }
    }
  {
    Share s = { run, 1 };

    g_array_append_val (outcome->shares, s);
  }
}

static void
add_span (GArray   *spans,
          gint64    a,
          gint64    b,
          int       product,
          SpanKind  kind,
          gint64    count)
{
  Span s = { a, b, count, product, kind };

  if (b > a && count > 0)
    g_array_append_val (spans, s);
}

static Evaluation *
evaluate (const TaktPlan     *plan,
          const TaktSchedule *schedule,
          GError            **error)
{
  g_autoptr(Evaluation) ev = g_new0 (Evaluation, 1);
  g_autofree TaktWorkTime **work_times = NULL;
  g_autofree GArray **by_product = NULL;
  gint64 horizon_end = plan->horizon_start + plan->horizon_days * TAKT_DAY_S;
  gint64 last = horizon_end;
  gint64 n_units = 0;
  guint n_products = plan->products->len;
  guint d = 0;

  ev->plan = plan;
  ev->schedule = schedule;

  for (guint r = 0; r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);

      n_units += MAX (run->quantity, 0);
      for (guint j = 0; j < run->steps->len; j++)
        last = MAX (last, g_array_index (run->steps, TaktRunStep, j).end);
    }
  if (n_units > MAX_UNITS)
    {
      g_set_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_TOO_LARGE,
                   "the schedule makes %" G_GINT64_FORMAT " units; more than %" G_GINT64_FORMAT
                   " are not exported", n_units, MAX_UNITS);
      return NULL;
    }

  work_times = g_new0 (TaktWorkTime *, plan->stations->len);
  for (guint s = 0; s < plan->stations->len; s++)
    work_times[s] = takt_work_time_new (takt_plan_station_calendar (plan, (int) s),
                                        plan->horizon_start,
                                        last - plan->horizon_start + 7 * TAKT_DAY_S);

  by_product = g_new0 (GArray *, n_products);
  for (guint p = 0; p < n_products; p++)
    by_product[p] = g_array_new (FALSE, FALSE, sizeof (Unit));
  for (guint r = 0; r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);

      simulate_run (plan, work_times, r, run, by_product[run->product_index]);
    }
  for (guint s = 0; s < plan->stations->len; s++)
    takt_work_time_free (work_times[s]);

  ev->demands = takt_demand_collect (plan);
  ev->outcomes = g_new0 (Outcome, ev->demands->len);
  ev->units = g_array_sized_new (FALSE, FALSE, sizeof (Unit), (guint) n_units);
  ev->spans = g_array_new (FALSE, FALSE, sizeof (Span));

  /* The demands come grouped by product, each group by due time. */
  for (guint p = 0; p < n_products; p++)
    {
      const TaktProduct *product = g_ptr_array_index (plan->products, p);
      GArray *units = by_product[p];
      gint64 stock_left = product->initial_stock;
      guint next = 0;

      g_array_sort (units, compare_units);
      for (; d < ev->demands->len; d++)
        {
          const TaktDemand *dem = &g_array_index (ev->demands, TaktDemand, d);
          Outcome *out = &ev->outcomes[d];
          gint64 need;

          if (dem->product_index != (int) p)
            break;
          need = dem->quantity - dem->from_stock;
          stock_left -= dem->from_stock;
          add_span (ev->spans, plan->horizon_start, dem->due, (int) p, SPAN_STOCK, dem->from_stock);
          out->finish = dem->from_stock > 0 ? plan->horizon_start : G_MININT64;
          while (need > 0 && next < units->len)
            {
              const Unit *u = &g_array_index (units, Unit, next);

              out->finish = MAX (out->finish, u->finish);
              if (u->finish > dem->due)
                {
                  out->late_units++;
                  add_span (ev->spans, dem->due, u->finish, (int) p, SPAN_LATE, 1);
                }
              else
                add_span (ev->spans, u->finish, dem->due, (int) p, SPAN_HOLD, 1);
              add_share (out, u->run);
              need--;
              next++;
            }
          out->unmet = need;
        }
      /* Unused stock and surplus: on hand to the horizon end. */
      add_span (ev->spans, plan->horizon_start, horizon_end, (int) p, SPAN_STOCK, stock_left);
      for (; next < units->len; next++)
        {
          const Unit *u = &g_array_index (units, Unit, next);

          add_span (ev->spans, u->finish, horizon_end, (int) p, SPAN_HOLD, 1);
        }
      g_array_append_vals (ev->units, units->data, units->len);
      g_clear_pointer (&by_product[p], g_array_unref);
    }

  return g_steal_pointer (&ev);
}

/* ---- writing ---- */

static void
add_instant (TaktCsvWriter *w,
             gint64         t)
{
  g_autofree char *text = takt_format_datetime (t, TRUE);

  takt_csv_writer_add_text (w, text);
}

static void
add_header (TaktCsvWriter      *w,
            const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    takt_csv_writer_add_text (w, names[i]);
  takt_csv_writer_end_record (w);
}

static void
write_runs (const TaktPlan     *plan,
            const TaktSchedule *schedule,
            TaktCsvWriter      *w)
{
  static const char * const header[] = {
    "run", "product", "product_name", "quantity", "step", "station", "station_name",
    "machine", "setup_start", "start", "end", "pinned", "covers", NULL
  };
  g_autoptr(GString) covers = g_string_new (NULL);

  add_header (w, header);
  for (guint r = 0; r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);
      const TaktProduct *product = g_ptr_array_index (plan->products, run->product_index);

      g_string_truncate (covers, 0);
      for (guint c = 0; c < run->covers->len; c++)
        {
          const TaktCover *cover = &g_array_index (run->covers, TaktCover, c);

          g_string_append_printf (covers, "%s%s:%" G_GINT64_FORMAT,
                                  c > 0 ? "; " : "", cover->demand, cover->quantity);
        }

      for (guint j = 0; j < run->steps->len; j++)
        {
          const TaktRunStep *rs = &g_array_index (run->steps, TaktRunStep, j);
          const TaktStation *station = g_ptr_array_index (plan->stations, rs->station_index);

          takt_csv_writer_add_text (w, run->id);
          takt_csv_writer_add_text (w, product->id);
          takt_csv_writer_add_text (w, product->name);
          takt_csv_writer_add_int (w, run->quantity);
          takt_csv_writer_add_int (w, (gint64) j + 1);
          takt_csv_writer_add_text (w, station->id);
          takt_csv_writer_add_text (w, station->name);
          takt_csv_writer_add_int (w, rs->machine);
          add_instant (w, rs->setup_start);
          add_instant (w, rs->start);
          add_instant (w, rs->end);
          takt_csv_writer_add_text (w, run->pinned ? "true" : "false");
          takt_csv_writer_add_text (w, covers->str);
          takt_csv_writer_end_record (w);
        }
    }
}

static int
compare_by_due (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  const TaktDemand *demands = data;
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;
  gint64 dx = demands[x].due;
  gint64 dy = demands[y].due;

  if (dx != dy)
    return dx < dy ? -1 : 1;
  return (x > y) - (x < y);
}

static const char *
demand_kind_name (TaktDemandKind kind)
{
  switch (kind)
    {
    case TAKT_DEMAND_ORDER:
      return "order";
    case TAKT_DEMAND_FORECAST:
      return "forecast";
    case TAKT_DEMAND_CAMPAIGN:
      return "campaign";
    default:
      g_return_val_if_reached ("order");
    }
}

static void
write_fulfilment (const Evaluation *ev,
                  TaktCsvWriter    *w)
{
  static const char * const header[] = {
    "demand", "kind", "product", "product_name", "customer", "quantity", "due", "from_stock",
    "finish", "lateness_h", "status", "late_units", "unmet_units", "covered_by", NULL
  };
  const TaktPlan *plan = ev->plan;
  g_autoptr(GArray) by_due = g_array_sized_new (FALSE, FALSE, sizeof (guint), ev->demands->len);
  g_autoptr(GString) shares = g_string_new (NULL);
  const guint *order;

  for (guint i = 0; i < ev->demands->len; i++)
    g_array_append_val (by_due, i);
  g_array_sort_with_data (by_due, compare_by_due, ev->demands->data);
  order = (const guint *) (gpointer) by_due->data;

  add_header (w, header);
  for (guint i = 0; i < ev->demands->len; i++)
    {
      const TaktDemand *dem = &g_array_index (ev->demands, TaktDemand, order[i]);
      const Outcome *out = &ev->outcomes[order[i]];
      const TaktProduct *product = g_ptr_array_index (plan->products, dem->product_index);
      const char *customer = NULL;
      const char *status;

      if (dem->kind == TAKT_DEMAND_ORDER)
        customer = ((const TaktOrder *) g_ptr_array_index (plan->orders, dem->source))->customer;
      if (out->unmet > 0)
        status = "unmet";
      else if (out->late_units > 0)
        status = "late";
      else if (dem->due - out->finish <= ON_TIME_WINDOW_S)
        status = "on time";
      else
        status = "early";

      g_string_truncate (shares, 0);
      for (guint k = 0; out->shares != NULL && k < out->shares->len; k++)
        {
          const Share *s = &g_array_index (out->shares, Share, k);
          const TaktRun *run = g_ptr_array_index (ev->schedule->runs, s->run);

          g_string_append_printf (shares, "%s%s:%" G_GINT64_FORMAT,
                                  k > 0 ? "; " : "", run->id, s->quantity);
        }

      takt_csv_writer_add_text (w, dem->name);
      takt_csv_writer_add_text (w, demand_kind_name (dem->kind));
      takt_csv_writer_add_text (w, product->id);
      takt_csv_writer_add_text (w, product->name);
      takt_csv_writer_add_text (w, customer);
      takt_csv_writer_add_int (w, dem->quantity);
      add_instant (w, dem->due);
      takt_csv_writer_add_int (w, dem->from_stock);
      if (out->finish == G_MININT64)
        {
          takt_csv_writer_add_empty (w);
          takt_csv_writer_add_empty (w);
        }
      else
        {
          add_instant (w, out->finish);
          takt_csv_writer_add_fixed (w, (double) (out->finish - dem->due) / 3600.0, 4);
        }
      takt_csv_writer_add_text (w, status);
      takt_csv_writer_add_int (w, out->late_units);
      takt_csv_writer_add_int (w, out->unmet);
      takt_csv_writer_add_text (w, shares->str);
      takt_csv_writer_end_record (w);
    }
}

static gint64
ceil_div (gint64 a,
          gint64 b)
{
  /* a >= 0, b > 0 */
  return (a + b - 1) / b;
}

/* Adds the seconds of [a, b) to the days they fall on: partial days in
 * @secs, whole days as +1/−1 marks in @whole. */
static void
spread_seconds (gint64  day0,
                gint64  a,
                gint64  b,
                gint64 *secs,
                gint64 *whole,
                gint64 *lo,
                gint64 *hi)
{
  gint64 ia = (a - day0) / TAKT_DAY_S;
  gint64 ib = (b - 1 - day0) / TAKT_DAY_S;

  if (ia == ib)
    secs[ia] += b - a;
  else
    {
      secs[ia] += day0 + (ia + 1) * TAKT_DAY_S - a;
      secs[ib] += b - (day0 + ib * TAKT_DAY_S);
      if (ib > ia + 1)
        {
          whole[ia + 1]++;
          whole[ib]--;
        }
    }
  *lo = MIN (*lo, ia);
  *hi = MAX (*hi, ib);
}

/* Marks the day ends (24:00) that lie in [a, b) in the difference array
 * @count (n_days + 1 entries). */
static void
mark_day_ends (gint64  day0,
               gint64  a,
               gint64  b,
               gint64  units,
               gint64 *count)
{
  gint64 first = MAX (ceil_div (a - day0, TAKT_DAY_S) - 1, 0);
  gint64 last = ceil_div (b - day0, TAKT_DAY_S) - 2;

  if (last >= first)
    {
      count[first] += units;
      count[last + 1] -= units;
    }
}

/* Turns one product's seconds per day into costs at @rate per day. */
static void
flush_product (double  rate,
               gint64 *secs,
               gint64 *whole,
               gint64  lo,
               gint64  hi,
               double *cost)
{
  gint64 days = 0;

  for (gint64 d = lo; d <= hi; d++)
    {
      days += whole[d];
      whole[d] = 0;
      cost[d] += rate * (double) (secs[d] + days * TAKT_DAY_S) / (double) TAKT_DAY_S;
      secs[d] = 0;
    }
}

static void
write_daily_costs (const Evaluation *ev,
                   TaktCsvWriter    *w)
{
  static const char * const header[] = {
    "date", "holding", "setup", "tardiness", "total", "finished_stock", "wip", NULL
  };
  const TaktPlan *plan = ev->plan;
  const TaktSchedule *schedule = ev->schedule;
  gint64 horizon_end = plan->horizon_start + plan->horizon_days * TAKT_DAY_S;
  gint64 first = plan->horizon_start;
  gint64 last = horizon_end;
  gint64 day0;
  gint64 n_days;
  g_autofree double *holding = NULL;
  g_autofree double *tardiness = NULL;
  g_autofree double *setup = NULL;
  g_autofree gint64 *hold_secs = NULL;
  g_autofree gint64 *hold_whole = NULL;
  g_autofree gint64 *late_secs = NULL;
  g_autofree gint64 *late_whole = NULL;
  g_autofree gint64 *stock = NULL;
  g_autofree gint64 *wip = NULL;
  gint64 stock_now = 0;
  gint64 wip_now = 0;
  guint i;

  /* The days that anything touches. */
  for (i = 0; i < ev->spans->len; i++)
    {
      const Span *s = &g_array_index (ev->spans, Span, i);

      first = MIN (first, s->a);
      last = MAX (last, s->b);
    }
  for (i = 0; i < ev->units->len; i++)
    {
      const Unit *u = &g_array_index (ev->units, Unit, i);

      first = MIN (first, u->begin);
      last = MAX (last, u->finish);
    }
  for (i = 0; i < schedule->runs->len; i++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, i);

      for (guint j = 0; j < run->steps->len; j++)
        {
          gint64 t = g_array_index (run->steps, TaktRunStep, j).setup_start;

          first = MIN (first, t);
          last = MAX (last, t + 1);
        }
    }
  day0 = takt_day_start (first);
  n_days = MAX (ceil_div (last - day0, TAKT_DAY_S), 1);

  holding = g_new0 (double, n_days);
  tardiness = g_new0 (double, n_days);
  setup = g_new0 (double, n_days);
  hold_secs = g_new0 (gint64, n_days + 1);
  hold_whole = g_new0 (gint64, n_days + 1);
  late_secs = g_new0 (gint64, n_days + 1);
  late_whole = g_new0 (gint64, n_days + 1);
  stock = g_new0 (gint64, n_days + 1);
  wip = g_new0 (gint64, n_days + 1);

  /* Holding and tardiness, one product at a time, so that each day's
   * amount is rate × seconds / 86400 as in the plan's totals. */
  i = 0;
  while (i < ev->spans->len)
    {
      int p = g_array_index (ev->spans, Span, i).product;
      const TaktProduct *product = g_ptr_array_index (plan->products, p);
      gint64 hold_lo = G_MAXINT64, hold_hi = -1;
      gint64 late_lo = G_MAXINT64, late_hi = -1;

      for (; i < ev->spans->len && g_array_index (ev->spans, Span, i).product == p; i++)
        {
          const Span *s = &g_array_index (ev->spans, Span, i);

          switch (s->kind)
            {
            case SPAN_HOLD:
              spread_seconds (day0, s->a, s->b, hold_secs, hold_whole, &hold_lo, &hold_hi);
              mark_day_ends (day0, s->a, s->b, s->count, stock);
              break;
            case SPAN_STOCK:
              mark_day_ends (day0, s->a, s->b, s->count, stock);
              break;
            case SPAN_LATE:
              spread_seconds (day0, s->a, s->b, late_secs, late_whole, &late_lo, &late_hi);
              break;
            default:
              g_assert_not_reached ();
            }
        }
      flush_product (product->holding_cost_per_day, hold_secs, hold_whole, hold_lo, hold_hi, holding);
      flush_product (product->late_cost_per_day, late_secs, late_whole, late_lo, late_hi, tardiness);
    }

  for (i = 0; i < ev->units->len; i++)
    {
      const Unit *u = &g_array_index (ev->units, Unit, i);

      mark_day_ends (day0, u->begin, u->finish, 1, wip);
    }

  for (i = 0; i < schedule->runs->len; i++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, i);
      const TaktProduct *product = g_ptr_array_index (plan->products, run->product_index);
      gint64 t = G_MAXINT64;

      for (guint j = 0; j < run->steps->len; j++)
        t = MIN (t, g_array_index (run->steps, TaktRunStep, j).setup_start);
      if (t != G_MAXINT64)
        setup[(t - day0) / TAKT_DAY_S] += product->setup_cost;
    }

  add_header (w, header);
  for (gint64 d = 0; d < n_days; d++)
    {
      g_autofree char *date = takt_format_date (day0 + d * TAKT_DAY_S);

      stock_now += stock[d];
      wip_now += wip[d];
      takt_csv_writer_add_text (w, date);
      takt_csv_writer_add_double (w, holding[d]);
      takt_csv_writer_add_double (w, setup[d]);
      takt_csv_writer_add_double (w, tardiness[d]);
      takt_csv_writer_add_double (w, holding[d] + setup[d] + tardiness[d]);
      takt_csv_writer_add_int (w, stock_now);
      takt_csv_writer_add_int (w, wip_now);
      takt_csv_writer_end_record (w);
    }
}

/* ---- the API ---- */

static gboolean
check_inputs (const TaktPlan     *plan,
              const TaktSchedule *schedule,
              GError            **error)
{
  if (plan->products == NULL || plan->stations == NULL || plan->products->len == 0 ||
      plan->stations->len == 0 || plan->horizon_days < 1)
    goto invalid;
  for (guint i = 0; i < plan->orders->len; i++)
    {
      const TaktOrder *o = g_ptr_array_index (plan->orders, i);

      if (o->product_index < 0 || (guint) o->product_index >= plan->products->len)
        goto invalid;
    }
  for (guint i = 0; i < plan->forecast->len; i++)
    {
      const TaktForecast *f = g_ptr_array_index (plan->forecast, i);

      if (f->product_index < 0 || (guint) f->product_index >= plan->products->len)
        goto invalid;
    }
  for (guint i = 0; i < plan->campaigns->len; i++)
    {
      const TaktCampaign *c = g_ptr_array_index (plan->campaigns, i);

      for (guint j = 0; j < c->products->len; j++)
        {
          const TaktCampaignProduct *cp = g_ptr_array_index (c->products, j);

          if (cp->product_index < 0 || (guint) cp->product_index >= plan->products->len)
            goto invalid;
        }
    }
  if (!takt_schedule_fits_plan (schedule, plan))
    {
      g_set_error_literal (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_INVALID,
                           "the schedule does not fit the plan's products and stations; plan again");
      return FALSE;
    }
  return TRUE;

invalid:
  g_set_error_literal (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_INVALID,
                       "the plan has unresolved references; check it before exporting");
  return FALSE;
}

gboolean
takt_csv_export (const TaktPlan       *plan,
                 const TaktSchedule   *schedule,
                 TaktCsvExport         what,
                 const TaktCsvOptions *options,
                 GString              *out,
                 GError              **error)
{
  TaktCsvOptions defaults;
  TaktCsvWriter w;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (schedule != NULL, FALSE);
  g_return_val_if_fail (what < TAKT_CSV_N_EXPORTS, FALSE);
  g_return_val_if_fail (options == NULL || options->delimiter == ',' || options->delimiter == ';',
                        FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      takt_csv_options_init (&defaults);
      options = &defaults;
    }
  if (!check_inputs (plan, schedule, error))
    return FALSE;

  takt_csv_writer_init (&w, out, options->delimiter, options->bom);
  if (what == TAKT_CSV_EXPORT_RUNS)
    write_runs (plan, schedule, &w);
  else
    {
      g_autoptr(Evaluation) ev = evaluate (plan, schedule, error);

      if (ev == NULL)
        return FALSE;
      if (what == TAKT_CSV_EXPORT_FULFILMENT)
        write_fulfilment (ev, &w);
      else
        write_daily_costs (ev, &w);
    }
  return TRUE;
}

gboolean
takt_csv_export_to_file (const TaktPlan       *plan,
                         const TaktSchedule   *schedule,
                         TaktCsvExport         what,
                         const TaktCsvOptions *options,
                         const char           *path,
                         GError              **error)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (schedule != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  out = g_string_new (NULL);
  if (!takt_csv_export (plan, schedule, what, options, out, error))
    return FALSE;
  file = g_file_new_for_path (path);
  return g_file_replace_contents (file, out->str, out->len, NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}
