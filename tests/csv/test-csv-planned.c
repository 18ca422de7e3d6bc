/* test-csv-planned.c — the exports of planned schedules agree with the planner
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sample plan under each strategy, and many small seeded plans from the
 * benchmark generator (holidays, stock, campaigns, pins), are planned; each
 * export is read back with the strict reader and compared with the
 * schedule and with the planner's own figures: the runs rows are the
 * schedule's run steps; every demand's units add up (stock + runs + unmet
 * = quantity) and its finish, unmet and late units are the planner's; the
 * runs covering it are the schedule's covers; the daily costs add up to the
 * plan's totals within 1e-9 relative.
 */

#define G_LOG_DOMAIN "test-csv-planned"

#include <math.h>
#include <string.h>

#include "takt-csv.h"
#include "takt-export-csv.h"
#include "takt-generator.h"
#include "takt-planner.h"
#include "takt-time.h"

static TaktCsvTable *
export_and_read (const TaktPlan     *plan,
                 const TaktSchedule *schedule,
                 TaktCsvExport       what,
                 double             *ms)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  TaktCsvTable *table;
  gint64 t0 = g_get_monotonic_time ();

  g_assert_true (takt_csv_export (plan, schedule, what, NULL, out, &error));
  g_assert_no_error (error);
  if (ms != NULL)
    *ms = (g_get_monotonic_time () - t0) / 1000.0;
  table = takt_csv_read (out->str, out->len, ',', TAKT_CSV_READ_STRICT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
assert_same_total (double value,
                   double expected,
                   const char *what)
{
  double tolerance = 1e-9 * MAX (1.0, fabs (expected));

  if (fabs (value - expected) > tolerance)
    g_error ("%s: the days add up to %.17g, the plan says %.17g", what, value, expected);
}

/* "A:1; B:2" → A → 1, B → 2 (the quantity follows the last colon). */
static GHashTable *
parse_list (const char *text)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) items = NULL;

  if (text[0] == '\0')
    return map;
  items = g_strsplit (text, "; ", -1);
  for (int i = 0; items[i] != NULL; i++)
    {
      char *colon = strrchr (items[i], ':');

      g_assert_nonnull (colon);
      g_hash_table_insert (map, g_strndup (items[i], colon - items[i]),
                           GINT_TO_POINTER ((int) g_ascii_strtoll (colon + 1, NULL, 10)));
    }
  return map;
}

static void
check_runs (const TaktPlan     *plan,
            const TaktSchedule *schedule)
{
  g_autoptr(TaktCsvTable) table = export_and_read (plan, schedule, TAKT_CSV_EXPORT_RUNS, NULL);
  guint row = 1;

  for (guint r = 0; r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);
      const TaktProduct *product = g_ptr_array_index (plan->products, run->product_index);

      for (guint j = 0; j < run->steps->len; j++, row++)
        {
          const TaktRunStep *rs = &g_array_index (run->steps, TaktRunStep, j);
          const TaktStation *station = g_ptr_array_index (plan->stations, rs->station_index);
          const TaktCsvRecord *rec;
          g_autofree char *start = takt_format_datetime (rs->start, TRUE);
          g_autofree char *end = takt_format_datetime (rs->end, TRUE);
          g_autoptr(GHashTable) covers = NULL;
          gint64 covered = 0;

          g_assert_cmpuint (row, <, table->records->len);
          rec = g_ptr_array_index (table->records, row);
          g_assert_cmpstr (rec->fields[0], ==, run->id);
          g_assert_cmpstr (rec->fields[1], ==, product->id);
          g_assert_cmpint (g_ascii_strtoll (rec->fields[3], NULL, 10), ==, run->quantity);
          g_assert_cmpstr (rec->fields[5], ==, station->id);
          g_assert_cmpint (g_ascii_strtoll (rec->fields[7], NULL, 10), ==, rs->machine);
          g_assert_cmpstr (rec->fields[9], ==, start);
          g_assert_cmpstr (rec->fields[10], ==, end);
          g_assert_cmpstr (rec->fields[11], ==, run->pinned ? "true" : "false");
          covers = parse_list (rec->fields[12]);
          g_assert_cmpuint (g_hash_table_size (covers), ==, run->covers->len);
          for (guint c = 0; c < run->covers->len; c++)
            {
              const TaktCover *cover = &g_array_index (run->covers, TaktCover, c);

              g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (covers, cover->demand)), ==,
                               cover->quantity);
              covered += cover->quantity;
            }
          g_assert_cmpint (covered, <=, run->quantity);
        }
    }
  g_assert_cmpuint (row, ==, table->records->len);
}

