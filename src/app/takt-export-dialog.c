/* takt-export-dialog.c — Export: the PDF report or CSV files of a plan
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-export"

#include "config.h"

#include <glib/gi18n.h>

#include "takt-export-csv.h"
#include "takt-export-dialog.h"
#include "takt-report.h"
#include "takt-time.h"

struct _TaktExportDialog
{
  AdwWindow             parent_instance;

  GtkButton            *cancel_button;
  GtkButton            *export_button;
  AdwPreferencesPage   *page;
  AdwComboRow          *format_row;
  AdwPreferencesGroup  *report_group;
  AdwComboRow          *paper_row;
  AdwComboRow          *orientation_row;
  AdwEntryRow          *from_row;
  AdwEntryRow          *to_row;
  GtkSpinButton        *pages_spin;
  AdwPreferencesGroup  *csv_group;
  GtkSwitch            *excel_switch;
  AdwPreferencesGroup  *progress_group;
  GtkProgressBar       *progress_bar;
  GtkLabel             *progress_label;

  TaktWindow           *window;          /* weak */
  TaktDocument         *document;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  struct _Progress     *progress;        /* shared with the running job */
  guint                 progress_timeout;
  gboolean              busy;
  gboolean              close_when_done;
};

G_DEFINE_FINAL_TYPE (TaktExportDialog, takt_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  EXPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- the job, in a worker thread ---- */

/* What the worker has done, read by the dialog ten times a second: the
 * worker holds no reference to any widget, so closing the window during an
 * export only stops it. */
typedef struct _Progress
{
  guint done;
  guint total;
} Progress;

static Progress *
progress_ref (Progress *progress)
{
  return g_atomic_rc_box_acquire (progress);
}

static void
progress_unref (Progress *progress)
{
  g_atomic_rc_box_release (progress);
}

typedef struct
{
  Progress          *progress;
  TaktPlan          *plan;        /* copies: the document may change meanwhile */
  TaktSchedule      *schedule;
  TaktExportFormat   format;
  TaktReportOptions  report;
  TaktCsvOptions     csv;
  char              *path;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_pointer (&job->progress, progress_unref);
  g_clear_pointer (&job->schedule, takt_schedule_free);
  g_clear_pointer (&job->plan, takt_plan_free);
  g_free (job->path);
  g_free (job);
}

/* Called in the worker thread. */
static void
post_progress (guint    done,
               guint    total,
               gpointer user_data)
{
  ExportJob *job = user_data;

  g_atomic_int_set (&job->progress->total, total);
  g_atomic_int_set (&job->progress->done, done);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (job->format == TAKT_EXPORT_PDF)
    {
      g_autoptr(TaktReport) report = NULL;

      report = takt_report_new (job->plan, job->schedule, NULL, &job->report, cancellable, &error);
      if (report == NULL ||
          !takt_report_write_pdf (report, job->path, cancellable, post_progress, job, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  else
    {
      TaktCsvExport first = TAKT_CSV_EXPORT_RUNS, last = TAKT_CSV_EXPORT_DAILY_COSTS;

      if (job->format != TAKT_EXPORT_CSV_ALL)
        first = last = (TaktCsvExport) (job->format - TAKT_EXPORT_CSV_RUNS);
      for (guint what = first; what <= last; what++)
        {
          g_autofree char *path = NULL;

          if (g_task_return_error_if_cancelled (task))
            return;
          post_progress (what - first, last - first + 1, job);
          path = job->format == TAKT_EXPORT_CSV_ALL && what != TAKT_CSV_EXPORT_RUNS
                 ? takt_csv_export_sibling_path (job->path, what) : g_strdup (job->path);
          if (!takt_csv_export_to_file (job->plan, job->schedule, what, &job->csv, path, &error))
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
        }
    }
  g_task_return_boolean (task, TRUE);
}

/* ---- the dialog ---- */

static gboolean
progress_timeout_cb (gpointer user_data)
{
  TaktExportDialog *self = user_data;
  guint done, total;
  g_autofree char *text = NULL;

  if (self->progress == NULL)
    return G_SOURCE_CONTINUE;
  done = (guint) g_atomic_int_get (&self->progress->done);
  total = (guint) g_atomic_int_get (&self->progress->total);
  if (total == 0)
    return G_SOURCE_CONTINUE;
  gtk_progress_bar_set_fraction (self->progress_bar, (double) MIN (done, total) / total);
  if (takt_export_dialog_get_format (self) == TAKT_EXPORT_PDF)
    /* Translators: progress of the PDF export */
    text = g_strdup_printf (_("Writing page %u of %u…"), MIN (done + 1, total), total);
  else
    /* Translators: progress of the CSV export */
    text = g_strdup_printf (_("Writing file %u of %u…"), MIN (done + 1, total), total);
  gtk_label_set_text (self->progress_label, text);
  return G_SOURCE_CONTINUE;
}

static void
set_busy (TaktExportDialog *self,
          gboolean          busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->report_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->csv_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !busy);
  gtk_button_set_label (self->cancel_button, busy ? _("_Stop") : _("_Cancel"));
  if (busy)
    {
      self->progress_timeout = g_timeout_add (100, progress_timeout_cb, self);
      gtk_widget_set_visible (GTK_WIDGET (self->progress_group), TRUE);
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_label_set_text (self->progress_label,
                          takt_export_dialog_get_format (self) == TAKT_EXPORT_PDF
                          ? _("Laying out the report…") : _("Writing…"));
    }
  else
    {
      g_clear_handle_id (&self->progress_timeout, g_source_remove);
      g_clear_pointer (&self->progress, progress_unref);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_problem (TaktExportDialog *self,
              const char       *text)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress_group), TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->progress_label, text);
}

static void
open_exported_cb (AdwToast   *toast,
                  TaktWindow *window)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "takt-uri");

  if (uri != NULL)
    gtk_show_uri (GTK_WINDOW (window), uri, GDK_CURRENT_TIME);
}

