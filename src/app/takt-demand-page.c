/* takt-demand-page.c — the Demand page: demand per day, orders and forecast to edit, CSV import
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-demand-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "takt-chart-views.h"
#include "takt-chart-widget.h"
#include "takt-demand-page.h"
#include "takt-format.h"
#include "takt-import-dialog.h"
#include "takt-table.h"
#include "takt-wrap-box.h"
#include "takt-time.h"
#include "takt-widgets.h"
#include "takt-window.h"

#define DAY_S 86400

enum {
  ORDER_ID,
  ORDER_PRODUCT,
  ORDER_QUANTITY,
  ORDER_DUE,
  ORDER_CUSTOMER,
  ORDER_STATUS,
  N_ORDER_COLS,
  ORDER_INDEX = N_ORDER_COLS,   /* key: the index in plan->orders */
  ORDER_PRODUCT_INDEX,          /* key: the product index; text: its colour */
  N_ORDER_CELLS
};

enum {
  FORECAST_PRODUCT,
  FORECAST_DATE,
  FORECAST_QUANTITY,
  FORECAST_STATUS,
  N_FORECAST_COLS,
  FORECAST_INDEX = N_FORECAST_COLS,
  FORECAST_PRODUCT_INDEX,
  N_FORECAST_CELLS
};

G_STATIC_ASSERT (ORDER_INDEX == TAKT_DEMAND_ORDER_INDEX_CELL);
G_STATIC_ASSERT (FORECAST_INDEX == TAKT_DEMAND_FORECAST_INDEX_CELL);

struct _TaktDemandPage
{
  TaktPage           parent_instance;

  GtkWidget         *chart;
  GtkLabel          *summary_label;
  GtkStack          *stack;
  GtkStack          *orders_stack;
  GtkStack          *forecast_stack;
  GtkColumnView     *orders_view;
  GtkColumnView     *forecast_view;
  GtkDropDown       *product_filter;
  GtkMenuButton     *from_button;
  GtkMenuButton     *to_button;
  GtkWidget         *add_button;
  GtkWidget         *delete_button;

  GtkCalendar       *from_calendar;
  GtkCalendar       *to_calendar;

  GListStore        *orders;
  GListStore        *forecast;
  GtkFilter         *orders_filter;
  GtkFilter         *forecast_filter;
  GtkSelectionModel *orders_selection;
  GtkSelectionModel *forecast_selection;
  GtkStringList     *product_names;     /* the plan's products, for the cells */
  GtkStringList     *filter_names;      /* "All Products" and the products */

  char              *last_message;
  char              *import_message;
  gulong             import_replanned_handler;

  int                filter_product;
  gint64             filter_from;
  gint64             filter_to;
  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (TaktDemandPage, takt_demand_page, TAKT_TYPE_PAGE)

static void update_summary (TaktDemandPage *self);

/* ---- helpers ---- */

static const TaktProduct *
lookup_product (const TaktPlan *plan,
                int             index)
{
  if (index < 0 || index >= (int) plan->products->len)
    return NULL;
  return g_ptr_array_index (plan->products, index);
}

static const char *
product_label (const TaktProduct *product)
{
  return product->name != NULL && *product->name != '\0' ? product->name : product->id;
}

static const TaktPlan *
current_plan (TaktDemandPage *self)
{
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));

  return document != NULL ? takt_document_get_plan (document) : NULL;
}

static gboolean
showing_forecast (TaktDemandPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "forecast") == 0;
}

static void
toast (TaktDemandPage *self,
       const char     *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_free (self->last_message);
  self->last_message = g_strdup (text);

  if (TAKT_IS_WINDOW (root))
    takt_window_add_toast (TAKT_WINDOW (root), text);
  else
    g_debug ("%s", text);
}

/* An edit the plan refused: the first problem, in a toast. */
static void
toast_error (TaktDemandPage *self,
             const GError   *error)
{
  g_autofree char *first = g_strdup (error->message);
  char *newline = strchr (first, '\n');

  if (newline != NULL)
    *newline = '\0';
  toast (self, first);
}

/* ---- the status of a demand ---- */

static char *
describe_status (GHashTable *results,
                 const char *name,
                 double     *key,
                 gboolean   *alert)
{
  const TaktDemandResult *result;
  g_autofree char *count = NULL;
  g_autofree char *lateness = NULL;

  *key = 0;
  *alert = FALSE;

  if (results == NULL || (result = g_hash_table_lookup (results, name)) == NULL)
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

/* ---- rows ---- */

static void
rebuild_rows (TaktDemandPage *self)
{
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));
  g_autoptr(GListStore) orders = g_list_store_new (TAKT_TYPE_TABLE_ROW);
  g_autoptr(GListStore) forecast = g_list_store_new (TAKT_TYPE_TABLE_ROW);
  g_autoptr(GHashTable) results = NULL;
  const TaktPlanStats *stats;
  const TaktPlan *plan;
  gboolean changed;

  if (document == NULL)
    return;

  plan = takt_document_get_plan (document);
  stats = takt_document_get_stats (document);

  if (stats != NULL && stats->demands != NULL)
    {
      results = g_hash_table_new (g_str_hash, g_str_equal);
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
      g_autoptr(TaktTableRow) row = takt_table_row_new (N_ORDER_CELLS);
      gboolean alert;
      double key;
      char *status;

      takt_table_row_set (row, ORDER_ID, order->id, 0);
      takt_table_row_set (row, ORDER_PRODUCT, product != NULL ? product_label (product) : order->product, 0);
      takt_table_row_take (row, ORDER_QUANTITY, takt_format_count (order->quantity), order->quantity);
      takt_table_row_take (row, ORDER_DUE, takt_format_instant (order->due), order->due);
      takt_table_row_set (row, ORDER_CUSTOMER, order->customer != NULL ? order->customer : "", 0);
      status = describe_status (results, order->id, &key, &alert);
      takt_table_row_take (row, ORDER_STATUS, status, key);
      takt_table_row_set (row, ORDER_INDEX, NULL, i);
      takt_table_row_set (row, ORDER_PRODUCT_INDEX, product != NULL && product->color != NULL ? product->color : "",
                          order->product_index);
      takt_table_row_set_color (row, product != NULL ? product->color : NULL);
      takt_table_row_set_alert (row, alert);
      g_list_store_append (orders, row);
    }

  for (guint i = 0; i < plan->forecast->len; i++)
    {
      const TaktForecast *entry = g_ptr_array_index (plan->forecast, i);
      const TaktProduct *product = lookup_product (plan, entry->product_index);
      g_autoptr(TaktTableRow) row = takt_table_row_new (N_FORECAST_CELLS);
      g_autofree char *date = takt_format_date (entry->date);
      g_autofree char *name = g_strdup_printf ("forecast:%s:%s", product != NULL ? product->id : entry->product, date);
      gboolean alert;
      double key;
      char *status = describe_status (results, name, &key, &alert);

      takt_table_row_set (row, FORECAST_PRODUCT, product != NULL ? product_label (product) : entry->product, 0);
      takt_table_row_take (row, FORECAST_DATE, takt_format_day (entry->date), entry->date);
      takt_table_row_take (row, FORECAST_QUANTITY, takt_format_count (entry->quantity), entry->quantity);
      takt_table_row_take (row, FORECAST_STATUS, status, key);
      takt_table_row_set (row, FORECAST_INDEX, NULL, i);
      takt_table_row_set (row, FORECAST_PRODUCT_INDEX, product != NULL && product->color != NULL ? product->color : "",
                          entry->product_index);
      takt_table_row_set_color (row, product != NULL ? product->color : NULL);
      takt_table_row_set_alert (row, alert);
      g_list_store_append (forecast, row);
    }

  changed = takt_table_store_update (self->orders, G_LIST_MODEL (orders));
  if (changed)
    {
      gtk_filter_changed (self->orders_filter, GTK_FILTER_CHANGE_DIFFERENT);
      gtk_sorter_changed (gtk_column_view_get_sorter (self->orders_view), GTK_SORTER_CHANGE_DIFFERENT);
    }
  changed = takt_table_store_update (self->forecast, G_LIST_MODEL (forecast));
  if (changed)
    {
      gtk_filter_changed (self->forecast_filter, GTK_FILTER_CHANGE_DIFFERENT);
      gtk_sorter_changed (gtk_column_view_get_sorter (self->forecast_view), GTK_SORTER_CHANGE_DIFFERENT);
    }

  update_summary (self);
}

