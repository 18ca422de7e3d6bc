/* takt-window.c — a window showing one plan
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "takt-application.h"
#include "takt-campaigns-page.h"
#include "takt-costs-page.h"
#include "takt-demand-page.h"
#include "takt-export-dialog.h"
#include "takt-format.h"
#include "takt-plan-properties.h"
#include "takt-print.h"
#include "takt-products-page.h"
#include "takt-schedule-page.h"
#include "takt-stations-page.h"
#include "takt-window.h"

#define MAX_RECENT 10

struct _TaktWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwViewStack         *stack;
  GtkMenuButton        *menu_button;
  GtkSpinner           *spinner;
  GtkRevealer          *search_revealer;
  GtkProgressBar       *search_progress;
  guint                 search_tick;
  GtkOverlay           *cost_overlay;
  GtkLabel             *cost_label;
  GtkSpinner           *cost_spinner;
  GtkLabel             *late_label;
  GMenu                *undo_section;
  GMenu                *recent_menu;
  TaktPage             *schedule_page;
  TaktPage             *campaigns_page;
  TaktPage             *demand_page;
  TaktPage             *products_page;
  TaktPage             *stations_page;
  TaktPage             *costs_page;

  TaktDocument         *document;
  AdwToast             *last_toast;
  GtkNativeDialog      *file_dialog;
  gulong                recent_handler;
  gboolean              close_confirmed;
  gboolean              close_after_save;
};

G_DEFINE_FINAL_TYPE (TaktWindow, takt_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void save_as (TaktWindow *self);

/* ---- helpers ---- */

static GSettings *
get_settings (TaktWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!TAKT_IS_APPLICATION (app))
    return NULL;
  return takt_application_get_settings (TAKT_APPLICATION (app));
}

static void
add_recent (GFile *file)
{
  g_autofree char *uri = NULL;

  if (file == NULL || !g_file_is_native (file))
    return;
  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

static char *
escape_mnemonic (const char *text)
{
  g_autoptr(GString) str = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '_')
        g_string_append_c (str, '_');
      g_string_append_c (str, *p);
    }
  return g_string_free (g_steal_pointer (&str), FALSE);
}

/* ---- title, health and history ---- */

static void
update_title (TaktWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *name;

  if (self->document == NULL)
    return;

  name = takt_document_get_title (self->document);
  if (takt_document_get_dirty (self->document))
    title = g_strdup_printf ("%s •", name);
  else
    title = g_strdup (name);

  subtitle = takt_document_dup_display_name (self->document);

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle ? subtitle : _("Not saved yet"));
}

static void
update_health (TaktWindow *self)
{
  const TaktPlanStats *stats;
  gboolean replanning;
  gboolean cost_shown;

  if (self->document == NULL)
    return;

  stats = takt_document_get_stats (self->document);
  replanning = takt_document_get_replanning (self->document);

  /* When narrow, the title needs the room. */
  cost_shown = stats != NULL && !adw_view_switcher_title_get_title_visible (self->switcher_title);
  gtk_widget_set_visible (GTK_WIDGET (self->cost_overlay), cost_shown);

  /* While the plan is worked out, the total it replaces fades under a
   * spinner.  A spinner beside it would widen the end of the header bar, so
   * that the view switcher turned narrow and back at every re-plan of a
   * window of the default size. */
  gtk_spinner_set_spinning (self->cost_spinner, replanning && cost_shown);
  gtk_widget_set_visible (GTK_WIDGET (self->cost_spinner), replanning && cost_shown);
  if (replanning && cost_shown)
    gtk_widget_add_css_class (GTK_WIDGET (self->cost_label), "takt-stale");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->cost_label), "takt-stale");
  gtk_spinner_set_spinning (self->spinner, replanning && !cost_shown);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), replanning && !cost_shown);

  if (stats == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->late_label), FALSE);
      return;
    }
  else
    {
      g_autofree char *money = takt_format_money (stats->total, takt_document_get_plan (self->document)->currency);
      g_autofree char *late = NULL;

      gtk_label_set_text (self->cost_label, money);

      if (stats->late_orders > 0 || stats->unmet_units > 0)
        {
          gint64 n = stats->late_orders;

          /* Translators: shown in the header bar, e.g. "2 late" */
          late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d late", "%d late", n), (int) n);
          gtk_widget_remove_css_class (GTK_WIDGET (self->late_label), "success");
          gtk_widget_add_css_class (GTK_WIDGET (self->late_label), "error");
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->late_label),
                                       g_dngettext (GETTEXT_PACKAGE,
                                                    "Orders that finish after they are due",
                                                    "Orders that finish after they are due", n));
        }
      else
        {
          late = g_strdup (_("On time"));
          gtk_widget_remove_css_class (GTK_WIDGET (self->late_label), "error");
          gtk_widget_add_css_class (GTK_WIDGET (self->late_label), "success");
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->late_label), _("Every order is finished by its due time"));
        }

      gtk_label_set_text (self->late_label, late);
      gtk_widget_set_visible (GTK_WIDGET (self->late_label), TRUE);
    }
}

