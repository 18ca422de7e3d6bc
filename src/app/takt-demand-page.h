/* takt-demand-page.h — the Demand page: orders and forecast
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "takt-page.h"

G_BEGIN_DECLS

#define TAKT_TYPE_DEMAND_PAGE (takt_demand_page_get_type ())

G_DECLARE_FINAL_TYPE (TaktDemandPage, takt_demand_page, TAKT, DEMAND_PAGE, TaktPage)

GtkWidget *takt_demand_page_new (void);

G_END_DECLS