/* ---- filtering ---- */

static gboolean
filter_row (TaktDemandPage *self,
            TaktTableRow   *row,
            guint           product_cell,
            gint64          day)
{
  if (self->filter_product >= 0 && (int) takt_table_row_get_key (row, product_cell) != self->filter_product)
    return FALSE;
  if (day < self->filter_from || day > self->filter_to)
    return FALSE;
  return TRUE;
}

static gboolean
order_filter_func (gpointer item,
                   gpointer user_data)
{
  TaktTableRow *row = item;
  gint64 due = (gint64) takt_table_row_get_key (row, ORDER_DUE);

  /* An order falls on the day it is due at the end of, as in the chart:
   * one due at midnight belongs to the day before. */
  return filter_row (user_data, row, ORDER_PRODUCT_INDEX, takt_day_start (due - 1));
}

static gboolean
forecast_filter_func (gpointer item,
                      gpointer user_data)
{
  TaktTableRow *row = item;

  return filter_row (user_data, row, FORECAST_PRODUCT_INDEX,
                     takt_day_start ((gint64) takt_table_row_get_key (row, FORECAST_DATE)));
}

static void
filters_changed (TaktDemandPage *self)
{
  gtk_filter_changed (self->orders_filter, GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (self->forecast_filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_summary (self);
}

static void
update_summary (TaktDemandPage *self)
{
  const TaktPlan *plan = current_plan (self);
  GListModel *shown;
  g_autofree char *summary = NULL;
  g_autofree char *units_text = NULL;
  gint64 units = 0;
  guint n_shown, n_all;
  gboolean forecast;

  if (plan == NULL)
    return;

  /* Each table: its rows, or why there are none. */
  n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->orders_selection));
  gtk_stack_set_visible_child_name (self->orders_stack,
                                    plan->orders->len == 0 ? "empty" : n_shown == 0 ? "nomatch" : "list");
  n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->forecast_selection));
  gtk_stack_set_visible_child_name (self->forecast_stack,
                                    plan->forecast->len == 0 ? "empty" : n_shown == 0 ? "nomatch" : "list");

  forecast = showing_forecast (self);
  shown = G_LIST_MODEL (forecast ? self->forecast_selection : self->orders_selection);
  n_shown = g_list_model_get_n_items (shown);
  n_all = forecast ? plan->forecast->len : plan->orders->len;

  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(TaktTableRow) row = g_list_model_get_item (shown, i);

      units += (gint64) takt_table_row_get_key (row, forecast ? FORECAST_QUANTITY : ORDER_QUANTITY);
    }
  units_text = takt_format_count (units);

  if (forecast && n_shown == n_all)
    /* Translators: e.g. "54 forecast days for 3,200 units" */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u forecast day for %s units",
                                            "%u forecast days for %s units", n_all), n_all, units_text);
  else if (forecast)
    /* Translators: e.g. "12 of 54 forecast days, 800 units" */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u forecast day, %s units",
                                            "%u of %u forecast days, %s units", n_all), n_shown, n_all, units_text);
  else if (n_shown == n_all)
    /* Translators: e.g. "62 orders for 840 units" */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u order for %s units",
                                            "%u orders for %s units", n_all), n_all, units_text);
  else
    /* Translators: e.g. "12 of 62 orders, 140 units" */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u order, %s units",
                                            "%u of %u orders, %s units", n_all), n_shown, n_all, units_text);
  gtk_label_set_text (self->summary_label, summary);

  gtk_widget_set_tooltip_text (self->add_button, forecast ? _("Add a Forecast Day") : _("Add an Order"));
  gtk_widget_set_tooltip_text (self->delete_button, forecast ? _("Delete the Selected Forecast Days")
                                                             : _("Delete the Selected Orders"));
}

static void
product_filter_cb (TaktDemandPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->product_filter);
  int product = selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;

  if (self->updating || product == self->filter_product)
    return;
  self->filter_product = product;
  filters_changed (self);
}

void
takt_demand_page_set_product_filter (TaktDemandPage *self,
                                     int             product)
{
  g_return_if_fail (TAKT_IS_DEMAND_PAGE (self));
  g_return_if_fail (product >= -1);

  gtk_drop_down_set_selected (self->product_filter, product + 1);
  if (self->filter_product != product)
    {
      self->filter_product = product;
      filters_changed (self);
    }
}

static gint64
calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return takt_days_from_civil (g_date_time_get_year (date), g_date_time_get_month (date),
                               g_date_time_get_day_of_month (date)) * DAY_S;
}

static void
calendar_select (GtkCalendar *calendar,
                 gint64       day)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (day);

  if (date != NULL)
    gtk_calendar_select_day (calendar, date);
}

static void
update_date_buttons (TaktDemandPage *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (self->filter_from != G_MININT64)
    {
      g_autofree char *day = takt_format_day (self->filter_from);

      /* Translators: the first day shown, "From Mon 7 Dec 2026" */
      from = g_strdup_printf (_("From %s"), day);
    }
  if (self->filter_to != G_MAXINT64)
    {
      g_autofree char *day = takt_format_day (self->filter_to);

      /* Translators: the last day shown, "To Fri 11 Dec 2026" */
      to = g_strdup_printf (_("To %s"), day);
    }
  gtk_menu_button_set_label (self->from_button, from != NULL ? from : _("From"));
  gtk_menu_button_set_label (self->to_button, to != NULL ? to : _("To"));
}

void
takt_demand_page_set_date_filter (TaktDemandPage *self,
                                  gint64          from,
                                  gint64          to)
{
  g_return_if_fail (TAKT_IS_DEMAND_PAGE (self));

  self->filter_from = from;
  self->filter_to = to;
  update_date_buttons (self);
  filters_changed (self);
}

static void
from_day_selected_cb (TaktDemandPage *self)
{
  if (self->updating)
    return;
  takt_demand_page_set_date_filter (self, calendar_day (self->from_calendar), self->filter_to);
}

static void
to_day_selected_cb (TaktDemandPage *self)
{
  if (self->updating)
    return;
  takt_demand_page_set_date_filter (self, self->filter_from, calendar_day (self->to_calendar));
}

static void
from_clear_cb (TaktDemandPage *self)
{
  gtk_menu_button_popdown (self->from_button);
  takt_demand_page_set_date_filter (self, G_MININT64, self->filter_to);
}

static void
to_clear_cb (TaktDemandPage *self)
{
  gtk_menu_button_popdown (self->to_button);
  takt_demand_page_set_date_filter (self, self->filter_from, G_MAXINT64);
}

/* The calendar opens on the day chosen, else on the horizon's first or
 * last day. */
static void
date_popover_show_cb (TaktDemandPage *self,
                      GtkPopover     *popover)
{
  const TaktPlan *plan = current_plan (self);
  gboolean to = g_object_get_data (G_OBJECT (popover), "takt-to") != NULL;
  gint64 day;

  if (plan == NULL)
    return;
  if (to)
    day = self->filter_to != G_MAXINT64 ? self->filter_to
                                        : takt_day_start (plan->horizon_start + (plan->horizon_days - 1) * DAY_S);
  else
    day = self->filter_from != G_MININT64 ? self->filter_from : takt_day_start (plan->horizon_start);

  self->updating = TRUE;
  calendar_select (to ? self->to_calendar : self->from_calendar, day);
  self->updating = FALSE;
}