static void
update_history (TaktWindow *self)
{
  const char *undo_label = NULL;
  const char *redo_label = NULL;
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;

  if (self->document != NULL)
    {
      undo_label = takt_document_get_undo_label (self->document);
      redo_label = takt_document_get_redo_label (self->document);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", undo_label != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", redo_label != NULL);

  if (undo_label != NULL)
    {
      g_autofree char *escaped = escape_mnemonic (undo_label);

      /* Translators: a menu item, e.g. "Undo Change Cycle Time" */
      undo = g_strdup_printf (_("_Undo %s"), escaped);
    }
  else
    undo = g_strdup (_("_Undo"));

  if (redo_label != NULL)
    {
      g_autofree char *escaped = escape_mnemonic (redo_label);

      /* Translators: a menu item, e.g. "Redo Change Cycle Time" */
      redo = g_strdup_printf (_("_Redo %s"), escaped);
    }
  else
    redo = g_strdup (_("_Redo"));

  g_menu_remove_all (self->undo_section);
  g_menu_append (self->undo_section, undo, "win.undo");
  g_menu_append (self->undo_section, redo, "win.redo");
}

static void
update_recent (TaktWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GMenu) section = g_menu_new ();
  GList *items = gtk_recent_manager_get_items (manager);
  GPtrArray *chosen = g_ptr_array_new ();
  guint added = 0;

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);

      if (g_str_has_suffix (uri, ".takt") && (!gtk_recent_info_is_local (info) || gtk_recent_info_exists (info)))
        g_ptr_array_add (chosen, info);
    }

  /* Newest first. */
  for (guint i = 0; i < chosen->len; i++)
    for (guint j = i + 1; j < chosen->len; j++)
      {
        GtkRecentInfo *a = g_ptr_array_index (chosen, i);
        GtkRecentInfo *b = g_ptr_array_index (chosen, j);

        if (g_date_time_compare (gtk_recent_info_get_modified (a), gtk_recent_info_get_modified (b)) < 0)
          {
            g_ptr_array_index (chosen, i) = b;
            g_ptr_array_index (chosen, j) = a;
          }
      }

  for (guint i = 0; i < chosen->len && added < MAX_RECENT; i++, added++)
    {
      GtkRecentInfo *info = g_ptr_array_index (chosen, i);
      g_autofree char *label = escape_mnemonic (gtk_recent_info_get_display_name (info));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (section, item);
    }

  if (added == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Plans"), "win.no-recent");

      g_menu_append_item (section, item);
    }

  g_menu_remove_all (self->recent_menu);
  g_menu_append_section (self->recent_menu, NULL, G_MENU_MODEL (section));

  g_ptr_array_unref (chosen);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static gboolean
search_tick_cb (gpointer user_data)
{
  TaktWindow *self = user_data;
  double progress = self->document != NULL ? takt_document_get_search_progress (self->document) : -1;

  if (progress < 0)
    {
      self->search_tick = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_progress_bar_set_fraction (self->search_progress, progress);
  return G_SOURCE_CONTINUE;
}

/* A long search, after the quick plan: its time used, and a way to stop it
 * and keep the plan shown. */
static void
update_search (TaktWindow *self)
{
  gboolean searching = self->document != NULL && takt_document_get_searching (self->document);

  gtk_revealer_set_reveal_child (self->search_revealer, searching);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-search", searching);
  if (searching && self->search_tick == 0)
    {
      gtk_progress_bar_set_fraction (self->search_progress, 0);
      self->search_tick = g_timeout_add (100, search_tick_cb, self);
    }
  else if (!searching)
    {
      g_clear_handle_id (&self->search_tick, g_source_remove);
    }
}

static void
update_all (TaktWindow *self)
{
  update_title (self);
  update_health (self);
  update_history (self);
  update_search (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent", FALSE);
}

/* ---- document signals ---- */

static void
document_notify_cb (TaktWindow   *self,
                    GParamSpec   *pspec,
                    TaktDocument *document)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "title") || g_str_equal (name, "dirty") || g_str_equal (name, "file"))
    update_title (self);
  else if (g_str_equal (name, "stats") || g_str_equal (name, "replanning"))
    update_health (self);
  else if (g_str_equal (name, "undo-label") || g_str_equal (name, "redo-label"))
    update_history (self);
  else if (g_str_equal (name, "searching"))
    update_search (self);
}

