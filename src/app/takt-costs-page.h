/* takt-costs-page.h — the Costs page: key figures, cost and stock charts, strategies compared
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "takt-page.h"

G_BEGIN_DECLS

#define TAKT_TYPE_COSTS_PAGE (takt_costs_page_get_type ())

G_DECLARE_FINAL_TYPE (TaktCostsPage, takt_costs_page, TAKT, COSTS_PAGE, TaktPage)

/* The key figure cards, in the order they are shown. */
typedef enum
{
  TAKT_COSTS_KPI_TOTAL,
  TAKT_COSTS_KPI_HOLDING,
  TAKT_COSTS_KPI_SETUP,
  TAKT_COSTS_KPI_TARDINESS,
  TAKT_COSTS_KPI_ON_TIME,
  TAKT_COSTS_KPI_LATE_ORDERS,
  TAKT_COSTS_KPI_AVERAGE_STOCK,
  TAKT_COSTS_KPI_AVERAGE_WIP,
  TAKT_COSTS_KPI_CHANGEOVERS,
  TAKT_COSTS_KPI_BOTTLENECK,
  TAKT_COSTS_KPI_CAMPAIGN_SPEND,
  TAKT_COSTS_KPI_COST_PER_MILLE,
  TAKT_COSTS_N_KPIS
} TaktCostsKpi;

typedef enum
{
  TAKT_COSTS_CHART_DAILY_COST,
  TAKT_COSTS_CHART_CUMULATIVE,
  TAKT_COSTS_CHART_STOCK,
  TAKT_COSTS_CHART_UTILISATION,
  TAKT_COSTS_CHART_LINE_BALANCE,
  TAKT_COSTS_CHART_STRATEGIES,
  TAKT_COSTS_N_CHARTS
} TaktCostsChart;

GtkWidget           *takt_costs_page_new                    (void);

/* (transfer none) A key figure's card (a TaktKpiCard), a chart's widget
 * (a TaktChartWidget). */
GtkWidget           *takt_costs_page_get_kpi_card           (TaktCostsPage *self,
                                                             TaktCostsKpi   kpi);
GtkWidget           *takt_costs_page_get_chart_widget       (TaktCostsPage *self,
                                                             TaktCostsChart chart);

/* The product of the cumulative chart: -1 for all products. */
void                 takt_costs_page_set_cumulative_product (TaktCostsPage *self,
                                                             int            product);

/* The strategy comparison: the plan's own strategy is the document's plan
 * (not planned again); the two others are planned on a copy of the plan in
 * a worker thread — level and push as constructions, just in time (when the
 * plan uses another strategy) with its search under @time_limit_ms (-1, the
 * default: the plan's own limit, at most two seconds).  It starts 400 ms
 * after the last of a burst of edits, only while the page is shown; an edit
 * or hiding the page cancels a run in flight.  ::comparison-done tells when
 * the three are in for the current plan. */
void                 takt_costs_page_set_comparison_limit   (TaktCostsPage *self,
                                                             gint64         time_limit_ms);
gboolean             takt_costs_page_get_comparing          (TaktCostsPage *self);
/* How many plans the comparison has started since the page was made
 * (cancelled ones too), for tests. */
guint                takt_costs_page_get_planner_runs       (TaktCostsPage *self);
/* (nullable) The stats of @strategy in the latest comparison. */
const TaktPlanStats *takt_costs_page_get_comparison         (TaktCostsPage *self,
                                                             TaktStrategy   strategy);
/* The sentence that sums the comparison up. */
const char          *takt_costs_page_get_comparison_summary (TaktCostsPage *self);

G_END_DECLS
