/* takt-wrap-box.h — a row of widgets that wraps onto more lines when narrow
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The toolbars of the pages: laid out like a horizontal GtkBox while they
 * fit, each child that does not fit any more starts a new line, so a page
 * can be as narrow as its widest child (libadwaita 1.2 has no AdwWrapBox).
 * In a line, the children that expand horizontally share its free width.
 * Children are added with <child> in a .ui file or takt_wrap_box_append().
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TAKT_TYPE_WRAP_BOX (takt_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (TaktWrapBox, takt_wrap_box, TAKT, WRAP_BOX, GtkWidget)

GtkWidget *takt_wrap_box_new              (void);
void       takt_wrap_box_append           (TaktWrapBox *self,
                                           GtkWidget   *child);
/* Between the children of a line, and between lines (pixels). */
void       takt_wrap_box_set_spacing      (TaktWrapBox *self,
                                           int          spacing);
int        takt_wrap_box_get_spacing      (TaktWrapBox *self);
void       takt_wrap_box_set_line_spacing (TaktWrapBox *self,
                                           int          spacing);
int        takt_wrap_box_get_line_spacing (TaktWrapBox *self);
/* The number of lines of the last allocation (for tests). */
guint      takt_wrap_box_get_n_lines      (TaktWrapBox *self);

G_END_DECLS
