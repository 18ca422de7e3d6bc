/* takt-demand-page.h — the Demand page: demand per day, orders and forecast to edit, CSV import
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The orders and the forecast are GtkColumnViews of TaktTableRow (one row
 * per entry of the plan), sortable by every column, filtered by product
 * and by a range of due days, with several rows selectable.  Their cells
 * edit the plan in place: each committed edit is one undo step of the
 * document.  The editing widgets carry the object data "takt-demand-field"
 * (a TaktDemandField + 1) so that tests can find them.
 */

#pragma once

#include "takt-page.h"

G_BEGIN_DECLS

#define TAKT_TYPE_DEMAND_PAGE (takt_demand_page_get_type ())

G_DECLARE_FINAL_TYPE (TaktDemandPage, takt_demand_page, TAKT, DEMAND_PAGE, TaktPage)

typedef enum
{
  TAKT_DEMAND_ORDER_ID,
  TAKT_DEMAND_ORDER_PRODUCT,
  TAKT_DEMAND_ORDER_QUANTITY,
  TAKT_DEMAND_ORDER_DUE,
  TAKT_DEMAND_ORDER_CUSTOMER,
  TAKT_DEMAND_FORECAST_PRODUCT,
  TAKT_DEMAND_FORECAST_DATE,
  TAKT_DEMAND_FORECAST_QUANTITY,
  TAKT_DEMAND_N_FIELDS
} TaktDemandField;

/* The cells of the rows beyond the visible columns: the entry's index in
 * the plan's orders (or forecast) is the sort key of this cell. */
#define TAKT_DEMAND_ORDER_INDEX_CELL    6
#define TAKT_DEMAND_FORECAST_INDEX_CELL 4

GtkWidget     *takt_demand_page_new                (void);

GtkColumnView *takt_demand_page_get_orders_view    (TaktDemandPage *self);
GtkColumnView *takt_demand_page_get_forecast_view  (TaktDemandPage *self);
GtkWidget     *takt_demand_page_get_chart_widget   (TaktDemandPage *self);

/* Shows the orders (FALSE) or the forecast (TRUE). */
void           takt_demand_page_show_forecast      (TaktDemandPage *self,
                                                    gboolean        forecast);
/* Only the rows of product @product (an index into the plan's products;
 * -1: all), due within [@from, @to] (midnights of days, both included;
 * G_MININT64 and G_MAXINT64: no bound). */
void           takt_demand_page_set_product_filter (TaktDemandPage *self,
                                                    int             product);
void           takt_demand_page_set_date_filter    (TaktDemandPage *self,
                                                    gint64          from,
                                                    gint64          to);

/* Opens the import dialog on @file (what "Import CSV…" does once a file
 * is chosen); NULL with @error when the file cannot be read. */
GtkWidget     *takt_demand_page_import_file        (TaktDemandPage *self,
                                                    GFile          *file,
                                                    GError        **error);
/* The last message the page showed in a toast ("Imported 42 orders · 3
 * rows skipped"), or NULL. */
const char    *takt_demand_page_get_last_message   (TaktDemandPage *self);

G_END_DECLS