static void
check_fulfilment (const TaktPlan      *plan,
                  const TaktSchedule  *schedule,
                  const TaktPlanStats *stats)
{
  g_autoptr(TaktCsvTable) table = export_and_read (plan, schedule, TAKT_CSV_EXPORT_FULFILMENT, NULL);
  g_autoptr(GHashTable) results = g_hash_table_new (g_str_hash, g_str_equal);
  /* demand → (run id → units), from the schedule's covers */
  g_autoptr(GHashTable) covers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; i < stats->demands->len; i++)
    {
      TaktDemandResult *d = g_ptr_array_index (stats->demands, i);

      g_hash_table_insert (results, d->demand, d);
    }
  for (guint r = 0; r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);

      for (guint c = 0; c < run->covers->len; c++)
        {
          const TaktCover *cover = &g_array_index (run->covers, TaktCover, c);
          GHashTable *by_run = g_hash_table_lookup (covers, cover->demand);

          if (by_run == NULL)
            {
              by_run = g_hash_table_new (g_str_hash, g_str_equal);
              g_hash_table_insert (covers, cover->demand, by_run);
            }
          g_hash_table_insert (by_run, run->id,
                               GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (by_run, run->id)) +
                                                (int) cover->quantity));
        }
    }

  g_assert_cmpuint (table->records->len, ==, stats->demands->len + 1);
  for (guint i = 1; i < table->records->len; i++)
    {
      const TaktCsvRecord *rec = g_ptr_array_index (table->records, i);
      const TaktDemandResult *d = g_hash_table_lookup (results, rec->fields[0]);
      g_autofree char *due = NULL;
      g_autoptr(GHashTable) covered_by = parse_list (rec->fields[13]);
      GHashTable *expected = g_hash_table_lookup (covers, rec->fields[0]);
      gint64 quantity = g_ascii_strtoll (rec->fields[5], NULL, 10);
      gint64 stock = g_ascii_strtoll (rec->fields[7], NULL, 10);
      gint64 unmet = g_ascii_strtoll (rec->fields[12], NULL, 10);
      gint64 from_runs = 0;
      GHashTableIter iter;
      gpointer key, value;

      g_assert_nonnull (d);
      due = takt_format_datetime (d->due, TRUE);
      g_assert_cmpstr (rec->fields[6], ==, due);
      g_assert_cmpint (quantity, ==, d->quantity);
      g_assert_cmpint (unmet, ==, d->unmet);
      g_assert_cmpint (g_ascii_strtoll (rec->fields[11], NULL, 10), ==, d->late_units);
      if (d->finish != G_MININT64 && stock == 0)
        {
          g_autofree char *finish = takt_format_datetime (d->finish, TRUE);

          g_assert_cmpstr (rec->fields[8], ==, finish);
        }

      g_hash_table_iter_init (&iter, covered_by);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          from_runs += GPOINTER_TO_INT (value);
          g_assert_nonnull (expected);
          g_assert_cmpint (GPOINTER_TO_INT (value), ==,
                           GPOINTER_TO_INT (g_hash_table_lookup (expected, key)));
        }
      g_assert_cmpuint (g_hash_table_size (covered_by), ==,
                        expected != NULL ? g_hash_table_size (expected) : 0);
      /* Every unit of the demand is accounted for. */
      g_assert_cmpint (stock + from_runs + unmet, ==, quantity);
    }
}

static void
check_daily_costs (const TaktPlan      *plan,
                   const TaktSchedule  *schedule,
                   const TaktPlanStats *stats)
{
  g_autoptr(TaktCsvTable) table = export_and_read (plan, schedule, TAKT_CSV_EXPORT_DAILY_COSTS, NULL);
  double sum[4] = { 0 };
  gint64 previous = G_MININT64;
  gint64 first_day = G_MAXINT64, last_day = G_MININT64;

  for (guint i = 1; i < table->records->len; i++)
    {
      const TaktCsvRecord *rec = g_ptr_array_index (table->records, i);
      gint64 day;

      g_assert_true (takt_parse_date (rec->fields[0], &day));
      if (previous != G_MININT64)
        g_assert_cmpint (day, ==, previous + TAKT_DAY_S);
      previous = day;
      first_day = MIN (first_day, day);
      last_day = MAX (last_day, day);
      for (int k = 0; k < 4; k++)
        {
          double v = g_ascii_strtod (rec->fields[k + 1], NULL);

          g_assert_cmpfloat (v, >=, 0);
          sum[k] += v;
        }
      g_assert_cmpint (g_ascii_strtoll (rec->fields[5], NULL, 10), >=, 0);
      g_assert_cmpint (g_ascii_strtoll (rec->fields[6], NULL, 10), >=, 0);
    }
  /* The rows cover the horizon. */
  g_assert_cmpint (first_day, <=, takt_day_start (plan->horizon_start));
  g_assert_cmpint (last_day + TAKT_DAY_S, >=, plan->horizon_start + plan->horizon_days * TAKT_DAY_S);

  assert_same_total (sum[0], stats->holding, "holding");
  assert_same_total (sum[1], stats->setup, "setup");
  assert_same_total (sum[2], stats->tardiness, "tardiness");
  assert_same_total (sum[3], stats->total, "total");
}

