/* fuzz-planner.c — the planner on small plans that the loader accepts
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a .takt document.  When the loader accepts it and it is
 * small (see plan_is_small()), it is planned with a work bound (no clock,
 * so that a run can be replayed exactly) and these properties must hold:
 *
 *  - the planner returns a schedule and stats for a checked plan;
 *  - every run names a product, has a quantity >= 1 and one step per
 *    routing step, at that step's station, on an existing machine;
 *  - every step has setup_start <= start < end, and a later step of a run
 *    starts after the earlier one starts and ends after it ends;
 *  - runs that are not pinned never start before the horizon;
 *  - no two runs' steps overlap on one machine, except the first steps of
 *    two pinned runs (pins may clash; the planner reports it as a
 *    conflict);
 *  - a run covers at most its quantity, each cover >= 1 unit;
 *  - the stats agree with the schedule (runs, units), their costs are
 *    finite, >= 0, and add up, and takt_planner_evaluate() of the schedule
 *    gives the same costs;
 *  - planning twice gives the same bytes (the planner is deterministic);
 *  - the plan with its schedule saves, reloads with the schedule kept,
 *    and saves to the same bytes;
 *  - when the CSV export is built, its three exports of the schedule
 *    succeed and read back as strict RFC 4180 with one header row.
 */

#define G_LOG_DOMAIN "fuzz-planner"

#include <math.h>
#include <string.h>

#include "takt-fuzz.h"
#include "takt-plan.h"
#include "takt-planner.h"

#ifdef TAKT_FUZZ_HAVE_CSV
#include "takt-csv.h"
#include "takt-export-csv.h"
#endif

/* What "small" means: a plan the planner handles in milliseconds, so that
 * libFuzzer tries many of them.  Larger plans are the benchmarks' work. */
#define MAX_PRODUCTS     6
#define MAX_STATIONS     5
#define MAX_STEPS        4       /* per routing */
#define MAX_MACHINES     4       /* per station */
#define MAX_DEMAND_ROWS  40      /* orders + forecast rows */
#define MAX_CAMPAIGNS    3
#define MAX_PINS         6
#define MAX_DAYS         62
#define MAX_UNITS        2000    /* all demand, pins and smallest runs together */
#define EVALUATIONS      40

static gboolean
plan_is_small (const TaktPlan *plan)
{
  gint64 units = 0;

  if (plan->products->len > MAX_PRODUCTS || plan->stations->len > MAX_STATIONS ||
      plan->orders->len + plan->forecast->len > MAX_DEMAND_ROWS ||
      plan->campaigns->len > MAX_CAMPAIGNS || plan->pins->len > MAX_PINS ||
      plan->horizon_days > MAX_DAYS)
    return FALSE;

  for (guint i = 0; i < plan->stations->len; i++)
    {
      const TaktStation *st = g_ptr_array_index (plan->stations, i);

      if (st->machines > MAX_MACHINES)
        return FALSE;
    }
  for (guint i = 0; i < plan->products->len; i++)
    {
      const TaktProduct *p = g_ptr_array_index (plan->products, i);

      if (p->routing->len > MAX_STEPS)
        return FALSE;
      units += p->min_run;
    }
  for (guint i = 0; i < plan->orders->len; i++)
    units += ((const TaktOrder *) g_ptr_array_index (plan->orders, i))->quantity;
  for (guint i = 0; i < plan->forecast->len; i++)
    units += ((const TaktForecast *) g_ptr_array_index (plan->forecast, i))->quantity;
  for (guint i = 0; i < plan->pins->len; i++)
    units += ((const TaktPin *) g_ptr_array_index (plan->pins, i))->quantity;
  for (guint i = 0; i < plan->campaigns->len; i++)
    {
      const TaktCampaign *c = g_ptr_array_index (plan->campaigns, i);

      /* Each product row may round up to one more unit. */
      units += (gint64) ceil ((double) c->impressions / 1000.0 * c->conversion_per_mille)
               + c->products->len;
    }
  return units <= MAX_UNITS;
}

typedef struct
{
  gint64   station;
  gint64   machine;
  gint64   from;
  gint64   to;
  guint    run;
  guint    step;
  gboolean pinned_first;
} Busy;

