/* takt-schedule-page.c — the Schedule page: the runs of the plan
 *
 * Copyright 2026 The Takt developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "takt-schedule-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "takt-format.h"
#include "takt-schedule-page.h"
#include "takt-table.h"
#include "takt-time.h"

struct _TaktSchedulePage
{
  TaktPage       parent_instance;

  GtkStack      *stack;
  GtkLabel      *horizon_label;
  GtkLabel      *summary_label;
  GtkColumnView *view;
};

G_DEFINE_FINAL_TYPE (TaktSchedulePage, takt_schedule_page, TAKT_TYPE_PAGE)

enum {
  COL_RUN,
  COL_PRODUCT,
  COL_QUANTITY,
  COL_MACHINE,
  COL_START,
  COL_END,
  COL_COVERS,
  N_COLS
};

/* What a run is for, as a person says it: the orders by id, then the
 * forecast and the campaigns by name ("SO-1001, SO-1003 · forecast ·
 * Advent newsletter"). */
static char *
describe_covers (const TaktPlan *plan,
                 const TaktRun  *run)
{
  g_autoptr(GString) orders = g_string_new (NULL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) campaigns = g_ptr_array_new ();
  gboolean forecast = FALSE;
  guint n_orders = 0;

  for (guint i = 0; i < run->covers->len; i++)
    {
      const TaktCover *cover = &g_array_index (run->covers, TaktCover, i);

      if (g_str_has_prefix (cover->demand, "forecast:"))
        {
          forecast = TRUE;
        }
      else if (g_str_has_prefix (cover->demand, "campaign:"))
        {
          const char *id = cover->demand + strlen ("campaign:");
          const char *end = strchr (id, ':');
          gsize len = end ? (gsize) (end - id) : strlen (id);

          for (guint c = 0; c < plan->campaigns->len; c++)
            {
              TaktCampaign *campaign = g_ptr_array_index (plan->campaigns, c);

              if (strlen (campaign->id) == len && strncmp (campaign->id, id, len) == 0 &&
                  !g_ptr_array_find (campaigns, campaign, NULL))
                g_ptr_array_add (campaigns, campaign);
            }
        }
      else
        {
          if (n_orders < 3)
            {
              if (orders->len > 0)
                g_string_append (orders, ", ");
              g_string_append (orders, cover->demand);
            }
          n_orders++;
        }
    }

  if (n_orders > 3)
    /* Translators: more orders a run covers, after the first three */
    g_string_append_printf (orders, g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more",
                                                 n_orders - 3),
                            n_orders - 3);
  if (orders->len > 0)
    g_ptr_array_add (parts, g_strdup (orders->str));
  if (forecast)
    g_ptr_array_add (parts, g_strdup (_("forecast")));
  for (guint c = 0; c < campaigns->len; c++)
    {
      const TaktCampaign *campaign = g_ptr_array_index (campaigns, c);

      g_ptr_array_add (parts, g_strdup (campaign->name ? campaign->name : campaign->id));
    }
  if (parts->len == 0)
    return g_strdup (_("stock"));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
