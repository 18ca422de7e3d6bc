/* test-demand.c — the Demand page: the chart, sorting, filtering, editing
 * in the cells, adding and deleting, each edit one undo step
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With TAKT_TEST_SCREENSHOTS=DIR the page is also written to
 * DIR/demand-page-{light,dark}.png, to look at.
 */

#define G_LOG_DOMAIN "test-demand"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "takt-application.h"
#include "takt-chart-widget.h"
#include "takt-demand-page.h"
#include "takt-table.h"
#include "takt-window.h"
#include "test-app-common.h"

enum {
  ORDER_ID,
  ORDER_PRODUCT,
  ORDER_QUANTITY,
  ORDER_DUE,
  ORDER_CUSTOMER,
  ORDER_STATUS,
};

static TaktDemandPage *
show_demand (TaktWindow *window)
{
  takt_window_set_page (window, "demand");
  test_spin (100);
  return TAKT_DEMAND_PAGE (takt_window_get_page_widget (window, "demand"));
}

static GListModel *
rows_of (GtkColumnView *view)
{
  return G_LIST_MODEL (gtk_column_view_get_model (view));
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_chart_and_status (void)
{
  TaktWindow *window = test_window_with_sample (1200, 800);
  TaktDocument *document = takt_window_get_document (window);
  const TaktPlan *plan = takt_document_get_plan (document);
  TaktDemandPage *page;
  TaktChart *chart;
  GListModel *rows;
  guint on_time = 0;

  test_replan_and_wait (document);
  page = show_demand (window);

  /* Orders, forecast and campaigns, stacked per day. */
  chart = takt_chart_widget_get_chart (TAKT_CHART_WIDGET (takt_demand_page_get_chart_widget (page)));
  g_assert_nonnull (chart);
  g_assert_cmpuint (takt_chart_get_n_series (chart), ==, 3);
  g_assert_false (takt_chart_is_empty (chart));

  /* A row per order, each with its status from the schedule. */
  rows = rows_of (takt_demand_page_get_orders_view (page));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, plan->orders->len);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TaktTableRow) row = g_list_model_get_item (rows, i);
      const char *status = takt_table_row_get_text (row, ORDER_STATUS);

      g_assert_true (g_str_equal (status, "On time") || g_str_has_prefix (status, "Late by") ||
                     strstr (status, "unmet") != NULL);
      on_time += g_str_equal (status, "On time");
    }
  g_test_message ("%u of %u orders on time", on_time, plan->orders->len);
  g_assert_cmpuint (on_time, >, 0);

  /* The forecast rows too. */
  takt_demand_page_show_forecast (page, TRUE);
  test_spin (50);
  rows = rows_of (takt_demand_page_get_forecast_view (page));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, plan->forecast->len);
  {
    g_autoptr(TaktTableRow) row = g_list_model_get_item (rows, 0);

    g_assert_cmpstr (takt_table_row_get_text (row, 3), ==, "On time");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_sort_and_filter (void)
{
  TaktWindow *window = test_window_with_sample (1200, 800);
  TaktDocument *document = takt_window_get_document (window);
  const TaktPlan *plan = takt_document_get_plan (document);
  TaktDemandPage *page = show_demand (window);
  GtkColumnView *view = takt_demand_page_get_orders_view (page);
  GListModel *rows = rows_of (view);
  guint n_all = g_list_model_get_n_items (rows);
  guint n_vase = 0;
  guint n_week = 0;
  int vase = takt_plan_find_product (plan, "vase");
  gint64 from = plan->horizon_start + 7 * 86400;
  gint64 to = from + 6 * 86400;
  double previous;

  g_assert_cmpuint (n_all, ==, plan->orders->len);
  g_assert_cmpint (vase, >=, 0);

  /* By due time, then backwards. */
  gtk_column_view_sort_by_column (view, column_titled (view, "Due"), GTK_SORT_DESCENDING);
  previous = G_MAXDOUBLE;
  for (guint i = 0; i < n_all; i++)
    {
      g_autoptr(TaktTableRow) row = g_list_model_get_item (rows, i);

      g_assert_cmpfloat (takt_table_row_get_key (row, ORDER_DUE), <=, previous);
      previous = takt_table_row_get_key (row, ORDER_DUE);
    }
  gtk_column_view_sort_by_column (view, column_titled (view, "Due"), GTK_SORT_ASCENDING);
  previous = -G_MAXDOUBLE;
  for (guint i = 0; i < n_all; i++)
    {
      g_autoptr(TaktTableRow) row = g_list_model_get_item (rows, i);

      g_assert_cmpfloat (takt_table_row_get_key (row, ORDER_DUE), >=, previous);
      previous = takt_table_row_get_key (row, ORDER_DUE);
    }
  {
    g_autoptr(TaktTableRow) first = g_list_model_get_item (rows, 0);
    gint64 earliest = G_MAXINT64;

    for (guint i = 0; i < plan->orders->len; i++)
      earliest = MIN (earliest, ((TaktOrder *) g_ptr_array_index (plan->orders, i))->due);
    g_assert_cmpfloat (takt_table_row_get_key (first, ORDER_DUE), ==, (double) earliest);
  }

  /* By quantity. */
  gtk_column_view_sort_by_column (view, column_titled (view, "Quantity"), GTK_SORT_DESCENDING);
  {
    g_autoptr(TaktTableRow) first = g_list_model_get_item (rows, 0);
    g_autoptr(TaktTableRow) last = g_list_model_get_item (rows, n_all - 1);

    g_assert_cmpfloat (takt_table_row_get_key (first, ORDER_QUANTITY), >, takt_table_row_get_key (last, ORDER_QUANTITY));
  }

  /* One product: fewer rows, all of it. */
  for (guint i = 0; i < plan->orders->len; i++)
    {
      const TaktOrder *order = g_ptr_array_index (plan->orders, i);

      n_vase += order->product_index == vase;
      if (order->due - 1 >= from && order->due - 1 < to + 86400)
        n_week++;
    }
  takt_demand_page_set_product_filter (page, vase);
  g_test_message ("%u orders, %u of the vase, %u due in the second week", n_all, n_vase, n_week);
  g_assert_cmpuint (n_vase, >, 0);
  g_assert_cmpuint (n_vase, <, n_all);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_vase);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TaktTableRow) row = g_list_model_get_item (rows, i);

      g_assert_cmpstr (takt_table_row_get_text (row, ORDER_PRODUCT), ==,
                       ((TaktProduct *) g_ptr_array_index (plan->products, vase))->name);
    }

  /* A week of due dates, all products. */
  takt_demand_page_set_product_filter (page, -1);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_all);
  takt_demand_page_set_date_filter (page, from, to);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_week);
  g_assert_cmpuint (n_week, <, n_all);
  takt_demand_page_set_date_filter (page, G_MININT64, G_MAXINT64);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_all);

  /* Days without orders: the table says so, and offers to show all. */
  {
    GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_STACK));

    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
    takt_demand_page_set_date_filter (page, from + 400 * 86400, to + 400 * 86400);
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "nomatch");
    takt_demand_page_set_date_filter (page, G_MININT64, G_MAXINT64);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The cell widget editing @field of the row whose cell @key_cell reads
 * @text, among the widgets the view has made for its visible rows. */
