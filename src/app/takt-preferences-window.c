/* takt-preferences-window.c — the preferences, kept in GSettings
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "takt-preferences-window.h"

struct _TaktPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *strategy_row;
  GtkSpinButton        *time_limit_spin;
  GtkSpinButton        *snap_spin;
  AdwComboRow          *week_start_row;
  AdwComboRow          *style_row;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (TaktPreferencesWindow, takt_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const strategies[] = { "jit", "level", "asap", NULL };
static const char * const week_starts[] = { "monday", "saturday", "sunday", NULL };
static const char * const styles[] = { "follow", "light", "dark", NULL };

/* A combo row's "selected" and a string key with <choices>. */
static gboolean
choice_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *choices = user_data;
  const char *str = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_str_equal (choices[i], str))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
choice_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char * const *choices = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) choices))
    return NULL;
  return g_variant_new_string (choices[selected]);
}

static void
bind_choice (GSettings          *settings,
             const char         *key,
             AdwComboRow        *row,
             const char * const *choices)
{
  g_settings_bind_with_mapping (settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                choice_get_mapping, choice_set_mapping,
                                (gpointer) choices, NULL);
}

static void
takt_preferences_window_dispose (GObject *object)
{
  TaktPreferencesWindow *self = TAKT_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAKT_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (takt_preferences_window_parent_class)->dispose (object);
}

static void
takt_preferences_window_class_init (TaktPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = takt_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taktplanner/Takt/takt-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TaktPreferencesWindow, strategy_row);
  gtk_widget_class_bind_template_child (widget_class, TaktPreferencesWindow, time_limit_spin);
  gtk_widget_class_bind_template_child (widget_class, TaktPreferencesWindow, snap_spin);
  gtk_widget_class_bind_template_child (widget_class, TaktPreferencesWindow, week_start_row);
  gtk_widget_class_bind_template_child (widget_class, TaktPreferencesWindow, style_row);
}

static void
takt_preferences_window_init (TaktPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * takt_preferences_window_new:
 * @settings: the application's settings
 */
GtkWidget *
takt_preferences_window_new (GtkWindow *parent,
                             GSettings *settings)
{
  TaktPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (TAKT_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->settings = g_object_ref (settings);

  bind_choice (settings, "default-strategy", self->strategy_row, strategies);
  bind_choice (settings, "week-start", self->week_start_row, week_starts);
  bind_choice (settings, "style", self->style_row, styles);
  g_settings_bind (settings, "search-time-limit-ms",
                   gtk_spin_button_get_adjustment (self->time_limit_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "snap-minutes",
                   gtk_spin_button_get_adjustment (self->snap_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);

  return GTK_WIDGET (self);
}
