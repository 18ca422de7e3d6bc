/* takt-table.c — read-only tables of text in a GtkColumnView
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-table"

#include "config.h"

#include "takt-table.h"
#include "takt-widgets.h"

typedef struct
{
  char   *text;
  double  key;
} Cell;

struct _TaktTableRow
{
  GObject  parent_instance;
  Cell    *cells;
  guint    n_cells;
  char    *color;
  gboolean alert;
};

G_DEFINE_FINAL_TYPE (TaktTableRow, takt_table_row, G_TYPE_OBJECT)

enum {
  ROW_CHANGED,
  N_ROW_SIGNALS
};

static guint row_signals[N_ROW_SIGNALS];

static void
takt_table_row_finalize (GObject *object)
{
  TaktTableRow *self = TAKT_TABLE_ROW (object);

  for (guint i = 0; i < self->n_cells; i++)
    g_free (self->cells[i].text);
  g_free (self->cells);
  g_free (self->color);

  G_OBJECT_CLASS (takt_table_row_parent_class)->finalize (object);
}

static void
takt_table_row_class_init (TaktTableRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = takt_table_row_finalize;

  /* The row took the contents of another (takt_table_set_rows()). */
  row_signals[ROW_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static gboolean
row_equal (TaktTableRow *a,
           TaktTableRow *b)
{
  if (a->n_cells != b->n_cells || a->alert != b->alert || g_strcmp0 (a->color, b->color) != 0)
    return FALSE;

  for (guint i = 0; i < a->n_cells; i++)
    if (a->cells[i].key != b->cells[i].key || g_strcmp0 (a->cells[i].text, b->cells[i].text) != 0)
      return FALSE;

  return TRUE;
}

/* Moves the contents of @from into @self. */
static void
row_take_contents (TaktTableRow *self,
                   TaktTableRow *from)
{
  for (guint i = 0; i < self->n_cells; i++)
    g_free (self->cells[i].text);
  g_free (self->cells);
  g_free (self->color);

  self->cells = g_steal_pointer (&from->cells);
  self->n_cells = from->n_cells;
  self->color = g_steal_pointer (&from->color);
  self->alert = from->alert;
  from->n_cells = 0;

  g_signal_emit (self, row_signals[ROW_CHANGED], 0);
}

static void
takt_table_row_init (TaktTableRow *self)
{
}

TaktTableRow *
takt_table_row_new (guint n_cells)
{
  TaktTableRow *self = g_object_new (TAKT_TYPE_TABLE_ROW, NULL);

  self->n_cells = n_cells;
  self->cells = g_new0 (Cell, n_cells);
  return self;
}

/**
 * takt_table_row_take:
 * @text: (transfer full): the cell's text
 * @sort_key: the number the cell sorts by in a numeric column
 */
void
takt_table_row_take (TaktTableRow *self,
                     guint         cell,
                     char         *text,
                     double        sort_key)
{
  g_return_if_fail (TAKT_IS_TABLE_ROW (self));
  g_return_if_fail (cell < self->n_cells);

  g_free (self->cells[cell].text);
  self->cells[cell].text = text;
  self->cells[cell].key = sort_key;
}

void
takt_table_row_set (TaktTableRow *self,
                    guint         cell,
                    const char   *text,
                    double        sort_key)
{
  takt_table_row_take (self, cell, g_strdup (text), sort_key);
}

const char *
takt_table_row_get_text (TaktTableRow *self,
                         guint         cell)
{
  g_return_val_if_fail (TAKT_IS_TABLE_ROW (self), NULL);
  g_return_val_if_fail (cell < self->n_cells, NULL);

  return self->cells[cell].text != NULL ? self->cells[cell].text : "";
}

double
takt_table_row_get_key (TaktTableRow *self,
                        guint         cell)
{
  g_return_val_if_fail (TAKT_IS_TABLE_ROW (self), 0);
  g_return_val_if_fail (cell < self->n_cells, 0);

  return self->cells[cell].key;
}

void
takt_table_row_set_color (TaktTableRow *self,
                          const char   *color)
{
  g_return_if_fail (TAKT_IS_TABLE_ROW (self));

  g_free (self->color);
  self->color = g_strdup (color);
}

void
takt_table_row_set_alert (TaktTableRow *self,
                          gboolean      alert)
{
  g_return_if_fail (TAKT_IS_TABLE_ROW (self));
  self->alert = !!alert;
}

/* ---- columns ---- */

typedef struct
{
  guint           cell;
  TaktColumnFlags flags;
} ColumnInfo;

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          ColumnInfo               *info)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (NULL);

  /* Only the wide columns give way; the table scrolls sideways before a
   * number or a date is cut. */
  if (info->flags & TAKT_COLUMN_EXPAND)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
    }
  gtk_label_set_xalign (GTK_LABEL (label), (info->flags & TAKT_COLUMN_NUMERIC) ? 1.0f : 0.0f);
  gtk_widget_set_hexpand (label, TRUE);
  if (info->flags & TAKT_COLUMN_NUMERIC)
    gtk_widget_add_css_class (label, "numeric");
  if (info->flags & TAKT_COLUMN_DIM)
    gtk_widget_add_css_class (label, "dim-label");

  if (info->flags & TAKT_COLUMN_SWATCH)
    gtk_box_append (GTK_BOX (box), takt_swatch_new (NULL, 10));

  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (box), "takt-label", label);
  g_object_set_data (G_OBJECT (box), "takt-column-info", info);
  gtk_list_item_set_child (item, box);
}