static void
document_changed_cb (TaktWindow   *self,
                     TaktDocument *document)
{
  /* The currency may have changed. */
  update_health (self);
}

static void
document_replanned_cb (TaktWindow   *self,
                       double        previous_total,
                       double        total,
                       gint64        previous_late,
                       gint64        late,
                       gboolean      final,
                       TaktDocument *document)
{
  g_autoptr(GString) text = g_string_new (NULL);
  double delta;

  if (!final || isnan (previous_total) || previous_late < 0)
    return;

  delta = total - previous_total;
  if (fabs (delta) >= 0.005)
    {
      g_autofree char *money = takt_format_money_delta (delta, takt_document_get_plan (document)->currency);

      /* Translators: in a toast after re-planning, how the plan's total
       * cost changed, "Total cost +€39.38" */
      g_string_append_printf (text, _("Total cost %s"), money);
    }

  if (late != previous_late)
    {
      g_autofree char *part = NULL;

      if (late < previous_late)
        /* Translators: in a toast after re-planning, "−€120.00 · 2 orders no longer late" */
        part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d order no longer late",
                                             "%d orders no longer late", previous_late - late),
                                (int) (previous_late - late));
      else
        /* Translators: in a toast after re-planning, "+€80.00 · 1 more order late" */
        part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d more order late",
                                             "%d more orders late", late - previous_late),
                                (int) (late - previous_late));
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, part);
    }

  if (text->len == 0)
    return;

  takt_window_add_toast (self, text->str);
}

/* ---- dialogs ---- */

void
takt_window_show_error (TaktWindow *self,
                        const char *heading,
                        const char *body)
{
  GtkWidget *dialog;

  g_return_if_fail (TAKT_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The core puts the file name before every problem; the heading says it. */
static char *
strip_file_prefix (const char *message,
                   GFile      *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (path != NULL && g_str_has_prefix (line, path) && line[strlen (path)] == ':')
        line += strlen (path) + 1;
      else if (basename != NULL && g_str_has_prefix (line, basename) && line[strlen (basename)] == ':')
        line += strlen (basename) + 1;
      while (*line == ' ')
        line++;

      if (*line == '\0')
        continue;
      if (str->len > 0)
        g_string_append_c (str, '\n');
      g_string_append (str, line);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
show_load_error (TaktWindow   *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: the heading of a dialog, %s is a file name */
  heading = g_strdup_printf (_("Could Not Open “%s”"), basename);

  if (error->domain == TAKT_PLAN_ERROR)
    {
      g_autofree char *problems = strip_file_prefix (error->message, file);
      guint n_problems = 1;
      g_autofree char *body = NULL;
      GtkWidget *scroller, *label;

      for (const char *p = problems; *p; p++)
        if (*p == '\n')
          n_problems++;

      if (error->code == TAKT_PLAN_ERROR_SYNTAX)
        body = g_strdup (_("The file is not a valid plan document. The window keeps the plan it showed."));
      else
        body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "The plan has a problem, so it was not opened. The window keeps the plan it showed.",
                                             "The plan has %u problems, so it was not opened. The window keeps the plan it showed.",
                                             n_problems),
                                n_problems);

      dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

      label = gtk_label_new (problems);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_yalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "takt-problems");
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);

      scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      gtk_widget_add_css_class (scroller, "card");
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
    }
  else
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
    }

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* libadwaita 1.2 crashes some time after a toast was dismissed while it
 * was still coming in (toasts 60-150 ms apart do it), so no toast is
 * dismissed here: the toast on screen takes the new text, and a toast with
 * a button waits for its turn. */
static void
last_toast_dismissed_cb (TaktWindow *self,
                         AdwToast   *toast)
{
  if (self->last_toast == toast)
    g_clear_weak_pointer (&self->last_toast);
}