static int
busy_cmp (gconstpointer a,
          gconstpointer b)
{
  const Busy *x = a, *y = b;

  if (x->station != y->station)
    return x->station < y->station ? -1 : 1;
  if (x->machine != y->machine)
    return x->machine < y->machine ? -1 : 1;
  if (x->from != y->from)
    return x->from < y->from ? -1 : 1;
  return (x->run > y->run) - (x->run < y->run);
}

static gboolean
close_enough (double a,
              double b)
{
  return fabs (a - b) <= 1e-6 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

static void
check_costs (const char *what,
             double      total,
             double      holding,
             double      tardiness,
             double      setup)
{
  TAKT_FUZZ_CHECK_MSG (isfinite (total) && isfinite (holding) &&
                       isfinite (tardiness) && isfinite (setup),
                       "%s: a cost is not finite", what);
  TAKT_FUZZ_CHECK_MSG (holding >= 0 && tardiness >= 0 && setup >= 0,
                       "%s: a negative cost (%g, %g, %g)", what, holding, tardiness, setup);
  TAKT_FUZZ_CHECK_MSG (close_enough (total, holding + tardiness + setup),
                       "%s: total %.17g is not holding + tardiness + setup (%.17g)",
                       what, total, holding + tardiness + setup);
}

static void
check_schedule (const TaktPlan     *plan,
                const TaktSchedule *schedule)
{
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (Busy));

  TAKT_FUZZ_CHECK (schedule->runs != NULL);
  for (guint r = 0; r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);
      const TaktProduct *prod;
      gint64 covered = 0;

      TAKT_FUZZ_CHECK (run->id != NULL && run->id[0] != '\0');
      TAKT_FUZZ_CHECK_MSG (run->product_index >= 0 && run->product_index < (int) plan->products->len,
                           "run %s: product index %d", run->id, run->product_index);
      prod = g_ptr_array_index (plan->products, run->product_index);
      TAKT_FUZZ_CHECK_MSG (run->quantity >= 1, "run %s: quantity %" G_GINT64_FORMAT,
                           run->id, run->quantity);
      TAKT_FUZZ_CHECK_MSG (run->steps->len == prod->routing->len,
                           "run %s: %u steps for a routing of %u", run->id,
                           run->steps->len, prod->routing->len);

      for (guint k = 0; k < run->steps->len; k++)
        {
          const TaktRunStep *rs = &g_array_index (run->steps, TaktRunStep, k);
          const TaktStep *step = g_ptr_array_index (prod->routing, k);
          const TaktStation *st;
          Busy b;

          TAKT_FUZZ_CHECK_MSG (rs->station_index == step->station_index,
                               "run %s step %u: station %d, routing says %d",
                               run->id, k, rs->station_index, step->station_index);
          st = g_ptr_array_index (plan->stations, rs->station_index);
          TAKT_FUZZ_CHECK_MSG (rs->machine >= 1 && rs->machine <= st->machines,
                               "run %s step %u: machine %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT,
                               run->id, k, rs->machine, st->machines);
          TAKT_FUZZ_CHECK_MSG (rs->setup_start <= rs->start && rs->start < rs->end,
                               "run %s step %u: setup %" G_GINT64_FORMAT ", start %" G_GINT64_FORMAT
                               ", end %" G_GINT64_FORMAT, run->id, k,
                               rs->setup_start, rs->start, rs->end);
          if (k > 0)
            {
              const TaktRunStep *prev = &g_array_index (run->steps, TaktRunStep, k - 1);

              TAKT_FUZZ_CHECK_MSG (rs->start > prev->start && rs->end > prev->end,
                                   "run %s step %u [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                                   ") does not follow step %u [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                                   run->id, k, rs->start, rs->end, k - 1, prev->start, prev->end);
            }
          if (!run->pinned)
            TAKT_FUZZ_CHECK_MSG (rs->setup_start >= plan->horizon_start,
                                 "run %s step %u starts before the horizon", run->id, k);

          b.station = rs->station_index;
          b.machine = rs->machine;
          b.from = MIN (rs->setup_start, rs->start);
          b.to = rs->end;
          b.run = r;
          b.step = k;
          b.pinned_first = run->pinned && k == 0;
          g_array_append_val (busy, b);
        }

      for (guint c = 0; c < run->covers->len; c++)
        {
          const TaktCover *cover = &g_array_index (run->covers, TaktCover, c);

          TAKT_FUZZ_CHECK (cover->demand != NULL && cover->demand[0] != '\0');
          TAKT_FUZZ_CHECK_MSG (cover->quantity >= 1, "run %s covers %" G_GINT64_FORMAT " of %s",
                               run->id, cover->quantity, cover->demand);
          covered += cover->quantity;
        }
      TAKT_FUZZ_CHECK_MSG (covered <= run->quantity,
                           "run %s covers %" G_GINT64_FORMAT " units but makes %" G_GINT64_FORMAT,
                           run->id, covered, run->quantity);
    }

  g_array_sort (busy, busy_cmp);
  for (guint i = 0; i < busy->len; i++)
    {
      const Busy *a = &g_array_index (busy, Busy, i);

      for (guint j = i + 1; j < busy->len; j++)
        {
          const Busy *b = &g_array_index (busy, Busy, j);

          if (b->station != a->station || b->machine != a->machine || b->from >= a->to)
            break;
          if (a->pinned_first && b->pinned_first)
            continue;
          /* A routing that visits a station twice may interleave its own
           * units there; the step intervals alone cannot tell. */
          if (a->run == b->run)
            continue;
          TAKT_FUZZ_CHECK_MSG (FALSE,
                               "station %" G_GINT64_FORMAT " machine %" G_GINT64_FORMAT
                               ": run %u step %u [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                               ") overlaps run %u step %u [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                               a->station, a->machine, a->run, a->step, a->from, a->to,
                               b->run, b->step, b->from, b->to);
        }
    }
}

