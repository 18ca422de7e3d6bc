/* test-import.c — the CSV import dialog: the good rows land as one undo
 * step, the bad ones are listed with their row numbers, unknown products
 * are offered for creation, Cancel imports nothing
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With TAKT_TEST_SCREENSHOTS=DIR the dialog is also written to
 * DIR/import-dialog.png, to look at.
 */

#define G_LOG_DOMAIN "test-import"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "takt-application.h"
#include "takt-demand-page.h"
#include "takt-import-dialog.h"
#include "takt-time.h"
#include "takt-window.h"
#include "test-app-common.h"

/* Orders as a German spreadsheet writes them: ';' and dd.mm.yyyy.  Rows
 * (file lines) 2, 3, 6 and 8 are good; 4 has a quantity in words, 5 a
 * date that does not exist, 7 an order the plan already has, 9 and 10 a
 * product the plan lacks. */
static const char orders_csv[] =
  "Auftrag;Artikel;Menge;Liefertermin;Kunde\r\n"
  "IM-1;vase;12;07.12.2026 14:00;Laden Süd\r\n"
  "IM-2;lamp;5;08.12.2026;\r\n"
  "IM-3;vase;ten;09.12.2026;Laden Süd\r\n"
  "IM-4;stand;3;31.11.2026;Webshop\r\n"
  "IM-5;Phone stand;8;10.12.2026 09:30;Webshop\r\n"
  "SO-1001;vase;1;10.12.2026;Doppelt\r\n"
  "IM-6;planter;2;11.12.2026;\r\n"
  "IM-7;Desk lamp;4;12.12.2026;Neu GmbH\r\n"
  "IM-8;Desk lamp;6;13.12.2026;Neu GmbH\r\n";

/* The sample in a window on its Demand page; the document's re-plans are
 * held off for good. */
static TaktWindow *
new_window_with_sample (void)
{
  g_autoptr(TaktDocument) document = takt_document_new ();
  TaktWindow *window;

  takt_document_set_replan_delay (document, G_MAXUINT);
  test_load_sample_into (document);
  window = test_present_window (document, 1200, 800);
  takt_window_set_page (window, "demand");
  test_spin (50);
  return window;
}

