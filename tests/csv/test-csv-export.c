/* test-csv-export.c — the runs, fulfilment and daily-cost exports, read back
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each export is read back with the strict RFC 4180 reader and compared
 * with a schedule built here by hand, whose unit finishes, matching and
 * costs are worked out in the comments.
 */

#define G_LOG_DOMAIN "test-csv-export"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "planner-fixture.h"
#include "takt-csv.h"
#include "takt-export-csv.h"
#include "takt-planner.h"
#include "takt-time.h"

#define VASE_NAME "=HYPERLINK(\"http://evil.example\";\"Vase, spiral\")\nÄÖü 漢字"
#define LAMP_NAME "-Lamp; \"LED\", 40 W"

static gint64
at (const char *text)
{
  gint64 t = 0;

  if (!takt_parse_datetime (text, &t))
    g_assert_true (takt_parse_date (text, &t));
  return t;
}

static void
add_station (TaktPlan   *plan,
             const char *id,
             const char *name,
             gint64      machines)
{
  TaktStation *s = takt_station_new ();

  s->id = g_strdup (id);
  g_free (s->name);
  s->name = g_strdup (name);
  s->machines = machines;
  g_ptr_array_add (plan->stations, s);
}

static TaktProduct *
add_product (TaktPlan   *plan,
             const char *id,
             const char *name,
             double      setup_cost,
             double      holding,
             double      late,
             gint64      stock)
{
  TaktProduct *p = takt_product_new ();

  p->id = g_strdup (id);
  g_free (p->name);
  p->name = g_strdup (name);
  p->setup_cost = setup_cost;
  p->holding_cost_per_day = holding;
  p->late_cost_per_day = late;
  p->initial_stock = stock;
  g_ptr_array_add (plan->products, p);
  return p;
}

static void
add_order (TaktPlan   *plan,
           const char *id,
           const char *product,
           gint64      quantity,
           const char *due,
           const char *customer)
{
  TaktOrder *o = takt_order_new ();

  o->id = g_strdup (id);
  o->product = g_strdup (product);
  o->quantity = quantity;
  o->due = at (due);
  o->customer = g_strdup (customer);
  g_ptr_array_add (plan->orders, o);
}

static void
add_forecast (TaktPlan   *plan,
              const char *product,
              const char *date,
              gint64      quantity)
{
  TaktForecast *f = takt_forecast_new ();

  f->product = g_strdup (product);
  f->date = at (date);
  f->quantity = quantity;
  g_ptr_array_add (plan->forecast, f);
}

static void
add_run_step (TaktRun    *run,
              int         station,
              gint64      machine,
              const char *setup_start,
              const char *start,
              const char *end)
{
  fix_add_run_step (run, station, machine, at (setup_start), at (start), at (end));
}

/* The plan: a 24/7 plant, 2026-12-01 for 3 days.
 *   vase: print 1 h/unit (setup 10 min), then finish 10 min/unit;
 *         2 in stock; holding 0.5/day, late 2/day, setup 12.
 *   lamp: print 40 min/unit; holding 0.24/day, late 1/day, setup 5.
 *   SO-2 vase 3 due 12-01 06:00 (stock covers 2 of it), SO-1 vase 5 due
 *   12-02 12:00; forecast lamp 4 on 12-02 (due 12-03 00:00), SO-3 lamp 2
 *   due 12-03 18:00 (never made: unmet). */
