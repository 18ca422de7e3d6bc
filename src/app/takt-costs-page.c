/* takt-costs-page.c — the Costs page: key figures, cost and stock charts, strategies compared
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-costs-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "takt-chart-views.h"
#include "takt-chart-widget.h"
#include "takt-costs-page.h"
#include "takt-format.h"
#include "takt-kpi-card.h"

/* The longest search the comparison runs for just in time when the plan
 * uses another strategy (level and push are constructions: no search). */
#define COMPARISON_MAX_MS   2000
/* Edits in a row start one comparison, this long after the last of them. */
#define COMPARISON_DELAY_MS 400

struct _TaktCostsPage
{
  TaktPage              parent_instance;

  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  GtkFlowBox           *kpi_box;
  GtkLabel             *planning_label;
  GtkFlowBox           *chart_box;
  GtkSpinner           *comparison_spinner;
  GtkLabel             *comparison_label;
  GtkLabel             *comparison_detail;
  GtkGrid              *comparison_grid;
  AdwPreferencesGroup  *conflicts_group;

  GtkWidget            *cards[TAKT_COSTS_N_KPIS];
  GtkWidget            *charts[TAKT_COSTS_N_CHARTS];
  GtkDropDown          *product_dropdown;
  GtkStringList        *product_names;
  GPtrArray            *conflict_rows;

  /* The chart data of the document's current plan and schedule; NULL when
   * the plan changed since (it points into the plan). */
  TaktChartData        *data;
  int                   cumulative_product;

  /* The strategy comparison.  The document's own plan stands for the
   * plan's strategy; the two others are planned on a copy of the plan in a
   * worker ("the others"), only while the page is shown. */
  TaktDocument         *watched;
  gulong                watched_changed;
  GCancellable         *comparison_cancellable;   /* the others being planned */
  guint                 comparison_source;        /* waiting for edits to settle */
  guint                 running_revision;
  gboolean              others_valid;
  guint                 others_revision;
  TaktStrategy          others_skip;              /* the strategy left to the document */
  TaktPlanStats        *others[TAKT_N_STRATEGIES];
  gboolean              comparison_valid;
  guint                 comparison_revision;
  gint64                comparison_limit_ms;
  TaktPlanStats        *comparison[TAKT_N_STRATEGIES];
  char                 *comparison_summary;
  guint                 planner_runs;
};

G_DEFINE_FINAL_TYPE (TaktCostsPage, takt_costs_page, TAKT_TYPE_PAGE)

enum {
  COMPARISON_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- helpers ---- */

static void
set_card (TaktCostsPage *self,
          TaktCostsKpi   kpi,
          char          *value,
          char          *detail,
          TaktKpiTone    tone)
{
  TaktKpiCard *card = TAKT_KPI_CARD (self->cards[kpi]);

  takt_kpi_card_set_value (card, value);
  takt_kpi_card_set_detail (card, detail);
  takt_kpi_card_set_tone (card, tone);
  g_free (value);
  g_free (detail);
}

static gboolean
plan_has_demand (const TaktPlan *plan)
{
  if (plan->orders->len > 0 || plan->forecast->len > 0)
    return TRUE;

  for (guint i = 0; i < plan->campaigns->len; i++)
    {
      const TaktCampaign *campaign = g_ptr_array_index (plan->campaigns, i);

      if (campaign->impressions > 0 && campaign->conversion_per_mille > 0 &&
          campaign->impressions / 1000.0 * campaign->conversion_per_mille >= 0.5)
        return TRUE;
    }

  return FALSE;
}

/* Whether @schedule and @stats were made for a plan shaped like @plan:
 * after an edit the document keeps the previous schedule until the re-plan
 * arrives, and a removed product or routing step must not be read through
 * it. */
static gboolean
schedule_fits_plan (const TaktPlan      *plan,
                    const TaktSchedule  *schedule,
                    const TaktPlanStats *stats)
{
  if (stats != NULL && stats->n_stations != (int) plan->stations->len)
    return FALSE;

  if (schedule == NULL)
    return TRUE;

  for (guint i = 0; i < schedule->runs->len; i++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, i);
      const TaktProduct *product;

      if (run->product_index < 0 || run->product_index >= (int) plan->products->len)
        return FALSE;
      product = g_ptr_array_index (plan->products, run->product_index);
      if (run->steps->len != product->routing->len)
        return FALSE;

      for (guint s = 0; s < run->steps->len; s++)
        {
          const TaktRunStep *step = &g_array_index (run->steps, TaktRunStep, s);
          const TaktStep *routing = g_ptr_array_index (product->routing, s);
          const TaktStation *station;

          if (step->station_index != routing->station_index ||
              step->station_index < 0 || step->station_index >= (int) plan->stations->len)
            return FALSE;
          station = g_ptr_array_index (plan->stations, step->station_index);
          if (step->machine < 1 || step->machine > station->machines)
            return FALSE;
        }
    }

  return TRUE;
}

static void
show_chart (TaktCostsPage  *self,
            TaktCostsChart  which,
            TaktChart      *chart)
{
  /* The card names the chart; the drawing keeps its room for the plot. */
  takt_chart_set_title (chart, NULL);
  takt_chart_widget_set_chart (TAKT_CHART_WIDGET (self->charts[which]), chart);
}

/* ---- key figures ---- */

