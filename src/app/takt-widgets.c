/* takt-widgets.c — small widgets the pages share
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-widgets"

#include "config.h"

#include "takt-widgets.h"

static void
swatch_draw (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  const char *color = g_object_get_data (G_OBJECT (area), "takt-color");
  GdkRGBA rgba;

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    return;
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

GtkWidget *
takt_swatch_new (const char *color,
                 int         size)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), size);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), size);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_accessible_update_state (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), swatch_draw, NULL, NULL);
  takt_swatch_set_color (area, color);

  return area;
}

void
takt_swatch_set_color (GtkWidget  *swatch,
                       const char *color)
{
  g_return_if_fail (GTK_IS_DRAWING_AREA (swatch));

  g_object_set_data_full (G_OBJECT (swatch), "takt-color", g_strdup (color), g_free);
  gtk_widget_queue_draw (swatch);
}

GtkWidget *
takt_value_row_new (const char *title,
                    const char *subtitle,
                    const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "takt-value");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  g_object_set_data (G_OBJECT (row), "takt-value-label", label);

  return row;
}

void
takt_value_row_set_value (GtkWidget  *row,
                          const char *value)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), "takt-value-label");

  g_return_if_fail (GTK_IS_LABEL (label));
  gtk_label_set_text (label, value);
}

const char *
takt_value_row_get_value (GtkWidget *row)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), "takt-value-label");

  g_return_val_if_fail (GTK_IS_LABEL (label), NULL);
  return gtk_label_get_text (label);
}