static TaktPlan *
make_plan (void)
{
  TaktPlan *plan = takt_plan_new ();
  TaktProduct *vase, *lamp;

  g_free (plan->name);
  plan->name = g_strdup ("CSV test");
  plan->horizon_start = at ("2026-12-01T00:00");
  plan->horizon_days = 3;
  add_station (plan, "print", "Print, \"farm\"\nhall A", 2);
  add_station (plan, "finish", "=Finishing", 1);
  vase = add_product (plan, "vase", VASE_NAME, 12, 0.5, 2.0, 2);
  fix_add_step (vase, "print", 3600, 600);
  fix_add_step (vase, "finish", 600, 0);
  lamp = add_product (plan, "lamp", LAMP_NAME, 5, 0.24, 1.0, 0);
  fix_add_step (lamp, "print", 2400, 0);
  add_order (plan, "SO-1", "vase", 5, "2026-12-02T12:00", "@evil, Inc.");
  add_order (plan, "SO-2", "vase", 3, "2026-12-01T06:00", "Müller; \"Söhne\"");
  add_order (plan, "SO-3", "lamp", 2, "2026-12-03T18:00", NULL);
  add_forecast (plan, "lamp", "2026-12-02", 4);
  fix_check (plan);
  return plan;
}

/* R1: 7 vases.  Print units end 01:10, 02:10 … 07:10; finish adds 10 min:
 * units finish 01:20, 02:20 … 07:20 on 12-01.  Unit 0 → SO-2 (with the 2
 * from stock), units 1–5 → SO-1, unit 6 is surplus.
 * R2 (pinned): 4 lamps from 12-02 23:00: finish 23:40, 00:20, 01:00,
 * 01:40 → all to the forecast; unit 0 early by 20 min, units 1–3 late by
 * 20, 60, 100 min. */
static TaktSchedule *
make_schedule (void)
{
  TaktSchedule *schedule = takt_schedule_new ();
  TaktRun *r1, *r2;

  r1 = fix_add_run (schedule, "R1", 0, 7);
  add_run_step (r1, 0, 1, "2026-12-01T00:00", "2026-12-01T00:10", "2026-12-01T07:10");
  add_run_step (r1, 1, 1, "2026-12-01T01:10", "2026-12-01T01:10", "2026-12-01T07:20");
  fix_add_cover (r1, "SO-2", 1);
  fix_add_cover (r1, "SO-1", 5);
  r2 = fix_add_run (schedule, "R2", 1, 4);
  r2->pinned = TRUE;
  add_run_step (r2, 0, 2, "2026-12-02T23:00", "2026-12-02T23:00", "2026-12-03T01:40");
  fix_add_cover (r2, "forecast:lamp:2026-12-02", 4);
  return schedule;
}