static void
announce (TaktExportDialog *self,
          GFile            *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;
  g_autofree char *markup = NULL;
  AdwToast *toast;

  if (self->window == NULL)
    return;
  if (takt_export_dialog_get_format (self) == TAKT_EXPORT_CSV_ALL)
    /* Translators: a toast after the CSV export, "Exported plan.csv and 2 more files" */
    title = g_strdup_printf (_("Exported %s and 2 more files"), name);
  else
    /* Translators: a toast after an export, "Exported report.pdf" */
    title = g_strdup_printf (_("Exported %s"), name);
  markup = g_markup_escape_text (title, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_timeout (toast, 6);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "takt-uri", g_file_get_uri (file), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_exported_cb), self->window, 0);
  takt_window_add_toast_full (self->window, toast);
}

typedef struct
{
  GWeakRef  dialog;
  GFile    *file;
} Done;

static void
done_free (Done *done)
{
  g_weak_ref_clear (&done->dialog);
  g_clear_object (&done->file);
  g_free (done);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Done *done = user_data;
  g_autoptr(TaktExportDialog) self = g_weak_ref_get (&done->dialog);
  g_autoptr(GFile) file = g_object_ref (done->file);
  g_autoptr(GError) error = NULL;
  gboolean close_when_done;

  done_free (done);
  if (self == NULL)
    {
      /* The dialog went (its window closed): nothing to show. */
      g_task_propagate_boolean (G_TASK (result), NULL);
      return;
    }
  close_when_done = self->close_when_done;

  g_clear_object (&self->cancellable);
  self->close_when_done = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      set_busy (self, FALSE);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_problem (self, _("Stopped. No file was changed."));
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *text = NULL;

          /* Translators: "report.pdf could not be written: No space left on device" */
          text = g_strdup_printf (_("%s could not be written: %s"), name, error->message);
          show_problem (self, text);
        }
      if (close_when_done)
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  gtk_progress_bar_set_fraction (self->progress_bar, 1);
  set_busy (self, FALSE);
  announce (self, file);
  g_signal_emit (self, signals[EXPORTED], 0, file);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The days the report shows: empty entries leave that end open (the whole
 * chart, runs past the horizon included). */
static gboolean
read_range (TaktExportDialog *self,
            gint64           *start,
            gint64           *end)
{
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->from_row));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->to_row));
  gboolean from_ok = TRUE, to_ok = TRUE;

  *start = G_MININT64;
  *end = G_MAXINT64;
  if (*from != '\0')
    from_ok = takt_parse_date (from, start);
  if (*to != '\0')
    {
      to_ok = takt_parse_date (to, end);
      if (to_ok)
        *end += TAKT_DAY_S;
    }
  if (from_ok && to_ok && *end <= *start)
    to_ok = FALSE;
  if (from_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->from_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->from_row), "error");
  if (to_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->to_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->to_row), "error");
  return from_ok && to_ok;
}

static void
update_sensitivity (TaktExportDialog *self)
{
  gint64 start, end;
  gboolean pdf = takt_export_dialog_get_format (self) == TAKT_EXPORT_PDF;
  gboolean ok = !pdf || read_range (self, &start, &end);

  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), ok && !self->busy);
}