static GtkCalendar *
setup_date_filter (TaktDemandPage *self,
                   GtkMenuButton  *button,
                   gboolean        to)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("_Show All Days"));

  gtk_box_append (GTK_BOX (box), calendar);
  gtk_box_append (GTK_BOX (box), clear);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (button, popover);
  if (to)
    g_object_set_data (G_OBJECT (popover), "takt-to", GINT_TO_POINTER (1));

  g_signal_connect_object (popover, "show", G_CALLBACK (date_popover_show_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (to ? to_day_selected_cb : from_day_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (clear, "clicked", G_CALLBACK (to ? to_clear_cb : from_clear_cb), self, G_CONNECT_SWAPPED);
  return GTK_CALENDAR (calendar);
}

/* ---- editing ---- */

typedef struct
{
  TaktDemandField field;
  int             index;        /* in plan->orders or plan->forecast */
  char           *text;
  gint64          number;
} Edit;

static TaktOrder *
edit_order (TaktPlan    *plan,
            const Edit  *edit,
            GError     **error)
{
  if (edit->index < 0 || edit->index >= (int) plan->orders->len)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The order is gone"));
      return NULL;
    }
  return g_ptr_array_index (plan->orders, edit->index);
}

static gboolean
apply_edit (TaktPlan  *plan,
            gpointer   user_data,
            GError   **error)
{
  const Edit *edit = user_data;
  TaktForecast *entry = NULL;
  TaktOrder *order = NULL;

  if (edit->field <= TAKT_DEMAND_ORDER_CUSTOMER)
    {
      if ((order = edit_order (plan, edit, error)) == NULL)
        return FALSE;
    }
  else
    {
      if (edit->index < 0 || edit->index >= (int) plan->forecast->len)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The forecast day is gone"));
          return FALSE;
        }
      entry = g_ptr_array_index (plan->forecast, edit->index);
    }

  switch (edit->field)
    {
    case TAKT_DEMAND_ORDER_ID:
      g_free (order->id);
      order->id = g_strdup (edit->text);
      break;
    case TAKT_DEMAND_ORDER_PRODUCT:
      g_free (order->product);
      order->product = g_strdup (edit->text);
      break;
    case TAKT_DEMAND_ORDER_QUANTITY:
      order->quantity = edit->number;
      break;
    case TAKT_DEMAND_ORDER_DUE:
      order->due = edit->number;
      break;
    case TAKT_DEMAND_ORDER_CUSTOMER:
      g_free (order->customer);
      order->customer = edit->text != NULL && *edit->text != '\0' ? g_strdup (edit->text) : NULL;
      break;
    case TAKT_DEMAND_FORECAST_PRODUCT:
      g_free (entry->product);
      entry->product = g_strdup (edit->text);
      break;
    case TAKT_DEMAND_FORECAST_DATE:
      entry->date = edit->number;
      break;
    case TAKT_DEMAND_FORECAST_QUANTITY:
      entry->quantity = edit->number;
      break;
    case TAKT_DEMAND_N_FIELDS:
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

static const char *
edit_description (TaktDemandField field)
{
  switch (field)
    {
    case TAKT_DEMAND_ORDER_ID: return _("Rename Order");
    case TAKT_DEMAND_ORDER_PRODUCT: return _("Change Order Product");
    case TAKT_DEMAND_ORDER_QUANTITY: return _("Change Order Quantity");
    case TAKT_DEMAND_ORDER_DUE: return _("Change Due Date");
    case TAKT_DEMAND_ORDER_CUSTOMER: return _("Change Customer");
    case TAKT_DEMAND_FORECAST_PRODUCT: return _("Change Forecast Product");
    case TAKT_DEMAND_FORECAST_DATE: return _("Change Forecast Date");
    case TAKT_DEMAND_FORECAST_QUANTITY: return _("Change Forecast Quantity");
    case TAKT_DEMAND_N_FIELDS:
    default: return "";
    }
}

static gboolean
field_is_forecast (TaktDemandField field)
{
  return field >= TAKT_DEMAND_FORECAST_PRODUCT;
}

/* Commits @edit as one undo step; a refusal is shown in a toast. */
static gboolean
commit_edit (TaktDemandPage *self,
             Edit           *edit)
{
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (document == NULL)
    return FALSE;

  if (!takt_document_edit (document, edit_description (edit->field), apply_edit, edit, &error))
    {
      toast_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* A whole number as a person types it: digits with any grouping marks. */
static gboolean
parse_quantity (const char *text,
                gint64     *value)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        g_string_append_c (digits, (char) ('0' + g_unichar_digit_value (c)));
      else if (c == ',' || c == '.' || c == '\'' || g_unichar_isspace (c) || c == 0x202F || c == 0x00A0)
        continue;
      else
        return FALSE;
    }

  if (digits->len == 0 || digits->len > 12)
    return FALSE;
  *value = g_ascii_strtoll (digits->str, NULL, 10);
  return TRUE;
}

/* What each cell widget knows: its field and the row it shows. */
typedef struct
{
  TaktDemandPage  *self;
  TaktDemandField  field;
  guint            cell;
} CellInfo;

static TaktTableRow *
cell_row (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "takt-row");
}

static int
row_index (TaktTableRow    *row,
           TaktDemandField  field)
{
  return (int) takt_table_row_get_key (row, field_is_forecast (field) ? FORECAST_INDEX : ORDER_INDEX);
}

static gboolean
field_is_number (TaktDemandField field)
{
  return field == TAKT_DEMAND_ORDER_QUANTITY || field == TAKT_DEMAND_FORECAST_QUANTITY;
}

/* Text cells: a label that turns into an entry (a click, Enter or F2);
 * Enter or leaving the entry commits, Escape puts the text back.  While it
 * is edited, a quantity shows as plain digits.  (GtkEditableLabel of GTK
 * 4.8 checks its focus from a timeout that outlives the widget when a row
 * or window goes away at once, so the cell does it itself.) */
static GtkWidget *
text_label (GtkWidget *cell)
{
  return gtk_stack_get_child_by_name (GTK_STACK (cell), "label");
}

static GtkWidget *
text_entry (GtkWidget *cell)
{
  return gtk_stack_get_child_by_name (GTK_STACK (cell), "entry");
}

static gboolean
text_editing (GtkWidget *cell)
{
  return g_object_get_data (G_OBJECT (cell), "takt-editing") != NULL;
}

static void
text_refresh (GtkWidget *cell)
{
  CellInfo *info = g_object_get_data (G_OBJECT (cell), "takt-cell-info");
  TaktTableRow *row = cell_row (cell);

  if (row == NULL)
    return;
  gtk_label_set_text (GTK_LABEL (text_label (cell)), takt_table_row_get_text (row, info->cell));
}

static void
text_commit (GtkWidget  *cell,
             const char *typed)
{
  CellInfo *info = g_object_get_data (G_OBJECT (cell), "takt-cell-info");
  TaktDemandPage *self = info->self;
  g_autoptr(TaktTableRow) row = cell_row (cell) != NULL ? g_object_ref (cell_row (cell)) : NULL;
  g_autofree char *text = g_strstrip (g_strdup (typed));
  Edit edit = { info->field, -1, NULL, 0 };

  if (row == NULL || current_plan (self) == NULL)
    return;

  edit.index = row_index (row, info->field);
  if (field_is_number (info->field))
    {
      if (!parse_quantity (text, &edit.number) || edit.number < 1)
        {
          /* Translators: a quantity typed into the table that is not one */
          g_autofree char *message = g_strdup_printf (_("“%s” is not a whole number of units"), text);

          toast (self, message);
          return;
        }
      if (edit.number == (gint64) takt_table_row_get_key (row, info->cell))
        return;
    }
  else
    {
      if (g_strcmp0 (text, takt_table_row_get_text (row, info->cell)) == 0)
        return;
      edit.text = text;
    }

  commit_edit (self, &edit);
}

static void
text_start (GtkWidget *cell)
{
  CellInfo *info = g_object_get_data (G_OBJECT (cell), "takt-cell-info");
  TaktTableRow *row = cell_row (cell);
  GtkWidget *entry = text_entry (cell);

  if (row == NULL || text_editing (cell))
    return;

  if (field_is_number (info->field))
    {
      g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) takt_table_row_get_key (row, info->cell));

      gtk_editable_set_text (GTK_EDITABLE (entry), digits);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), takt_table_row_get_text (row, info->cell));
    }

  g_object_set_data (G_OBJECT (cell), "takt-editing", GINT_TO_POINTER (1));
  gtk_stack_set_visible_child_name (GTK_STACK (cell), "entry");
  gtk_widget_grab_focus (entry);
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