static TaktCsvTable *
export_and_read (const TaktPlan       *plan,
                 const TaktSchedule   *schedule,
                 TaktCsvExport         what,
                 const TaktCsvOptions *options)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  TaktCsvTable *table;

  g_assert_true (takt_csv_export (plan, schedule, what, options, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (out->str, out->len, NULL));
  table = takt_csv_read (out->str, out->len, options != NULL ? options->delimiter : ',',
                         TAKT_CSV_READ_STRICT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  g_test_message ("%s export: %u records, %" G_GSIZE_FORMAT " bytes",
                  takt_csv_export_to_string (what), table->records->len, out->len);
  if (g_test_verbose ())
    g_test_message ("%s", out->str);
  return table;
}

static char *
neutral (const char *text)
{
  if (text != NULL && takt_csv_needs_neutralising (text))
    return g_strconcat ("'", text, NULL);
  return g_strdup (text != NULL ? text : "");
}

static void
assert_header (const TaktCsvTable *table,
               const char         *expected)
{
  const TaktCsvRecord *h = g_ptr_array_index (table->records, 0);
  g_autofree char *joined = g_strjoinv (",", h->fields);

  g_assert_cmpstr (joined, ==, expected);
}

static void
test_runs (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktSchedule) schedule = make_schedule ();
  g_autoptr(TaktCsvTable) table = export_and_read (plan, schedule, TAKT_CSV_EXPORT_RUNS, NULL);
  guint row = 1;

  assert_header (table, "run,product,product_name,quantity,step,station,station_name,machine,"
                        "setup_start,start,end,pinned,covers");
  g_assert_cmpuint (table->records->len, ==, 1 + 2 + 1);

  for (guint r = 0; r < schedule->runs->len; r++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, r);
      const TaktProduct *product = g_ptr_array_index (plan->products, run->product_index);
      g_autofree char *name = neutral (product->name);

      for (guint j = 0; j < run->steps->len; j++, row++)
        {
          const TaktCsvRecord *rec = g_ptr_array_index (table->records, row);
          const TaktRunStep *rs = &g_array_index (run->steps, TaktRunStep, j);
          const TaktStation *station = g_ptr_array_index (plan->stations, rs->station_index);
          g_autofree char *station_name = neutral (station->name);
          g_autofree char *setup_start = takt_format_datetime (rs->setup_start, TRUE);
          g_autofree char *start = takt_format_datetime (rs->start, TRUE);
          g_autofree char *end = takt_format_datetime (rs->end, TRUE);

          g_assert_cmpstr (rec->fields[0], ==, run->id);
          g_assert_cmpstr (rec->fields[1], ==, product->id);
          g_assert_cmpstr (rec->fields[2], ==, name);
          g_assert_cmpint (g_ascii_strtoll (rec->fields[3], NULL, 10), ==, run->quantity);
          g_assert_cmpint (g_ascii_strtoll (rec->fields[4], NULL, 10), ==, j + 1);
          g_assert_cmpstr (rec->fields[5], ==, station->id);
          g_assert_cmpstr (rec->fields[6], ==, station_name);
          g_assert_cmpint (g_ascii_strtoll (rec->fields[7], NULL, 10), ==, rs->machine);
          g_assert_cmpstr (rec->fields[8], ==, setup_start);
          g_assert_cmpstr (rec->fields[9], ==, start);
          g_assert_cmpstr (rec->fields[10], ==, end);
          g_assert_cmpstr (rec->fields[11], ==, run->pinned ? "true" : "false");
        }
    }

  /* The hostile names survive, neutralised; the covers are listed. */
  {
    const TaktCsvRecord *rec = g_ptr_array_index (table->records, 1);

    g_assert_cmpstr (rec->fields[2], ==, "'" VASE_NAME);
    g_assert_cmpstr (rec->fields[6], ==, "Print, \"farm\"\nhall A");
    g_assert_cmpstr (rec->fields[12], ==, "SO-2:1; SO-1:5");
    rec = g_ptr_array_index (table->records, 2);
    g_assert_cmpstr (rec->fields[6], ==, "'=Finishing");
    g_assert_cmpstr (rec->fields[8], ==, "2026-12-01T01:10:00");
    rec = g_ptr_array_index (table->records, 3);
    g_assert_cmpstr (rec->fields[2], ==, "'" LAMP_NAME);
    g_assert_cmpstr (rec->fields[11], ==, "true");
    g_assert_cmpstr (rec->fields[12], ==, "forecast:lamp:2026-12-02:4");
    /* The product name's line break moved the later records down. */
    g_assert_cmpuint (rec->line, ==, 7);
  }
}

static void
test_fulfilment (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktSchedule) schedule = make_schedule ();
  g_autoptr(TaktCsvTable) table = export_and_read (plan, schedule, TAKT_CSV_EXPORT_FULFILMENT, NULL);
  /* demand, kind, product, product_name, customer, quantity, due,
   * from_stock, finish, lateness_h, status, late_units, unmet_units, covered_by */
  static const char * const expected[][14] = {
    { "SO-2", "order", "vase", "'" VASE_NAME, "Müller; \"Söhne\"", "3", "2026-12-01T06:00:00",
      "2", "2026-12-01T01:20:00", "-4.6667", "on time", "0", "0", "R1:1" },
    { "SO-1", "order", "vase", "'" VASE_NAME, "'@evil, Inc.", "5", "2026-12-02T12:00:00",
      "0", "2026-12-01T06:20:00", "-29.6667", "early", "0", "0", "R1:5" },
    { "forecast:lamp:2026-12-02", "forecast", "lamp", "'" LAMP_NAME, "", "4", "2026-12-03T00:00:00",
      "0", "2026-12-03T01:40:00", "1.6667", "late", "3", "0", "R2:4" },
    { "SO-3", "order", "lamp", "'" LAMP_NAME, "", "2", "2026-12-03T18:00:00",
      "0", "", "", "unmet", "0", "2", "" },
  };

  assert_header (table, "demand,kind,product,product_name,customer,quantity,due,from_stock,"
                        "finish,lateness_h,status,late_units,unmet_units,covered_by");
  g_assert_cmpuint (table->records->len, ==, 1 + G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const TaktCsvRecord *rec = g_ptr_array_index (table->records, i + 1);

      g_assert_cmpuint (rec->n_fields, ==, 14);
      for (guint k = 0; k < 14; k++)
        g_assert_cmpstr (rec->fields[k], ==, expected[i][k]);
    }
}

