/* takt-editor-common.c — what the plan editors share: rows, errors, undo merging
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "takt-editor-common.h"

#define APP_SCHEMA_ID "io.github.taktplanner.Takt"

GtkWidget *
takt_spin_row_new (const char *title,
                   const char *subtitle,
                   double      lower,
                   double      upper,
                   double      step,
                   guint       digits)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, step);

  g_return_val_if_fail (title != NULL, NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (spin), GTK_UPDATE_IF_VALID);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  /* One width for every spin button, so they line up down a page. */
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 9);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  if (subtitle != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                    -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_object_set_data (G_OBJECT (row), "takt-spin", spin);
  takt_editor_track_focus (spin);

  return row;
}

GtkSpinButton *
takt_spin_row_get_spin (GtkWidget *row)
{
  g_return_val_if_fail (ADW_IS_ACTION_ROW (row), NULL);
  return g_object_get_data (G_OBJECT (row), "takt-spin");
}

GtkWidget *
takt_error_row_new (void)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "error");
  gtk_widget_add_css_class (row, "takt-error-row");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_visible (row, FALSE);

  return row;
}

void
takt_error_row_set_message (GtkWidget  *row,
                            const char *message)
{
  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  if (message != NULL && message[0] != '\0')
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
      gtk_widget_set_visible (row, TRUE);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "");
      gtk_widget_set_visible (row, FALSE);
    }
}

/**
 * takt_error_row_get_message:
 *
 * Returns: (nullable): the message shown, NULL when the row is hidden
 */
const char *
takt_error_row_get_message (GtkWidget *row)
{
  g_return_val_if_fail (ADW_IS_ACTION_ROW (row), NULL);

  if (!gtk_widget_get_visible (row))
    return NULL;
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

/* The length of a leading "PATH: " of the core (a JSON path such as
 * products[2].routing[0].cycle_s), 0 when @line has none. */
static gsize
path_prefix_length (const char *line)
{
  gsize i = 0;

  while (g_ascii_isalnum (line[i]) || line[i] == '_' || line[i] == '.' ||
         line[i] == '[' || line[i] == ']')
    i++;
  if (i == 0 || line[i] != ':' || line[i + 1] != ' ')
    return 0;
  return i + 2;
}

/**
 * takt_editor_error_text:
 * @field: (nullable): what the person edited ("Cycle time")
 */
char *
takt_editor_error_text (const GError *error,
                        const char   *field)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (error != NULL, NULL);

  lines = g_strsplit (error->message, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gsize skip = path_prefix_length (line);

      if (line[0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (skip > 0 && field != NULL)
        /* Translators: a refused edit: the field and the reason, "Cycle time: must be > 0" */
        g_string_append_printf (out, _("%s: %s"), field, line + skip);
      else
        g_string_append (out, line);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint focus_serial;

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                GtkWidget               *widget)
{
  g_object_set_data (G_OBJECT (widget), "takt-edit-serial", GUINT_TO_POINTER (++focus_serial));
}

void
takt_editor_track_focus (GtkWidget *widget)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_object_get_data (G_OBJECT (widget), "takt-edit-serial") != NULL)
    return;

  g_object_set_data (G_OBJECT (widget), "takt-edit-serial", GUINT_TO_POINTER (++focus_serial));
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (focus_leave_cb), widget);
  gtk_widget_add_controller (widget, controller);
}

char *
takt_editor_merge_key (GtkWidget  *widget,
                       const char *field)
{
  guint serial;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  takt_editor_track_focus (widget);
  serial = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "takt-edit-serial"));
  return g_strdup_printf ("%s#%u", field, serial);
}

/**
 * takt_editor_apply:
 * @document: the document to change
 * @description: the undo step's label
 * @merge_widget: (nullable): the widget typed into: the edit merges with
 *   the last one while the focus stays in it
 * @merge_field: names the field in the merge key (with @merge_widget)
 * @func: the edit
 * @user_data: for @func
 * @error_row: a takt_error_row_new(): shows what was refused, and is
 *   cleared when the edit is applied
 * @field_title: (nullable): the field as the person reads it, for the
 *   message
 *
 * One edit of a field as one undo step.  Returns whether it was applied.
 */