static void
text_stop (GtkWidget *cell,
           gboolean   commit)
{
  GtkWidget *entry = text_entry (cell);
  g_autofree char *typed = NULL;
  gboolean had_focus;

  if (!text_editing (cell))
    return;

  /* First: moving the focus away from the entry comes back here. */
  g_object_set_data (G_OBJECT (cell), "takt-editing", NULL);
  typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  had_focus = gtk_widget_has_focus (entry) || gtk_widget_get_focus_child (entry) != NULL;
  if (had_focus)
    gtk_widget_grab_focus (cell);
  gtk_stack_set_visible_child_name (GTK_STACK (cell), "label");

  if (commit)
    text_commit (cell, typed);
  text_refresh (cell);
}

/* The cell's actions: "cell.edit" (a click, Enter, F2) and "cell.cancel"
 * (Escape). */
static void
cell_edit_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       cell)
{
  text_start (cell);
}

static void
cell_cancel_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       cell)
{
  text_stop (cell, FALSE);
}

static void
text_activate_cb (GtkEntry  *entry,
                  GtkWidget *cell)
{
  text_stop (cell, TRUE);
}

static gboolean
text_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             GtkWidget             *cell)
{
  if (keyval != GDK_KEY_Escape || !text_editing (cell))
    return FALSE;
  text_stop (cell, FALSE);
  return TRUE;
}

static void
text_focus_leave_cb (GtkEventControllerFocus *controller,
                     GtkWidget               *cell)
{
  GtkRoot *root = gtk_widget_get_root (cell);

  /* Clicking elsewhere commits what was typed, but not while the window
   * is going away. */
  if (!text_editing (cell))
    return;
  text_stop (cell, root != NULL && !gtk_widget_in_destruction (GTK_WIDGET (root)));
}

static void
text_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkWidget       *cell)
{
  if (!text_editing (cell))
    text_start (cell);
}

static void
text_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CellInfo                 *info)
{
  GtkWidget *cell = gtk_stack_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *entry = gtk_entry_new ();
  g_autoptr(GSimpleActionGroup) group = NULL;
  GtkEventController *controller;
  GtkGesture *click;
  static const GActionEntry cell_actions[] = {
    { "edit", cell_edit_activated, NULL, NULL, NULL, { 0 } },
    { "cancel", cell_cancel_activated, NULL, NULL, NULL, { 0 } },
  };

  gtk_stack_set_hhomogeneous (GTK_STACK (cell), FALSE);
  gtk_stack_set_vhomogeneous (GTK_STACK (cell), FALSE);
  gtk_stack_set_interpolate_size (GTK_STACK (cell), FALSE);
  gtk_widget_set_focusable (cell, TRUE);

  gtk_label_set_xalign (GTK_LABEL (label), field_is_number (info->field) ? 1.0f : 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), field_is_number (info->field) ? 6 : 10);
  if (field_is_number (info->field))
    {
      gtk_widget_add_css_class (label, "numeric");
      gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0f);
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
    }
  gtk_stack_add_named (GTK_STACK (cell), label, "label");
  gtk_stack_add_named (GTK_STACK (cell), entry, "entry");
  gtk_stack_set_visible_child_name (GTK_STACK (cell), "label");

  g_signal_connect (entry, "activate", G_CALLBACK (text_activate_cb), cell);
  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (text_key_cb), cell);
  gtk_widget_add_controller (entry, controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (text_focus_leave_cb), cell);
  gtk_widget_add_controller (entry, controller);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (text_pressed_cb), cell);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (click));

  group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (group), cell_actions, G_N_ELEMENTS (cell_actions), cell);
  gtk_widget_insert_action_group (cell, "cell", G_ACTION_GROUP (group));

  /* Enter or F2 on the focused cell. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_Return, 0),
                                                            gtk_keyval_trigger_new (GDK_KEY_F2, 0)),
                                                          gtk_named_action_new ("cell.edit")));
  gtk_widget_add_controller (cell, controller);

  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  edit_description (info->field), -1);
  g_object_set_data (G_OBJECT (cell), "takt-cell-info", info);
  g_object_set_data (G_OBJECT (cell), "takt-demand-field", GINT_TO_POINTER (info->field + 1));
  gtk_list_item_set_child (item, cell);
}

static void
cell_bind (GtkListItem *item,
           void       (*refresh) (GtkWidget *widget))
{
  TaktTableRow *row = gtk_list_item_get_item (item);
  GtkWidget *widget = gtk_list_item_get_child (item);
  gulong handler;

  g_object_set_data (G_OBJECT (widget), "takt-row", row);
  refresh (widget);
  handler = g_signal_connect_object (row, "changed", G_CALLBACK (refresh), widget, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (widget), "takt-row-handler", GSIZE_TO_POINTER (handler));
}

static void
cell_unbind (GtkListItem *item)
{
  TaktTableRow *row = gtk_list_item_get_item (item);
  GtkWidget *widget = gtk_list_item_get_child (item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), "takt-row-handler"));

  if (row != NULL && handler != 0)
    g_signal_handler_disconnect (row, handler);
  g_object_set_data (G_OBJECT (widget), "takt-row-handler", NULL);
  g_object_set_data (G_OBJECT (widget), "takt-row", NULL);
}

static void
text_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CellInfo                 *info)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  /* A recycled cell shows another row: what was being typed is dropped. */
  text_stop (cell, FALSE);
  cell_bind (item, text_refresh);
}

static void
any_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CellInfo                 *info)
{
  cell_unbind (item);
}

/* Product cells: a drop-down of the plan's products. */
static void
product_refresh (GtkWidget *box)
{
  CellInfo *info = g_object_get_data (G_OBJECT (box), "takt-cell-info");
  GtkWidget *dropdown = g_object_get_data (G_OBJECT (box), "takt-dropdown");
  GtkWidget *swatch = gtk_widget_get_first_child (box);
  TaktTableRow *row = cell_row (box);
  guint product_cell = field_is_forecast (info->field) ? FORECAST_PRODUCT_INDEX : ORDER_PRODUCT_INDEX;
  const char *color;
  int product;

  if (row == NULL)
    return;

  product = (int) takt_table_row_get_key (row, product_cell);
  color = takt_table_row_get_text (row, product_cell);

  g_object_set_data (G_OBJECT (dropdown), "takt-binding", GINT_TO_POINTER (1));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), product >= 0 ? (guint) product : GTK_INVALID_LIST_POSITION);
  g_object_set_data (G_OBJECT (dropdown), "takt-binding", NULL);

  takt_swatch_set_color (swatch, color);
}

