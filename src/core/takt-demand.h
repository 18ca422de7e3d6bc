/* takt-demand.h — orders, forecast and campaign uplift as dated demand
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every demand has a name (the order id, "forecast:PRODUCT:DATE" or
 * "campaign:ID:PRODUCT:DATE"), a product, a due instant (absolute naive
 * seconds) and a quantity.  takt_demand_collect() returns them sorted by
 * product, then due time; demands due at the same instant keep a fixed
 * order: orders first (in document order), then forecast (in document
 * order), then campaign days (by campaign in document order, then by the
 * campaign's product list, then by day).  A product's initial_stock covers
 * its earliest demands in that order.
 */

#pragma once

#include "takt-plan.h"

G_BEGIN_DECLS

typedef enum
{
  TAKT_DEMAND_ORDER,
  TAKT_DEMAND_FORECAST,
  TAKT_DEMAND_CAMPAIGN,
} TaktDemandKind;

typedef struct
{
  char           *name;
  int             product_index;
  TaktDemandKind  kind;
  int             source;       /* index in orders, forecast or campaigns */
  int             sub;          /* campaign: product slot × 65536 + day; else 0 */
  gint64          due;          /* absolute */
  gint64          quantity;     /* >= 1 */
  gint64          from_stock;   /* units covered by initial_stock */
} TaktDemand;

/* All demand of a checked plan, as a new GArray of TaktDemand (its clear
 * function frees the names), sorted as described above, with
 * initial_stock applied.  Campaign days with no units are left out. */
GArray   *takt_demand_collect            (const TaktPlan     *plan);

/* A campaign's units for the product in slot @i of its product list:
 * impressions / 1000 × conversion_per_mille × share / Σ share, rounded to
 * the nearest whole number, halves up. */
gint64    takt_campaign_product_units    (const TaktCampaign *campaign,
                                          guint               i);
/* The campaign's number of days (end inclusive), 0 when end < start. */
gint64    takt_campaign_days             (const TaktCampaign *campaign);
/* Spreads @total units over @days days with the weights of @shape:
 * floor (total × w_i / Σ w) each, the rest one by one to the largest
 * remainders, the earlier day on a tie.  Computed exactly in integers. */
void      takt_campaign_spread           (gint64              total,
                                          gint64              days,
                                          TaktShape           shape,
                                          gint64             *out);

G_END_DECLS