static void
update_cards (TaktCostsPage *self)
{
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));
  const char *currency = takt_page_get_currency (TAKT_PAGE (self));
  const TaktPlanStats *stats = document != NULL ? takt_document_get_stats (document) : NULL;
  const TaktPlan *plan;
  gint64 demanded_units = 0;
  g_autofree char *runs = NULL;
  g_autofree char *units = NULL;
  g_autofree char *moves = NULL;
  g_autofree char *strategy = NULL;
  g_autofree char *planning = NULL;

  for (guint i = 0; i < self->conflict_rows->len; i++)
    adw_preferences_group_remove (self->conflicts_group, g_ptr_array_index (self->conflict_rows, i));
  g_ptr_array_set_size (self->conflict_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), FALSE);

  if (stats == NULL)
    {
      for (guint i = 0; i < TAKT_COSTS_N_KPIS; i++)
        set_card (self, i, NULL, NULL, TAKT_KPI_NEUTRAL);
      gtk_label_set_text (self->planning_label, document != NULL && takt_document_get_replanning (document)
                                                ? _("Planning…") : "");
      return;
    }

  plan = takt_document_get_plan (document);
  for (guint i = 0; stats->demands != NULL && i < stats->demands->len; i++)
    demanded_units += ((TaktDemandResult *) g_ptr_array_index (stats->demands, i))->quantity;

  set_card (self, TAKT_COSTS_KPI_TOTAL,
            takt_format_money (stats->total, currency),
            g_strdup (_("What the plan costs")),
            TAKT_KPI_NEUTRAL);

  {
    g_autofree char *share = takt_format_percent (stats->total > 0 ? stats->holding / stats->total : 0);

    set_card (self, TAKT_COSTS_KPI_HOLDING,
              takt_format_money (stats->holding, currency),
              /* Translators: the share of the total cost, "16.3% of the total" */
              g_strdup_printf (_("%s of the total"), share),
              TAKT_KPI_NEUTRAL);
  }

  runs = takt_format_count (stats->runs);
  set_card (self, TAKT_COSTS_KPI_SETUP,
            takt_format_money (stats->setup, currency),
            /* Translators: a setup cost is paid once per run */
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s run", "%s runs", stats->runs), runs),
            TAKT_KPI_NEUTRAL);

  {
    g_autofree char *late = takt_format_count (stats->late_units);

    set_card (self, TAKT_COSTS_KPI_TARDINESS,
              takt_format_money (stats->tardiness, currency),
              stats->late_units > 0
                ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s unit late", "%s units late",
                                                stats->late_units), late)
                : g_strdup (_("Nothing late")),
              stats->tardiness > 0 ? TAKT_KPI_BAD : TAKT_KPI_NEUTRAL);
  }

  {
    g_autofree char *due = takt_format_count (demanded_units);
    g_autofree char *unmet = takt_format_count (stats->unmet_units);

    set_card (self, TAKT_COSTS_KPI_ON_TIME,
              takt_format_percent (stats->on_time_rate),
              stats->unmet_units > 0
                ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s unit no run can make",
                                                "%s units no run can make", stats->unmet_units), unmet)
                /* Translators: the units the on-time rate counts */
                : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "of %s unit due", "of %s units due",
                                                demanded_units), due),
              stats->on_time_rate >= 1 ? TAKT_KPI_GOOD : TAKT_KPI_BAD);
  }

  {
    g_autofree char *orders = takt_format_count (plan->orders->len);

    set_card (self, TAKT_COSTS_KPI_LATE_ORDERS,
              takt_format_count (stats->late_orders),
              /* Translators: "of 60 orders" under the number of late orders */
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "of %s order", "of %s orders", plan->orders->len),
                               orders),
              stats->late_orders > 0 ? TAKT_KPI_BAD : TAKT_KPI_NEUTRAL);
  }

  set_card (self, TAKT_COSTS_KPI_AVERAGE_STOCK,
            takt_format_number (stats->average_stock, 1),
            g_strdup (_("Finished units")),
            TAKT_KPI_NEUTRAL);
  set_card (self, TAKT_COSTS_KPI_AVERAGE_WIP,
            takt_format_number (stats->average_wip, 1),
            g_strdup (_("Units in the line")),
            TAKT_KPI_NEUTRAL);

  units = takt_format_count (stats->units);
  set_card (self, TAKT_COSTS_KPI_CHANGEOVERS,
            takt_format_count (stats->changeovers),
            /* Translators: under the number of changeovers */
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s unit made", "%s units made", stats->units), units),
            TAKT_KPI_NEUTRAL);

  if (stats->bottleneck_station >= 0 && stats->bottleneck_station < (int) plan->stations->len)
    {
      const TaktStation *station = g_ptr_array_index (plan->stations, stats->bottleneck_station);
      g_autofree char *percent = takt_format_percent (stats->bottleneck_utilisation);

      set_card (self, TAKT_COSTS_KPI_BOTTLENECK,
                g_strdup (station->name != NULL && *station->name != '\0' ? station->name : station->id),
                /* Translators: how busy the bottleneck station is, "71.2% busy" */
                g_strdup_printf (_("%s busy"), percent),
                stats->bottleneck_utilisation > 1 ? TAKT_KPI_BAD : TAKT_KPI_NEUTRAL);
    }
  else
    {
      set_card (self, TAKT_COSTS_KPI_BOTTLENECK, NULL, g_strdup (_("Nothing is made")), TAKT_KPI_NEUTRAL);
    }

  {
    g_autofree char *n = takt_format_count (plan->campaigns->len);

    set_card (self, TAKT_COSTS_KPI_CAMPAIGN_SPEND,
              takt_format_money (stats->campaign_spend, currency),
              plan->campaigns->len > 0
                /* Translators: under the campaign spend */
                ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s campaign", "%s campaigns",
                                                plan->campaigns->len), n)
                : g_strdup (_("No campaigns")),
              TAKT_KPI_NEUTRAL);
  }

  if (plan->campaigns->len > 0 && isfinite (stats->campaign_cost_per_mille))
    set_card (self, TAKT_COSTS_KPI_COST_PER_MILLE,
              takt_format_money (stats->campaign_cost_per_mille, currency),
              g_strdup (_("Per 1,000 impressions")),
              TAKT_KPI_NEUTRAL);
  else
    set_card (self, TAKT_COSTS_KPI_COST_PER_MILLE, NULL, g_strdup (_("No impressions")), TAKT_KPI_NEUTRAL);

  moves = takt_format_count (stats->evaluations);
  strategy = g_utf8_strdown (takt_format_strategy (plan->settings.strategy), -1);
  if (takt_document_get_schedule_saved (takt_page_get_document (TAKT_PAGE (self))))
    /* Translators: under the key figures of a plan as it was opened, "Planned just in time · as saved" */
    planning = g_strdup_printf (_("Planned %s · as saved"), strategy);
  else
    /* Translators: under the key figures, "Planned just in time · 12,034 moves tried in 301 ms" */
    planning = g_strdup_printf (_("Planned %s · %s moves tried in %.0f ms"), strategy, moves, stats->plan_ms);
  gtk_label_set_text (self->planning_label, planning);

  if (stats->conflicts != NULL && stats->conflicts->len > 0)
    {
      for (guint i = 0; i < stats->conflicts->len; i++)
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (stats->conflicts, i));
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
          adw_preferences_group_add (self->conflicts_group, row);
          g_ptr_array_add (self->conflict_rows, row);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), TRUE);
    }
}