static void
product_selected_cb (GtkDropDown *dropdown,
                     GParamSpec  *pspec,
                     GtkWidget   *box)
{
  CellInfo *info = g_object_get_data (G_OBJECT (box), "takt-cell-info");
  TaktTableRow *row = cell_row (box);
  const TaktPlan *plan = current_plan (info->self);
  guint selected = gtk_drop_down_get_selected (dropdown);
  guint product_cell = field_is_forecast (info->field) ? FORECAST_PRODUCT_INDEX : ORDER_PRODUCT_INDEX;
  const TaktProduct *product;
  Edit edit = { info->field, -1, NULL, 0 };

  if (g_object_get_data (G_OBJECT (dropdown), "takt-binding") != NULL || row == NULL || plan == NULL)
    return;
  if (selected == GTK_INVALID_LIST_POSITION || (int) selected == (int) takt_table_row_get_key (row, product_cell))
    return;
  if ((product = lookup_product (plan, (int) selected)) == NULL)
    return;

  edit.index = row_index (row, info->field);
  edit.text = product->id;
  if (!commit_edit (info->self, &edit))
    product_refresh (box);
}

static void
product_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  CellInfo                 *info)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dropdown = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (info->self->product_names)), NULL);
  GtkWidget *button;

  gtk_box_append (GTK_BOX (box), takt_swatch_new (NULL, 10));

  gtk_widget_set_hexpand (dropdown, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Product"), -1);
  /* A table of buttons would be loud: the drop-down shows as text until
   * it is hovered. */
  button = gtk_widget_get_first_child (dropdown);
  if (GTK_IS_BUTTON (button))
    gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (dropdown, "takt-cell");
  gtk_box_append (GTK_BOX (box), dropdown);

  g_object_set_data (G_OBJECT (box), "takt-cell-info", info);
  g_object_set_data (G_OBJECT (box), "takt-dropdown", dropdown);
  g_object_set_data (G_OBJECT (dropdown), "takt-demand-field", GINT_TO_POINTER (info->field + 1));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (product_selected_cb), box);
  gtk_list_item_set_child (item, box);
}

static void
product_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 CellInfo                 *info)
{
  cell_bind (item, product_refresh);
}

/* Date cells: a button showing the date; its popover has a calendar (and
 * the time of day, for a due date). */
static void
date_refresh (GtkWidget *button)
{
  CellInfo *info = g_object_get_data (G_OBJECT (button), "takt-cell-info");
  TaktTableRow *row = cell_row (button);

  if (row == NULL)
    return;
  gtk_label_set_text (GTK_LABEL (gtk_menu_button_get_child (GTK_MENU_BUTTON (button))),
                      takt_table_row_get_text (row, info->cell));
}

static void
date_popover_cb (GtkPopover *popover,
                 GtkWidget  *button)
{
  CellInfo *info = g_object_get_data (G_OBJECT (button), "takt-cell-info");
  TaktTableRow *row = cell_row (button);
  GtkCalendar *calendar = g_object_get_data (G_OBJECT (button), "takt-calendar");
  GtkSpinButton *hour = g_object_get_data (G_OBJECT (button), "takt-hour");
  GtkSpinButton *minute = g_object_get_data (G_OBJECT (button), "takt-minute");
  gint64 t;

  if (row == NULL)
    return;

  t = (gint64) takt_table_row_get_key (row, info->cell);
  /* A due time of midnight is the end of the day before. */
  if (hour != NULL && t - takt_day_start (t) == 0)
    {
      calendar_select (calendar, takt_day_start (t) - DAY_S);
      gtk_spin_button_set_value (hour, 24);
      gtk_spin_button_set_value (minute, 0);
    }
  else
    {
      calendar_select (calendar, takt_day_start (t));
      if (hour != NULL)
        {
          gtk_spin_button_set_value (hour, (double) ((t - takt_day_start (t)) / 3600));
          gtk_spin_button_set_value (minute, (double) ((t - takt_day_start (t)) % 3600 / 60));
        }
    }
}

static void
date_apply_cb (GtkButton *apply,
               GtkWidget *button)
{
  CellInfo *info = g_object_get_data (G_OBJECT (button), "takt-cell-info");
  TaktTableRow *row = cell_row (button);
  GtkCalendar *calendar = g_object_get_data (G_OBJECT (button), "takt-calendar");
  GtkSpinButton *hour = g_object_get_data (G_OBJECT (button), "takt-hour");
  GtkSpinButton *minute = g_object_get_data (G_OBJECT (button), "takt-minute");
  Edit edit = { info->field, -1, NULL, 0 };

  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  if (row == NULL)
    return;

  edit.index = row_index (row, info->field);
  edit.number = calendar_day (calendar);
  if (hour != NULL)
    edit.number += gtk_spin_button_get_value_as_int (hour) * 3600 + gtk_spin_button_get_value_as_int (minute) * 60;
  if (edit.number == (gint64) takt_table_row_get_key (row, info->cell))
    return;
  commit_edit (info->self, &edit);
}

static GtkWidget *
new_spin (double      max,
          const char *accessible_label)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, 1);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return spin;
}

static gboolean
format_two_digits_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
date_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CellInfo                 *info)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *apply = gtk_button_new_with_mnemonic (info->field == TAKT_DEMAND_ORDER_DUE ? _("_Set Due Time")
                                                                                       : _("_Set Date"));
  GtkWidget *text = gtk_label_new (NULL);

  /* The date as text, without an arrow: a column of arrows is noise. */
  gtk_label_set_xalign (GTK_LABEL (text), 0.0f);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), text);
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
  gtk_widget_add_css_class (button, "takt-cell");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  info->field == TAKT_DEMAND_ORDER_DUE ? _("Due") : _("Date"), -1);

  gtk_box_append (GTK_BOX (box), calendar);
  g_object_set_data (G_OBJECT (button), "takt-calendar", calendar);

  if (info->field == TAKT_DEMAND_ORDER_DUE)
    {
      GtkWidget *time = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (_("Due at"));
      GtkWidget *hour = new_spin (24, _("Hour"));
      GtkWidget *minute = new_spin (59, _("Minute"));

      gtk_widget_set_halign (time, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (time), label);
      gtk_box_append (GTK_BOX (time), hour);
      gtk_box_append (GTK_BOX (time), gtk_label_new (":"));
      gtk_box_append (GTK_BOX (time), minute);
      g_signal_connect (hour, "output", G_CALLBACK (format_two_digits_cb), NULL);
      g_signal_connect (minute, "output", G_CALLBACK (format_two_digits_cb), NULL);
      gtk_box_append (GTK_BOX (box), time);
      g_object_set_data (G_OBJECT (button), "takt-hour", hour);
      g_object_set_data (G_OBJECT (button), "takt-minute", minute);
    }

  gtk_widget_add_css_class (apply, "suggested-action");
  gtk_box_append (GTK_BOX (box), apply);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  g_object_set_data (G_OBJECT (button), "takt-cell-info", info);
  g_object_set_data (G_OBJECT (button), "takt-demand-field", GINT_TO_POINTER (info->field + 1));
  g_signal_connect (popover, "show", G_CALLBACK (date_popover_cb), button);
  g_signal_connect (apply, "clicked", G_CALLBACK (date_apply_cb), button);
  gtk_list_item_set_child (item, button);
}

static void
date_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CellInfo                 *info)
{
  cell_bind (item, date_refresh);
}

typedef struct
{
  guint    cell;
  gboolean numeric;
} SortInfo;

/* As the read-only columns sort: numbers by their value; text by its key
 * (a due time, a date) and then by the text. */