static void
show_toast (TaktWindow *self,
            AdwToast   *toast)
{
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (last_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Shows @toast (taken), after the toast shown before. */
void
takt_window_add_toast_full (TaktWindow *self,
                            AdwToast   *toast)
{
  g_return_if_fail (TAKT_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  show_toast (self, toast);
}

/* Shows @title in a toast, in place of the text of the toast shown. */
void
takt_window_add_toast (TaktWindow *self,
                       const char *title)
{
  g_autofree char *markup = NULL;
  AdwToast *toast;

  g_return_if_fail (TAKT_IS_WINDOW (self));

  markup = g_markup_escape_text (title, -1);
  if (self->last_toast != NULL && adw_toast_get_button_label (self->last_toast) == NULL)
    {
      adw_toast_set_title (self->last_toast, markup);
      return;
    }

  toast = adw_toast_new (markup);
  adw_toast_set_timeout (toast, 4);
  show_toast (self, toast);
}

/* ---- loading ---- */

TaktDocument *
takt_window_load_file (TaktWindow *self,
                       GFile      *file)
{
  g_autoptr(TaktDocument) document = takt_document_new ();
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TAKT_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!takt_document_load (document, file, NULL, &error))
    {
      show_load_error (self, file, error);
      return NULL;
    }

  add_recent (takt_document_get_file (document));
  return g_steal_pointer (&document);
}

void
takt_window_open_file (TaktWindow *self,
                       GFile      *file)
{
  GtkApplication *app;
  g_autoptr(TaktDocument) document = NULL;

  g_return_if_fail (TAKT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (TAKT_IS_APPLICATION (app))
    {
      takt_application_open_file (TAKT_APPLICATION (app), file, GTK_WINDOW (self));
      return;
    }

  document = takt_window_load_file (self, file);
  if (document != NULL)
    takt_window_set_document (self, document);
}

/* ---- actions ---- */

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  TaktWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        takt_window_open_file (self, file);
    }

  g_clear_object (&self->file_dialog);
}

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) plans = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (plans, _("Takt Plans"));
  gtk_file_filter_add_pattern (plans, "*.takt");
  gtk_file_chooser_add_filter (chooser, plans);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_file_chooser_set_filter (chooser, plans);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TaktWindow *self = TAKT_WINDOW (widget);
  GtkFileChooserNative *native;

  if (self->file_dialog != NULL)
    return;

  native = gtk_file_chooser_native_new (_("Open a Plan"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filters (GTK_FILE_CHOOSER (native));
  self->file_dialog = GTK_NATIVE_DIALOG (native);
  g_signal_connect (native, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  TaktWindow *self = TAKT_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  takt_window_open_file (self, file);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  TaktWindow *self = TAKT_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (TAKT_IS_APPLICATION (app))
    {
      takt_application_new_plan (TAKT_APPLICATION (app), GTK_WINDOW (self));
    }
  else
    {
      g_autoptr(TaktDocument) document = takt_document_new ();

      takt_window_set_document (self, document);
    }
}

static gboolean
save_document (TaktWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!takt_document_save (self->document, &error))
    {
      takt_window_show_error (self, _("Could Not Save the Plan"), error->message);
      return FALSE;
    }

  add_recent (takt_document_get_file (self->document));
  return TRUE;
}

static gboolean
finish_close_idle_cb (gpointer user_data)
{
  TaktWindow *self = user_data;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

/* Closes the window once the dialog that asked is gone: not from inside
 * its response. */
static void
finish_close (TaktWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, finish_close_idle_cb,
                   g_object_ref (self), g_object_unref);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  TaktWindow      *self)
{
  gboolean close_after = self->close_after_save;

  self->close_after_save = FALSE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *basename = NULL;

      if (chosen != NULL)
        {
          basename = g_file_get_basename (chosen);
          if (g_str_has_suffix (basename, ".takt"))
            {
              file = g_object_ref (chosen);
            }
          else
            {
              g_autoptr(GFile) parent = g_file_get_parent (chosen);
              g_autofree char *name = g_strconcat (basename, ".takt", NULL);

              file = g_file_get_child (parent, name);
            }

          if (!takt_document_save_as (self->document, file, &error))
            {
              takt_window_show_error (self, _("Could Not Save the Plan"), error->message);
            }
          else
            {
              add_recent (file);
              if (close_after)
                finish_close (self);
            }
        }
    }

  g_clear_object (&self->file_dialog);
}

