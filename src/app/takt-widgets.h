/* takt-widgets.h — small widgets the pages share
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A round dot of a "#rrggbb" colour, @size pixels wide (nothing is drawn
 * for NULL); decoration, hidden from assistive technology. */
GtkWidget *takt_swatch_new           (const char *color,
                                      int         size);
void       takt_swatch_set_color     (GtkWidget  *swatch,
                                      const char *color);

/* An action row with a plain-text title, subtitle and a value at the end. */
GtkWidget *takt_value_row_new        (const char *title,
                                      const char *subtitle,
                                      const char *value);
void       takt_value_row_set_value  (GtkWidget  *row,
                                      const char *value);
const char *takt_value_row_get_value (GtkWidget  *row);

G_END_DECLS