static void
check_plan (const TaktPlan *plan,
            TaktStrategy    strategy,
            double         *plan_ms)
{
  g_autoptr(TaktSchedule) schedule = NULL;
  g_autoptr(TaktPlanStats) stats = NULL;
  g_autoptr(TaktPlanStats) again = NULL;
  g_autoptr(GError) error = NULL;
  TaktPlannerOptions options;

  takt_planner_options_init (&options, plan);
  options.strategy = strategy;
  options.time_limit_ms = 0;
  schedule = takt_planner_run (plan, &options, &stats, &error);
  g_assert_no_error (error);
  g_assert_nonnull (schedule);
  if (plan_ms != NULL)
    *plan_ms = stats->plan_ms;

  /* The planner's figures and its evaluation of the schedule agree. */
  again = takt_planner_evaluate (plan, schedule);
  assert_same_total (again->total, stats->total, "evaluated total");

  check_runs (plan, schedule);
  check_fulfilment (plan, schedule, stats);
  check_daily_costs (plan, schedule, again);
}

static void
test_sample (void)
{
  const char *root = g_getenv ("TAKT_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autoptr(TaktPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (root);
  path = g_build_filename (root, "data", "examples", "print-farm.takt", NULL);
  plan = takt_plan_load_from_file (path, &error);
  g_assert_no_error (error);

  for (int s = 0; s < TAKT_N_STRATEGIES; s++)
    {
      g_autoptr(TaktSchedule) schedule = NULL;
      g_autoptr(TaktPlanStats) stats = NULL;
      TaktPlannerOptions options;
      double ms[TAKT_CSV_N_EXPORTS];

      check_plan (plan, (TaktStrategy) s, NULL);

      takt_planner_options_init (&options, plan);
      options.strategy = (TaktStrategy) s;
      options.time_limit_ms = 0;
      schedule = takt_planner_run (plan, &options, &stats, &error);
      g_assert_no_error (error);
      for (int what = 0; what < TAKT_CSV_N_EXPORTS; what++)
        {
          g_autoptr(TaktCsvTable) table = export_and_read (plan, schedule, what, &ms[what]);
        }
      g_test_message ("sample, %s: %" G_GINT64_FORMAT " runs, %u demands, total %.2f; "
                      "exports in %.1f / %.1f / %.1f ms",
                      takt_strategy_to_string ((TaktStrategy) s), stats->runs,
                      stats->demands->len, stats->total, ms[0], ms[1], ms[2]);
    }
}

static void
test_tiny (void)
{
  guint n = g_test_slow () ? 1000 : 150;

  for (guint seed = 1; seed <= n; seed++)
    {
      g_autoptr(TaktPlan) plan = takt_generator_make (TAKT_GENERATOR_TINY, seed);

      for (int s = 0; s < TAKT_N_STRATEGIES; s++)
        check_plan (plan, (TaktStrategy) s, NULL);
    }
  g_test_message ("%u tiny plans × %d strategies checked", n, TAKT_N_STRATEGIES);
}

static void
test_size (gconstpointer data)
{
  TaktGeneratorSize size = GPOINTER_TO_INT (data);
  g_autoptr(TaktPlan) plan = takt_generator_make (size, 1);
  g_autoptr(TaktSchedule) schedule = NULL;
  g_autoptr(TaktPlanStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  TaktPlannerOptions options;
  double ms[TAKT_CSV_N_EXPORTS];

  takt_planner_options_init (&options, plan);
  options.time_limit_ms = 0;
  schedule = takt_planner_run (plan, &options, &stats, &error);
  g_assert_no_error (error);
  for (int what = 0; what < TAKT_CSV_N_EXPORTS; what++)
    {
      g_autoptr(TaktCsvTable) table = export_and_read (plan, schedule, what, &ms[what]);

      if (what == TAKT_CSV_EXPORT_DAILY_COSTS)
        check_daily_costs (plan, schedule, stats);
    }
  g_test_message ("%s: %" G_GINT64_FORMAT " runs, %" G_GINT64_FORMAT " units, %u demands; "
                  "runs %.0f ms, fulfilment %.0f ms, daily costs %.0f ms",
                  takt_generator_size_to_string (size), stats->runs, stats->units,
                  stats->demands->len, ms[0], ms[1], ms[2]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/planned/sample", test_sample);
  g_test_add_func ("/csv/planned/tiny", test_tiny);
  g_test_add_data_func ("/csv/planned/S", GINT_TO_POINTER (TAKT_GENERATOR_S), test_size);
  if (g_test_perf ())
    {
      g_test_add_data_func ("/csv/planned/M", GINT_TO_POINTER (TAKT_GENERATOR_M), test_size);
      g_test_add_data_func ("/csv/planned/L", GINT_TO_POINTER (TAKT_GENERATOR_L), test_size);
    }

  return g_test_run ();
}
