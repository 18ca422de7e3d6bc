/* takt-table.h — read-only tables of text in a GtkColumnView
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A TaktTableRow holds one line of text cells, each with a number to sort
 * by.  takt_table_add_column() adds a sortable column showing one cell.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TAKT_TYPE_TABLE_ROW (takt_table_row_get_type ())

G_DECLARE_FINAL_TYPE (TaktTableRow, takt_table_row, TAKT, TABLE_ROW, GObject)

typedef enum
{
  TAKT_COLUMN_EXPAND  = 1 << 0,  /* takes the spare width */
  TAKT_COLUMN_NUMERIC = 1 << 1,  /* right-aligned, tabular figures, sorts by number */
  TAKT_COLUMN_SWATCH  = 1 << 2,  /* a colour dot before the text (the row's colour) */
  TAKT_COLUMN_DIM     = 1 << 3,  /* secondary text */
} TaktColumnFlags;

TaktTableRow *takt_table_row_new        (guint            n_cells);
void          takt_table_row_set        (TaktTableRow    *self,
                                         guint            cell,
                                         const char      *text,
                                         double           sort_key);
void          takt_table_row_take       (TaktTableRow    *self,
                                         guint            cell,
                                         char            *text,
                                         double           sort_key);
const char   *takt_table_row_get_text   (TaktTableRow    *self,
                                         guint            cell);
double        takt_table_row_get_key    (TaktTableRow    *self,
                                         guint            cell);
void          takt_table_row_set_color  (TaktTableRow    *self,
                                         const char      *color);
void          takt_table_row_set_alert  (TaktTableRow    *self,
                                         gboolean         alert);

GtkColumnViewColumn *takt_table_add_column (GtkColumnView   *view,
                                            const char      *title,
                                            guint            cell,
                                            TaktColumnFlags  flags);
/* Shows @rows (of TaktTableRow) in @view, sorted by the clicked column. */
void          takt_table_set_rows       (GtkColumnView   *view,
                                         GListModel      *rows);
/* The same for a store of rows a page keeps itself (to filter it). */
gboolean      takt_table_store_update   (GListStore      *store,
                                         GListModel      *rows);

G_END_DECLS
