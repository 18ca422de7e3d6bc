/* takt-costs-page.h — the Costs page: the cost figures and KPIs of the plan
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "takt-page.h"

G_BEGIN_DECLS

#define TAKT_TYPE_COSTS_PAGE (takt_costs_page_get_type ())

G_DECLARE_FINAL_TYPE (TaktCostsPage, takt_costs_page, TAKT, COSTS_PAGE, TaktPage)

GtkWidget *takt_costs_page_new (void);

G_END_DECLS
