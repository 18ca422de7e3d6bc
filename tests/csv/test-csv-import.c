/* test-csv-import.c — orders and forecast from CSV: mapping, dates, problems, limits
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-csv-import"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "takt-csv.h"
#include "takt-import-csv.h"
#include "takt-plan-private.h"
#include "takt-time.h"

static gint64
at (const char *text)
{
  gint64 t = 0;

  g_assert_true (takt_parse_datetime (text, &t));
  return t;
}

/* Products vase ("Spiral vase") and lamp ("Desk lamp"); order SO-1; a
 * forecast of lamps on 2026-12-07. */
static TaktPlan *
make_plan (void)
{
  TaktPlan *plan = takt_plan_new ();
  TaktStation *station = takt_station_new ();
  const char *ids[] = { "vase", "lamp" };
  const char *names[] = { "Spiral vase", "Desk lamp" };
  TaktOrder *order = takt_order_new ();
  TaktForecast *forecast = takt_forecast_new ();
  g_autoptr(GPtrArray) problems = NULL;

  plan->horizon_start = at ("2026-12-01T00:00");
  plan->horizon_days = 14;
  station->id = g_strdup ("print");
  g_ptr_array_add (plan->stations, station);
  for (int i = 0; i < 2; i++)
    {
      TaktProduct *p = takt_product_new ();
      TaktStep *step = takt_step_new ();

      p->id = g_strdup (ids[i]);
      g_free (p->name);
      p->name = g_strdup (names[i]);
      step->station = g_strdup ("print");
      step->cycle_s = 600;
      g_ptr_array_add (p->routing, step);
      g_ptr_array_add (plan->products, p);
    }
  order->id = g_strdup ("SO-1");
  order->product = g_strdup ("vase");
  order->quantity = 1;
  order->due = at ("2026-12-03T12:00");
  g_ptr_array_add (plan->orders, order);
  forecast->product = g_strdup ("lamp");
  forecast->quantity = 2;
  g_assert_true (takt_parse_date ("2026-12-07", &forecast->date));
  g_ptr_array_add (plan->forecast, forecast);
  problems = takt_plan_check (plan);
  g_assert_cmpuint (problems->len, ==, 0);
  return plan;
}