static double
cost (gint64 seconds,
      double rate)
{
  return rate * (double) seconds / 86400.0;
}

static void
assert_close (double value,
              double expected)
{
  g_assert_cmpfloat (fabs (value - expected), <=, 1e-12 * MAX (1.0, fabs (expected)));
}

/* The days add up to what the planner's evaluation of the schedule says. */
static void
assert_days_add_up (const TaktPlan     *plan,
                    const TaktSchedule *schedule,
                    const TaktCsvTable *table)
{
  g_autoptr(TaktPlanStats) stats = takt_planner_evaluate (plan, schedule);
  double sum[4] = { 0 };

  for (guint d = 1; d < table->records->len; d++)
    for (int k = 0; k < 4; k++)
      sum[k] += g_ascii_strtod (((TaktCsvRecord *) table->records->pdata[d])->fields[k + 1], NULL);
  g_test_message ("planner: holding %.17g setup %.17g tardiness %.17g total %.17g",
                  stats->holding, stats->setup, stats->tardiness, stats->total);
  assert_close (sum[0], stats->holding);
  assert_close (sum[1], stats->setup);
  assert_close (sum[2], stats->tardiness);
  assert_close (sum[3], stats->total);
}

static void
test_daily_costs (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktSchedule) schedule = make_schedule ();
  g_autoptr(TaktCsvTable) table = export_and_read (plan, schedule, TAKT_CSV_EXPORT_DAILY_COSTS, NULL);
  /* 12-01: vase unit 0 held 01:20–06:00 (16800 s); units 1–5 from their
   *        finish to midnight (78000 + 74400 + 70800 + 67200 + 63600 s);
   *        the surplus unit from 07:20 (60000 s); R1's setup.
   *        At 24:00 units 1–5 and the surplus are in stock.
   * 12-02: units 1–5 to 12:00 (5 × 43200 s) and the surplus all day at
   *        0.5; lamp unit 0 23:40–24:00 (1200 s) at 0.24; R2's setup.
   *        At 24:00: the surplus in stock, lamp unit 1 in work.
   * 12-03: the surplus all day; lamp units 1–3 late 1200 + 3600 + 6000 s. */
  const char *dates[] = { "2026-12-01", "2026-12-02", "2026-12-03" };
  double holding[] = {
    cost (16800 + 354000 + 60000, 0.5),
    cost (216000 + 86400, 0.5) + cost (1200, 0.24),
    cost (86400, 0.5),
  };
  double setup[] = { 12, 5, 0 };
  double tardiness[] = { 0, 0, cost (10800, 1.0) };
  gint64 stock[] = { 6, 1, 0 };
  gint64 wip[] = { 0, 1, 0 };
  double sum[4] = { 0 };

  assert_header (table, "date,holding,setup,tardiness,total,finished_stock,wip");
  g_assert_cmpuint (table->records->len, ==, 1 + 3);
  for (guint d = 0; d < 3; d++)
    {
      const TaktCsvRecord *rec = g_ptr_array_index (table->records, d + 1);

      g_assert_cmpstr (rec->fields[0], ==, dates[d]);
      assert_close (g_ascii_strtod (rec->fields[1], NULL), holding[d]);
      assert_close (g_ascii_strtod (rec->fields[2], NULL), setup[d]);
      assert_close (g_ascii_strtod (rec->fields[3], NULL), tardiness[d]);
      assert_close (g_ascii_strtod (rec->fields[4], NULL), holding[d] + setup[d] + tardiness[d]);
      g_assert_cmpint (g_ascii_strtoll (rec->fields[5], NULL, 10), ==, stock[d]);
      g_assert_cmpint (g_ascii_strtoll (rec->fields[6], NULL, 10), ==, wip[d]);
      for (int k = 0; k < 4; k++)
        sum[k] += g_ascii_strtod (rec->fields[k + 1], NULL);
    }
  /* The plan's totals, worked out per unit. */
  assert_close (sum[0], cost (16800 + 354000 + 60000 + 216000 + 86400 + 86400, 0.5) + cost (1200, 0.24));
  assert_close (sum[1], 17);
  assert_close (sum[2], cost (10800, 1.0));
  assert_close (sum[3], sum[0] + sum[1] + sum[2]);
  assert_days_add_up (plan, schedule, table);
}