/* ---- charts ---- */

static gboolean
ensure_data (TaktCostsPage *self)
{
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));
  const TaktSchedule *schedule;
  const TaktPlanStats *stats;
  const TaktPlan *plan;

  if (self->data != NULL)
    return TRUE;
  if (document == NULL)
    return FALSE;

  plan = takt_document_get_plan (document);
  schedule = takt_document_get_schedule (document);
  stats = takt_document_get_stats (document);
  if (!schedule_fits_plan (plan, schedule, stats))
    return FALSE;

  self->data = takt_chart_data_new (plan, schedule, stats);
  return TRUE;
}

static void
update_cumulative (TaktCostsPage *self)
{
  int product = self->cumulative_product;

  if (!ensure_data (self))
    return;
  if (product >= (int) self->data->n_products)
    product = -1;
  show_chart (self, TAKT_COSTS_CHART_CUMULATIVE, takt_chart_new_cumulative (self->data, product));
}

static void
update_charts (TaktCostsPage *self)
{
  if (!ensure_data (self))
    return;

  show_chart (self, TAKT_COSTS_CHART_DAILY_COST, takt_chart_new_daily_cost (self->data));
  update_cumulative (self);
  show_chart (self, TAKT_COSTS_CHART_STOCK, takt_chart_new_stock (self->data));
  show_chart (self, TAKT_COSTS_CHART_UTILISATION, takt_chart_new_utilisation (self->data));
  show_chart (self, TAKT_COSTS_CHART_LINE_BALANCE, takt_chart_new_line_balance (self->data));
}

static void
update_products (TaktCostsPage *self)
{
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->product_names));
  gboolean same;
  const TaktPlan *plan;

  if (document == NULL)
    return;
  plan = takt_document_get_plan (document);

  g_ptr_array_add (names, _("All Products"));
  for (guint i = 0; i < plan->products->len; i++)
    {
      const TaktProduct *product = g_ptr_array_index (plan->products, i);

      g_ptr_array_add (names, product->name != NULL && *product->name != '\0' ? product->name : product->id);
    }

  same = n_items == names->len;
  for (guint i = 0; same && i < n_items; i++)
    same = g_strcmp0 (gtk_string_list_get_string (self->product_names, i), g_ptr_array_index (names, i)) == 0;
  if (same)
    return;

  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->product_names, 0, n_items, (const char * const *) names->pdata);
  if (self->cumulative_product >= (int) plan->products->len)
    self->cumulative_product = -1;
  gtk_drop_down_set_selected (self->product_dropdown, self->cumulative_product + 1);
}

static void
product_selected_cb (TaktCostsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->product_dropdown);
  int product = selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;

  if (product == self->cumulative_product)
    return;
  self->cumulative_product = product;
  update_cumulative (self);
}

void
takt_costs_page_set_cumulative_product (TaktCostsPage *self,
                                        int            product)
{
  g_return_if_fail (TAKT_IS_COSTS_PAGE (self));
  g_return_if_fail (product >= -1);

  gtk_drop_down_set_selected (self->product_dropdown, product + 1);
}

/* ---- the strategy comparison ---- */

typedef struct
{
  TaktPlan      *plan;
  TaktStrategy   skip;            /* the document plans this one */
  gint64         jit_limit_ms;    /* the search for just in time, when it is not skipped */
  guint          revision;
  guint          runs;            /* planner runs started */
  TaktPlanStats *stats[TAKT_N_STRATEGIES];
} Comparison;

static void
comparison_free (gpointer data)
{
  Comparison *comparison = data;

  g_clear_pointer (&comparison->plan, takt_plan_free);
  for (guint i = 0; i < TAKT_N_STRATEGIES; i++)
    g_clear_pointer (&comparison->stats[i], takt_plan_stats_free);
  g_free (comparison);
}

/* The figures the comparison shows, copied from stats the page does not own
 * (the document's); the per-station and per-demand arrays stay out. */