gboolean
takt_editor_apply (TaktDocument         *document,
                   const char           *description,
                   GtkWidget            *merge_widget,
                   const char           *merge_field,
                   TaktDocumentEditFunc  func,
                   gpointer              user_data,
                   GtkWidget            *error_row,
                   const char           *field_title)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (TAKT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (merge_widget == NULL || merge_field != NULL, FALSE);

  if (merge_widget != NULL)
    key = takt_editor_merge_key (merge_widget, merge_field);

  if (takt_document_edit_merge (document, description, key, func, user_data, &error))
    {
      takt_error_row_set_message (error_row, NULL);
      return TRUE;
    }

  message = takt_editor_error_text (error, field_title);
  takt_error_row_set_message (error_row, message);
  return FALSE;
}

/**
 * takt_editor_edit:
 * @widget: where a refusal is shown, as a toast
 *
 * takt_document_edit(), with a toast that says why when the edit is
 * refused.  Returns whether it was applied.
 */
gboolean
takt_editor_edit (GtkWidget            *widget,
                  TaktDocument         *document,
                  const char           *description,
                  TaktDocumentEditFunc  func,
                  gpointer              user_data)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (TAKT_IS_DOCUMENT (document), FALSE);

  if (takt_document_edit (document, description, func, user_data, &error))
    return TRUE;
  takt_editor_toast (widget, error->message, FALSE);
  return FALSE;
}

void
takt_editor_toast (GtkWidget  *widget,
                   const char *title,
                   gboolean    undo)
{
  GtkWidget *overlay;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (title != NULL);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_debug ("No toast overlay for: %s", title);
      return;
    }

  toast = adw_toast_new (title);
  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

int
takt_editor_week_start (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *day = NULL;

  if (source == NULL)
    return 0;
  schema = g_settings_schema_source_lookup (source, APP_SCHEMA_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "week-start"))
    return 0;

  settings = g_settings_new (APP_SCHEMA_ID);
  day = g_settings_get_string (settings, "week-start");
  if (g_strcmp0 (day, "saturday") == 0)
    return 5;
  if (g_strcmp0 (day, "sunday") == 0)
    return 6;
  return 0;
}

char *
takt_editor_color_to_string (const GdkRGBA *rgba)
{
  g_return_val_if_fail (rgba != NULL, NULL);

  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) lround (CLAMP (rgba->red, 0.0, 1.0) * 255.0),
                          (guint) lround (CLAMP (rgba->green, 0.0, 1.0) * 255.0),
                          (guint) lround (CLAMP (rgba->blue, 0.0, 1.0) * 255.0));
}

void
takt_editor_color_parse (const char *color,
                         GdkRGBA    *rgba)
{
  g_return_if_fail (rgba != NULL);

  if (color == NULL || !gdk_rgba_parse (rgba, color))
    gdk_rgba_parse (rgba, "#9a9996");
}

GtkWidget *
takt_editor_icon_button_new (const char *icon_name,
                             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

char *
takt_editor_free_id (GPtrArray  *items,
                     gsize       id_offset,
                     const char *stem)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (items != NULL, NULL);
  g_return_val_if_fail (stem != NULL, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      const char *id = G_STRUCT_MEMBER (const char *, g_ptr_array_index (items, i), id_offset);

      if (id != NULL)
        g_hash_table_add (taken, (gpointer) id);
    }

  if (!g_hash_table_contains (taken, stem))
    return g_strdup (stem);

  for (guint n = 2; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", stem, n);

      if (!g_hash_table_contains (taken, id))
        return g_steal_pointer (&id);
    }
}

void
takt_editor_set_text (GtkEditable *editable,
                      const char  *text)
{
  g_return_if_fail (GTK_IS_EDITABLE (editable));

  if (g_strcmp0 (gtk_editable_get_text (editable), text != NULL ? text : "") != 0)
    gtk_editable_set_text (editable, text != NULL ? text : "");
}