static GtkWidget *
find_cell (GtkWidget       *widget,
           TaktDemandField  field,
           guint            key_cell,
           const char      *text)
{
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "takt-demand-field")) == (int) field + 1)
    {
      GtkWidget *holder = widget;
      TaktTableRow *row = NULL;

      /* The row is kept on the cell's top widget. */
      while (holder != NULL && (row = g_object_get_data (G_OBJECT (holder), "takt-row")) == NULL)
        holder = gtk_widget_get_parent (holder);
      if (row != NULL && g_strcmp0 (takt_table_row_get_text (row, key_cell), text) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell (child, field, key_cell, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const TaktOrder *
find_order (TaktDocument *document,
            const char   *id)
{
  const TaktPlan *plan = takt_document_get_plan (document);

  for (guint i = 0; i < plan->orders->len; i++)
    if (g_str_equal (((TaktOrder *) g_ptr_array_index (plan->orders, i))->id, id))
      return g_ptr_array_index (plan->orders, i);
  return NULL;
}

/* What a text cell shows, and typing into it as a person does: a click
 * (the cell's "cell.edit"), the text, then Enter or Escape. */
static const char *
cell_label (GtkWidget *cell)
{
  return gtk_label_get_text (GTK_LABEL (gtk_stack_get_child_by_name (GTK_STACK (cell), "label")));
}

static void
type_into (GtkWidget  *cell,
           const char *text,
           gboolean    enter,
           const char *expect_editing)
{
  GtkWidget *entry = gtk_stack_get_child_by_name (GTK_STACK (cell), "entry");

  g_assert_true (gtk_widget_activate_action (cell, "cell.edit", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (cell)), ==, "entry");
  if (expect_editing != NULL)
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, expect_editing);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  if (enter)
    /* Enter in the entry's text. */
    g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
  else
    g_assert_true (gtk_widget_activate_action (cell, "cell.cancel", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (cell)), ==, "label");
  test_spin (50);
}

static void
test_edit_cells (void)
{
  TaktWindow *window = test_window_with_sample (1200, 800);
  TaktDocument *document = takt_window_get_document (window);
  TaktDemandPage *page = show_demand (window);
  GtkColumnView *view = takt_demand_page_get_orders_view (page);
  g_autoptr(GBytes) before = takt_document_serialize (document);
  g_autoptr(GBytes) after_quantity = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autofree char *order_id = g_strdup (((TaktOrder *) g_ptr_array_index (takt_document_get_plan (document)->orders, 0))->id);
  gint64 quantity = find_order (document, order_id)->quantity;
  gint64 new_quantity = quantity + 1000;
  g_autofree char *plain = g_strdup_printf ("%" G_GINT64_FORMAT, quantity);
  g_autofree char *typed = g_strdup_printf ("%" G_GINT64_FORMAT, new_quantity);
  g_autofree char *grouped = NULL;
  GtkWidget *cell;
  GtkWidget *dropdown;

  gtk_column_view_sort_by_column (view, column_titled (view, "Order"), GTK_SORT_ASCENDING);
  test_spin (100);

  /* Type a new quantity into the cell and press Enter: editing shows the
   * plain number, the table the grouped one. */
  cell = find_cell (GTK_WIDGET (view), TAKT_DEMAND_ORDER_QUANTITY, ORDER_ID, order_id);
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell_label (cell), ==, plain);
  type_into (cell, typed, TRUE, plain);

  g_assert_cmpint (find_order (document, order_id)->quantity, ==, new_quantity);
  g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Change Order Quantity");
  after_quantity = takt_document_serialize (document);
  g_assert_false (g_bytes_equal (before, after_quantity));
  cell = find_cell (GTK_WIDGET (view), TAKT_DEMAND_ORDER_QUANTITY, ORDER_ID, order_id);
  grouped = g_strdup_printf ("1,%03" G_GINT64_FORMAT, new_quantity - 1000);
  g_assert_cmpstr (cell_label (cell), ==, grouped);

  /* Not a number: refused with a message, nothing changes. */
  type_into (cell, "ten", TRUE, typed);
  g_assert_cmpint (find_order (document, order_id)->quantity, ==, new_quantity);
  g_assert_nonnull (strstr (takt_demand_page_get_last_message (page), "ten"));
  {
    g_autoptr(GBytes) now = takt_document_serialize (document);

    g_assert_true (g_bytes_equal (now, after_quantity));
  }
  g_assert_cmpstr (cell_label (cell), ==, grouped);

  /* Escape leaves the order as it is. */
  type_into (cell, "3", FALSE, typed);
  g_assert_cmpint (find_order (document, order_id)->quantity, ==, new_quantity);

  /* The customer, then the product from the cell's drop-down. */
  cell = find_cell (GTK_WIDGET (view), TAKT_DEMAND_ORDER_CUSTOMER, ORDER_ID, order_id);
  g_assert_nonnull (cell);
  type_into (cell, "Atelier Nord", TRUE, NULL);
  g_assert_cmpstr (find_order (document, order_id)->customer, ==, "Atelier Nord");
  g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Change Customer");

  dropdown = find_cell (GTK_WIDGET (view), TAKT_DEMAND_ORDER_PRODUCT, ORDER_ID, order_id);
  g_assert_nonnull (dropdown);
  {
    int product = find_order (document, order_id)->product_index;
    int other = product == 0 ? 1 : 0;

    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), other);
    test_spin (50);
    g_assert_cmpint (find_order (document, order_id)->product_index, ==, other);
    g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Change Order Product");
  }

  /* Each edit was one step: two undos bring back the quantity edit's
   * bytes, a third the original ones. */
  g_assert_true (takt_document_undo (document));
  g_assert_true (takt_document_undo (document));
  undone = takt_document_serialize (document);
  g_assert_true (g_bytes_equal (undone, after_quantity));
  g_assert_true (takt_document_undo (document));
  {
    g_autoptr(GBytes) original = takt_document_serialize (document);

    g_assert_true (g_bytes_equal (original, before));
  }
  g_assert_false (takt_document_get_can_undo (document));
  test_spin (50);

  /* The table shows the restored quantity. */
  cell = find_cell (GTK_WIDGET (view), TAKT_DEMAND_ORDER_QUANTITY, ORDER_ID, order_id);
  g_assert_cmpstr (cell_label (cell), ==, plain);

  /* Typing, then closing the window, changes nothing and does not crash. */
  g_assert_true (gtk_widget_activate_action (cell, "cell.edit", NULL));
  gtk_editable_set_text (GTK_EDITABLE (gtk_stack_get_child_by_name (GTK_STACK (cell), "entry")), "77");
  gtk_window_destroy (GTK_WINDOW (window));
  test_spin (300);
}