static void
update_cell (GtkWidget    *box,
             TaktTableRow *row)
{
  ColumnInfo *info = g_object_get_data (G_OBJECT (box), "takt-column-info");
  GtkWidget *label = g_object_get_data (G_OBJECT (box), "takt-label");
  GtkWidget *first = gtk_widget_get_first_child (box);

  gtk_label_set_text (GTK_LABEL (label), takt_table_row_get_text (row, info->cell));

  if (row->alert)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");

  if (GTK_IS_DRAWING_AREA (first))
    {
      takt_swatch_set_color (first, row->color);
      gtk_widget_set_visible (first, row->color != NULL);
    }
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         ColumnInfo               *info)
{
  TaktTableRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  gulong handler;

  update_cell (box, row);
  handler = g_signal_connect_object (row, "changed", G_CALLBACK (update_cell), box, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (box), "takt-row-handler", GSIZE_TO_POINTER (handler));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ColumnInfo               *info)
{
  TaktTableRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (box), "takt-row-handler"));

  if (row != NULL && handler != 0)
    g_signal_handler_disconnect (row, handler);
  g_object_set_data (G_OBJECT (box), "takt-row-handler", NULL);
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  ColumnInfo *info = user_data;
  TaktTableRow *ra = (TaktTableRow *) a;
  TaktTableRow *rb = (TaktTableRow *) b;

  if (info->flags & TAKT_COLUMN_NUMERIC)
    {
      double ka = takt_table_row_get_key (ra, info->cell);
      double kb = takt_table_row_get_key (rb, info->cell);

      return (ka > kb) - (ka < kb);
    }

  if (takt_table_row_get_key (ra, info->cell) != takt_table_row_get_key (rb, info->cell))
    {
      double ka = takt_table_row_get_key (ra, info->cell);
      double kb = takt_table_row_get_key (rb, info->cell);

      return (ka > kb) - (ka < kb);
    }

  return g_utf8_collate (takt_table_row_get_text (ra, info->cell),
                         takt_table_row_get_text (rb, info->cell));
}

/**
 * takt_table_add_column:
 * @cell: which cell of the rows the column shows
 *
 * Returns: (transfer none): the new column
 */
GtkColumnViewColumn *
takt_table_add_column (GtkColumnView   *view,
                       const char      *title,
                       guint            cell,
                       TaktColumnFlags  flags)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;
  ColumnInfo *info;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  info = g_new0 (ColumnInfo, 1);
  info->cell = cell;
  info->flags = flags;
  g_object_set_data_full (G_OBJECT (factory), "takt-column-info", info, g_free);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), info);

  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (column, (flags & TAKT_COLUMN_EXPAND) != 0);
  gtk_column_view_column_set_resizable (column, TRUE);

  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, info, NULL));
  gtk_column_view_column_set_sorter (column, sorter);

  gtk_column_view_append_column (view, column);

  return column;
}

/**
 * takt_table_store_update:
 * @store: a #GListStore of #TaktTableRow
 * @rows: (transfer none): a list of #TaktTableRow
 *
 * Makes @store show @rows while keeping its rows: each takes the contents
 * of the new row at its place (and says "changed"), rows are added or
 * removed at the end.  A view on @store thus redraws only what changed and
 * keeps its scroll position, focus, selection and an edit in progress.
 *
 * Returns: whether a row that was kept changed its contents
 */
gboolean
takt_table_store_update (GListStore *store,
                         GListModel *rows)
{
  gboolean changed = FALSE;
  guint n_old, n_new;

  g_return_val_if_fail (G_IS_LIST_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (rows), FALSE);

  n_old = g_list_model_get_n_items (G_LIST_MODEL (store));
  n_new = g_list_model_get_n_items (rows);

  for (guint i = 0; i < MIN (n_old, n_new); i++)
    {
      g_autoptr(TaktTableRow) old_row = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autoptr(TaktTableRow) new_row = g_list_model_get_item (rows, i);

      if (!row_equal (old_row, new_row))
        {
          row_take_contents (old_row, new_row);
          changed = TRUE;
        }
    }

  if (n_new > n_old)
    {
      g_autofree gpointer *items = g_new0 (gpointer, n_new - n_old);

      for (guint i = n_old; i < n_new; i++)
        items[i - n_old] = g_list_model_get_item (rows, i);
      g_list_store_splice (store, n_old, 0, items, n_new - n_old);
      for (guint i = 0; i < n_new - n_old; i++)
        g_object_unref (items[i]);
    }
  else if (n_old > n_new)
    {
      g_list_store_splice (store, n_new, n_old - n_new, NULL, 0);
    }

  return changed;
}

/**
 * takt_table_set_rows:
 * @rows: (transfer none): a list of #TaktTableRow
 *
 * Shows @rows (see takt_table_store_update()): a re-plan redraws what
 * changed and keeps the scroll position, the focus and the sorting the
 * person chose.
 */
void
takt_table_set_rows (GtkColumnView *view,
                     GListModel    *rows)
{
  GListStore *store;
  GtkSorter *sorter;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (G_IS_LIST_MODEL (rows));

  sorter = gtk_column_view_get_sorter (view);
  store = g_object_get_data (G_OBJECT (view), "takt-table-store");
  if (store == NULL)
    {
      g_autoptr(GtkNoSelection) selection = NULL;
      GtkSortListModel *sorted;

      store = g_list_store_new (TAKT_TYPE_TABLE_ROW);
      g_object_set_data_full (G_OBJECT (view), "takt-table-store", store, g_object_unref);

      sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (store)),
                                        sorter != NULL ? g_object_ref (sorter) : NULL);
      selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
      gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
    }

  /* Changed contents may change the order of a sorted column. */
  if (takt_table_store_update (store, rows) && sorter != NULL)
    gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
}