static TaktPlanStats *
copy_figures (const TaktPlanStats *stats)
{
  TaktPlanStats *copy = g_new0 (TaktPlanStats, 1);

  copy->total = stats->total;
  copy->holding = stats->holding;
  copy->tardiness = stats->tardiness;
  copy->setup = stats->setup;
  copy->campaign_spend = stats->campaign_spend;
  copy->campaign_cost_per_mille = stats->campaign_cost_per_mille;
  copy->runs = stats->runs;
  copy->units = stats->units;
  copy->late_units = stats->late_units;
  copy->unmet_units = stats->unmet_units;
  copy->on_time_rate = stats->on_time_rate;
  copy->late_orders = stats->late_orders;
  copy->makespan_s = stats->makespan_s;
  copy->average_stock = stats->average_stock;
  copy->average_wip = stats->average_wip;
  copy->changeovers = stats->changeovers;
  copy->bottleneck_station = stats->bottleneck_station;
  copy->bottleneck_utilisation = stats->bottleneck_utilisation;
  copy->evaluations = stats->evaluations;
  copy->plan_ms = stats->plan_ms;
  return copy;
}

/* Plans the strategies other than the document's: level and push are
 * constructions; just in time gets its search when it is planned here. */
static void
comparison_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Comparison *comparison = task_data;

  for (guint s = 0; s < TAKT_N_STRATEGIES; s++)
    {
      g_autoptr(GError) error = NULL;
      TaktPlannerOptions options;
      TaktSchedule *schedule;

      if (s == comparison->skip)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      takt_planner_options_init (&options, comparison->plan);
      options.strategy = s;
      options.time_limit_ms = s == TAKT_STRATEGY_JIT ? comparison->jit_limit_ms : 0;
      options.cancellable = cancellable;

      g_atomic_int_inc (&comparison->runs);
      schedule = takt_planner_run (comparison->plan, &options, &comparison->stats[s], &error);
      if (schedule == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      takt_schedule_free (schedule);
    }

  g_task_return_boolean (task, TRUE);
}

static void
set_comparing (TaktCostsPage *self,
               gboolean       comparing)
{
  gtk_spinner_set_spinning (self->comparison_spinner, comparing);
  gtk_widget_set_visible (GTK_WIDGET (self->comparison_spinner), comparing);
}

static GtkWidget *
grid_label (GtkGrid    *grid,
            const char *text,
            int         column,
            int         row,
            gboolean    numeric,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0f : 0.0f);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_hexpand (label, column > 0);
  gtk_grid_attach (grid, label, column, row, 1, 1);
  return label;
}

static void
update_comparison (TaktCostsPage *self)
{
  const char *currency = takt_page_get_currency (TAKT_PAGE (self));
  const TaktPlanStats *jit = self->comparison[TAKT_STRATEGY_JIT];
  const TaktPlanStats *push = self->comparison[TAKT_STRATEGY_ASAP];
  GtkWidget *child;
  int best = -1;
  static const char * const strategy_names[] = {
    [TAKT_STRATEGY_JIT] = N_("Just in time"),
    [TAKT_STRATEGY_LEVEL] = N_("Level"),
    [TAKT_STRATEGY_ASAP] = N_("Push (as soon as possible)"),
  };
  static const char * const headers[] = {
    N_("Strategy"), N_("Total"), N_("Holding"), N_("Setup"), N_("Tardiness"), N_("Late Orders"),
    N_("Average Stock"),
  };

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->comparison_grid))) != NULL)
    gtk_grid_remove (self->comparison_grid, child);

  if (jit == NULL || push == NULL)
    {
      g_clear_pointer (&self->comparison_summary, g_free);
      gtk_label_set_text (self->comparison_label,
                          takt_costs_page_get_comparing (self)
                            ? _("Planning the plan three ways…")
                            : _("Each strategy is planned here when the page shows a plan."));
      gtk_label_set_text (self->comparison_detail, "");
      gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->comparison_grid)), FALSE);
      show_chart (self, TAKT_COSTS_CHART_STRATEGIES,
                  takt_chart_new_strategy_comparison ((const TaktPlanStats * const *) self->comparison, currency));
      return;
    }

  /* The sentence: what just in time saves against push, in the planner's
   * own numbers. */
  {
    g_autofree char *jit_total = takt_format_money (jit->total, currency);
    g_autofree char *difference = takt_format_money (fabs (push->total - jit->total), currency);
    g_autofree char *push_stock = takt_format_number (push->average_stock, 1);
    g_autofree char *jit_stock = takt_format_number (jit->average_stock, 1);
    g_autofree char *detail = NULL;

    g_free (self->comparison_summary);
    if (push->total - jit->total >= 0.005)
      {
        g_autofree char *share = takt_format_percent (push->total > 0 ? (push->total - jit->total) / push->total : 0);

        /* Translators: "Just in time costs €1,120.00 — €1,630.00 (59.3%) less than push" */
        self->comparison_summary = g_strdup_printf (_("Just in time costs %s — %s (%s) less than push"),
                                                    jit_total, difference, share);
      }
    else if (jit->total - push->total >= 0.005)
      {
        /* Translators: "Just in time costs €1,120.00 — €30.00 more than push" */
        self->comparison_summary = g_strdup_printf (_("Just in time costs %s — %s more than push"),
                                                    jit_total, difference);
      }
    else
      {
        /* Translators: both strategies cost the same */
        self->comparison_summary = g_strdup_printf (_("Just in time costs %s, as much as push"), jit_total);
      }
    gtk_label_set_text (self->comparison_label, self->comparison_summary);

    /* Translators: "On average it holds 12.3 finished units where push holds 45.6." */
    detail = g_strdup_printf (_("On average it holds %s finished units where push holds %s. "
                                "The plan's own strategy shows the plan above; the others are planned "
                                "for the same demand."),
                              jit_stock, push_stock);
    gtk_label_set_text (self->comparison_detail, detail);
  }

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    grid_label (self->comparison_grid, _(headers[i]), i, 0, i > 0, "heading");

  for (guint s = 0; s < TAKT_N_STRATEGIES; s++)
    if (self->comparison[s] != NULL && (best < 0 || self->comparison[s]->total < self->comparison[best]->total))
      best = s;

  for (guint s = 0; s < TAKT_N_STRATEGIES; s++)
    {
      const TaktPlanStats *stats = self->comparison[s];
      const char *bold = (int) s == best ? "heading" : NULL;
      g_autofree char *total = NULL;
      g_autofree char *holding = NULL;
      g_autofree char *setup = NULL;
      g_autofree char *tardiness = NULL;
      g_autofree char *late = NULL;
      g_autofree char *stock = NULL;
      GtkWidget *label;

      if (stats == NULL)
        continue;

      total = takt_format_money (stats->total, currency);
      holding = takt_format_money (stats->holding, currency);
      setup = takt_format_money (stats->setup, currency);
      tardiness = takt_format_money (stats->tardiness, currency);
      late = takt_format_count (stats->late_orders);
      stock = takt_format_number (stats->average_stock, 1);

      grid_label (self->comparison_grid, _(strategy_names[s]), 0, s + 1, FALSE, bold);
      grid_label (self->comparison_grid, total, 1, s + 1, TRUE, bold);
      grid_label (self->comparison_grid, holding, 2, s + 1, TRUE, NULL);
      grid_label (self->comparison_grid, setup, 3, s + 1, TRUE, NULL);
      label = grid_label (self->comparison_grid, tardiness, 4, s + 1, TRUE, NULL);
      if (stats->tardiness > 0)
        gtk_widget_add_css_class (label, "error");
      label = grid_label (self->comparison_grid, late, 5, s + 1, TRUE, NULL);
      if (stats->late_orders > 0)
        gtk_widget_add_css_class (label, "error");
      grid_label (self->comparison_grid, stock, 6, s + 1, TRUE, NULL);
    }
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->comparison_grid)), TRUE);

  show_chart (self, TAKT_COSTS_CHART_STRATEGIES,
              takt_chart_new_strategy_comparison ((const TaktPlanStats * const *) self->comparison, currency));
}