static int
compare_cells (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const SortInfo *info = user_data;
  TaktTableRow *ra = (TaktTableRow *) a;
  TaktTableRow *rb = (TaktTableRow *) b;
  double ka = takt_table_row_get_key (ra, info->cell);
  double kb = takt_table_row_get_key (rb, info->cell);

  if (ka != kb || info->numeric)
    return (ka > kb) - (ka < kb);
  return g_utf8_collate (takt_table_row_get_text (ra, info->cell), takt_table_row_get_text (rb, info->cell));
}

/* Adds a sortable column whose cells edit @field. */
static void
add_edit_column (TaktDemandPage  *self,
                 GtkColumnView   *view,
                 const char      *title,
                 guint            cell,
                 TaktColumnFlags  flags,
                 TaktDemandField  field)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;
  CellInfo *info = g_new0 (CellInfo, 1);
  SortInfo *sort = g_new0 (SortInfo, 1);

  info->self = self;
  info->field = field;
  info->cell = cell;
  g_object_set_data_full (G_OBJECT (factory), "takt-cell-info", info, g_free);

  switch (field)
    {
    case TAKT_DEMAND_ORDER_PRODUCT:
    case TAKT_DEMAND_FORECAST_PRODUCT:
      g_signal_connect (factory, "setup", G_CALLBACK (product_setup_cb), info);
      g_signal_connect (factory, "bind", G_CALLBACK (product_bind_cb), info);
      break;
    case TAKT_DEMAND_ORDER_DUE:
    case TAKT_DEMAND_FORECAST_DATE:
      g_signal_connect (factory, "setup", G_CALLBACK (date_setup_cb), info);
      g_signal_connect (factory, "bind", G_CALLBACK (date_bind_cb), info);
      break;
    case TAKT_DEMAND_ORDER_ID:
    case TAKT_DEMAND_ORDER_QUANTITY:
    case TAKT_DEMAND_ORDER_CUSTOMER:
    case TAKT_DEMAND_FORECAST_QUANTITY:
      g_signal_connect (factory, "setup", G_CALLBACK (text_setup_cb), info);
      g_signal_connect (factory, "bind", G_CALLBACK (text_bind_cb), info);
      break;
    case TAKT_DEMAND_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  g_signal_connect (factory, "unbind", G_CALLBACK (any_unbind_cb), info);

  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (column, (flags & TAKT_COLUMN_EXPAND) != 0);
  gtk_column_view_column_set_resizable (column, TRUE);

  sort->cell = cell;
  sort->numeric = (flags & TAKT_COLUMN_NUMERIC) != 0;
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cells, sort, g_free));
  gtk_column_view_column_set_sorter (column, sorter);

  gtk_column_view_append_column (view, column);
}

/* ---- adding and deleting ---- */

typedef struct
{
  gboolean  forecast;
  int       product;
  gint64    when;
  char     *id;
  GArray   *indices;      /* deleting: of int, descending */
} Change;

static gboolean
add_entry (TaktPlan  *plan,
           gpointer   user_data,
           GError   **error)
{
  Change *change = user_data;
  const TaktProduct *product = g_ptr_array_index (plan->products, change->product);

  if (change->forecast)
    {
      TaktForecast *entry = takt_forecast_new ();

      entry->product = g_strdup (product->id);
      entry->date = change->when;
      entry->quantity = 1;
      g_ptr_array_add (plan->forecast, entry);
    }
  else
    {
      TaktOrder *order = takt_order_new ();

      order->id = g_strdup (change->id);
      order->product = g_strdup (product->id);
      order->quantity = 1;
      order->due = change->when;
      g_ptr_array_add (plan->orders, order);
    }
  return TRUE;
}

/* The id after the last order's: "SO-1060" → "SO-1061", and on until
 * unused; "SO-1001" in a plan without orders. */
static char *
next_order_id (const TaktPlan *plan)
{
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *prefix = NULL;
  const char *last = NULL;
  gint64 number = 1000;
  int width = 4;

  for (guint i = 0; i < plan->orders->len; i++)
    {
      const TaktOrder *order = g_ptr_array_index (plan->orders, i);

      g_hash_table_add (used, order->id);
      last = order->id;
    }

  if (last == NULL)
    {
      prefix = g_strdup ("SO-");
    }
  else
    {
      const char *digits = last + strlen (last);

      while (digits > last && g_ascii_isdigit (digits[-1]))
        digits--;
      if (*digits != '\0' && strlen (digits) < 15)
        {
          prefix = g_strndup (last, digits - last);
          number = g_ascii_strtoll (digits, NULL, 10);
          width = (int) strlen (digits);
        }
      else
        {
          prefix = g_strconcat (last, "-", NULL);
          number = 0;
          width = 1;
        }
    }

  for (;;)
    {
      g_autofree char *id = g_strdup_printf ("%s%0*" G_GINT64_FORMAT, prefix, width, ++number);

      if (!g_hash_table_contains (used, id))
        return g_steal_pointer (&id);
    }
}

/* GTK 4.8's column view has no scroll_to (): its list view has the
 * action. */
static void
scroll_view_to (GtkWidget *view,
                guint      position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

typedef struct
{
  guint position;
  guint frames;
} PendingScroll;

/* A row just added may not have its place in the list yet when it is
 * selected: the scroll is asked again on the next two frames, once the
 * list has laid the new row out. */
static gboolean
scroll_again_cb (GtkWidget     *view,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  PendingScroll *pending = user_data;

  scroll_view_to (view, pending->position);
  return ++pending->frames < 2 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Selects and scrolls to the entry at @index of the plan's orders or
 * forecast, when the table shows it. */
static void
reveal_entry (TaktDemandPage *self,
              gboolean        forecast,
              int             index)
{
  GtkSelectionModel *selection = forecast ? self->forecast_selection : self->orders_selection;
  GtkWidget *view = GTK_WIDGET (forecast ? self->forecast_view : self->orders_view);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TaktTableRow) row = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if ((int) takt_table_row_get_key (row, forecast ? FORECAST_INDEX : ORDER_INDEX) != index)
        continue;
      {
        PendingScroll *pending = g_new0 (PendingScroll, 1);

        gtk_selection_model_select_item (selection, i, TRUE);
        scroll_view_to (view, i);
        pending->position = i;
        gtk_widget_add_tick_callback (view, scroll_again_cb, pending, g_free);
      }
      return;
    }
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TaktDemandPage *self = TAKT_DEMAND_PAGE (widget);
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  Change change = { 0 };
  const TaktPlan *plan;
  gint64 first_day;

  if (document == NULL)
    return;
  plan = takt_document_get_plan (document);
  if (plan->products->len == 0)
    return;

  change.forecast = showing_forecast (self);
  change.product = self->filter_product >= 0 ? self->filter_product : 0;
  first_day = self->filter_from != G_MININT64 ? self->filter_from : takt_day_start (plan->horizon_start);

  if (change.forecast)
    {
      const TaktProduct *product = g_ptr_array_index (plan->products, change.product);
      gint64 day = first_day;
      gboolean taken = TRUE;

      /* The first day without a forecast of that product. */
      while (taken && day < first_day + 3660 * (gint64) DAY_S)
        {
          taken = FALSE;
          for (guint i = 0; i < plan->forecast->len && !taken; i++)
            {
              const TaktForecast *entry = g_ptr_array_index (plan->forecast, i);

              taken = entry->date == day && g_strcmp0 (entry->product, product->id) == 0;
            }
          if (taken)
            day += DAY_S;
        }
      change.when = day;
      if (!takt_document_edit (document, _("Add Forecast Day"), add_entry, &change, &error))
        toast_error (self, error);
      else
        reveal_entry (self, TRUE, (int) takt_document_get_plan (document)->forecast->len - 1);
    }
  else
    {
      /* Due at noon a week into the horizon (or on the first day shown). */
      id = next_order_id (plan);
      change.id = id;
      change.when = (self->filter_from != G_MININT64 ? first_day : first_day + 7 * DAY_S) + 12 * 3600;
      if (!takt_document_edit (document, _("Add Order"), add_entry, &change, &error))
        toast_error (self, error);
      else
        /* The new order among the others, by its due time: in sight and
         * selected, to be filled in. */
        reveal_entry (self, FALSE, (int) takt_document_get_plan (document)->orders->len - 1);
    }
}

