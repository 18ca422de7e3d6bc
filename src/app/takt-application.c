/* takt-application.c — the Takt application: windows, settings, app actions
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-application"

#include "config.h"

#include <glib/gi18n.h>

#include "takt-application.h"
#include "takt-preferences-window.h"
#include "takt-window.h"

struct _TaktApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (TaktApplication, takt_application, ADW_TYPE_APPLICATION)

/* ---- windows ---- */

static TaktWindow *
new_window (TaktApplication *self,
            TaktDocument    *document)
{
  return takt_window_new (GTK_APPLICATION (self), document);
}

static gboolean
window_is_pristine (GtkWindow *window)
{
  TaktDocument *document;

  if (!TAKT_IS_WINDOW (window))
    return FALSE;
  document = takt_window_get_document (TAKT_WINDOW (window));
  return document == NULL || takt_document_is_pristine (document);
}

/**
 * takt_application_find_window:
 *
 * Returns: (transfer none) (nullable): the window showing @file
 */
GtkWindow *
takt_application_find_window (TaktApplication *self,
                              GFile           *file)
{
  g_return_val_if_fail (TAKT_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      TaktDocument *document;
      GFile *shown;

      if (!TAKT_IS_WINDOW (l->data))
        continue;
      document = takt_window_get_document (TAKT_WINDOW (l->data));
      shown = document ? takt_document_get_file (document) : NULL;
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }

  return NULL;
}

void
takt_application_open_file (TaktApplication *self,
                            GFile           *file,
                            GtkWindow       *hint)
{
  g_autoptr(TaktDocument) document = NULL;
  GtkWindow *existing;
  GtkWindow *loader;
  GtkWindow *target = NULL;

  g_return_if_fail (TAKT_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  existing = takt_application_find_window (self, file);
  if (existing != NULL)
    {
      gtk_window_present (existing);
      return;
    }

  loader = hint != NULL ? hint : gtk_application_get_active_window (GTK_APPLICATION (self));
  if (!TAKT_IS_WINDOW (loader))
    {
      loader = GTK_WINDOW (new_window (self, NULL));
      gtk_window_present (loader);
    }
  if (window_is_pristine (loader))
    target = loader;

  document = takt_window_load_file (TAKT_WINDOW (loader), file);
  if (document == NULL)
    return;

  if (target != NULL)
    takt_window_set_document (TAKT_WINDOW (target), document);
  else
    target = GTK_WINDOW (new_window (self, document));

  gtk_window_present (target);
}

void
takt_application_new_plan (TaktApplication *self,
                           GtkWindow       *hint)
{
  g_autoptr(TaktDocument) document = NULL;
  TaktPlan *plan = takt_document_blank_plan ();

  g_return_if_fail (TAKT_IS_APPLICATION (self));

  if (self->settings != NULL)
    {
      g_autofree char *strategy = g_settings_get_string (self->settings, "default-strategy");

      takt_strategy_from_string (strategy, &plan->settings.strategy);
      plan->settings.time_limit_ms = g_settings_get_int (self->settings, "search-time-limit-ms");
    }

  document = takt_document_new_from_plan (plan);

  if (hint != NULL && window_is_pristine (hint))
    {
      takt_window_set_document (TAKT_WINDOW (hint), document);
      gtk_window_present (hint);
    }
  else
    {
      gtk_window_present (GTK_WINDOW (new_window (self, document)));
    }
}

static void
show_sample (TaktWindow *window)
{
  g_autoptr(GFile) sample = g_file_new_for_uri (TAKT_SAMPLE_PLAN_URI);
  g_autoptr(TaktDocument) document = takt_window_load_file (window, sample);

  if (document != NULL)
    takt_window_set_document (window, document);
}

/* ---- crash recovery ---- */

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      GPtrArray        *recoveries)
{
  TaktWindow *window = TAKT_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));

  for (guint i = 0; i < recoveries->len; i++)
    {
      const TaktRecovery *recovery = g_ptr_array_index (recoveries, i);

      if (g_str_equal (response, "restore"))
        {
          g_autoptr(TaktDocument) document = takt_document_new ();
          g_autoptr(GError) error = NULL;

          if (!takt_document_restore_recovery (document, recovery, &error))
            {
              takt_window_show_error (window, _("Could Not Restore the Changes"), error->message);
              continue;
            }

          if (window_is_pristine (GTK_WINDOW (window)))
            {
              takt_window_set_document (window, document);
            }
          else
            {
              GtkWindow *showing = NULL;
              TaktDocument *shown = NULL;

              /* The plan was opened as it is on disk (the file given on
               * the command line, say): its changes take its place. */
              if (recovery->uri != NULL)
                {
                  g_autoptr(GFile) file = g_file_new_for_uri (recovery->uri);

                  showing = takt_application_find_window (TAKT_APPLICATION (app), file);
                }
              if (TAKT_IS_WINDOW (showing))
                shown = takt_window_get_document (TAKT_WINDOW (showing));
              if (shown != NULL && !takt_document_get_dirty (shown) && !takt_document_get_can_undo (shown))
                {
                  takt_window_set_document (TAKT_WINDOW (showing), document);
                  gtk_window_present (showing);
                }
              else
                {
                  gtk_window_present (GTK_WINDOW (takt_window_new (app, document)));
                }
            }
        }
      else
        {
          takt_document_delete_recovery (recovery);
        }
    }
}

