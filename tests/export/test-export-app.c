/* test-export-app.c — Export and Print in the app
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's win.export opens the Export dialog and win.print is there;
 * the dialog writes the PDF report and the CSV files of the sample plan in
 * its worker thread (the PDF as many pages as the report has, the three
 * CSV files side by side), reports busy while it works, and a stopped
 * export leaves no file; printing through GtkPrintOperation (exported to a
 * PDF file, as "Print to File" does) gives the report's pages, each page
 * upright or turned as the report has it.
 */

#define G_LOG_DOMAIN "test-export-app"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "takt-application.h"
#include "takt-export-dialog.h"
#include "takt-print.h"
#include "takt-report.h"
#include "takt-window.h"
#include "test-app-common.h"

/* A window on the sample, planned. */
static TaktWindow *
new_window_with_sample (void)
{
  TaktWindow *window = test_window_with_sample (0, 0);

  test_replan_and_wait (takt_window_get_document (window));
  return window;
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("takt-export-app-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + 6 + strspn (line + 6, " "), NULL, 10);
}

static gboolean
have_pdfinfo (void)
{
  g_autofree char *path = g_find_program_in_path ("pdfinfo");

  if (path == NULL)
    g_test_skip ("pdfinfo is not installed (poppler-utils)");
  return path != NULL;
}

static TaktReport *
report_of (TaktDocument *document,
           TaktPaper     paper)
{
  g_autoptr(GError) error = NULL;
  TaktReportOptions options;
  TaktReport *report;

  takt_report_options_init (&options);
  options.paper = paper;
  report = takt_report_new (takt_document_get_plan (document), takt_document_get_schedule (document),
                            takt_document_get_stats (document), &options, NULL, &error);
  g_assert_no_error (error);
  return report;
}

static guint exported;
static guint busy_changes;

static void
exported_cb (TaktExportDialog *dialog,
             GFile            *file,
             gpointer          user_data)
{
  exported++;
}

static void
busy_cb (TaktExportDialog *dialog)
{
  busy_changes++;
}

static void
test_actions (void)
{
  TaktWindow *window = new_window_with_sample ();
  TaktExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  test_spin (50);
  dialog = TAKT_EXPORT_DIALOG (test_find_toplevel (TAKT_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_cmpint (takt_export_dialog_get_format (dialog), ==, TAKT_EXPORT_PDF);
  g_assert_false (takt_export_dialog_get_busy (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Print is installed too (running it opens the system's print dialog). */
  {
    GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (window);
    gboolean have_export = FALSE, have_print = FALSE;
    const char *name, *property;
    const GVariantType *type;
    GType owner;

    /* GTK 4.8 fills every out argument: none may be NULL. */
    for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &type, &property); i++)
      {
        have_export = have_export || g_str_equal (name, "win.export");
        have_print = have_print || g_str_equal (name, "win.print");
      }
    g_assert_true (have_export);
    g_assert_true (have_print);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_pdf (void)
{
  TaktWindow *window = new_window_with_sample ();
  TaktDocument *document = takt_window_get_document (window);
  TaktExportDialog *dialog = takt_export_dialog_new (window);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TaktReport) report = report_of (document, takt_paper_default ());
  g_autofree char *bytes = NULL;

  exported = busy_changes = 0;
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), NULL);
  g_signal_connect (dialog, "notify::busy", G_CALLBACK (busy_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  takt_export_dialog_set_format (dialog, TAKT_EXPORT_PDF);
  takt_export_dialog_export_to (dialog, file);
  g_assert_true (takt_export_dialog_get_busy (dialog));
  test_wait_until (&exported, 1, 60000);
  g_assert_cmpuint (busy_changes, ==, 2);

  g_assert_true (g_file_get_contents (path, &bytes, NULL, NULL));
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
  if (have_pdfinfo ())
    g_assert_cmpuint (pdf_pages (path), ==, takt_report_get_n_pages (report));

  remove_dir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_csv_all (void)
{
  TaktWindow *window = new_window_with_sample ();
  TaktExportDialog *dialog = takt_export_dialog_new (window);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.csv", NULL);
  g_autofree char *fulfilment = g_build_filename (dir, "plan-fulfilment.csv", NULL);
  g_autofree char *costs = g_build_filename (dir, "plan-costs.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *runs_text = NULL;
  g_autofree char *costs_text = NULL;

  exported = 0;
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  takt_export_dialog_set_format (dialog, TAKT_EXPORT_CSV_ALL);
  takt_export_dialog_export_to (dialog, file);
  test_wait_until (&exported, 1, 60000);

  g_assert_true (g_file_get_contents (path, &runs_text, NULL, NULL));
  g_assert_true (g_str_has_prefix (runs_text, "run,product,product_name,"));
  g_assert_true (g_file_test (fulfilment, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_get_contents (costs, &costs_text, NULL, NULL));
  g_assert_true (g_str_has_prefix (costs_text, "date,holding,setup,tardiness,total,"));

  remove_dir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_stop (void)
{
  TaktWindow *window = new_window_with_sample ();
  TaktExportDialog *dialog = takt_export_dialog_new (window);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "stopped.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GDir) d = NULL;

  exported = busy_changes = 0;
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), NULL);
  g_signal_connect (dialog, "notify::busy", G_CALLBACK (busy_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  takt_export_dialog_export_to (dialog, file);
  takt_export_dialog_cancel (dialog);
  test_wait_until (&busy_changes, 2, 60000);
  test_spin (50);
  g_assert_cmpuint (exported, ==, 0);
  g_assert_false (takt_export_dialog_get_busy (dialog));
  /* No file, no temporary file. */
  d = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (d));
  /* The dialog stays for another try. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  remove_dir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_print (void)
{
  TaktWindow *window = new_window_with_sample ();
  TaktDocument *document = takt_window_get_document (window);
  g_autoptr(GtkPrintOperation) operation = takt_print_operation_new (document);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(TaktReport) report = report_of (document, takt_paper_default ());
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_cmpint (gtk_print_operation_get_n_pages_to_print (operation), ==, (int) takt_report_get_n_pages (report));
  if (have_pdfinfo ())
    {
      const char *argv[] = { "pdfinfo", "-f", "1", "-l", "100000", path, NULL };
      g_autofree char *out = NULL;
      g_auto(GStrv) lines = NULL;
      guint pages = 0;

      g_assert_cmpuint (pdf_pages (path), ==, takt_report_get_n_pages (report));
      /* Each page upright or turned as the report has it. */
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, &out, NULL, NULL, NULL));
      lines = g_strsplit (out, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          unsigned page;
          char w[32], h[32];

          if (sscanf (lines[i], "Page %u size: %31s x %31s", &page, w, h) != 3)
            continue;
          g_assert_cmpuint (page, >=, 1);
          g_assert_cmpint (g_ascii_strtod (w, NULL) > g_ascii_strtod (h, NULL), ==,
                           takt_report_page_is_landscape (report, page - 1));
          pages++;
        }
      g_assert_cmpuint (pages, ==, takt_report_get_n_pages (report));
    }

  remove_dir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* Recent files and recovery files go to a folder of the test's own. */
  test_init_gui (&argc, &argv);

  g_test_add_func ("/export-app/actions", test_actions);
  g_test_add_func ("/export-app/pdf", test_export_pdf);
  g_test_add_func ("/export-app/csv-all", test_export_csv_all);
  g_test_add_func ("/export-app/stop", test_export_stop);
  g_test_add_func ("/export-app/print", test_print);

  return g_test_run ();
}