/* Whether the document's figures are those of its current plan, after its
 * search: it is not re-planning (an edit starts a re-plan at once). */
static gboolean
document_final (TaktDocument *document)
{
  return !takt_document_get_replanning (document) && takt_document_get_stats (document) != NULL;
}

/* The others were planned for the current plan, and the document has not
 * finished planning it yet. */
static gboolean
waiting_for_document (TaktCostsPage *self)
{
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));

  return document != NULL && self->others_valid &&
         self->others_revision == takt_document_get_revision (document) &&
         !(self->comparison_valid && self->comparison_revision == self->others_revision);
}

/* Puts the document's figures beside the others once both are there for the
 * current plan; after that, a new search of the document (the same plan)
 * only refreshes its column. */
static void
try_complete (TaktCostsPage *self)
{
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));
  guint revision;
  gboolean complete;

  if (document == NULL)
    return;
  revision = takt_document_get_revision (document);
  if (!self->others_valid || self->others_revision != revision || !document_final (document) ||
      takt_document_get_plan (document)->settings.strategy != self->others_skip)
    {
      set_comparing (self, takt_costs_page_get_comparing (self));
      return;
    }

  complete = self->comparison_valid && self->comparison_revision == revision;
  for (guint s = 0; s < TAKT_N_STRATEGIES; s++)
    {
      g_clear_pointer (&self->comparison[s], takt_plan_stats_free);
      if (s == self->others_skip)
        self->comparison[s] = copy_figures (takt_document_get_stats (document));
      else if (self->others[s] != NULL)
        self->comparison[s] = copy_figures (self->others[s]);
    }
  self->comparison_valid = TRUE;
  self->comparison_revision = revision;

  set_comparing (self, takt_costs_page_get_comparing (self));
  update_comparison (self);
  if (!complete)
    g_signal_emit (self, signals[COMPARISON_DONE], 0);
}

static void
comparison_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  TaktCostsPage *self = TAKT_COSTS_PAGE (object);
  Comparison *comparison = g_task_get_task_data (G_TASK (result));
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->planner_runs += g_atomic_int_get (&comparison->runs);

  /* A newer comparison, a change of the plan or the page going out of
   * sight made this one stale. */
  if (cancellable != self->comparison_cancellable || g_cancellable_is_cancelled (cancellable))
    return;

  g_clear_object (&self->comparison_cancellable);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_warning ("Could not compare the strategies: %s", error->message);
      set_comparing (self, takt_costs_page_get_comparing (self));
      update_comparison (self);
      return;
    }

  for (guint s = 0; s < TAKT_N_STRATEGIES; s++)
    {
      g_clear_pointer (&self->others[s], takt_plan_stats_free);
      self->others[s] = g_steal_pointer (&comparison->stats[s]);
    }
  self->others_valid = TRUE;
  self->others_revision = comparison->revision;
  self->others_skip = comparison->skip;

  try_complete (self);
}

/* Stops the comparison running in the worker thread (its results would be
 * for a plan that is gone); one waiting to start stays. */