static void
test_add_delete (void)
{
  TaktWindow *window = test_window_with_sample (1200, 800);
  TaktDocument *document = takt_window_get_document (window);
  TaktDemandPage *page = show_demand (window);
  GtkColumnView *view = takt_demand_page_get_orders_view (page);
  GtkSelectionModel *selection = gtk_column_view_get_model (view);
  g_autoptr(GBytes) before = takt_document_serialize (document);
  guint n = takt_document_get_plan (document)->orders->len;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const TaktOrder *added;

  /* Add: a new order with the next id. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "demand.add", NULL));
  test_spin (50);
  g_assert_cmpuint (takt_document_get_plan (document)->orders->len, ==, n + 1);
  added = g_ptr_array_index (takt_document_get_plan (document)->orders, n);
  g_test_message ("added %s", added->id);
  g_assert_nonnull (find_order (document, added->id));
  g_assert_cmpint (added->quantity, ==, 1);
  g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Add Order");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, n + 1);
  /* It is selected and in sight (the table was at its top; the new order
   * is its last row), to be filled in. */
  {
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
    GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
    g_autoptr(TaktTableRow) row = NULL;

    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
    row = g_list_model_get_item (G_LIST_MODEL (selection), gtk_bitset_get_nth (selected, 0));
    g_assert_cmpstr (takt_table_row_get_text (row, ORDER_ID), ==, added->id);
    for (int i = 0; i < 50 && gtk_adjustment_get_value (v) <= 0; i++)
      test_spin (100);
    g_test_message ("scrolled to %.0f of %.0f", gtk_adjustment_get_value (v),
                    gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v));
    g_assert_cmpfloat (gtk_adjustment_get_value (v), >, 0);
  }

  /* Delete two selected rows at once: one step. */
  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_selection_model_select_item (selection, 2, FALSE);
  {
    g_autoptr(TaktTableRow) a = g_list_model_get_item (G_LIST_MODEL (selection), 0);
    g_autoptr(TaktTableRow) b = g_list_model_get_item (G_LIST_MODEL (selection), 2);

    first = g_strdup (takt_table_row_get_text (a, ORDER_ID));
    second = g_strdup (takt_table_row_get_text (b, ORDER_ID));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "demand.delete", NULL));
  test_spin (50);
  g_assert_cmpuint (takt_document_get_plan (document)->orders->len, ==, n - 1);
  g_assert_null (find_order (document, first));
  g_assert_null (find_order (document, second));
  g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Delete 2 Orders");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, n - 1);

  /* Nothing selected: nothing deleted, and a word why. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "demand.delete", NULL));
  g_assert_cmpuint (takt_document_get_plan (document)->orders->len, ==, n - 1);
  g_assert_nonnull (strstr (takt_demand_page_get_last_message (page), "Select"));

  g_assert_true (takt_document_undo (document));
  g_assert_nonnull (find_order (document, first));
  g_assert_true (takt_document_undo (document));
  {
    g_autoptr(GBytes) now = takt_document_serialize (document);

    g_assert_true (g_bytes_equal (now, before));
  }

  /* A forecast day for the product shown. */
  takt_demand_page_show_forecast (page, TRUE);
  takt_demand_page_set_product_filter (page, 2);
  {
    guint n_forecast = takt_document_get_plan (document)->forecast->len;
    const TaktForecast *entry;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "demand.add", NULL));
    test_spin (50);
    g_assert_cmpuint (takt_document_get_plan (document)->forecast->len, ==, n_forecast + 1);
    entry = g_ptr_array_index (takt_document_get_plan (document)->forecast, n_forecast);
    g_assert_cmpint (entry->product_index, ==, 2);
    g_assert_cmpstr (takt_document_get_undo_label (document), ==, "Add Forecast Day");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- pictures to look at ---- */

static void
shoot_demand (const char *path)
{
  TaktWindow *window = test_window_with_sample (1200, 800);
  TaktDemandPage *page;

  test_replan_and_wait (takt_window_get_document (window));
  page = show_demand (window);
  test_spin (300);
  test_write_png (GTK_WIDGET (page), path);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_screenshots (void)
{
  test_shoot_light_and_dark ("demand-page", shoot_demand);
}

int
main (int   argc,
      char *argv[])
{
  test_init_gui (&argc, &argv);

  g_test_add_func ("/demand/chart-and-status", test_chart_and_status);
  g_test_add_func ("/demand/sort-and-filter", test_sort_and_filter);
  g_test_add_func ("/demand/edit-cells", test_edit_cells);
  g_test_add_func ("/demand/add-delete", test_add_delete);
  g_test_add_func ("/demand/screenshots", test_screenshots);

  return g_test_run ();
}
