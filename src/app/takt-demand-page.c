/* takt-demand-page.c — the Demand page: orders and forecast
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-demand-page"

#include "config.h"

#include <glib/gi18n.h>

#include "takt-demand-page.h"
#include "takt-format.h"
#include "takt-table.h"

struct _TaktDemandPage
{
  TaktPage       parent_instance;

  GtkLabel      *summary_label;
  GtkStack      *stack;
  GtkStack      *orders_stack;
  GtkStack      *forecast_stack;
  GtkColumnView *orders_view;
  GtkColumnView *forecast_view;
};

G_DEFINE_FINAL_TYPE (TaktDemandPage, takt_demand_page, TAKT_TYPE_PAGE)

enum {
  ORDER_ID,
  ORDER_PRODUCT,
  ORDER_QUANTITY,
  ORDER_DUE,
  ORDER_CUSTOMER,
  ORDER_STATUS,
  N_ORDER_COLS
};

enum {
  FORECAST_PRODUCT,
  FORECAST_DATE,
  FORECAST_QUANTITY,
  N_FORECAST_COLS
};

static const TaktProduct *
lookup_product (const TaktPlan *plan,
                int             index)
{
  if (index < 0 || index >= (int) plan->products->len)
    return NULL;
  return g_ptr_array_index (plan->products, index);
}

/* How an order fares in the current schedule. */
static char *
describe_status (const TaktPlanStats *stats,
                 GHashTable          *results,
                 const TaktOrder     *order,
                 double              *key,
                 gboolean            *alert)
{
  const TaktDemandResult *result;
  g_autofree char *count = NULL;
  g_autofree char *lateness = NULL;

  *key = 0;
  *alert = FALSE;

  if (stats == NULL || (result = g_hash_table_lookup (results, order->id)) == NULL)
    return g_strdup ("");

  if (result->unmet > 0)
    {
      *key = 3;
      *alert = TRUE;
      count = takt_format_count (result->unmet);
      /* Translators: units of an order no run can make */
      return g_strdup_printf (_("%s units unmet"), count);
    }

  if (result->late_units > 0 && result->finish != G_MININT64)
    {
      *key = 2 + (double) (result->finish - result->due) / 1e9;
      *alert = TRUE;
      lateness = takt_format_duration (result->finish - result->due);
      /* Translators: how late an order is, e.g. "Late by 1 d 4 h" */
      return g_strdup_printf (_("Late by %s"), lateness);
    }

  *key = 1;
  return g_strdup (_("On time"));
}

