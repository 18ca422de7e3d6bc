/* takt-editor-list.h — the searchable list at the side of an editor page
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A search entry, a list of items (a colour dot, a title and a subtitle)
 * and Add / Remove buttons under it.  Items are known by id; the page sets
 * them again after every change of the plan, and rows whose item only
 * changed its text are updated in place (a list of a thousand products
 * stays quick, and the selection stays where it was).  A GtkListView shows
 * only the rows in sight.
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TAKT_TYPE_EDITOR_LIST (takt_editor_list_get_type ())

G_DECLARE_FINAL_TYPE (TaktEditorList, takt_editor_list, TAKT, EDITOR_LIST, GtkWidget)

typedef struct
{
  const char *id;
  const char *title;
  const char *subtitle;     /* may be NULL */
  const char *color;        /* "#rrggbb" or NULL */
} TaktEditorListEntry;

/* The texts name the items: "Search Products", "Add Product", "Remove
 * Product", and what the list says when the search finds nothing.
 *
 * Signals: ::add and ::remove when those buttons are pressed, ::chosen when
 * a person selects an item (not when the page selects one); the
 * "selected" property follows every change of the selection. */
GtkWidget  *takt_editor_list_new             (const char                *search_placeholder,
                                              const char                *add_label,
                                              const char                *remove_label,
                                              const char                *empty_title);

void        takt_editor_list_set_entries     (TaktEditorList            *self,
                                              const TaktEditorListEntry *entries,
                                              guint                      n_entries);
guint       takt_editor_list_get_n_entries   (TaktEditorList            *self);

/* The id of the selected item, NULL when none. */
const char *takt_editor_list_get_selected    (TaktEditorList            *self);
/* Selects @id (NULL: none); FALSE when no item has that id. */
gboolean    takt_editor_list_select          (TaktEditorList            *self,
                                              const char                *id);
/* Selects the item at @position of the whole list (not the filtered one),
 * clamped to the list; nothing when it is empty. */
void        takt_editor_list_select_position (TaktEditorList            *self,
                                              guint                      position);
/* The position in the whole list of the selected item, or G_MAXUINT. */
guint       takt_editor_list_get_selected_position (TaktEditorList      *self);

void        takt_editor_list_set_can_remove  (TaktEditorList            *self,
                                              gboolean                   can_remove);
GtkEditable *takt_editor_list_get_search     (TaktEditorList            *self);
/* The number of items the search leaves in sight. */
guint       takt_editor_list_get_n_shown     (TaktEditorList            *self);
/* Extra widgets above the search entry (the Stations page's overview rows). */
void        takt_editor_list_add_header      (TaktEditorList            *self,
                                              GtkWidget                 *widget);

G_END_DECLS