static void
cancel_task (TaktCostsPage *self)
{
  if (self->comparison_cancellable != NULL)
    {
      g_cancellable_cancel (self->comparison_cancellable);
      g_clear_object (&self->comparison_cancellable);
    }
  set_comparing (self, takt_costs_page_get_comparing (self));
}

static void
cancel_comparison (TaktCostsPage *self)
{
  g_clear_handle_id (&self->comparison_source, g_source_remove);
  cancel_task (self);
}

static gboolean
comparison_timeout_cb (gpointer user_data)
{
  TaktCostsPage *self = user_data;
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));
  g_autoptr(GTask) task = NULL;
  Comparison *comparison;
  const TaktPlan *plan;

  self->comparison_source = 0;
  /* Out of sight, nothing runs: showing the page again starts it. */
  if (document == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      set_comparing (self, takt_costs_page_get_comparing (self));
      return G_SOURCE_REMOVE;
    }

  plan = takt_document_get_plan (document);
  comparison = g_new0 (Comparison, 1);
  comparison->plan = takt_plan_copy (plan);
  g_clear_pointer (&comparison->plan->schedule, takt_schedule_free);
  comparison->skip = plan->settings.strategy;
  comparison->revision = takt_document_get_revision (document);
  self->running_revision = comparison->revision;
  comparison->jit_limit_ms = self->comparison_limit_ms >= 0
                               ? self->comparison_limit_ms
                               : MIN (plan->settings.time_limit_ms, COMPARISON_MAX_MS);

  self->comparison_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->comparison_cancellable, comparison_done_cb, NULL);
  g_task_set_source_tag (task, comparison_timeout_cb);
  g_task_set_name (task, "takt-compare-strategies");
  g_task_set_task_data (task, comparison, comparison_free);
  g_task_run_in_thread (task, comparison_thread);

  set_comparing (self, TRUE);
  update_comparison (self);

  return G_SOURCE_REMOVE;
}

/* Compares the strategies on the current plan unless that is done or on its
 * way: a burst of edits waits until the last one has settled. */
static void
maybe_compare (TaktCostsPage *self)
{
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));
  guint revision;

  if (document == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      !plan_has_demand (takt_document_get_plan (document)))
    return;
  revision = takt_document_get_revision (document);
  if (self->others_valid && self->others_revision == revision &&
      self->others_skip == takt_document_get_plan (document)->settings.strategy)
    {
      try_complete (self);
      return;
    }
  if (self->comparison_cancellable != NULL)
    {
      if (self->running_revision == revision)
        return;
      cancel_task (self);
    }

  g_clear_handle_id (&self->comparison_source, g_source_remove);
  self->comparison_source = g_timeout_add (COMPARISON_DELAY_MS, comparison_timeout_cb, self);
  set_comparing (self, TRUE);
}

static void
document_changed_cb (TaktCostsPage *self,
                     TaktDocument  *document)
{
  /* Whether or not the page is shown: what runs is for a plan that is
   * gone.  (A comparison waiting to start reads the plan when it starts.) */
  if (self->comparison_cancellable != NULL && self->running_revision != takt_document_get_revision (document))
    cancel_task (self);
  /* The chart data points into the plan that was replaced. */
  g_clear_pointer (&self->data, takt_chart_data_free);
}

static void
document_notify_cb (TaktCostsPage *self)
{
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));

  if (self->watched == document)
    return;

  if (self->watched != NULL)
    {
      g_clear_signal_handler (&self->watched_changed, self->watched);
      g_clear_object (&self->watched);
    }
  cancel_comparison (self);
  self->comparison_valid = FALSE;
  self->others_valid = FALSE;
  g_clear_pointer (&self->data, takt_chart_data_free);
  for (guint s = 0; s < TAKT_N_STRATEGIES; s++)
    {
      g_clear_pointer (&self->comparison[s], takt_plan_stats_free);
      g_clear_pointer (&self->others[s], takt_plan_stats_free);
    }

  if (document != NULL)
    {
      self->watched = g_object_ref (document);
      self->watched_changed = g_signal_connect_object (document, "changed",
                                                       G_CALLBACK (document_changed_cb), self,
                                                       G_CONNECT_SWAPPED);
    }
}

/* ---- TaktPage ---- */

static void
takt_costs_page_plan_changed (TaktPage *page)
{
  TaktCostsPage *self = TAKT_COSTS_PAGE (page);
  TaktDocument *document = takt_page_get_document (page);
  gboolean has_demand;

  if (document == NULL)
    return;

  has_demand = plan_has_demand (takt_document_get_plan (document));
  gtk_stack_set_visible_child_name (self->stack, has_demand ? "costs" : "empty");

  update_products (self);
  update_cards (self);
  maybe_compare (self);
  update_comparison (self);
}

static void
takt_costs_page_schedule_changed (TaktPage *page)
{
  TaktCostsPage *self = TAKT_COSTS_PAGE (page);

  /* A new schedule: new figures for the same plan. */
  g_clear_pointer (&self->data, takt_chart_data_free);
  update_cards (self);
  update_charts (self);
  /* The document's figures are one column of the comparison. */
  try_complete (self);
}

static void
takt_costs_page_map (GtkWidget *widget)
{
  TaktCostsPage *self = TAKT_COSTS_PAGE (widget);

  GTK_WIDGET_CLASS (takt_costs_page_parent_class)->map (widget);
  maybe_compare (self);
}

static void
takt_costs_page_unmap (GtkWidget *widget)
{
  TaktCostsPage *self = TAKT_COSTS_PAGE (widget);

  /* Nothing runs for a page out of sight. */
  cancel_comparison (self);
  GTK_WIDGET_CLASS (takt_costs_page_parent_class)->unmap (widget);
}