takt_schedule_page_schedule_changed (TaktPage *page)
{
  TaktSchedulePage *self = TAKT_SCHEDULE_PAGE (page);
  TaktDocument *document = takt_page_get_document (page);
  const TaktSchedule *schedule = NULL;
  const TaktPlan *plan;
  g_autoptr(GListStore) rows = g_list_store_new (TAKT_TYPE_TABLE_ROW);
  g_autofree char *range = NULL;
  g_autofree char *horizon = NULL;
  g_autofree char *units = NULL;
  g_autofree char *summary = NULL;
  gint64 total_units = 0;

  if (document == NULL)
    return;

  plan = takt_document_get_plan (document);
  schedule = takt_document_get_schedule (document);

  range = takt_format_day_range (plan->horizon_start,
                                 plan->horizon_start + (plan->horizon_days - 1) * TAKT_DAY_S);
  /* Translators: the plan's horizon, its length and the planning strategy,
   * e.g. "30 Nov 2026 – 10 Jan 2027 · 42 days · Just in time" */
  horizon = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d day · %s", "%s · %d days · %s",
                                          plan->horizon_days),
                             range, (int) plan->horizon_days,
                             takt_format_strategy (plan->settings.strategy));
  gtk_label_set_text (self->horizon_label, horizon);

  if (schedule == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "planning");
      takt_table_set_rows (self->view, G_LIST_MODEL (rows));
      return;
    }

  for (guint i = 0; i < schedule->runs->len; i++)
    {
      const TaktRun *run = g_ptr_array_index (schedule->runs, i);
      const TaktProduct *product = NULL;
      g_autoptr(TaktTableRow) row = takt_table_row_new (N_COLS);
      const TaktRunStep *first, *last;

      if (run->product_index >= 0 && run->product_index < (int) plan->products->len)
        product = g_ptr_array_index (plan->products, run->product_index);
      if (run->steps->len == 0)
        continue;
      first = &g_array_index (run->steps, TaktRunStep, 0);
      last = &g_array_index (run->steps, TaktRunStep, run->steps->len - 1);

      takt_table_row_set (row, COL_RUN, run->id, i);
      takt_table_row_set (row, COL_PRODUCT, product ? product->name : "", 0);
      takt_table_row_set_color (row, product ? product->color : NULL);
      takt_table_row_take (row, COL_QUANTITY, takt_format_count (run->quantity), run->quantity);

      if (first->station_index >= 0 && first->station_index < (int) plan->stations->len)
        {
          const TaktStation *station = g_ptr_array_index (plan->stations, first->station_index);

          /* Translators: a station and one of its machines, e.g. "Print farm 2" */
          takt_table_row_take (row, COL_MACHINE,
                               g_strdup_printf (_("%s %d"), station->name, (int) first->machine),
                               first->station_index * 1000.0 + first->machine);
        }

      takt_table_row_take (row, COL_START, takt_format_instant (first->start), first->start);
      takt_table_row_take (row, COL_END, takt_format_instant (last->end), last->end);
      takt_table_row_take (row, COL_COVERS, describe_covers (plan, run), 0);

      total_units += run->quantity;
      g_list_store_append (rows, row);
    }

  units = takt_format_count (total_units);
  /* Translators: the runs of a plan and the units they make */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u run · %s units",
                                          "%u runs · %s units", schedule->runs->len),
                             schedule->runs->len, units);
  gtk_label_set_text (self->summary_label, summary);

  takt_table_set_rows (self->view, G_LIST_MODEL (rows));
  gtk_stack_set_visible_child_name (self->stack, schedule->runs->len > 0 ? "runs" : "empty");
}

static void
takt_schedule_page_plan_changed (TaktPage *page)
{
  /* Names and colours come from the plan; the runs follow with the next
   * schedule. */
  takt_schedule_page_schedule_changed (page);
}

static void
takt_schedule_page_class_init (TaktSchedulePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TaktPageClass *page_class = TAKT_PAGE_CLASS (klass);

  page_class->plan_changed = takt_schedule_page_plan_changed;
  page_class->schedule_changed = takt_schedule_page_schedule_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taktplanner/Takt/takt-schedule-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TaktSchedulePage, stack);
  gtk_widget_class_bind_template_child (widget_class, TaktSchedulePage, horizon_label);
  gtk_widget_class_bind_template_child (widget_class, TaktSchedulePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TaktSchedulePage, view);
}

static void
takt_schedule_page_init (TaktSchedulePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  takt_table_add_column (self->view, _("Run"), COL_RUN, TAKT_COLUMN_DIM);
  takt_table_add_column (self->view, _("Product"), COL_PRODUCT, TAKT_COLUMN_SWATCH | TAKT_COLUMN_EXPAND);
  takt_table_add_column (self->view, _("Quantity"), COL_QUANTITY, TAKT_COLUMN_NUMERIC);
  takt_table_add_column (self->view, _("Machine"), COL_MACHINE, 0);
  takt_table_add_column (self->view, _("Start"), COL_START, 0);
  takt_table_add_column (self->view, _("End"), COL_END, 0);
  takt_table_add_column (self->view, _("Covers"), COL_COVERS, TAKT_COLUMN_EXPAND | TAKT_COLUMN_DIM);
}

GtkWidget *
takt_schedule_page_new (void)
{
  return g_object_new (TAKT_TYPE_SCHEDULE_PAGE, NULL);
}
