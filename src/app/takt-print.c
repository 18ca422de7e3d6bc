/* takt-print.c — printing a plan: the PDF report's pages through GtkPrintOperation
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "takt-print.h"
#include "takt-report.h"

typedef struct
{
  TaktDocument *document;
  TaktReport   *report;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_pointer (&job->report, takt_report_free);
  g_clear_object (&job->document);
  g_free (job);
}

static PrintJob *
get_job (GtkPrintOperation *operation)
{
  return g_object_get_data (G_OBJECT (operation), "takt-print-job");
}

/* Letter when the chosen paper is Letter-wide, A4 otherwise. */
static TaktPaper
paper_of (GtkPageSetup *setup)
{
  GtkPaperSize *size = setup != NULL ? gtk_page_setup_get_paper_size (setup) : NULL;

  if (size == NULL)
    return takt_paper_default ();
  return fabs (gtk_paper_size_get_width (size, GTK_UNIT_MM) - 215.9) < 2 ? TAKT_PAPER_LETTER : TAKT_PAPER_A4;
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  PrintJob *job = get_job (operation);
  g_autoptr(GError) error = NULL;
  TaktReportOptions options;

  takt_report_options_init (&options);
  options.paper = paper_of (gtk_print_context_get_page_setup (context));
  g_clear_pointer (&job->report, takt_report_free);
  job->report = takt_report_new (takt_document_get_plan (job->document), takt_document_get_schedule (job->document),
                                 takt_document_get_stats (job->document), &options, NULL, &error);
  if (job->report == NULL)
    {
      g_warning ("Cannot lay out the report: %s", error->message);
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, (int) takt_report_get_n_pages (job->report));
}

static void
request_page_setup_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page_nr,
                       GtkPageSetup      *setup,
                       gpointer           user_data)
{
  PrintJob *job = get_job (operation);

  if (job->report == NULL || page_nr < 0 || (guint) page_nr >= takt_report_get_n_pages (job->report))
    return;
  gtk_page_setup_set_orientation (setup, takt_report_page_is_landscape (job->report, (guint) page_nr)
                                         ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              gpointer           user_data)
{
  PrintJob *job = get_job (operation);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);

  if (job->report == NULL || page_nr < 0 || (guint) page_nr >= takt_report_get_n_pages (job->report) ||
      width <= 0 || height <= 0)
    return;
  takt_report_draw_page (job->report, (guint) page_nr, gtk_print_context_get_cairo_context (context),
                         width, height);
}

static void
end_print_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              gpointer           user_data)
{
  PrintJob *job = get_job (operation);

  g_clear_pointer (&job->report, takt_report_free);
}

GtkPrintOperation *
takt_print_operation_new (TaktDocument *document)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  PrintJob *job;
  const char *title;

  g_return_val_if_fail (TAKT_IS_DOCUMENT (document), NULL);

  operation = gtk_print_operation_new ();
  job = g_new0 (PrintJob, 1);
  job->document = g_object_ref (document);
  g_object_set_data_full (G_OBJECT (operation), "takt-print-job", job, print_job_free);

  paper = gtk_paper_size_new (takt_paper_default () == TAKT_PAPER_LETTER ? GTK_PAPER_NAME_LETTER
                                                                        : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, FALSE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  title = takt_document_get_title (document);
  if (title != NULL && *title != '\0')
    gtk_print_operation_set_job_name (operation, title);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), NULL);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (request_page_setup_cb), NULL);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), NULL);
  g_signal_connect (operation, "end-print", G_CALLBACK (end_print_cb), NULL);
  return operation;
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWindow               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      GtkWidget *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog = adw_message_dialog_new (parent, _("Could Not Print the Plan"),
                                       error != NULL ? error->message : NULL);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_object_unref (operation);
}

void
takt_print_document (GtkWindow    *parent,
                     TaktDocument *document)
{
  GtkPrintOperation *operation;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (TAKT_IS_DOCUMENT (document));

  operation = takt_print_operation_new (document);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (done_cb), parent, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("Cannot print: %s", error != NULL ? error->message : "");
}
