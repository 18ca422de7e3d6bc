/* takt-costs-page.c — the Costs page: the cost figures and KPIs of the plan
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-costs-page"

#include "config.h"

#include <glib/gi18n.h>

#include "takt-costs-page.h"
#include "takt-format.h"
#include "takt-widgets.h"

typedef enum
{
  KPI_TOTAL,
  KPI_HOLDING,
  KPI_SETUP,
  KPI_TARDINESS,
  KPI_ON_TIME,
  KPI_LATE_ORDERS,
  KPI_LATE_UNITS,
  KPI_UNMET_UNITS,
  KPI_RUNS,
  KPI_UNITS,
  KPI_CHANGEOVERS,
  KPI_AVERAGE_STOCK,
  KPI_AVERAGE_WIP,
  KPI_MAKESPAN,
  KPI_BOTTLENECK,
  KPI_CAMPAIGN_SPEND,
  KPI_COST_PER_MILLE,
  KPI_STRATEGY,
  KPI_EVALUATIONS,
  KPI_PLAN_TIME,
  N_KPIS
} Kpi;

struct _TaktCostsPage
{
  TaktPage              parent_instance;

  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *cost_group;
  AdwPreferencesGroup  *delivery_group;
  AdwPreferencesGroup  *flow_group;
  AdwPreferencesGroup  *marketing_group;
  AdwPreferencesGroup  *planning_group;
  AdwPreferencesGroup  *conflicts_group;

  GtkWidget            *rows[N_KPIS];
  GPtrArray            *conflict_rows;
};

G_DEFINE_FINAL_TYPE (TaktCostsPage, takt_costs_page, TAKT_TYPE_PAGE)

static void
set_value (TaktCostsPage *self,
           Kpi            kpi,
           char          *value)
{
  takt_value_row_set_value (self->rows[kpi], value != NULL ? value : "—");
  g_free (value);
}

static void
update (TaktCostsPage *self)
{
  TaktDocument *document = takt_page_get_document (TAKT_PAGE (self));
  const char *currency = takt_page_get_currency (TAKT_PAGE (self));
  const TaktPlanStats *stats;
  const TaktPlan *plan;

  if (self->conflict_rows == NULL)
    return;

  for (guint i = 0; i < self->conflict_rows->len; i++)
    adw_preferences_group_remove (self->conflicts_group, g_ptr_array_index (self->conflict_rows, i));
  g_ptr_array_set_size (self->conflict_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), FALSE);

  if (document == NULL || (stats = takt_document_get_stats (document)) == NULL)
    {
      for (guint i = 0; i < N_KPIS; i++)
        set_value (self, i, NULL);
      return;
    }

  plan = takt_document_get_plan (document);

  set_value (self, KPI_TOTAL, takt_format_money (stats->total, currency));
  set_value (self, KPI_HOLDING, takt_format_money (stats->holding, currency));
  set_value (self, KPI_SETUP, takt_format_money (stats->setup, currency));
  set_value (self, KPI_TARDINESS, takt_format_money (stats->tardiness, currency));

  set_value (self, KPI_ON_TIME, takt_format_percent (stats->on_time_rate));
  set_value (self, KPI_LATE_ORDERS, takt_format_count (stats->late_orders));
  set_value (self, KPI_LATE_UNITS, takt_format_count (stats->late_units));
  set_value (self, KPI_UNMET_UNITS, takt_format_count (stats->unmet_units));

  set_value (self, KPI_RUNS, takt_format_count (stats->runs));
  set_value (self, KPI_UNITS, takt_format_count (stats->units));
  set_value (self, KPI_CHANGEOVERS, takt_format_count (stats->changeovers));
  set_value (self, KPI_AVERAGE_STOCK, takt_format_number (stats->average_stock, 1));
  set_value (self, KPI_AVERAGE_WIP, takt_format_number (stats->average_wip, 1));
  set_value (self, KPI_MAKESPAN, takt_format_duration (stats->makespan_s));

  if (stats->bottleneck_station >= 0 && stats->bottleneck_station < (int) plan->stations->len)
    {
      const TaktStation *station = g_ptr_array_index (plan->stations, stats->bottleneck_station);
      g_autofree char *percent = takt_format_percent (stats->bottleneck_utilisation);

      /* Translators: the busiest station and how busy it is, "Print farm, 71.2 %" */
      set_value (self, KPI_BOTTLENECK, g_strdup_printf (_("%s, %s"), station->name, percent));
    }
  else
    {
      set_value (self, KPI_BOTTLENECK, NULL);
    }

  set_value (self, KPI_CAMPAIGN_SPEND, takt_format_money (stats->campaign_spend, currency));
  if (plan->campaigns->len > 0)
    set_value (self, KPI_COST_PER_MILLE, takt_format_money (stats->campaign_cost_per_mille, currency));
  else
    set_value (self, KPI_COST_PER_MILLE, NULL);

  set_value (self, KPI_STRATEGY, g_strdup (takt_format_strategy (plan->settings.strategy)));
  set_value (self, KPI_EVALUATIONS, takt_format_count (stats->evaluations));
  /* Translators: milliseconds spent planning */
  set_value (self, KPI_PLAN_TIME, g_strdup_printf (_("%.0f ms"), stats->plan_ms));

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