static TaktCsvImport *
load (const char        *text,
      gssize             length,
      TaktCsvImportKind  kind)
{
  g_autoptr(GError) error = NULL;
  TaktCsvImport *import;

  import = takt_csv_import_new_from_data (text, length < 0 ? strlen (text) : (gsize) length,
                                          kind, &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static void
log_problems (const TaktCsvImportResult *result)
{
  for (guint i = 0; i < result->problems->len; i++)
    g_test_message ("%s", (const char *) result->problems->pdata[i]);
}

static const TaktCsvImportRow *
row_at (const TaktCsvImportResult *result,
        guint                      i)
{
  g_assert_cmpuint (i, <, result->rows->len);
  return g_ptr_array_index (result->rows, i);
}

static void
assert_plan_valid (TaktPlan *plan)
{
  g_autoptr(GPtrArray) problems = takt_plan_check (plan);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("plan problem: %s", (char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_english (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktCsvImport) import = load ("Order ID,SKU,Qty,Due Date,Customer\r\n"
                                          "SO-10,vase,20,2026-12-05,Shop A\r\n"
                                          "SO-11,Lamp,5,2026-12-06T14:30,\"Shop, B\"\r\n"
                                          "SO-12, spiral VASE ,1,2026-12-07 08:00:00,\r\n",
                                          -1, TAKT_CSV_IMPORT_ORDERS);
  g_autoptr(TaktCsvImportResult) result = NULL;
  TaktCsvMapping mapping;
  guint skipped = 99;
  TaktOrder *o;

  g_assert_cmpint (takt_csv_import_get_delimiter (import), ==, ',');
  g_assert_cmpstr (takt_csv_import_get_encoding (import), ==, "UTF-8");
  g_assert_cmpuint (takt_csv_import_get_n_columns (import), ==, 5);
  g_assert_cmpuint (takt_csv_import_get_n_records (import), ==, 4);
  takt_csv_import_detect (import, FALSE, &mapping);
  g_assert_true (mapping.has_header);
  for (int f = 0; f < TAKT_CSV_N_FIELDS; f++)
    g_assert_cmpint (mapping.columns[f], ==, f);
  g_assert_cmpint (mapping.date_format, ==, TAKT_CSV_DATE_ISO);
  g_assert_false (mapping.date_ambiguous);

  result = takt_csv_import_check (import, &mapping, plan);
  log_problems (result);
  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert_cmpuint (result->n_rows, ==, 3);
  g_assert_cmpuint (result->rows->len, ==, 3);
  /* A date alone is due at the end of that day. */
  g_assert_cmpstr (row_at (result, 0)->id, ==, "SO-10");
  g_assert_cmpint (row_at (result, 0)->due, ==, at ("2026-12-06T00:00"));
  g_assert_cmpstr (row_at (result, 0)->customer, ==, "Shop A");
  g_assert_cmpuint (row_at (result, 0)->row, ==, 2);
  /* Products found by id ignoring case, and by name. */
  g_assert_cmpstr (row_at (result, 1)->product, ==, "lamp");
  g_assert_cmpint (row_at (result, 1)->due, ==, at ("2026-12-06T14:30"));
  g_assert_cmpstr (row_at (result, 1)->customer, ==, "Shop, B");
  g_assert_cmpstr (row_at (result, 2)->product, ==, "vase");
  g_assert_cmpint (row_at (result, 2)->due, ==, at ("2026-12-07T08:00"));
  g_assert_null (row_at (result, 2)->customer);

  g_assert_cmpuint (takt_csv_import_apply (result, plan, &skipped), ==, 3);
  g_assert_cmpuint (skipped, ==, 0);
  g_assert_cmpuint (plan->orders->len, ==, 4);
  o = g_ptr_array_index (plan->orders, 1);
  g_assert_cmpstr (o->id, ==, "SO-10");
  g_assert_cmpstr (o->product, ==, "vase");
  g_assert_cmpint (o->quantity, ==, 20);
  assert_plan_valid (plan);
  /* Applying again adds nothing: the ids are taken by now. */
  g_assert_cmpuint (takt_csv_import_apply (result, plan, &skipped), ==, 0);
  g_assert_cmpuint (skipped, ==, 3);
}

static void
test_german (void)
{
  /* Columns in another order, ';', a BOM, dotted dates. */
  const char *utf8 = "\xEF\xBB\xBF" "Kunde;Menge;Artikel;Liefertermin;Bestellnummer\r\n"
                     "Müller GmbH;12;vase;05.12.2026;A-1\r\n"
                     "Schulz;3;lamp;6.12.2026 14:00;A-2\r\n";
  const char *cp1252 = "Kunde;Menge;Artikel;Liefertermin;Bestellnummer\r\n"
                       "M\xFCller GmbH;12;vase;05.12.2026;A-1\r\n"
                       "Stra\xDF" "e;3;lamp;6.12.2026 14:00;A-2\r\n";
  const char *texts[] = { utf8, cp1252 };

  for (int i = 0; i < 2; i++)
    {
      g_autoptr(TaktPlan) plan = make_plan ();
      g_autoptr(TaktCsvImport) import = load (texts[i], -1, TAKT_CSV_IMPORT_ORDERS);
      g_autoptr(TaktCsvImportResult) result = NULL;
      TaktCsvMapping mapping;

      g_assert_cmpint (takt_csv_import_get_delimiter (import), ==, ';');
      g_assert_cmpstr (takt_csv_import_get_encoding (import), ==, i == 0 ? "UTF-8" : "Windows-1252");
      takt_csv_import_detect (import, FALSE, &mapping);
      g_assert_cmpint (mapping.columns[TAKT_CSV_FIELD_CUSTOMER], ==, 0);
      g_assert_cmpint (mapping.columns[TAKT_CSV_FIELD_QUANTITY], ==, 1);
      g_assert_cmpint (mapping.columns[TAKT_CSV_FIELD_PRODUCT], ==, 2);
      g_assert_cmpint (mapping.columns[TAKT_CSV_FIELD_DUE], ==, 3);
      g_assert_cmpint (mapping.columns[TAKT_CSV_FIELD_ID], ==, 4);
      g_assert_cmpint (mapping.date_format, ==, TAKT_CSV_DATE_DOTTED);

      result = takt_csv_import_check (import, &mapping, plan);
      log_problems (result);
      g_assert_cmpuint (result->problems->len, ==, 0);
      g_assert_cmpuint (result->rows->len, ==, 2);
      g_assert_cmpstr (row_at (result, 0)->id, ==, "A-1");
      g_assert_cmpstr (row_at (result, 0)->customer, ==, "Müller GmbH");
      g_assert_cmpint (row_at (result, 0)->quantity, ==, 12);
      g_assert_cmpint (row_at (result, 0)->due, ==, at ("2026-12-06T00:00"));
      g_assert_cmpint (row_at (result, 1)->due, ==, at ("2026-12-06T14:00"));
      if (i == 1)
        g_assert_cmpstr (row_at (result, 1)->customer, ==, "Straße");
      g_assert_cmpuint (takt_csv_import_apply (result, plan, NULL), ==, 2);
      assert_plan_valid (plan);
    }

  /* More German names: Auftragsnummer, Artikelnummer, Anzahl, Lieferdatum, Kundenname. */
  {
    g_autoptr(TaktCsvImport) import = load ("Auftragsnummer,Artikelnummer,Anzahl,Lieferdatum,Kundenname\n"
                                            "1,vase,1,2026-12-05,x\n", -1, TAKT_CSV_IMPORT_ORDERS);
    TaktCsvMapping mapping;

    takt_csv_import_detect (import, FALSE, &mapping);
    for (int f = 0; f < TAKT_CSV_N_FIELDS; f++)
      g_assert_cmpint (mapping.columns[f], ==, f);
  }
}

static void
test_header_priority (void)
{
  /* "Date" (the order date) loses to "Delivery date"; unknown columns are
   * left alone. */
  g_autoptr(TaktCsvImport) import = load ("Date,Order,Item,Notes,Amount,Delivery date,Client\n"
                                          "2026-11-01,SO-5,vase,hello,2,2026-12-05,x\n",
                                          -1, TAKT_CSV_IMPORT_ORDERS);
  TaktCsvMapping mapping;

  takt_csv_import_detect (import, FALSE, &mapping);
  g_assert_cmpint (mapping.columns[TAKT_CSV_FIELD_DUE], ==, 5);
  g_assert_cmpint (mapping.columns[TAKT_CSV_FIELD_ID], ==, 1);
  g_assert_cmpint (mapping.columns[TAKT_CSV_FIELD_PRODUCT], ==, 2);
  g_assert_cmpint (mapping.columns[TAKT_CSV_FIELD_QUANTITY], ==, 4);
  g_assert_cmpint (mapping.columns[TAKT_CSV_FIELD_CUSTOMER], ==, 6);
}

static void
check_slash (const char        *dates,
             gboolean           prefer_month_day,
             TaktCsvDateFormat  format,
             gboolean           ambiguous,
             const char        *second_due)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(GString) text = g_string_new ("id,product,quantity,due\n");
  g_auto(GStrv) list = g_strsplit (dates, "|", -1);
  g_autoptr(TaktCsvImport) import = NULL;
  g_autoptr(TaktCsvImportResult) result = NULL;
  TaktCsvMapping mapping;

  for (int i = 0; list[i] != NULL; i++)
    g_string_append_printf (text, "X%d,vase,1,%s\n", i, list[i]);
  import = load (text->str, text->len, TAKT_CSV_IMPORT_ORDERS);
  takt_csv_import_detect (import, prefer_month_day, &mapping);
  g_assert_cmpint (mapping.date_format, ==, format);
  g_assert_cmpint (mapping.date_ambiguous, ==, ambiguous);
  result = takt_csv_import_check (import, &mapping, plan);
  log_problems (result);
  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert_cmpint (row_at (result, 1)->due, ==, at (second_due));
}

static void
test_slash_dates (void)
{
  check_slash ("12/25/2026|01/02/2027", FALSE, TAKT_CSV_DATE_MONTH_DAY, FALSE, "2027-01-03T00:00");
  check_slash ("25/12/2026|01/02/2027", TRUE, TAKT_CSV_DATE_DAY_MONTH, FALSE, "2027-02-02T00:00");
  /* No day above 12: both read; the preference decides, and says so. */
  check_slash ("01/02/2027|03/04/2027", FALSE, TAKT_CSV_DATE_DAY_MONTH, TRUE, "2027-04-04T00:00");
  check_slash ("01/02/2027|03/04/2027", TRUE, TAKT_CSV_DATE_MONTH_DAY, TRUE, "2027-03-05T00:00");
  check_slash ("01/02/2027|3/4/2027 08:15", TRUE, TAKT_CSV_DATE_MONTH_DAY, TRUE, "2027-03-04T08:15");
  /* ISO is read in every format. */
  check_slash ("25/12/2026|2027-01-10", FALSE, TAKT_CSV_DATE_DAY_MONTH, FALSE, "2027-01-11T00:00");
}

static void
test_parse_date (void)
{
  gint64 t;
  gboolean timed;

  g_assert_true (takt_csv_parse_date (" 2026-12-05 ", TAKT_CSV_DATE_ISO, &t, &timed));
  g_assert_cmpint (t, ==, at ("2026-12-05T00:00"));
  g_assert_false (timed);
  g_assert_true (takt_csv_parse_date ("2026-12-05T07:05:09", TAKT_CSV_DATE_ISO, &t, &timed));
  g_assert_cmpint (t, ==, at ("2026-12-05T07:05:09"));
  g_assert_true (timed);
  g_assert_true (takt_csv_parse_date ("1.1.2026 8:00", TAKT_CSV_DATE_DOTTED, &t, &timed));
  g_assert_cmpint (t, ==, at ("2026-01-01T08:00"));
  g_assert_true (takt_csv_parse_date ("2026-12-05", TAKT_CSV_DATE_DOTTED, &t, NULL));
  g_assert_true (takt_csv_parse_date ("29.02.2028", TAKT_CSV_DATE_DOTTED, &t, NULL));

  g_assert_false (takt_csv_parse_date ("2026-02-30", TAKT_CSV_DATE_ISO, &t, NULL));
  g_assert_false (takt_csv_parse_date ("29.02.2026", TAKT_CSV_DATE_DOTTED, &t, NULL));
  g_assert_false (takt_csv_parse_date ("31.04.2026", TAKT_CSV_DATE_DOTTED, &t, NULL));
  g_assert_false (takt_csv_parse_date ("05.12.26", TAKT_CSV_DATE_DOTTED, &t, NULL));
  g_assert_false (takt_csv_parse_date ("05.12.2026", TAKT_CSV_DATE_ISO, &t, NULL));
  g_assert_false (takt_csv_parse_date ("05/12/2026", TAKT_CSV_DATE_DOTTED, &t, NULL));
  g_assert_false (takt_csv_parse_date ("13/13/2026", TAKT_CSV_DATE_DAY_MONTH, &t, NULL));
  g_assert_false (takt_csv_parse_date ("2026-12-05T24:00", TAKT_CSV_DATE_ISO, &t, NULL));
  g_assert_false (takt_csv_parse_date ("2026-12-05T08:60", TAKT_CSV_DATE_ISO, &t, NULL));
  g_assert_false (takt_csv_parse_date ("2026-12-05 8", TAKT_CSV_DATE_ISO, &t, NULL));
  g_assert_false (takt_csv_parse_date ("0999-12-05", TAKT_CSV_DATE_ISO, &t, NULL));
  g_assert_false (takt_csv_parse_date ("12/05/20261", TAKT_CSV_DATE_MONTH_DAY, &t, NULL));
  g_assert_false (takt_csv_parse_date ("", TAKT_CSV_DATE_ISO, &t, NULL));
  g_assert_false (takt_csv_parse_date ("tomorrow", TAKT_CSV_DATE_DOTTED, &t, NULL));
}

static void
test_bad_rows (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktCsvImport) import = load (
    "id,product,quantity,due,customer\n"                      /* 1 */
    "SO-20,vase,10,2026-12-05,A\n"                            /* 2 */
    "SO-21,vase,ten,2026-12-05,A\n"                           /* 3 */
    "SO-22,vaze,1,2026-12-05,A\n"                             /* 4 */
    "SO-1,vase,1,2026-12-05,A\n"                              /* 5 */
    "SO-20,lamp,1,2026-12-05,A\n"                             /* 6 */
    "SO-23,vase,2.5,2026-12-05,A\n"                           /* 7 */
    "SO-24,vase,1,2026-13-05,A\n"                             /* 8 */
    ",vase,1,2026-12-05,A\n"                                  /* 9 */
    "SO-25,vase,0,2026-12-05,A\n"                             /* 10 */
    "SO-26,vase,\"1,000\",2026-12-05,A\n"                     /* 11 */
    "SO-27,,5,,A\n"                                           /* 12 */
    "\n"                                                      /* 13 */
    "SO-28,\"lamp\",\"7\",\"2026-12-09T08:00\",\"multi\nline\"\n" /* 14–15 */
    "SO-29,vase,20.0,2026-12-05,A\n"                          /* 16 */
    "SO-30,vase,99999999999,2026-12-05,A\n"                   /* 17 */
    "forecast:x,vase,1,2026-12-05,A\n"                        /* 18 */
    "SO-31,vase,-4,2026-12-05,A\n"                            /* 19 */
    "SO-32,vaze,1\n",                                         /* 20 */
    -1, TAKT_CSV_IMPORT_ORDERS);
  static const char * const expected[] = {
    "row 3: quantity 'ten' is not a number",
    "row 4: no product \"vaze\"",
    "row 5: order \"SO-1\" is already in the plan",
    "row 6: order \"SO-20\" repeats row 2",
    "row 7: quantity '2.5' is not a whole number",
    "row 8: due date '2026-13-05' is not a date in the form yyyy-mm-dd",
    "row 9: no order id",
    "row 10: quantity '0' must be at least 1",
    "row 11: quantity '1,000' has a thousands separator; write whole units without one",
    "row 12: no product",
    "row 12: no due date",
    "row 17: quantity '99999999999' is more than 1,000,000,000",
    "row 18: order id \"forecast:x\" must not start with \"forecast:\" or \"campaign:\"",
    "row 19: quantity '-4' must be at least 1",
    "row 20: no product \"vaze\"",
    "row 20: no due date",
  };
  g_autoptr(TaktCsvImportResult) result = NULL;
  TaktCsvMapping mapping;
  guint before = plan->orders->len;

  takt_csv_import_detect (import, FALSE, &mapping);
  g_assert_cmpint (mapping.date_format, ==, TAKT_CSV_DATE_ISO);
  result = takt_csv_import_check (import, &mapping, plan);
  log_problems (result);
  g_assert_cmpuint (result->problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (result->problems->pdata[i], ==, expected[i]);
  g_assert_cmpuint (result->n_rows, ==, 17);
  g_assert_cmpuint (result->n_bad_rows, ==, 14);
  g_assert_cmpuint (result->rows->len, ==, 3);
  g_assert_cmpstr (row_at (result, 0)->id, ==, "SO-20");
  g_assert_cmpstr (row_at (result, 1)->id, ==, "SO-28");
  g_assert_cmpuint (row_at (result, 1)->row, ==, 14);
  g_assert_cmpstr (row_at (result, 1)->customer, ==, "multi\nline");
  g_assert_cmpstr (row_at (result, 2)->id, ==, "SO-29");
  g_assert_cmpint (row_at (result, 2)->quantity, ==, 20);
  g_assert_cmpuint (result->unknown_products->len, ==, 1);
  g_assert_cmpstr (result->unknown_products->pdata[0], ==, "vaze");

  /* The good rows land, the bad ones do not. */
  g_assert_cmpuint (takt_csv_import_apply (result, plan, NULL), ==, 3);
  g_assert_cmpuint (plan->orders->len, ==, before + 3);
  assert_plan_valid (plan);
}

static void
test_create_products (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktCsvImport) import = load ("id;product;quantity;due\n"
                                          "N-1;gadget;2;2026-12-05\n"
                                          "N-2;widget;2;2026-12-05\n"
                                          "N-3;gadget;1;2026-12-06\n"
                                          "N-4;vase;1;2026-12-06\n", -1, TAKT_CSV_IMPORT_ORDERS);
  g_autoptr(TaktCsvImportResult) result = NULL;
  TaktCsvMapping mapping;
  guint skipped = 0;

  takt_csv_import_detect (import, FALSE, &mapping);
  mapping.create_products = TRUE;
  result = takt_csv_import_check (import, &mapping, plan);
  log_problems (result);
  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert_cmpuint (result->rows->len, ==, 4);
  g_assert_cmpuint (result->unknown_products->len, ==, 2);
  g_assert_cmpstr (result->unknown_products->pdata[0], ==, "gadget");
  g_assert_cmpstr (result->unknown_products->pdata[1], ==, "widget");

  /* The caller creates "gadget" only: widget's row is skipped. */
  {
    TaktProduct *p = takt_product_new ();
    TaktStep *step = takt_step_new ();

    p->id = g_strdup ("gadget");
    step->station = g_strdup ("print");
    step->cycle_s = 60;
    g_ptr_array_add (p->routing, step);
    g_ptr_array_add (plan->products, p);
  }
  g_assert_cmpuint (takt_csv_import_apply (result, plan, &skipped), ==, 3);
  g_assert_cmpuint (skipped, ==, 1);
  assert_plan_valid (plan);
}

static void
test_forecast (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktCsvImport) import = load ("Artikel;Datum;Menge\n"
                                          "vase;05.12.2026;10\n"
                                          "lamp;07.12.2026;3\n"
                                          "vase;06.12.2026 08:00;1\n"
                                          "vase;05.12.2026;4\n"
                                          "Desk Lamp;08.12.2026 00:00;6\n", -1,
                                          TAKT_CSV_IMPORT_FORECAST);
  static const char * const expected[] = {
    "row 3: the plan already has a forecast for \"lamp\" on 2026-12-07",
    "row 4: date '06.12.2026 08:00' has a time of day; forecast is per day",
    "row 5: a forecast for \"vase\" on 2026-12-05 repeats row 2",
  };
  g_autoptr(TaktCsvImportResult) result = NULL;
  TaktCsvMapping mapping;
  TaktForecast *f;

  takt_csv_import_detect (import, FALSE, &mapping);
  g_assert_cmpint (mapping.kind, ==, TAKT_CSV_IMPORT_FORECAST);
  g_assert_cmpint (mapping.columns[TAKT_CSV_FIELD_ID], ==, -1);
  g_assert_cmpint (mapping.columns[TAKT_CSV_FIELD_CUSTOMER], ==, -1);
  g_assert_cmpint (mapping.columns[TAKT_CSV_FIELD_PRODUCT], ==, 0);
  g_assert_cmpint (mapping.columns[TAKT_CSV_FIELD_DUE], ==, 1);
  g_assert_cmpint (mapping.columns[TAKT_CSV_FIELD_QUANTITY], ==, 2);
  g_assert_cmpint (mapping.date_format, ==, TAKT_CSV_DATE_DOTTED);
  result = takt_csv_import_check (import, &mapping, plan);
  log_problems (result);
  g_assert_cmpuint (result->problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (result->problems->pdata[i], ==, expected[i]);
  g_assert_cmpuint (result->rows->len, ==, 2);
  g_assert_null (row_at (result, 0)->id);

  g_assert_cmpuint (takt_csv_import_apply (result, plan, NULL), ==, 2);
  g_assert_cmpuint (plan->forecast->len, ==, 3);
  f = g_ptr_array_index (plan->forecast, 1);
  g_assert_cmpstr (f->product, ==, "vase");
  g_assert_cmpint (f->date, ==, at ("2026-12-05T00:00"));
  g_assert_cmpint (f->quantity, ==, 10);
  f = g_ptr_array_index (plan->forecast, 2);
  g_assert_cmpstr (f->product, ==, "lamp");
  g_assert_cmpint (f->date, ==, at ("2026-12-08T00:00"));
  assert_plan_valid (plan);
}

static void
test_headerless (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktCsvImport) import = load ("SO-40,vase,3,2026-12-05\r\nSO-41,lamp,2,2026-12-06\r\n",
                                          -1, TAKT_CSV_IMPORT_ORDERS);
  g_autoptr(TaktCsvImportResult) result = NULL;
  TaktCsvMapping mapping;

  takt_csv_import_detect (import, FALSE, &mapping);
  g_assert_false (mapping.has_header);
  g_assert_cmpint (mapping.columns[TAKT_CSV_FIELD_ID], ==, 0);
  g_assert_cmpint (mapping.columns[TAKT_CSV_FIELD_DUE], ==, 3);
  g_assert_cmpint (mapping.columns[TAKT_CSV_FIELD_CUSTOMER], ==, -1);
  result = takt_csv_import_check (import, &mapping, plan);
  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert_cmpuint (result->rows->len, ==, 2);
  g_assert_cmpuint (row_at (result, 0)->row, ==, 1);
}

static void
test_missing_column (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autoptr(TaktCsvImport) import = load ("id,product,due\nSO-50,vase,2026-12-05\n", -1,
                                          TAKT_CSV_IMPORT_ORDERS);
  g_autoptr(TaktCsvImportResult) result = NULL;
  TaktCsvMapping mapping;

  takt_csv_import_detect (import, FALSE, &mapping);
  g_assert_cmpint (mapping.columns[TAKT_CSV_FIELD_QUANTITY], ==, -1);
  result = takt_csv_import_check (import, &mapping, plan);
  g_assert_cmpuint (result->problems->len, ==, 1);
  g_assert_cmpstr (result->problems->pdata[0], ==, "no column is chosen for the quantity");
  g_assert_cmpuint (result->rows->len, ==, 0);
  g_assert_cmpuint (takt_csv_import_apply (result, plan, NULL), ==, 0);
}

static void
test_preview (void)
{
  g_autoptr(TaktCsvImport) import = load ("a,b\n\"1\n2\",3,4\n5\n", -1, TAKT_CSV_IMPORT_ORDERS);
  const char * const *cells;
  guint line = 0;

  g_assert_cmpuint (takt_csv_import_get_n_records (import), ==, 3);
  g_assert_cmpuint (takt_csv_import_get_n_columns (import), ==, 3);
  cells = takt_csv_import_get_record (import, 1, &line);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpstr (cells[0], ==, "1\n2");
  g_assert_cmpstr (cells[2], ==, "4");
  g_assert_null (cells[3]);
  cells = takt_csv_import_get_record (import, 2, &line);
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpstr (cells[0], ==, "5");
}

static void
test_utf16 (void)
{
  g_autoptr(TaktPlan) plan = make_plan ();
  g_autofree char *body = NULL;
  g_autofree char *data = NULL;
  g_autoptr(TaktCsvImport) import = NULL;
  g_autoptr(TaktCsvImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TaktCsvMapping mapping;
  gsize n = 0;

  body = g_convert ("Bestellnummer;Artikel;Menge;Termin\r\nÜ-1;vase;2;05.12.2026\r\n", -1,
                    "UTF-16LE", "UTF-8", NULL, &n, &error);
  g_assert_no_error (error);
  data = g_malloc (n + 2);
  data[0] = (char) 0xFF;
  data[1] = (char) 0xFE;
  memcpy (data + 2, body, n);
  import = load (data, n + 2, TAKT_CSV_IMPORT_ORDERS);
  g_assert_cmpstr (takt_csv_import_get_encoding (import), ==, "UTF-16LE");
  takt_csv_import_detect (import, FALSE, &mapping);
  result = takt_csv_import_check (import, &mapping, plan);
  log_problems (result);
  g_assert_cmpuint (result->rows->len, ==, 1);
  g_assert_cmpstr (row_at (result, 0)->id, ==, "Ü-1");
}

static void
test_limits (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("id,product,quantity,due\n");
  g_autoptr(TaktCsvImport) import = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TaktPlan) plan = make_plan ();
  int fd;

  /* A file over 256 MiB (sparse: it takes no room on disk). */
  fd = g_file_open_tmp ("takt-big-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ftruncate (fd, (off_t) TAKT_CSV_MAX_BYTES + 1), ==, 0);
  close (fd);
  import = takt_csv_import_new_from_file (path, TAKT_CSV_IMPORT_ORDERS, &error);
  g_assert_null (import);
  g_assert_error (error, TAKT_CSV_ERROR, TAKT_CSV_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "files over 256 MiB are refused"));
  g_clear_error (&error);
  g_remove (path);

  /* A cell over 64 KiB. */
  g_string_append (text, "SO-1,vase,1,");
  for (int i = 0; i <= TAKT_CSV_MAX_CELL; i++)
    g_string_append_c (text, '9');
  g_string_append_c (text, '\n');
  import = takt_csv_import_new_from_data (text->str, text->len, TAKT_CSV_IMPORT_ORDERS, &error);
  g_assert_null (import);
  g_assert_error (error, TAKT_CSV_ERROR, TAKT_CSV_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "line 2: a field longer than 64 KiB (the limit)");
  g_clear_error (&error);

  /* 1,000,000 rows are read and checked; one more is refused. */
  g_string_assign (text, "id,product,quantity,due\n");
  for (int i = 0; i < TAKT_CSV_MAX_ROWS; i++)
    g_string_append_printf (text, "O-%d,vase,%d,2026-12-%02d\n", i, 1 + i % 9, 1 + i % 28);
  {
    gint64 t0 = g_get_monotonic_time ();
    g_autoptr(TaktCsvImportResult) result = NULL;
    TaktCsvMapping mapping;
    gint64 t1, t2;

    import = takt_csv_import_new_from_data (text->str, text->len, TAKT_CSV_IMPORT_ORDERS, &error);
    g_assert_no_error (error);
    t1 = g_get_monotonic_time ();
    takt_csv_import_detect (import, FALSE, &mapping);
    result = takt_csv_import_check (import, &mapping, plan);
    t2 = g_get_monotonic_time ();
    g_assert_cmpuint (result->rows->len, ==, TAKT_CSV_MAX_ROWS);
    g_assert_cmpuint (result->problems->len, ==, 0);
    g_test_message ("1,000,000 rows (%" G_GSIZE_FORMAT " bytes): read in %.0f ms, mapped and checked in %.0f ms",
                    text->len, (t1 - t0) / 1000.0, (t2 - t1) / 1000.0);
    g_clear_pointer (&import, takt_csv_import_free);
  }
  g_string_append (text, "O-x,vase,1,2026-12-05\n");
  import = takt_csv_import_new_from_data (text->str, text->len, TAKT_CSV_IMPORT_ORDERS, &error);
  g_assert_null (import);
  g_assert_error (error, TAKT_CSV_ERROR, TAKT_CSV_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "line 1000002: more than 1,000,000 rows (the limit)");
  g_clear_error (&error);

  /* Rows that would bring the plan over 10,000,000 units in all are
   * problems of their rows; the rows after them may still fit. */
  {
    g_autoptr(TaktCsvImportResult) result = NULL;
    g_autoptr(TaktPlan) copy = takt_plan_copy (plan);
    g_autoptr(GPtrArray) problems = NULL;
    g_autofree char *expected = NULL;
    TaktCsvMapping mapping;
    gint64 room = 10000000 - takt_plan_count_units (plan);
    guint skipped = 0;

    g_assert_cmpint (room, >, 1000);
    g_string_printf (text, "id,product,quantity,due\nU-1,vase,%" G_GINT64_FORMAT ",2026-12-05\n"
                     "U-2,vase,2,2026-12-05\nU-3,vase,1,2026-12-05\n", room - 1);
    import = takt_csv_import_new_from_data (text->str, text->len, TAKT_CSV_IMPORT_ORDERS, &error);
    g_assert_no_error (error);
    takt_csv_import_detect (import, FALSE, &mapping);
    result = takt_csv_import_check (import, &mapping, plan);
    g_assert_cmpuint (result->rows->len, ==, 2);
    g_assert_cmpuint (result->n_bad_rows, ==, 1);
    expected = g_strdup_printf ("row 3: quantity 2 would bring the plan over its limit of 10,000,000 units in all");
    g_assert_cmpstr (g_ptr_array_index (result->problems, 0), ==, expected);
    /* What is taken keeps the plan within the limit. */
    g_assert_cmpuint (takt_csv_import_apply (result, copy, &skipped), ==, 2);
    problems = takt_plan_check (copy);
    g_assert_cmpuint (problems->len, ==, 0);
    g_assert_cmpint (takt_plan_count_units (copy), ==, 10000000);
    g_clear_pointer (&import, takt_csv_import_free);
  }

  /* Problems are listed up to 10,000, then counted. */
  g_string_assign (text, "id,product,quantity,due\n");
  for (int i = 0; i < 10005; i++)
    g_string_append_printf (text, "B-%d,vase,x,2026-12-05\n", i);
  {
    g_autoptr(TaktCsvImportResult) result = NULL;
    TaktCsvMapping mapping;

    import = load (text->str, text->len, TAKT_CSV_IMPORT_ORDERS);
    takt_csv_import_detect (import, FALSE, &mapping);
    result = takt_csv_import_check (import, &mapping, plan);
    g_assert_cmpuint (result->n_bad_rows, ==, 10005);
    g_assert_cmpuint (result->problems->len, ==, 10001);
    g_assert_cmpstr (result->problems->pdata[10000], ==, "… and 5 more problems");
  }
}

static void
test_not_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TaktCsvImport) import = NULL;
  static const char binary[] = "id,product\n\0\x01\x02";

  import = takt_csv_import_new_from_data (binary, sizeof binary, TAKT_CSV_IMPORT_ORDERS, &error);
  g_assert_null (import);
  g_assert_error (error, TAKT_CSV_ERROR, TAKT_CSV_ERROR_ENCODING);
  g_clear_error (&error);
  import = takt_csv_import_new_from_data ("a\r\n\"never closed", 16, TAKT_CSV_IMPORT_ORDERS, &error);
  g_assert_null (import);
  g_assert_error (error, TAKT_CSV_ERROR, TAKT_CSV_ERROR_SYNTAX);
  g_clear_error (&error);
  import = takt_csv_import_new_from_file ("/nonexistent/orders.csv", TAKT_CSV_IMPORT_ORDERS, &error);
  g_assert_null (import);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/import/english", test_english);
  g_test_add_func ("/csv/import/german", test_german);
  g_test_add_func ("/csv/import/header-priority", test_header_priority);
  g_test_add_func ("/csv/import/slash-dates", test_slash_dates);
  g_test_add_func ("/csv/import/parse-date", test_parse_date);
  g_test_add_func ("/csv/import/bad-rows", test_bad_rows);
  g_test_add_func ("/csv/import/create-products", test_create_products);
  g_test_add_func ("/csv/import/forecast", test_forecast);
  g_test_add_func ("/csv/import/headerless", test_headerless);
  g_test_add_func ("/csv/import/missing-column", test_missing_column);
  g_test_add_func ("/csv/import/preview", test_preview);
  g_test_add_func ("/csv/import/utf16", test_utf16);
  g_test_add_func ("/csv/import/limits", test_limits);
  g_test_add_func ("/csv/import/not-text", test_not_text);

  return g_test_run ();
}