static void
save_as (TaktWindow *self)
{
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;
  GFile *file;

  if (self->file_dialog != NULL)
    return;

  native = gtk_file_chooser_native_new (_("Save the Plan"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filters (GTK_FILE_CHOOSER (native));

  file = takt_document_get_file (self->document);
  if (file != NULL)
    {
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (native), file, NULL);
    }
  else
    {
      name = g_strconcat (takt_document_get_title (self->document), ".takt", NULL);
      g_strdelimit (name, "/\\", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }

  self->file_dialog = GTK_NATIVE_DIALOG (native);
  g_signal_connect (native, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TaktWindow *self = TAKT_WINDOW (widget);

  if (takt_document_get_file (self->document) == NULL)
    save_as (self);
  else
    save_document (self);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  save_as (TAKT_WINDOW (widget));
}

static void
stop_search_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  TaktWindow *self = TAKT_WINDOW (widget);

  if (self->document != NULL)
    takt_document_stop_search (self->document);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TaktWindow *self = TAKT_WINDOW (widget);
  g_autofree char *label = g_strdup (takt_document_get_undo_label (self->document));

  if (takt_document_undo (self->document) && label != NULL)
    {
      /* Translators: a toast after undoing, e.g. "Undone: Change Cycle Time" */
      g_autofree char *text = g_strdup_printf (_("Undone: %s"), label);

      takt_window_add_toast (self, text);
    }
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TaktWindow *self = TAKT_WINDOW (widget);

  takt_document_redo (self->document);
}

static void
no_recent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
plan_properties_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  TaktWindow *self = TAKT_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (takt_plan_properties_new (GTK_WINDOW (self), self->document)));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  takt_window_set_page (TAKT_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* ---- closing ---- */

static void
save_window_state (TaktWindow *self)
{
  GSettings *settings = get_settings (self);
  GFile *file;
  int width, height;

  if (settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", MAX (width, 360));
      g_settings_set_int (settings, "window-height", MAX (height, 294));
    }

  file = self->document ? takt_document_get_file (self->document) : NULL;
  if (file != NULL && g_file_is_native (file))
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_settings_set_string (settings, "last-file", uri);
    }
  else if (self->document != NULL && takt_document_is_pristine (self->document))
    {
      g_settings_set_string (settings, "last-file", "");
    }
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   TaktWindow       *self)
{
  if (g_str_equal (response, "discard"))
    {
      takt_document_discard_recovery (self->document);
      finish_close (self);
    }
  else if (g_str_equal (response, "save"))
    {
      if (takt_document_get_file (self->document) == NULL)
        {
          self->close_after_save = TRUE;
          save_as (self);
        }
      else if (save_document (self))
        {
          finish_close (self);
        }
    }
}

static gboolean
takt_window_close_request (GtkWindow *window)
{
  TaktWindow *self = TAKT_WINDOW (window);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->close_confirmed || self->document == NULL || !takt_document_get_dirty (self->document))
    {
      save_window_state (self);
      if (GTK_WINDOW_CLASS (takt_window_parent_class)->close_request != NULL)
        return GTK_WINDOW_CLASS (takt_window_parent_class)->close_request (window);
      return FALSE;
    }

  /* Translators: %s is the plan's name */
  body = g_strdup_printf (_("“%s” has changes that are not saved. Changes that are not saved are lost."),
                          takt_document_get_title (self->document));
  dialog = adw_message_dialog_new (window, _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* ---- drag and drop ---- */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         TaktWindow    *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    takt_window_open_file (self, l->data);

  g_slist_free (files);
  return TRUE;
}

/* ---- GObject ---- */

static void
takt_window_dispose (GObject *object)
{
  TaktWindow *self = TAKT_WINDOW (object);

  if (self->file_dialog != NULL)
    {
      gtk_native_dialog_destroy (self->file_dialog);
      g_clear_object (&self->file_dialog);
    }
  g_clear_signal_handler (&self->recent_handler, gtk_recent_manager_get_default ());
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_weak_pointer (&self->last_toast);
  g_clear_handle_id (&self->search_tick, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), TAKT_TYPE_WINDOW);

  G_OBJECT_CLASS (takt_window_parent_class)->dispose (object);
}

static void
takt_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TaktWindow *self = TAKT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
takt_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TaktWindow *self = TAKT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      takt_window_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (takt_export_dialog_new (TAKT_WINDOW (widget))));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TaktWindow *self = TAKT_WINDOW (widget);

  if (self->document != NULL)
    takt_print_document (GTK_WINDOW (self), self->document);
}

