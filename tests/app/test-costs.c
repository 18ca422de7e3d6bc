/* test-costs.c — the Costs page: key figures, charts with hover read-outs,
 * the strategy comparison, the empty state
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With TAKT_TEST_SCREENSHOTS=DIR the page is also written to
 * DIR/costs-page-{light,dark}.png at its full height, to look at.
 */

#define G_LOG_DOMAIN "test-costs"

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "takt-application.h"
#include "takt-chart-data.h"
#include "takt-chart-widget.h"
#include "takt-costs-page.h"
#include "takt-format.h"
#include "takt-kpi-card.h"
#include "takt-money.h"
#include "takt-window.h"
#include "test-app-common.h"

static guint comparisons;

static void
comparison_done_cb (TaktCostsPage *page,
                    gpointer       user_data)
{
  comparisons++;
}

/* Waits until the page has compared the strategies on the current plan. */
static void
wait_for_comparison (TaktCostsPage *page)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (30000, test_timeout_cb, &expired);

  while ((comparisons == 0 || takt_costs_page_get_comparing (page)) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  g_assert_false (expired);
}

static TaktCostsPage *
show_costs (TaktWindow *window)
{
  TaktCostsPage *page = TAKT_COSTS_PAGE (takt_window_get_page_widget (window, "costs"));

  takt_window_set_page (window, "costs");
  test_spin (50);
  return page;
}

static const char *
card_value (TaktCostsPage *page,
            TaktCostsKpi   kpi)
{
  return takt_kpi_card_get_value (TAKT_KPI_CARD (takt_costs_page_get_kpi_card (page, kpi)));
}

/* The first order: 500 units due an hour into the horizon, so it is late. */
static gboolean
pull_order_in (TaktPlan  *plan,
               gpointer   user_data,
               GError   **error)
{
  TaktOrder *order = g_ptr_array_index (plan->orders, 0);

  order->due = plan->horizon_start + 3600;
  order->quantity = 500;
  return TRUE;
}

static gboolean
double_order (TaktPlan  *plan,
              gpointer   user_data,
              GError   **error)
{
  TaktOrder *order = g_ptr_array_index (plan->orders, 1);

  order->quantity *= 2;
  return TRUE;
}

/* One more unit of the third order. */
static gboolean
bump_order (TaktPlan  *plan,
            gpointer   user_data,
            GError   **error)
{
  TaktOrder *order = g_ptr_array_index (plan->orders, 2);

  order->quantity += 1;
  return TRUE;
}

static gboolean
level_strategy (TaktPlan  *plan,
                gpointer   user_data,
                GError   **error)
{
  plan->settings.strategy = TAKT_STRATEGY_LEVEL;
  return TRUE;
}