static GFile *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *dir = g_dir_make_tmp ("takt-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static gboolean
has_problem (const TaktCsvImportResult *result,
             const char                *prefix,
             const char                *part)
{
  for (guint i = 0; i < result->problems->len; i++)
    {
      const char *problem = g_ptr_array_index (result->problems, i);

      if (g_str_has_prefix (problem, prefix) && strstr (problem, part) != NULL)
        return TRUE;
    }
  return FALSE;
}

static guint imported;
static guint imported_added;
static guint imported_skipped;

static void
imported_cb (TaktImportDialog *dialog,
             int               kind,
             guint             added,
             guint             skipped,
             gpointer          user_data)
{
  imported++;
  imported_added = added;
  imported_skipped = skipped;
}

static const TaktOrder *
find_order (const TaktPlan *plan,
            const char     *id)
{
  for (guint i = 0; i < plan->orders->len; i++)
    if (g_str_equal (((TaktOrder *) g_ptr_array_index (plan->orders, i))->id, id))
      return g_ptr_array_index (plan->orders, i);
  return NULL;
}

static void
test_good_and_bad_rows (void)
{
  TaktWindow *window = new_window_with_sample ();
  TaktDocument *document = takt_window_get_document (window);
  TaktDemandPage *page = TAKT_DEMAND_PAGE (takt_window_get_page_widget (window, "demand"));
  g_autoptr(GFile) file = write_file ("auftraege.csv", orders_csv);
  g_autoptr(GBytes) before = takt_document_serialize (document);
  g_autoptr(GError) error = NULL;
  guint n_orders = takt_document_get_plan (document)->orders->len;
  guint n_products = takt_document_get_plan (document)->products->len;
  const TaktCsvImportResult *result;
  const TaktCsvMapping *mapping;
  TaktImportDialog *dialog;
  const TaktPlan *plan;
  const TaktOrder *order;

  /* "Import CSV…" once the file is chosen. */
  dialog = TAKT_IMPORT_DIALOG (takt_demand_page_import_file (page, file, &error));
  g_assert_no_error (error);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), NULL);
  test_spin (100);

  /* The mapping proposed from the German header, ';' and dd.mm.yyyy. */
  g_assert_cmpint (takt_import_dialog_get_delimiter (dialog), ==, ';');
  mapping = takt_import_dialog_get_mapping (dialog);
  g_assert_true (mapping->has_header);
  g_assert_cmpint (mapping->columns[TAKT_CSV_FIELD_ID], ==, 0);
  g_assert_cmpint (mapping->columns[TAKT_CSV_FIELD_PRODUCT], ==, 1);
  g_assert_cmpint (mapping->columns[TAKT_CSV_FIELD_QUANTITY], ==, 2);
  g_assert_cmpint (mapping->columns[TAKT_CSV_FIELD_DUE], ==, 3);
  g_assert_cmpint (mapping->columns[TAKT_CSV_FIELD_CUSTOMER], ==, 4);
  g_assert_cmpint (mapping->date_format, ==, TAKT_CSV_DATE_DOTTED);
  g_assert_false (mapping->date_ambiguous);

  /* The bad rows, by their line in the file. */
  result = takt_import_dialog_get_result (dialog);
  g_assert_nonnull (result);
  for (guint i = 0; i < result->problems->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (result->problems, i));
  g_assert_cmpuint (result->n_rows, ==, 9);
  g_assert_cmpuint (result->n_bad_rows, ==, 3);
  g_assert_true (has_problem (result, "row 4: ", "'ten' is not a number"));
  g_assert_true (has_problem (result, "row 5: ", "31.11.2026"));
  g_assert_true (has_problem (result, "row 7: ", "SO-1001"));
  g_assert_cmpuint (result->unknown_products->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (result->unknown_products, 0), ==, "Desk lamp");
  /* Six good rows, two of them of the new product, offered for creation. */
  g_assert_cmpuint (takt_import_dialog_get_n_importable (dialog), ==, 6);

  /* Not creating "Desk lamp" leaves its two rows out. */
  takt_import_dialog_set_create_product (dialog, "Desk lamp", FALSE);
  g_assert_cmpuint (takt_import_dialog_get_n_importable (dialog), ==, 4);

  /* Import: one undo step. */
  imported = 0;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  test_spin (50);
  g_assert_null (dialog);
  g_assert_cmpuint (imported, ==, 1);
  g_assert_cmpuint (imported_added, ==, 4);
  g_assert_cmpuint (imported_skipped, ==, 5);

  plan = takt_document_get_plan (document);
  g_assert_cmpuint (plan->orders->len, ==, n_orders + 4);
  g_assert_cmpuint (plan->products->len, ==, n_products);
  g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Import 4 Orders");
  order = find_order (plan, "IM-1");
  g_assert_nonnull (order);
  g_assert_cmpint (order->quantity, ==, 12);
  g_assert_cmpstr (order->customer, ==, "Laden Süd");
  {
    g_autofree char *due = takt_format_datetime (order->due, TRUE);

    g_assert_cmpstr (due, ==, "2026-12-07T14:00:00");
  }
  /* A date without a time is due at the end of that day. */
  order = find_order (plan, "IM-2");
  g_assert_nonnull (order);
  {
    g_autofree char *due = takt_format_datetime (order->due, TRUE);

    g_assert_cmpstr (due, ==, "2026-12-09T00:00:00");
  }
  /* A product named by its name. */
  order = find_order (plan, "IM-5");
  g_assert_nonnull (order);
  g_assert_cmpstr (order->product, ==, "stand");
  g_assert_null (find_order (plan, "IM-3"));
  g_assert_null (find_order (plan, "IM-7"));

  /* The toast says what happened. */
  g_test_message ("toast: %s", takt_demand_page_get_last_message (page));
  g_assert_cmpstr (takt_demand_page_get_last_message (page), ==, "Imported 4 orders · 5 rows skipped");

  /* One undo takes all of it back, to the byte. */
  g_assert_true (takt_document_undo (document));
  {
    g_autoptr(GBytes) now = takt_document_serialize (document);

    g_assert_true (g_bytes_equal (now, before));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_create_product (void)
{
  TaktWindow *window = new_window_with_sample ();
  TaktDocument *document = takt_window_get_document (window);
  TaktDemandPage *page = TAKT_DEMAND_PAGE (takt_window_get_page_widget (window, "demand"));
  g_autoptr(GFile) file = write_file ("orders.csv", orders_csv);
  g_autoptr(GError) error = NULL;
  guint n_products = takt_document_get_plan (document)->products->len;
  TaktImportDialog *dialog;
  const TaktProduct *product;
  const TaktPlan *plan;
  int index;

  dialog = TAKT_IMPORT_DIALOG (takt_demand_page_import_file (page, file, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  test_spin (50);

  plan = takt_document_get_plan (document);
  g_assert_cmpuint (plan->products->len, ==, n_products + 1);
  index = takt_plan_find_product (plan, "Desk lamp");
  g_assert_cmpint (index, >=, 0);
  product = g_ptr_array_index (plan->products, index);
  g_assert_cmpstr (product->name, ==, "Desk lamp");
  /* Made like the first product until someone says otherwise. */
  g_assert_cmpuint (product->routing->len, ==,
                    ((TaktProduct *) g_ptr_array_index (plan->products, 0))->routing->len);
  g_assert_cmpint (find_order (plan, "IM-8")->product_index, ==, index);
  g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Import 6 Orders");
  g_assert_cmpstr (takt_demand_page_get_last_message (page), ==, "Imported 6 orders · 3 rows skipped");

  /* The new product is planned like any other. */
  {
    g_autoptr(GError) plan_error = NULL;
    g_autoptr(TaktPlanStats) stats = NULL;
    TaktPlannerOptions options;
    TaktSchedule *schedule;

    takt_planner_options_init (&options, plan);
    options.time_limit_ms = 0;
    schedule = takt_planner_run (plan, &options, &stats, &plan_error);
    g_assert_no_error (plan_error);
    g_assert_nonnull (schedule);
    g_assert_cmpint (stats->unmet_units, ==, 0);
    takt_schedule_free (schedule);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_cancel (void)
{
  TaktWindow *window = new_window_with_sample ();
  TaktDocument *document = takt_window_get_document (window);
  TaktDemandPage *page = TAKT_DEMAND_PAGE (takt_window_get_page_widget (window, "demand"));
  g_autoptr(GFile) file = write_file ("orders.csv", orders_csv);
  g_autoptr(GBytes) before = takt_document_serialize (document);
  g_autoptr(GError) error = NULL;
  TaktImportDialog *dialog;

  dialog = TAKT_IMPORT_DIALOG (takt_demand_page_import_file (page, file, &error));
  g_assert_no_error (error);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  imported = 0;
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), NULL);
  g_assert_cmpuint (takt_import_dialog_get_n_importable (dialog), ==, 6);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));
  test_spin (50);
  g_assert_null (dialog);
  g_assert_cmpuint (imported, ==, 0);
  g_assert_false (takt_document_get_can_undo (document));
  g_assert_false (takt_document_get_dirty (document));
  {
    g_autoptr(GBytes) now = takt_document_serialize (document);

    g_assert_true (g_bytes_equal (now, before));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A forecast with slashes where no day is above 12: either order reads
 * every date, so the person chooses. */
static void
test_forecast_ambiguous_dates (void)
{
  TaktWindow *window = new_window_with_sample ();
  TaktDocument *document = takt_window_get_document (window);
  g_autoptr(GError) error = NULL;
  static const char forecast_csv[] =
    "product,date,quantity\n"
    "vase,12/05/2026,4\n"
    "lamp,12/08/2026,2\n";
  const TaktCsvImportResult *result;
  const TaktCsvMapping *mapping;
  const TaktCsvImportRow *row;
  GtkWidget *dialog;
  g_autofree char *date = NULL;

  dialog = takt_import_dialog_new (document, TAKT_CSV_IMPORT_ORDERS);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  g_assert_true (takt_import_dialog_load_data (TAKT_IMPORT_DIALOG (dialog), forecast_csv, strlen (forecast_csv),
                                               "forecast.csv", &error));
  g_assert_no_error (error);

  /* As orders, the file lacks an id column: nothing to import. */
  g_assert_cmpuint (takt_import_dialog_get_n_importable (TAKT_IMPORT_DIALOG (dialog)), ==, 0);
  g_assert_true (has_problem (takt_import_dialog_get_result (TAKT_IMPORT_DIALOG (dialog)), "", "no column"));

  takt_import_dialog_set_kind (TAKT_IMPORT_DIALOG (dialog), TAKT_CSV_IMPORT_FORECAST);
  mapping = takt_import_dialog_get_mapping (TAKT_IMPORT_DIALOG (dialog));
  g_assert_cmpint (mapping->columns[TAKT_CSV_FIELD_PRODUCT], ==, 0);
  g_assert_cmpint (mapping->columns[TAKT_CSV_FIELD_DUE], ==, 1);
  g_assert_cmpint (mapping->columns[TAKT_CSV_FIELD_QUANTITY], ==, 2);
  g_assert_true (mapping->date_ambiguous);
  g_assert_cmpuint (takt_import_dialog_get_n_importable (TAKT_IMPORT_DIALOG (dialog)), ==, 2);

  /* Month first: 5 and 8 December. */
  takt_import_dialog_set_date_format (TAKT_IMPORT_DIALOG (dialog), TAKT_CSV_DATE_MONTH_DAY);
  g_assert_false (mapping->date_ambiguous);
  result = takt_import_dialog_get_result (TAKT_IMPORT_DIALOG (dialog));
  row = g_ptr_array_index (result->rows, 0);
  date = takt_format_date (row->due);
  g_assert_cmpstr (date, ==, "2026-12-05");
  g_clear_pointer (&date, g_free);

  /* Day first: 12 May and 12 August. */
  takt_import_dialog_set_date_format (TAKT_IMPORT_DIALOG (dialog), TAKT_CSV_DATE_DAY_MONTH);
  result = takt_import_dialog_get_result (TAKT_IMPORT_DIALOG (dialog));
  row = g_ptr_array_index (result->rows, 1);
  date = takt_format_date (row->due);
  g_assert_cmpstr (date, ==, "2026-08-12");

  /* The wrong delimiter reads one column: nothing to import, and back. */
  takt_import_dialog_set_delimiter (TAKT_IMPORT_DIALOG (dialog), ';');
  g_assert_cmpint (takt_import_dialog_get_delimiter (TAKT_IMPORT_DIALOG (dialog)), ==, ';');
  g_assert_cmpuint (takt_import_dialog_get_n_importable (TAKT_IMPORT_DIALOG (dialog)), ==, 0);
  takt_import_dialog_set_delimiter (TAKT_IMPORT_DIALOG (dialog), ',');
  g_assert_cmpuint (takt_import_dialog_get_n_importable (TAKT_IMPORT_DIALOG (dialog)), ==, 2);

  /* A column chosen by hand: quantities read from the date column fail. */
  takt_import_dialog_set_column (TAKT_IMPORT_DIALOG (dialog), TAKT_CSV_FIELD_QUANTITY, 1);
  g_assert_cmpuint (takt_import_dialog_get_n_importable (TAKT_IMPORT_DIALOG (dialog)), ==, 0);
  g_assert_true (has_problem (takt_import_dialog_get_result (TAKT_IMPORT_DIALOG (dialog)), "row 2: ", "quantity"));
  takt_import_dialog_set_column (TAKT_IMPORT_DIALOG (dialog), TAKT_CSV_FIELD_QUANTITY, 2);

  g_assert_true (gtk_widget_activate_action (dialog, "import.apply", NULL));
  test_spin (50);
  g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Import 2 Forecast Entries");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- a picture to look at ---- */

static void
shoot_import (const char *path)
{
  TaktWindow *window = new_window_with_sample ();
  TaktDemandPage *page = TAKT_DEMAND_PAGE (takt_window_get_page_widget (window, "demand"));
  g_autoptr(GFile) file = write_file ("auftraege.csv", orders_csv);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  dialog = takt_demand_page_import_file (page, file, &error);
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 780, 1500);
  test_spin (400);

  test_write_png (dialog, path);
  gtk_window_destroy (GTK_WINDOW (window));
  test_spin (50);
}

static void
test_screenshot (void)
{
  test_shoot_light_and_dark ("import-dialog", shoot_import);
}

int
main (int   argc,
      char *argv[])
{
  test_init_gui (&argc, &argv);

  g_test_add_func ("/import/good-and-bad-rows", test_good_and_bad_rows);
  g_test_add_func ("/import/create-product", test_create_product);
  g_test_add_func ("/import/cancel", test_cancel);
  g_test_add_func ("/import/forecast-ambiguous-dates", test_forecast_ambiguous_dates);
  g_test_add_func ("/import/screenshot", test_screenshot);

  return g_test_run ();
}