static void
range_changed_cb (TaktExportDialog *self)
{
  update_sensitivity (self);
}

static void
format_changed_cb (TaktExportDialog *self)
{
  gboolean pdf = takt_export_dialog_get_format (self) == TAKT_EXPORT_PDF;

  gtk_widget_set_visible (GTK_WIDGET (self->report_group), pdf);
  gtk_widget_set_visible (GTK_WIDGET (self->csv_group), !pdf);
  if (takt_export_dialog_get_format (self) == TAKT_EXPORT_CSV_ALL)
    adw_preferences_group_set_description (self->csv_group,
                                           _("RFC 4180 text in UTF-8, one header row. Cells that a spreadsheet "
                                             "would run as a formula start with an apostrophe. The runs go to "
                                             "the file you choose, the fulfilment and the daily costs beside "
                                             "it: plan.csv, plan-fulfilment.csv, plan-costs.csv."));
  else
    adw_preferences_group_set_description (self->csv_group,
                                           _("RFC 4180 text in UTF-8, one header row. Cells that a spreadsheet "
                                             "would run as a formula start with an apostrophe."));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_group), FALSE);
  update_sensitivity (self);
}

void
takt_export_dialog_export_to (TaktExportDialog *self,
                              GFile            *file)
{
  g_autoptr(GTask) task = NULL;
  Done *done;
  const TaktPlan *plan;
  const TaktSchedule *schedule;
  TaktExportFormat format;
  ExportJob *job;

  g_return_if_fail (TAKT_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->busy || self->document == NULL)
    return;
  format = takt_export_dialog_get_format (self);
  plan = takt_document_get_plan (self->document);
  schedule = takt_document_get_schedule (self->document);
  if (g_file_peek_path (file) == NULL)
    {
      show_problem (self, _("Only files on this computer can be written."));
      return;
    }
  if (format != TAKT_EXPORT_PDF && schedule == NULL)
    {
      show_problem (self, _("The plan is still being computed. Try again in a moment."));
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->progress = g_atomic_rc_box_new0 (Progress);
  job->plan = takt_plan_copy (plan);
  job->schedule = schedule != NULL ? takt_schedule_copy (schedule) : NULL;
  job->format = format;
  job->path = g_strdup (g_file_peek_path (file));
  takt_report_options_init (&job->report);
  job->report.paper = adw_combo_row_get_selected (self->paper_row) == 1 ? TAKT_PAPER_LETTER : TAKT_PAPER_A4;
  job->report.gantt_portrait = adw_combo_row_get_selected (self->orientation_row) == 1;
  job->report.pages_wide = (guint) gtk_spin_button_get_value_as_int (self->pages_spin);
  if (format == TAKT_EXPORT_PDF && !read_range (self, &job->report.range_start, &job->report.range_end))
    {
      export_job_free (job);
      return;
    }
  if (gtk_switch_get_active (self->excel_switch))
    takt_csv_options_init_excel (&job->csv);
  else
    takt_csv_options_init (&job->csv);

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  self->progress = progress_ref (job->progress);
  done = g_new0 (Done, 1);
  g_weak_ref_init (&done->dialog, self);
  done->file = g_object_ref (file);
  task = g_task_new (NULL, self->cancellable, export_done_cb, done);
  g_task_set_source_tag (task, takt_export_dialog_export_to);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

void
takt_export_dialog_cancel (TaktExportDialog *self)
{
  g_return_if_fail (TAKT_IS_EXPORT_DIALOG (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static gboolean
has_suffix (const char *name,
            const char *suffix)
{
  gsize n = strlen (name), k = strlen (suffix);

  return n > k && g_ascii_strcasecmp (name + n - k, suffix) == 0;
}

static void
chooser_response_cb (GtkNativeDialog  *dialog,
                     int               response,
                     TaktExportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  /* "report" becomes "report.pdf". */
  {
    const char *suffix = takt_export_dialog_get_format (self) == TAKT_EXPORT_PDF ? ".pdf" : ".csv";
    g_autofree char *name = g_file_get_basename (file);

    if (name != NULL && !has_suffix (name, suffix))
      {
        g_autoptr(GFile) parent = g_file_get_parent (file);
        g_autofree char *with = g_strconcat (name, suffix, NULL);

        if (parent != NULL)
          g_set_object (&file, g_file_get_child (parent, with));
      }
  }
  takt_export_dialog_export_to (self, file);
}

/* The plan's title as a file name: no folder separators, no dots first. */
static char *
suggested_name (TaktExportDialog *self,
                const char       *suffix)
{
  const char *title = self->document != NULL ? takt_document_get_title (self->document) : NULL;
  g_autofree char *base = g_strdup (title != NULL && *title != '\0' ? title : _("Plan"));

  g_strdelimit (base, "/\\:*?\"<>|\n\r\t", '-');
  g_strstrip (base);
  while (base[0] == '.')
    base[0] = '-';
  return g_strconcat (base[0] != '\0' ? base : _("Plan"), suffix, NULL);
}

static void
export_clicked_cb (TaktExportDialog *self)
{
  gboolean pdf = takt_export_dialog_get_format (self) == TAKT_EXPORT_PDF;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self, pdf ? ".pdf" : ".csv");
  GFile *doc_file;

  if (self->busy || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (pdf ? _("Export the Report") : _("Export CSV"),
                                               GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (pdf)
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  doc_file = self->document != NULL ? takt_document_get_file (self->document) : NULL;
  if (doc_file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (doc_file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cancel_clicked_cb (TaktExportDialog *self)
{
  if (self->busy)
    takt_export_dialog_cancel (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
takt_export_dialog_close_request (GtkWindow *window)
{
  TaktExportDialog *self = TAKT_EXPORT_DIALOG (window);

  if (self->busy)
    {
      /* Stop first; the dialog goes when the worker has let go of the file. */
      self->close_when_done = TRUE;
      takt_export_dialog_cancel (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (takt_export_dialog_parent_class)->close_request (window);
}

TaktExportFormat
takt_export_dialog_get_format (TaktExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (TAKT_IS_EXPORT_DIALOG (self), TAKT_EXPORT_PDF);

  selected = adw_combo_row_get_selected (self->format_row);
  return selected < TAKT_N_EXPORT_FORMATS ? (TaktExportFormat) selected : TAKT_EXPORT_PDF;
}

void
takt_export_dialog_set_format (TaktExportDialog *self,
                               TaktExportFormat  format)
{
  g_return_if_fail (TAKT_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format < TAKT_N_EXPORT_FORMATS);

  adw_combo_row_set_selected (self->format_row, format);
}

gboolean
takt_export_dialog_get_busy (TaktExportDialog *self)
{
  g_return_val_if_fail (TAKT_IS_EXPORT_DIALOG (self), FALSE);

  return self->busy;
}

static void
takt_export_dialog_dispose (GObject *object)
{
  TaktExportDialog *self = TAKT_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  g_clear_pointer (&self->progress, progress_unref);
  g_clear_object (&self->document);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (takt_export_dialog_parent_class)->dispose (object);
}

static void
takt_export_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TaktExportDialog *self = TAKT_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
takt_export_dialog_class_init (TaktExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = takt_export_dialog_dispose;
  object_class->get_property = takt_export_dialog_get_property;
  window_class->close_request = takt_export_dialog_close_request;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TaktExportDialog::exported:
   * @file: the file written (the runs file of "all three")
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/taktplanner/Takt/takt-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TaktExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TaktExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, TaktExportDialog, page);
  gtk_widget_class_bind_template_child (widget_class, TaktExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, TaktExportDialog, report_group);
  gtk_widget_class_bind_template_child (widget_class, TaktExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, TaktExportDialog, orientation_row);
  gtk_widget_class_bind_template_child (widget_class, TaktExportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, TaktExportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, TaktExportDialog, pages_spin);
  gtk_widget_class_bind_template_child (widget_class, TaktExportDialog, csv_group);
  gtk_widget_class_bind_template_child (widget_class, TaktExportDialog, excel_switch);
  gtk_widget_class_bind_template_child (widget_class, TaktExportDialog, progress_group);
  gtk_widget_class_bind_template_child (widget_class, TaktExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TaktExportDialog, progress_label);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
takt_export_dialog_init (TaktExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_selected (self->paper_row, takt_paper_default () == TAKT_PAPER_LETTER ? 1 : 0);
  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (format_changed_cb), self,
                           G_CONNECT_SWAPPED);
  format_changed_cb (self);
}

/**
 * takt_export_dialog_new:
 * @window: the window whose plan is exported; the dialog is modal over it
 */
TaktExportDialog *
takt_export_dialog_new (TaktWindow *window)
{
  TaktExportDialog *self;

  g_return_val_if_fail (TAKT_IS_WINDOW (window), NULL);

  self = g_object_new (TAKT_TYPE_EXPORT_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->document = g_object_ref (takt_window_get_document (window));
  update_sensitivity (self);
  return self;
}