/* ---- GObject ---- */

static void
takt_costs_page_dispose (GObject *object)
{
  TaktCostsPage *self = TAKT_COSTS_PAGE (object);

  cancel_comparison (self);
  if (self->watched != NULL)
    {
      g_clear_signal_handler (&self->watched_changed, self->watched);
      g_clear_object (&self->watched);
    }
  g_clear_pointer (&self->conflict_rows, g_ptr_array_unref);
  g_clear_pointer (&self->data, takt_chart_data_free);

  G_OBJECT_CLASS (takt_costs_page_parent_class)->dispose (object);
}

static void
takt_costs_page_finalize (GObject *object)
{
  TaktCostsPage *self = TAKT_COSTS_PAGE (object);

  for (guint s = 0; s < TAKT_N_STRATEGIES; s++)
    {
      g_clear_pointer (&self->comparison[s], takt_plan_stats_free);
      g_clear_pointer (&self->others[s], takt_plan_stats_free);
    }
  g_clear_pointer (&self->comparison_summary, g_free);

  G_OBJECT_CLASS (takt_costs_page_parent_class)->finalize (object);
}

static void
takt_costs_page_class_init (TaktCostsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TaktPageClass *page_class = TAKT_PAGE_CLASS (klass);

  object_class->dispose = takt_costs_page_dispose;
  object_class->finalize = takt_costs_page_finalize;
  widget_class->map = takt_costs_page_map;
  widget_class->unmap = takt_costs_page_unmap;
  page_class->plan_changed = takt_costs_page_plan_changed;
  page_class->schedule_changed = takt_costs_page_schedule_changed;

  /**
   * TaktCostsPage::comparison-done:
   *
   * The strategies were compared on the current plan.
   */
  signals[COMPARISON_DONE] =
    g_signal_new ("comparison-done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (TAKT_TYPE_CHART_WIDGET);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taktplanner/Takt/takt-costs-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TaktCostsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TaktCostsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TaktCostsPage, kpi_box);
  gtk_widget_class_bind_template_child (widget_class, TaktCostsPage, planning_label);
  gtk_widget_class_bind_template_child (widget_class, TaktCostsPage, chart_box);
  gtk_widget_class_bind_template_child (widget_class, TaktCostsPage, comparison_spinner);
  gtk_widget_class_bind_template_child (widget_class, TaktCostsPage, comparison_label);
  gtk_widget_class_bind_template_child (widget_class, TaktCostsPage, comparison_detail);
  gtk_widget_class_bind_template_child (widget_class, TaktCostsPage, comparison_grid);
  gtk_widget_class_bind_template_child (widget_class, TaktCostsPage, conflicts_group);
  gtk_widget_class_bind_template_child_full (widget_class, "strategy_chart", FALSE,
                                             G_STRUCT_OFFSET (TaktCostsPage, charts[TAKT_COSTS_CHART_STRATEGIES]));
}

static void
add_card (TaktCostsPage *self,
          TaktCostsKpi   kpi,
          const char    *title,
          const char    *tooltip)
{
  GtkWidget *child;

  self->cards[kpi] = takt_kpi_card_new (title, tooltip);
  gtk_flow_box_append (self->kpi_box, self->cards[kpi]);
  child = gtk_widget_get_parent (self->cards[kpi]);
  gtk_widget_set_focusable (child, FALSE);
}

/* A card with a title, an optional widget at its end and a chart. */
static GtkWidget *
new_chart_card (TaktCostsPage  *self,
                TaktCostsChart  which,
                const char     *title,
                const char     *subtitle,
                GtkWidget      *end)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;

  gtk_widget_add_css_class (card, "card");

  gtk_widget_set_margin_top (header, 14);
  gtk_widget_set_margin_start (header, 18);
  gtk_widget_set_margin_end (header, 14);
  gtk_box_append (GTK_BOX (card), header);

  gtk_widget_set_hexpand (titles, TRUE);
  gtk_widget_set_valign (titles, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), titles);

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (titles), label);

  if (subtitle != NULL)
    {
      label = gtk_label_new (subtitle);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (titles), label);
    }

  if (end != NULL)
    {
      gtk_widget_set_valign (end, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (header), end);
    }

  self->charts[which] = takt_chart_widget_new ();
  gtk_widget_set_margin_start (self->charts[which], 6);
  gtk_widget_set_margin_end (self->charts[which], 6);
  gtk_widget_set_margin_bottom (self->charts[which], 6);
  gtk_widget_set_vexpand (self->charts[which], TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->charts[which]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (card), self->charts[which]);

  return card;
}

static void
add_chart_card (TaktCostsPage *self,
                GtkWidget     *card)
{
  gtk_flow_box_append (self->chart_box, card);
  gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
}