static void
check_stats (const TaktSchedule  *schedule,
             const TaktPlanStats *stats)
{
  gint64 units = 0;

  for (guint r = 0; r < schedule->runs->len; r++)
    units += ((const TaktRun *) g_ptr_array_index (schedule->runs, r))->quantity;

  TAKT_FUZZ_CHECK_MSG (stats->runs == (gint64) schedule->runs->len,
                       "stats say %" G_GINT64_FORMAT " runs, the schedule has %u",
                       stats->runs, schedule->runs->len);
  TAKT_FUZZ_CHECK_MSG (stats->units == units,
                       "stats say %" G_GINT64_FORMAT " units, the runs make %" G_GINT64_FORMAT,
                       stats->units, units);
  TAKT_FUZZ_CHECK (stats->unmet_units >= 0 && stats->late_units >= 0 && stats->late_orders >= 0);
  TAKT_FUZZ_CHECK (stats->on_time_rate >= 0.0 && stats->on_time_rate <= 1.0);
  TAKT_FUZZ_CHECK (stats->makespan_s >= 0);
  check_costs ("planner", stats->total, stats->holding, stats->tardiness, stats->setup);
  TAKT_FUZZ_CHECK (close_enough (stats->total, schedule->total));
}

#ifdef TAKT_FUZZ_HAVE_CSV
/* The days from the earliest to the latest date the plan names. */
static gint64
plan_span_days (const TaktPlan *plan)
{
  gint64 lo = plan->horizon_start, hi = plan->horizon_start + plan->horizon_days * 86400;

#define SEE(t) G_STMT_START { lo = MIN (lo, (t)); hi = MAX (hi, (t)); } G_STMT_END
  for (guint i = 0; i < plan->orders->len; i++)
    SEE (((const TaktOrder *) g_ptr_array_index (plan->orders, i))->due);
  for (guint i = 0; i < plan->forecast->len; i++)
    SEE (((const TaktForecast *) g_ptr_array_index (plan->forecast, i))->date);
  for (guint i = 0; i < plan->pins->len; i++)
    SEE (((const TaktPin *) g_ptr_array_index (plan->pins, i))->start);
  for (guint i = 0; i < plan->campaigns->len; i++)
    {
      const TaktCampaign *c = g_ptr_array_index (plan->campaigns, i);

      SEE (c->start);
      SEE (c->end + c->lag_days * 86400);
    }
#undef SEE
  return (hi - lo) / 86400;
}