static void
takt_window_class_init (TaktWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = takt_window_dispose;
  object_class->get_property = takt_window_get_property;
  object_class->set_property = takt_window_set_property;
  window_class->close_request = takt_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TAKT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TAKT_TYPE_SCHEDULE_PAGE);
  g_type_ensure (TAKT_TYPE_CAMPAIGNS_PAGE);
  g_type_ensure (TAKT_TYPE_DEMAND_PAGE);
  g_type_ensure (TAKT_TYPE_PRODUCTS_PAGE);
  g_type_ensure (TAKT_TYPE_STATIONS_PAGE);
  g_type_ensure (TAKT_TYPE_COSTS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taktplanner/Takt/takt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TaktWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TaktWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, TaktWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TaktWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, TaktWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TaktWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, TaktWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, TaktWindow, search_revealer);
  gtk_widget_class_bind_template_child (widget_class, TaktWindow, search_progress);
  gtk_widget_class_bind_template_child (widget_class, TaktWindow, cost_overlay);
  gtk_widget_class_bind_template_child (widget_class, TaktWindow, cost_label);
  gtk_widget_class_bind_template_child (widget_class, TaktWindow, cost_spinner);
  gtk_widget_class_bind_template_child (widget_class, TaktWindow, late_label);
  gtk_widget_class_bind_template_child (widget_class, TaktWindow, undo_section);
  gtk_widget_class_bind_template_child (widget_class, TaktWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, TaktWindow, schedule_page);
  gtk_widget_class_bind_template_child (widget_class, TaktWindow, campaigns_page);
  gtk_widget_class_bind_template_child (widget_class, TaktWindow, demand_page);
  gtk_widget_class_bind_template_child (widget_class, TaktWindow, products_page);
  gtk_widget_class_bind_template_child (widget_class, TaktWindow, stations_page);
  gtk_widget_class_bind_template_child (widget_class, TaktWindow, costs_page);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, no_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.stop-search", NULL, stop_search_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.plan-properties", NULL, plan_properties_action);
}

static void
takt_window_init (TaktWindow *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (update_health), self, G_CONNECT_SWAPPED);

  self->recent_handler =
    g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                             G_CALLBACK (update_recent), self, G_CONNECT_SWAPPED);
  update_recent (self);
  update_history (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent", FALSE);

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/**
 * takt_window_new:
 * @application: (nullable): the application
 * @document: (nullable): the plan to show; a new one when NULL
 */
TaktWindow *
takt_window_new (GtkApplication *application,
                 TaktDocument   *document)
{
  g_autoptr(TaktDocument) fresh = NULL;
  TaktWindow *self;
  GSettings *settings = NULL;

  self = g_object_new (TAKT_TYPE_WINDOW,
                       "application", application,
                       NULL);

  if (TAKT_IS_APPLICATION (application))
    settings = takt_application_get_settings (TAKT_APPLICATION (application));

  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  if (document == NULL)
    document = fresh = takt_document_new ();
  takt_window_set_document (self, document);

  return self;
}

TaktDocument *
takt_window_get_document (TaktWindow *self)
{
  g_return_val_if_fail (TAKT_IS_WINDOW (self), NULL);
  return self->document;
}

void
takt_window_set_document (TaktWindow   *self,
                          TaktDocument *document)
{
  static const char * const notifications[] = {
    "notify::title", "notify::dirty", "notify::file", "notify::stats",
    "notify::replanning", "notify::undo-label", "notify::redo-label", "notify::searching",
  };

  g_return_if_fail (TAKT_IS_WINDOW (self));
  g_return_if_fail (TAKT_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);

  for (guint i = 0; i < G_N_ELEMENTS (notifications); i++)
    g_signal_connect_object (document, notifications[i], G_CALLBACK (document_notify_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "replanned", G_CALLBACK (document_replanned_cb), self,
                           G_CONNECT_SWAPPED);

  takt_page_set_document (self->schedule_page, document);
  takt_page_set_document (self->campaigns_page, document);
  takt_page_set_document (self->demand_page, document);
  takt_page_set_document (self->products_page, document);
  takt_page_set_document (self->stations_page, document);
  takt_page_set_document (self->costs_page, document);

  update_all (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

const char *
takt_window_get_page (TaktWindow *self)
{
  g_return_val_if_fail (TAKT_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

void
takt_window_set_page (TaktWindow *self,
                      const char *name)
{
  g_return_if_fail (TAKT_IS_WINDOW (self));

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

/**
 * takt_window_get_page_widget:
 *
 * Returns: (transfer none) (nullable): the page called @name
 */
GtkWidget *
takt_window_get_page_widget (TaktWindow *self,
                             const char *name)
{
  g_return_val_if_fail (TAKT_IS_WINDOW (self), NULL);
  return adw_view_stack_get_child_by_name (self->stack, name);
}
