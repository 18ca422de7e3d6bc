/* takt-editor-common.h — what the plan editors share: rows, errors, undo merging
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editors change the document only through takt_document_edit() and
 * takt_document_edit_merge().  Typing into one field is one undo step until
 * the focus leaves it: takt_editor_track_focus() gives a widget a serial
 * that changes each time the focus leaves it, and takt_editor_merge_key()
 * puts that serial into the merge key.
 */

#pragma once

#include <adwaita.h>

#include "takt-document.h"

G_BEGIN_DECLS

/* An action row with a GtkSpinButton at its end (libadwaita 1.2 has no
 * AdwSpinRow).  The spin button is named by @title for assistive
 * technology. */
GtkWidget     *takt_spin_row_new             (const char    *title,
                                              const char    *subtitle,
                                              double         lower,
                                              double         upper,
                                              double         step,
                                              guint          digits);
GtkSpinButton *takt_spin_row_get_spin        (GtkWidget     *row);

/* A row that shows what was refused, in the error colour; hidden while
 * there is no message. */
GtkWidget     *takt_error_row_new            (void);
void           takt_error_row_set_message    (GtkWidget     *row,
                                              const char    *message);
const char    *takt_error_row_get_message    (GtkWidget     *row);

/* The core's "PATH: message" problems of a refused edit as a person reads
 * them: the paths replaced by @field ("Cycle time: must be > 0"), one line
 * each.  Errors that are not the core's are returned as they are. */
char          *takt_editor_error_text        (const GError  *error,
                                              const char    *field);

/* Undo merging: see above. */
void           takt_editor_track_focus       (GtkWidget     *widget);
char          *takt_editor_merge_key         (GtkWidget     *widget,
                                              const char    *field);

/* Edits of the document: a field's edit with its refusal in an error row,
 * and an edit whose refusal is a toast. */
gboolean       takt_editor_apply             (TaktDocument         *document,
                                              const char           *description,
                                              GtkWidget            *merge_widget,
                                              const char           *merge_field,
                                              TaktDocumentEditFunc  func,
                                              gpointer              user_data,
                                              GtkWidget            *error_row,
                                              const char           *field_title);
gboolean       takt_editor_edit              (GtkWidget            *widget,
                                              TaktDocument         *document,
                                              const char           *description,
                                              TaktDocumentEditFunc  func,
                                              gpointer              user_data);

/* A toast in the window's overlay, with an Undo button when @undo. */
void           takt_editor_toast             (GtkWidget     *widget,
                                              const char    *title,
                                              gboolean       undo);

/* The weekday a week starts on (0 = Monday … 6 = Sunday) from the
 * week-start setting; Monday when the schema is not installed. */
int            takt_editor_week_start        (void);

/* "#rrggbb" of a colour, and a colour of "#rrggbb" (a neutral grey for
 * NULL). */
char          *takt_editor_color_to_string   (const GdkRGBA *rgba);
void           takt_editor_color_parse       (const char    *color,
                                              GdkRGBA       *rgba);

/* A flat icon button with a tooltip that is also its accessible name. */
GtkWidget     *takt_editor_icon_button_new   (const char    *icon_name,
                                              const char    *tooltip);

/* A free id: @stem, or @stem-2, @stem-3 …, that no item of @items (structs
 * with a char *id at @id_offset) has. */
char          *takt_editor_free_id           (GPtrArray     *items,
                                              gsize          id_offset,
                                              const char    *stem);

/* Sets an editable's text only when it differs, so the cursor of a person
 * typing stays where it is. */
void           takt_editor_set_text          (GtkEditable   *editable,
                                              const char    *text);

G_END_DECLS