static void
offer_recovery (TaktWindow *window,
                GPtrArray  *recoveries)
{
  const TaktRecovery *first = g_ptr_array_index (recoveries, 0);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (recoveries->len == 1)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (first->modified / G_USEC_PER_SEC);
      /* Translators: a time of day, see g_date_time_format() */
      g_autofree char *time = when ? g_date_time_format (when, _("%a %-d %b, %H:%M")) : g_strdup ("");

      /* Translators: %1$s is a plan's name, %2$s when its changes were kept */
      body = g_strdup_printf (_("Takt was closed while “%1$s” had changes that were not saved. The changes kept at %2$s can be restored."),
                              first->title ? first->title : _("Untitled Plan"), time);
    }
  else
    {
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Takt was closed while %u plan had changes that were not saved. They can be restored.",
                                           "Takt was closed while %u plans had changes that were not saved. They can be restored.",
                                           recoveries->len),
                              recoveries->len);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Restore Unsaved Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  g_signal_connect_data (dialog, "response", G_CALLBACK (recovery_response_cb),
                         g_ptr_array_ref (recoveries), (GClosureNotify) g_ptr_array_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- GApplication ---- */

static void
takt_application_activate (GApplication *app)
{
  TaktApplication *self = TAKT_APPLICATION (app);
  g_autoptr(GPtrArray) recoveries = NULL;
  g_autofree char *last = NULL;
  GtkWindow *active;
  TaktWindow *window;

  active = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }

  window = new_window (self, NULL);
  gtk_window_present (GTK_WINDOW (window));

  recoveries = takt_document_list_recoveries ();

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-file");

  if (recoveries->len == 0 && last != NULL && last[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_uri (last);

      if (g_file_query_exists (file, NULL))
        {
          g_autoptr(TaktDocument) document = takt_window_load_file (window, file);

          if (document != NULL)
            {
              takt_window_set_document (window, document);
              return;
            }
        }
    }

  show_sample (window);

  if (recoveries->len > 0)
    offer_recovery (window, recoveries);
}

static void
takt_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  TaktApplication *self = TAKT_APPLICATION (app);
  gboolean starting = gtk_application_get_windows (GTK_APPLICATION (self)) == NULL;
  g_autoptr(GPtrArray) recoveries = NULL;
  GtkWindow *window;

  for (int i = 0; i < n_files; i++)
    takt_application_open_file (self, files[i],
                                gtk_application_get_active_window (GTK_APPLICATION (self)));

  /* Started with files (from the file manager, say): the changes a crash
   * left are offered as on a start without them. */
  if (!starting)
    return;
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (!TAKT_IS_WINDOW (window))
    return;
  recoveries = takt_document_list_recoveries ();
  if (recoveries->len > 0)
    offer_recovery (TAKT_WINDOW (window), recoveries);
}

static void
apply_style (TaktApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *style = NULL;

  if (self->settings == NULL)
    return;

  style = g_settings_get_string (self->settings, "style");
  if (g_str_equal (style, "light"))
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (style, "dark"))
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  TaktApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window asks about its own unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  g_list_free (windows);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  TaktApplication *self = user_data;
  static const char *developers[] = { "The Takt developers", NULL };
  g_autofree char *issues = g_strconcat (PACKAGE_WEBSITE, "/issues", NULL);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Takt"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Takt developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Plan just-in-time production runs together with the marketing campaigns that bring their demand."),
                        "website", PACKAGE_WEBSITE,
                        "issue-url", issues,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Takt developers",
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  TaktApplication *self = user_data;
  GtkWidget *preferences;

  if (self->settings == NULL)
    return;

  preferences = takt_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                             self->settings);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
takt_application_startup (GApplication *app)
{
  TaktApplication *self = TAKT_APPLICATION (app);
  static const GActionEntry entries[] = {
    { "quit", quit_action },
    { "about", about_action },
    { "preferences", preferences_action },
  };
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.show-page::schedule", { "<Alt>1", NULL } },
    { "win.show-page::campaigns", { "<Alt>2", NULL } },
    { "win.show-page::demand", { "<Alt>3", NULL } },
    { "win.show-page::products", { "<Alt>4", NULL } },
    { "win.show-page::stations", { "<Alt>5", NULL } },
    { "win.show-page::costs", { "<Alt>6", NULL } },
  };
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (takt_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new_full (schema, NULL, NULL);
      g_signal_connect_object (self->settings, "changed::style", G_CALLBACK (apply_style), self,
                               G_CONNECT_SWAPPED);
      apply_style (self);
    }
  else
    {
      g_message ("The settings schema %s is not installed: window size, recent plan and "
                 "preferences are not kept", APP_ID);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "preferences")),
                                   FALSE);
    }
}

static void
takt_application_dispose (GObject *object)
{
  TaktApplication *self = TAKT_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (takt_application_parent_class)->dispose (object);
}

static void
takt_application_class_init (TaktApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = takt_application_dispose;
  app_class->startup = takt_application_startup;
  app_class->activate = takt_application_activate;
  app_class->open = takt_application_open;
}

static void
takt_application_init (TaktApplication *self)
{
}

TaktApplication *
takt_application_new (void)
{
  return g_object_new (TAKT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/taktplanner/Takt",
                       NULL);
}

/**
 * takt_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings
 */
GSettings *
takt_application_get_settings (TaktApplication *self)
{
  g_return_val_if_fail (TAKT_IS_APPLICATION (self), NULL);
  return self->settings;
}