static void
takt_costs_page_init (TaktCostsPage *self)
{
  GtkWidget *card;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->conflict_rows = g_ptr_array_new ();
  self->cumulative_product = -1;
  self->comparison_limit_ms = -1;

  add_card (self, TAKT_COSTS_KPI_TOTAL, _("Total Cost"),
            _("What the planner keeps as low as it can: holding, setup and tardiness"));
  add_card (self, TAKT_COSTS_KPI_HOLDING, _("Holding"), _("Finished units waiting for their due time"));
  add_card (self, TAKT_COSTS_KPI_SETUP, _("Setup"), _("One setup cost per run"));
  add_card (self, TAKT_COSTS_KPI_TARDINESS, _("Tardiness"), _("Units finished after they were due"));
  add_card (self, TAKT_COSTS_KPI_ON_TIME, _("On-Time Rate"), _("Units finished by their due time"));
  add_card (self, TAKT_COSTS_KPI_LATE_ORDERS, _("Late Orders"), _("Orders with at least one late unit"));
  add_card (self, TAKT_COSTS_KPI_AVERAGE_STOCK, _("Average Stock"),
            _("Finished units on hand, averaged over the horizon"));
  add_card (self, TAKT_COSTS_KPI_AVERAGE_WIP, _("Work in Progress"),
            _("Units started but not finished, averaged over the horizon"));
  add_card (self, TAKT_COSTS_KPI_CHANGEOVERS, _("Changeovers"), _("Setups between different products on a machine"));
  add_card (self, TAKT_COSTS_KPI_BOTTLENECK, _("Bottleneck"), _("The busiest station and how busy it is"));
  add_card (self, TAKT_COSTS_KPI_CAMPAIGN_SPEND, _("Campaign Spend"),
            _("What the campaigns cost, reported beside the plan's cost"));
  add_card (self, TAKT_COSTS_KPI_COST_PER_MILLE, _("Cost per Mille"), _("Spend per thousand impressions"));

  /* The daily cost over the whole width, above the other charts. */
  card = new_chart_card (self, TAKT_COSTS_CHART_DAILY_COST, _("Cost per Day"),
                         _("Holding, setup and tardiness, stacked"), NULL);
  gtk_widget_insert_before (card, gtk_widget_get_parent (GTK_WIDGET (self->chart_box)),
                            GTK_WIDGET (self->chart_box));

  self->product_names = gtk_string_list_new (NULL);
  self->product_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (self->product_names), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->product_dropdown), _("Product"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->product_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Product"), -1);
  g_signal_connect_object (self->product_dropdown, "notify::selected",
                           G_CALLBACK (product_selected_cb), self, G_CONNECT_SWAPPED);
  add_chart_card (self, new_chart_card (self, TAKT_COSTS_CHART_CUMULATIVE, _("Demand and Supply"),
                                        _("The closer the lines, the less stock"),
                                        GTK_WIDGET (self->product_dropdown)));
  add_chart_card (self, new_chart_card (self, TAKT_COSTS_CHART_STOCK, _("Finished Stock"),
                                        _("Units on hand per product"), NULL));
  add_chart_card (self, new_chart_card (self, TAKT_COSTS_CHART_UTILISATION, _("Utilisation"),
                                        _("Busy share of each station's working time"), NULL));
  add_chart_card (self, new_chart_card (self, TAKT_COSTS_CHART_LINE_BALANCE, _("Line Balance"),
                                        _("Work per unit against the takt time"), NULL));

  /* Half as wide as the daily costs: taller, so that the legends above
   * them leave the plots room. */
  for (guint c = TAKT_COSTS_CHART_CUMULATIVE; c <= TAKT_COSTS_CHART_LINE_BALANCE; c++)
    takt_chart_widget_set_chart_height (TAKT_CHART_WIDGET (self->charts[c]), 320);
  takt_chart_widget_set_chart_height (TAKT_CHART_WIDGET (self->charts[TAKT_COSTS_CHART_STRATEGIES]), 280);
  set_comparing (self, FALSE);

  g_signal_connect (self, "notify::document", G_CALLBACK (document_notify_cb), NULL);
}

GtkWidget *
takt_costs_page_new (void)
{
  return g_object_new (TAKT_TYPE_COSTS_PAGE, NULL);
}

GtkWidget *
takt_costs_page_get_kpi_card (TaktCostsPage *self,
                              TaktCostsKpi   kpi)
{
  g_return_val_if_fail (TAKT_IS_COSTS_PAGE (self), NULL);
  g_return_val_if_fail (kpi < TAKT_COSTS_N_KPIS, NULL);

  return self->cards[kpi];
}

GtkWidget *
takt_costs_page_get_chart_widget (TaktCostsPage  *self,
                                  TaktCostsChart  chart)
{
  g_return_val_if_fail (TAKT_IS_COSTS_PAGE (self), NULL);
  g_return_val_if_fail (chart < TAKT_COSTS_N_CHARTS, NULL);

  return self->charts[chart];
}

void
takt_costs_page_set_comparison_limit (TaktCostsPage *self,
                                      gint64         time_limit_ms)
{
  g_return_if_fail (TAKT_IS_COSTS_PAGE (self));

  self->comparison_limit_ms = time_limit_ms < 0 ? -1 : time_limit_ms;
}

gboolean
takt_costs_page_get_comparing (TaktCostsPage *self)
{
  g_return_val_if_fail (TAKT_IS_COSTS_PAGE (self), FALSE);

  return self->comparison_cancellable != NULL || self->comparison_source != 0 || waiting_for_document (self);
}

const TaktPlanStats *
takt_costs_page_get_comparison (TaktCostsPage *self,
                                TaktStrategy   strategy)
{
  g_return_val_if_fail (TAKT_IS_COSTS_PAGE (self), NULL);
  g_return_val_if_fail (strategy < TAKT_N_STRATEGIES, NULL);

  return self->comparison[strategy];
}

guint
takt_costs_page_get_planner_runs (TaktCostsPage *self)
{
  g_return_val_if_fail (TAKT_IS_COSTS_PAGE (self), 0);

  return self->planner_runs;
}

const char *
takt_costs_page_get_comparison_summary (TaktCostsPage *self)
{
  g_return_val_if_fail (TAKT_IS_COSTS_PAGE (self), NULL);

  return self->comparison_summary;
}