static void
rebuild (TaktDemandPage *self)
{
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));
  g_autoptr(GListStore) orders = g_list_store_new (TAKT_TYPE_TABLE_ROW);
  g_autoptr(GListStore) forecast = g_list_store_new (TAKT_TYPE_TABLE_ROW);
  g_autoptr(GHashTable) results = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *order_units_text = NULL;
  g_autofree char *forecast_units_text = NULL;
  g_autofree char *summary = NULL;
  const TaktPlanStats *stats;
  const TaktPlan *plan;
  gint64 order_units = 0;
  gint64 forecast_units = 0;

  if (document == NULL)
    return;

  plan = takt_document_get_plan (document);
  stats = takt_document_get_stats (document);

  if (stats != NULL && stats->demands != NULL)
    {
      for (guint i = 0; i < stats->demands->len; i++)
        {
          TaktDemandResult *result = g_ptr_array_index (stats->demands, i);

          g_hash_table_insert (results, result->demand, result);
        }
    }

  for (guint i = 0; i < plan->orders->len; i++)
    {
      const TaktOrder *order = g_ptr_array_index (plan->orders, i);
      const TaktProduct *product = lookup_product (plan, order->product_index);
      g_autoptr(TaktTableRow) row = takt_table_row_new (N_ORDER_COLS);
      gboolean alert;
      double key;
      char *status;

      takt_table_row_set (row, ORDER_ID, order->id, i);
      takt_table_row_set (row, ORDER_PRODUCT, product ? product->name : order->product, 0);
      takt_table_row_set_color (row, product ? product->color : NULL);
      takt_table_row_take (row, ORDER_QUANTITY, takt_format_count (order->quantity), order->quantity);
      takt_table_row_take (row, ORDER_DUE, takt_format_instant (order->due), order->due);
      takt_table_row_set (row, ORDER_CUSTOMER, order->customer ? order->customer : "", 0);
      status = describe_status (stats, results, order, &key, &alert);
      takt_table_row_take (row, ORDER_STATUS, status, key);
      takt_table_row_set_alert (row, alert);

      order_units += order->quantity;
      g_list_store_append (orders, row);
    }

  for (guint i = 0; i < plan->forecast->len; i++)
    {
      const TaktForecast *entry = g_ptr_array_index (plan->forecast, i);
      const TaktProduct *product = lookup_product (plan, entry->product_index);
      g_autoptr(TaktTableRow) row = takt_table_row_new (N_FORECAST_COLS);

      takt_table_row_set (row, FORECAST_PRODUCT, product ? product->name : entry->product, 0);
      takt_table_row_set_color (row, product ? product->color : NULL);
      takt_table_row_take (row, FORECAST_DATE, takt_format_day (entry->date), entry->date);
      takt_table_row_take (row, FORECAST_QUANTITY, takt_format_count (entry->quantity), entry->quantity);

      forecast_units += entry->quantity;
      g_list_store_append (forecast, row);
    }

  order_units_text = takt_format_count (order_units);
  forecast_units_text = takt_format_count (forecast_units);
  /* Translators: e.g. "62 orders for 840 units · 3,200 units forecast" */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u order for %s units · %s units forecast",
                                          "%u orders for %s units · %s units forecast",
                                          plan->orders->len),
                             plan->orders->len, order_units_text, forecast_units_text);
  gtk_label_set_text (self->summary_label, summary);

  takt_table_set_rows (self->orders_view, G_LIST_MODEL (orders));
  takt_table_set_rows (self->forecast_view, G_LIST_MODEL (forecast));
  gtk_stack_set_visible_child_name (self->orders_stack, plan->orders->len > 0 ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->forecast_stack, plan->forecast->len > 0 ? "list" : "empty");
}

static void
takt_demand_page_plan_changed (TaktPage *page)
{
  rebuild (TAKT_DEMAND_PAGE (page));
}

static void
takt_demand_page_class_init (TaktDemandPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TaktPageClass *page_class = TAKT_PAGE_CLASS (klass);

  page_class->plan_changed = takt_demand_page_plan_changed;
  page_class->schedule_changed = takt_demand_page_plan_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taktplanner/Takt/takt-demand-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TaktDemandPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TaktDemandPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TaktDemandPage, orders_stack);
  gtk_widget_class_bind_template_child (widget_class, TaktDemandPage, forecast_stack);
  gtk_widget_class_bind_template_child (widget_class, TaktDemandPage, orders_view);
  gtk_widget_class_bind_template_child (widget_class, TaktDemandPage, forecast_view);
}

static void
takt_demand_page_init (TaktDemandPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  takt_table_add_column (self->orders_view, _("Order"), ORDER_ID, 0);
  takt_table_add_column (self->orders_view, _("Product"), ORDER_PRODUCT, TAKT_COLUMN_SWATCH | TAKT_COLUMN_EXPAND);
  takt_table_add_column (self->orders_view, _("Quantity"), ORDER_QUANTITY, TAKT_COLUMN_NUMERIC);
  takt_table_add_column (self->orders_view, _("Due"), ORDER_DUE, 0);
  takt_table_add_column (self->orders_view, _("Customer"), ORDER_CUSTOMER, TAKT_COLUMN_EXPAND);
  takt_table_add_column (self->orders_view, _("Status"), ORDER_STATUS, 0);

  takt_table_add_column (self->forecast_view, _("Product"), FORECAST_PRODUCT, TAKT_COLUMN_SWATCH | TAKT_COLUMN_EXPAND);
  takt_table_add_column (self->forecast_view, _("Date"), FORECAST_DATE, 0);
  takt_table_add_column (self->forecast_view, _("Quantity"), FORECAST_QUANTITY, TAKT_COLUMN_NUMERIC);
}

GtkWidget *
takt_demand_page_new (void)
{
  return g_object_new (TAKT_TYPE_DEMAND_PAGE, NULL);
}