/* A station that works Monday to Friday 06:00–14:00, and an order due
 * before the horizon starts.
 *   bracket: cnc 3 h/unit; holding 0.48/day, late 2.4/day, setup 7.
 *   R9: 2 units from Monday 2026-11-30 11:00: unit 0 11:00–14:00; unit 1
 *   starts at 14:00, when the shift ends, so at Tuesday 06:00, and finishes
 *   09:00.  B-0 (due Sunday 11-29 12:00) gets unit 0, 26 h late: 12 h on
 *   11-29, 14 h on 11-30.  B-1 (due 12-01 12:00) gets unit 1, 3 h early. */
static void
test_calendar (void)
{
  g_autoptr(TaktPlan) plan = takt_plan_new ();
  g_autoptr(TaktSchedule) schedule = takt_schedule_new ();
  g_autoptr(TaktCsvTable) fulfilment = NULL;
  g_autoptr(TaktCsvTable) costs = NULL;
  TaktStation *cnc;
  TaktProduct *bracket;
  TaktRun *run;
  TaktShift shift = { 6 * 3600, 14 * 3600 };
  const TaktCsvRecord *rec;

  plan->horizon_start = at ("2026-11-30T00:00");
  plan->horizon_days = 3;
  add_station (plan, "cnc", "CNC", 1);
  cnc = g_ptr_array_index (plan->stations, 0);
  cnc->calendar = takt_calendar_new ();
  for (int d = 0; d < 5; d++)
    g_array_append_val (cnc->calendar->week[d], shift);
  bracket = add_product (plan, "bracket", "Bracket", 7, 0.48, 2.4, 0);
  fix_add_step (bracket, "cnc", 3 * 3600, 0);
  add_order (plan, "B-1", "bracket", 1, "2026-12-01T12:00", "Acme");
  add_order (plan, "B-0", "bracket", 1, "2026-11-29T12:00", "Acme");
  fix_check (plan);

  run = fix_add_run (schedule, "R9", 0, 2);
  add_run_step (run, 0, 1, "2026-11-30T11:00", "2026-11-30T11:00", "2026-12-01T09:00");

  fulfilment = export_and_read (plan, schedule, TAKT_CSV_EXPORT_FULFILMENT, NULL);
  g_assert_cmpuint (fulfilment->records->len, ==, 3);
  rec = g_ptr_array_index (fulfilment->records, 1);
  g_assert_cmpstr (rec->fields[0], ==, "B-0");
  g_assert_cmpstr (rec->fields[8], ==, "2026-11-30T14:00:00");
  g_assert_cmpstr (rec->fields[9], ==, "26");
  g_assert_cmpstr (rec->fields[10], ==, "late");
  rec = g_ptr_array_index (fulfilment->records, 2);
  g_assert_cmpstr (rec->fields[0], ==, "B-1");
  g_assert_cmpstr (rec->fields[8], ==, "2026-12-01T09:00:00");
  g_assert_cmpstr (rec->fields[9], ==, "-3");
  g_assert_cmpstr (rec->fields[10], ==, "on time");

  costs = export_and_read (plan, schedule, TAKT_CSV_EXPORT_DAILY_COSTS, NULL);
  /* From the day B-0 was due to the horizon's last day. */
  g_assert_cmpuint (costs->records->len, ==, 1 + 4);
  {
    const char *dates[] = { "2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02" };
    double holding[] = { 0, 0, cost (3 * 3600, 0.48), 0 };
    double setup[] = { 0, 7, 0, 0 };
    double tardiness[] = { cost (12 * 3600, 2.4), cost (14 * 3600, 2.4), 0, 0 };
    gint64 stock[] = { 0, 0, 0, 0 };

    for (guint d = 0; d < 4; d++)
      {
        rec = g_ptr_array_index (costs->records, d + 1);
        g_assert_cmpstr (rec->fields[0], ==, dates[d]);
        assert_close (g_ascii_strtod (rec->fields[1], NULL), holding[d]);
        assert_close (g_ascii_strtod (rec->fields[2], NULL), setup[d]);
        assert_close (g_ascii_strtod (rec->fields[3], NULL), tardiness[d]);
        g_assert_cmpint (g_ascii_strtoll (rec->fields[5], NULL, 10), ==, stock[d]);
        /* Unit 1 has not started by Monday 24:00: it starts Tuesday 06:00. */
        g_assert_cmpstr (rec->fields[6], ==, "0");
      }
  }
  assert_days_add_up (plan, schedule, costs);
}