static gboolean
delete_entries (TaktPlan  *plan,
                gpointer   user_data,
                GError   **error)
{
  Change *change = user_data;
  GPtrArray *list = change->forecast ? plan->forecast : plan->orders;

  for (guint i = 0; i < change->indices->len; i++)
    {
      int index = g_array_index (change->indices, int, i);

      if (index < 0 || index >= (int) list->len)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The selection is out of date"));
          return FALSE;
        }
      g_ptr_array_remove_index (list, index);
    }
  return TRUE;
}

static int
compare_descending (gconstpointer a,
                    gconstpointer b)
{
  int ia = *(const int *) a;
  int ib = *(const int *) b;

  return (ib > ia) - (ib < ia);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TaktDemandPage *self = TAKT_DEMAND_PAGE (widget);
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkBitset) selected = NULL;
  g_autofree char *description = NULL;
  GtkSelectionModel *selection;
  Change change = { 0 };
  GtkBitsetIter iter;
  guint position;

  if (document == NULL)
    return;

  change.forecast = showing_forecast (self);
  selection = change.forecast ? self->forecast_selection : self->orders_selection;
  selected = gtk_selection_model_get_selection (selection);

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(TaktTableRow) row = g_list_model_get_item (G_LIST_MODEL (selection), position);
      int index = (int) takt_table_row_get_key (row, change.forecast ? FORECAST_INDEX : ORDER_INDEX);

      g_array_append_val (indices, index);
    }

  if (indices->len == 0)
    {
      toast (self, change.forecast ? _("Select the forecast days to delete first")
                                   : _("Select the orders to delete first"));
      return;
    }

  g_array_sort (indices, compare_descending);
  change.indices = indices;
  if (change.forecast)
    /* Translators: an undo step */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete Forecast Day", "Delete %u Forecast Days",
                                                indices->len), indices->len);
  else
    /* Translators: an undo step */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete Order", "Delete %u Orders",
                                                indices->len), indices->len);

  gtk_selection_model_unselect_all (selection);
  if (!takt_document_edit (document, description, delete_entries, &change, &error))
    toast_error (self, error);
}

/* ---- import ---- */

static void
import_replanned_cb (TaktDemandPage *self,
                     double          previous_total,
                     double          total,
                     gint64          previous_late,
                     gint64          late,
                     gboolean        final,
                     TaktDocument   *document)
{
  if (!final)
    return;
  g_clear_signal_handler (&self->import_replanned_handler, document);
  if (self->import_message != NULL)
    toast (self, self->import_message);
  g_clear_pointer (&self->import_message, g_free);
}

static void
imported_cb (TaktImportDialog *dialog,
             int               kind,
             guint             added,
             guint             skipped,
             TaktDemandPage   *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (kind == TAKT_CSV_IMPORT_ORDERS)
    /* Translators: a toast after an import, "Imported 42 orders" */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Imported %u order", "Imported %u orders", added),
                            added);
  else
    /* Translators: a toast after an import, "Imported 12 forecast days" */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Imported %u forecast day",
                                               "Imported %u forecast days", added), added);
  if (skipped > 0)
    {
      g_string_append (text, " · ");
      /* Translators: the second half of the toast, "3 rows skipped" */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u row skipped", "%u rows skipped", skipped),
                              skipped);
    }

  takt_demand_page_show_forecast (self, kind == TAKT_CSV_IMPORT_FORECAST);
  toast (self, text->str);

  /* The re-plan that follows shows its own toast in the toast's place:
   * what was imported is said again after it. */
  g_free (self->import_message);
  self->import_message = g_string_free (g_steal_pointer (&text), FALSE);
  if (self->import_replanned_handler == 0)
    self->import_replanned_handler =
      g_signal_connect_object (takt_page_get_document (TAKT_PAGE (self)), "replanned",
                               G_CALLBACK (import_replanned_cb), self, G_CONNECT_SWAPPED);
}

static TaktImportDialog *
new_import_dialog (TaktDemandPage *self)
{
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = takt_import_dialog_new (document, showing_forecast (self) ? TAKT_CSV_IMPORT_FORECAST
                                                                     : TAKT_CSV_IMPORT_ORDERS);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, 0);
  return TAKT_IMPORT_DIALOG (dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TaktDemandPage *self = TAKT_DEMAND_PAGE (widget);

  if (takt_page_get_document (TAKT_PAGE (self)) == NULL)
    return;
  takt_import_dialog_choose_file (new_import_dialog (self));
}

/**
 * takt_demand_page_import_file:
 *
 * Opens the import dialog on @file, as "Import CSV…" does once a file is
 * chosen.
 *
 * Returns: (transfer none): the dialog, shown
 */
GtkWidget *
takt_demand_page_import_file (TaktDemandPage  *self,
                              GFile           *file,
                              GError         **error)
{
  TaktImportDialog *dialog;

  g_return_val_if_fail (TAKT_IS_DEMAND_PAGE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (takt_page_get_document (TAKT_PAGE (self)) != NULL, NULL);

  dialog = new_import_dialog (self);
  if (!takt_import_dialog_load_file (dialog, file, error))
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return NULL;
    }
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

const char *
takt_demand_page_get_last_message (TaktDemandPage *self)
{
  g_return_val_if_fail (TAKT_IS_DEMAND_PAGE (self), NULL);
  return self->last_message;
}

/* ---- TaktPage ---- */

static void
update_products (TaktDemandPage *self)
{
  const TaktPlan *plan = current_plan (self);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->product_names));
  gboolean same;

  if (plan == NULL)
    return;

  for (guint i = 0; i < plan->products->len; i++)
    g_ptr_array_add (names, (gpointer) product_label (g_ptr_array_index (plan->products, i)));

  same = n_items == names->len;
  for (guint i = 0; same && i < n_items; i++)
    same = g_strcmp0 (gtk_string_list_get_string (self->product_names, i), g_ptr_array_index (names, i)) == 0;
  if (same)
    return;

  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->product_names, 0, n_items, (const char * const *) names->pdata);

  self->updating = TRUE;
  gtk_string_list_splice (self->filter_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->filter_names)),
                          (const char * const []) { _("All Products"), NULL });
  gtk_string_list_splice (self->filter_names, 1, 0, (const char * const *) names->pdata);
  if (self->filter_product >= (int) plan->products->len)
    self->filter_product = -1;
  gtk_drop_down_set_selected (self->product_filter, self->filter_product + 1);
  self->updating = FALSE;
}

static void
update_chart (TaktDemandPage *self)
{
  const TaktPlan *plan = current_plan (self);
  g_autoptr(TaktChartData) data = NULL;
  TaktChart *chart;

  if (plan == NULL)
    return;

  /* Demand needs no schedule. */
  data = takt_chart_data_new (plan, NULL, NULL);
  chart = takt_chart_new_demand_by_source (data);
  takt_chart_set_title (chart, NULL);
  takt_chart_widget_set_chart (TAKT_CHART_WIDGET (self->chart), chart);
}

static void
takt_demand_page_plan_changed (TaktPage *page)
{
  TaktDemandPage *self = TAKT_DEMAND_PAGE (page);

  update_products (self);
  update_chart (self);
  rebuild_rows (self);
}

static void
takt_demand_page_schedule_changed (TaktPage *page)
{
  rebuild_rows (TAKT_DEMAND_PAGE (page));
}

static void
stack_changed_cb (TaktDemandPage *self)
{
  update_summary (self);
}