static void
check_exports (const TaktPlan     *plan,
               const TaktSchedule *schedule)
{
  /* The daily costs have one row per day from the first cost to the last:
   * an order due in the year 4052 makes 740,000 rows, correct but slow to
   * check thousands of times a second. */
  gboolean daily = plan_span_days (plan) <= 800;

  for (int what = 0; what < TAKT_CSV_N_EXPORTS; what++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(TaktCsvTable) table = NULL;
      TaktCsvOptions options;
      gboolean ok;

      if (what == TAKT_CSV_EXPORT_DAILY_COSTS && !daily)
        continue;
      takt_csv_options_init (&options);
      ok = takt_csv_export (plan, schedule, what, &options, out, &error);
      TAKT_FUZZ_CHECK_MSG (ok, "export %s: %s", takt_csv_export_to_string (what),
                           error != NULL ? error->message : "");
      table = takt_csv_read (out->str, out->len, ',', TAKT_CSV_READ_STRICT, &error);
      TAKT_FUZZ_CHECK_MSG (table != NULL, "export %s does not read back: %s",
                           takt_csv_export_to_string (what), error != NULL ? error->message : "");
      TAKT_FUZZ_CHECK (table->records->len >= 1);
    }
}
#endif

static char *
plan_once (const TaktPlan *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TaktPlan) planned = takt_plan_copy (plan);
  g_autoptr(TaktPlan) reloaded = NULL;
  g_autoptr(TaktPlanStats) stats = NULL;
  g_autoptr(TaktPlanStats) evaluated = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  TaktPlannerOptions options;
  TaktSchedule *schedule;
  gsize len = 0, len2 = 0;

  takt_planner_options_init (&options, plan);
  options.time_limit_ms = -1;
  options.evaluations = EVALUATIONS;

  schedule = takt_planner_run (plan, &options, &stats, &error);
  TAKT_FUZZ_CHECK_MSG (schedule != NULL, "the planner refuses a checked plan: %s",
                       error != NULL ? error->message : "");
  TAKT_FUZZ_CHECK (stats != NULL);

  check_schedule (plan, schedule);
  check_stats (schedule, stats);

  evaluated = takt_planner_evaluate (plan, schedule);
  TAKT_FUZZ_CHECK (evaluated != NULL);
  check_costs ("evaluate", evaluated->total, evaluated->holding, evaluated->tardiness, evaluated->setup);
  TAKT_FUZZ_CHECK_MSG (close_enough (evaluated->total, stats->total),
                       "evaluate gives %.17g, the planner %.17g", evaluated->total, stats->total);

  g_clear_pointer (&planned->schedule, takt_schedule_free);
  planned->schedule = schedule;

#ifdef TAKT_FUZZ_HAVE_CSV
  check_exports (planned, planned->schedule);
#endif

  text = takt_plan_to_data (planned, &len);
  reloaded = takt_plan_load_from_data (text, (gssize) len, "planned.takt", &error);
  TAKT_FUZZ_CHECK_MSG (reloaded != NULL, "the planned document is refused: %s",
                       error != NULL ? error->message : "");
  TAKT_FUZZ_CHECK_MSG (reloaded->schedule != NULL, "the saved schedule is dropped on load:\n%s", text);
  text2 = takt_plan_to_data (reloaded, &len2);
  TAKT_FUZZ_CHECK_MSG (len == len2 && memcmp (text, text2, len) == 0,
                       "the planned document saves differently after a reload");

  return g_steal_pointer (&text);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(TaktPlan) plan = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  takt_fuzz_init_logging ();

  plan = takt_plan_load_from_data ((const char *) data, (gssize) size, "fuzz.takt", NULL);
  if (plan == NULL || !plan_is_small (plan))
    return 0;

  first = plan_once (plan);
  second = plan_once (plan);
  TAKT_FUZZ_CHECK_MSG (strcmp (first, second) == 0,
                       "planning the same plan twice gives different documents");
  return 0;
}