static void
takt_costs_page_plan_changed (TaktPage *page)
{
  update (TAKT_COSTS_PAGE (page));
}

static void
takt_costs_page_dispose (GObject *object)
{
  TaktCostsPage *self = TAKT_COSTS_PAGE (object);

  g_clear_pointer (&self->conflict_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (takt_costs_page_parent_class)->dispose (object);
}

static void
takt_costs_page_class_init (TaktCostsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TaktPageClass *page_class = TAKT_PAGE_CLASS (klass);

  object_class->dispose = takt_costs_page_dispose;
  page_class->plan_changed = takt_costs_page_plan_changed;
  page_class->schedule_changed = takt_costs_page_plan_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taktplanner/Takt/takt-costs-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TaktCostsPage, page);
  gtk_widget_class_bind_template_child (widget_class, TaktCostsPage, cost_group);
  gtk_widget_class_bind_template_child (widget_class, TaktCostsPage, delivery_group);
  gtk_widget_class_bind_template_child (widget_class, TaktCostsPage, flow_group);
  gtk_widget_class_bind_template_child (widget_class, TaktCostsPage, marketing_group);
  gtk_widget_class_bind_template_child (widget_class, TaktCostsPage, planning_group);
  gtk_widget_class_bind_template_child (widget_class, TaktCostsPage, conflicts_group);
}

static void
add_kpi (TaktCostsPage       *self,
         AdwPreferencesGroup *group,
         Kpi                  kpi,
         const char          *title,
         const char          *subtitle)
{
  self->rows[kpi] = takt_value_row_new (title, subtitle, "—");
  adw_preferences_group_add (group, self->rows[kpi]);
}

static void
takt_costs_page_init (TaktCostsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->conflict_rows = g_ptr_array_new ();

  add_kpi (self, self->cost_group, KPI_TOTAL, _("Total Cost"), _("Holding, setup and tardiness"));
  add_kpi (self, self->cost_group, KPI_HOLDING, _("Holding"), _("Finished units waiting for their due time"));
  add_kpi (self, self->cost_group, KPI_SETUP, _("Setup"), _("One setup cost per run"));
  add_kpi (self, self->cost_group, KPI_TARDINESS, _("Tardiness"), _("Units finished after they were due"));

  add_kpi (self, self->delivery_group, KPI_ON_TIME, _("On-Time Rate"), _("Units finished by their due time"));
  add_kpi (self, self->delivery_group, KPI_LATE_ORDERS, _("Late Orders"), NULL);
  add_kpi (self, self->delivery_group, KPI_LATE_UNITS, _("Late Units"), NULL);
  add_kpi (self, self->delivery_group, KPI_UNMET_UNITS, _("Unmet Units"), _("Demand no run can make"));

  add_kpi (self, self->flow_group, KPI_RUNS, _("Runs"), NULL);
  add_kpi (self, self->flow_group, KPI_UNITS, _("Units Made"), NULL);
  add_kpi (self, self->flow_group, KPI_CHANGEOVERS, _("Changeovers"), _("Setups between different products on a machine"));
  add_kpi (self, self->flow_group, KPI_AVERAGE_STOCK, _("Average Stock"), _("Finished units on hand, over the horizon"));
  add_kpi (self, self->flow_group, KPI_AVERAGE_WIP, _("Average Work in Progress"), _("Units started but not finished"));
  add_kpi (self, self->flow_group, KPI_MAKESPAN, _("Makespan"), _("From the start of the horizon to the last finish"));
  add_kpi (self, self->flow_group, KPI_BOTTLENECK, _("Bottleneck"), _("The busiest station"));

  add_kpi (self, self->marketing_group, KPI_CAMPAIGN_SPEND, _("Campaign Spend"), NULL);
  add_kpi (self, self->marketing_group, KPI_COST_PER_MILLE, _("Cost per Mille"), _("Spend per thousand impressions"));

  add_kpi (self, self->planning_group, KPI_STRATEGY, _("Strategy"), NULL);
  add_kpi (self, self->planning_group, KPI_EVALUATIONS, _("Moves Evaluated"), _("By the improving search"));
  add_kpi (self, self->planning_group, KPI_PLAN_TIME, _("Planning Time"), NULL);
}

GtkWidget *
takt_costs_page_new (void)
{
  return g_object_new (TAKT_TYPE_COSTS_PAGE, NULL);
}
