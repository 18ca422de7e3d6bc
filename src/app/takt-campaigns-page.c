/* takt-campaigns-page.c — the Campaigns page: the plan's marketing campaigns
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-campaigns-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "takt-campaigns-page.h"
#include "takt-format.h"
#include "takt-table.h"

struct _TaktCampaignsPage
{
  TaktPage       parent_instance;

  GtkStack      *stack;
  GtkLabel      *summary_label;
  GtkLabel      *reach_label;
  GtkColumnView *view;
};

G_DEFINE_FINAL_TYPE (TaktCampaignsPage, takt_campaigns_page, TAKT_TYPE_PAGE)

enum {
  COL_NAME,
  COL_CHANNEL,
  COL_DATES,
  COL_SPEND,
  COL_IMPRESSIONS,
  COL_CONVERSION,
  COL_UNITS,
  COL_CPM,
  COL_PRODUCTS,
  N_COLS
};

/**
 * takt_campaign_expected_units:
 *
 * Returns: impressions / 1000 × conversion per mille, split over the
 *   products by share and rounded per product (halves up), summed
 */
gint64
takt_campaign_expected_units (const TaktCampaign *campaign)
{
  double total, shares = 0;
  gint64 units = 0;

  g_return_val_if_fail (campaign != NULL, 0);

  total = campaign->impressions / 1000.0 * campaign->conversion_per_mille;
  for (guint i = 0; i < campaign->products->len; i++)
    shares += ((TaktCampaignProduct *) g_ptr_array_index (campaign->products, i))->share;
  if (shares <= 0)
    return 0;

  for (guint i = 0; i < campaign->products->len; i++)
    {
      const TaktCampaignProduct *cp = g_ptr_array_index (campaign->products, i);

      units += (gint64) floor (total * cp->share / shares + 0.5);
    }

  return units;
}

static char *
describe_products (const TaktPlan     *plan,
                   const TaktCampaign *campaign)
{
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; i < campaign->products->len; i++)
    {
      const TaktCampaignProduct *cp = g_ptr_array_index (campaign->products, i);
      const char *name = cp->product;

      if (cp->product_index >= 0 && cp->product_index < (int) plan->products->len)
        name = ((TaktProduct *) g_ptr_array_index (plan->products, cp->product_index))->name;
      if (i > 0)
        g_string_append (str, ", ");
      g_string_append (str, name);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
takt_campaigns_page_plan_changed (TaktPage *page)
{
  TaktCampaignsPage *self = TAKT_CAMPAIGNS_PAGE (page);
  TaktDocument *document = takt_page_get_document (page);
  g_autoptr(GListStore) rows = g_list_store_new (TAKT_TYPE_TABLE_ROW);
  g_autofree char *summary = NULL;
  g_autofree char *spend_text = NULL;
  g_autofree char *impressions_text = NULL;
  g_autofree char *reach = NULL;
  const char *currency = takt_page_get_currency (page);
  const TaktPlan *plan;
  double spend = 0;
  gint64 impressions = 0;

  if (document == NULL)
    return;

  plan = takt_document_get_plan (document);

  for (guint i = 0; i < plan->campaigns->len; i++)
    {
      const TaktCampaign *campaign = g_ptr_array_index (plan->campaigns, i);
      g_autoptr(TaktTableRow) row = takt_table_row_new (N_COLS);
      gint64 units = takt_campaign_expected_units (campaign);

      takt_table_row_set (row, COL_NAME, campaign->name ? campaign->name : campaign->id, 0);
      takt_table_row_set (row, COL_CHANNEL, takt_format_channel (campaign->channel), 0);
      takt_table_row_take (row, COL_DATES, takt_format_day_range (campaign->start, campaign->end),
                           campaign->start);
      takt_table_row_take (row, COL_SPEND, takt_format_money (campaign->spend, currency), campaign->spend);
      takt_table_row_take (row, COL_IMPRESSIONS, takt_format_count (campaign->impressions),
                           campaign->impressions);
      /* Translators: conversions per thousand impressions, e.g. "0.80 ‰" */
      takt_table_row_take (row, COL_CONVERSION,
                           g_strdup_printf (_("%.2f ‰"), campaign->conversion_per_mille),
                           campaign->conversion_per_mille);
      takt_table_row_take (row, COL_UNITS, takt_format_count (units), units);

      if (campaign->impressions > 0)
        {
          double cpm = campaign->spend / campaign->impressions * 1000.0;

          takt_table_row_take (row, COL_CPM, takt_format_money (cpm, currency), cpm);
        }
      else
        {
          takt_table_row_set (row, COL_CPM, "—", -1);
        }

      takt_table_row_take (row, COL_PRODUCTS, describe_products (plan, campaign), 0);

      spend += campaign->spend;
      impressions += campaign->impressions;
      g_list_store_append (rows, row);
    }

  /* Translators: the number of campaigns in a plan */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u campaign", "%u campaigns",
                                          plan->campaigns->len),
                             plan->campaigns->len);
  gtk_label_set_text (self->summary_label, summary);

  spend_text = takt_format_money (spend, currency);
  impressions_text = takt_format_count (impressions);
  /* Translators: the total spend and the impressions of all campaigns */
  reach = g_strdup_printf (_("%s spent · %s impressions"), spend_text, impressions_text);
  gtk_label_set_text (self->reach_label, reach);

  takt_table_set_rows (self->view, G_LIST_MODEL (rows));
  gtk_stack_set_visible_child_name (self->stack, plan->campaigns->len > 0 ? "list" : "empty");
}

static void
takt_campaigns_page_class_init (TaktCampaignsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TaktPageClass *page_class = TAKT_PAGE_CLASS (klass);

  page_class->plan_changed = takt_campaigns_page_plan_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taktplanner/Takt/takt-campaigns-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignsPage, reach_label);
  gtk_widget_class_bind_template_child (widget_class, TaktCampaignsPage, view);
}

static void
takt_campaigns_page_init (TaktCampaignsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  takt_table_add_column (self->view, _("Campaign"), COL_NAME, TAKT_COLUMN_EXPAND);
  takt_table_add_column (self->view, _("Channel"), COL_CHANNEL, 0);
  takt_table_add_column (self->view, _("Dates"), COL_DATES, 0);
  takt_table_add_column (self->view, _("Spend"), COL_SPEND, TAKT_COLUMN_NUMERIC);
  takt_table_add_column (self->view, _("Impressions"), COL_IMPRESSIONS, TAKT_COLUMN_NUMERIC);
  takt_table_add_column (self->view, _("Conversion"), COL_CONVERSION, TAKT_COLUMN_NUMERIC);
  takt_table_add_column (self->view, _("Expected Units"), COL_UNITS, TAKT_COLUMN_NUMERIC);
  takt_table_add_column (self->view, _("Cost per Mille"), COL_CPM, TAKT_COLUMN_NUMERIC);
  takt_table_add_column (self->view, _("Products"), COL_PRODUCTS, TAKT_COLUMN_EXPAND | TAKT_COLUMN_DIM);
}

GtkWidget *
takt_campaigns_page_new (void)
{
  return g_object_new (TAKT_TYPE_CAMPAIGNS_PAGE, NULL);
}