static void
test_excel (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktSchedule) schedule = make_schedule ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(TaktCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  TaktCsvOptions options;

  takt_csv_options_init_excel (&options);
  g_assert_cmpint (options.delimiter, ==, ';');
  g_assert_true (options.bom);
  for (int what = 0; what < TAKT_CSV_N_EXPORTS; what++)
    {
      g_string_truncate (out, 0);
      g_assert_true (takt_csv_export (plan, schedule, what, &options, out, &error));
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (out->str, "\xEF\xBB\xBF"));
      /* Detected from the header line alone. */
      g_clear_pointer (&table, takt_csv_table_free);
      table = takt_csv_read (out->str, out->len, 0, TAKT_CSV_READ_STRICT, &error);
      g_assert_no_error (error);
      g_assert_cmpint (table->delimiter, ==, ';');
      g_assert_true (table->had_bom);
    }
  /* Decimals keep their point. */
  g_assert_nonnull (strstr (out->str, ";2.49305555555555"));
}

static void
test_file (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktSchedule) schedule = make_schedule ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("takt-csv-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *sibling = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  gsize length;

  g_assert_no_error (error);
  path = g_build_filename (dir, "plan.csv", NULL);
  g_assert_true (g_file_set_contents (path, "old", -1, &error));
  for (int what = 0; what < TAKT_CSV_N_EXPORTS; what++)
    {
      g_free (sibling);
      sibling = takt_csv_export_sibling_path (path, what);
      g_assert_true (takt_csv_export_to_file (plan, schedule, what, NULL, sibling, &error));
      g_assert_no_error (error);
      g_string_truncate (expected, 0);
      g_assert_true (takt_csv_export (plan, schedule, what, NULL, expected, &error));
      g_clear_pointer (&contents, g_free);
      g_assert_true (g_file_get_contents (sibling, &contents, &length, &error));
      g_assert_cmpmem (contents, length, expected->str, expected->len);
      g_assert_true (g_str_has_prefix (sibling, dir));
      g_assert_cmpint (g_remove (sibling), ==, 0);
    }
  /* Nothing else was left in the folder (no temporary files). */
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  g_clear_pointer (&sibling, g_free);
  sibling = takt_csv_export_sibling_path ("/out/plan.csv", TAKT_CSV_EXPORT_FULFILMENT);
  g_assert_cmpstr (sibling, ==, "/out/plan-fulfilment.csv");
  g_clear_pointer (&sibling, g_free);
  sibling = takt_csv_export_sibling_path ("/out.d/plan", TAKT_CSV_EXPORT_DAILY_COSTS);
  g_assert_cmpstr (sibling, ==, "/out.d/plan-costs.csv");
  g_clear_pointer (&sibling, g_free);
  sibling = takt_csv_export_sibling_path ("runs.csv", TAKT_CSV_EXPORT_RUNS);
  g_assert_cmpstr (sibling, ==, "runs.csv");

  /* A folder that does not exist: an error, not a crash. */
  g_assert_false (takt_csv_export_to_file (plan, schedule, TAKT_CSV_EXPORT_RUNS, NULL,
                                           "/nonexistent-takt-dir/x.csv", &error));
  g_assert_nonnull (error);
}

