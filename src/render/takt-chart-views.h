/* takt-chart-views.h — the charts of the Costs, Demand and Campaigns pages
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each builder returns a new TaktChart over @data (see takt-chart-data.h)
 * with a title, units, a legend and an empty text; draw it with
 * takt_chart_draw() on screen, in the PDF or in a test.  The chart keeps
 * copies of what it shows, so @data may be freed before it.
 */

#pragma once

#include "takt-chart.h"
#include "takt-chart-data.h"

G_BEGIN_DECLS

/* Holding, setup and tardiness per day, stacked, in the plan's currency. */
TaktChart *takt_chart_new_daily_cost           (const TaktChartData  *data);
/* Cumulative demand against cumulative supply (initial stock + units made)
 * of @product, or of all products when @product is -1: the JIT picture —
 * the closer the lines, the less stock. */
TaktChart *takt_chart_new_cumulative           (const TaktChartData  *data,
                                                int                   product);
/* Finished units on hand per product over time. */
TaktChart *takt_chart_new_stock                (const TaktChartData  *data);
/* Utilisation per station, the bottleneck in red. */
TaktChart *takt_chart_new_utilisation          (const TaktChartData  *data);
/* Line balance (yamazumi): per station, the work per unit stacked by
 * product (weighted by demand, per machine) against each station's takt
 * time; the most loaded station is highlighted. */
TaktChart *takt_chart_new_line_balance         (const TaktChartData  *data);
/* Demand per day by source (orders, forecast, campaigns), stacked. */
TaktChart *takt_chart_new_demand_by_source     (const TaktChartData  *data);
/* Demand per day brought by each campaign, stacked, in the campaigns'
 * channel colours. */
TaktChart *takt_chart_new_campaign_demand      (const TaktChartData  *data);
/* The costs and average stock of the three strategies side by side;
 * @stats is indexed by TaktStrategy, NULL entries are left out. */
TaktChart *takt_chart_new_strategy_comparison  (const TaktPlanStats * const *stats,
                                                const char           *currency);

/* The colour campaign @c is drawn in: its channel's, a shade lighter for
 * each earlier campaign of the same channel. */
void       takt_chart_campaign_color           (const TaktPlan       *plan,
                                                guint                 c,
                                                TaktGanttColor       *color);

G_END_DECLS