static void
takt_demand_page_dispose (GObject *object)
{
  TaktDemandPage *self = TAKT_DEMAND_PAGE (object);

  g_clear_object (&self->orders_selection);
  g_clear_object (&self->forecast_selection);
  g_clear_object (&self->orders_filter);
  g_clear_object (&self->forecast_filter);
  g_clear_object (&self->orders);
  g_clear_object (&self->forecast);
  g_clear_object (&self->product_names);
  g_clear_object (&self->filter_names);
  g_clear_pointer (&self->last_message, g_free);
  g_clear_pointer (&self->import_message, g_free);

  G_OBJECT_CLASS (takt_demand_page_parent_class)->dispose (object);
}

static void
takt_demand_page_class_init (TaktDemandPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TaktPageClass *page_class = TAKT_PAGE_CLASS (klass);

  object_class->dispose = takt_demand_page_dispose;
  page_class->plan_changed = takt_demand_page_plan_changed;
  page_class->schedule_changed = takt_demand_page_schedule_changed;

  g_type_ensure (TAKT_TYPE_CHART_WIDGET);

  g_type_ensure (TAKT_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taktplanner/Takt/takt-demand-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TaktDemandPage, chart);
  gtk_widget_class_bind_template_child (widget_class, TaktDemandPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TaktDemandPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TaktDemandPage, orders_stack);
  gtk_widget_class_bind_template_child (widget_class, TaktDemandPage, forecast_stack);
  gtk_widget_class_bind_template_child (widget_class, TaktDemandPage, orders_view);
  gtk_widget_class_bind_template_child (widget_class, TaktDemandPage, forecast_view);
  gtk_widget_class_bind_template_child (widget_class, TaktDemandPage, product_filter);
  gtk_widget_class_bind_template_child (widget_class, TaktDemandPage, from_button);
  gtk_widget_class_bind_template_child (widget_class, TaktDemandPage, to_button);
  gtk_widget_class_bind_template_child (widget_class, TaktDemandPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, TaktDemandPage, delete_button);

  gtk_widget_class_install_action (widget_class, "demand.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "demand.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "demand.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "demand.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "demand.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "demand.import", NULL);
}

static void
show_all_cb (TaktDemandPage *self)
{
  takt_demand_page_set_product_filter (self, -1);
  takt_demand_page_set_date_filter (self, G_MININT64, G_MAXINT64);
}

/* What a table shows when the filters leave none of its rows. */
static void
add_no_match_page (TaktDemandPage *self,
                   GtkStack       *stack,
                   const char     *title)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Show All"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("None is of the product and within the days chosen above."));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  g_signal_connect_object (button, "clicked", G_CALLBACK (show_all_cb), self, G_CONNECT_SWAPPED);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), button);
  gtk_stack_add_named (stack, status, "nomatch");
}

static GtkSelectionModel *
new_model (GtkColumnView   *view,
           GListStore      *store,
           GtkFilter       *filter)
{
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkSelectionModel *selection;

  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (store)), g_object_ref (filter));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), g_object_ref (gtk_column_view_get_sorter (view)));
  selection = GTK_SELECTION_MODEL (gtk_multi_selection_new (G_LIST_MODEL (sorted)));
  gtk_column_view_set_model (view, selection);
  return selection;
}

static void
takt_demand_page_init (TaktDemandPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter_product = -1;
  self->filter_from = G_MININT64;
  self->filter_to = G_MAXINT64;

  takt_chart_widget_set_chart_height (TAKT_CHART_WIDGET (self->chart), 180);

  self->product_names = gtk_string_list_new (NULL);
  self->filter_names = gtk_string_list_new ((const char * const []) { _("All Products"), NULL });
  gtk_drop_down_set_model (self->product_filter, G_LIST_MODEL (self->filter_names));
  g_signal_connect_object (self->product_filter, "notify::selected", G_CALLBACK (product_filter_cb), self,
                           G_CONNECT_SWAPPED);
  add_no_match_page (self, self->orders_stack, _("No Matching Orders"));
  add_no_match_page (self, self->forecast_stack, _("No Matching Forecast"));
  self->from_calendar = setup_date_filter (self, self->from_button, FALSE);
  self->to_calendar = setup_date_filter (self, self->to_button, TRUE);
  update_date_buttons (self);

  self->orders = g_list_store_new (TAKT_TYPE_TABLE_ROW);
  self->forecast = g_list_store_new (TAKT_TYPE_TABLE_ROW);
  self->orders_filter = GTK_FILTER (gtk_custom_filter_new (order_filter_func, self, NULL));
  self->forecast_filter = GTK_FILTER (gtk_custom_filter_new (forecast_filter_func, self, NULL));
  self->orders_selection = new_model (self->orders_view, self->orders, self->orders_filter);
  self->forecast_selection = new_model (self->forecast_view, self->forecast, self->forecast_filter);
  g_signal_connect_object (self->orders_selection, "items-changed", G_CALLBACK (update_summary), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->forecast_selection, "items-changed", G_CALLBACK (update_summary), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (stack_changed_cb), self,
                           G_CONNECT_SWAPPED);

  add_edit_column (self, self->orders_view, _("Order"), ORDER_ID, 0, TAKT_DEMAND_ORDER_ID);
  add_edit_column (self, self->orders_view, _("Product"), ORDER_PRODUCT, TAKT_COLUMN_EXPAND,
                   TAKT_DEMAND_ORDER_PRODUCT);
  add_edit_column (self, self->orders_view, _("Quantity"), ORDER_QUANTITY, TAKT_COLUMN_NUMERIC,
                   TAKT_DEMAND_ORDER_QUANTITY);
  add_edit_column (self, self->orders_view, _("Due"), ORDER_DUE, 0, TAKT_DEMAND_ORDER_DUE);
  add_edit_column (self, self->orders_view, _("Customer"), ORDER_CUSTOMER, TAKT_COLUMN_EXPAND,
                   TAKT_DEMAND_ORDER_CUSTOMER);
  takt_table_add_column (self->orders_view, _("Status"), ORDER_STATUS, 0);

  add_edit_column (self, self->forecast_view, _("Product"), FORECAST_PRODUCT, TAKT_COLUMN_EXPAND,
                   TAKT_DEMAND_FORECAST_PRODUCT);
  add_edit_column (self, self->forecast_view, _("Date"), FORECAST_DATE, 0, TAKT_DEMAND_FORECAST_DATE);
  add_edit_column (self, self->forecast_view, _("Quantity"), FORECAST_QUANTITY, TAKT_COLUMN_NUMERIC,
                   TAKT_DEMAND_FORECAST_QUANTITY);
  takt_table_add_column (self->forecast_view, _("Status"), FORECAST_STATUS, 0);
}

GtkWidget *
takt_demand_page_new (void)
{
  return g_object_new (TAKT_TYPE_DEMAND_PAGE, NULL);
}

GtkColumnView *
takt_demand_page_get_orders_view (TaktDemandPage *self)
{
  g_return_val_if_fail (TAKT_IS_DEMAND_PAGE (self), NULL);
  return self->orders_view;
}

GtkColumnView *
takt_demand_page_get_forecast_view (TaktDemandPage *self)
{
  g_return_val_if_fail (TAKT_IS_DEMAND_PAGE (self), NULL);
  return self->forecast_view;
}

GtkWidget *
takt_demand_page_get_chart_widget (TaktDemandPage *self)
{
  g_return_val_if_fail (TAKT_IS_DEMAND_PAGE (self), NULL);
  return self->chart;
}

void
takt_demand_page_show_forecast (TaktDemandPage *self,
                                gboolean        forecast)
{
  g_return_if_fail (TAKT_IS_DEMAND_PAGE (self));
  gtk_stack_set_visible_child_name (self->stack, forecast ? "forecast" : "orders");
}