static void
test_names (void)
{
  TaktCsvExport what;

  g_assert_true (takt_csv_export_from_string ("fulfilment", &what));
  g_assert_cmpint (what, ==, TAKT_CSV_EXPORT_FULFILMENT);
  g_assert_true (takt_csv_export_from_string ("costs", &what));
  g_assert_cmpint (what, ==, TAKT_CSV_EXPORT_DAILY_COSTS);
  g_assert_false (takt_csv_export_from_string ("../runs", &what));
  g_assert_cmpstr (takt_csv_export_to_string (TAKT_CSV_EXPORT_RUNS), ==, "runs");
}

static void
test_mismatch (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktSchedule) schedule = make_schedule ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  TaktRun *run = g_ptr_array_index (schedule->runs, 0);

  /* A machine the station does not have. */
  g_array_index (run->steps, TaktRunStep, 0).machine = 3;
  g_assert_false (takt_csv_export (plan, schedule, TAKT_CSV_EXPORT_FULFILMENT, NULL, out, &error));
  g_assert_error (error, TAKT_PLAN_ERROR, TAKT_PLAN_ERROR_INVALID);
  g_assert_cmpuint (out->len, ==, 0);
}

static void
test_empty_schedule (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktSchedule) schedule = takt_schedule_new ();
  g_autoptr(TaktCsvTable) runs = export_and_read (plan, schedule, TAKT_CSV_EXPORT_RUNS, NULL);
  g_autoptr(TaktCsvTable) fulfilment = export_and_read (plan, schedule, TAKT_CSV_EXPORT_FULFILMENT, NULL);
  g_autoptr(TaktCsvTable) costs = export_and_read (plan, schedule, TAKT_CSV_EXPORT_DAILY_COSTS, NULL);
  const TaktCsvRecord *rec;

  g_assert_cmpuint (runs->records->len, ==, 1);
  g_assert_cmpuint (fulfilment->records->len, ==, 5);
  /* SO-2: 2 from stock, 1 unmet. */
  rec = g_ptr_array_index (fulfilment->records, 1);
  g_assert_cmpstr (rec->fields[0], ==, "SO-2");
  g_assert_cmpstr (rec->fields[7], ==, "2");
  g_assert_cmpstr (rec->fields[8], ==, "2026-12-01T00:00:00");
  g_assert_cmpstr (rec->fields[10], ==, "unmet");
  g_assert_cmpstr (rec->fields[12], ==, "1");
  g_assert_cmpuint (costs->records->len, ==, 4);
  for (guint d = 1; d < costs->records->len; d++)
    {
      rec = g_ptr_array_index (costs->records, d);
      g_assert_cmpstr (rec->fields[4], ==, "0");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/export/runs", test_runs);
  g_test_add_func ("/csv/export/fulfilment", test_fulfilment);
  g_test_add_func ("/csv/export/daily-costs", test_daily_costs);
  g_test_add_func ("/csv/export/calendar", test_calendar);
  g_test_add_func ("/csv/export/excel", test_excel);
  g_test_add_func ("/csv/export/file", test_file);
  g_test_add_func ("/csv/export/names", test_names);
  g_test_add_func ("/csv/export/mismatch", test_mismatch);
  g_test_add_func ("/csv/export/empty-schedule", test_empty_schedule);

  return g_test_run ();
}