static void
test_kpis (void)
{
  TaktWindow *window = test_window_with_sample (1200, 800);
  TaktDocument *document = takt_window_get_document (window);
  const TaktPlanStats *stats;
  const TaktPlan *plan = takt_document_get_plan (document);
  const TaktStation *bottleneck;
  TaktCostsPage *page;
  g_autofree char *total = NULL;
  g_autofree char *holding = NULL;
  g_autofree char *setup = NULL;
  g_autofree char *tardiness = NULL;
  g_autofree char *on_time = NULL;
  g_autofree char *late = NULL;
  g_autofree char *stock = NULL;
  g_autofree char *wip = NULL;
  g_autofree char *changeovers = NULL;
  g_autofree char *spend = NULL;
  g_autofree char *cpm = NULL;
  g_autofree char *busy = NULL;

  takt_costs_page_set_comparison_limit (TAKT_COSTS_PAGE (takt_window_get_page_widget (window, "costs")), 0);
  test_replan_and_wait (document);
  page = show_costs (window);
  stats = takt_document_get_stats (document);
  g_assert_nonnull (stats);

  total = takt_format_money (stats->total, "EUR");
  holding = takt_format_money (stats->holding, "EUR");
  setup = takt_format_money (stats->setup, "EUR");
  tardiness = takt_format_money (stats->tardiness, "EUR");
  on_time = takt_format_percent (stats->on_time_rate);
  late = takt_format_count (stats->late_orders);
  stock = takt_format_number (stats->average_stock, 1);
  wip = takt_format_number (stats->average_wip, 1);
  changeovers = takt_format_count (stats->changeovers);
  spend = takt_format_money (stats->campaign_spend, "EUR");
  cpm = takt_format_money (stats->campaign_cost_per_mille, "EUR");

  g_test_message ("total %s, holding %s, setup %s, tardiness %s, on time %s, late orders %s, "
                  "stock %s, wip %s, changeovers %s, spend %s, cpm %s",
                  total, holding, setup, tardiness, on_time, late, stock, wip, changeovers, spend, cpm);

  /* The figures are the document's, not a placeholder: a total above zero
   * in euros, and the parts add up to it. */
  g_assert_cmpfloat (stats->total, >, 0);
  g_assert_cmpfloat (fabs (stats->holding + stats->setup + stats->tardiness - stats->total), <, 1e-6);
  g_assert_cmpstr (card_value (page, TAKT_COSTS_KPI_TOTAL), ==, total);
  g_assert_nonnull (strstr (card_value (page, TAKT_COSTS_KPI_TOTAL), "€"));
  g_assert_cmpstr (card_value (page, TAKT_COSTS_KPI_HOLDING), ==, holding);
  g_assert_cmpstr (card_value (page, TAKT_COSTS_KPI_SETUP), ==, setup);
  g_assert_cmpstr (card_value (page, TAKT_COSTS_KPI_TARDINESS), ==, tardiness);
  g_assert_cmpstr (card_value (page, TAKT_COSTS_KPI_ON_TIME), ==, on_time);
  g_assert_cmpstr (card_value (page, TAKT_COSTS_KPI_LATE_ORDERS), ==, late);
  g_assert_cmpstr (card_value (page, TAKT_COSTS_KPI_AVERAGE_STOCK), ==, stock);
  g_assert_cmpstr (card_value (page, TAKT_COSTS_KPI_AVERAGE_WIP), ==, wip);
  g_assert_cmpstr (card_value (page, TAKT_COSTS_KPI_CHANGEOVERS), ==, changeovers);
  g_assert_cmpstr (card_value (page, TAKT_COSTS_KPI_CAMPAIGN_SPEND), ==, spend);
  g_assert_cmpstr (card_value (page, TAKT_COSTS_KPI_COST_PER_MILLE), ==, cpm);

  g_assert_cmpint (stats->bottleneck_station, >=, 0);
  bottleneck = g_ptr_array_index (plan->stations, stats->bottleneck_station);
  g_assert_cmpstr (card_value (page, TAKT_COSTS_KPI_BOTTLENECK), ==, bottleneck->name);
  busy = takt_format_percent (stats->bottleneck_utilisation);
  g_assert_nonnull (strstr (takt_kpi_card_get_detail (TAKT_KPI_CARD (takt_costs_page_get_kpi_card (
                              page, TAKT_COSTS_KPI_BOTTLENECK))), busy));

  /* An edit that makes an order late: the cards follow the new plan. */
  {
    g_autoptr(GError) error = NULL;
    const TaktPlanStats *after;
    g_autofree char *late_after = NULL;
    g_autofree char *total_after = NULL;

    g_assert_true (takt_document_edit (document, "Pull an order in", pull_order_in, NULL, &error));
    g_assert_no_error (error);
    test_replan_and_wait (document);
    after = takt_document_get_stats (document);
    g_assert_cmpint (after->late_orders, >, 0);
    late_after = takt_format_count (after->late_orders);
    total_after = takt_format_money (after->total, "EUR");
    g_assert_cmpstr (card_value (page, TAKT_COSTS_KPI_LATE_ORDERS), ==, late_after);
    g_assert_cmpstr (card_value (page, TAKT_COSTS_KPI_TOTAL), ==, total_after);
    g_assert_cmpstr (card_value (page, TAKT_COSTS_KPI_TOTAL), !=, total);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_comparison (void)
{
  TaktWindow *window = test_window_with_sample (1200, 800);
  TaktDocument *document = takt_window_get_document (window);
  TaktCostsPage *page = TAKT_COSTS_PAGE (takt_window_get_page_widget (window, "costs"));
  const TaktPlanStats *jit, *level, *push;
  const char *summary;
  TaktChart *chart;
  double jit_total;

  /* Construction only: the same three plans on every machine. */
  takt_costs_page_set_comparison_limit (page, 0);
  comparisons = 0;
  g_signal_connect (page, "comparison-done", G_CALLBACK (comparison_done_cb), NULL);
  test_replan_and_wait (document);
  show_costs (window);
  wait_for_comparison (page);

  jit = takt_costs_page_get_comparison (page, TAKT_STRATEGY_JIT);
  level = takt_costs_page_get_comparison (page, TAKT_STRATEGY_LEVEL);
  push = takt_costs_page_get_comparison (page, TAKT_STRATEGY_ASAP);
  g_assert_nonnull (jit);
  g_assert_nonnull (level);
  g_assert_nonnull (push);
  g_test_message ("jit %.2f (stock %.1f), level %.2f, push %.2f (stock %.1f)",
                  jit->total, jit->average_stock, level->total, push->total, push->average_stock);

  /* What just in time saves on the sample, in the planner's numbers. */
  g_assert_cmpfloat (jit->total, <=, push->total);
  g_assert_cmpfloat (jit->holding, <, push->holding);
  summary = takt_costs_page_get_comparison_summary (page);
  g_test_message ("%s", summary);
  g_assert_nonnull (summary);
  g_assert_nonnull (strstr (summary, "less than push"));
  jit_total = jit->total;
  {
    g_autofree char *saved = takt_format_money (push->total - jit->total, "EUR");

    g_assert_nonnull (strstr (summary, saved));
  }

  /* The grouped bars: three strategies over five categories. */
  chart = takt_chart_widget_get_chart (TAKT_CHART_WIDGET (takt_costs_page_get_chart_widget (
                                         page, TAKT_COSTS_CHART_STRATEGIES)));
  g_assert_nonnull (chart);
  g_assert_cmpuint (takt_chart_get_n_series (chart), ==, 3);
  g_assert_false (takt_chart_is_empty (chart));

  /* A change of the plan cancels a comparison in flight; the page compares
   * the new plan and not the old one. */
  {
    g_autoptr(GError) error = NULL;
    guint revision;

    g_assert_true (takt_document_edit (document, "Double an order", double_order, NULL, &error));
    g_assert_no_error (error);
    revision = takt_document_get_revision (document);
    g_assert_true (takt_costs_page_get_comparing (page));

    g_assert_true (takt_document_edit (document, "Double it again", double_order, NULL, &error));
    g_assert_cmpuint (takt_document_get_revision (document), >, revision);
    comparisons = 0;
    wait_for_comparison (page);
    test_spin (600);
    /* One comparison for the two edits in a row. */
    g_assert_cmpuint (comparisons, ==, 1);
    g_assert_cmpfloat (takt_costs_page_get_comparison (page, TAKT_STRATEGY_JIT)->total, !=, jit_total);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* What the comparison costs: the document's own plan is its strategy's
 * column (not planned again), the two others are planned once per burst of
 * edits, and nothing is planned while the page is out of sight. */
/* The document's own search ends after the others were planned: the
 * comparison completes when it does (it waited for ever: the page looked
 * at the new figures while the document still said it was planning). */
static void
test_comparison_after_long_search (void)
{
  TaktWindow *window = test_window_with_sample (1200, 800);
  TaktDocument *document = takt_window_get_document (window);
  TaktCostsPage *page = TAKT_COSTS_PAGE (takt_window_get_page_widget (window, "costs"));
  g_autoptr(GError) error = NULL;

  takt_costs_page_set_comparison_limit (page, 0);
  comparisons = 0;
  g_signal_connect (page, "comparison-done", G_CALLBACK (comparison_done_cb), NULL);
  test_replan_and_wait (document);
  show_costs (window);
  wait_for_comparison (page);

  /* A search of 1.5 s: level and push (quick constructions, 400 ms after
   * the edit) are in long before it. */
  takt_document_set_time_limit_ms (document, 1500);
  comparisons = 0;
  g_assert_true (takt_document_edit (document, "One more unit", bump_order, NULL, &error));
  g_assert_no_error (error);
  wait_for_comparison (page);
  g_assert_cmpuint (comparisons, ==, 1);
  g_assert_false (takt_document_get_replanning (document));
  g_assert_cmpfloat (takt_costs_page_get_comparison (page, TAKT_STRATEGY_JIT)->total, ==,
                     takt_document_get_stats (document)->total);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_comparison_runs (void)
{
  TaktWindow *window = test_window_with_sample (1200, 800);
  TaktDocument *document = takt_window_get_document (window);
  TaktCostsPage *page = TAKT_COSTS_PAGE (takt_window_get_page_widget (window, "costs"));
  g_autoptr(GError) error = NULL;
  guint runs;

  takt_costs_page_set_comparison_limit (page, 0);
  comparisons = 0;
  g_signal_connect (page, "comparison-done", G_CALLBACK (comparison_done_cb), NULL);
  test_replan_and_wait (document);
  g_assert_cmpuint (takt_costs_page_get_planner_runs (page), ==, 0);

  show_costs (window);
  wait_for_comparison (page);
  runs = takt_costs_page_get_planner_runs (page);
  g_test_message ("first comparison: %u plans", runs);
  /* Level and push; just in time is the document's plan. */
  g_assert_cmpuint (runs, ==, 2);
  g_assert_cmpfloat (takt_costs_page_get_comparison (page, TAKT_STRATEGY_JIT)->total, ==,
                     takt_document_get_stats (document)->total);
  g_assert_nonnull (takt_costs_page_get_comparison (page, TAKT_STRATEGY_LEVEL));
  g_assert_nonnull (takt_costs_page_get_comparison (page, TAKT_STRATEGY_ASAP));

  /* Ten edits in a row: one comparison of the last plan, two plans.  Nothing
   * of the main loop runs between them, so the page's delay cannot run out
   * in a gap however slow the machine is (handling only what is pending does
   * not do: the first edit's re-layout and drawing of the page take one or
   * more iterations of hundreds of milliseconds under load, and a gap longer
   * than the delay rightly gets its own comparison). */
  comparisons = 0;
  for (guint i = 0; i < 10; i++)
    {
      g_assert_true (takt_document_edit (document, "One more unit", bump_order, NULL, &error));
      g_assert_no_error (error);
      /* The page heard of the edit without the main loop. */
      g_assert_true (takt_costs_page_get_comparing (page));
    }
  g_assert_cmpuint (comparisons, ==, 0);
  wait_for_comparison (page);
  test_spin (600);
  g_test_message ("ten edits: %u comparison, %u plans", comparisons,
                  takt_costs_page_get_planner_runs (page) - runs);
  g_assert_cmpuint (comparisons, ==, 1);
  g_assert_cmpuint (takt_costs_page_get_planner_runs (page) - runs, ==, 2);
  g_assert_false (takt_document_get_replanning (document));
  g_assert_cmpfloat (takt_costs_page_get_comparison (page, TAKT_STRATEGY_JIT)->total, ==,
                     takt_document_get_stats (document)->total);
  runs = takt_costs_page_get_planner_runs (page);

  /* Out of sight: an edit plans nothing here. */
  takt_window_set_page (window, "schedule");
  test_spin (50);
  g_assert_true (takt_document_edit (document, "One more unit", bump_order, NULL, &error));
  g_assert_no_error (error);
  test_replan_and_wait (document);
  test_spin (800);
  g_assert_cmpuint (takt_costs_page_get_planner_runs (page), ==, runs);
  g_assert_false (takt_costs_page_get_comparing (page));

  /* Shown again: the new plan is compared, once. */
  comparisons = 0;
  show_costs (window);
  wait_for_comparison (page);
  g_assert_cmpuint (comparisons, ==, 1);
  g_assert_cmpuint (takt_costs_page_get_planner_runs (page) - runs, ==, 2);
  runs = takt_costs_page_get_planner_runs (page);

  /* A plan that levels: its own plan is the level column; just in time and
   * push are planned here. */
  comparisons = 0;
  g_assert_true (takt_document_edit (document, "Level", level_strategy, NULL, &error));
  g_assert_no_error (error);
  wait_for_comparison (page);
  g_assert_cmpuint (takt_costs_page_get_planner_runs (page) - runs, ==, 2);
  g_assert_cmpfloat (takt_costs_page_get_comparison (page, TAKT_STRATEGY_LEVEL)->total, ==,
                     takt_document_get_stats (document)->total);
  g_assert_nonnull (takt_costs_page_get_comparison (page, TAKT_STRATEGY_JIT));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_chart_hover (void)
{
  TaktWindow *window = test_window_with_sample (1200, 800);
  TaktDocument *document = takt_window_get_document (window);
  TaktCostsPage *page = TAKT_COSTS_PAGE (takt_window_get_page_widget (window, "costs"));
  TaktChartWidget *widget;
  g_autoptr(TaktChartData) data = NULL;
  TaktChart *chart;
  TaktChartRect rect;
  const char *readout;
  guint busiest = 0;
  g_autofree char *setup = NULL;

  takt_costs_page_set_comparison_limit (page, 0);
  test_replan_and_wait (document);
  show_costs (window);

  widget = TAKT_CHART_WIDGET (takt_costs_page_get_chart_widget (page, TAKT_COSTS_CHART_DAILY_COST));
  chart = takt_chart_widget_get_chart (widget);
  g_assert_nonnull (chart);
  g_assert_true (takt_chart_get_plot_area (chart, &rect));
  g_assert_cmpfloat (rect.width, >, 100);

  /* The day with the highest setup cost: its bar's middle reads its value. */
  data = takt_chart_data_new (takt_document_get_plan (document), takt_document_get_schedule (document),
                              takt_document_get_stats (document));
  for (guint d = 0; d < data->n_days; d++)
    if (data->setup[d] > data->setup[busiest])
      busiest = d;
  g_assert_cmpfloat (data->setup[busiest], >, 0);
  g_assert_true (takt_chart_get_bar_rect (chart, busiest, 1, &rect));

  takt_chart_widget_hover (widget, rect.x + rect.width / 2, rect.y + rect.height / 2);
  readout = takt_chart_widget_get_readout (widget);
  g_test_message ("read-out at (%.1f, %.1f): %s", rect.x + rect.width / 2, rect.y + rect.height / 2, readout);
  g_assert_nonnull (readout);
  setup = takt_money_format (data->setup[busiest], "EUR", 2);
  g_assert_nonnull (strstr (readout, setup));
  g_assert_nonnull (strstr (readout, "Setup"));

  /* Drawn with the read-out, and gone when the pointer leaves. */
  test_spin (50);
  takt_chart_widget_leave (widget);
  g_assert_null (takt_chart_widget_get_readout (widget));

  /* Outside the plot there is nothing to read. */
  takt_chart_widget_hover (widget, 1, 1);
  g_assert_null (takt_chart_widget_get_readout (widget));

  /* The cumulative chart follows the product chosen. */
  takt_costs_page_set_cumulative_product (page, 0);
  test_spin (50);
  chart = takt_chart_widget_get_chart (TAKT_CHART_WIDGET (takt_costs_page_get_chart_widget (
                                         page, TAKT_COSTS_CHART_CUMULATIVE)));
  g_assert_cmpuint (takt_chart_get_n_series (chart), ==, 2);
  g_assert_false (takt_chart_is_empty (chart));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
no_demand (TaktPlan  *plan,
           gpointer   user_data,
           GError   **error)
{
  g_ptr_array_set_size (plan->orders, 0);
  g_ptr_array_set_size (plan->forecast, 0);
  g_ptr_array_set_size (plan->campaigns, 0);
  return TRUE;
}

static void
test_empty (void)
{
  TaktWindow *window = test_window_with_sample (1200, 800);
  TaktDocument *document = takt_window_get_document (window);
  TaktCostsPage *page = TAKT_COSTS_PAGE (takt_window_get_page_widget (window, "costs"));
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  GtkStack *stack;

  takt_costs_page_set_comparison_limit (page, 0);
  g_assert_true (takt_document_edit (document, "No demand", no_demand, NULL, &error));
  test_replan_and_wait (document);
  show_costs (window);

  stack = GTK_STACK (adw_bin_get_child (ADW_BIN (page)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  child = gtk_stack_get_visible_child (stack);
  g_assert_true (ADW_IS_STATUS_PAGE (child));
  g_assert_true (gtk_widget_get_mapped (child));
  g_assert_false (takt_costs_page_get_comparing (page));

  /* Undo brings the demand, and the figures, back. */
  g_assert_true (takt_document_undo (document));
  test_replan_and_wait (document);
  test_spin (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "costs");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- pictures to look at ---- */

static void
shoot_costs (const char *path)
{
  TaktWindow *window = test_window_with_sample (1200, 800);
  TaktDocument *document = takt_window_get_document (window);
  TaktCostsPage *page = TAKT_COSTS_PAGE (takt_window_get_page_widget (window, "costs"));
  GtkWidget *scrolled;

  takt_costs_page_set_comparison_limit (page, 0);
  comparisons = 0;
  g_signal_connect (page, "comparison-done", G_CALLBACK (comparison_done_cb), NULL);
  test_replan_and_wait (document);
  show_costs (window);
  wait_for_comparison (page);
  test_spin (300);

  /* The page's content at its full height, not just what the window shows. */
  scrolled = gtk_stack_get_visible_child (GTK_STACK (adw_bin_get_child (ADW_BIN (page))));
  test_write_png (gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)))),
                  path);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_screenshots (void)
{
  test_shoot_light_and_dark ("costs-page", shoot_costs);
}

int
main (int   argc,
      char *argv[])
{
  test_init_gui (&argc, &argv);

  g_test_add_func ("/costs/kpis", test_kpis);
  g_test_add_func ("/costs/comparison", test_comparison);
  g_test_add_func ("/costs/comparison-runs", test_comparison_runs);
  g_test_add_func ("/costs/comparison-after-long-search", test_comparison_after_long_search);
  g_test_add_func ("/costs/chart-hover", test_chart_hover);
  g_test_add_func ("/costs/empty", test_empty);
  g_test_add_func ("/costs/screenshots", test_screenshots);

  return g_test_run ();
}
